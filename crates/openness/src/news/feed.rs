//! The Atom feed of news and approved stories: the latest [`FEED_SIZE`] the public sees, the
//! newest first, written with `atom_syndication` by the decisions' writer ([`feeds::atom`]),
//! with absolute links (the `base_url` setting) and conditional GET ([`crate::conditional`]).
//!
//! - `GET /{slug}/nyheter/atom`: `application/atom+xml`

use super::domain::{Filter, FEED_SIZE};
use super::markdown;
use super::paths;
use super::routes::today;
use super::store;
use super::view::Labels;
use crate::decisions::feeds::{self, Entry, FeedInfo};
use axum::http::HeaderMap;
use platform::web::prelude::*;

pub(super) fn router() -> Routes {
    Routes::new().route("/{slug}/nyheter/atom", get(atom))
}

async fn atom(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, headers: HeaderMap) -> AppResult<Response> {
    let base = state.config.base_url.trim_end_matches('/');
    let labels = Labels::of(&state, &m).await?;
    let (items, _) = store::list(&state.db, m.id, &Filter::default(), &today(&state), 1, FEED_SIZE).await?;
    let updated = items.iter().map(|i| i.updated_at).max().unwrap_or(0);
    let info = FeedInfo {
        title: ctx.tr.ta("openness-news-feed-title", &[("name", &m.name)]),
        description: ctx.tr.ta("openness-news-description", &[("name", &m.name)]),
        page: format!("{base}{}", paths::list(&m.slug)),
        own: format!("{base}{}", paths::atom(&m.slug)),
        language: ctx.tr.lang.code().to_string(),
        updated,
    };
    let entries: Vec<Entry> = items
        .iter()
        .map(|i| {
            let mut categories = vec![labels.kind(&ctx.tr, i)];
            categories.extend(i.tags().into_iter().map(|t| labels.tag(&ctx.tr, t)));
            let summary = if i.lead.is_empty() {
                markdown::to_text(&i.body)
            } else {
                i.lead.clone()
            };
            Entry {
                link: format!("{base}{}", paths::item(&m.slug, i.id)),
                title: i.title.clone(),
                summary,
                meeting_on: chrono::NaiveDate::parse_from_str(&i.published_on, "%Y-%m-%d").unwrap_or_default(),
                updated: i.updated_at,
                categories,
            }
        })
        .collect();
    let body = feeds::atom(&info, &entries);
    Ok(crate::conditional::respond(
        &headers,
        body,
        crate::decisions::ATOM_TYPE,
        updated,
    ))
}
