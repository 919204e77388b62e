//! The reports' queries and writes. Every function of a municipality takes it and filters by
//! it; the writes run in the caller's write transaction and return their audit entry, and the
//! caller queues the letters. The reminder job's reads span every municipality.

use crate::applications::store::{date, Application};
use crate::ids::{ApplicationId, InstallmentId};
use crate::payouts::domain::{payable_on, Year};
use crate::payouts::store::NO_RECOVERY;
use crate::reports::domain::{self, ReportFacts, YearStatus};
use crate::tables::Installments;
use chrono::NaiveDate;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{Db, Update};
use platform::MunicipalityId;
use sea_query::Expr;
use sqlx::any::AnyRow;
use sqlx::Row;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The report (or the grant) is no longer where the step needs it.
    #[error("the report has changed meanwhile")]
    Refused,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// One year of a decided grant with its report.
#[derive(Clone, Debug)]
pub struct Report {
    pub id: InstallmentId,
    pub application_id: ApplicationId,
    pub year: u32,
    pub amount_ore: i64,
    pub facts: ReportFacts,
    pub text: String,
    /// What the staff asked for when they sent it back.
    pub feedback: String,
    pub paid_at: Option<i64>,
    pub recovery_started_at: Option<i64>,
    pub recovery_reason: String,
    /// A recovery of any year of the grant has started: its payouts are stopped.
    pub grant_recovery: bool,
}

const REPORT: &str = "SELECT i.id, i.application_id, i.year_index, i.amount_ore, i.report_due_on, i.report_text, \
     i.report_submitted_at, i.report_approved_at, i.report_returned_at, i.report_feedback, i.paid_at, \
     i.recovery_started_at, i.recovery_reason, \
     (SELECT COUNT(*) FROM grants_installments r WHERE r.application_id = i.application_id \
        AND r.recovery_started_at IS NOT NULL) AS recoveries \
     FROM grants_installments i";

fn report(r: &AnyRow) -> Result<Report, sqlx::Error> {
    let year: i64 = r.try_get("year_index")?;
    let recoveries: i64 = r.try_get("recoveries")?;
    Ok(Report {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        year: u32::try_from(year).unwrap_or(0),
        amount_ore: r.try_get("amount_ore")?,
        facts: ReportFacts {
            due_on: date(r.try_get("report_due_on")?),
            submitted_at: r.try_get("report_submitted_at")?,
            approved_at: r.try_get("report_approved_at")?,
            returned_at: r.try_get("report_returned_at")?,
        },
        text: r.try_get("report_text")?,
        feedback: r.try_get("report_feedback")?,
        paid_at: r.try_get("paid_at")?,
        recovery_started_at: r.try_get("recovery_started_at")?,
        recovery_reason: r.try_get("recovery_reason")?,
        grant_recovery: recoveries > 0,
    })
}

/// The year (1, 2, …) of an application of the municipality.
pub async fn report_of(
    db: &Db,
    m: MunicipalityId,
    application_id: ApplicationId,
    year: u32,
) -> Result<Option<Report>, sqlx::Error> {
    sqlx::query(&format!(
        "{REPORT} WHERE i.municipality_id = $1 AND i.application_id = $2 AND i.year_index = $3"
    ))
    .bind(m)
    .bind(application_id)
    .bind(i64::from(year))
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(report)
    .transpose()
}

/// Every year of an application of the municipality, in order (one query).
pub async fn reports_of(db: &Db, m: MunicipalityId, application_id: ApplicationId) -> Result<Vec<Report>, sqlx::Error> {
    sqlx::query(&format!(
        "{REPORT} WHERE i.municipality_id = $1 AND i.application_id = $2 ORDER BY i.year_index"
    ))
    .bind(m)
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(report)
    .collect()
}

