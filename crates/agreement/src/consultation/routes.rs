//! The consultation's pages. Public: the open consultation with a comment form per commitment
//! for signed-in people, or the published compilation without names. The coordinator's: open
//! one on the draft, see every comment grouped by principle and commitment (with the authors'
//! names), close it, publish the compilation.
//!
//! - `GET /{slug}/overenskommelse/remiss`, `GET …/remiss/{id}`, `POST …/remiss/synpunkt/{item}`
//! - `GET|POST /{slug}/overenskommelse/hantera/remiss`: the consultations; open one
//! - `GET …/hantera/remiss/{id}`, `POST …/stang`, `POST …/publicera`

use super::domain::{self as cd, CompiledPrinciple, Consultation, ConsultationStatus};
use super::store;
use crate::domain::{self, RuleError, NAME_MAX, TEXT_MAX};
use crate::ids::{ConsultationId, ItemId};
use crate::paths;
use crate::store::StoreError;
use crate::web::{done, field_error, fill, store_error, text, Done};
use platform::format;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/overenskommelse/remiss", get(public))
        .route("/{slug}/overenskommelse/remiss/{id}", get(compilation))
        .route("/{slug}/overenskommelse/remiss/synpunkt/{item}", post(comment))
        .route("/{slug}/overenskommelse/hantera/remiss", get(overview).post(open))
        .route("/{slug}/overenskommelse/hantera/remiss/{id}", get(detail))
        .route("/{slug}/overenskommelse/hantera/remiss/{id}/stang", post(close))
        .route("/{slug}/overenskommelse/hantera/remiss/{id}/publicera", post(publish))
}

#[derive(Template)]
#[template(path = "agreement_consultations_manage.html")]
struct OverviewPage {
    page: Page,
    manage: String,
    /// (consultation, number of comments)
    consultations: Vec<(Consultation, i64)>,
    /// The form to open a consultation, when there is a draft and none is open.
    form: Option<Form>,
    notice: Option<String>,
}

impl OverviewPage {
    fn status(&self, c: &Consultation) -> String {
        self.page.t(c.status.message_id())
    }

    fn opened_on(&self, c: &Consultation) -> String {
        format::date(c.opened_at)
    }
}

/// A new consultation, as posted.
#[derive(Deserialize, Serialize)]
struct OpenForm {
    title: Option<String>,
    intro: Option<String>,
}

fn open_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        paths::consultations_manage(m),
        ctx.t("agreement-consultation-open-submit"),
        vec![
            Field::new("title", ctx.t("agreement-field-title"), FieldKind::Text)
                .required()
                .max_len(NAME_MAX),
            Field::new(
                "intro",
                ctx.t("agreement-field-consultation-intro"),
                FieldKind::TextArea,
            )
            .hint(ctx.tr.ta("agreement-hint-text", &[("n", &TEXT_MAX)]))
            .max_len(TEXT_MAX),
        ],
    )
}

async fn render_overview(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let (all, counts, draft) = tokio::try_join!(
        store::consultations(&state.db, m.id),
        store::comment_counts(&state.db, m.id),
        crate::store::draft(&state.db, m.id),
    )?;
    let form = match form {
        Some(f) => Some(f),
        None if draft.is_some() && !all.iter().any(Consultation::is_open) => Some(open_form(ctx, m)),
        None => None,
    };
    let status = form.as_ref().map(Form::status).unwrap_or(StatusCode::OK);
    let consultations = all
        .into_iter()
        .map(|c| {
            let n = counts.get(&c.id).copied().unwrap_or(0);
            (c, n)
        })
        .collect();
    html_status(
        status,
        &OverviewPage {
            page: ctx.page_in(m, ctx.t("agreement-consultation-manage-title")),
            manage: paths::manage(m),
            consultations,
            form,
            notice,
        },
    )
}

async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    render_overview(&state, &ctx, &m, None, d.message(&ctx)).await
}

async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<OpenForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = open_form(&ctx, &m);
    fill(&mut form, &input);
    let title = domain::name(text(&input.title));
    let intro = domain::optional_text(text(&input.intro));
    match (title, intro) {
        (Ok(title), Ok(intro)) => {
            let back = paths::consultations_manage(&m);
            match store::open_consultation(&state.db, m.id, &title, &intro, Some(user), state.now()).await {
                Ok(id) => Ok(done(&format!("{back}/{id}"), "remiss-oppnad")),
                Err(e) => store_error(&ctx, &m, e, &back),
            }
        }
        (title, intro) => {
            if let Err(e) = title {
                field_error(&mut form, &ctx, "title", e);
            }
            if let Err(e) = intro {
                field_error(&mut form, &ctx, "intro", e);
            }
            render_overview(&state, &ctx, &m, Some(form), None).await
        }
    }
}

