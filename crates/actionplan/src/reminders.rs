//! Reminders before follow-up: a job that runs once a day and e-mails the responsible of every
//! activity whose follow-up date is at most [`REMIND_DAYS`](crate::domain::REMIND_DAYS) days
//! away (the linked person, the linked organisation's representatives, the linked department's
//! staff), once per follow-up date, then queues its next run. Setting a follow-up date queues
//! the run when none is waiting. Only the current plan's activities are reminded about (an
//! earlier period's are read-only), and each mail is written in the language its recipient
//! chose (`users.language`; Swedish when none is kept).

use crate::domain::{self, Status};
use crate::ids::ActivityId;
use crate::paths;
use chrono::NaiveDate;
use futures::future::BoxFuture;
use platform::audit::Change;
use platform::db::{self, Db};
use platform::i18n::{Lang, Tr};
use platform::jobs::{Job, JobError, JobHandler};
use platform::mail::{self, Email};
use platform::AppState;
use platform::MunicipalityId;
use std::collections::BTreeMap;

pub const JOB_KIND: &str = "actionplan.reminders";
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

/// An activity to remind about, and whom.
#[derive(Debug)]
struct Due {
    municipality_id: MunicipalityId,
    slug: String,
    text: String,
    follow_up_text: String,
    follow_up_on: String,
    /// The recipients' addresses and the language each is written to in.
    to: Vec<(String, Lang)>,
}

/// The activities due for a reminder today with their recipients' addresses (one query).
async fn due(db: &Db, today: NaiveDate) -> Result<BTreeMap<ActivityId, Due>, sqlx::Error> {
    let last = today + chrono::Duration::days(domain::REMIND_DAYS);
    type Row = (
        ActivityId,
        MunicipalityId,
        String,
        String,
        String,
        String,
        Option<String>,
        String,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.id, a.municipality_id, m.slug, a.text, a.follow_up_text, a.follow_up_on, a.reminded_for, \
                a.status, u.email, u.language \
         FROM actionplan_activities a \
         JOIN municipalities m ON m.id = a.municipality_id \
         JOIN actionplan_goals g ON g.id = a.goal_id \
         JOIN actionplan_areas ar ON ar.id = g.area_id \
         JOIN users u ON u.id = a.responsible_user_id OR u.id IN ( \
             SELECT r.user_id FROM roles r WHERE r.municipality_id = a.municipality_id AND \
             (r.organisation_id = a.responsible_organisation_id OR r.department_id = a.responsible_department_id)) \
         WHERE a.follow_up_on >= $1 AND a.follow_up_on <= $2 AND a.status <> 'done' \
           AND (a.reminded_for IS NULL OR a.reminded_for <> a.follow_up_on) \
           AND ar.plan_id = (SELECT MAX(p.id) FROM actionplan_plans p WHERE p.municipality_id = a.municipality_id) \
         ORDER BY a.id, u.email",
    )
    .bind(today.format("%Y-%m-%d").to_string())
    .bind(last.format("%Y-%m-%d").to_string())
    .fetch_all(&db.pool)
    .await?;
    let mut out: BTreeMap<ActivityId, Due> = BTreeMap::new();
    for (id, m, slug, text, follow_up_text, on, reminded, status, email, language) in rows {
        let on_date = NaiveDate::parse_from_str(&on, "%Y-%m-%d").ok();
        let reminded = reminded.and_then(|r| NaiveDate::parse_from_str(&r, "%Y-%m-%d").ok());
        let status = Status::parse(&status).unwrap_or(Status::NotStarted);
        if !domain::reminder_due(on_date, status, reminded, today) {
            continue;
        }
        let entry = out.entry(id).or_insert_with(|| Due {
            municipality_id: m,
            slug,
            text,
            follow_up_text,
            follow_up_on: on,
            to: vec![],
        });
        if !entry.to.iter().any(|(e, _)| *e == email) {
            let lang = language.as_deref().and_then(Lang::parse).unwrap_or_default();
            entry.to.push((email, lang));
        }
    }
    Ok(out)
}

/// Send the reminders due now; returns how many activities were reminded about.
pub async fn send_due(state: &AppState) -> Result<usize, sqlx::Error> {
    let now = state.now();
    let today = NaiveDate::parse_from_str(&platform::format::date(now), "%Y-%m-%d").unwrap_or_default();
    let due = due(&state.db, today).await?;
    let tr = |lang: Lang| Tr {
        lang,
        catalog: state.catalog.clone(),
    };
    for (id, d) in &due {
        let link = format!(
            "{}{}",
            state.config.base_url.trim_end_matches('/'),
            paths::activity(&d.slug, *id)
        );
        let sent = db::write(&state.db, now, async |tx| {
            // Claimed in the same transaction as the mail, so two runs never send it twice.
            let claimed = sqlx::query(
                "UPDATE actionplan_activities SET reminded_for = follow_up_on \
                 WHERE id = $1 AND follow_up_on = $2 AND (reminded_for IS NULL OR reminded_for <> follow_up_on)",
            )
            .bind(id)
            .bind(&d.follow_up_on)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() != 1 {
                return Err(sqlx::Error::RowNotFound);
            }
            for (to, lang) in &d.to {
                let tr = tr(*lang);
                let email = Email {
                    attachment: None,
                    headers: vec![],
                    html: None,
                    to: to.clone(),
                    subject: tr.ta("actionplan-reminder-subject", &[("date", &d.follow_up_on)]),
                    body: tr.ta(
                        "actionplan-reminder-body",
                        &[
                            ("activity", &domain::activity_name(&tr, &d.text)),
                            ("date", &d.follow_up_on),
                            ("how", &d.follow_up_text),
                            ("link", &link),
                        ],
                    ),
                };
                mail::queue(tx, Some(d.municipality_id), &email, now).await?;
            }
            let to: Vec<&str> = d.to.iter().map(|(e, _)| e.as_str()).collect();
            let summary = format!("{}: {}", d.follow_up_on, to.join(", "));
            let change = Change::new(
                d.municipality_id,
                None,
                "actionplan.reminder.send",
                "actionplan_activity",
                *id,
                summary,
            );
            Ok(((), change))
        })
        .await;
        match sent {
            Ok(()) | Err(sqlx::Error::RowNotFound) => {}
            Err(e) => return Err(e),
        }
    }
    state.jobs_wakeup.notify_one();
    Ok(due.len())
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
