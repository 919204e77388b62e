//! The grants' typed ids.

platform::id!(
    /// A grant programme (bidragsform) of a municipality.
    pub ProgrammeId,
    /// An application period of a programme, with its deadline and budget.
    pub PeriodId,
);
