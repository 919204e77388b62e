//! The register's public pages: the list of specific agreements and IOPs (filtered by kind and
//! status), one agreement's page, and its documents. A draft is not public: its page and
//! documents are a 404 for everyone (the coordinator sees it on their own pages).
//!
//! - `GET /{slug}/overenskommelse/sarskilda?typ=…&status=…`: the list
//! - `GET /{slug}/overenskommelse/sarskilda/{id}`: one agreement
//! - `GET /{slug}/overenskommelse/sarskilda/{id}/dokument/{doc}`: a document to download

use super::domain::{Kind, Specific, Status};
use super::store;
use crate::ids::{DocumentId, SpecificId};
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/overenskommelse/sarskilda", get(list))
        .route("/{slug}/overenskommelse/sarskilda/{id}", get(show))
        .route("/{slug}/overenskommelse/sarskilda/{id}/dokument/{doc}", get(download))
}

/// Today in Sweden, as an ISO date.
pub(super) fn today(state: &AppState) -> String {
    state.today().format("%Y-%m-%d").to_string()
}

/// One choice of a filter's select list.
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub on: bool,
}

fn choices(ctx: &Ctx, all_label: &str, chosen: &str, options: Vec<(&'static str, &'static str)>) -> Vec<Choice> {
    let mut v = vec![Choice {
        value: String::new(),
        label: ctx.t(all_label),
        on: chosen.is_empty(),
    }];
    v.extend(options.into_iter().map(|(value, id)| Choice {
        value: value.to_string(),
        label: ctx.t(id),
        on: value == chosen,
    }));
    v
}

#[derive(Template)]
#[template(path = "agreement_specific_list.html")]
struct ListView {
    page: Page,
    base: String,
    action: String,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    rows: Vec<Specific>,
    summary: String,
    coordinator: bool,
}

impl ListView {
    fn period(&self, s: &Specific) -> String {
        period(&self.page, s)
    }
}

/// The period as a line: "från 2026-01-01" or "2026-01-01 – 2027-12-31".
pub(crate) fn period(page: &Page, s: &Specific) -> String {
    match &s.ends_on {
        Some(e) => page
            .tr
            .ta("agreement-specific-period", &[("from", &s.starts_on), ("to", e)]),
        None => page.tr.ta("agreement-specific-period-open", &[("from", &s.starts_on)]),
    }
}

/// The list's filters, as in the query string.
#[derive(Deserialize, Default)]
struct Filter {
    typ: Option<String>,
    status: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(f): Query<Filter>,
) -> AppResult<Response> {
    let kind = f.typ.as_deref().and_then(|k| k.parse::<Kind>().ok());
    let status = f
        .status
        .as_deref()
        .and_then(|s| s.parse::<Status>().ok())
        .filter(|s| *s != Status::Draft);
    let rows: Vec<Specific> = store::all(&state.db, m.id, &m.name, &today(&state))
        .await?
        .into_iter()
        .filter(|s| s.status != Status::Draft)
        .filter(|s| kind.is_none_or(|k| s.kind == k))
        .filter(|s| status.is_none_or(|st| s.status == st))
        .collect();
    let summary = ctx.tr.tn(
        "agreement-specific-count",
        "n",
        i64::try_from(rows.len()).unwrap_or(i64::MAX),
    );
    html(&ListView {
        page: ctx.page_in(&m, ctx.t("agreement-specific-title")),
        base: paths::base(&m),
        action: paths::specifics(&m),
        kinds: choices(
            &ctx,
            "agreement-specific-all-kinds",
            kind.map(Kind::as_str).unwrap_or(""),
            Kind::ALL.iter().map(|k| (k.as_str(), k.message_id())).collect(),
        ),
        statuses: choices(
            &ctx,
            "agreement-specific-all-statuses",
            status.map(Status::as_str).unwrap_or(""),
            Status::PUBLIC.iter().map(|s| (s.as_str(), s.message_id())).collect(),
        ),
        rows,
        summary,
        coordinator: ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id)),
    })
}

#[derive(Template)]
#[template(path = "agreement_specific_page.html")]
struct PageView {
    page: Page,
    s: Specific,
    period: String,
    back: String,
    organisation_base: String,
    manage: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SpecificId>,
) -> AppResult<Response> {
    let s = store::one(&state.db, m.id, id, &m.name, &today(&state))
        .await?
        .filter(|s| s.published)
        .ok_or(AppError::NotFound("err-not-found"))?;
    let page = ctx.page_in(&m, s.title.clone());
    html(&PageView {
        period: period(&page, &s),
        page,
        back: paths::specifics(&m),
        organisation_base: format!("/{}/foreningar", m.slug),
        manage: ctx
            .user
            .as_ref()
            .is_some_and(|u| u.is_coordinator(m.id))
            .then(|| paths::specific_manage(&m, s.id)),
        s,
    })
}

/// An agreement's and a document's ids in the path.
#[derive(Deserialize)]
pub(super) struct DocPath {
    pub(super) id: SpecificId,
    pub(super) doc: DocumentId,
}

/// A document of a published agreement (a draft's only for its coordinators).
async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(DocPath { id, doc }): PathParams<DocPath>,
) -> AppResult<Response> {
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let (name, mime, bytes, published) = super::files::document_file(&state.db, m.id, id, doc)
        .await?
        .filter(|d| d.3 || coordinator)
        .ok_or(AppError::NotFound("err-not-found"))?;
    Ok(platform::upload::download(bytes, &mime, &name, published))
}