/// The years of a decided application as its page shows them: each year's report, whether it
/// is payable or paid, and whether a recovery stops the payouts. Link each year whose report
/// is asked for (`report` other than `NotAsked`) to [`crate::paths::report`].
pub async fn status_of(
    db: &Db,
    m: MunicipalityId,
    app: &Application,
    today: NaiveDate,
) -> Result<Vec<YearStatus>, sqlx::Error> {
    let reports = reports_of(db, m, app.id).await?;
    let years: Vec<Year> = reports
        .iter()
        .map(|r| Year {
            year: r.year,
            report_due_on: r.facts.due_on,
            report_approved_on: r.facts.approved_at.and_then(platform::format::local_date),
        })
        .collect();
    Ok(reports
        .iter()
        .map(|r| {
            let payable = app
                .decided_on
                .and_then(|d| payable_on(d, &years, r.year, today))
                .filter(|_| !r.grant_recovery || r.paid_at.is_some());
            YearStatus {
                year: r.year,
                amount_ore: r.amount_ore,
                report_due_on: r.facts.due_on,
                report: domain::state(&r.facts),
                overdue: domain::overdue(&r.facts, today),
                payable_on: payable,
                paid_on: r.paid_at.and_then(platform::format::local_date),
                recovery: r.recovery_started_at.map(|_| r.recovery_reason.clone()),
                stopped: r.grant_recovery,
            }
        })
        .collect())
}

fn change<'a>(m: MunicipalityId, actor: Option<&'a CurrentUser>, action: &'static str, r: &Report) -> Change<'a> {
    Change::new(m, actor, action, "grants_installment", r.id, format!("år {}", r.year))
}

/// Checks that a guarded update changed the row.
fn changed(n: u64) -> Result<(), ReportError> {
    if n == 1 {
        Ok(())
    } else {
        Err(ReportError::Refused)
    }
}

/// The applicant sends (or sends again) the year's report: until it is approved, and never
/// once a recovery has started.
pub async fn submit<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    r: &Report,
    text: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), ReportError> {
    let n = Update::table(Installments::Table)
        .set(Installments::ReportText, text)
        .set(Installments::ReportSubmittedAt, now)
        .filter(Installments::MunicipalityId, m)
        .filter(Installments::Id, r.id)
        .filter_expr(Expr::col(Installments::ReportDueOn).is_not_null())
        .filter_expr(Expr::col(Installments::ReportApprovedAt).is_null())
        .filter_expr(Expr::col(Installments::RecoveryStartedAt).is_null())
        .run(tx)
        .await?;
    changed(n)?;
    Ok(((), change(m, Some(actor), "grants.report.submit", r)))
}

/// The staff approve the sent report (which makes the next year payable).
pub async fn approve<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    r: &Report,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), ReportError> {
    let n = Update::table(Installments::Table)
        .set(Installments::ReportApprovedAt, now)
        .filter(Installments::MunicipalityId, m)
        .filter(Installments::Id, r.id)
        .filter_expr(Expr::col(Installments::ReportSubmittedAt).is_not_null())
        .filter_expr(Expr::col(Installments::ReportApprovedAt).is_null())
        .filter_expr(Expr::col(Installments::RecoveryStartedAt).is_null())
        .run(tx)
        .await?;
    changed(n)?;
    Ok(((), change(m, Some(actor), "grants.report.approve", r)))
}

/// The staff send the report back asking for more; the applicant sees the message.
pub async fn send_back<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    r: &Report,
    message: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), ReportError> {
    let n = Update::table(Installments::Table)
        .set(Installments::ReportReturnedAt, now)
        .set(Installments::ReportFeedback, message)
        .set(Installments::ReportSubmittedAt, Option::<i64>::None)
        .filter(Installments::MunicipalityId, m)
        .filter(Installments::Id, r.id)
        .filter_expr(Expr::col(Installments::ReportSubmittedAt).is_not_null())
        .filter_expr(Expr::col(Installments::ReportApprovedAt).is_null())
        .filter_expr(Expr::col(Installments::RecoveryStartedAt).is_null())
        .run(tx)
        .await?;
    changed(n)?;
    Ok(((), change(m, Some(actor), "grants.report.send-back", r)))
}

/// The staff start a recovery (återkrav) of a paid year with a written reason; the grant's
/// further payouts stop. Refused when the grant already has one, or the report was approved.
pub async fn start_recovery<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    r: &Report,
    reason: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<((), Change<'a>), ReportError> {
    let n = Update::table(Installments::Table)
        .set(Installments::RecoveryStartedAt, now)
        .set(Installments::RecoveryReason, reason)
        .filter(Installments::MunicipalityId, m)
        .filter(Installments::Id, r.id)
        .filter_expr(Expr::col(Installments::PaidAt).is_not_null())
        .filter_expr(Expr::col(Installments::ReportApprovedAt).is_null())
        .filter_expr(Expr::cust(NO_RECOVERY))
        .run(tx)
        .await?;
    changed(n)?;
    Ok(((), change(m, Some(actor), "grants.report.recovery", r)))
}

