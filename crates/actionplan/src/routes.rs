//! The action plan's pages, files and JSON.
//!
//! - `GET /{slug}/handlingsplan`: the plan per principle with progress charts and filters (public)
//! - `GET|POST /{slug}/handlingsplan/installningar`: title, period and adoption (coordinator)
//! - `GET /{slug}/handlingsplan/mal/{id}`: a goal and its activities (public)
//! - `GET /{slug}/handlingsplan/aktivitet/{id}`: an activity and its history (public);
//!   `POST` records progress (the responsible, staff, the coordinator)
//! - `GET|POST /{slug}/handlingsplan/aktivitet/{id}/redigera`: dates and links (coordinator)
//! - `GET /{slug}/handlingsplan/mina`: my activities; `GET …/forsenade`: overdue (coordinator)
//! - `GET|POST /{slug}/handlingsplan/grupper`, `GET …/grupper/{id}`, `POST …/ga-med|lamna`
//! - `GET|POST /{slug}/handlingsplan/import`, `POST …/import/fil`, `POST …/import/{draft}`
//! - `GET /{slug}/handlingsplan/export.csv|export.xlsx|utskrift` and `/api/v1/{slug}/action-plan`

use crate::domain::{
    self, ActivityInput, Links, NoteInput, PlanInput, Problem, Problems, Progress, Status, Step, StepCounts,
};
use crate::store::{self, Activity, EditError, Full, GroupError, Plan};
use crate::table;
use crate::table::{Owner, TableActivity, TableArea, TableGoal, TablePlan};
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use platform::auth::{require_coordinator, require_user, CurrentUser};
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::format;
use platform::layout::{html, html_status, Field, FieldKind, Form, FormPage, Page};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{slug}/handlingsplan", get(plan_page))
        .route(
            "/{slug}/handlingsplan/installningar",
            get(settings_page).post(settings_save),
        )
        .route("/{slug}/handlingsplan/mal/{id}", get(goal_page))
        .route("/{slug}/handlingsplan/aktivitet/{id}", get(activity_page).post(record))
        .route(
            "/{slug}/handlingsplan/aktivitet/{id}/redigera",
            get(edit_page).post(edit_save),
        )
        .route("/{slug}/handlingsplan/mina", get(mine_page))
        .route("/{slug}/handlingsplan/forsenade", get(overdue_page))
        .route("/{slug}/handlingsplan/grupper", get(groups_page).post(group_create))
        .route("/{slug}/handlingsplan/grupper/{id}", get(group_page))
        .route("/{slug}/handlingsplan/grupper/{id}/ga-med", post(group_join))
        .route("/{slug}/handlingsplan/grupper/{id}/lamna", post(group_leave))
        .route("/{slug}/handlingsplan/import", get(import_page).post(import_check))
        .route("/{slug}/handlingsplan/import/fil", post(import_file))
        .route("/{slug}/handlingsplan/import/{draft}", post(import_confirm))
        .route("/{slug}/handlingsplan/export.csv", get(export_csv))
        .route("/{slug}/handlingsplan/export.xlsx", get(export_xlsx))
        .route("/{slug}/handlingsplan/utskrift", get(print_page))
        .route("/{slug}/handlingsplan/utskrift.css", get(print_css))
        .route("/api/v1/{slug}/action-plan", get(api))
}

type Params = HashMap<String, String>;

fn base(m: &Municipality) -> String {
    format!("/{}/handlingsplan", m.slug)
}

fn activity_href(m: &Municipality, id: i64) -> String {
    format!("{}/aktivitet/{id}", base(m))
}

fn today(state: &AppState) -> NaiveDate {
    NaiveDate::parse_from_str(&format::date(state.now()), "%Y-%m-%d").unwrap_or_default()
}

fn id_of(s: &str) -> AppResult<i64> {
    s.parse::<i64>().map_err(|_| AppError::NotFound("err-not-found"))
}

fn get_p<'a>(p: &'a Params, k: &str) -> &'a str {
    p.get(k).map(String::as_str).unwrap_or("")
}

fn mark(form: &mut Form, ctx: &Ctx, problems: &Problems) {
    for (field, p) in problems {
        match p {
            Problem::Rule(why) => form.invalid(&ctx.tr, field, *why),
            p => form.error(field, ctx.t(p.message_id())),
        }
    }
}

fn status_for(form: &Form) -> StatusCode {
    if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
}

/// "Kultur och fritid (Magnus Gunnarsson)": the text as written, and the links' names.
fn responsible(a: &Activity) -> String {
    let links: Vec<&str> = [a.department.as_deref(), a.user.as_deref(), a.organisation.as_deref()]
        .into_iter()
        .flatten()
        .filter(|n| !a.responsible_text.contains(*n))
        .collect();
    match (a.responsible_text.is_empty(), links.is_empty()) {
        (_, true) => a.responsible_text.clone(),
        (true, false) => links.join(", "),
        (false, false) => format!("{} ({})", a.responsible_text, links.join(", ")),
    }
}

fn follow_up(a: &Activity) -> String {
    match (a.follow_up_text.is_empty(), a.follow_up_on) {
        (_, None) => a.follow_up_text.clone(),
        (true, Some(d)) => d.to_string(),
        (false, Some(d)) => format!("{} ({d})", a.follow_up_text),
    }
}

fn time(a: &Activity) -> String {
    let dates = match (a.time_start, a.time_end) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => s.to_string(),
        (None, Some(e)) => format!("– {e}"),
        (None, None) => String::new(),
    };
    match (a.time_text.is_empty(), dates.is_empty()) {
        (_, true) => a.time_text.clone(),
        (true, false) => dates,
        (false, false) => format!("{} ({dates})", a.time_text),
    }
}

/// An activity as a row of a table.
struct Row {
    href: String,
    text: String,
    time: String,
    responsible: String,
    follow_up: String,
    status: String,
    overdue: bool,
    area: String,
    goal: String,
}

