//! The plan periods' pages:
//!
//! - `GET|POST /{slug}/handlingsplan/ny-period`: the coordinator starts a new period from the
//!   current plan (unfinished activities go along)
//! - `GET /{slug}/handlingsplan/period/{id}`: a period's plan, read-only (public)

use crate::activities::store::full;
use crate::domain::{self, PlanInput, Progress};
use crate::ids::PlanId;
use crate::paths;
use crate::periods::domain::{next_period, suggested_title};
use crate::periods::store::{self, StartError};
use crate::store::current_plan;
use crate::views::{chart, follow_up, form_page, mark, plan_facts, responsible, time, Chart};
use chrono::Datelike;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/handlingsplan/ny-period", get(new_page).post(start))
        .route("/{slug}/handlingsplan/period/{id}", get(period_page))
}

// --- Starting a new period ---

#[derive(Deserialize)]
struct PeriodForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
}

fn period_form(ctx: &Ctx, m: &Municipality, title: String, start: String, end: String) -> Form {
    Form::new(
        paths::new_period(&m.slug),
        ctx.t("actionplan-submit-new-period"),
        vec![
            Field::new("title", ctx.t("actionplan-field-title"), FieldKind::Text)
                .required()
                .max_len(domain::NAME_MAX)
                .value(title),
            Field::new(
                "period_start",
                ctx.t("actionplan-field-period-start"),
                FieldKind::Number,
            )
            .value(start),
            Field::new("period_end", ctx.t("actionplan-field-period-end"), FieldKind::Number).value(end),
        ],
    )
}

fn period_page_form(ctx: &Ctx, m: &Municipality, form: Form) -> FormPage {
    let mut page = form_page(ctx, m, "actionplan-new-period-title", form, paths::plan(&m.slug));
    page.intro = vec![ctx.t("actionplan-new-period-intro")];
    page
}

async fn new_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let plan = current_plan(&state.db, m.id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let (s, e) = next_period(plan.period_start, plan.period_end, i64::from(state.today().year()));
    let title = suggested_title(&ctx.t("actionplan-title"), s, e);
    let form = period_form(&ctx, &m, title, s.to_string(), e.to_string());
    html(&period_page_form(&ctx, &m, form))
}

async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<PeriodForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let checked = domain::validate_plan(&PlanInput {
        title: &input.title,
        period_start: &input.period_start,
        period_end: &input.period_end,
        adopted_by: "",
        adopted_on: "",
        intro: "",
    });
    match checked {
        Ok(edit) => match store::start(&state.db, m.id, &edit, Some(user), state.now()).await {
            Ok(_) => Ok(Redirect::to(&format!("{}?klart=ny-period", paths::plan(&m.slug))).into_response()),
            Err(StartError::NoPlan) => Err(AppError::NotFound("err-not-found")),
            Err(StartError::Db(e)) => Err(e.into()),
        },
        Err(problems) => {
            let mut form = period_form(
                &ctx,
                &m,
                input.title.clone(),
                input.period_start.clone(),
                input.period_end.clone(),
            );
            mark(&mut form, &ctx, &problems);
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &period_page_form(&ctx, &m, form))
        }
    }
}

// --- A period, read-only ---

/// The page of a goal or activity that is not in the current plan: its earlier period's page
/// when it is in one (the links to it from before keep working), otherwise not found.
pub async fn in_earlier_period(m: &Municipality, period: Option<PlanId>) -> AppResult<Response> {
    match period {
        Some(plan) => Ok(Redirect::to(&paths::period(&m.slug, plan)).into_response()),
        None => Err(AppError::NotFound("err-not-found")),
    }
}

struct RowView {
    text: String,
    time: String,
    responsible: String,
    follow_up: String,
    status: String,
}

struct GoalView {
    heading: String,
    rows: Vec<RowView>,
}

struct AreaView {
    anchor: String,
    heading: String,
    group: String,
    chart: Chart,
    goals: Vec<GoalView>,
}

#[derive(Template)]
#[template(path = "actionplan_period.html")]
struct PeriodPage {
    page: Page,
    /// Whether this is an earlier period (not the current plan).
    earlier: bool,
    plan_intro: Vec<String>,
    facts: Vec<(String, String)>,
    areas: Vec<AreaView>,
    current: String,
}

async fn period_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<PlanId>,
) -> AppResult<Response> {
    let plan = store::plan_by_id(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let current = current_plan(&state.db, m.id).await?;
    let whole = full(&state.db, m.id, plan.id).await?;
    let areas = whole
        .areas
        .iter()
        .map(|area| AreaView {
            anchor: format!("omrade-{}", area.number),
            heading: format!("{} {}", area.number, area.name),
            group: area.group_name.clone(),
            chart: chart(
                &ctx,
                &Progress::of(
                    whole
                        .activities
                        .iter()
                        .filter(|a| a.area_id == area.id)
                        .map(|a| a.status),
                ),
            ),
            goals: whole
                .goals
                .iter()
                .filter(|g| g.area_id == area.id)
                .map(|g| GoalView {
                    heading: format!("{} {}", ctx.t(domain::owner_message_id(g.owner)), g.text),
                    rows: whole
                        .activities
                        .iter()
                        .filter(|a| a.goal_id == g.id)
                        .map(|a| RowView {
                            text: domain::activity_name(&ctx.tr, &a.text),
                            time: time(a),
                            responsible: responsible(a),
                            follow_up: follow_up(a),
                            status: ctx.t(a.status.message_id()),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    html(&PeriodPage {
        page: ctx.page_in(&m, plan.title.clone()),
        earlier: current.is_none_or(|c| c.id != plan.id),
        plan_intro: plan
            .intro
            .split("\n\n")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        facts: plan_facts(&ctx, &plan),
        areas,
        current: paths::plan(&m.slug),
    })
}
