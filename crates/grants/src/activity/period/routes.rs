//! The staff's pages of a period's activity support for all associations:
//!
//! - `GET /{slug}/bidrag/{id}/perioder/{period}/aktivitetsstod`: every association with
//!   attendance in the period's activity dates, its counted meetings and participations, the
//!   amount by the rules and within the budget, the sums, and the period's participations by
//!   gender and age band
//! - `GET /{slug}/bidrag/{id}/perioder/{period}/aktivitetsstod.csv`: the associations' table
//!   as a CSV file
//!
//! Only the municipality's staff (and coordinators): anonymous visitors are sent to the login
//! page, anyone else is refused (403). Another municipality's programme or period, a period of
//! another programme, or a programme that is not activity support is not found (404).

use super::domain::{csv, PeriodSupport};
use super::store::period_support;
use crate::activity::routes::count;
use crate::ids::{PeriodId, ProgrammeId};
use crate::paths;
use crate::programmes::domain::format_kronor;
use axum::http::{header, HeaderValue};
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/bidrag/{id}/perioder/{period}/aktivitetsstod", get(page))
        .route(
            "/{slug}/bidrag/{id}/perioder/{period}/aktivitetsstod.csv",
            get(download),
        )
}

#[derive(Deserialize)]
struct PeriodPath {
    id: ProgrammeId,
    period: PeriodId,
}

struct Row {
    name: String,
    /// The association's own result for the period, meeting by meeting.
    href: String,
    meetings: String,
    participations: String,
    amount: String,
    prorated: String,
}

#[derive(Template)]
#[template(path = "grants_activity_period.html")]
struct PeriodPage {
    page: Page,
    programme: String,
    covers: String,
    /// The claims against the budget, and how they are paid.
    summary: Vec<String>,
    rows: Vec<Row>,
    sum: Row,
    /// (label, value) rows of the period's participations by gender and age band.
    totals: Vec<(String, String)>,
    csv: String,
    back: String,
}

fn percent(basis_points: i64) -> String {
    format!("{},{:02}\u{a0}%", basis_points / 100, basis_points % 100)
}

fn summary(ctx: &Ctx, s: &PeriodSupport) -> Vec<String> {
    let mut v = vec![ctx.tr.ta(
        "grants-period-claimed",
        &[
            ("claimed", &format_kronor(s.claimed_ore)),
            ("budget", &format_kronor(s.budget_ore)),
        ],
    )];
    v.push(match s.share_basis_points() {
        Some(bp) => ctx.tr.ta(
            "grants-period-prorated",
            &[("share", &percent(bp)), ("paid", &format_kronor(s.paid_ore))],
        ),
        None => ctx.t("grants-period-within"),
    });
    v
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<PeriodPath>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let s = period_support(&state.db, m.id, p.id, p.period).await?;
    let t = &s.totals;
    let rows = s
        .associations
        .iter()
        .map(|a| Row {
            name: a.name.clone(),
            href: paths::activity_result(&m.slug, p.id, p.period, a.organisation_id),
            meetings: count(a.totals.meetings),
            participations: count(a.totals.participations),
            amount: format_kronor(a.amount_ore),
            prorated: format_kronor(a.prorated_ore),
        })
        .collect();
    let mut totals = vec![
        (ctx.t("grants-att-total-participations"), count(t.participations)),
        (ctx.t("grants-att-total-girls"), count(t.girls)),
        (ctx.t("grants-att-total-boys"), count(t.boys)),
        (ctx.t("grants-att-total-other"), count(t.other)),
    ];
    for (band, n) in s.bands.iter().zip(&t.per_band) {
        totals.push((ctx.ta_name("grants-att-total-band", &band.label()), count(*n)));
    }
    html(&PeriodPage {
        page: ctx.page_in(&m, ctx.tr.ta("grants-period-title", &[("period", &s.period_name)])),
        programme: s.programme_name.clone(),
        covers: format!("{} – {}", s.starts_on.format("%Y-%m-%d"), s.ends_on.format("%Y-%m-%d")),
        summary: summary(&ctx, &s),
        sum: Row {
            name: ctx.t("grants-period-sum"),
            href: String::new(),
            meetings: count(t.meetings),
            participations: count(t.participations),
            amount: format_kronor(s.claimed_ore),
            prorated: format_kronor(s.paid_ore),
        },
        rows,
        totals,
        csv: paths::activity_period_csv(&m.slug, p.id, p.period),
        back: paths::programme(&m.slug, p.id),
    })
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<PeriodPath>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let s = period_support(&state.db, m.id, p.id, p.period).await?;
    let header = [
        "grants-period-col-name",
        "grants-period-col-meetings",
        "grants-period-col-participations",
        "grants-period-col-amount",
        "grants-period-col-prorated",
    ]
    .map(|id| ctx.t(id));
    let body = csv(&s, header).map_err(|e| AppError::Internal(e.into()))?;
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let file = format!("attachment; filename=\"aktivitetsstod-{}-{}.csv\"", m.slug, p.period);
    if let Ok(v) = HeaderValue::from_str(&file) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