fn row(ctx: &Ctx, m: &Municipality, a: &Activity, today: NaiveDate) -> Row {
    Row {
        href: activity_href(m, a.id),
        text: a.text.clone(),
        time: time(a),
        responsible: responsible(a),
        follow_up: follow_up(a),
        status: ctx.t(a.status.message_id()),
        overdue: domain::is_overdue(a.follow_up_on, a.status, today),
        area: format!("{} {}", a.area_number, a.area_name),
        goal: a.goal_text.clone(),
    }
}

/// One segment of a progress bar.
struct Segment {
    x: String,
    width: String,
    colour: &'static str,
}

struct Chart {
    segments: Vec<Segment>,
    /// The chart's text alternative: (status label, count).
    counts: Vec<(String, usize)>,
    summary: String,
}

fn chart(ctx: &Ctx, p: &Progress) -> Chart {
    Chart {
        segments: p
            .segments()
            .into_iter()
            .map(|(s, x, w)| Segment {
                x: format!("{x:.2}"),
                width: format!("{w:.2}"),
                colour: s.colour(),
            })
            .collect(),
        counts: [Status::Done, Status::Ongoing, Status::Paused, Status::NotStarted]
            .into_iter()
            .map(|s| (ctx.t(s.message_id()), p.count(s)))
            .collect(),
        summary: ctx.tr.ta(
            "actionplan-progress-summary",
            &[("done", &p.done), ("total", &p.total), ("percent", &p.percent_done())],
        ),
    }
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
    heading: String,
    group: String,
    chart: Chart,
    goals: Vec<GoalView>,
}

/// A filter's select: (name, label, options (value, label), chosen).
type Select = (String, String, Vec<(String, String)>, String);

#[derive(Template)]
#[template(path = "actionplan_plan.html")]
struct PlanPage {
    page: Page,
    notice: Option<String>,
    facts: Vec<(String, String)>,
    actions: Vec<(String, String)>,
    selects: Vec<Select>,
    responsible_filter: String,
    filtered: bool,
    filter_summary: String,
    areas: Vec<AreaView>,
    has_plan: bool,
    base: String,
    downloads: Vec<(String, String)>,
}

fn plan_facts(ctx: &Ctx, plan: &Plan) -> Vec<(String, String)> {
    let mut facts = vec![];
    if plan.period_start.is_some() || plan.period_end.is_some() {
        facts.push((
            ctx.t("actionplan-period"),
            format!(
                "{}–{}",
                plan.period_start.map(|y| y.to_string()).unwrap_or_default(),
                plan.period_end.map(|y| y.to_string()).unwrap_or_default()
            ),
        ));
    }
    if !plan.adopted_by.is_empty() || plan.adopted_on.is_some() {
        facts.push((
            ctx.t("actionplan-adopted"),
            [
                plan.adopted_by.clone(),
                plan.adopted_on.map(|d| d.to_string()).unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        ));
    }
    facts
}

async fn plan_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    let plan = store::current_plan(&state.db, m.id).await?;
    let full = match &plan {
        Some(p) => store::full(&state.db, m.id, p.id).await?,
        None => Full::default(),
    };
    let today = today(&state);
    let owner = domain::owner_parse(get_p(&q, "agare"));
    let status = Status::parse(get_p(&q, "status"));
    let who = get_p(&q, "ansvar").trim().to_lowercase();
    let keep = |a: &Activity| {
        status.is_none_or(|s| a.status == s)
            && owner.is_none_or(|o| a.goal_owner == o)
            && (who.is_empty() || responsible(a).to_lowercase().contains(&who))
    };
    let filtered = owner.is_some() || status.is_some() || !who.is_empty();
    let mut shown = 0;
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
                    href: format!("{}/mal/{}", base(&m), g.id),
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
                anchor: format!("omrade-{}", area.number),
                heading: format!("{} {}", area.number, area.name),
                group: area.group_name.clone(),
                chart: chart(&ctx, &progress),
                goals,
            }
        })
        .collect();
    let user = ctx.user.as_ref();
    let mut actions = vec![(format!("{}/grupper", base(&m)), ctx.t("actionplan-action-groups"))];
    if user.is_some() {
        actions.push((format!("{}/mina", base(&m)), ctx.t("actionplan-action-mine")));
    }
    if user.is_some_and(|u| u.is_coordinator(m.id)) {
        actions.push((format!("{}/forsenade", base(&m)), ctx.t("actionplan-action-overdue")));
        actions.push((format!("{}/import", base(&m)), ctx.t("actionplan-action-import")));
        actions.push((
            format!("{}/installningar", base(&m)),
            ctx.t("actionplan-action-settings"),
        ));
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
    let notice = match get_p(&q, "klart") {
        "sparad" => Some(ctx.t("actionplan-done-settings")),
        _ => None,
    };
    html(&PlanPage {
        page: ctx
            .page(
                plan.as_ref()
                    .map(|p| p.title.clone())
                    .unwrap_or_else(|| ctx.t("actionplan-title")),
            )
            .in_municipality(&m.slug, &m.name),
        notice,
        facts: plan.as_ref().map(|p| plan_facts(&ctx, p)).unwrap_or_default(),
        actions,
        selects: vec![
            (
                "agare".into(),
                ctx.t("actionplan-filter-owner"),
                owners,
                get_p(&q, "agare").into(),
            ),
            (
                "status".into(),
                ctx.t("actionplan-filter-status"),
                statuses,
                get_p(&q, "status").into(),
            ),
        ],
        responsible_filter: get_p(&q, "ansvar").to_string(),
        filtered,
        filter_summary: ctx.tr.tn("actionplan-filter-found", "n", shown as i64),
        has_plan: !full.areas.is_empty(),
        areas,
        base: base(&m),
        downloads: vec![
            (format!("{}/export.csv", base(&m)), ctx.t("actionplan-download-csv")),
            (format!("{}/export.xlsx", base(&m)), ctx.t("actionplan-download-xlsx")),
            (format!("{}/utskrift", base(&m)), ctx.t("actionplan-download-print")),
            (
                format!("/api/v1/{}/action-plan", m.slug),
                ctx.t("actionplan-download-json"),
            ),
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
}

fn settings_form(ctx: &Ctx, m: &Municipality, plan: Option<&Plan>) -> Form {
    let year = |y: Option<i64>| y.map(|y| y.to_string()).unwrap_or_default();
    Form::new(
        format!("{}/installningar", base(m)),
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
        ],
    )
}

fn form_page(ctx: &Ctx, m: &Municipality, title: &str, form: Form, back: String) -> FormPage {
    let mut page = FormPage::new(ctx.page(ctx.t(title)).in_municipality(&m.slug, &m.name));
    page.form = Some(form);
    page.links = vec![(back, ctx.t("actionplan-back-to-plan"))];
    page
}

async fn settings_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let plan = store::current_plan(&state.db, m.id).await?;
    let form = settings_form(&ctx, &m, plan.as_ref());
    html(&form_page(&ctx, &m, "actionplan-settings-title", form, base(&m)))
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
    });
    match checked {
        Ok(edit) => {
            store::save_plan(&state.db, m.id, &edit, Some(user), state.now()).await?;
            Ok(Redirect::to(&format!("{}?klart=sparad", base(&m))).into_response())
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
                    _ => return None,
                })
            });
            mark(&mut form, &ctx, &problems);
            html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&ctx, &m, "actionplan-settings-title", form, base(&m)),
            )
        }
    }
}

