//! The applications' writes, each in the caller's write transaction (`platform::db::write`),
//! returning what happened and its audit entry; the caller queues the letters in the same
//! transaction. Each step is checked against [`domain::next`] first.

use crate::applications::domain::{self, Actor, Outcome, Refusal, Status, Step};
use crate::applications::store::Application;
use crate::ids::{ApplicationId, AttachmentId, PeriodId, ProgrammeId};
use crate::tables::{Applications, Attachments, Deciders, Installments, Notes};
use chrono::{Months, NaiveDate};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{Backend, Insert, Update};
use platform::{MunicipalityId, OrganisationId};
use sqlx::AnyConnection;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("step refused: {0:?}")]
    Refused(Refusal),
    #[error("the association already has an application in this period")]
    Exists(ApplicationId),
    #[error("the decision would take the period over its budget ({left_ore} öre left)")]
    OverBudget { left_ore: i64 },
    #[error("the application was decided by someone else")]
    AlreadyDecided,
    #[error("no such application in this municipality")]
    NotFound,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl From<WriteError> for platform::error::AppError {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::Db(e) => e.into(),
            WriteError::NotFound => platform::error::AppError::NotFound("err-not-found"),
            other => platform::error::AppError::Internal(anyhow::anyhow!(other)),
        }
    }
}

impl From<Refusal> for WriteError {
    fn from(r: Refusal) -> Self {
        WriteError::Refused(r)
    }
}

fn d(x: NaiveDate) -> String {
    x.format("%Y-%m-%d").to_string()
}

fn change<'a>(
    m: MunicipalityId,
    actor: &'a CurrentUser,
    action: &'static str,
    id: ApplicationId,
    summary: impl Into<String>,
) -> Change<'a> {
    Change::new(m, Some(actor), action, "grants_application", id, summary.into())
}

/// A new draft for the association in the period.
#[allow(clippy::too_many_arguments)]
pub async fn create<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    programme_id: ProgrammeId,
    period_id: PeriodId,
    organisation_id: OrganisationId,
    lang: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<(ApplicationId, Change<'a>), WriteError> {
    // The one application of the association in the period is looked for first (a caught
    // unique violation would abort a PostgreSQL transaction); the unique index still stops a
    // second one made at the same moment.
    let existing: Option<(ApplicationId,)> = sqlx::query_as(
        "SELECT id FROM grants_applications WHERE municipality_id = $1 AND period_id = $2 AND organisation_id = $3",
    )
    .bind(m)
    .bind(period_id)
    .bind(organisation_id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((id,)) = existing {
        return Err(WriteError::Exists(id));
    }
    let id: ApplicationId = Insert::into(Applications::Table)
        .set(Applications::MunicipalityId, m)
        .set(Applications::ProgrammeId, programme_id)
        .set(Applications::PeriodId, period_id)
        .set(Applications::OrganisationId, organisation_id)
        .set(Applications::Status, <&str>::from(Status::Draft))
        .set(Applications::Lang, lang)
        .set(Applications::CreatedByUserId, actor.id)
        .set(Applications::CreatedAt, now)
        .set(Applications::UpdatedAt, now)
        .returning_id(tx)
        .await?;
    Ok((id, change(m, actor, "grants.application.create", id, "")))
}

/// What the applicant writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub purpose: String,
    pub applied_ore: i64,
    pub years: u32,
    pub democracy_attested: bool,
    /// The kind's facts and the programme's own questions, JSON ([`super::form::Stored`]).
    pub answers: String,
    /// A second board member asked to co-sign, or empty.
    pub co_signer_email: String,
}

/// Saves the applicant's answers while the application may be changed (`open`: before the
/// period's deadline, or the completion's).
pub async fn save<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    a: &Answers,
    open: bool,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    domain::next(app.status, Step::Edit, Actor::Applicant, open)?;
    Update::table(Applications::Table)
        .set(Applications::Purpose, a.purpose.as_str())
        .set(Applications::AppliedOre, a.applied_ore)
        .set(Applications::Years, i64::from(a.years.max(1)))
        .set(Applications::DemocracyAttested, i64::from(a.democracy_attested))
        .set(Applications::Answers, a.answers.as_str())
        .set(Applications::CoSignerEmail, a.co_signer_email.as_str())
        .set(Applications::UpdatedAt, now)
        .filter(Applications::MunicipalityId, m)
        .filter(Applications::Id, app.id)
        .run(tx)
        .await?;
    Ok(((), change(m, actor, "grants.application.save", app.id, "")))
}

