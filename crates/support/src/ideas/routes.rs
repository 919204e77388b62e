//! The idea bank's pages for everyone: the list (filters by status, principle and category;
//! the most supported or the newest first), one idea's page with its comments, the form to
//! submit an idea, and supporting, withdrawing support and commenting. A hidden idea or comment
//! is seen by the coordinator only (a 404 for others). The submit and comment forms are rate
//! limited per person and per address as the platform's other open forms are.
//!
//! - `GET /{slug}/ideer?status=…&princip=…&kategori=…&sortera=stod|nyast`: the list
//! - `GET POST /{slug}/ideer/ny`: submit an idea (signed in)
//! - `GET /{slug}/ideer/{id}`: one idea
//! - `POST /{slug}/ideer/{id}/stod`, `/{slug}/ideer/{id}/stod/ta-bort`: support, withdraw
//! - `POST /{slug}/ideer/{id}/kommentar`: comment

use super::domain::{self, Filter, Submitted, CATEGORIES};
use super::store::{self, Comment, StoreError};
use super::view::{self, Choices, Labels, MeetingLink, Shown};
use crate::ids::IdeaId;
use crate::paths;
use platform::ratelimit;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/ideer", get(list))
        .route("/{slug}/ideer/ny", get(new_form).post(submit))
        .route("/{slug}/ideer/{id}", get(show))
        .route("/{slug}/ideer/{id}/stod", post(support))
        .route("/{slug}/ideer/{id}/stod/ta-bort", post(unsupport))
        .route("/{slug}/ideer/{id}/kommentar", post(comment))
}

/// A store's refusal as the visitor's answer.
pub(super) fn store_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound => AppError::NotFound("err-not-found"),
        StoreError::NotNow | StoreError::Refused(_) => AppError::BadRequest("support-ideas-not-now"),
        StoreError::Db(e) => e.into(),
    }
}

/// The list's query string.
#[derive(Deserialize, Default)]
struct ListQuery {
    status: Option<String>,
    princip: Option<String>,
    kategori: Option<String>,
    sortera: Option<String>,
}

#[derive(Template)]
#[template(path = "support_ideas.html")]
struct ListView {
    page: Page,
    action: String,
    choices: Choices,
    rows: Vec<Shown>,
    summary: String,
    feed: String,
    feed_title: String,
    new_idea: String,
    login_new: String,
    signed_in: bool,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let f = Filter::read(
        q.status.as_deref(),
        q.princip.as_deref(),
        q.kategori.as_deref(),
        q.sortera.as_deref(),
    );
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let labels = Labels::of(&state.db, m.id, &m.slug).await?;
    let rows: Vec<Shown> = store::list(&state.db, m.id, &f, coordinator)
        .await?
        .into_iter()
        .map(|i| view::shown(&ctx.tr, &labels, &m.slug, i))
        .collect();
    let base = state.config.base_url.trim_end_matches('/');
    html(&ListView {
        page: ctx
            .page_in(&m, ctx.t("support-ideas-title"))
            .described(ctx.tr.ta("support-ideas-description", &[("name", &m.name)])),
        action: paths::ideas(&m.slug),
        choices: view::choices(&ctx.tr, &labels, &f),
        summary: ctx.tr.tn("support-ideas-count", "n", rows.len() as i64),
        rows,
        feed: format!("{base}{}", paths::ideas_atom(&m.slug)),
        feed_title: ctx.tr.ta("support-ideas-feed-title", &[("name", &m.name)]),
        new_idea: paths::idea_new(&m.slug),
        login_new: format!("/konto/logga-in?next={}", urlencode(&paths::idea_new(&m.slug))),
        signed_in: ctx.user.is_some(),
    })
}

/// The submit form, with what was typed.
fn idea_form(ctx: &Ctx, m: &Municipality, labels: &Labels, typed: &Submitted) -> Form {
    let mut principles = vec![(String::new(), ctx.t("support-ideas-form-no-principle"))];
    principles.extend(
        labels
            .principles
            .iter()
            .map(|(n, _)| (n.to_string(), labels.principle(*n))),
    );
    let mut categories = vec![(String::new(), ctx.t("support-ideas-form-choose"))];
    categories.extend(
        CATEGORIES
            .into_iter()
            .map(|c| (c.as_str().to_string(), ctx.t(c.message_id()))),
    );
    let mut form = Form::new(
        paths::idea_new(&m.slug),
        ctx.t("support-ideas-form-submit"),
        vec![
            Field::new("title", ctx.t("support-ideas-form-title"), FieldKind::Text)
                .required()
                .max_len(domain::TITLE_MAX),
            Field::new(
                "description",
                ctx.t("support-ideas-form-description"),
                FieldKind::TextArea,
            )
            .required()
            .hint(ctx.t("support-ideas-form-description-hint"))
            .max_len(domain::DESCRIPTION_MAX),
            Field::new("principle", ctx.t("support-ideas-form-principle"), FieldKind::Select)
                .options(principles)
                .hint(ctx.t("support-ideas-form-principle-hint")),
            Field::new("category", ctx.t("support-ideas-form-category"), FieldKind::Select)
                .required()
                .options(categories),
            Field::new("area", ctx.t("support-ideas-form-area"), FieldKind::Text)
                .hint(ctx.t("support-ideas-form-area-hint"))
                .max_len(domain::AREA_MAX),
        ],
    );
    form.fill_from(typed);
    form
}