// --- A goal ---

#[derive(Template)]
#[template(path = "actionplan_goal.html")]
struct GoalPage {
    page: Page,
    facts: Vec<(String, String)>,
    chart: Chart,
    rows: Vec<Row>,
    back: String,
}

async fn goal_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (goal, number, area, activities) = store::goal_by_id(&state.db, m.id, id_of(&id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let today = today(&state);
    let progress = Progress::of(activities.iter().map(|a| a.status));
    html(&GoalPage {
        page: ctx.page(goal.text.clone()).in_municipality(&m.slug, &m.name),
        facts: vec![
            (ctx.t("actionplan-col-area"), format!("{number} {area}")),
            (
                ctx.t("actionplan-col-owner"),
                ctx.t(domain::owner_message_id(goal.owner)),
            ),
        ],
        chart: chart(&ctx, &progress),
        rows: activities.iter().map(|a| row(&ctx, &m, a, today)).collect(),
        back: format!("{}#omrade-{number}", base(&m)),
    })
}

// --- An activity: its history and recording progress ---

struct NoteView {
    date: String,
    author: String,
    status: String,
    text: String,
}

#[derive(Template)]
#[template(path = "actionplan_activity.html")]
struct ActivityPage {
    page: Page,
    notice: Option<String>,
    facts: Vec<(String, String)>,
    status: String,
    overdue: bool,
    notes: Vec<NoteView>,
    form: Option<Form>,
    /// (href, text)
    links: Vec<(String, String)>,
    login: Option<String>,
}

#[derive(Deserialize)]
struct NoteForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    noted_on: String,
}

fn note_form(ctx: &Ctx, m: &Municipality, a: &Activity, today: NaiveDate) -> Form {
    Form::new(
        activity_href(m, a.id),
        ctx.t("actionplan-submit-progress"),
        vec![
            Field::new("status", ctx.t("actionplan-field-status"), FieldKind::Select)
                .required()
                .options(
                    Status::ALL
                        .iter()
                        .map(|s| (s.as_str().to_string(), ctx.t(s.message_id())))
                        .collect(),
                )
                .value(a.status.as_str()),
            Field::new("text", ctx.t("actionplan-field-note"), FieldKind::TextArea)
                .required()
                .max_len(domain::NOTE_MAX)
                .hint(ctx.t("actionplan-field-note-hint")),
            Field::new("noted_on", ctx.t("actionplan-field-noted-on"), FieldKind::Date)
                .required()
                .value(today.to_string()),
        ],
    )
}

async fn find_activity(state: &AppState, m: &Municipality, id: &str) -> AppResult<Activity> {
    store::activity_by_id(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

async fn render_activity(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    a: &Activity,
    form: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let notes = store::notes(&state.db, m.id, a.id).await?;
    let today = today(state);
    let user = ctx.user.as_ref();
    let form = form.or_else(|| {
        user.filter(|u| domain::may_record(u, m.id, &a.links))
            .map(|_| note_form(ctx, m, a, today))
    });
    let status = form.as_ref().map(status_for).unwrap_or(StatusCode::OK);
    let mut links = vec![(format!("{}/mal/{}", base(m), a.goal_id), ctx.t("actionplan-to-goal"))];
    if user.is_some_and(|u| u.is_coordinator(m.id)) {
        links.push((
            format!("{}/redigera", activity_href(m, a.id)),
            ctx.t("actionplan-action-edit"),
        ));
    }
    links.push((
        format!("{}#omrade-{}", base(m), a.area_number),
        ctx.t("actionplan-back-to-plan"),
    ));
    let r = row(ctx, m, a, today);
    html_status(
        status,
        &ActivityPage {
            page: ctx.page(a.text.clone()).in_municipality(&m.slug, &m.name),
            notice,
            facts: vec![
                (ctx.t("actionplan-col-area"), r.area),
                (
                    ctx.t("actionplan-col-goal"),
                    format!("{} {}", ctx.t(domain::owner_message_id(a.goal_owner)), a.goal_text),
                ),
                (ctx.t("actionplan-col-time"), r.time),
                (ctx.t("actionplan-col-responsible"), r.responsible),
                (ctx.t("actionplan-col-follow-up"), r.follow_up),
            ],
            status: r.status,
            overdue: r.overdue,
            notes: notes
                .into_iter()
                .map(|n| NoteView {
                    date: n.noted_on.to_string(),
                    author: n.author_name,
                    status: ctx.t(n.status_after.message_id()),
                    text: n.text,
                })
                .collect(),
            form,
            links,
            login: user
                .is_none()
                .then(|| format!("/konto/logga-in?next={}", urlencoding::encode(&activity_href(m, a.id)))),
        },
    )
}

async fn activity_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    let a = find_activity(&state, &m, &id).await?;
    let notice = match get_p(&q, "klart") {
        "framsteg" => Some(ctx.t("actionplan-done-progress")),
        "sparad" => Some(ctx.t("actionplan-done-activity")),
        _ => None,
    };
    render_activity(&state, &ctx, &m, &a, None, notice).await
}

async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(input): Input<NoteForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let a = find_activity(&state, &m, &id).await?;
    if !domain::may_record(user, m.id, &a.links) {
        return Err(AppError::Forbidden);
    }
    let today = today(&state);
    match domain::validate_note(
        &NoteInput {
            status: &input.status,
            text: &input.text,
            noted_on: &input.noted_on,
        },
        today,
    ) {
        Ok(note) => {
            if !store::record_note(&state.db, m.id, a.id, &note, user, state.now()).await? {
                return Err(AppError::NotFound("err-not-found"));
            }
            Ok(Redirect::to(&format!("{}?klart=framsteg#historik", activity_href(&m, a.id))).into_response())
        }
        Err(problems) => {
            let mut form = note_form(&ctx, &m, &a, today);
            form.fill(|n| {
                Some(match n {
                    "status" => input.status.clone(),
                    "text" => input.text.clone(),
                    "noted_on" => input.noted_on.clone(),
                    _ => return None,
                })
            });
            mark(&mut form, &ctx, &problems);
            render_activity(&state, &ctx, &m, &a, Some(form), None).await
        }
    }
}