/// The year's next case number of the municipality, taken in the caller's transaction (an
/// upsert, so two first submissions of a year cannot both take number 1).
async fn next_case_number(tx: &mut AnyConnection, m: MunicipalityId, year: i32) -> Result<u32, sqlx::Error> {
    let (last,): (i64,) = sqlx::query_as(
        "INSERT INTO grants_case_numbers (municipality_id, year, last) VALUES ($1, $2, 1) \
         ON CONFLICT (municipality_id, year) DO UPDATE SET last = grants_case_numbers.last + 1 RETURNING last",
    )
    .bind(m)
    .bind(i64::from(year))
    .fetch_one(&mut *tx)
    .await?;
    Ok(u32::try_from(last).unwrap_or(u32::MAX))
}

/// Sends the application (or sends it again after a completion request); it gets its case
/// number the first time. Returns the new status and the case number.
#[allow(clippy::too_many_arguments)]
pub async fn submit<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    co_signature: bool,
    open: bool,
    case_prefix: &str,
    today: NaiveDate,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((Status, String), Change<'a>), WriteError> {
    let to = domain::next(
        app.status,
        Step::Submit {
            co_signature_required: co_signature,
        },
        Actor::Applicant,
        open,
    )?;
    let case = match &app.case_number {
        Some(c) => c.clone(),
        None => {
            use chrono::Datelike;
            let n = next_case_number(tx, m, today.year()).await?;
            domain::case_number(case_prefix, today.year(), n)
        }
    };
    let n = Update::table(Applications::Table)
        .set(Applications::Status, <&str>::from(to))
        .set(Applications::CaseNumber, case.as_str())
        .set(Applications::SubmittedAt, now)
        .set(Applications::UpdatedAt, now)
        .filter(Applications::MunicipalityId, m)
        .filter(Applications::Id, app.id)
        .filter(Applications::Status, <&str>::from(app.status))
        .run(tx)
        .await?;
    if n == 0 {
        return Err(WriteError::Refused(Refusal::WrongStatus));
    }
    Ok((
        (to, case.clone()),
        change(m, actor, "grants.application.submit", app.id, case),
    ))
}

/// A second board member signs; the application then counts as sent.
pub async fn co_sign<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    let to = domain::next(app.status, Step::CoSign, Actor::CoSigner, true)?;
    transition(tx, m, app, to, now, |u| {
        u.set(Applications::CoSignedByUserId, actor.id)
            .set(Applications::CoSignedAt, now)
            .set(Applications::CoSignerEmail, actor.email.as_str())
    })
    .await?;
    Ok(((), change(m, actor, "grants.application.co-sign", app.id, "")))
}

/// Sets the status from the one read (none changed it meanwhile) with more columns.
async fn transition(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    to: Status,
    now: i64,
    more: impl FnOnce(Update) -> Update,
) -> Result<(), WriteError> {
    let n = more(
        Update::table(Applications::Table)
            .set(Applications::Status, <&str>::from(to))
            .set(Applications::UpdatedAt, now),
    )
    .filter(Applications::MunicipalityId, m)
    .filter(Applications::Id, app.id)
    .filter(Applications::Status, <&str>::from(app.status))
    .run(tx)
    .await?;
    if n == 0 {
        return Err(WriteError::Refused(Refusal::WrongStatus));
    }
    Ok(())
}

/// Stores a checked attachment of the application, replacing one of the same kind.
#[allow(clippy::too_many_arguments)]
pub async fn attach<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    kind: &str,
    file_name: &str,
    mime: &str,
    bytes: Vec<u8>,
    open: bool,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<(AttachmentId, Change<'a>), WriteError> {
    domain::next(app.status, Step::Edit, Actor::Applicant, open)?;
    platform::db::Delete::from(Attachments::Table)
        .filter(Attachments::MunicipalityId, m)
        .filter(Attachments::ApplicationId, app.id)
        .filter(Attachments::Kind, kind)
        .run(tx)
        .await?;
    let size = bytes.len() as i64;
    let id: AttachmentId = Insert::into(Attachments::Table)
        .set(Attachments::MunicipalityId, m)
        .set(Attachments::ApplicationId, app.id)
        .set(Attachments::Kind, kind)
        .set(Attachments::FileName, file_name)
        .set(Attachments::Mime, mime)
        .set(Attachments::Size, size)
        .set(Attachments::Bytes, bytes)
        .set(Attachments::UploadedByUserId, actor.id)
        .set(Attachments::UploadedAt, now)
        .returning_id(tx)
        .await?;
    Ok((
        id,
        change(m, actor, "grants.application.attach", app.id, kind.to_string()),
    ))
}

