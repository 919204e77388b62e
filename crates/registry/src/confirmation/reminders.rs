//! The yearly "confirm your data" reminder: a job that runs once a day, e-mails the
//! representatives of every organisation whose data has gone twelve months unconfirmed (at most
//! once in 30 days), then schedules its next run.

use crate::confirmation::store;
use crate::paths;
use futures::future::BoxFuture;
use platform::db::Db;
use platform::jobs::{Job, JobError, JobHandler};
use platform::mail::Email;
use platform::{AppState, MunicipalityId};

pub const JOB_KIND: &str = "registry.reminders";
/// Organisations handled per run (the rest on the next run).
const BATCH: i64 = 500;
pub const DAY: i64 = 24 * 3600;

/// Queue the reminder run at `run_at` unless one is already waiting.
pub async fn schedule(db: &Db, run_at: i64, now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    ensure(&mut tx, run_at, now).await?;
    tx.commit().await?;
    Ok(())
}

/// In the caller's transaction: queue the reminder run at `run_at` unless one is waiting.
/// Registering an organisation calls this, so an instance with organisations always has its
/// daily run queued (the run queues the next one itself).
pub async fn ensure(conn: &mut sqlx::AnyConnection, run_at: i64, now: i64) -> Result<(), sqlx::Error> {
    platform::jobs::ensure(conn, JOB_KIND, run_at, now).await
}

/// Send the reminders due now (in one municipality, or in all); returns how many organisations
/// were reminded.
pub async fn send_due(state: &AppState, municipality: Option<MunicipalityId>) -> Result<usize, sqlx::Error> {
    let now = state.now();
    let due = store::due_reminders(&state.db, now, BATCH, municipality).await?;
    let tr = platform::i18n::Tr {
        lang: platform::i18n::Lang::Sv,
        catalog: state.catalog.clone(),
    };
    for r in &due {
        let link = format!(
            "{}{}",
            state.config.base_url.trim_end_matches('/'),
            paths::organisation_at(&r.municipality_slug, r.organisation_id)
        );
        let emails: Vec<Email> =
            r.to.iter()
                .map(|to| Email {
                    attachment: None,
                    headers: vec![],
                    html: None,
                    to: to.clone(),
                    subject: tr.ta("registry-reminder-subject", &[("name", &r.name)]),
                    body: tr.ta("registry-reminder-body", &[("name", &r.name), ("link", &link)]),
                })
                .collect();
        store::remind(&state.db, r, &emails, now).await?;
    }
    Ok(due.len())
}

pub struct ReminderJob;

impl JobHandler for ReminderJob {
    fn run<'a>(&'a self, state: &'a AppState, _job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            let n = send_due(state, None)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            let now = state.now();
            // A full batch: more may be due, so run again soon; otherwise tomorrow.
            let next = if n as i64 >= BATCH { now + 60 } else { now + DAY };
            let mut tx = state.db.write().await.map_err(|e| JobError::Retry(e.to_string()))?;
            platform::jobs::next_run(&mut tx, JOB_KIND, next, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            tx.commit().await.map_err(|e| JobError::Retry(e.to_string()))?;
            Ok(())
        })
    }
}