// --- Editing an activity's dates and links (coordinator) ---

#[derive(Deserialize)]
struct EditForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    time_text: String,
    #[serde(default)]
    time_start: String,
    #[serde(default)]
    time_end: String,
    #[serde(default)]
    responsible_text: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    follow_up_text: String,
    #[serde(default)]
    follow_up_on: String,
}

async fn edit_form(state: &AppState, ctx: &Ctx, m: &Municipality, a: &Activity) -> AppResult<Form> {
    let options = |list: Vec<(i64, String)>| {
        let mut v = vec![(String::new(), ctx.t("actionplan-choose-none"))];
        v.extend(list.into_iter().map(|(id, n)| (id.to_string(), n)));
        v
    };
    let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let d = |v: Option<NaiveDate>| v.map(|v| v.to_string()).unwrap_or_default();
    Ok(Form::new(
        format!("{}/redigera", activity_href(m, a.id)),
        ctx.t("actionplan-submit-activity"),
        vec![
            Field::new("text", ctx.t("actionplan-col-activity"), FieldKind::TextArea)
                .required()
                .max_len(domain::TEXT_MAX)
                .value(a.text.clone()),
            Field::new("time_text", ctx.t("actionplan-field-time-text"), FieldKind::Text)
                .max_len(domain::CELL_MAX)
                .hint(ctx.t("actionplan-field-time-text-hint"))
                .value(a.time_text.clone()),
            Field::new("time_start", ctx.t("actionplan-field-time-start"), FieldKind::Date).value(d(a.time_start)),
            Field::new("time_end", ctx.t("actionplan-field-time-end"), FieldKind::Date).value(d(a.time_end)),
            Field::new(
                "responsible_text",
                ctx.t("actionplan-field-responsible-text"),
                FieldKind::Text,
            )
            .max_len(domain::CELL_MAX)
            .value(a.responsible_text.clone()),
            Field::new("department", ctx.t("actionplan-field-department"), FieldKind::Select)
                .options(options(store::choices(&state.db, m.id, "departments").await?))
                .value(id(a.links.department_id)),
            Field::new("user", ctx.t("actionplan-field-user"), FieldKind::Select)
                .options(options(store::choices(&state.db, m.id, "users").await?))
                .hint(ctx.t("actionplan-field-user-hint"))
                .value(id(a.links.user_id)),
            Field::new(
                "organisation",
                ctx.t("actionplan-field-organisation"),
                FieldKind::Select,
            )
            .options(options(store::choices(&state.db, m.id, "organisations").await?))
            .value(id(a.links.organisation_id)),
            Field::new(
                "follow_up_text",
                ctx.t("actionplan-field-follow-up-text"),
                FieldKind::Text,
            )
            .max_len(domain::CELL_MAX)
            .value(a.follow_up_text.clone()),
            Field::new("follow_up_on", ctx.t("actionplan-field-follow-up-on"), FieldKind::Date)
                .hint(
                    ctx.tr
                        .ta("actionplan-field-follow-up-on-hint", &[("n", &domain::REMIND_DAYS)]),
                )
                .value(d(a.follow_up_on)),
        ],
    ))
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let a = find_activity(&state, &m, &id).await?;
    let form = edit_form(&state, &ctx, &m, &a).await?;
    html(&form_page(
        &ctx,
        &m,
        "actionplan-edit-title",
        form,
        activity_href(&m, a.id),
    ))
}

async fn edit_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(input): Input<EditForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let a = find_activity(&state, &m, &id).await?;
    let problems = match domain::validate_activity(&ActivityInput {
        text: &input.text,
        time_text: &input.time_text,
        time_start: &input.time_start,
        time_end: &input.time_end,
        responsible_text: &input.responsible_text,
        department: &input.department,
        user: &input.user,
        organisation: &input.organisation,
        follow_up_text: &input.follow_up_text,
        follow_up_on: &input.follow_up_on,
    }) {
        Ok(edit) => match store::edit_activity(&state.db, m.id, a.id, &edit, user, state.now()).await {
            Ok(()) => return Ok(Redirect::to(&format!("{}?klart=sparad", activity_href(&m, a.id))).into_response()),
            Err(EditError::NotFound) => return Err(AppError::NotFound("err-not-found")),
            Err(EditError::UnknownLink(field)) => vec![(field, Problem::Choose)],
            Err(EditError::Db(e)) => return Err(e.into()),
        },
        Err(p) => p,
    };
    let mut form = edit_form(&state, &ctx, &m, &a).await?;
    form.fill(|n| {
        Some(match n {
            "text" => input.text.clone(),
            "time_text" => input.time_text.clone(),
            "time_start" => input.time_start.clone(),
            "time_end" => input.time_end.clone(),
            "responsible_text" => input.responsible_text.clone(),
            "department" => input.department.clone(),
            "user" => input.user.clone(),
            "organisation" => input.organisation.clone(),
            "follow_up_text" => input.follow_up_text.clone(),
            "follow_up_on" => input.follow_up_on.clone(),
            _ => return None,
        })
    });
    mark(&mut form, &ctx, &problems);
    html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(&ctx, &m, "actionplan-edit-title", form, activity_href(&m, a.id)),
    )
}

