//! A durable job queue in the database. A job is claimed by one worker at a time (row lock on
//! PostgreSQL, the single writer on SQLite), leased for a while, finished or retried with
//! back-off. A job whose worker died is taken again when its lease runs out, so nothing queued
//! is lost across a crash or restart.

use crate::db::Db;
use crate::rules::backoff_seconds;
use crate::state::AppState;
use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// How long a claimed job is reserved for its worker.
pub const LEASE_SECONDS: i64 = 300;

#[derive(Clone, Debug)]
pub struct Job {
    pub id: i64,
    pub municipality_id: Option<i64>,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// Worth another try later (a server that did not answer).
    #[error("retry: {0}")]
    Retry(String),
    /// Will never succeed (a malformed payload, an address the server refuses).
    #[error("permanent: {0}")]
    Permanent(String),
}

pub trait JobHandler: Send + Sync {
    fn run<'a>(&'a self, state: &'a AppState, job: &'a Job) -> BoxFuture<'a, Result<(), JobError>>;
}

/// Put a job in the queue inside the caller's transaction, so the job exists exactly when the
/// change that caused it does.
pub async fn enqueue(
    conn: &mut sqlx::AnyConnection,
    municipality_id: Option<i64>,
    kind: &str,
    payload: &serde_json::Value,
    run_at: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO jobs (municipality_id, kind, payload, run_at, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(municipality_id)
    .bind(kind)
    .bind(payload.to_string())
    .bind(run_at)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// In the caller's transaction: queue a job of `kind` (with an empty payload) at `run_at`
/// unless one of that kind is already waiting or running. What a recurring run (a daily
/// reminder sweep that queues its own next run) is started with. Race-free between instances:
/// a partial unique index allows one waiting entry per recurring kind, and a second insert at
/// the same moment is dropped (`ON CONFLICT DO NOTHING`).
pub async fn ensure(conn: &mut sqlx::AnyConnection, kind: &str, run_at: i64, now: i64) -> Result<(), sqlx::Error> {
    let waiting: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM jobs WHERE kind = $1 AND status IN ('pending', 'running') LIMIT 1")
            .bind(kind)
            .fetch_optional(&mut *conn)
            .await?;
    if waiting.is_none() {
        next_run(conn, kind, run_at, now).await?;
    }
    Ok(())
}

/// In the caller's transaction: queue the next run of the recurring job `kind` at `run_at`,
/// unless a run of it is already waiting (what a recurring job calls at its end).
pub async fn next_run(conn: &mut sqlx::AnyConnection, kind: &str, run_at: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO jobs (municipality_id, kind, payload, run_at, created_at, singleton) \
         VALUES (NULL, $1, '{}', $2, $3, 1) ON CONFLICT DO NOTHING",
    )
    .bind(kind)
    .bind(run_at)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Claim the next due job, if any.
pub async fn claim(db: &Db, now: i64) -> Result<Option<Job>, sqlx::Error> {
    let mut tx = db.write().await?;
    let sql = format!(
        "SELECT id FROM jobs \
         WHERE (status = 'pending' AND run_at <= $1) OR (status = 'running' AND locked_until < $1) \
         ORDER BY run_at, id LIMIT 1{}",
        db.skip_locked()
    );
    let Some((id,)) = sqlx::query_as::<_, (i64,)>(&sql)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?
    else {
        tx.rollback().await?;
        return Ok(None);
    };
    let row: (i64, Option<i64>, String, String, i64, i64) = sqlx::query_as(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2 \
         WHERE id = $1 RETURNING id, municipality_id, kind, payload, attempts, max_attempts",
    )
    .bind(id)
    .bind(now + LEASE_SECONDS)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(Job {
        id: row.0,
        municipality_id: row.1,
        kind: row.2,
        payload: row.3,
        attempts: row.4,
        max_attempts: row.5,
    }))
}

/// Mark a job done. Its payload (an e-mail's address, text and links) is cleared: what was sent
/// is not kept in the queue.
pub async fn complete(db: &Db, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE jobs SET status = 'done', finished_at = $2, locked_until = NULL, last_error = NULL, \
         payload = '{}' WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Record a failure: retried after back-off, or failed for good after the last attempt or a
/// permanent error (its payload is then cleared, as for a job done).
pub async fn fail(db: &Db, job: &Job, err: &JobError, now: i64) -> Result<(), sqlx::Error> {
    let permanent = matches!(err, JobError::Permanent(_)) || job.attempts >= job.max_attempts;
    if permanent {
        sqlx::query(
            "UPDATE jobs SET status = 'failed', finished_at = $2, locked_until = NULL, last_error = $3, \
             payload = '{}' WHERE id = $1",
        )
        .bind(job.id)
        .bind(now)
        .bind(err.to_string())
        .execute(&db.pool)
        .await?;
    } else {
        sqlx::query(
            "UPDATE jobs SET status = 'pending', run_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1",
        )
        .bind(job.id)
        .bind(now + backoff_seconds(job.attempts))
        .bind(err.to_string())
        .execute(&db.pool)
        .await?;
    }
    Ok(())
}

/// What one step of the worker did.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Idle,
    Done(i64),
    Failed(i64),
}

#[derive(Clone, Default)]
pub struct Worker {
    handlers: HashMap<String, Arc<dyn JobHandler>>,
}

impl Worker {
    pub fn new() -> Worker {
        Worker::default()
    }

    pub fn handle(mut self, kind: &str, handler: Arc<dyn JobHandler>) -> Worker {
        self.handlers.insert(kind.to_string(), handler);
        self
    }

    /// Claim and run one due job.
    pub async fn step(&self, state: &AppState) -> Result<Step, sqlx::Error> {
        let Some(job) = claim(&state.db, state.now()).await? else {
            return Ok(Step::Idle);
        };
        let result = match self.handlers.get(&job.kind) {
            Some(h) => h.run(state, &job).await,
            None => Err(JobError::Permanent(format!("no handler for job kind {}", job.kind))),
        };
        match result {
            Ok(()) => {
                complete(&state.db, job.id, state.now()).await?;
                tracing::info!(job = job.id, kind = job.kind, "job done");
                Ok(Step::Done(job.id))
            }
            Err(e) => {
                tracing::warn!(job = job.id, kind = job.kind, attempts = job.attempts, error = %e, "job failed");
                fail(&state.db, &job, &e, state.now()).await?;
                Ok(Step::Failed(job.id))
            }
        }
    }

    /// Run every job that is due now; for tests and the CLI.
    pub async fn drain(&self, state: &AppState) -> Result<Vec<Step>, sqlx::Error> {
        let mut steps = vec![];
        loop {
            match self.step(state).await? {
                Step::Idle => return Ok(steps),
                s => steps.push(s),
            }
        }
    }

    /// The background loop: runs due jobs, then waits for a wake-up or a poll interval. Stops
    /// between jobs when `shutdown` turns true; a job being run is finished first.
    pub async fn run(self, state: AppState, mut shutdown: watch::Receiver<bool>) {
        loop {
            if *shutdown.borrow() {
                break;
            }
            match self.step(&state).await {
                Ok(Step::Idle) => {
                    tokio::select! {
                        _ = state.jobs_wakeup.notified() => {}
                        _ = tokio::time::sleep(Duration::from_secs(2)) => {}
                        _ = shutdown.changed() => {}
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::error!(error = %e, "job queue unavailable");
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_secs(5)) => {}
                        _ = shutdown.changed() => {}
                    }
                }
            }
        }
        tracing::info!("job worker stopped; queued jobs stay in the database");
    }
}
