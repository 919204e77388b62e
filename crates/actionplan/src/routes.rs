//! The action plan's pages. This file holds the router, the public plan with its filters and
//! the coordinator's settings; the areas hold the rest:
//!
//! - `GET /{slug}/handlingsplan`: the plan per principle with progress charts and filters (public)
//! - `GET|POST /{slug}/handlingsplan/installningar`: title, period and adoption (coordinator)
//! - goals, activities, progress, my and overdue activities: [`crate::activities::routes`]
//! - working groups: [`crate::groups::routes`]
//! - import, export, the printable page and the JSON API: [`crate::exchange::routes`]
//! - new and earlier periods: [`crate::periods::routes`]

use crate::activities;
use crate::activities::store::{current_full, Activity};
use crate::domain::{self, PlanInput, Progress, Status};
use crate::paths;
use crate::store::{self, Plan};
use crate::views::{chart, form_page, mark, plan_facts, responsible, row, Chart, Row};
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/handlingsplan", get(plan_page))
        .route(
            "/{slug}/handlingsplan/installningar",
            get(settings_page).post(settings_save),
        )
        .merge(activities::routes::router())
        .merge(crate::editing::routes::router())
        .merge(crate::groups::routes::router())
        .merge(crate::exchange::routes::router())
        .merge(crate::principles::router())
        .merge(crate::periods::routes::router())
}

// --- The plan ---

struct GoalView {
    href: String,
    owner: String,
    text: String,
    rows: Vec<Row>,
}

struct AreaView {
    anchor: String,
    /// The agreement's principles the area works on, each with its page: (href, "1. Name").
    principles: Vec<(String, String)>,
    /// The coordinator's form of those principles.
    principles_edit: Option<String>,
    heading: String,
    group: String,
    chart: Chart,
    goals: Vec<GoalView>,
}

/// The plan's filters: owner, status and a piece of the responsible's name.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PlanQuery {
    agare: String,
    status: String,
    ansvar: String,
    klart: String,
}

/// A filter's select: (name, label, options (value, label), chosen).
type Select = (String, String, Vec<(String, String)>, String);

#[derive(Template)]
#[template(path = "actionplan_plan.html")]
struct PlanPage {
    page: Page,
    /// The plan's introduction, by paragraph.
    plan_intro: Vec<String>,
    notice: Option<String>,
    facts: Vec<(String, String)>,
    actions: Vec<(String, String)>,
    selects: Vec<Select>,
    responsible_filter: String,
    filtered: bool,
    filter_summary: String,
    areas: Vec<AreaView>,
    /// The earlier periods: (href, title and years).
    earlier: Vec<(String, String)>,
    has_plan: bool,
    base: String,
    downloads: Vec<(String, String)>,
}

