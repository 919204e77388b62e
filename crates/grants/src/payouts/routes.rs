//! The payout lists, for the municipality's staff only:
//!
//! - `GET /{slug}/bidrag/utbetalningar`: the years that may be paid and are not, in lists by
//!   the day they became payable, each row with its account (flagged when missing or invalid)
//! - `GET /{slug}/bidrag/utbetalningar/{day}/csv` and `/xlsx`: a list for the finance system
//!   (its rows with a valid account)
//! - `POST /{slug}/bidrag/utbetalningar/{day}`: the list's rows that were shown are paid; the
//!   applicants get the payout letter in the same transaction

use crate::applications::mail::{self, Details, Letter, Letters};
use crate::ids::InstallmentId;
use crate::paths;
use crate::payouts::domain::{PayoutList, PayoutRow};
use crate::payouts::{export, store};
use crate::programmes::domain::format_kronor;
use axum::http::{header, HeaderValue};
use chrono::NaiveDate;
use platform::audit::Change;
use platform::db;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/bidrag/utbetalningar", get(page))
        .route("/{slug}/bidrag/utbetalningar/{day}", post(mark_paid))
        .route("/{slug}/bidrag/utbetalningar/{day}/{format}", get(download))
}

struct RowView {
    org_number: String,
    association: String,
    account: String,
    /// Why the row cannot be exported, with the place to put it right.
    problem: Option<(String, String)>,
    amount: String,
    reference: String,
    decision: String,
    application: String,
}

struct ListView {
    id: String,
    day: String,
    summary: String,
    rows: Vec<RowView>,
    csv: String,
    xlsx: String,
    /// The exportable rows' ids, comma-separated, for the form that marks them paid.
    ids: String,
    action: String,
    flagged: usize,
}

#[derive(Template)]
#[template(path = "grants_payouts.html")]
struct PayoutsPage {
    page: Page,
    notice: Option<String>,
    lists: Vec<ListView>,
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn row_view(ctx: &Ctx, m: &Municipality, r: &PayoutRow) -> RowView {
    let (account, problem) = match &r.account {
        Ok(g) => (format!("{} {}", ctx.t(g.kind.message_id()), g.number()), None),
        Err(p) => (
            String::new(),
            Some((
                ctx.t(p.message_id()),
                registry::paths::organisation_at(&m.slug, r.organisation_id),
            )),
        ),
    };
    RowView {
        org_number: r.org_number.clone(),
        association: r.association.clone(),
        account,
        problem,
        amount: format_kronor(r.amount_ore),
        reference: r.reference.clone(),
        decision: format!("{}, {}", day_text(r.decided_on), r.programme),
        application: paths::application(&m.slug, r.application_id),
    }
}

fn list_view(ctx: &Ctx, m: &Municipality, l: &PayoutList) -> ListView {
    let exportable: Vec<&PayoutRow> = l.exportable().collect();
    let day = day_text(l.payable_on);
    ListView {
        id: format!("lista-{day}"),
        summary: ctx.tr.ta(
            "grants-pay-list-summary",
            &[("n", &exportable.len()), ("total", &format_kronor(l.total_ore()))],
        ),
        rows: l.rows.iter().map(|r| row_view(ctx, m, r)).collect(),
        csv: paths::payout_file(&m.slug, l.payable_on, "csv"),
        xlsx: paths::payout_file(&m.slug, l.payable_on, "xlsx"),
        ids: exportable
            .iter()
            .map(|r| r.installment_id.to_string())
            .collect::<Vec<_>>()
            .join(","),
        action: paths::payout_list(&m.slug, l.payable_on),
        flagged: l.rows.len() - exportable.len(),
        day,
    }
}

#[derive(Deserialize)]
struct Done {
    #[serde(default)]
    betalda: Option<usize>,
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let lists = store::lists(&state.db, m.id, state.today()).await?;
    html(&PayoutsPage {
        page: ctx.page_in(&m, ctx.t("grants-pay-title")),
        notice: done
            .betalda
            .map(|n| ctx.tr.tn("grants-pay-done", "n", i64::try_from(n).unwrap_or(i64::MAX))),
        lists: lists.iter().map(|l| list_view(&ctx, &m, l)).collect(),
    })
}

#[derive(Deserialize)]
struct DayPath {
    day: String,
}

#[derive(Deserialize)]
struct FilePath {
    day: String,
    format: String,
}

fn parse_day(s: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| AppError::NotFound("err-not-found"))
}