fn form_page(ctx: &Ctx, m: &Municipality, form: Form) -> FormPage {
    let mut page = FormPage::new(
        ctx.page_in(m, ctx.t("support-ideas-new-title"))
            .via(paths::ideas(&m.slug), ctx.t("support-ideas-title")),
    );
    page.intro = vec![ctx.t("support-ideas-new-intro")];
    page.form = Some(form);
    page
}

async fn new_form(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_user(ctx.user.as_ref())?;
    let labels = Labels::of(&state.db, m.id, &m.slug).await?;
    let form = idea_form(&ctx, &m, &labels, &Submitted::default());
    html(&form_page(&ctx, &m, form))
}

async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(typed): Input<Submitted>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    ratelimit::check(
        &state,
        state.limits.register,
        &[format!("idea:{}", ctx.ip_key()), format!("idea-user:{}", user.id)],
    )
    .await?;
    let labels = Labels::of(&state.db, m.id, &m.slug).await?;
    match domain::check_idea(&typed, &labels.numbers()) {
        Ok(checked) => {
            let id = store::add(&state.db, m.id, user.id, &checked, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(Redirect::to(&format!("{}?klart=inskickad", paths::idea(&m.slug, id))).into_response())
        }
        Err(errors) => {
            let mut form = idea_form(&ctx, &m, &labels, &typed);
            for (field, why) in errors {
                form.invalid(&ctx.tr, field, why);
            }
            html_status(form.status(), &form_page(&ctx, &m, form))
        }
    }
}

/// What a done action says on the idea's page (`?klart=…`).
#[derive(Deserialize, Default)]
pub(super) struct Done {
    klart: Option<String>,
}

impl Done {
    pub(super) fn message(&self, ctx: &Ctx) -> Option<String> {
        let id = match self.klart.as_deref()? {
            "inskickad" => "support-ideas-done-submitted",
            "stod" => "support-ideas-done-supported",
            "stod-borttaget" => "support-ideas-done-unsupported",
            "kommentar" => "support-ideas-done-commented",
            "status" => "support-ideas-done-status",
            "dold" => "support-ideas-done-hidden",
            "visad" => "support-ideas-done-shown",
            "stangd" => "support-ideas-done-closed",
            _ => return None,
        };
        Some(ctx.t(id))
    }
}

/// What the coordinator's forms on the page were refused for (shown with a 422).
#[derive(Default)]
pub(super) struct Refused {
    pub status: Option<String>,
    pub comment: Option<String>,
    pub typed_comment: String,
}

/// An option of the coordinator's status form.
pub(super) struct Move {
    pub value: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "support_idea.html")]
struct PageView {
    page: Page,
    slug: String,
    s: Shown,
    notice: Option<String>,
    back: String,
    description: Vec<String>,
    comments: Vec<(Comment, String)>,
    /// The meeting on whose agenda it is.
    meeting: Option<MeetingLink>,
    /// The activity it became: (text, page).
    activity: Option<(String, String)>,
    /// Signed in: whether they support it (None: not signed in).
    supported: Option<bool>,
    open: bool,
    login: String,
    support_action: String,
    unsupport_action: String,
    comment_action: String,
    coordinator: bool,
    status_action: String,
    hide_action: String,
    moves: Vec<Move>,
    meetings: Vec<(String, String)>,
    activities: Vec<(String, String)>,
    refused: Refused,
}

impl PageView {
    fn comment_hide(&self, c: &Comment) -> String {
        paths::comment_hide(&self.slug, self.s.i.id, c.id)
    }
}