// --- The reminder job ---

/// A report the reminder job looks at.
#[derive(Clone, Debug)]
pub struct ToRemind {
    pub id: InstallmentId,
    pub municipality_id: MunicipalityId,
    pub slug: String,
    pub municipality: String,
    pub application_id: ApplicationId,
    pub programme: String,
    pub year: u32,
    pub facts: ReportFacts,
    pub reminded: bool,
    pub overdue_reminded: bool,
}

/// Every municipality's reports that are due within [`domain::REMIND_DAYS`] days of `today`
/// or overdue, not sent, not yet reminded of both ways, of grants without a recovery: year 1,
/// and later years once paid (a year not paid yet is not asked about). One query.
pub async fn to_remind(db: &Db, today: NaiveDate) -> Result<Vec<ToRemind>, sqlx::Error> {
    let last = today + chrono::Duration::days(domain::REMIND_DAYS);
    let rows = sqlx::query(
        "SELECT i.id, i.municipality_id, m.slug, m.name AS municipality, i.application_id, p.name AS programme, \
                i.year_index, i.report_due_on, i.report_submitted_at, i.report_approved_at, i.report_returned_at, \
                i.reminded_at, i.overdue_reminded_at \
         FROM grants_installments i \
         JOIN grants_applications a ON a.id = i.application_id \
         JOIN grants_programmes p ON p.id = a.programme_id \
         JOIN municipalities m ON m.id = i.municipality_id \
         WHERE i.report_due_on IS NOT NULL AND i.report_due_on <= $1 \
           AND i.report_submitted_at IS NULL AND i.report_approved_at IS NULL \
           AND (i.reminded_at IS NULL OR i.overdue_reminded_at IS NULL) \
           AND (i.year_index = 1 OR i.paid_at IS NOT NULL) \
           AND a.status IN ('granted', 'reduced', 'paid') \
           AND NOT EXISTS (SELECT 1 FROM grants_installments r WHERE r.application_id = i.application_id \
               AND r.recovery_started_at IS NOT NULL) \
         ORDER BY i.id",
    )
    .bind(last.format("%Y-%m-%d").to_string())
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let year: i64 = r.try_get("year_index")?;
            Ok(ToRemind {
                id: r.try_get("id")?,
                municipality_id: r.try_get("municipality_id")?,
                slug: r.try_get("slug")?,
                municipality: r.try_get("municipality")?,
                application_id: r.try_get("application_id")?,
                programme: r.try_get("programme")?,
                year: u32::try_from(year).unwrap_or(0),
                facts: ReportFacts {
                    due_on: date(r.try_get("report_due_on")?),
                    submitted_at: r.try_get("report_submitted_at")?,
                    approved_at: r.try_get("report_approved_at")?,
                    returned_at: r.try_get("report_returned_at")?,
                },
                reminded: r.try_get::<Option<i64>, _>("reminded_at")?.is_some(),
                overdue_reminded: r.try_get::<Option<i64>, _>("overdue_reminded_at")?.is_some(),
            })
        })
        .collect()
}

/// Claims a reminder in the transaction that queues it, so two runs never send it twice:
/// whether this run sends it.
pub async fn claim_reminder(
    tx: &mut sqlx::AnyConnection,
    id: InstallmentId,
    kind: domain::Reminder,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let column = || match kind {
        domain::Reminder::Soon => Installments::RemindedAt,
        domain::Reminder::Overdue => Installments::OverdueRemindedAt,
    };
    let n = Update::table(Installments::Table)
        .set(column(), now)
        .filter(Installments::Id, id)
        .filter_expr(Expr::col(column()).is_null())
        .filter_expr(Expr::col(Installments::ReportSubmittedAt).is_null())
        .filter_expr(Expr::col(Installments::ReportApprovedAt).is_null())
        .run(tx)
        .await?;
    Ok(n == 1)
}
