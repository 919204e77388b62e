//! The feeds of the decisions: RSS 2.0 and Atom for the municipality, per body (`?organ=`) and
//! per tag (`?tagg=`), the latest [`FEED_SIZE`] decisions by meeting date. Links are absolute
//! (the `base_url` setting). Each answer carries an `ETag` (a hash of the document) and
//! `Last-Modified` (the latest change of its entries), and a conditional GET that matches gets
//! 304 without a body.
//!
//! - `GET /{slug}/beslut/rss`: `application/rss+xml`
//! - `GET /{slug}/beslut/atom`: `application/atom+xml`

use super::domain::{Body, Filter, FEED_SIZE};
use super::feeds::{self, Entry, FeedInfo};
use super::routes::ListQuery;
use super::store;
use super::view::{self, FeedNames, Labels};
use crate::paths;
use axum::http::HeaderMap;
use platform::web::prelude::*;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/beslut/rss", get(rss))
        .route("/{slug}/beslut/atom", get(atom))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Rss,
    Atom,
}

async fn rss(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    feed(&state, &ctx, &m, &headers, &q.filter(), Format::Rss).await
}

async fn atom(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    feed(&state, &ctx, &m, &headers, &q.filter(), Format::Atom).await
}

async fn feed(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    headers: &HeaderMap,
    f: &Filter,
    format: Format,
) -> AppResult<Response> {
    let f = Filter {
        year: None,
        ..f.clone()
    };
    let base = state.config.base_url.trim_end_matches('/');
    let labels = Labels::of(state, m).await?;
    let decisions = store::feed(&state.db, m.id, &f, FEED_SIZE).await?;
    // A committee's filter is named by its decisions (each of them is that committee's): the
    // feed reads no list of the bodies, which would go through every decision of the
    // municipality on every request.
    let committees: Vec<(Body, String)> = decisions
        .iter()
        .take(1)
        .filter(|d| d.body == Body::Committee)
        .map(|d| (d.body, d.committee.clone()))
        .collect();
    let words = view::filter_words(&ctx.tr, &labels, &f, &committees);
    let updated = decisions.iter().map(|d| d.updated_at).max().unwrap_or(0);
    let (own, mime) = match format {
        Format::Rss => (paths::rss(&m.slug), super::RSS_TYPE),
        Format::Atom => (paths::atom(&m.slug), super::ATOM_TYPE),
    };
    let q = f.feed_query();
    let info = FeedInfo {
        title: match &words {
            Some(w) => ctx
                .tr
                .ta("openness-feed-title-filtered", &[("filter", w), ("name", &m.name)]),
            None => ctx.tr.ta("openness-feed-title", &[("name", &m.name)]),
        },
        description: ctx.tr.ta("openness-list-description", &[("name", &m.name)]),
        page: format!("{base}{}{}", paths::decisions(&m.slug), f.query(1)),
        own: format!("{base}{own}{q}"),
        language: ctx.tr.lang.code().to_string(),
        updated,
    };
    let mut names = FeedNames::new(&ctx.tr, &labels);
    let entries: Vec<Entry> = decisions
        .into_iter()
        .map(|d| Entry {
            link: format!("{base}{}", paths::decision(&m.slug, d.id)),
            title: names.title(&d),
            categories: names.categories(&d),
            meeting_on: chrono::NaiveDate::parse_from_str(&d.meeting_on, "%Y-%m-%d").unwrap_or_default(),
            updated: d.updated_at,
            summary: d.summary,
        })
        .collect();
    let body = match format {
        Format::Rss => feeds::rss(&info, &entries),
        Format::Atom => feeds::atom(&info, &entries),
    };
    Ok(crate::conditional::respond(headers, body, mime, updated))
}
