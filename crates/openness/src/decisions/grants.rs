//! Grants decisions published into the decisions feed (issue 17): staff see the grants
//! capability's published decisions (through `grants::public`) and publish one as a decision
//! record, prefilled (title, summary, date, the association, tag "bidrag" and a link back to
//! the grants' public page), choosing who decided. Each once: a second time is refused.
//!
//! - `GET /{slug}/beslut/hantera/bidrag`: the grants decisions, published or not
//! - `POST /{slug}/beslut/hantera/bidrag/{id}`: publish one (`{id}`: its application)

use super::domain::{Body, Category, Checked};
use super::manage::{done, store_error};
use super::store::{self, StoreError};
use crate::paths;
use axum::extract::Path;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/beslut/hantera/bidrag", get(list))
        .route("/{slug}/beslut/hantera/bidrag/{id}", post(publish))
}

fn list_path(slug: &str) -> String {
    format!("{}/bidrag", paths::manage(slug))
}

/// One grants decision as the list shows it.
struct Row {
    action: String,
    title: String,
    facts: String,
    published: bool,
}

#[derive(Template)]
#[template(path = "openness_decisions_grants.html")]
struct ListView {
    page: Page,
    notice: Option<String>,
    rows: Vec<Row>,
    bodies: Vec<(&'static str, String)>,
}

/// "Bidrag till IKS: Kulturbidrag".
fn title(ctx: &Ctx, d: &grants::public::GrantDecision) -> String {
    ctx.tr.ta(
        "openness-grants-title",
        &[("association", &d.association), ("programme", &d.programme)],
    )
}

/// "12 000 kr" of an amount in öre (whole kronor, grouped by thousands).
fn kronor(ore: i64) -> String {
    let digits = (ore / 100).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && c.is_ascii_digit() {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    format!("{out}\u{a0}kr")
}

/// "Beviljat 12 000 kr, beslutat 2026-03-15" and the like.
fn facts(ctx: &Ctx, d: &grants::public::GrantDecision) -> String {
    let kronor = kronor(d.amount_ore);
    ctx.tr.ta(
        match d.outcome {
            "rejected" => "openness-grants-rejected",
            _ => "openness-grants-granted",
        },
        &[
            ("amount", &kronor),
            ("date", &d.decided_on.format("%Y-%m-%d").to_string()),
        ],
    )
}

#[derive(Deserialize, Default)]
struct Done {
    klart: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let notice = match q.klart.as_deref() {
        Some("redan") => Some(ctx.t("openness-grants-already")),
        _ => None,
    };
    render(&state, &ctx, &m, notice, StatusCode::OK).await
}

/// The list, with a notice (and a 422 when it says what was wrong in a post).
async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    notice: Option<String>,
    status: StatusCode,
) -> AppResult<Response> {
    let published = store::published_grants(&state.db, m.id).await?;
    let rows = grants::public::decisions(&state.db, m.id)
        .await?
        .iter()
        .rev()
        .map(|d| Row {
            action: format!("{}/{}", list_path(&m.slug), d.application_id),
            title: title(ctx, d),
            facts: facts(ctx, d),
            published: published.contains(&d.application_id),
        })
        .collect();
    html_status(
        status,
        &ListView {
            page: ctx
                .page_in(m, ctx.t("openness-grants-heading"))
                .via(paths::manage(&m.slug), ctx.t("openness-manage-title")),
            notice,
            rows,
            bodies: Body::ALL.iter().map(|b| (b.as_str(), ctx.t(b.message_id()))).collect(),
        },
    )
}

#[derive(Deserialize)]
struct Posted {
    body: Option<String>,
    committee: Option<String>,
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound("err-not-found"))?;
    let (d, page) = grants::public::decision(&state.db, m.id, &m.slug, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let body = Body::ALL
        .into_iter()
        .find(|b| Some(b.as_str()) == p.body.as_deref())
        .unwrap_or(Body::Committee);
    let committee = match body {
        Body::Committee => platform::rules::line(p.committee.as_deref().unwrap_or(""), 200).unwrap_or_default(),
        _ => String::new(),
    };
    if body == Body::Committee && committee.is_empty() {
        let why = Some(ctx.t("openness-grants-committee-missing"));
        return render(&state, &ctx, &m, why, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let base = state.config.base_url.trim_end_matches('/');
    let c = Checked {
        body,
        committee,
        meeting_on: d.decided_on.format("%Y-%m-%d").to_string(),
        paragraph: String::new(),
        title: title(&ctx, &d),
        summary: ctx.tr.ta(
            "openness-grants-summary",
            &[("facts", &facts(&ctx, &d)), ("years", &d.years)],
        ),
        protocol_url: format!("{base}{page}"),
        category: Category::Grants,
        principles: vec![],
        organisations: vec![d.organisation_id],
    };
    match store::add_from(&state.db, m.id, &c, Some(id), Some(user), state.now()).await {
        Ok(new) => Ok(done(&paths::manage_one(&m.slug, new), "sparat", "")),
        Err(StoreError::AlreadyPublished) => Ok(done(&list_path(&m.slug), "redan", "")),
        Err(e) => Err(store_error(e)),
    }
}
