//! The applications' reads. Every function takes the municipality and filters by it: an
//! application of another municipality is not found. The writes are in [`super::write`].

use crate::applications::domain::Status;
use crate::ids::{ApplicationId, AttachmentId, InstallmentId, PeriodId, ProgrammeId};
use chrono::NaiveDate;
use platform::db::Db;
use platform::{MunicipalityId, OrganisationId, UserId};
use sqlx::any::AnyRow;
use sqlx::Row;

mod queue;
pub use queue::{budget_use, period_counts, queue, status_tally, BudgetUse, QueueEntry, Tally};

#[derive(Clone, Debug)]
pub struct Application {
    pub id: ApplicationId,
    pub programme_id: ProgrammeId,
    pub period_id: PeriodId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub status: Status,
    pub case_number: Option<String>,
    pub lang: String,
    pub purpose: String,
    pub applied_ore: i64,
    pub answers: String,
    pub democracy_attested: bool,
    pub years: u32,
    pub created_by: Option<UserId>,
    pub co_signer_email: String,
    pub co_signed_by: Option<UserId>,
    pub submitted_at: Option<i64>,
    pub handler: Option<UserId>,
    pub handler_name: Option<String>,
    pub scores: Vec<Option<u8>>,
    pub completion_message: String,
    pub completion_deadline: Option<NaiveDate>,
    pub proposed_ore: Option<i64>,
    pub proposal_note: String,
    pub decided_ore: Option<i64>,
    pub decision_reason: String,
    pub decided_on: Option<NaiveDate>,
    pub updated_at: i64,
    /// Where the applicant's letters go: the e-mail of the representative who began it.
    pub applicant_email: Option<String>,
}

pub(crate) fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

const COLUMNS: &str = "a.id, a.programme_id, a.period_id, a.organisation_id, o.name AS organisation_name, a.status, \
     a.case_number, a.lang, a.purpose, a.applied_ore, a.answers, a.democracy_attested, a.years, a.created_by_user_id, \
     a.co_signer_email, a.co_signed_by_user_id, a.submitted_at, a.handler_user_id, h.name AS handler_name, a.scores, \
     a.completion_message, a.completion_deadline, a.proposed_ore, a.proposal_note, a.decided_ore, a.decision_reason, \
     a.decided_on, a.updated_at, c.email AS applicant_email";

const FROM: &str = "grants_applications a JOIN organisations o ON o.id = a.organisation_id \
     LEFT JOIN users h ON h.id = a.handler_user_id LEFT JOIN users c ON c.id = a.created_by_user_id";

fn application(r: &AnyRow) -> Result<Application, sqlx::Error> {
    let status: String = r.try_get("status")?;
    let scores: String = r.try_get("scores")?;
    let years: i64 = r.try_get("years")?;
    Ok(Application {
        id: r.try_get("id")?,
        programme_id: r.try_get("programme_id")?,
        period_id: r.try_get("period_id")?,
        organisation_id: r.try_get("organisation_id")?,
        organisation_name: r.try_get("organisation_name")?,
        status: status
            .parse()
            .map_err(|e: strum::ParseError| sqlx::Error::Decode(Box::new(e)))?,
        case_number: r.try_get("case_number")?,
        lang: r.try_get("lang")?,
        purpose: r.try_get("purpose")?,
        applied_ore: r.try_get("applied_ore")?,
        answers: r.try_get("answers")?,
        democracy_attested: r.try_get::<i64, _>("democracy_attested")? != 0,
        years: u32::try_from(years).unwrap_or(1),
        created_by: r.try_get("created_by_user_id")?,
        co_signer_email: r.try_get("co_signer_email")?,
        co_signed_by: r.try_get("co_signed_by_user_id")?,
        submitted_at: r.try_get("submitted_at")?,
        handler: r.try_get("handler_user_id")?,
        handler_name: r.try_get("handler_name")?,
        scores: serde_json::from_str(&scores).unwrap_or_default(),
        completion_message: r.try_get("completion_message")?,
        completion_deadline: date(r.try_get("completion_deadline")?),
        proposed_ore: r.try_get("proposed_ore")?,
        proposal_note: r.try_get("proposal_note")?,
        decided_ore: r.try_get("decided_ore")?,
        decision_reason: r.try_get("decision_reason")?,
        decided_on: date(r.try_get("decided_on")?),
        updated_at: r.try_get("updated_at")?,
        applicant_email: r.try_get("applicant_email")?,
    })
}

