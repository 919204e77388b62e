//! The meetings' e-mail: like the platform's (queued in the transaction that causes it, sent by
//! the worker over SMTP, retried), but a message may carry the meeting as an .ics attachment.
//! Without SMTP the message lands in the platform's outbox (the attachment is then only named;
//! the meeting's calendar link is in the text).

use futures::future::BoxFuture;
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncTransport, Message};
use platform::jobs::{enqueue, Job, JobError, JobHandler};
use platform::mail::Transport;
use platform::{AppState, MunicipalityId};
use serde::{Deserialize, Serialize};

pub const JOB_KIND: &str = "meetings.email";

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct MeetingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The calendar file to attach (`mote.ics`), if any.
    pub ics: Option<String>,
}

/// Queue a message in the caller's transaction.
pub async fn queue(
    conn: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    mail: &MeetingMail,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let payload = serde_json::to_value(mail).map_err(|e| sqlx::Error::Encode(e.into()))?;
    enqueue(conn, Some(municipality_id.get()), JOB_KIND, &payload, now, now).await
}

pub struct MailJob;

fn build(state: &AppState, job: &Job, m: &MeetingMail) -> Result<Message, JobError> {
    let mailer = &state.mailer;
    let to: Mailbox =
        m.to.parse()
            .map_err(|e| JobError::Permanent(format!("bad address {}: {e}", m.to)))?;
    let builder = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(&m.subject)
        .message_id(Some(format!("<overens-job-{}@{}>", job.id, mailer.domain)));
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(m.body.clone());
    let message = match &m.ics {
        None => builder.singlepart(text),
        Some(ics) => {
            let kind = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                .map_err(|e| JobError::Permanent(e.to_string()))?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(text)
                    .singlepart(Attachment::new("mote.ics".into()).body(ics.clone(), kind)),
            )
        }
    };
    message.map_err(|e| JobError::Permanent(e.to_string()))
}

impl JobHandler for MailJob {
    fn run<'a>(&'a self, state: &'a AppState, job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            let m: MeetingMail =
                serde_json::from_str(&job.payload).map_err(|e| JobError::Permanent(format!("bad payload: {e}")))?;
            match &state.mailer.transport {
                Transport::Outbox => {
                    let body = match &m.ics {
                        Some(_) => format!("{}\n\n[bilaga: mote.ics]", m.body),
                        None => m.body.clone(),
                    };
                    sqlx::query(
                        "INSERT INTO outbox (job_id, municipality_id, to_addr, subject, body_text, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (job_id) DO NOTHING",
                    )
                    .bind(job.id)
                    .bind(job.municipality_id)
                    .bind(&m.to)
                    .bind(&m.subject)
                    .bind(body)
                    .bind(state.now())
                    .execute(&state.db.pool)
                    .await
                    .map_err(|e| JobError::Retry(e.to_string()))?;
                    Ok(())
                }
                Transport::Smtp(smtp) => match smtp.send(build(state, job, &m)?).await {
                    Ok(_) => Ok(()),
                    Err(e) if e.is_permanent() => Err(JobError::Permanent(e.to_string())),
                    Err(e) => Err(JobError::Retry(e.to_string())),
                },
            }
        })
    }
}