/// A handler takes the case.
pub async fn take<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    let to = domain::next(app.status, Step::Take, Actor::Handler, true)?;
    transition(tx, m, app, to, now, |u| u.set(Applications::HandlerUserId, actor.id)).await?;
    Ok(((), change(m, actor, "grants.application.take", app.id, "")))
}

/// An internal note (never shown to the applicant).
pub async fn note<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    body: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    Insert::into(Notes::Table)
        .set(Notes::MunicipalityId, m)
        .set(Notes::ApplicationId, app.id)
        .set(Notes::AuthorUserId, actor.id)
        .set(Notes::Body, body)
        .set(Notes::CreatedAt, now)
        .run(tx)
        .await?;
    Ok(((), change(m, actor, "grants.application.note", app.id, "")))
}

/// The handler's scores against the programme's criteria (0–5 each).
pub async fn score<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    scores: &[Option<u8>],
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    if !matches!(app.status, Status::InReview | Status::Proposed) {
        return Err(WriteError::Refused(Refusal::WrongStatus));
    }
    let json = serde_json::to_string(scores).unwrap_or_else(|_| "[]".to_string());
    Update::table(Applications::Table)
        .set(Applications::Scores, json)
        .set(Applications::UpdatedAt, now)
        .filter(Applications::MunicipalityId, m)
        .filter(Applications::Id, app.id)
        .run(tx)
        .await?;
    Ok(((), change(m, actor, "grants.application.score", app.id, "")))
}

/// Asks the applicant for more, with a message and a deadline; reopens the application.
pub async fn request_completion<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    message: &str,
    deadline: NaiveDate,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    let to = domain::next(app.status, Step::RequestCompletion, Actor::Handler, true)?;
    transition(tx, m, app, to, now, |u| {
        u.set(Applications::CompletionMessage, message)
            .set(Applications::CompletionDeadline, d(deadline))
    })
    .await?;
    Ok(((), change(m, actor, "grants.application.completion", app.id, "")))
}

/// The handler proposes an amount (zero to reject) with a note for the decider.
pub async fn propose<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    app: &Application,
    amount_ore: i64,
    note: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    let to = domain::next(app.status, Step::Propose, Actor::Handler, true)?;
    transition(tx, m, app, to, now, |u| {
        u.set(Applications::ProposedOre, amount_ore)
            .set(Applications::ProposalNote, note)
            .set(Applications::ProposedByUserId, actor.id)
    })
    .await?;
    Ok(((), change(m, actor, "grants.application.propose", app.id, "")))
}

/// What a decision made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    pub outcome: Outcome,
    pub amount_ore: i64,
    pub years: u32,
}

/// What the decider decides.
#[derive(Clone, Debug)]
pub struct Decision<'r> {
    pub amount_ore: i64,
    pub reason: &'r str,
    pub decided_on: NaiveDate,
    /// The report of year `i` is due this long after the period starts plus `i` years (multi-
    /// year grants), or on this date (project grants); `None`: no report.
    pub reports: Reports,
}

pub use crate::applications::domain::Reports;