/// One application of the municipality.
pub async fn application_by_id(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ApplicationId,
) -> Result<Option<Application>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE a.municipality_id = $1 AND a.id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(application)
    .transpose()
}

/// The association's application in a period, if it has begun one.
pub async fn application_of(
    db: &Db,
    municipality_id: MunicipalityId,
    period_id: PeriodId,
    organisation_id: OrganisationId,
) -> Result<Option<ApplicationId>, sqlx::Error> {
    let row: Option<(ApplicationId,)> = sqlx::query_as(
        "SELECT id FROM grants_applications WHERE municipality_id = $1 AND period_id = $2 AND organisation_id = $3",
    )
    .bind(municipality_id)
    .bind(period_id)
    .bind(organisation_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.0))
}

/// Every application of the given associations, newest first (one query).
pub async fn applications_of(
    db: &Db,
    municipality_id: MunicipalityId,
    organisations: &[OrganisationId],
) -> Result<Vec<Application>, sqlx::Error> {
    if organisations.is_empty() {
        return Ok(vec![]);
    }
    let list = organisations
        .iter()
        .map(|o| i64::from(*o).to_string())
        .collect::<Vec<_>>()
        .join(",");
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE a.municipality_id = $1 AND a.organisation_id IN ({list}) \
         ORDER BY a.updated_at DESC, a.id DESC"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(application)
    .collect()
}

/// A period's applications waiting for a handler's proposal (sent, or taken and in review),
/// in the order they came.
pub async fn open_cases(
    db: &Db,
    municipality_id: MunicipalityId,
    period_id: PeriodId,
) -> Result<Vec<Application>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE a.municipality_id = $1 AND a.period_id = $2 \
         AND a.status IN ('submitted', 'in-review') ORDER BY a.submitted_at, a.id"
    ))
    .bind(municipality_id)
    .bind(period_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(application)
    .collect()
}

#[derive(Clone, Debug)]
pub struct AttachmentMeta {
    pub id: AttachmentId,
    pub kind: String,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
}

pub async fn attachments(
    db: &Db,
    municipality_id: MunicipalityId,
    application_id: ApplicationId,
) -> Result<Vec<AttachmentMeta>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, kind, file_name, mime, size FROM grants_attachments \
         WHERE municipality_id = $1 AND application_id = $2 ORDER BY kind, id",
    )
    .bind(municipality_id)
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AttachmentMeta {
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                file_name: r.try_get("file_name")?,
                mime: r.try_get("mime")?,
                size: r.try_get("size")?,
            })
        })
        .collect()
}

/// One attached file's name, type and bytes.
pub async fn attachment_file(
    db: &Db,
    municipality_id: MunicipalityId,
    application_id: ApplicationId,
    id: AttachmentId,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(String, String, Vec<u8>)> = sqlx::query_as(
        "SELECT file_name, mime, bytes FROM grants_attachments \
         WHERE municipality_id = $1 AND application_id = $2 AND id = $3",
    )
    .bind(municipality_id)
    .bind(application_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row)
}

#[derive(Clone, Debug)]
pub struct Note {
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

/// The handlers' notes on an application, oldest first.
pub async fn notes(
    db: &Db,
    municipality_id: MunicipalityId,
    application_id: ApplicationId,
) -> Result<Vec<Note>, sqlx::Error> {
    let rows: Vec<(Option<String>, String, i64)> = sqlx::query_as(
        "SELECT u.name, n.body, n.created_at FROM grants_notes n LEFT JOIN users u ON u.id = n.author_user_id \
         WHERE n.municipality_id = $1 AND n.application_id = $2 ORDER BY n.id",
    )
    .bind(municipality_id)
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(a, body, created_at)| Note {
            author: a.unwrap_or_default(),
            body,
            created_at,
        })
        .collect())
}

/// The municipality's case-number prefix (its nämnd), "KFN" unless set.
pub async fn case_prefix(db: &Db, municipality_id: MunicipalityId) -> Result<String, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT case_prefix FROM grants_settings WHERE municipality_id = $1")
        .bind(municipality_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.0).unwrap_or_else(|| "KFN".to_string()))
}

