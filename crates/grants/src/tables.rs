//! The grants' tables, each described once for the writes (`platform::db::{Insert, Update,
//! Delete}` name a column next to its value). Reads stay hand-written SQL in the stores.

use platform::db::Unique;
use sea_query::Iden;

#[derive(Iden)]
#[iden = "grants_programmes"]
pub enum Programmes {
    Table,
    Id,
    MunicipalityId,
    Kind,
    Name,
    Description,
    Criteria,
    Rules,
    Eligibility,
    Attachments,
    Questions,
    QuestionSeq,
    Published,
    CreatedAt,
    UpdatedAt,
}

/// One programme of a name per municipality.
pub const PROGRAMME_NAME: Unique = Unique {
    table: "grants_programmes",
    columns: &["municipality_id", "name"],
};

#[derive(Iden)]
#[iden = "grants_periods"]
pub enum Periods {
    Table,
    MunicipalityId,
    ProgrammeId,
    Name,
    StartsOn,
    EndsOn,
    OpensOn,
    Deadline,
    BudgetOre,
    CreatedAt,
}

/// One period of a name per programme.
pub const PERIOD_NAME: Unique = Unique {
    table: "grants_periods",
    columns: &["programme_id", "name"],
};

#[derive(Iden)]
#[iden = "grants_deciders"]
pub enum Deciders {
    Table,
    MunicipalityId,
    UserId,
}

#[derive(Iden)]
#[iden = "grants_applications"]
pub enum Applications {
    Table,
    Id,
    MunicipalityId,
    ProgrammeId,
    PeriodId,
    OrganisationId,
    Status,
    CaseNumber,
    Lang,
    Purpose,
    AppliedOre,
    Answers,
    DemocracyAttested,
    Years,
    CreatedByUserId,
    CoSignerEmail,
    CoSignedByUserId,
    CoSignedAt,
    SubmittedAt,
    HandlerUserId,
    Scores,
    CompletionMessage,
    CompletionDeadline,
    ProposedOre,
    ProposalNote,
    ProposedByUserId,
    DecidedOre,
    DecisionReason,
    DecidedOn,
    DecidedAt,
    DecidedByUserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden)]
#[iden = "grants_attachments"]
pub enum Attachments {
    Table,
    MunicipalityId,
    ApplicationId,
    Kind,
    FileName,
    Mime,
    Size,
    Bytes,
    UploadedByUserId,
    UploadedAt,
}

#[derive(Iden)]
#[iden = "grants_notes"]
pub enum Notes {
    Table,
    MunicipalityId,
    ApplicationId,
    AuthorUserId,
    Body,
    CreatedAt,
}

#[derive(Iden)]
#[iden = "grants_installments"]
pub enum Installments {
    Table,
    Id,
    MunicipalityId,
    ApplicationId,
    YearIndex,
    AmountOre,
    ReportDueOn,
    ReportText,
    ReportSubmittedAt,
    ReportApprovedAt,
    RemindedAt,
    PayoutReference,
    PaidAt,
    RecoveryStartedAt,
    RecoveryReason,
    /// What the staff asked for when they sent a report back (migration 20261206250000).
    ReportFeedback,
    ReportReturnedAt,
    /// The reminder sent once a report is overdue (`RemindedAt` marks the one before).
    OverdueRemindedAt,
}

// --- Attendance (activity support) ---

#[derive(Iden)]
#[iden = "grants_attendance_groups"]
pub enum AttendanceGroups {
    Table,
    MunicipalityId,
    OrganisationId,
    Name,
    CreatedAt,
}

#[derive(Iden)]
#[iden = "grants_attendance_meetings"]
pub enum AttendanceMeetings {
    Table,
    Id,
    MunicipalityId,
    OrganisationId,
    GroupId,
    HeldOn,
    StartsAt,
    Minutes,
    Activity,
    Digest,
    Leaders,
    Participants,
    Source,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden)]
#[iden = "grants_attendance"]
pub enum Attendance {
    Table,
    MeetingId,
    Position,
    MunicipalityId,
    Role,
    PersonKey,
    Name,
    BirthYear,
    Gender,
}
