//! The public pages of news and good examples: the list (news and approved stories, the newest
//! first; filters by kind and tag; pages of `domain::PAGE_SIZE`), one item's page, its image.
//! An item not yet published is a 404, but for staff and its association's representatives,
//! who see it as a preview.
//!
//! - `GET /{slug}/nyheter?typ=…&tagg=…&sida=…`: the list, with the Atom feed in its head
//! - `GET /{slug}/nyheter/{id}`: one item
//! - `GET /{slug}/nyheter/{id}/bild`: its image

use super::domain::{self, Filter, Item};
use super::paths;
use super::store;
use super::view::{self, Choice, Labels, Shown};
use super::NewsId;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/nyheter", get(list))
        .route("/{slug}/nyheter/{id}", get(show))
        .route("/{slug}/nyheter/{id}/bild", get(image))
}

/// The list's query string.
#[derive(Deserialize, Default)]
struct ListQuery {
    typ: Option<String>,
    tagg: Option<String>,
    sida: Option<String>,
}

#[derive(Template)]
#[template(path = "openness_news.html")]
struct ListView {
    page: Page,
    action: String,
    kinds: Vec<Choice>,
    tags: Vec<Choice>,
    rows: Vec<Shown>,
    summary: String,
    feed: String,
    feed_title: String,
    previous: Option<String>,
    next: Option<String>,
    page_text: Option<String>,
    manage: Option<String>,
    mine: Option<String>,
}

/// Today in Sweden, as the items' days are written.
pub(super) fn today(state: &AppState) -> String {
    state.today().format("%Y-%m-%d").to_string()
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let f = Filter::read(q.typ.as_deref(), q.tagg.as_deref());
    let wanted = q
        .sida
        .as_deref()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(1)
        .clamp(1, 100_000);
    let today = today(&state);
    let labels = Labels::of(&state, &m).await?;
    let (rows, total) = store::list(&state.db, m.id, &f, &today, wanted, domain::PAGE_SIZE).await?;
    let pages = domain::pages(total);
    let current = wanted.min(pages);
    let rows = if current == wanted {
        rows
    } else {
        store::list(&state.db, m.id, &f, &today, current, domain::PAGE_SIZE)
            .await?
            .0
    };
    let (kinds, tags) = view::choices(&ctx.tr, &labels, &f);
    let action = paths::list(&m.slug);
    let link = |p: i64| format!("{action}{}", f.query(p));
    let base = state.config.base_url.trim_end_matches('/');
    let user = ctx.user.as_ref();
    html(&ListView {
        page: ctx
            .page_in(&m, ctx.t("openness-news-title"))
            .described(ctx.tr.ta("openness-news-description", &[("name", &m.name)])),
        kinds,
        tags,
        rows: rows
            .into_iter()
            .map(|i| view::shown(&ctx.tr, &labels, &m.slug, i))
            .collect(),
        summary: ctx.tr.tn("openness-news-count", "n", total),
        feed: format!("{base}{}", paths::atom(&m.slug)),
        feed_title: ctx.tr.ta("openness-news-feed-title", &[("name", &m.name)]),
        previous: (current > 1).then(|| link(current - 1)),
        next: (current < pages).then(|| link(current + 1)),
        page_text: (pages > 1).then(|| ctx.tr.ta("openness-page-of", &[("n", &current), ("of", &pages)])),
        manage: user.is_some_and(|u| u.is_staff(m.id)).then(|| paths::manage(&m.slug)),
        mine: user
            .is_some_and(|u| !u.represented_in(m.id).is_empty())
            .then(|| paths::mine(&m.slug)),
        action,
    })
}

/// Whether the visitor may see an item: the public once it is published and its day has come;
/// staff and its association's representatives always.
fn may_see(ctx: &Ctx, m: &Municipality, i: &Item, today: &str) -> bool {
    i.public(today)
        || ctx
            .user
            .as_ref()
            .is_some_and(|u| u.is_staff(m.id) || i.organisation.as_ref().is_some_and(|(o, _)| u.represents(*o)))
}

#[derive(Template)]
#[template(path = "openness_news_item.html")]
struct PageView {
    page: Page,
    s: Shown,
    preview: bool,
    back: String,
    edit: Option<String>,
}

async fn show(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, Id(id): Id<NewsId>) -> AppResult<Response> {
    let today = today(&state);
    let i = store::one(&state.db, m.id, id)
        .await?
        .filter(|i| may_see(&ctx, &m, i, &today))
        .ok_or(AppError::NotFound("err-not-found"))?;
    let labels = Labels::of(&state, &m).await?;
    let preview = !i.public(&today);
    let description = if i.lead.is_empty() {
        super::markdown::to_text(&i.body).chars().take(200).collect()
    } else {
        i.lead.clone()
    };
    let edit = ctx.user.as_ref().and_then(|u| {
        if u.is_staff(m.id) {
            Some(paths::manage_one(&m.slug, id))
        } else {
            i.organisation
                .as_ref()
                .filter(|(o, _)| u.represents(*o))
                .map(|_| paths::mine_one(&m.slug, id))
        }
    });
    let page = ctx.page_in(&m, i.title.clone()).described(description);
    html(&PageView {
        page,
        s: view::shown(&ctx.tr, &labels, &m.slug, i),
        preview,
        back: paths::list(&m.slug),
        edit,
    })
}

async fn image(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, Id(id): Id<NewsId>) -> AppResult<Response> {
    let today = today(&state);
    let i = store::one(&state.db, m.id, id)
        .await?
        .filter(|i| may_see(&ctx, &m, i, &today))
        .ok_or(AppError::NotFound("err-not-found"))?;
    let (mime, bytes) = store::image(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let name = if mime == "image/png" { "bild.png" } else { "bild.jpg" };
    let mut res = platform::upload::download(bytes, &mime, name, i.public(&today));
    // Shown on the page, not saved as a file.
    res.headers_mut().remove(axum::http::header::CONTENT_DISPOSITION);
    Ok(res)
}