/// Decides an application. The application's row and then its period's row are locked (on
/// PostgreSQL `FOR UPDATE`; SQLite's write transaction holds the only write lock), so two
/// deciders of one application make one decision, and concurrent decisions of one period
/// cannot together take it over its budget.
pub async fn decide<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    id: ApplicationId,
    decision: &Decision<'_>,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<(Decided, Change<'a>), WriteError> {
    let lock = Backend::of(tx).for_update();
    let row: Option<(String, PeriodId, i64, i64)> = sqlx::query_as(&format!(
        "SELECT status, period_id, applied_ore, years FROM grants_applications \
         WHERE municipality_id = $1 AND id = $2{lock}"
    ))
    .bind(m)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((status, period_id, applied_ore, years)) = row else {
        return Err(WriteError::NotFound);
    };
    let status: Status = status.parse().map_err(|_| WriteError::Refused(Refusal::WrongStatus))?;
    let outcome = domain::outcome_of(applied_ore, decision.amount_ore);
    match domain::next(status, Step::Decide(outcome), Actor::Decider, true) {
        Ok(_) => {}
        Err(Refusal::WrongStatus)
            if matches!(
                status,
                Status::Granted | Status::Reduced | Status::Rejected | Status::Paid
            ) =>
        {
            return Err(WriteError::AlreadyDecided)
        }
        Err(r) => return Err(r.into()),
    }
    let (budget,): (i64,) = sqlx::query_as(&format!(
        "SELECT budget_ore FROM grants_periods WHERE municipality_id = $1 AND id = $2{lock}"
    ))
    .bind(m)
    .bind(period_id)
    .fetch_one(&mut *tx)
    .await?;
    let (used,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(decided_ore), 0) AS BIGINT) FROM grants_applications \
         WHERE period_id = $1 AND status IN ('granted', 'reduced', 'paid')",
    )
    .bind(period_id)
    .fetch_one(&mut *tx)
    .await?;
    let amount = decision.amount_ore.max(0);
    if used + amount > budget {
        return Err(WriteError::OverBudget {
            left_ore: budget - used,
        });
    }
    let to = match outcome {
        Outcome::Granted => Status::Granted,
        Outcome::Reduced => Status::Reduced,
        Outcome::Rejected => Status::Rejected,
    };
    let n = Update::table(Applications::Table)
        .set(Applications::Status, <&str>::from(to))
        .set(Applications::DecidedOre, amount)
        .set(Applications::DecisionReason, decision.reason)
        .set(Applications::DecidedOn, d(decision.decided_on))
        .set(Applications::DecidedAt, now)
        .set(Applications::DecidedByUserId, actor.id)
        .set(Applications::UpdatedAt, now)
        .filter(Applications::Id, id)
        .filter(Applications::Status, <&str>::from(status))
        .run(tx)
        .await?;
    if n == 0 {
        return Err(WriteError::AlreadyDecided);
    }
    let years = u32::try_from(years).unwrap_or(1).max(1);
    if amount > 0 {
        for year in 1..=years {
            let due = match decision.reports {
                Reports::None => None,
                Reports::Once(on) => (year == 1).then_some(on),
                Reports::Yearly {
                    starts_on,
                    months_after,
                } => starts_on.checked_add_months(Months::new(12 * year + months_after)),
            };
            Insert::into(Installments::Table)
                .set(Installments::MunicipalityId, m)
                .set(Installments::ApplicationId, id)
                .set(Installments::YearIndex, i64::from(year))
                .set(Installments::AmountOre, amount)
                .set(Installments::ReportDueOn, due.map(d))
                .run(tx)
                .await?;
        }
    }
    let action = match outcome {
        Outcome::Granted => "grants.application.grant",
        Outcome::Reduced => "grants.application.reduce",
        Outcome::Rejected => "grants.application.reject",
    };
    Ok((
        Decided {
            outcome,
            amount_ore: amount,
            years,
        },
        change(m, actor, action, id, crate::programmes::domain::format_kronor(amount)),
    ))
}

// --- Who decides, and the case numbers' prefix ---

/// Gives a member of the municipality's staff the decision role (delegation); giving it twice
/// changes nothing.
pub async fn add_decider<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    user: platform::UserId,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    // ON CONFLICT rather than a caught unique violation, which would abort a PostgreSQL
    // transaction that still has its audit record to write.
    sqlx::query(
        "INSERT INTO grants_deciders (municipality_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (municipality_id, user_id) DO NOTHING",
    )
    .bind(m)
    .bind(user)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(((), Change::new(m, Some(actor), "grants.decider.add", "user", user, "")))
}

pub async fn remove_decider<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    user: platform::UserId,
    actor: &'a CurrentUser,
) -> Result<((), Change<'a>), WriteError> {
    platform::db::Delete::from(Deciders::Table)
        .filter(Deciders::MunicipalityId, m)
        .filter(Deciders::UserId, user)
        .run(tx)
        .await?;
    Ok((
        (),
        Change::new(m, Some(actor), "grants.decider.remove", "user", user, ""),
    ))
}

/// Sets the prefix of the municipality's case numbers (its nämnd, e.g. "KFN").
pub async fn set_case_prefix<'a>(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    prefix: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), WriteError> {
    sqlx::query(
        "INSERT INTO grants_settings (municipality_id, case_prefix, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (municipality_id) DO UPDATE SET case_prefix = $2, updated_at = $3",
    )
    .bind(m)
    .bind(prefix)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok((
        (),
        Change::new(
            m,
            Some(actor),
            "grants.settings.prefix",
            "municipality",
            m,
            prefix.to_string(),
        ),
    ))
}
