//! The support capability's typed ids.

platform::id!(
    /// An idea of the idea bank (`support_ideas`).
    pub IdeaId,
    /// A comment on an idea (`support_idea_comments`).
    pub CommentId,
);
