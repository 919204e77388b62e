//! E-mail. Every message goes through the job queue: it is written in the same transaction as
//! the change that causes it and sent by the worker over SMTP (lettre), retried with back-off.
//! Without SMTP settings (the demo) messages land in an outbox the operator reads in the browser.
//! Each message's Message-ID is derived from its queue entry, so one entry is one message.

use crate::jobs::{enqueue, Job, JobError, JobHandler};
pub use crate::smtp::{Mailer, Transport};
use crate::state::AppState;
use futures::future::BoxFuture;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as Part, Mailbox, MultiPart, SinglePart};
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
    /// Extra header lines, (name, value): `List-Unsubscribe`, `List-Unsubscribe-Post`, and a
    /// `Message-ID` of the sender's own (which replaces the one derived from the queue entry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<(String, String)>,
    /// The same text as HTML: the message is then multipart/alternative (text, then HTML).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

impl Email {
    pub fn new(to: impl Into<String>, subject: impl Into<String>, body: impl Into<String>) -> Email {
        Email {
            to: to.into(),
            subject: subject.into(),
            body: body.into(),
            attachment: None,
            headers: vec![],
            html: None,
        }
    }

    /// The same message with an extra header line.
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Email {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// The same message with an HTML alternative to its text.
    pub fn with_html(mut self, html: impl Into<String>) -> Email {
        self.html = Some(html.into());
        self
    }

    /// The value of the extra header `name` (case-insensitive), if set.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
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
                    let message = build(mailer, &email, &format!("<overens-job-{}@{}>", job.id, mailer.domain))?;
                    send_smtp(smtp, message).await
                }
            }
        })
    }
}

/// Send one message over SMTP now, outside the queue: for a sender that keeps its own record of
/// what went (a newsletter's deliveries, sent at a rate). `Ok(false)` when no SMTP server is
/// set (the demo's outbox): the caller queues the message instead, with [`queue`].
pub async fn send_now(state: &AppState, email: &Email) -> Result<bool, JobError> {
    let mailer = &state.mailer;
    match &mailer.transport {
        Transport::Outbox => Ok(false),
        Transport::Smtp(smtp) => {
            let fallback = format!("<overens-{}@{}>", state.now(), mailer.domain);
            send_smtp(smtp, build(mailer, email, &fallback)?).await?;
            Ok(true)
        }
    }
}

async fn send_smtp(
    smtp: &lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    message: Message,
) -> Result<(), JobError> {
    match smtp.send(message).await {
        Ok(_) => Ok(()),
        Err(e) if e.is_permanent() => Err(JobError::Permanent(e.to_string())),
        Err(e) => Err(JobError::Retry(e.to_string())),
    }
}

/// The message as sent: text alone, text and HTML as alternatives, or either with the
/// attachment; the extra headers; the email's own Message-ID or `message_id`.
fn build(mailer: &Mailer, email: &Email, message_id: &str) -> Result<Message, JobError> {
    let to: Mailbox = email
        .to
        .parse()
        .map_err(|e| JobError::Permanent(format!("bad address: {e}")))?;
    let own_id = email.header("Message-ID").map(str::to_string);
    let mut builder = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(&email.subject)
        .message_id(Some(own_id.unwrap_or_else(|| message_id.to_string())));
    for (name, value) in &email.headers {
        if name.eq_ignore_ascii_case("Message-ID") {
            continue;
        }
        let name = HeaderName::new_from_ascii(name.clone()).map_err(|e| JobError::Permanent(e.to_string()))?;
        builder = builder.raw_header(HeaderValue::new(name, value.clone()));
    }
    let text = match &email.html {
        None => MultiPart::mixed().singlepart(SinglePart::plain(email.body.clone())),
        Some(html) => MultiPart::alternative_plain_html(email.body.clone(), html.clone()),
    };
    let message = match (&email.attachment, &email.html) {
        (None, None) => builder.header(ContentType::TEXT_PLAIN).body(email.body.clone()),
        (None, Some(_)) => builder.multipart(text),
        (Some(a), _) => {
            let kind = ContentType::parse(&a.content_type).map_err(|e| JobError::Permanent(e.to_string()))?;
            let part = Part::new(a.name.clone()).body(a.content.clone(), kind);
            match &email.html {
                None => builder.multipart(
                    MultiPart::mixed()
                        .singlepart(
                            SinglePart::builder()
                                .header(ContentType::TEXT_PLAIN)
                                .body(email.body.clone()),
                        )
                        .singlepart(part),
                ),
                Some(_) => builder.multipart(MultiPart::mixed().multipart(text).singlepart(part)),
            }
        }
    };
    message.map_err(|e| JobError::Permanent(e.to_string()))
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
