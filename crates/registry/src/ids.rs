//! The registry's typed ids (organisations are the platform's `OrganisationId`).

platform::id!(
    /// A contact person of an organisation (`registry_contacts`).
    pub ContactId,
    /// Premises an organisation has of its own (`registry_premises`).
    pub PremisesId,
    /// A request to become an organisation's representative (`registry_join_requests`).
    pub JoinRequestId,
    /// An import checked and waiting for the coordinator's confirmation (`registry_import_drafts`).
    pub ImportDraftId,
);
