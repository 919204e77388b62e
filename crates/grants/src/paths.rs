//! Every URL of the grants, built in one place (the routes are declared with the same segments).
//! Each takes the municipality's slug.

use crate::ids::ProgrammeId;

/// The public list of programmes: `/{slug}/bidrag`.
pub fn programmes(slug: &str) -> String {
    format!("/{slug}/bidrag")
}

pub fn programme(slug: &str, id: ProgrammeId) -> String {
    format!("/{slug}/bidrag/{id}")
}

/// The coordinator's form for a new programme.
pub fn new_programme(slug: &str) -> String {
    format!("/{slug}/bidrag/ny")
}

pub fn periods(slug: &str, id: ProgrammeId) -> String {
    format!("/{slug}/bidrag/{id}/perioder")
}

pub fn publish(slug: &str, id: ProgrammeId) -> String {
    format!("/{slug}/bidrag/{id}/publicera")
}

/// The coordinator's page for changing a programme (its text is posted here too).
pub fn edit_programme(slug: &str, id: ProgrammeId) -> String {
    format!("/{slug}/bidrag/{id}/andra")
}

/// A part of the programme posted from its edit page: `regler`, `krav`, `bilagor`, `fragor`,
/// `fragor/flytta`, `fragor/ta-bort`.
pub fn edit_part(slug: &str, id: ProgrammeId, part: &str) -> String {
    format!("/{slug}/bidrag/{id}/andra/{part}")
}

/// The programmes as JSON: `/api/v1/{slug}/grants/programmes`.
pub fn api(slug: &str) -> String {
    format!("/api/v1/{slug}/grants/programmes")
}

// --- Applications ---

use crate::ids::{ApplicationId, AttachmentId, PeriodId};

/// "Mina ansökningar": every application of the associations the user represents.
pub fn mine(slug: &str) -> String {
    format!("/{slug}/bidrag/mina")
}

/// A new application for a period (`?forening=` names the association).
pub fn apply(slug: &str, period: PeriodId) -> String {
    format!("/{slug}/bidrag/ansok/{period}")
}

pub fn application(slug: &str, id: ApplicationId) -> String {
    format!("/{slug}/bidrag/ansokan/{id}")
}

/// A step on an application: `submit`, `cosign`, `attachments`, `take`, …
pub fn application_step(slug: &str, id: ApplicationId, step: &str) -> String {
    format!("/{slug}/bidrag/ansokan/{id}/{step}")
}

pub fn attachment(slug: &str, id: ApplicationId, file: AttachmentId) -> String {
    format!("/{slug}/bidrag/ansokan/{id}/bilagor/{file}")
}

/// The handlers' queue of a period.
pub fn queue(slug: &str, period: PeriodId) -> String {
    format!("/{slug}/bidrag/handlaggning/{period}")
}

/// The public decisions of a year.
pub fn decisions(slug: &str) -> String {
    format!("/{slug}/bidrag/beslut")
}

pub fn api_decisions(slug: &str) -> String {
    format!("/api/v1/{slug}/grants/decisions")
}

/// The payout lists (per decision date) for the finance system.
pub fn payouts(slug: &str) -> String {
    format!("/{slug}/bidrag/utbetalningar")
}

/// Who may decide (delegation), kept by the coordinator.
pub fn deciders(slug: &str) -> String {
    format!("/{slug}/bidrag/beslutsfattare")
}

// --- Attendance (activity support) ---

/// An association's attendance: its groups and meetings, the file upload and the web card.
pub fn attendance(slug: &str, org: platform::OrganisationId) -> String {
    format!("/{slug}/bidrag/narvaro/{org}")
}

/// Where an attendance file is posted (multipart; the CSRF token goes in the query).
pub fn attendance_import(slug: &str, org: platform::OrganisationId) -> String {
    format!("/{slug}/bidrag/narvaro/{org}/import")
}

/// Where the web attendance card is posted.
pub fn attendance_card(slug: &str, org: platform::OrganisationId) -> String {
    format!("/{slug}/bidrag/narvaro/{org}/kort")
}

/// An association's activity support for a period of an activity-support programme.
pub fn activity_result(
    slug: &str,
    programme: crate::ids::ProgrammeId,
    period: crate::ids::PeriodId,
    org: platform::OrganisationId,
) -> String {
    format!("/{slug}/bidrag/{programme}/perioder/{period}/aktivitet/{org}")
}

/// The staff's periods with their queues.
pub fn queues(slug: &str) -> String {
    format!("/{slug}/bidrag/handlaggning")
}

// --- Payouts, public decisions and reports ---

/// A payout list (the day its payments became payable): where it is marked as paid.
pub fn payout_list(slug: &str, day: chrono::NaiveDate) -> String {
    format!("/{slug}/bidrag/utbetalningar/{}", day.format("%Y-%m-%d"))
}

/// A payout list as a file for the finance system: `format` is `csv` or `xlsx`.
pub fn payout_file(slug: &str, day: chrono::NaiveDate, format: &str) -> String {
    format!("/{slug}/bidrag/utbetalningar/{}/{format}", day.format("%Y-%m-%d"))
}

/// The public decisions of one year.
pub fn decisions_of(slug: &str, year: i32) -> String {
    format!("/{slug}/bidrag/beslut?ar={year}")
}

pub fn api_decisions_of(slug: &str, year: i32) -> String {
    format!("/api/v1/{slug}/grants/decisions?year={year}")
}

/// The report of one year of a decided grant (year 1, 2, …).
pub fn report(slug: &str, id: ApplicationId, year: u32) -> String {
    format!("/{slug}/bidrag/ansokan/{id}/redovisning/{year}")
}

/// A period's activity support for all associations (the municipality's staff).
pub fn activity_period(slug: &str, programme: crate::ids::ProgrammeId, period: crate::ids::PeriodId) -> String {
    format!("/{slug}/bidrag/{programme}/perioder/{period}/aktivitetsstod")
}

/// The same table as a CSV file.
pub fn activity_period_csv(slug: &str, programme: crate::ids::ProgrammeId, period: crate::ids::PeriodId) -> String {
    format!("/{slug}/bidrag/{programme}/perioder/{period}/aktivitetsstod.csv")
}
