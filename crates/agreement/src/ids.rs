//! The agreement's typed ids: a principle's id does not fit where a commitment's is expected.

platform::id!(
    /// A version of a municipality's agreement (`agreement_versions`).
    pub VersionId,
    /// A principle of a version (`agreement_principles`).
    pub PrincipleId,
    /// A commitment under a principle (`agreement_commitments`).
    pub CommitmentId,
    /// An entry of the public timeline (`agreement_timeline`).
    pub TimelineEntryId,
    /// A consultation (remiss) on a draft (`agreement_consultations`).
    pub ConsultationId,
    /// A commitment as it was sent out on consultation (`agreement_consultation_items`).
    pub ItemId,
    /// A comment in a consultation (`agreement_comments`).
    pub CommentId,
    /// A specific agreement or IOP in the register beside the agreement (`agreement_specific`).
    pub SpecificId,
    /// A document of a specific agreement (`agreement_specific_documents`).
    pub DocumentId,
);