#[derive(Template)]
#[template(path = "agreement_consultation_manage.html")]
struct DetailPage {
    page: Page,
    manage: String,
    public_href: String,
    consultation: Consultation,
    compiled: Vec<CompiledPrinciple>,
    total: usize,
    notice: Option<String>,
}

impl DetailPage {
    fn status(&self) -> String {
        self.page.t(self.consultation.status.message_id())
    }

    fn when(&self, unix: &i64) -> String {
        format::datetime(*unix)
    }

    fn comments_heading(&self, n: usize) -> String {
        self.page
            .tr
            .tn("agreement-comments-count", "n", i64::try_from(n).unwrap_or(0))
    }
}

async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ConsultationId>,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let c = store::consultation(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let (items, comments) = tokio::try_join!(store::items(&state.db, m.id, id), store::comments(&state.db, m.id, id))?;
    let total = comments.len();
    let compiled = cd::compile(items, comments);
    html(&DetailPage {
        page: ctx.page_in(&m, c.title.clone()),
        manage: paths::manage(&m),
        public_href: paths::compilation(&m, c.id),
        consultation: c,
        compiled,
        total,
        notice: d.message(&ctx),
    })
}

async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ConsultationId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let back = paths::consultation_manage(&m, id);
    match store::close_consultation(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "remiss-stangd")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ConsultationId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let back = paths::consultation_manage(&m, id);
    match store::publish_consultation(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "remiss-publicerad")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}

// --- Public ---

/// A comment that could not be taken, shown again at its commitment.
pub(crate) struct CommentError {
    pub item_id: ItemId,
    pub typed: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "agreement_consultation.html")]
struct ConsultationView {
    page: Page,
    base: String,
    consultation: Option<Consultation>,
    compiled: Vec<CompiledPrinciple>,
    /// Other published compilations: (id, title).
    published: Vec<(ConsultationId, String)>,
    signed_in: bool,
    /// Signed in as one of the municipality's people (see [`cd::may_comment`]): the forms show.
    may_comment: bool,
    login_href: String,
    notice: Option<String>,
    error: Option<CommentError>,
}

impl ConsultationView {
    fn opened_line(&self, c: &Consultation) -> String {
        self.page
            .tr
            .ta("agreement-consultation-opened", &[("date", &format::date(c.opened_at))])
    }

    fn published_line(&self, c: &Consultation) -> String {
        let date = c.published_at.map(format::date).unwrap_or_default();
        self.page
            .tr
            .ta("agreement-consultation-published-on", &[("date", &date)])
    }

    fn commitment_number(&self, n: &i64) -> String {
        self.page.tr.ta("agreement-commitment-number", &[("n", n)])
    }

    fn comment_label(&self, n: &i64, principle: &str) -> String {
        self.page
            .tr
            .ta("agreement-comment-label", &[("n", n), ("principle", &principle)])
    }

    fn error_for(&self, item_id: &ItemId) -> Option<&CommentError> {
        self.error.as_ref().filter(|e| e.item_id == *item_id)
    }

    fn typed_for(&self, item_id: &ItemId) -> &str {
        self.error_for(item_id).map(|e| e.typed.as_str()).unwrap_or("")
    }

    fn described_by(&self, item_id: &ItemId) -> String {
        let mut s = format!("item-{item_id}-text comment-{item_id}-hint");
        if self.error_for(item_id).is_some() {
            s.push_str(&format!(" comment-{item_id}-error"));
        }
        s
    }

    fn comments_heading(&self, n: usize) -> String {
        self.page
            .tr
            .tn("agreement-comments-count", "n", i64::try_from(n).unwrap_or(0))
    }
}

/// The consultation page: the open consultation if there is one, otherwise the latest
/// published compilation, otherwise a note.
async fn public(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let all = store::consultations(&state.db, m.id).await?;
    let shown = all
        .iter()
        .find(|c| c.is_open())
        .or_else(|| all.iter().find(|c| c.status == ConsultationStatus::Published))
        .cloned();
    render_consultation(&state, &ctx, &m, all, shown, done.message(&ctx), None, StatusCode::OK).await
}

