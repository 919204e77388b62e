//! Staff's pages of news and good examples (the municipality's staff and coordinators): the
//! list of every item, the stories waiting first, with the form that publishes news; one item's
//! page to change it and its image; approving a story that was sent, or declining it with a
//! reason. Every change is in the audit trail (the store writes it).
//!
//! - `GET|POST /{slug}/nyheter/hantera`: the list; publish news
//! - `GET|POST /{slug}/nyheter/hantera/{id}`: change an item
//! - `POST /{slug}/nyheter/hantera/{id}/godkann`: publish a story that was sent
//! - `POST /{slug}/nyheter/hantera/{id}/avsla`: decline it, with the reason

use super::domain::{self, Item};
use super::edit::{self, Refused};
use super::paths;
use super::routes::today;
use super::store::{self, Author, Editor, Step};
use super::view::{self, done, store_error, Done, Labels, Posted, Shown};
use super::NewsId;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/nyheter/hantera", get(list).post(add))
        .route("/{slug}/nyheter/hantera/{id}", get(show).post(save))
        .route("/{slug}/nyheter/hantera/{id}/godkann", post(approve))
        .route("/{slug}/nyheter/hantera/{id}/avsla", post(decline))
}

#[derive(Template)]
#[template(path = "openness_news_manage.html")]
struct ListPage {
    page: Page,
    public: String,
    rows: Vec<Shown>,
    form: Form,
    notice: Option<String>,
}

fn add_form(ctx: &Ctx, m: &Municipality, labels: &Labels) -> Form {
    Form::new(
        paths::manage(&m.slug),
        ctx.t("openness-news-publish"),
        view::fields(ctx, labels),
    )
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    labels: &Labels,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let rows = store::all(&state.db, m.id, domain::MANAGE_SIZE)
        .await?
        .into_iter()
        .map(|i| view::shown(&ctx.tr, labels, &m.slug, i))
        .collect();
    html_status(
        form.status(),
        &ListPage {
            page: ctx.page_in(m, ctx.t("openness-news-manage-title")),
            public: paths::list(&m.slug),
            rows,
            form,
            notice,
        },
    )
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let labels = Labels::of(&state, &m).await?;
    let form = add_form(&ctx, &m, &labels);
    render_list(&state, &ctx, &m, &labels, form, d.message(&ctx)).await
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let labels = Labels::of(&state, &m).await?;
    match view::read(&ctx, add_form(&ctx, &m, &labels), &p) {
        Ok(checked) => {
            let author = Author::Municipality { today: today(&state) };
            let id = store::add(&state.db, m.id, &author, &checked, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(done(&paths::manage_one(&m.slug, id), "publicerat"))
        }
        Err(form) => render_list(&state, &ctx, &m, &labels, form, None).await,
    }
}

/// One of the municipality's items, or a 404.
pub(super) async fn item_or_404(state: &AppState, m: &Municipality, id: NewsId) -> AppResult<Item> {
    store::one(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsId>,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let i = item_or_404(&state, &m, id).await?;
    let labels = Labels::of(&state, &m).await?;
    let form = edit::form(&ctx, &m, &labels, Editor::Staff, &i);
    edit::page(
        &ctx,
        &m,
        &labels,
        Editor::Staff,
        i,
        form,
        d.message(&ctx),
        Refused::default(),
    )
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsId>,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let i = item_or_404(&state, &m, id).await?;
    let labels = Labels::of(&state, &m).await?;
    let Some(form) = edit::form(&ctx, &m, &labels, Editor::Staff, &i) else {
        return Err(AppError::NotFound("err-not-found"));
    };
    match view::read(&ctx, form, &p) {
        Ok(checked) => {
            store::update(&state.db, m.id, id, &checked, Editor::Staff, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(done(&paths::manage_one(&m.slug, id), "sparat"))
        }
        Err(form) => edit::page(
            &ctx,
            &m,
            &labels,
            Editor::Staff,
            i,
            Some(form),
            None,
            Refused::default(),
        ),
    }
}

async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsId>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let back = paths::manage_one(&m.slug, id);
    let today = today(&state);
    match store::step(
        &state.db,
        m.id,
        id,
        Step::Approve { today: &today },
        Some(user),
        state.now(),
    )
    .await
    {
        Ok(()) => Ok(done(&back, "godkant")),
        Err(store::StoreError::NotNow) => Ok(done(&back, "inte-nu")),
        Err(e) => Err(store_error(e)),
    }
}

/// A decline, as posted.
#[derive(Deserialize)]
struct Decline {
    reason: Option<String>,
}

async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsId>,
    Input(d): Input<Decline>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let back = paths::manage_one(&m.slug, id);
    let reason = match platform::rules::required_text(d.reason.as_deref().unwrap_or(""), domain::REASON_MAX) {
        Ok(r) => r,
        Err(why) => {
            let i = item_or_404(&state, &m, id).await?;
            let labels = Labels::of(&state, &m).await?;
            let form = edit::form(&ctx, &m, &labels, Editor::Staff, &i);
            let refused = Refused {
                reason: Some(ctx.tr.ta(why.message_id(), &[("n", &why.limit().unwrap_or(0))])),
                ..Refused::default()
            };
            return edit::page(&ctx, &m, &labels, Editor::Staff, i, form, None, refused);
        }
    };
    let step = Step::Decline { reason: &reason };
    match store::step(&state.db, m.id, id, step, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "avslaget")),
        Err(store::StoreError::NotNow) => Ok(done(&back, "inte-nu")),
        Err(e) => Err(store_error(e)),
    }
}