async fn plan_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<PlanQuery>,
) -> AppResult<Response> {
    let (plan, full) = current_full(&state.db, m.id).await?;
    let today = state.today();
    let owner = domain::owner_parse(q.agare.as_str());
    let status = Status::parse(q.status.as_str());
    let who = q.ansvar.as_str().trim().to_lowercase();
    let keep = |a: &Activity| {
        status.is_none_or(|s| a.status == s)
            && owner.is_none_or(|o| a.goal_owner == o)
            && (who.is_empty() || responsible(a).to_lowercase().contains(&who))
    };
    let filtered = owner.is_some() || status.is_some() || !who.is_empty();
    let mut shown = 0;
    let in_force = agreement::public::principles_in_force(&state.db, m.id).await?;
    let links = crate::principles::store::links(&state.db, m.id).await?;
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let areas: Vec<AreaView> = full
        .areas
        .iter()
        .map(|area| {
            let progress = Progress::of(
                full.activities
                    .iter()
                    .filter(|a| a.area_id == area.id)
                    .map(|a| a.status),
            );
            let goals = full
                .goals
                .iter()
                .filter(|g| g.area_id == area.id && owner.is_none_or(|o| g.owner == o))
                .map(|g| GoalView {
                    href: paths::goal(&m.slug, g.id),
                    owner: ctx.t(domain::owner_message_id(g.owner)),
                    text: g.text.clone(),
                    rows: full
                        .activities
                        .iter()
                        .filter(|a| a.goal_id == g.id && keep(a))
                        .map(|a| row(&ctx, &m, a, today))
                        .collect(),
                })
                .filter(|g| !filtered || !g.rows.is_empty())
                .collect::<Vec<_>>();
            shown += goals.iter().map(|g| g.rows.len()).sum::<usize>();
            AreaView {
                principles: in_force
                    .iter()
                    .filter(|p| links.contains(&(area.id, p.position)))
                    .map(|p| {
                        (
                            paths::principle(&m.slug, p.position),
                            format!("{}. {}", p.position, p.name),
                        )
                    })
                    .collect(),
                principles_edit: (coordinator && !in_force.is_empty())
                    .then(|| paths::area_principles(&m.slug, area.id)),
                anchor: format!("omrade-{}", area.number),
                heading: format!("{} {}", area.number, area.name),
                group: area.group_name.clone(),
                chart: chart(&ctx, &progress),
                goals,
            }
        })
        .collect();
    let user = ctx.user.as_ref();
    let mut actions = vec![(paths::groups(&m.slug), ctx.t("actionplan-action-groups"))];
    if user.is_some() {
        actions.push((paths::mine(&m.slug), ctx.t("actionplan-action-mine")));
    }
    if user.is_some_and(|u| u.is_coordinator(m.id)) {
        actions.push((paths::overdue(&m.slug), ctx.t("actionplan-action-overdue")));
        if !full.areas.is_empty() {
            actions.push((paths::new_goal(&m.slug), ctx.t("actionplan-action-new-goal")));
        }
        actions.push((paths::import(&m.slug), ctx.t("actionplan-action-import")));
        actions.push((paths::settings(&m.slug), ctx.t("actionplan-action-settings")));
        if plan.is_some() {
            actions.push((paths::new_period(&m.slug), ctx.t("actionplan-action-new-period")));
        }
    }
    let any = |v: &str| (String::new(), ctx.t(v));
    let mut owners = vec![any("actionplan-filter-any-owner")];
    owners.extend(
        domain::OWNERS
            .iter()
            .map(|o| (domain::owner_str(*o).to_string(), ctx.t(domain::owner_message_id(*o)))),
    );
    let mut statuses = vec![any("actionplan-filter-any-status")];
    statuses.extend(
        Status::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), ctx.t(s.message_id()))),
    );
    let notice = match q.klart.as_str() {
        "sparad" => Some(ctx.t("actionplan-done-settings")),
        "borttaget" => Some(ctx.t("actionplan-done-goal-removed")),
        "ny-period" => Some(ctx.t("actionplan-done-new-period")),
        _ => None,
    };
    let earlier = crate::periods::store::periods(&state.db, m.id)
        .await?
        .into_iter()
        .skip(1)
        .map(|p| {
            (
                paths::period(&m.slug, p.id),
                crate::periods::domain::listed(&p.title, p.period_start, p.period_end),
            )
        })
        .collect();
    html(&PlanPage {
        earlier,
        page: ctx
            .page_in(
                &m,
                plan.as_ref()
                    .map(|p| p.title.clone())
                    .unwrap_or_else(|| ctx.t("actionplan-title")),
            )
            .described(ctx.t("actionplan-intro")),
        notice,
        plan_intro: plan
            .as_ref()
            .map(|p| {
                p.intro
                    .split("\n\n")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        facts: plan.as_ref().map(|p| plan_facts(&ctx, p)).unwrap_or_default(),
        actions,
        selects: vec![
            (
                "agare".into(),
                ctx.t("actionplan-filter-owner"),
                owners,
                q.agare.clone(),
            ),
            (
                "status".into(),
                ctx.t("actionplan-filter-status"),
                statuses,
                q.status.clone(),
            ),
        ],
        responsible_filter: q.ansvar.clone(),
        filtered,
        filter_summary: ctx.tr.tn("actionplan-filter-found", "n", shown as i64),
        has_plan: !full.areas.is_empty(),
        areas,
        base: paths::plan(&m.slug),
        downloads: vec![
            (paths::export_csv(&m.slug), ctx.t("actionplan-download-csv")),
            (paths::export_xlsx(&m.slug), ctx.t("actionplan-download-xlsx")),
            (paths::print(&m.slug), ctx.t("actionplan-download-print")),
            (paths::api(&m.slug), ctx.t("actionplan-download-json")),
        ],
    })
}

// --- Settings: title, period, adoption ---

#[derive(Deserialize)]
struct SettingsForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
    #[serde(default)]
    adopted_by: String,
    #[serde(default)]
    adopted_on: String,
    #[serde(default)]
    intro: String,
}