/// One published compilation at its own address.
async fn compilation(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ConsultationId>,
) -> AppResult<Response> {
    let all = store::consultations(&state.db, m.id).await?;
    let shown = all
        .iter()
        .find(|c| c.id == id && cd::is_public(c.status))
        .cloned()
        .ok_or(AppError::NotFound("err-not-found"))?;
    if shown.is_open() {
        return Ok(Redirect::to(&paths::consultation(&m)).into_response());
    }
    render_consultation(&state, &ctx, &m, all, Some(shown), None, None, StatusCode::OK).await
}

#[allow(clippy::too_many_arguments)]
async fn render_consultation(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    all: Vec<Consultation>,
    shown: Option<Consultation>,
    notice: Option<String>,
    error: Option<CommentError>,
    status: StatusCode,
) -> AppResult<Response> {
    let compiled = match &shown {
        Some(c) => {
            let (items, comments) = if c.is_open() {
                // While open, each person sees only their own comments.
                let own = match &ctx.user {
                    Some(u) => store::comments_without_names(&state.db, m.id, c.id, Some(u.id)).await?,
                    None => vec![],
                };
                (store::items(&state.db, m.id, c.id).await?, own)
            } else {
                tokio::try_join!(
                    store::items(&state.db, m.id, c.id),
                    store::comments_without_names(&state.db, m.id, c.id, None)
                )?
            };
            cd::compile(items, comments)
        }
        None => vec![],
    };
    let title = match &shown {
        Some(c) if c.is_open() => ctx.ta_name("agreement-consultation-open-title", &c.title),
        Some(c) => c.title.clone(),
        None => ctx.t("agreement-consultation-title"),
    };
    let published = all
        .iter()
        .filter(|c| c.status == ConsultationStatus::Published && Some(c.id) != shown.as_ref().map(|s| s.id))
        .map(|c| (c.id, c.title.clone()))
        .collect();
    html_status(
        status,
        &ConsultationView {
            page: ctx.page_in(m, title),
            login_href: paths::login(&paths::consultation(m)),
            base: paths::base(m),
            consultation: shown,
            compiled,
            published,
            signed_in: ctx.user.is_some(),
            may_comment: ctx.user.as_ref().is_some_and(|u| cd::may_comment(u, m.id)),
            notice,
            error,
        },
    )
}

/// The commitment of a comment, in the path.
#[derive(Deserialize)]
struct ItemParam {
    item: ItemId,
}

/// A comment, as posted.
#[derive(Deserialize)]
struct CommentForm {
    body: Option<String>,
}

/// A comment on one commitment: one of the municipality's people, while the consultation is open.
async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(ItemParam { item: item_id }): PathParams<ItemParam>,
    Input(input): Input<CommentForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    if !cd::may_comment(user, m.id) {
        return Err(AppError::Forbidden);
    }
    let typed = text(&input.body);
    let back = paths::consultation(&m);
    match domain::comment(typed) {
        Ok(body) => match store::add_comment(&state.db, m.id, item_id, Some(user), &body, state.now()).await {
            Ok(_) => Ok(done(&format!("{back}#item-{item_id}"), "synpunkt")),
            Err(e) => store_error(&ctx, &m, e, &back),
        },
        Err(why) => {
            let all = store::consultations(&state.db, m.id).await?;
            let shown = all.iter().find(|c| c.is_open()).cloned();
            let items = match &shown {
                Some(c) => store::items(&state.db, m.id, c.id).await?,
                None => vec![],
            };
            if !items.iter().any(|i| i.id == item_id) {
                // Not a commitment of the open consultation: of a closed one (409), or of none
                // in this municipality (404).
                let e = match store::item_consultation(&state.db, m.id, item_id).await? {
                    Some(_) => StoreError::Rule(RuleError::ConsultationNotOpen),
                    None => StoreError::NotFound,
                };
                return store_error(&ctx, &m, e, &back);
            }
            let message = match why {
                domain::FieldError::Rule(i) => match i.limit() {
                    Some(n) => ctx.tr.ta(i.message_id(), &[("n", &n)]),
                    None => ctx.t(i.message_id()),
                },
                other => ctx.t(other.message_id()),
            };
            let error = CommentError {
                item_id,
                typed: typed.to_string(),
                message,
            };
            render_consultation(
                &state,
                &ctx,
                &m,
                all,
                shown,
                None,
                Some(error),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