/// Whether the user holds the decision role (delegation) in the municipality.
pub async fn is_decider(db: &Db, municipality_id: MunicipalityId, user: UserId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM grants_deciders WHERE municipality_id = $1 AND user_id = $2")
            .bind(municipality_id)
            .bind(user)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.is_some())
}

/// The deciders of the municipality: id, name and e-mail, by name.
pub async fn deciders(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<(UserId, String, String)>, sqlx::Error> {
    let mut rows: Vec<(UserId, String, String)> = sqlx::query_as(
        "SELECT u.id, u.name, u.email FROM grants_deciders d JOIN users u ON u.id = d.user_id \
         WHERE d.municipality_id = $1",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    rows.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1));
    Ok(rows)
}

/// A decided grant's year.
#[derive(Clone, Debug)]
pub struct Installment {
    pub id: InstallmentId,
    pub application_id: ApplicationId,
    pub year_index: u32,
    pub amount_ore: i64,
    pub report_due_on: Option<NaiveDate>,
    pub report_text: String,
    pub report_submitted_at: Option<i64>,
    pub report_approved_at: Option<i64>,
    pub paid_at: Option<i64>,
    pub recovery_started_at: Option<i64>,
    pub recovery_reason: String,
}

const INSTALLMENT: &str = "SELECT id, application_id, year_index, amount_ore, report_due_on, report_text, \
     report_submitted_at, report_approved_at, paid_at, recovery_started_at, recovery_reason FROM grants_installments";

pub(crate) fn installment(r: &AnyRow) -> Result<Installment, sqlx::Error> {
    let year: i64 = r.try_get("year_index")?;
    Ok(Installment {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        year_index: u32::try_from(year).unwrap_or(1),
        amount_ore: r.try_get("amount_ore")?,
        report_due_on: date(r.try_get("report_due_on")?),
        report_text: r.try_get("report_text")?,
        report_submitted_at: r.try_get("report_submitted_at")?,
        report_approved_at: r.try_get("report_approved_at")?,
        paid_at: r.try_get("paid_at")?,
        recovery_started_at: r.try_get("recovery_started_at")?,
        recovery_reason: r.try_get("recovery_reason")?,
    })
}

/// An application's installments, by year.
pub async fn installments(
    db: &Db,
    municipality_id: MunicipalityId,
    application_id: ApplicationId,
) -> Result<Vec<Installment>, sqlx::Error> {
    sqlx::query(&format!(
        "{INSTALLMENT} WHERE municipality_id = $1 AND application_id = $2 ORDER BY year_index"
    ))
    .bind(municipality_id)
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(installment)
    .collect()
}

/// The year of the association's last start grant decided in the municipality (granted,
/// reduced or paid), for the rule against a restart within a programme's years.
pub async fn last_start_year(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
) -> Result<Option<i32>, sqlx::Error> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT MAX(a.decided_on) FROM grants_applications a JOIN grants_programmes p ON p.id = a.programme_id \
         WHERE a.municipality_id = $1 AND a.organisation_id = $2 AND p.kind = 'start' \
           AND a.status IN ('granted', 'reduced', 'paid')",
    )
    .bind(municipality_id)
    .bind(organisation_id)
    .fetch_optional(&db.pool)
    .await?;
    use chrono::Datelike;
    Ok(date(row.and_then(|r| r.0)).map(|d| d.year()))
}

/// The municipality's staff (coordinators and staff), id, name and e-mail, in Swedish order:
/// whom the coordinator may give the decision role.
pub async fn staff(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<(UserId, String, String)>, sqlx::Error> {
    let mut rows: Vec<(UserId, String, String)> = sqlx::query_as(
        "SELECT DISTINCT u.id, u.name, u.email FROM users u JOIN roles r ON r.user_id = u.id \
         WHERE r.municipality_id = $1 AND r.role IN ('coordinator', 'staff')",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    rows.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1));
    Ok(rows)
}

// --- Added for payouts and reports ---

/// The named applications of the municipality (each once, in id order): one query however
/// many; an application of another municipality is not returned.
pub async fn applications_by_ids(
    db: &Db,
    municipality_id: MunicipalityId,
    ids: &[ApplicationId],
) -> Result<Vec<Application>, sqlx::Error> {
    let mut ids = ids.to_vec();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let list = ids.iter().map(|i| i.get().to_string()).collect::<Vec<_>>().join(",");
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE a.municipality_id = $1 AND a.id IN ({list}) ORDER BY a.id"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(application)
    .collect()
}