// --- My activities, overdue ---

#[derive(Template)]
#[template(path = "actionplan_list.html")]
struct ListPage {
    page: Page,
    intro: String,
    empty: String,
    caption: String,
    rows: Vec<Row>,
    back: String,
}

async fn mine_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let activities = store::mine(&state.db, m.id, user).await?;
    let today = today(&state);
    html(&ListPage {
        page: ctx
            .page(ctx.t("actionplan-mine-title"))
            .in_municipality(&m.slug, &m.name),
        intro: ctx.t("actionplan-mine-intro"),
        empty: ctx.t("actionplan-mine-none"),
        caption: ctx.t("actionplan-mine-caption"),
        rows: activities.iter().map(|a| row(&ctx, &m, a, today)).collect(),
        back: base(&m),
    })
}

async fn overdue_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let today = today(&state);
    let activities = store::overdue(&state.db, m.id, today).await?;
    html(&ListPage {
        page: ctx
            .page(ctx.t("actionplan-overdue-title"))
            .in_municipality(&m.slug, &m.name),
        intro: ctx.tr.ta("actionplan-overdue-intro", &[("date", &today)]),
        empty: ctx.t("actionplan-overdue-none"),
        caption: ctx.t("actionplan-overdue-caption"),
        rows: activities.iter().map(|a| row(&ctx, &m, a, today)).collect(),
        back: base(&m),
    })
}

// --- Working groups ---

struct GroupRow {
    href: String,
    name: String,
    area: String,
    convener: String,
    members: i64,
}

#[derive(Template)]
#[template(path = "actionplan_groups.html")]
struct GroupsPage {
    page: Page,
    notice: Option<String>,
    groups: Vec<GroupRow>,
    form: Option<Form>,
    back: String,
}

#[derive(Deserialize)]
struct GroupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    convener: String,
}

async fn group_form(state: &AppState, ctx: &Ctx, m: &Municipality) -> AppResult<Form> {
    let plan = store::current_plan(&state.db, m.id).await?;
    let full = match plan {
        Some(p) => store::full(&state.db, m.id, p.id).await?,
        None => Full::default(),
    };
    let mut areas = vec![(String::new(), ctx.t("actionplan-whole-plan"))];
    areas.extend(
        full.areas
            .iter()
            .map(|a| (a.id.to_string(), format!("{} {}", a.number, a.name))),
    );
    let mut people = vec![(String::new(), ctx.t("actionplan-choose-none"))];
    people.extend(
        store::choices(&state.db, m.id, "users")
            .await?
            .into_iter()
            .map(|(id, n)| (id.to_string(), n)),
    );
    Ok(Form::new(
        format!("{}/grupper", base(m)),
        ctx.t("actionplan-submit-group"),
        vec![
            Field::new("name", ctx.t("actionplan-field-group-name"), FieldKind::Text)
                .required()
                .max_len(domain::NAME_MAX),
            Field::new("area", ctx.t("actionplan-col-area"), FieldKind::Select).options(areas),
            Field::new("convener", ctx.t("actionplan-field-convener"), FieldKind::Select).options(people),
            Field::new(
                "description",
                ctx.t("actionplan-field-description"),
                FieldKind::TextArea,
            )
            .max_len(domain::TEXT_MAX),
        ],
    ))
}

async fn render_groups(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let groups = store::groups(&state.db, m.id).await?;
    let form = match form {
        Some(f) => Some(f),
        None if ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id)) => Some(group_form(state, ctx, m).await?),
        None => None,
    };
    let status = form.as_ref().map(status_for).unwrap_or(StatusCode::OK);
    html_status(
        status,
        &GroupsPage {
            page: ctx
                .page(ctx.t("actionplan-groups-title"))
                .in_municipality(&m.slug, &m.name),
            notice,
            groups: groups
                .into_iter()
                .map(|g| GroupRow {
                    href: format!("{}/grupper/{}", base(m), g.id),
                    name: g.name,
                    area: g.area.unwrap_or_else(|| ctx.t("actionplan-whole-plan")),
                    convener: g.convener.unwrap_or_default(),
                    members: g.members,
                })
                .collect(),
            form,
            back: base(m),
        },
    )
}

async fn groups_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    render_groups(&state, &ctx, &m, None, None).await
}

async fn group_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<GroupForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut problems = match domain::validate_group(&input.name, &input.description) {
        Ok(_) => vec![],
        Err(p) => p,
    };
    let area = domain::chosen_id(&input.area).unwrap_or_else(|p| {
        problems.push(("area", p));
        None
    });
    let convener = domain::chosen_id(&input.convener).unwrap_or_else(|p| {
        problems.push(("convener", p));
        None
    });
    if let (Ok((name, description)), true) = (
        domain::validate_group(&input.name, &input.description),
        problems.is_empty(),
    ) {
        match store::create_group(
            &state.db,
            m.id,
            &store::NewGroup {
                name: &name,
                description: &description,
                area_id: area,
                convener,
            },
            Some(user),
            state.now(),
        )
        .await
        {
            Ok(id) => return Ok(Redirect::to(&format!("{}/grupper/{id}", base(&m))).into_response()),
            Err(GroupError::NotFound) => problems.push(("convener", Problem::Choose)),
            Err(GroupError::AlreadyMember) => {}
            Err(GroupError::Db(e)) => return Err(e.into()),
        }
    }
    let mut form = group_form(&state, &ctx, &m).await?;
    form.fill(|n| {
        Some(match n {
            "name" => input.name.clone(),
            "description" => input.description.clone(),
            "area" => input.area.clone(),
            "convener" => input.convener.clone(),
            _ => return None,
        })
    });
    mark(&mut form, &ctx, &problems);
    render_groups(&state, &ctx, &m, Some(form), None).await
}

