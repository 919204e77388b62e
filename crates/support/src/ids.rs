//! The support capability's typed ids.

platform::id!(
    /// An idea of the idea bank (`support_ideas`).
    pub IdeaId,
    /// A comment on an idea (`support_idea_comments`).
    pub CommentId,
);

platform::id!(
    /// A case of "En dörr in" (`support_door_cases`).
    pub CaseId,
    /// A topic of "En dörr in" and where it is routed (`support_door_topics`).
    pub TopicId,
    /// A published question and answer of "En dörr in" (`support_door_faq`).
    pub FaqId,
);

platform::id!(
    /// A consultation of the consultation group (`support_consultations`).
    pub ConsultationId,
);
