//! Retention of mail: a job that runs every hour and removes what the outbox and the job queue
//! hold about sent mail once it is older than the configured number of days (`mail_keep_days`,
//! 7 by default), then queues its next run. Started by `overens serve`; one waiting run at a
//! time, however many instances start it.

use crate::db::Db;
use crate::jobs::{self, Job, JobError, JobHandler};
use crate::state::AppState;
use futures::future::BoxFuture;

pub const JOB_KIND: &str = "platform.retention";
pub const EVERY: i64 = 3600;
const DAY: i64 = 24 * 3600;

/// Queue the retention run now unless one is waiting or running.
pub async fn schedule(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    jobs::ensure(&mut tx, JOB_KIND, now, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Remove outbox messages and finished jobs older than `keep_days`. Returns (messages, jobs).
pub async fn purge(db: &Db, keep_days: i64, now: i64) -> Result<(u64, u64), sqlx::Error> {
    let before = now - keep_days * DAY;
    let mut tx = db.write().await?;
    let mail = sqlx::query("DELETE FROM outbox WHERE created_at < $1")
        .bind(before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let done = sqlx::query("DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < $1")
        .bind(before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok((mail, done))
}

pub struct RetentionJob;

impl JobHandler for RetentionJob {
    fn run<'a>(&'a self, state: &'a AppState, _job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            let now = state.now();
            let retry = |e: sqlx::Error| JobError::Retry(e.to_string());
            let (mail, done) = purge(&state.db, state.config.mail_keep_days, now)
                .await
                .map_err(retry)?;
            if mail + done > 0 {
                tracing::info!(mail, jobs = done, "old mail removed");
            }
            let mut tx = state.db.write().await.map_err(retry)?;
            jobs::next_run(&mut tx, JOB_KIND, now + EVERY, now)
                .await
                .map_err(retry)?;
            tx.commit().await.map_err(retry)?;
            Ok(())
        })
    }
}