#[derive(Template)]
#[template(path = "actionplan_group.html")]
struct GroupPage {
    page: Page,
    notice: Option<String>,
    facts: Vec<(String, String)>,
    description: String,
    /// Shown to the members and the coordinator: (name, e-mail).
    members: Option<Vec<(String, String)>>,
    join: Option<Form>,
    leave: Option<String>,
    login: Option<String>,
    back: String,
}

#[derive(Deserialize)]
struct JoinForm {
    #[serde(default)]
    consent: Option<String>,
}

fn join_form(ctx: &Ctx, m: &Municipality, id: i64) -> Form {
    Form::new(
        format!("{}/grupper/{id}/ga-med", base(m)),
        ctx.t("actionplan-submit-join"),
        vec![Field::new("consent", ctx.t("actionplan-field-consent"), FieldKind::Checkbox).required()],
    )
}

async fn render_group(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: i64,
    join: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let g = store::group_by_id(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let members = store::members(&state.db, m.id, g.id).await?;
    let user = ctx.user.as_ref();
    let is_member = user.is_some_and(|u| members.iter().any(|x| x.0 == u.id));
    let sees = is_member || user.is_some_and(|u| u.is_coordinator(m.id));
    let join = if user.is_some() && !is_member {
        Some(join.unwrap_or_else(|| join_form(ctx, m, g.id)))
    } else {
        None
    };
    let status = join.as_ref().map(status_for).unwrap_or(StatusCode::OK);
    let mut facts = vec![
        (
            ctx.t("actionplan-col-area"),
            g.area.clone().unwrap_or_else(|| ctx.t("actionplan-whole-plan")),
        ),
        (
            ctx.t("actionplan-field-convener"),
            g.convener.clone().unwrap_or_else(|| ctx.t("actionplan-no-convener")),
        ),
        (ctx.t("actionplan-col-members"), members.len().to_string()),
    ];
    if g.area_id.is_none() {
        facts.truncate(3);
    }
    html_status(
        status,
        &GroupPage {
            page: ctx.page(g.name.clone()).in_municipality(&m.slug, &m.name),
            notice,
            facts,
            description: g.description.clone(),
            members: sees.then(|| members.iter().map(|x| (x.1.clone(), x.2.clone())).collect()),
            join,
            leave: is_member.then(|| format!("{}/grupper/{}/lamna", base(m), g.id)),
            login: user.is_none().then(|| {
                format!(
                    "/konto/logga-in?next={}",
                    urlencoding::encode(&format!("{}/grupper/{}", base(m), g.id))
                )
            }),
            back: format!("{}/grupper", base(m)),
        },
    )
}

async fn group_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    let notice = match get_p(&q, "klart") {
        "med" => Some(ctx.t("actionplan-done-joined")),
        "lamnat" => Some(ctx.t("actionplan-done-left")),
        _ => None,
    };
    render_group(&state, &ctx, &m, id_of(&id)?, None, notice).await
}

async fn group_join(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(input): Input<JoinForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let id = id_of(&id)?;
    if input.consent.is_none() {
        let mut form = join_form(&ctx, &m, id);
        mark(&mut form, &ctx, &vec![("consent", Problem::Consent)]);
        return render_group(&state, &ctx, &m, id, Some(form), None).await;
    }
    match store::join(&state.db, m.id, id, user, state.now()).await {
        Ok(()) | Err(GroupError::AlreadyMember) => {
            Ok(Redirect::to(&format!("{}/grupper/{id}?klart=med", base(&m))).into_response())
        }
        Err(GroupError::NotFound) => Err(AppError::NotFound("err-not-found")),
        Err(GroupError::Db(e)) => Err(e.into()),
    }
}

async fn group_leave(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let id = id_of(&id)?;
    store::leave(&state.db, m.id, id, user, state.now()).await?;
    Ok(Redirect::to(&format!("{}/grupper/{id}?klart=lamnat", base(&m))).into_response())
}

// --- Import ---

/// The table plan as a draft keeps it until the coordinator confirms.
#[derive(Serialize, Deserialize)]
struct DraftArea {
    number: u32,
    name: String,
    group: Option<String>,
    goals: Vec<(String, String, Vec<[String; 4]>)>,
}

fn to_draft(plan: &TablePlan) -> Vec<DraftArea> {
    plan.areas
        .iter()
        .map(|a| DraftArea {
            number: a.number,
            name: a.name.clone(),
            group: a.group.clone(),
            goals: a
                .goals
                .iter()
                .map(|g| {
                    (
                        domain::owner_str(g.owner).to_string(),
                        g.text.clone(),
                        g.activities
                            .iter()
                            .map(|x| {
                                [
                                    x.text.clone(),
                                    x.time.clone(),
                                    x.responsible.clone(),
                                    x.follow_up.clone(),
                                ]
                            })
                            .collect(),
                    )
                })
                .collect(),
        })
        .collect()
}

