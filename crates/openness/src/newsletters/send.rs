//! Sending: one recurring job (`openness.newsletter`) writes the deliveries of every newsletter
//! whose time has come (one row per address, in one transaction) and works through the unsent
//! deliveries at the configured rate (`newsletter_per_minute`), for at most
//! [`domain::RUN_SECONDS`] a run, then queues its next run while any delivery waits.
//!
//! Each delivery is marked sent right after the SMTP server accepted its message. A server
//! killed between the two sends that one message again after the restart: it carries the same
//! Message-ID ([`domain::message_id`]), so mail programs show it once. Without SMTP (the demo),
//! the message is queued for the outbox in the same transaction that marks the delivery.

use super::domain;
use super::store::{self, Newsletter};
use crate::news::markdown;
use askama::Template;
use futures::future::BoxFuture;
use platform::i18n::{Lang, Tr};
use platform::jobs::{Job, JobError, JobHandler};
use platform::mail::Email;
use platform::state::AppState;
use std::time::Instant;

pub use domain::JOB_KIND;

pub struct Sender;

impl JobHandler for Sender {
    fn run<'a>(&'a self, state: &'a AppState, _job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            let retry = |e: sqlx::Error| JobError::Retry(e.to_string());
            queue_due(state).await.map_err(retry)?;
            if let Some(after) = send(state).await? {
                let now = state.now();
                let mut tx = state.db.write().await.map_err(retry)?;
                platform::jobs::next_run(&mut tx, JOB_KIND, now + after, now)
                    .await
                    .map_err(retry)?;
                tx.commit().await.map_err(retry)?;
            }
            Ok(())
        })
    }
}

/// Write the deliveries of every newsletter whose send time has come.
pub async fn queue_due(state: &AppState) -> Result<(), sqlx::Error> {
    for n in store::due(&state.db, state.now()).await? {
        let started = Instant::now();
        let addresses = store::audience(&state.db, n.municipality_id, &n.audience()).await?;
        let secret = state.secret.clone();
        let id = i64::from(n.id);
        let written = store::queue(
            &state.db,
            &n,
            &addresses,
            |a| domain::delivery_token(&secret, id, a),
            state.now(),
        )
        .await?;
        tracing::info!(
            newsletter = id,
            recipients = written,
            ms = started.elapsed().as_millis() as u64,
            "newsletter queued"
        );
    }
    Ok(())
}

/// The links and words a newsletter's message needs besides its text.
pub struct Frame {
    pub base: String,
    pub slug: String,
    pub municipality: String,
    pub domain: String,
}

/// The message of newsletter `n` to `to`, whose unsubscribe secret is `token`: text and HTML,
/// the one-click unsubscribe headers (RFC 8058) and the Message-ID of this newsletter and address.
pub fn message(tr: &Tr, f: &Frame, n: &Newsletter, to: &str, token: &str) -> Email {
    let url = format!("{}{}", f.base, super::paths::unsubscribe(&f.slug, token));
    let footer = tr.ta("openness-newsletter-mail-footer", &[("municipality", &f.municipality)]);
    let text = domain::text_part(&markdown::to_text(&n.body), &url, &footer);
    let html = MailHtml {
        subject: &n.subject,
        body: markdown::to_html(&n.body),
        footer: &footer,
        url: &url,
        leave: tr.t("openness-newsletter-mail-leave"),
    }
    .render()
    .unwrap_or_default();
    Email::new(to, n.subject.clone(), text)
        .with_html(html)
        .with_header("List-Unsubscribe", format!("<{url}>"))
        .with_header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
        .with_header("Message-ID", domain::message_id(n.id.into(), to, &f.domain))
}

/// The HTML part of a newsletter's message (the Markdown rendered safe by [`markdown::to_html`]).
#[derive(Template)]
#[template(path = "openness_newsletter_mail.html")]
struct MailHtml<'a> {
    subject: &'a str,
    body: String,
    footer: &'a str,
    url: &'a str,
    leave: String,
}

/// The frame of a municipality's newsletters.
pub async fn frame(state: &AppState, m: platform::MunicipalityId) -> Result<Frame, sqlx::Error> {
    let (slug, municipality) = store::municipality(&state.db, m).await?;
    Ok(Frame {
        base: state.config.base_url.trim_end_matches('/').to_string(),
        slug,
        municipality,
        domain: state.mailer.domain.clone(),
    })
}

/// Send unsent deliveries at the rate, for one run at most. Some(seconds) when deliveries still
/// wait and the next run should come that many seconds from now: at once when this run ran out
/// of time, later when what waits is held by another run (or by a killed one, until its lease
/// runs out).
async fn send(state: &AppState) -> Result<Option<i64>, JobError> {
    let retry = |e: sqlx::Error| JobError::Retry(e.to_string());
    let rate = state.config.newsletter_per_minute;
    let pause = domain::pause(rate);
    let mut budget = domain::per_run(rate);
    let started = Instant::now();
    let tr = Tr {
        lang: Lang::default(),
        catalog: state.catalog.clone(),
    };
    let mut held = false;
    for n in store::sending(&state.db).await.map_err(retry)? {
        let f = frame(state, n.municipality_id).await.map_err(retry)?;
        loop {
            let out_of_time = started.elapsed().as_secs() >= domain::RUN_SECONDS;
            if budget == 0 || out_of_time {
                return Ok(Some(0));
            }
            let size = budget.min(domain::SEND_BATCH);
            let now = state.now();
            let batch = store::claim(&state.db, n.id, size, now, now + domain::claim_seconds(rate, size))
                .await
                .map_err(retry)?;
            if batch.is_empty() {
                // Every delivery is sent, or some are held by another run (or a killed one).
                if !store::finish(&state.db, &n, state.now()).await.map_err(retry)? {
                    held = true;
                }
                break;
            }
            for (delivery, to, token) in batch {
                let email = message(&tr, &f, &n, &to, &token);
                deliver(state, &n, delivery, &email).await?;
                budget -= 1;
                if !pause.is_zero() {
                    tokio::time::sleep(pause).await;
                }
            }
        }
    }
    Ok(held.then_some(domain::HELD_RETRY_SECONDS))
}

/// Send one delivery and mark it sent. An address the SMTP server refuses for good is marked
/// too (logged), so it does not hold the rest up; a passing failure ends the run, retried.
async fn deliver(state: &AppState, n: &Newsletter, delivery: i64, email: &Email) -> Result<(), JobError> {
    let retry = |e: sqlx::Error| JobError::Retry(e.to_string());
    match platform::mail::send_now(state, email).await {
        Ok(true) => store::sent(&state.db, delivery, state.now()).await.map_err(retry),
        Ok(false) => {
            let now = state.now();
            let mut tx = state.db.write().await.map_err(retry)?;
            platform::mail::queue(&mut tx, Some(n.municipality_id), email, now)
                .await
                .map_err(retry)?;
            store::sent_in(&mut tx, delivery, now).await.map_err(retry)?;
            tx.commit().await.map_err(retry)?;
            state.jobs_wakeup.notify_one();
            Ok(())
        }
        Err(JobError::Permanent(e)) => {
            tracing::warn!(newsletter = i64::from(n.id), delivery, error = %e, "newsletter refused for an address");
            store::sent(&state.db, delivery, state.now()).await.map_err(retry)
        }
        Err(e) => Err(e),
    }
}
