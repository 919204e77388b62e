//! The escalation of "En dörr in": a recurring job that tells the municipality's coordinators
//! by e-mail, once, of every case waiting past the last day of its service level, then queues
//! its next run an hour later. A new case or a reply queues a run when none is waiting. The
//! case is marked in the same transaction as the letters, so two runs never send it twice.

use super::{domain, mail, store};
use futures::future::BoxFuture;
use platform::audit::Change;
use platform::db;
use platform::jobs::{Job, JobError, JobHandler};
use platform::AppState;

pub const JOB_KIND: &str = "support.doors.escalate";
const EVERY: i64 = 3600;

/// In the caller's transaction: queue a run now unless one is waiting.
pub async fn ensure(conn: &mut sqlx::AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    platform::jobs::ensure(conn, JOB_KIND, now, now).await
}

/// Tell the coordinators of the cases past their last day; how many cases.
pub async fn send_due(state: &AppState) -> Result<usize, sqlx::Error> {
    let now = state.now();
    let today = domain::local_day(now).format("%Y-%m-%d").to_string();
    let late = store::late(&state.db, &today).await?;
    let mut sent = 0;
    for l in &late {
        let done = db::write(&state.db, now, async |tx| {
            if !store::claim_escalation(tx, l.id, now).await? {
                return Err(sqlx::Error::RowNotFound);
            }
            for to in &l.to {
                let email = mail::escalation(state, to, &l.slug, &l.number, &l.topic, &l.due_on, l.id);
                platform::mail::queue(tx, Some(l.municipality_id), &email, now).await?;
            }
            let change = Change::new(
                l.municipality_id,
                None,
                "support.door.case.escalate",
                "support_door_case",
                l.id,
                l.number.clone(),
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

pub struct EscalationJob;

impl JobHandler for EscalationJob {
    fn run<'a>(&'a self, state: &'a AppState, _job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            send_due(state).await.map_err(|e| JobError::Retry(e.to_string()))?;
            let now = state.now();
            let mut tx = state.db.write().await.map_err(|e| JobError::Retry(e.to_string()))?;
            platform::jobs::next_run(&mut tx, JOB_KIND, now + EVERY, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            tx.commit().await.map_err(|e| JobError::Retry(e.to_string()))?;
            Ok(())
        })
    }
}