fn from_draft(d: Vec<DraftArea>) -> TablePlan {
    TablePlan {
        areas: d
            .into_iter()
            .map(|a| TableArea {
                number: a.number,
                name: a.name,
                group: a.group,
                goals: a
                    .goals
                    .into_iter()
                    .map(|(o, text, acts)| TableGoal {
                        owner: domain::owner_parse(&o).unwrap_or(Owner::Unstated),
                        text,
                        activities: acts
                            .into_iter()
                            .map(|[text, time, responsible, follow_up]| TableActivity {
                                text,
                                time,
                                responsible,
                                follow_up,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

struct ProblemView {
    line: usize,
    text: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "actionplan_import.html")]
struct ImportPage {
    page: Page,
    intro: Vec<String>,
    form: Form,
    summary: Option<String>,
    problems: Vec<ProblemView>,
    /// (what, text) of what would be created or changed.
    creates: Vec<(String, String)>,
    confirm_action: Option<String>,
    upload_action: String,
    back: String,
}

fn import_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        format!("{}/import", base(m)),
        ctx.t("actionplan-submit-check"),
        vec![
            Field::new("table", ctx.t("actionplan-import-field"), FieldKind::TextArea)
                .required()
                .hint(ctx.t("actionplan-import-field-hint")),
        ],
    )
}

fn import_frame(ctx: &Ctx, m: &Municipality, form: Form) -> ImportPage {
    ImportPage {
        page: ctx
            .page(ctx.t("actionplan-import-title"))
            .in_municipality(&m.slug, &m.name),
        intro: vec![ctx.t("actionplan-import-intro"), ctx.t("actionplan-import-again")],
        form,
        summary: None,
        problems: vec![],
        creates: vec![],
        confirm_action: None,
        upload_action: format!("{}/import/fil?_csrf={}", base(m), urlencoding::encode(&ctx.csrf)),
        back: base(m),
    }
}

async fn import_page(ctx: Ctx, Tenant(m): Tenant, Query(q): Query<Params>) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut page = import_frame(&ctx, &m, import_form(&ctx, &m));
    let n = |k: &str| get_p(&q, k).parse::<usize>().ok();
    if let (Some(goals), Some(activities), Some(changed)) = (n("mal"), n("aktiviteter"), n("andrade")) {
        page.summary = Some(ctx.tr.ta(
            "actionplan-import-done",
            &[("goals", &goals), ("activities", &activities), ("changed", &changed)],
        ));
    }
    html(&page)
}

async fn import_check(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let text = get_p(&input, "table");
    let mut form = import_form(&ctx, &m);
    form.fill(|n| (n == "table").then(|| text.to_string()));
    if text.trim().is_empty() {
        mark(
            &mut form,
            &ctx,
            &vec![("table", Problem::Rule(platform::rules::Invalid::Required))],
        );
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &import_frame(&ctx, &m, form));
    }
    let parsed = crate::parse_file("", text.as_bytes()).map_err(|e| AppError::Internal(e.into()))?;
    preview(&state, &ctx, &m, user, parsed, form).await
}

async fn import_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = import_form(&ctx, &m);
    let Some(upload) = platform::upload::file(&mut multipart, "file").await? else {
        form.error("table", ctx.t("actionplan-import-no-file"));
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &import_frame(&ctx, &m, form));
    };
    let parsed = match crate::parse_file(&upload.file_name, &upload.bytes) {
        Ok(p) => p,
        Err(_) => {
            form.error("table", ctx.t("actionplan-import-bad-file"));
            return html_status(StatusCode::UNPROCESSABLE_ENTITY, &import_frame(&ctx, &m, form));
        }
    };
    if !crate::is_xlsx(&upload.file_name, &upload.bytes) {
        let text = platform::upload::decode_text(&upload.bytes);
        form.fill(|n| (n == "table").then(|| text.clone()));
    }
    preview(&state, &ctx, &m, user, parsed, form).await
}

/// The reason a line could not be placed, for people.
fn problem_reason(ctx: &Ctx, p: &table::Problem) -> String {
    ctx.t(p.reason.message_id())
}

/// Show what an import would create and every line it could not place; nothing is written but
/// the draft the confirmation imports.
async fn preview(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    user: &CurrentUser,
    parsed: table::Parsed,
    form: Form,
) -> AppResult<Response> {
    let steps = store::import_preview(&state.db, m.id, &parsed.plan).await?;
    let counts: StepCounts = domain::count_steps(&steps);
    let mut page = import_frame(ctx, m, form);
    page.summary = Some(ctx.tr.ta(
        "actionplan-import-summary",
        &[
            ("areas", &counts.areas),
            ("goals", &counts.goals),
            ("activities", &counts.activities),
            ("changed", &counts.changed),
            ("problems", &parsed.problems.len()),
        ],
    ));
    page.problems = parsed
        .problems
        .iter()
        .map(|p| ProblemView {
            line: p.line,
            text: p.text.clone(),
            reason: problem_reason(ctx, p),
        })
        .collect();
    page.creates = steps
        .iter()
        .map(|s| match s {
            Step::NewArea { number, name, .. } => (ctx.t("actionplan-new-area"), format!("{number} {name}")),
            Step::RenameArea { name, .. } => (ctx.t("actionplan-renamed-area"), name.clone()),
            Step::NewGoal { owner, text, .. } => (
                ctx.t("actionplan-new-goal"),
                format!(
                    "{} {text}",
                    ctx.t(domain::owner_message_id(
                        domain::owner_parse(owner).unwrap_or(Owner::Unstated)
                    ))
                ),
            ),
            Step::NewActivity { text, .. } => (ctx.t("actionplan-new-activity"), text.clone()),
            Step::UpdateActivity { .. } => (ctx.t("actionplan-changed-activity"), String::new()),
        })
        .collect();
    if !steps.is_empty() {
        let json = serde_json::to_string(&to_draft(&parsed.plan)).map_err(|e| AppError::Internal(e.into()))?;
        let draft = store::save_draft(&state.db, m.id, user.id, &json, state.now()).await?;
        page.confirm_action = Some(format!("{}/import/{draft}", base(m)));
    }
    html(&page)
}

async fn import_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, draft)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let json = store::take_draft(&state.db, m.id, user.id, id_of(&draft)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let d: Vec<DraftArea> = serde_json::from_str(&json).map_err(|e| AppError::Internal(e.into()))?;
    let c = store::import(&state.db, m.id, &from_draft(d), Some(user), state.now()).await?;
    Ok(Redirect::to(&format!(
        "{}/import?mal={}&aktiviteter={}&andrade={}",
        base(&m),
        c.goals,
        c.activities,
        c.changed
    ))
    .into_response())
}

// --- Export: CSV, XLSX, the printable page, JSON ---

async fn table_of(state: &AppState, m: &Municipality) -> AppResult<(Option<Plan>, Full)> {
    let plan = store::current_plan(&state.db, m.id).await?;
    let full = match &plan {
        Some(p) => store::full(&state.db, m.id, p.id).await?,
        None => Full::default(),
    };
    Ok((plan, full))
}

fn attachment(mut res: Response, content_type: &'static str, filename: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn export_csv(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Response> {
    let (_, full) = table_of(&state, &m).await?;
    let body = table::to_csv(&store::to_table(&full), &m.name);
    Ok(attachment(
        body.into_response(),
        "text/csv; charset=utf-8",
        &format!("handlingsplan-{}.csv", m.slug),
    ))
}

