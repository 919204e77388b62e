//! E-mail. Every message goes through the job queue: it is written in the same transaction as
//! the change that causes it and sent by the worker over SMTP (lettre), retried with back-off.
//! Without SMTP settings (the demo) messages land in an outbox the operator reads in the browser.
//! Each message's Message-ID is derived from its queue entry, so one entry is one message.

use crate::jobs::{enqueue, Job, JobError, JobHandler};
pub use crate::smtp::{Mailer, Transport};
use crate::state::AppState;
use futures::future::BoxFuture;
use lettre::message::{header::ContentType, Attachment as Part, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncTransport, Message};
use serde::{Deserialize, Serialize};

pub const JOB_KIND: &str = "email";

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// A file sent with the text (a calendar file, for instance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
}

impl Email {
    pub fn new(to: impl Into<String>, subject: impl Into<String>, body: impl Into<String>) -> Email {
        Email {
            to: to.into(),
            subject: subject.into(),
            body: body.into(),
            attachment: None,
        }
    }

    /// The same message with a calendar file (`text/calendar`) attached under `name`.
    pub fn with_calendar(self, name: &str, ics: String) -> Email {
        self.with_calendar_method(name, ics, "PUBLISH")
    }

    /// The same message with a calendar file whose METHOD is `method` (`REQUEST`, `CANCEL`):
    /// the part's content type says it too, as RFC 6047 asks.
    pub fn with_calendar_method(mut self, name: &str, ics: String, method: &str) -> Email {
        self.attachment = Some(Attachment {
            name: name.to_string(),
            content_type: format!("text/calendar; charset=utf-8; method={method}"),
            content: ics,
        });
        self
    }
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub content: String,
}

/// Queue an e-mail in the caller's transaction.
pub async fn queue(
    conn: &mut sqlx::AnyConnection,
    municipality_id: Option<crate::MunicipalityId>,
    email: &Email,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let payload = serde_json::to_value(email).map_err(|e| sqlx::Error::Encode(e.into()))?;
    enqueue(conn, municipality_id.map(i64::from), JOB_KIND, &payload, now, now).await
}

pub struct EmailHandler;

impl JobHandler for EmailHandler {
    fn run<'a>(&'a self, state: &'a AppState, job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            let email: Email =
                serde_json::from_str(&job.payload).map_err(|e| JobError::Permanent(format!("bad payload: {e}")))?;
            let mailer = &state.mailer;
            match &mailer.transport {
                Transport::Outbox => {
                    sqlx::query(
                        "INSERT INTO outbox (job_id, municipality_id, to_addr, subject, body_text, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (job_id) DO NOTHING",
                    )
                    .bind(job.id)
                    .bind(job.municipality_id)
                    .bind(&email.to)
                    .bind(&email.subject)
                    .bind(match &email.attachment {
                        Some(a) => format!("{}\n\n[bilaga: {}]", email.body, a.name),
                        None => email.body.clone(),
                    })
                    .bind(state.now())
                    .execute(&state.db.pool)
                    .await
                    .map_err(|e| JobError::Retry(e.to_string()))?;
                    Ok(())
                }
                Transport::Smtp(smtp) => {
                    let to: Mailbox = email
                        .to
                        .parse()
                        .map_err(|e| JobError::Permanent(format!("bad address: {e}")))?;
                    let builder = Message::builder()
                        .from(mailer.from.clone())
                        .to(to)
                        .subject(&email.subject)
                        .message_id(Some(format!("<overens-job-{}@{}>", job.id, mailer.domain)));
                    let message = match &email.attachment {
                        None => builder.header(ContentType::TEXT_PLAIN).body(email.body.clone()),
                        Some(a) => {
                            let kind =
                                ContentType::parse(&a.content_type).map_err(|e| JobError::Permanent(e.to_string()))?;
                            builder.multipart(
                                MultiPart::mixed()
                                    .singlepart(
                                        SinglePart::builder()
                                            .header(ContentType::TEXT_PLAIN)
                                            .body(email.body.clone()),
                                    )
                                    .singlepart(Part::new(a.name.clone()).body(a.content.clone(), kind)),
                            )
                        }
                    }
                    .map_err(|e| JobError::Permanent(e.to_string()))?;
                    match smtp.send(message).await {
                        Ok(_) => Ok(()),
                        Err(e) if e.is_permanent() => Err(JobError::Permanent(e.to_string())),
                        Err(e) => Err(JobError::Retry(e.to_string())),
                    }
                }
            }
        })
    }
}

/// In the caller's transaction: forget the mail to `address` — its messages in the outbox and
/// the entries still waiting in the queue (an erased person's address leaves no mail behind).
/// Returns how many entries went.
pub async fn forget_address(conn: &mut sqlx::AnyConnection, address: &str) -> Result<u64, sqlx::Error> {
    let address = address.trim().to_lowercase();
    if address.is_empty() {
        return Ok(0);
    }
    let mut gone = sqlx::query("DELETE FROM outbox WHERE lower(to_addr) = $1")
        .bind(&address)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    // Only unsent mail still has its payload; the queue is short, so read it and compare exactly.
    let waiting: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, payload FROM jobs WHERE kind = $1 AND status IN ('pending', 'running', 'failed')")
            .bind(JOB_KIND)
            .fetch_all(&mut *conn)
            .await?;
    for (id, payload) in waiting {
        let to = serde_json::from_str::<Email>(&payload)
            .map(|e| e.to.trim().to_lowercase())
            .unwrap_or_default();
        if to == address {
            gone += sqlx::query("DELETE FROM jobs WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?
                .rows_affected();
        }
    }
    Ok(gone)
}

#[derive(Debug, Clone)]
pub struct OutboxEntry {
    pub id: i64,
    pub to_addr: String,
    pub subject: String,
    pub body_text: String,
    pub created_at: i64,
}

/// The latest messages in the outbox.
pub async fn outbox(db: &crate::db::Db, limit: i64) -> Result<Vec<OutboxEntry>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64)> =
        sqlx::query_as("SELECT id, to_addr, subject, body_text, created_at FROM outbox ORDER BY id DESC LIMIT $1")
            .bind(limit)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|r| OutboxEntry {
            id: r.0,
            to_addr: r.1,
            subject: r.2,
            body_text: r.3,
            created_at: r.4,
        })
        .collect())
}
