//! The weekly digest's job (`openness.newsletter.digest`): on Monday at 07:00 Swedish time it
//! writes, per municipality with confirmed subscribers who asked for it, one digest per
//! subscriber of the past week's public decisions, news and coming approved events, queued for
//! the outbox in one transaction per municipality, then queues its next run. A week with nothing
//! new sends nothing. The rules are in `digest`; the items come from openness' own stores.

use super::digest::{self, Digest, Entry, Week, Words};
use super::send::{self, Frame};
use crate::{decisions, events, news};
use askama::Template;
use futures::future::BoxFuture;
use platform::db::Db;
use platform::i18n::{Lang, Tr};
use platform::jobs::{Job, JobError, JobHandler};
use platform::mail::Email;
use platform::state::AppState;
use platform::MunicipalityId;

pub use digest::JOB_KIND;

/// How far ahead an event may start and still be "coming up" in a digest.
const AHEAD: i64 = 365 * 24 * 3600;

pub struct Digests;

impl JobHandler for Digests {
    fn run<'a>(&'a self, state: &'a AppState, _job: &'a Job) -> BoxFuture<'a, Result<(), JobError>> {
        Box::pin(async move {
            let retry = |e: sqlx::Error| JobError::Retry(e.to_string());
            send_digests(state).await.map_err(retry)?;
            let now = state.now();
            let mut tx = state.db.write().await.map_err(retry)?;
            platform::jobs::next_run(&mut tx, JOB_KIND, digest::next_run(now), now)
                .await
                .map_err(retry)?;
            tx.commit().await.map_err(retry)
        })
    }
}

/// Queue the digest's run for the coming Monday unless one waits (a subscriber asked for it).
pub async fn schedule(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    platform::jobs::ensure(&mut tx, JOB_KIND, digest::next_run(now), now).await?;
    tx.commit().await
}

/// A digest subscriber: (municipality, address, unsubscribe secret).
type Reader = (MunicipalityId, String, String);

/// Every confirmed subscriber who asked for the digest, by municipality (none who unsubscribed).
async fn readers(db: &Db) -> Result<Vec<Reader>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.municipality_id, s.email, s.token FROM openness_newsletter_subscribers s \
         WHERE s.digest = 1 AND s.confirmed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \
         openness_newsletter_unsubscribed u WHERE u.municipality_id = s.municipality_id AND u.email = s.email) \
         ORDER BY s.municipality_id, s.id",
    )
    .fetch_all(&db.pool)
    .await
}

/// Write the week's digests of every municipality (the job's work); how many were queued.
pub async fn send_digests(state: &AppState) -> Result<usize, sqlx::Error> {
    let now = state.now();
    let week = Week::before(now);
    let tr = Tr {
        lang: Lang::default(),
        catalog: state.catalog.clone(),
    };
    let all = readers(&state.db).await?;
    let mut queued = 0;
    for chunk in all.chunk_by(|a, b| a.0 == b.0) {
        let m = chunk[0].0;
        let f = send::frame(state, m).await?;
        let d = week_of(&state.db, m, &f, &week, now).await?;
        if d.is_empty() {
            continue;
        }
        let mut tx = state.db.write().await?;
        for (_, to, token) in chunk {
            let email = message(&tr, &f, &week, &d, to, token);
            platform::mail::queue(&mut tx, Some(m), &email, now).await?;
        }
        tx.commit().await?;
        queued += chunk.len();
        tracing::info!(
            municipality = i64::from(m),
            readers = chunk.len(),
            "weekly digest queued"
        );
    }
    if queued > 0 {
        state.jobs_wakeup.notify_one();
    }
    Ok(queued)
}

/// What is new in a municipality in the week: decisions recorded (not withdrawn), approved
/// events still to come that were approved or changed, news published. Public items only.
async fn week_of(db: &Db, m: MunicipalityId, f: &Frame, w: &Week, now: i64) -> Result<Digest, sqlx::Error> {
    let site = |path: String| format!("{}{path}", f.base);
    let decisions = decisions::store::latest(db, m, &decisions::domain::Filter::default(), 200)
        .await?
        .into_iter()
        .filter(|d| d.withdrawn_at.is_none() && w.holds(d.created_at))
        .map(|d| Entry {
            when: d.meeting_on.clone(),
            url: site(crate::paths::decision(&f.slug, d.id)),
            title: d.title,
        })
        .collect();
    let events = events::store::in_range(db, m, &events::domain::Filter::default(), now, now + AHEAD)
        .await?
        .into_iter()
        .filter(|e| e.is_public() && w.holds(e.updated_at))
        .map(|e| Entry {
            when: format!(
                "{} {:02}:{:02}",
                e.schedule.starts_on.format("%Y-%m-%d"),
                e.schedule.start_minute / 60,
                e.schedule.start_minute % 60
            ),
            url: site(crate::paths::event(&f.slug, e.id)),
            title: e.title.clone(),
        })
        .collect();
    let today = platform::format::date(now);
    let (items, _) = news::store::list(db, m, &news::domain::Filter::default(), &today, 1, 100).await?;
    let news = items
        .into_iter()
        .filter(|n| w.holds_day(&n.published_on))
        .map(|n| Entry {
            when: n.published_on.clone(),
            url: site(news::paths::item(&f.slug, n.id)),
            title: n.title,
        })
        .collect();
    Ok(Digest {
        decisions: digest::capped(decisions),
        events: digest::capped(events),
        news: digest::capped(news),
    })
}

/// A week's digest to `to` (unsubscribe secret `token`): text and HTML, the one-click
/// unsubscribe headers (RFC 8058) as a newsletter's, and a Message-ID per week and address.
fn message(tr: &Tr, f: &Frame, week: &Week, d: &Digest, to: &str, token: &str) -> Email {
    let url = format!("{}{}", f.base, super::paths::unsubscribe(&f.slug, token));
    let words = Words {
        intro: tr.ta("openness-digest-intro", &[("municipality", &f.municipality)]),
        decisions: tr.t("openness-digest-decisions"),
        events: tr.t("openness-digest-events"),
        news: tr.t("openness-digest-news"),
        footer: tr.ta("openness-digest-footer", &[("municipality", &f.municipality)]),
    };
    let subject = tr.ta(
        "openness-digest-subject",
        &[("municipality", &f.municipality), ("week", &week.number().to_string())],
    );
    let text = digest::text(d, &words, &url);
    let html = DigestHtml {
        subject: &subject,
        intro: &words.intro,
        sections: d.sections(&words),
        footer: &words.footer,
        url: &url,
        leave: tr.t("openness-newsletter-mail-leave"),
    }
    .render()
    .unwrap_or_default();
    Email::new(to, subject.clone(), text)
        .with_html(html)
        .with_header("List-Unsubscribe", format!("<{url}>"))
        .with_header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
        .with_header("Message-ID", digest::message_id(week, to, &f.domain))
}

/// The HTML part of a digest (askama escapes every title).
#[derive(Template)]
#[template(path = "openness_newsletter_digest_mail.html")]
struct DigestHtml<'a> {
    subject: &'a str,
    intro: &'a str,
    sections: Vec<(&'a str, &'a [Entry])>,
    footer: &'a str,
    url: &'a str,
    leave: String,
}