async fn export_xlsx(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Response> {
    let (_, full) = table_of(&state, &m).await?;
    let bytes = table::to_xlsx(&store::to_table(&full), &m.name).map_err(|e| AppError::Internal(e.into()))?;
    Ok(attachment(
        bytes.into_response(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("handlingsplan-{}.xlsx", m.slug),
    ))
}

struct PrintArea {
    heading: String,
    summary: String,
    rows: Vec<[String; 6]>,
}

#[derive(Template)]
#[template(path = "actionplan_print.html")]
struct PrintPage {
    page: Page,
    css: String,
    facts: Vec<(String, String)>,
    header: [String; 6],
    areas: Vec<PrintArea>,
    printed: String,
    back: String,
}

async fn print_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let (plan, full) = table_of(&state, &m).await?;
    let header = [
        "actionplan-col-area",
        "actionplan-col-goal",
        "actionplan-col-activity",
        "actionplan-col-time",
        "actionplan-col-responsible",
        "actionplan-col-follow-up",
    ]
    .map(|id| ctx.t(id));
    let mut status_col = header.clone();
    status_col[0] = ctx.t("actionplan-col-status");
    let areas = full
        .areas
        .iter()
        .map(|area| {
            let acts: Vec<&Activity> = full.activities.iter().filter(|a| a.area_id == area.id).collect();
            let p = Progress::of(acts.iter().map(|a| a.status));
            PrintArea {
                heading: format!("{} {}", area.number, area.name),
                summary: chart(&ctx, &p).summary,
                rows: acts
                    .iter()
                    .map(|a| {
                        [
                            ctx.t(a.status.message_id()),
                            format!("{} {}", ctx.t(domain::owner_message_id(a.goal_owner)), a.goal_text),
                            a.text.clone(),
                            time(a),
                            responsible(a),
                            follow_up(a),
                        ]
                    })
                    .collect(),
            }
        })
        .collect();
    html(&PrintPage {
        page: ctx
            .page(
                plan.as_ref()
                    .map(|p| p.title.clone())
                    .unwrap_or_else(|| ctx.t("actionplan-title")),
            )
            .in_municipality(&m.slug, &m.name),
        css: format!("{}/utskrift.css", base(&m)),
        facts: plan.as_ref().map(|p| plan_facts(&ctx, p)).unwrap_or_default(),
        header: status_col,
        areas,
        printed: ctx
            .tr
            .ta("actionplan-printed", &[("date", &format::datetime(state.now()))]),
        back: base(&m),
    })
}

const PRINT_CSS: &str = "@media print {\n\
  .site-header, .site-footer, .ds-skip-link, .no-print { display: none !important; }\n\
  body { font-size: 10pt; color: #000; background: #fff; }\n\
  main { max-width: none; padding: 0; }\n\
  table { width: 100%; border-collapse: collapse; page-break-inside: auto; }\n\
  tr { page-break-inside: avoid; }\n\
  th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }\n\
  h2 { page-break-after: avoid; }\n\
  a { color: #000; text-decoration: none; }\n\
}\n\
.print-table td, .print-table th { vertical-align: top; }\n";

async fn print_css(Tenant(_m): Tenant) -> Response {
    let mut res = PRINT_CSS.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    res
}

#[derive(Serialize)]
struct ApiActivity {
    id: i64,
    text: String,
    time: String,
    time_start: Option<NaiveDate>,
    time_end: Option<NaiveDate>,
    responsible: String,
    responsible_department_id: Option<i64>,
    responsible_user_id: Option<i64>,
    responsible_organisation_id: Option<i64>,
    follow_up: String,
    follow_up_on: Option<NaiveDate>,
    status: Status,
    overdue: bool,
}

#[derive(Serialize)]
struct ApiGoal {
    id: i64,
    owner: &'static str,
    text: String,
    activities: Vec<ApiActivity>,
}

#[derive(Serialize)]
struct ApiPrinciple {
    number: u32,
    name: String,
    progress: Progress,
    goals: Vec<ApiGoal>,
}

#[derive(Serialize)]
struct ApiPlan {
    title: String,
    period_start: Option<i64>,
    period_end: Option<i64>,
    adopted_by: String,
    adopted_on: Option<NaiveDate>,
}

#[derive(Serialize)]
struct ApiDoc {
    municipality: String,
    plan: Option<ApiPlan>,
    principles: Vec<ApiPrinciple>,
}

async fn api(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Json<ApiDoc>> {
    let (plan, full) = table_of(&state, &m).await?;
    let today = today(&state);
    let links = |a: &Activity| -> Links { a.links };
    Ok(Json(ApiDoc {
        municipality: m.slug.clone(),
        plan: plan.map(|p| ApiPlan {
            title: p.title,
            period_start: p.period_start,
            period_end: p.period_end,
            adopted_by: p.adopted_by,
            adopted_on: p.adopted_on,
        }),
        principles: full
            .areas
            .iter()
            .map(|area| ApiPrinciple {
                number: area.number,
                name: area.name.clone(),
                progress: Progress::of(
                    full.activities
                        .iter()
                        .filter(|a| a.area_id == area.id)
                        .map(|a| a.status),
                ),
                goals: full
                    .goals
                    .iter()
                    .filter(|g| g.area_id == area.id)
                    .map(|g| ApiGoal {
                        id: g.id,
                        owner: domain::owner_str(g.owner),
                        text: g.text.clone(),
                        activities: full
                            .activities
                            .iter()
                            .filter(|a| a.goal_id == g.id)
                            .map(|a| ApiActivity {
                                id: a.id,
                                text: a.text.clone(),
                                time: a.time_text.clone(),
                                time_start: a.time_start,
                                time_end: a.time_end,
                                responsible: a.responsible_text.clone(),
                                responsible_department_id: links(a).department_id,
                                responsible_user_id: links(a).user_id,
                                responsible_organisation_id: links(a).organisation_id,
                                follow_up: a.follow_up_text.clone(),
                                follow_up_on: a.follow_up_on,
                                status: a.status,
                                overdue: domain::is_overdue(a.follow_up_on, a.status, today),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }))
}
