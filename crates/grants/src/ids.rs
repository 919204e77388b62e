//! The grants' typed ids.

platform::id!(
    /// A grant programme (bidragsform) of a municipality.
    pub ProgrammeId,
    /// An application period of a programme, with its deadline and budget.
    pub PeriodId,
);

platform::id!(
    /// An association's application for a grant in one period.
    pub ApplicationId,
    /// A file attached to an application.
    pub AttachmentId,
    /// One year's payment of a decided grant.
    pub InstallmentId,
);
