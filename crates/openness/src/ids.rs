//! The openness capability's typed ids.

platform::id!(
    /// A decision in the decisions feed (`openness_decisions`).
    pub DecisionId,
    /// An attachment of a decision (`openness_decision_attachments`).
    pub AttachmentId,
    /// An event of the shared calendar (`openness_events`).
    pub EventId,
);