fn settings_form(ctx: &Ctx, m: &Municipality, plan: Option<&Plan>) -> Form {
    let year = |y: Option<i64>| y.map(|y| y.to_string()).unwrap_or_default();
    Form::new(
        paths::settings(&m.slug),
        ctx.t("actionplan-submit-settings"),
        vec![
            Field::new("title", ctx.t("actionplan-field-title"), FieldKind::Text)
                .required()
                .max_len(domain::NAME_MAX)
                .value(
                    plan.map(|p| p.title.clone())
                        .unwrap_or_else(|| ctx.t("actionplan-title")),
                ),
            Field::new(
                "period_start",
                ctx.t("actionplan-field-period-start"),
                FieldKind::Number,
            )
            .value(year(plan.and_then(|p| p.period_start))),
            Field::new("period_end", ctx.t("actionplan-field-period-end"), FieldKind::Number)
                .value(year(plan.and_then(|p| p.period_end))),
            Field::new("adopted_by", ctx.t("actionplan-field-adopted-by"), FieldKind::Text)
                .max_len(domain::NAME_MAX)
                .hint(ctx.t("actionplan-field-adopted-by-hint"))
                .value(plan.map(|p| p.adopted_by.clone()).unwrap_or_default()),
            Field::new("adopted_on", ctx.t("actionplan-field-adopted-on"), FieldKind::Date).value(
                plan.and_then(|p| p.adopted_on)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            Field::new("intro", ctx.t("actionplan-field-intro"), FieldKind::TextArea)
                .max_len(domain::TEXT_MAX)
                .hint(ctx.t("actionplan-field-intro-hint"))
                .value(plan.map(|p| p.intro.clone()).unwrap_or_default()),
        ],
    )
}

async fn settings_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let plan = store::current_plan(&state.db, m.id).await?;
    let form = settings_form(&ctx, &m, plan.as_ref());
    html(&form_page(
        &ctx,
        &m,
        "actionplan-settings-title",
        form,
        paths::plan(&m.slug),
    ))
}

async fn settings_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<SettingsForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let checked = domain::validate_plan(&PlanInput {
        title: &input.title,
        period_start: &input.period_start,
        period_end: &input.period_end,
        adopted_by: &input.adopted_by,
        adopted_on: &input.adopted_on,
        intro: &input.intro,
    });
    match checked {
        Ok(edit) => {
            store::save_plan(&state.db, m.id, &edit, Some(user), state.now()).await?;
            Ok(Redirect::to(&format!("{}?klart=sparad", paths::plan(&m.slug))).into_response())
        }
        Err(problems) => {
            let mut form = settings_form(&ctx, &m, None);
            form.fill(|n| {
                Some(match n {
                    "title" => input.title.clone(),
                    "period_start" => input.period_start.clone(),
                    "period_end" => input.period_end.clone(),
                    "adopted_by" => input.adopted_by.clone(),
                    "adopted_on" => input.adopted_on.clone(),
                    "intro" => input.intro.clone(),
                    _ => return None,
                })
            });
            mark(&mut form, &ctx, &problems);
            html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&ctx, &m, "actionplan-settings-title", form, paths::plan(&m.slug)),
            )
        }
    }
}
