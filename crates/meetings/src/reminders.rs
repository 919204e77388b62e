//! Reminders before a meeting: a job that runs every hour and e-mails everyone with a seat at a
//! meeting that starts within its series' lead time (two days unless the series says otherwise),
//! once per meeting (claimed in the same
//! transaction as the mail), removes the contact details of participants whose meeting ended
//! longer ago than the municipality's retention time and the registrations nobody confirmed,
//! then queues its next run.

use crate::letters::Letters;
use crate::{privacy, registration, store};
use futures::future::BoxFuture;
use platform::audit::Change;
use platform::db;
use platform::jobs::{Job, JobError, JobHandler};
use platform::mail;
use platform::AppState;

pub use crate::store::REMINDERS_JOB as JOB_KIND;
pub const EVERY: i64 = 3600;

/// Send the reminders due now; returns how many meetings were reminded about. Three queries
/// find everything (the due meetings, their details, their participants), whatever their number.
pub async fn send_due(state: &AppState) -> Result<usize, sqlx::Error> {
    let now = state.now();
    let due = store::due_reminders(&state.db, now).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let ids: Vec<_> = due.iter().map(|d| d.0).collect();
    let meetings = store::meetings_by_id(&state.db, &ids).await?;
    let people = registration::store::seated_by_meeting(&state.db, &ids).await?;
    let mut sent = 0;
    for (id, slug) in due {
        let Some(m) = meetings.iter().find(|m| m.id == id) else {
            continue;
        };
        let letters = Letters::new(state, &slug);
        let claimed = store::found(
            db::write(&state.db, now, async |tx| {
                if !store::claim_reminder(tx, m.municipality_id, id, now).await? {
                    return Err(store::WriteError::NotFound);
                }
                for (_, name, email) in people.iter().filter(|p| p.0 == id) {
                    let letter = letters.reminder(m, name, email);
                    mail::queue(tx, Some(m.municipality_id), &letter, now).await?;
                }
                let change = Change::new(
                    m.municipality_id,
                    None,
                    "meetings.reminder.send",
                    "meetings_meeting",
                    id,
                    &m.title,
                );
                Ok(((), change))
            })
            .await,
        )?;
        if claimed.is_some() {
            sent += 1;
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
            privacy::store::sweep(&state.db, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            registration::pending::purge(&state.db, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            let mut tx = state.db.write().await.map_err(|e| JobError::Retry(e.to_string()))?;
            platform::jobs::next_run(&mut tx, JOB_KIND, now + EVERY, now)
                .await
                .map_err(|e| JobError::Retry(e.to_string()))?;
            tx.commit().await.map_err(|e| JobError::Retry(e.to_string()))?;
            Ok(())
        })
    }
}
