//! Reminders of reports: a job that runs once a day and mails the applicant of every decided
//! year whose report is due within [`REMIND_DAYS`](crate::reports::domain::REMIND_DAYS) days,
//! and once more when it is overdue (each once, marked in the transaction that queues the
//! letter), then queues its next run. Paying a year queues the run when none is waiting; the
//! decision may too ([`ensure`]).

use crate::applications::mail::{self, Details, Letter, Letters};
use crate::reports::domain::{self, Reminder};
use crate::reports::store::{self, ToRemind};
use futures::future::BoxFuture;
use platform::audit::Change;
use platform::db::{self, Db};
use platform::i18n::{Lang, Tr};
use platform::jobs::{Job, JobError, JobHandler};
use platform::AppState;

pub const JOB_KIND: &str = "grants.report-reminders";
pub const DAY: i64 = 24 * 3600;

/// In the caller's transaction: queue the reminder run at `run_at` unless one is waiting.
pub async fn ensure(conn: &mut sqlx::AnyConnection, run_at: i64, now: i64) -> Result<(), sqlx::Error> {
    platform::jobs::ensure(conn, JOB_KIND, run_at, now).await
}

/// Queue the reminder run at `run_at` unless one is already waiting.
pub async fn schedule(db: &Db, run_at: i64, now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    ensure(&mut tx, run_at, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The sentence that says what is asked, in the applicant's language, with the report's link.
fn what(state: &AppState, lang: &str, t: &ToRemind, kind: Reminder) -> String {
    let tr = Tr {
        lang: if lang == "en" { Lang::En } else { Lang::Sv },
        catalog: state.catalog.clone(),
    };
    let link = format!(
        "{}{}",
        state.config.base_url.trim_end_matches('/'),
        crate::paths::report(&t.slug, t.application_id, t.year)
    );
    let due = t
        .facts
        .due_on
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let id = match kind {
        Reminder::Soon => "grants-reminder-soon",
        Reminder::Overdue => "grants-reminder-overdue",
    };
    tr.ta(id, &[("year", &t.year), ("date", &due), ("link", &link)])
}

/// Send the reminders due today; returns how many were sent.
pub async fn send_due(state: &AppState) -> Result<usize, sqlx::Error> {
    let now = state.now();
    let today = state.today();
    let mut sent = 0;
    for t in store::to_remind(&state.db, today).await? {
        let Some(kind) = domain::reminder(&t.facts, t.reminded, t.overdue_reminded, today) else {
            continue;
        };
        let Some(app) =
            crate::applications::store::application_by_id(&state.db, t.municipality_id, t.application_id).await?
        else {
            continue;
        };
        let letters = Letters::new(state, &t.slug, &t.municipality);
        let details = Details {
            amount_ore: 0,
            text: what(state, &app.lang, &t, kind),
            date: t
                .facts
                .due_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        };
        let done = db::write(&state.db, now, async |tx| {
            if !store::claim_reminder(tx, t.id, kind, now).await? {
                return Err(sqlx::Error::RowNotFound);
            }
            mail::send(
                tx,
                &letters,
                t.municipality_id,
                &app,
                &t.programme,
                Letter::ReportReminder,
                &details,
                now,
            )
            .await?;
            let summary = format!(
                "år {}: {}",
                t.year,
                if kind == Reminder::Soon {
                    "påminnelse"
                } else {
                    "försenad"
                }
            );
            let change = Change::new(
                t.municipality_id,
                None,
                "grants.report.remind",
                "grants_installment",
                t.id,
                summary,
            );
            Ok(((), change))
        })
        .await;
        match done {
            Ok(()) => sent += 1,
            Err(sqlx::Error::RowNotFound) => {}
            Err(e) => return Err(e),
        }
    }
    state.jobs_wakeup.notify_one();
    Ok(sent)
}

pub struct ReminderJob;

impl JobHandler for ReminderJob {
    fn run<'a>(&'a self, state: &'a AppState, _job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            send_due(state).await.map_err(|e| JobError::Retry(e.to_string()))?;
            let now = state.now();
            let mut tx = state.db.write().await.map_err(|e| JobError::Retry(e.to_string()))?;
            platform::jobs::next_run(&mut tx, JOB_KIND, now + DAY, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            tx.commit().await.map_err(|e| JobError::Retry(e.to_string()))?;
            Ok(())
        })
    }
}
