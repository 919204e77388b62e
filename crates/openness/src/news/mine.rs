//! "Mina berättelser": an association's representatives write stories of what the association
//! does (good examples), change them while they are drafts or declined, send them to the
//! coordinator, and see where each one is. An association sees only its own stories; another
//! association's is a 404. Staff asking for a story here are sent to their own page of it.
//!
//! - `GET|POST /{slug}/nyheter/mina`: the association's stories; write a new one (a draft)
//! - `GET|POST /{slug}/nyheter/mina/{id}`: one story; change it
//! - `POST /{slug}/nyheter/mina/{id}/skicka`: send it for approval

use super::domain::{self, Item, Kind};
use super::edit::{self, Refused};
use super::manage::item_or_404;
use super::paths;
use super::store::{self, Author, Editor, Step};
use super::view::{self, done, store_error, Done, Labels, Posted, Shown};
use super::NewsId;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/nyheter/mina", get(list).post(add))
        .route("/{slug}/nyheter/mina/{id}", get(show).post(save))
        .route("/{slug}/nyheter/mina/{id}/skicka", post(submit))
}

/// The associations of the municipality the person represents, or 403 for none.
fn represented<'a>(ctx: &'a Ctx, m: &Municipality) -> AppResult<(&'a CurrentUser, Vec<(OrganisationId, String)>)> {
    let user = require_user(ctx.user.as_ref())?;
    let orgs = user.represented_in(m.id);
    if orgs.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok((user, orgs))
}

/// What the association's story page answers: the story, or where staff should go instead.
pub(super) enum Access {
    Own(Box<Item>),
    Staff,
}

/// A story of one of the person's associations; staff are sent on; anyone else gets a 404 (or
/// is asked to log in).
pub(super) async fn own_story(state: &AppState, ctx: &Ctx, m: &Municipality, id: NewsId) -> AppResult<Access> {
    let user = require_user(ctx.user.as_ref())?;
    let i = item_or_404(state, m, id).await?;
    if user.is_staff(m.id) {
        return Ok(Access::Staff);
    }
    match &i.organisation {
        Some((o, _)) if i.kind == Kind::Story && user.represents(*o) => Ok(Access::Own(Box::new(i))),
        _ => Err(AppError::NotFound("err-not-found")),
    }
}

#[derive(Template)]
#[template(path = "openness_news_mine.html")]
struct ListPage {
    page: Page,
    rows: Vec<Shown>,
    form: Form,
    notice: Option<String>,
}

fn add_form(ctx: &Ctx, m: &Municipality, labels: &Labels, orgs: &[(OrganisationId, String)]) -> Form {
    let mut fields = vec![Field::new(
        "organisation",
        ctx.t("openness-news-field-organisation"),
        FieldKind::Select,
    )
    .required()
    .options(orgs.iter().map(|(id, n)| (id.to_string(), n.clone())).collect())];
    fields.extend(view::fields(ctx, labels));
    Form::new(paths::mine(&m.slug), ctx.t("openness-news-save-draft"), fields)
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    orgs: &[(OrganisationId, String)],
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let labels = Labels::of(state, m).await?;
    let ids: Vec<OrganisationId> = orgs.iter().map(|o| o.0).collect();
    let rows = store::of_organisations(&state.db, m.id, &ids, domain::MANAGE_SIZE)
        .await?
        .into_iter()
        .map(|i| view::shown(&ctx.tr, &labels, &m.slug, i))
        .collect();
    html_status(
        form.status(),
        &ListPage {
            page: ctx.page_in(m, ctx.t("openness-news-mine-title")),
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
    let (_, orgs) = represented(&ctx, &m)?;
    let labels = Labels::of(&state, &m).await?;
    let form = add_form(&ctx, &m, &labels, &orgs);
    render_list(&state, &ctx, &m, &orgs, form, d.message(&ctx)).await
}

/// A new story, as posted: the association and the item's fields.
#[derive(Deserialize)]
struct NewStory {
    organisation: Option<String>,
    #[serde(flatten)]
    item: Posted,
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(p): Input<NewStory>,
) -> AppResult<Response> {
    let (user, orgs) = represented(&ctx, &m)?;
    let labels = Labels::of(&state, &m).await?;
    let organisation = p
        .organisation
        .as_deref()
        .and_then(|o| o.trim().parse::<OrganisationId>().ok())
        .filter(|o| orgs.iter().any(|(id, _)| id == o));
    let mut form = add_form(&ctx, &m, &labels, &orgs);
    if let Some(o) = &p.organisation {
        let o = o.clone();
        form.fill(|k| (k == "organisation").then(|| o.clone()));
    }
    match (view::read(&ctx, form, &p.item), organisation) {
        (Ok(checked), Some(organisation)) => {
            let author = Author::Association {
                organisation,
                user: user.id,
            };
            let id = store::add(&state.db, m.id, &author, &checked, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(done(&paths::mine_one(&m.slug, id), "sparat"))
        }
        (Ok(_), None) => {
            let mut form = add_form(&ctx, &m, &labels, &orgs);
            form.fill_from(&p.item);
            form.error("organisation", ctx.t("openness-news-err-organisation"));
            render_list(&state, &ctx, &m, &orgs, form, None).await
        }
        (Err(mut form), organisation) => {
            if organisation.is_none() {
                form.error("organisation", ctx.t("openness-news-err-organisation"));
            }
            render_list(&state, &ctx, &m, &orgs, form, None).await
        }
    }
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsId>,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    let i = match own_story(&state, &ctx, &m, id).await? {
        Access::Own(i) => *i,
        Access::Staff => return Ok(Redirect::to(&paths::manage_one(&m.slug, id)).into_response()),
    };
    let labels = Labels::of(&state, &m).await?;
    let form = edit::form(&ctx, &m, &labels, Editor::Association, &i);
    edit::page(
        &ctx,
        &m,
        &labels,
        Editor::Association,
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
    let i = match own_story(&state, &ctx, &m, id).await? {
        Access::Own(i) => *i,
        Access::Staff => return Ok(Redirect::to(&paths::manage_one(&m.slug, id)).into_response()),
    };
    let back = paths::mine_one(&m.slug, id);
    let labels = Labels::of(&state, &m).await?;
    let Some(form) = edit::form(&ctx, &m, &labels, Editor::Association, &i) else {
        return Ok(done(&back, "inte-nu"));
    };
    match view::read(&ctx, form, &p) {
        Ok(checked) => {
            let user = ctx.user.as_ref();
            match store::update(&state.db, m.id, id, &checked, Editor::Association, user, state.now()).await {
                Ok(()) => Ok(done(&back, "sparat")),
                Err(store::StoreError::NotNow) => Ok(done(&back, "inte-nu")),
                Err(e) => Err(store_error(e)),
            }
        }
        Err(form) => edit::page(
            &ctx,
            &m,
            &labels,
            Editor::Association,
            i,
            Some(form),
            None,
            Refused::default(),
        ),
    }
}

async fn submit(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, Id(id): Id<NewsId>) -> AppResult<Response> {
    if let Access::Staff = own_story(&state, &ctx, &m, id).await? {
        return Ok(Redirect::to(&paths::manage_one(&m.slug, id)).into_response());
    }
    let back = paths::mine_one(&m.slug, id);
    match store::step(&state.db, m.id, id, Step::Submit, ctx.user.as_ref(), state.now()).await {
        Ok(()) => Ok(done(&back, "skickat")),
        Err(store::StoreError::NotNow) => Ok(done(&back, "inte-nu")),
        Err(e) => Err(store_error(e)),
    }
}