/// The idea's page as this visitor sees it; a hidden idea is a 404 but for the coordinator.
pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: IdeaId,
    notice: Option<String>,
    refused: Refused,
) -> AppResult<Response> {
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let i = store::one(&state.db, m.id, id)
        .await?
        .filter(|i| !i.hidden || coordinator)
        .ok_or(AppError::NotFound("err-not-found"))?;
    let labels = Labels::of(&state.db, m.id, &m.slug).await?;
    let comments = store::comments(&state.db, m.id, id, coordinator)
        .await?
        .into_iter()
        .map(|c| {
            let when = platform::format::datetime(c.created_at);
            (c, when)
        })
        .collect();
    let supported = match &ctx.user {
        Some(u) => Some(store::supports(&state.db, m.id, id, u.id).await?),
        None => None,
    };
    let meeting = i.meeting_id.and_then(|mt| labels.meetings.get(&mt).cloned());
    let activity = match i.activity_id {
        Some(a) => actionplan::public::activity(&state.db, m.id, a).await?.map(|a| {
            let path = actionplan::paths::activity(&m.slug, actionplan::ids::ActivityId::new(a.id));
            (a.text, path)
        }),
        None => None,
    };
    let (moves, meetings, activities) = if coordinator {
        let moves = domain::next(i.status)
            .iter()
            .map(|s| Move {
                value: s.as_str(),
                label: ctx.t(s.message_id()),
            })
            .collect();
        let mut meetings: Vec<(String, String)> = meetings::public::meetings(&state.db, m.id, &m.slug)
            .await?
            .into_iter()
            .filter(|mt| !mt.cancelled)
            .map(|mt| {
                let day = platform::format::date(mt.starts_at);
                (mt.id.to_string(), format!("{} ({day})", mt.title))
            })
            .collect();
        meetings.reverse();
        let activities = actionplan::public::activities(&state.db, m.id)
            .await?
            .into_iter()
            .map(|a| (a.id.to_string(), platform::layout::excerpt(&a.text, 120)))
            .collect();
        (moves, meetings, activities)
    } else {
        (vec![], vec![], vec![])
    };
    let open = i.status.open();
    let description = i.description.split("\n\n").map(str::to_string).collect();
    let status = if refused.status.is_some() || refused.comment.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = ctx
        .page_in(m, i.title.clone())
        .via(paths::ideas(&m.slug), ctx.t("support-ideas-title"))
        .described(platform::layout::excerpt(&i.description, 200));
    let view = PageView {
        page,
        notice,
        slug: m.slug.clone(),
        back: paths::ideas(&m.slug),
        description,
        comments,
        meeting,
        activity,
        supported,
        open,
        login: format!("/konto/logga-in?next={}", urlencode(&paths::idea(&m.slug, id))),
        support_action: paths::idea_support(&m.slug, id),
        unsupport_action: paths::idea_unsupport(&m.slug, id),
        comment_action: paths::idea_comment(&m.slug, id),
        coordinator,
        status_action: paths::idea_status(&m.slug, id),
        hide_action: paths::idea_hide(&m.slug, id),
        moves,
        meetings,
        activities,
        refused,
        s: view::shown(&ctx.tr, &labels, &m.slug, i),
    };
    html_status(status, &view)
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<IdeaId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    render(&state, &ctx, &m, id, done.message(&ctx), Refused::default()).await
}

/// Back to the idea's page, saying what was done.
pub(super) fn back(m: &Municipality, id: IdeaId, what: &str) -> Response {
    Redirect::to(&format!("{}?klart={what}#stod", paths::idea(&m.slug, id))).into_response()
}

async fn support(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<IdeaId>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    match store::support(&state.db, m.id, id, user, state.now()).await {
        Ok(_) => Ok(back(&m, id, "stod")),
        Err(StoreError::NotNow) => Ok(back(&m, id, "stangd")),
        Err(e) => Err(store_error(e)),
    }
}

async fn unsupport(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<IdeaId>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    store::unsupport(&state.db, m.id, id, user, state.now())
        .await
        .map_err(store_error)?;
    Ok(back(&m, id, "stod-borttaget"))
}

#[derive(Deserialize)]
struct Commented {
    body: Option<String>,
}

async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<IdeaId>,
    Input(c): Input<Commented>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    ratelimit::check(
        &state,
        state.limits.register,
        &[
            format!("idea-comment:{}", ctx.ip_key()),
            format!("idea-comment-user:{}", user.id),
        ],
    )
    .await?;
    let typed = c.body.unwrap_or_default();
    match domain::check_comment(&typed) {
        Ok(body) => {
            store::comment(&state.db, m.id, id, user, &body, state.now())
                .await
                .map_err(store_error)?;
            Ok(Redirect::to(&format!("{}?klart=kommentar#kommentarer", paths::idea(&m.slug, id))).into_response())
        }
        Err(why) => {
            let message = match why.limit() {
                Some(n) => ctx.tr.ta(why.message_id(), &[("n", &n)]),
                None => ctx.t(why.message_id()),
            };
            let refused = Refused {
                comment: Some(message),
                typed_comment: typed,
                ..Refused::default()
            };
            render(&state, &ctx, &m, id, None, refused).await
        }
    }
}