/// The list of the day as it stands now, if there is one.
async fn list_of(state: &AppState, m: &Municipality, day: NaiveDate) -> AppResult<Option<PayoutList>> {
    Ok(store::lists(&state.db, m.id, state.today())
        .await?
        .into_iter()
        .find(|l| l.payable_on == day))
}

fn attachment(mut res: Response, content_type: &'static str, filename: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<FilePath>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let day = parse_day(&p.day)?;
    if !matches!(p.format.as_str(), "csv" | "xlsx") {
        return Err(AppError::NotFound("err-not-found"));
    }
    let Some(list) = list_of(&state, &m, day).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let name = format!("utbetalning-{}-{}.{}", m.slug, day_text(day), p.format);
    Ok(if p.format == "csv" {
        attachment(export::csv(&list).into_response(), "text/csv; charset=utf-8", &name)
    } else {
        let bytes = export::xlsx(&list).map_err(|e| AppError::Internal(e.into()))?;
        attachment(
            bytes.into_response(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &name,
        )
    })
}

#[derive(Deserialize)]
struct PaidForm {
    /// The ids of the rows that were shown, comma-separated.
    #[serde(default)]
    ids: String,
}

async fn mark_paid(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<DayPath>,
    Input(form): Input<PaidForm>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let day = parse_day(&p.day)?;
    let shown: Vec<InstallmentId> = form.ids.split(',').filter_map(|s| s.trim().parse().ok()).collect();
    // Only what was shown, is still in the day's list and can be exported is paid.
    let list = list_of(&state, &m, day).await?;
    let rows: Vec<&PayoutRow> = list
        .iter()
        .flat_map(|l| l.exportable())
        .filter(|r| shown.contains(&r.installment_id))
        .collect();
    let ids: Vec<_> = rows.iter().map(|r| r.application_id).collect();
    let applications = crate::applications::store::applications_by_ids(&state.db, m.id, &ids).await?;
    let letters = Letters::new(&state, &m.slug, &m.name);
    let now = state.now();
    let today = day_text(state.today());
    let paid = db::write(&state.db, now, async |tx| {
        let paid = store::mark_paid(tx, m.id, &rows, now).await?;
        for p in &paid {
            let Some(app) = applications.iter().find(|a| a.id == p.application_id) else {
                continue;
            };
            let programme = rows
                .iter()
                .find(|r| r.installment_id == p.installment_id)
                .map(|r| r.programme.as_str())
                .unwrap_or_default();
            let details = Details {
                amount_ore: p.amount_ore,
                text: p.reference.clone(),
                date: today.clone(),
            };
            mail::send(tx, &letters, m.id, app, programme, Letter::Paid, &details, now).await?;
        }
        // The reports of what is paid now are reminded of.
        crate::reports::reminders::ensure(tx, now, now).await?;
        let total: i64 = paid.iter().map(|p| p.amount_ore).sum();
        let summary = format!("{}: {} ({})", day_text(day), paid.len(), format_kronor(total));
        let change = Change {
            municipality_id: Some(m.id),
            actor: Some(user),
            action: "grants.payout.paid",
            entity: "grants_payout_list",
            entity_id: None,
            summary,
        };
        Ok::<_, sqlx::Error>((paid.len(), change))
    })
    .await?;
    Ok(Redirect::to(&format!("{}?betalda={paid}", paths::payouts(&m.slug))).into_response())
}
