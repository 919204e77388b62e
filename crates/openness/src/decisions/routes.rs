//! The public pages of the decisions feed: the list (filters by body, tag and year; pages of
//! `domain::PAGE_SIZE`), one decision's page, and its attachments. A withdrawn decision stays, marked.
//!
//! - `GET /{slug}/beslut?organ=…&tagg=…&ar=…&sida=…`: the list, with the feeds in its head
//! - `GET /{slug}/beslut/{id}`: one decision
//! - `GET /{slug}/beslut/{id}/bilaga/{file}`: an attachment to download

use super::domain::{self, Decision, Filter};
use super::store;
use super::view::{self, Choice, Labels, Shown};
use crate::ids::{AttachmentId, DecisionId};
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/beslut", get(list))
        .route("/{slug}/beslut/{id}", get(show))
        .route("/{slug}/beslut/{id}/bilaga/{file}", get(download))
}

/// The list's and the feeds' query string.
#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    pub organ: Option<String>,
    pub tagg: Option<String>,
    pub ar: Option<String>,
    pub sida: Option<String>,
}

impl ListQuery {
    pub(super) fn filter(&self) -> Filter {
        Filter::read(self.organ.as_deref(), self.tagg.as_deref(), self.ar.as_deref())
    }
}

/// A feed of the list, for the page's head and its links.
pub(super) struct FeedLink {
    pub href: String,
    pub title: String,
    pub mime: &'static str,
}

#[derive(Template)]
#[template(path = "openness_decisions.html")]
struct ListView {
    page: Page,
    action: String,
    bodies: Vec<Choice>,
    tags: Vec<Choice>,
    years: Vec<Choice>,
    rows: Vec<Shown>,
    summary: String,
    feeds: Vec<FeedLink>,
    previous: Option<String>,
    next: Option<String>,
    page_text: Option<String>,
    manage: Option<String>,
}

/// The feeds for a filter, with absolute addresses.
pub(super) fn feed_links(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    what: Option<&str>,
    f: &Filter,
) -> Vec<FeedLink> {
    let base = state.config.base_url.trim_end_matches('/');
    let q = f.feed_query();
    let title = |kind: &str| match what {
        Some(w) => ctx
            .tr
            .ta("openness-feed-link-filtered", &[("kind", &kind), ("filter", &w)]),
        None => ctx.tr.ta("openness-feed-link", &[("kind", &kind)]),
    };
    vec![
        FeedLink {
            href: format!("{base}{}{q}", paths::rss(&m.slug)),
            title: title("RSS"),
            mime: super::RSS_TYPE,
        },
        FeedLink {
            href: format!("{base}{}{q}", paths::atom(&m.slug)),
            title: title("Atom"),
            mime: super::ATOM_TYPE,
        },
    ]
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let f = q.filter();
    let wanted = q
        .sida
        .as_deref()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(1)
        .max(1);
    let labels = Labels::of(&state, &m).await?;
    let (rows, total) = store::list(&state.db, m.id, &f, wanted).await?;
    let pages = domain::pages(total);
    let current = wanted.min(pages);
    let rows = if current == wanted {
        rows
    } else {
        store::list(&state.db, m.id, &f, current).await?.0
    };
    let choices = view::choices(&state, &ctx.tr, &labels, &m, &f).await?;
    let committees = &choices.used;
    let words = view::filter_words(&ctx.tr, &labels, &f, committees);
    // The feeds follow the body and the tag, not the year.
    let unyeared = Filter {
        year: None,
        ..f.clone()
    };
    let feed_words = view::filter_words(&ctx.tr, &labels, &unyeared, committees);
    let action = paths::decisions(&m.slug);
    let link = |p: i64| format!("{action}{}", f.query(p));
    let summary = ctx.tr.tn("openness-count", "n", total);
    let title = match &words {
        Some(w) => ctx.tr.ta("openness-list-title-filtered", &[("filter", w)]),
        None => ctx.t("openness-list-title"),
    };
    html(&ListView {
        page: ctx
            .page_in(&m, title)
            .described(ctx.tr.ta("openness-list-description", &[("name", &m.name)])),
        feeds: feed_links(&state, &ctx, &m, feed_words.as_deref(), &f),
        bodies: choices.bodies,
        tags: choices.tags,
        years: choices.years,
        rows: rows
            .into_iter()
            .map(|d| view::shown(&ctx.tr, &labels, &m.slug, d))
            .collect(),
        summary,
        previous: (current > 1).then(|| link(current - 1)),
        next: (current < pages).then(|| link(current + 1)),
        page_text: (pages > 1).then(|| ctx.tr.ta("openness-page-of", &[("n", &current), ("of", &pages)])),
        manage: ctx
            .user
            .as_ref()
            .is_some_and(|u| u.is_staff(m.id))
            .then(|| paths::manage(&m.slug)),
        action,
    })
}

#[derive(Template)]
#[template(path = "openness_decision.html")]
struct PageView {
    page: Page,
    s: Shown,
    d: Decision,
    organisation_base: String,
    slug: String,
    back: String,
    manage: Option<String>,
}

impl PageView {
    fn attachment_href(&self, file: &AttachmentId) -> String {
        paths::attachment(&self.slug, self.d.id, *file)
    }
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<DecisionId>,
) -> AppResult<Response> {
    let d = store::one(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let labels = Labels::of(&state, &m).await?;
    let s = view::shown(&ctx.tr, &labels, &m.slug, d.clone());
    let page = ctx.page_in(&m, d.title.clone()).described(s.meta.clone());
    html(&PageView {
        page,
        s,
        d,
        organisation_base: format!("/{}/foreningar", m.slug),
        slug: m.slug.clone(),
        back: paths::decisions(&m.slug),
        manage: ctx
            .user
            .as_ref()
            .is_some_and(|u| u.is_staff(m.id))
            .then(|| paths::manage_one(&m.slug, id)),
    })
}

/// A decision's and an attachment's ids in the path.
#[derive(Deserialize)]
pub(super) struct FilePath {
    pub(super) id: DecisionId,
    pub(super) file: AttachmentId,
}

async fn download(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    PathParams(FilePath { id, file }): PathParams<FilePath>,
) -> AppResult<Response> {
    let (name, mime, bytes) = store::attachment_file(&state.db, m.id, id, file)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    Ok(platform::upload::download(bytes, &mime, &name, true))
}
