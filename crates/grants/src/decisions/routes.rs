//! The public decisions:
//!
//! - `GET /{slug}/bidrag/beslut?ar=2027`: the year's decisions (association, programme,
//!   amount, date, outcome) with a year chooser; this year when none is asked for
//! - `GET /api/v1/{slug}/grants/decisions?year=2027`: the same as JSON
//!
//! Two queries each, however many decisions. Reasons are never shown here.

use crate::decisions::domain::{self, Published};
use crate::decisions::store::{self, Decision};
use crate::ids::ProgrammeId;
use crate::paths;
use crate::programmes::domain::format_kronor;
use chrono::Datelike;
use platform::api::Paging;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/bidrag/beslut", get(page))
        .route("/api/v1/{slug}/grants/decisions", get(api))
}

/// The year asked for (`None`: this year), or 404 for something that is not a year.
fn year_of(asked: Option<&str>, this_year: i32) -> AppResult<i32> {
    match asked.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(this_year),
        Some(s) => domain::parse_year(s).ok_or(AppError::NotFound("err-not-found")),
    }
}

struct Row {
    association: String,
    programme: String,
    amount: String,
    date: String,
    outcome: String,
}

#[derive(Template)]
#[template(path = "grants_decisions.html")]
struct DecisionsPage {
    page: Page,
    year: i32,
    years: Vec<i32>,
    action: String,
    summary: String,
    rows: Vec<Row>,
    api: String,
}

#[derive(Deserialize)]
struct PageQuery {
    #[serde(default)]
    ar: Option<String>,
}

fn amount(ctx: &Ctx, d: &Decision) -> String {
    if d.years > 1 && d.outcome != Published::Rejected {
        ctx.tr.ta(
            "grants-dec-amount-years",
            &[("amount", &format_kronor(d.amount_ore)), ("years", &d.years)],
        )
    } else {
        format_kronor(d.amount_ore)
    }
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let this_year = state.today().year();
    let year = year_of(q.ar.as_deref(), this_year)?;
    let decisions = store::decisions(&state.db, m.id, year).await?;
    let mut years = domain::choosable(store::years(&state.db, m.id).await?, this_year);
    if !years.contains(&year) {
        years.push(year);
        years.sort_unstable_by(|a, b| b.cmp(a));
    }
    let granted = decisions.iter().filter(|d| d.outcome != Published::Rejected).count();
    let total: i64 = decisions.iter().map(|d| d.amount_ore).sum();
    html(&DecisionsPage {
        page: ctx.page_in(&m, ctx.tr.ta("grants-dec-title", &[("year", &year)])),
        summary: ctx.tr.ta(
            "grants-dec-summary",
            &[
                ("n", &decisions.len()),
                ("granted", &granted),
                ("total", &format_kronor(total)),
            ],
        ),
        rows: decisions
            .iter()
            .map(|d| Row {
                association: d.association.clone(),
                programme: d.programme.clone(),
                amount: amount(&ctx, d),
                date: d.decided_on.format("%Y-%m-%d").to_string(),
                outcome: ctx.t(d.outcome.message_id()),
            })
            .collect(),
        year,
        years,
        action: paths::decisions(&m.slug),
        api: paths::api_decisions_of(&m.slug, year),
    })
}

#[derive(Deserialize)]
struct ApiQuery {
    #[serde(default)]
    year: Option<String>,
}

/// A published grant decision.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = grants::Decision)]
struct ApiDecision {
    association: String,
    organisation_id: OrganisationId,
    programme: String,
    programme_id: ProgrammeId,
    /// The decided amount in öre (a year's, for a multi-year grant); 0 for a rejection.
    amount_ore: i64,
    /// How many years the grant is for.
    years: u32,
    /// `YYYY-MM-DD`.
    decided_on: String,
    /// `granted`, `reduced` or `rejected`.
    outcome: &'static str,
    paid: bool,
}

/// A year's published grant decisions, a page at a time.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = grants::DecisionList)]
struct ApiDecisions {
    municipality: String,
    year: i32,
    decisions: Vec<ApiDecision>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// The year asked about.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
struct YearParam {
    /// The year, e.g. `2026` (this year when not given; a year that is not one is a 404).
    year: Option<String>,
}

/// A municipality's published grant decisions of a year.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/grants/decisions",
    tag = "grants",
    params(platform::api::Slug, YearParam, platform::api::Paging),
    responses(
        (status = 200, description = "A page of the year's decisions", body = ApiDecisions),
        platform::api::BadRequest,
        platform::api::NotFound
    )
)]
async fn api(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Query(q): Query<ApiQuery>,
    paging: Paging,
) -> AppResult<Response> {
    let year = year_of(q.year.as_deref(), state.today().year())?;
    let (all, next) = paging.cut(store::decisions(&state.db, m.id, year).await?);
    let decisions = all
        .into_iter()
        .map(|d| ApiDecision {
            association: d.association,
            organisation_id: d.organisation_id,
            programme: d.programme,
            programme_id: d.programme_id,
            amount_ore: d.amount_ore,
            years: d.years,
            decided_on: d.decided_on.format("%Y-%m-%d").to_string(),
            outcome: d.outcome.code(),
            paid: d.paid,
        })
        .collect();
    let body = ApiDecisions {
        municipality: m.slug.clone(),
        year,
        decisions,
        next: next.clone(),
    };
    Ok(platform::api::page::json(body, next.as_deref()))
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(api))]
struct Api;

/// The grant decisions' part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}
