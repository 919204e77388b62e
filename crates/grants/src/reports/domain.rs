//! The reports of a decided grant's years, without I/O: where a report stands, who may do what
//! with it, when the applicant is reminded, and when a recovery (återkrav) may start.

use chrono::{Duration, NaiveDate};

/// The longest report, in characters.
pub const REPORT_MAX: usize = 8000;
/// The longest message when asking for more, and the longest reason for a recovery.
pub const MESSAGE_MAX: usize = 4000;
/// The applicant is reminded this many days before a report is due.
pub const REMIND_DAYS: i64 = 14;

/// Where a year's report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportState {
    /// No report is asked for this year.
    NotAsked,
    /// Not written yet.
    Missing,
    /// Sent, waiting for the staff.
    Submitted,
    /// The staff asked for more; the applicant writes again.
    Returned,
    Approved,
}

impl ReportState {
    pub fn message_id(self) -> &'static str {
        match self {
            ReportState::NotAsked => "grants-report-state-not-asked",
            ReportState::Missing => "grants-report-state-missing",
            ReportState::Submitted => "grants-report-state-submitted",
            ReportState::Returned => "grants-report-state-returned",
            ReportState::Approved => "grants-report-state-approved",
        }
    }
}

/// What is known of a year's report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportFacts {
    pub due_on: Option<NaiveDate>,
    pub submitted_at: Option<i64>,
    pub approved_at: Option<i64>,
    pub returned_at: Option<i64>,
}

pub fn state(f: &ReportFacts) -> ReportState {
    if f.due_on.is_none() {
        ReportState::NotAsked
    } else if f.approved_at.is_some() {
        ReportState::Approved
    } else if f.submitted_at.is_some() {
        ReportState::Submitted
    } else if f.returned_at.is_some() {
        ReportState::Returned
    } else {
        ReportState::Missing
    }
}

/// Whether the report should be in and is not (missing or sent back) after its due date.
pub fn overdue(f: &ReportFacts, today: NaiveDate) -> bool {
    matches!(state(f), ReportState::Missing | ReportState::Returned) && f.due_on.is_some_and(|d| today > d)
}

/// The applicant writes (or rewrites) the report before or after the due date, until it is
/// approved or a recovery has started.
pub fn applicant_may_write(f: &ReportFacts, recovery: bool) -> bool {
    !recovery
        && matches!(
            state(f),
            ReportState::Missing | ReportState::Returned | ReportState::Submitted
        )
}

/// The staff approve a sent report or ask for more.
pub fn staff_may_review(f: &ReportFacts, recovery: bool) -> bool {
    !recovery && state(f) == ReportState::Submitted
}

/// A recovery (återkrav) may start for a paid year whose report is missing past its due date,
/// or was sent back as not good enough; once per grant (it stops its further payouts).
pub fn may_recover(f: &ReportFacts, paid: bool, recovery: bool, today: NaiveDate) -> bool {
    paid && !recovery && (state(f) == ReportState::Returned || overdue(f, today))
}

/// The report text as sent: required, at most [`REPORT_MAX`] characters.
pub fn report_text(input: &str) -> Result<String, platform::rules::Invalid> {
    required_text(input, REPORT_MAX)
}

/// A message or reason: required, at most [`MESSAGE_MAX`] characters.
pub fn message(input: &str) -> Result<String, platform::rules::Invalid> {
    required_text(input, MESSAGE_MAX)
}

fn required_text(input: &str, max: usize) -> Result<String, platform::rules::Invalid> {
    let s = platform::rules::text(input, max)?;
    if s.is_empty() {
        return Err(platform::rules::Invalid::Required);
    }
    Ok(s)
}

/// The reminders about a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    /// [`REMIND_DAYS`] days before it is due (or later, up to the due date).
    Soon,
    /// Once, the day after the due date or later.
    Overdue,
}

/// The reminder to send today, if any: none for a report that is sent or approved (or not
/// asked for), each kind once (`reminded`, `overdue_reminded`); past the due date only the
/// overdue one.
pub fn reminder(f: &ReportFacts, reminded: bool, overdue_reminded: bool, today: NaiveDate) -> Option<Reminder> {
    let due = f.due_on?;
    if !matches!(state(f), ReportState::Missing | ReportState::Returned) {
        return None;
    }
    if today > due {
        (!overdue_reminded).then_some(Reminder::Overdue)
    } else if today >= due - Duration::days(REMIND_DAYS) {
        (!reminded).then_some(Reminder::Soon)
    } else {
        None
    }
}

/// A year of a decided grant as the application page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearStatus {
    pub year: u32,
    pub amount_ore: i64,
    pub report_due_on: Option<NaiveDate>,
    pub report: ReportState,
    /// The report is missing or sent back past its due date.
    pub overdue: bool,
    /// The day the year became payable (`None`: not yet, or stopped).
    pub payable_on: Option<NaiveDate>,
    pub paid_on: Option<NaiveDate>,
    /// A recovery of this year has started, with its reason.
    pub recovery: Option<String>,
    /// A recovery of any year of the grant stops every further payout.
    pub stopped: bool,
}

#[cfg(test)]
mod tests;
