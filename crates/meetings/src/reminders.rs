//! Reminders before a meeting: a job that runs every hour and e-mails everyone with a seat at a
//! meeting that starts within [`REMIND_BEFORE`] seconds, once per meeting (claimed in the same
//! transaction as the mail), removes the contact details of participants whose meeting ended
//! longer ago than the municipality's retention time, then queues its next run.

use crate::letters::Letters;
use crate::{mail, store};
use futures::future::BoxFuture;
use platform::jobs::{enqueue, Job, JobError, JobHandler};
use platform::AppState;

pub const JOB_KIND: &str = "meetings.reminders";
/// Two days before the meeting starts.
pub const REMIND_BEFORE: i64 = 2 * 24 * 3600;
pub const EVERY: i64 = 3600;

/// In the caller's transaction: queue the reminder run now unless one is waiting.
pub async fn ensure(conn: &mut sqlx::AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    let waiting: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM jobs WHERE kind = $1 AND status IN ('pending', 'running') LIMIT 1")
            .bind(JOB_KIND)
            .fetch_optional(&mut *conn)
            .await?;
    if waiting.is_none() {
        enqueue(conn, None, JOB_KIND, &serde_json::json!({}), now, now).await?;
    }
    Ok(())
}

/// Send the reminders due now; returns how many meetings were reminded about. Three queries
/// find everything (the due meetings, their details, their participants), whatever their number.
pub async fn send_due(state: &AppState) -> Result<usize, sqlx::Error> {
    let now = state.now();
    let due: Vec<(i64, platform::MunicipalityId, String)> = sqlx::query_as(
        "SELECT m.id, m.municipality_id, t.slug FROM meetings_meetings m JOIN municipalities t ON t.id = m.municipality_id \
         WHERE m.reminded_at IS NULL AND m.starts_at > $1 AND m.starts_at <= $2 ORDER BY m.id",
    )
    .bind(now)
    .bind(now + REMIND_BEFORE)
    .fetch_all(&state.db.pool)
    .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = due.iter().map(|d| d.0).collect();
    let meetings = store::meetings_by_id(&state.db, &ids).await?;
    let people = store::seated_by_meeting(&state.db, &ids).await?;
    let mut sent = 0;
    for (id, municipality_id, slug) in due {
        let Some(m) = meetings.iter().find(|m| m.id == id) else {
            continue;
        };
        let letters = Letters::new(state, &slug);
        let mut tx = state.db.write().await?;
        let claimed = sqlx::query(
            "UPDATE meetings_meetings SET reminded_at = $3 WHERE municipality_id = $1 AND id = $2 AND reminded_at IS NULL",
        )
        .bind(municipality_id)
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() != 1 {
            tx.rollback().await?;
            continue;
        }
        for (_, name, email) in people.iter().filter(|p| p.0 == id) {
            mail::queue(&mut tx, municipality_id, &letters.reminder(m, name, email), now).await?;
        }
        platform::audit::record(
            &mut tx,
            platform::audit::Change {
                municipality_id: Some(municipality_id),
                actor: None,
                action: "meetings.reminder.send",
                entity: "meetings_meeting",
                entity_id: Some(id),
                summary: m.title.clone(),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        sent += 1;
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
            crate::privacy::sweep(&state.db, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            let mut tx = state.db.write().await.map_err(|e| JobError::Retry(e.to_string()))?;
            enqueue(&mut tx, None, JOB_KIND, &serde_json::json!({}), now + EVERY, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            tx.commit().await.map_err(|e| JobError::Retry(e.to_string()))?;
            Ok(())
        })
    }
}
