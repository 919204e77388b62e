//! Public pages: the agreement in force, each adopted version, the timeline, and the
//! consultation (open, with a comment form per commitment for signed-in people; or the
//! published compilation).

use super::{base, done, page, path_id, store_error, Done};
use crate::domain::{self, CompiledPrinciple, Consultation, ConsultationStatus, PrincipleWith, TimelineEntry, Version};
use crate::store;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use platform::auth::require_user;
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::format;
use platform::layout::{html, html_status, Page};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "agreement_view.html")]
struct AgreementView {
    page: Page,
    base: String,
    slug: String,
    /// The version shown, if any.
    version: Option<Version>,
    principles: Vec<PrincipleWith>,
    /// Adopted versions, newest first, for the list of versions.
    adopted: Vec<Version>,
    current_number: Option<i64>,
    coordinator: bool,
}

impl AgreementView {
    fn is_current(&self) -> bool {
        self.version.as_ref().map(|v| v.number) == self.current_number
    }

    fn adopted_line(&self, v: &Version) -> String {
        self.page.tr.ta(
            "agreement-adopted-line",
            &[
                ("body", &v.adopted_by.clone().unwrap_or_default()),
                ("date", &v.adopted_on.clone().unwrap_or_default()),
                ("n", &v.number),
            ],
        )
    }

    fn version_link_text(&self, v: &Version) -> String {
        self.page.tr.ta(
            "agreement-version-link",
            &[("n", &v.number), ("date", &v.adopted_on.clone().unwrap_or_default())],
        )
    }
}

/// The agreement in force: the latest adopted version (three queries: versions, principles,
/// commitments), or a note that none is adopted yet.
pub(super) async fn current(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let versions = store::versions(&state.db, m.id).await?;
    let shown = domain::current(&versions).cloned();
    render_version(&state, &ctx, &m, versions, shown, ctx.t("agreement-title")).await
}

/// An adopted version at its own address (a draft is not public).
pub(super) async fn version(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
) -> AppResult<Response> {
    let n = path_id(&params, "n")?;
    let versions = store::versions(&state.db, m.id).await?;
    let shown = versions
        .iter()
        .find(|v| v.number == n && !v.is_draft())
        .cloned()
        .ok_or(AppError::NotFound("err-not-found"))?;
    let title = ctx.tr.ta("agreement-version-title", &[("n", &n)]);
    render_version(&state, &ctx, &m, versions, Some(shown), title).await
}

async fn render_version(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    versions: Vec<Version>,
    shown: Option<Version>,
    title: String,
) -> AppResult<Response> {
    let principles = match &shown {
        Some(v) => store::contents(&state.db, m.id, v.id).await?,
        None => vec![],
    };
    let current_number = domain::current(&versions).map(|v| v.number);
    let mut adopted: Vec<Version> = versions.into_iter().filter(|v| !v.is_draft()).collect();
    adopted.reverse();
    html(&AgreementView {
        page: page(ctx, m, title),
        base: base(m),
        slug: m.slug.clone(),
        version: shown,
        principles,
        adopted,
        current_number,
        coordinator: ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id)),
    })
}

#[derive(Template)]
#[template(path = "agreement_timeline.html")]
struct TimelineView {
    page: Page,
    base: String,
    entries: Vec<TimelineEntry>,
    coordinator: bool,
}

pub(super) async fn timeline(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let entries = store::timeline(&state.db, m.id).await?;
    html(&TimelineView {
        page: page(&ctx, &m, ctx.t("agreement-timeline-title")),
        base: base(&m),
        entries,
        coordinator: ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id)),
    })
}

/// A comment that could not be taken, shown again at its commitment.
pub(crate) struct CommentError {
    pub item_id: i64,
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
    published: Vec<(i64, String)>,
    signed_in: bool,
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

    fn error_for(&self, item_id: &i64) -> Option<&CommentError> {
        self.error.as_ref().filter(|e| e.item_id == *item_id)
    }

    fn typed_for(&self, item_id: &i64) -> &str {
        self.error_for(item_id).map(|e| e.typed.as_str()).unwrap_or("")
    }

    fn described_by(&self, item_id: &i64) -> String {
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
pub(super) async fn consultation(
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
pub(super) async fn consultation_by_id(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
) -> AppResult<Response> {
    let id = path_id(&params, "id")?;
    let all = store::consultations(&state.db, m.id).await?;
    let shown = all
        .iter()
        .find(|c| c.id == id && domain::is_public(c.status))
        .cloned()
        .ok_or(AppError::NotFound("err-not-found"))?;
    if shown.is_open() {
        return Ok(Redirect::to(&format!("{}/remiss", base(&m))).into_response());
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
                    Some(u) => store::own_comments(&state.db, m.id, c.id, u.id).await?,
                    None => vec![],
                };
                (store::items(&state.db, m.id, c.id).await?, own)
            } else {
                tokio::try_join!(
                    store::items(&state.db, m.id, c.id),
                    store::anonymous_comments(&state.db, m.id, c.id)
                )?
            };
            domain::compile(items, comments)
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
    let base = base(m);
    html_status(
        status,
        &ConsultationView {
            page: page(ctx, m, title),
            login_href: format!("/konto/logga-in?next={}", urlencode(&format!("{base}/remiss"))),
            base,
            consultation: shown,
            compiled,
            published,
            signed_in: ctx.user.is_some(),
            notice,
            error,
        },
    )
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A comment on one commitment: any signed-in person, while the consultation is open.
pub(super) async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
    Input(input): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let item_id = path_id(&params, "item")?;
    let typed = super::field(&input, "body");
    let back = format!("{}/remiss", base(&m));
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
                    Some(_) => store::StoreError::Rule(domain::RuleError::ConsultationNotOpen),
                    None => store::StoreError::NotFound,
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
