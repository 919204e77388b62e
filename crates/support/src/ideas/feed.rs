//! The idea bank's Atom feed: the [`FEED_SIZE`] ideas the public sees that changed last (a new
//! idea, a new status), written with `atom_syndication`, with absolute links (the `base_url`
//! setting) and conditional GET (`platform::conditional`).
//!
//! - `GET /{slug}/ideer/atom`: `application/atom+xml`

use super::domain::FEED_SIZE;
use super::store;
use super::view::{self, Labels};
use crate::paths;
use axum::http::HeaderMap;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;
use platform::web::prelude::*;

pub const ATOM_TYPE: &str = "application/atom+xml";

pub(super) fn router() -> Routes {
    Routes::new().route("/{slug}/ideer/atom", get(atom))
}

/// A moment in Swedish local time, the offset kept.
fn local(unix: i64) -> DateTime<FixedOffset> {
    match Stockholm.timestamp_opt(unix, 0).single() {
        Some(t) => t.fixed_offset(),
        None => DateTime::<Utc>::UNIX_EPOCH.fixed_offset(),
    }
}

/// One entry of the feed.
pub struct Entry {
    /// The idea's page (absolute), also its id.
    pub link: String,
    pub title: String,
    pub summary: String,
    pub published: i64,
    pub updated: i64,
    /// The status, the category and the principle.
    pub categories: Vec<String>,
}

/// The Atom document: (title, subtitle, the list's address, its own address, language,
/// latest change) and the entries.
pub fn document(
    title: &str,
    subtitle: &str,
    page: &str,
    own: &str,
    lang: &str,
    updated: i64,
    entries: &[Entry],
) -> String {
    let link = |href: &str, rel: &str, mime: &str| atom_syndication::Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime.to_string()),
        ..Default::default()
    };
    let entries = entries
        .iter()
        .map(|e| atom_syndication::Entry {
            title: atom_syndication::Text::plain(e.title.clone()),
            id: e.link.clone(),
            updated: local(e.updated),
            published: Some(local(e.published)),
            links: vec![link(&e.link, "alternate", "text/html")],
            summary: (!e.summary.is_empty()).then(|| atom_syndication::Text::plain(e.summary.clone())),
            categories: e
                .categories
                .iter()
                .map(|c| atom_syndication::Category {
                    term: c.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    atom_syndication::Feed {
        title: atom_syndication::Text::plain(title.to_string()),
        id: own.to_string(),
        updated: local(updated),
        subtitle: Some(atom_syndication::Text::plain(subtitle.to_string())),
        links: vec![link(own, "self", ATOM_TYPE), link(page, "alternate", "text/html")],
        generator: Some(atom_syndication::Generator {
            value: "Överens".into(),
            ..Default::default()
        }),
        lang: Some(lang.to_string()),
        entries,
        ..Default::default()
    }
    .to_string()
}

async fn atom(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, headers: HeaderMap) -> AppResult<Response> {
    let base = state.config.base_url.trim_end_matches('/');
    let labels = Labels::of(&state.db, m.id, &m.slug).await?;
    let ideas = store::latest(&state.db, m.id, FEED_SIZE).await?;
    let updated = ideas.iter().map(|i| i.updated_at).max().unwrap_or(0);
    let entries: Vec<Entry> = ideas
        .into_iter()
        .map(|i| {
            let s = view::shown(&ctx.tr, &labels, &m.slug, i);
            let mut categories = vec![s.status.clone(), ctx.t(s.i.category.message_id())];
            if let Some(p) = s.i.principle {
                categories.push(labels.principle(p));
            }
            Entry {
                link: format!("{base}{}", s.href),
                summary: format!("{}: {}\n\n{}", ctx.t("support-ideas-status"), s.status, s.i.description),
                title: s.i.title,
                published: s.i.created_at,
                updated: s.i.updated_at,
                categories,
            }
        })
        .collect();
    let body = document(
        &ctx.tr.ta("support-ideas-feed-title", &[("name", &m.name)]),
        &ctx.tr.ta("support-ideas-description", &[("name", &m.name)]),
        &format!("{base}{}", paths::ideas(&m.slug)),
        &format!("{base}{}", paths::ideas_atom(&m.slug)),
        ctx.tr.lang.code(),
        updated,
        &entries,
    );
    Ok(platform::conditional::respond(&headers, body, ATOM_TYPE, updated))
}
