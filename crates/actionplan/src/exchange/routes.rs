//! The seed-003 table in and out:
//!
//! - `GET|POST /{slug}/handlingsplan/import`: paste a table and see what it would do;
//!   `POST …/import/fil` the same with a file (CSV, XLSX, text); `POST …/import/{id}` confirms
//! - `GET /{slug}/handlingsplan/export.csv|export.xlsx|utskrift` and `/api/v1/{slug}/action-plan`

use crate::activities::store::{current_full, to_table, Activity};
use crate::domain::{self, Links, Problem, Progress, Status};
use crate::exchange::domain::{from_draft, to_draft, DraftArea, Step, StepCounts};
use crate::ids::{ActivityId, DraftId, GoalId};
use crate::paths;
use crate::store;
use crate::table::{self, Owner};
use crate::views::{chart, follow_up, mark, plan_facts, responsible, time};
use axum::extract::Multipart;
use axum::http::{header, HeaderValue};
use axum::Json;
use chrono::NaiveDate;
use platform::format;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/handlingsplan/import", get(import_page).post(import_check))
        .route("/{slug}/handlingsplan/import/fil", post(import_file))
        .route("/{slug}/handlingsplan/import/{id}", post(import_confirm))
        .route("/{slug}/handlingsplan/export.csv", get(export_csv))
        .route("/{slug}/handlingsplan/export.xlsx", get(export_xlsx))
        .route("/{slug}/handlingsplan/utskrift", get(print_page))
        .route("/{slug}/handlingsplan/utskrift.css", get(print_css))
        .route("/api/v1/{slug}/action-plan", get(api))
}

/// The counts shown after an import (`?mal=…&aktiviteter=…&andrade=…`).
#[derive(Deserialize, Default)]
#[serde(default)]
struct ImportDone {
    mal: String,
    aktiviteter: String,
    andrade: String,
}

/// The pasted table.
#[derive(Deserialize, Default)]
#[serde(default)]
struct TableForm {
    table: String,
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
        paths::import(&m.slug),
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
        page: ctx.page_in(m, ctx.t("actionplan-import-title")),
        intro: vec![ctx.t("actionplan-import-intro"), ctx.t("actionplan-import-again")],
        form,
        summary: None,
        problems: vec![],
        creates: vec![],
        confirm_action: None,
        upload_action: format!(
            "{}?_csrf={}",
            paths::import_file(&m.slug),
            urlencoding::encode(&ctx.csrf)
        ),
        back: paths::plan(&m.slug),
    }
}

async fn import_page(ctx: Ctx, Tenant(m): Tenant, Query(q): Query<ImportDone>) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut page = import_frame(&ctx, &m, import_form(&ctx, &m));
    let n = |v: &str| v.parse::<usize>().ok();
    if let (Some(goals), Some(activities), Some(changed)) = (n(&q.mal), n(&q.aktiviteter), n(&q.andrade)) {
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
    Input(input): Input<TableForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let text = input.table.as_str();
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
    // Parsing is CPU work on a file nobody vouches for: off the async workers.
    let (name, bytes) = (upload.file_name.clone(), upload.bytes.clone());
    let read = tokio::task::spawn_blocking(move || crate::parse_file(&name, &bytes))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let parsed = match read {
        Ok(p) => p,
        Err(e) => {
            let why = match e {
                table::TableError::TooLarge(_) => "actionplan-import-too-large",
                _ => "actionplan-import-bad-file",
            };
            form.error("table", ctx.t(why));
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
    let counts: StepCounts = crate::exchange::domain::count_steps(&steps);
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
            Step::NewActivity {
                text,
                responsible,
                follow_up,
                ..
            } if text.trim().is_empty() => (
                ctx.t("actionplan-new-activity"),
                ctx.tr.ta(
                    "actionplan-import-unnamed-activity",
                    &[("responsible", responsible), ("follow_up", follow_up)],
                ),
            ),
            Step::NewActivity { text, .. } => (ctx.t("actionplan-new-activity"), text.clone()),
            Step::UpdateActivity { .. } => (ctx.t("actionplan-changed-activity"), String::new()),
        })
        .collect();
    if !steps.is_empty() {
        let json = serde_json::to_string(&to_draft(&parsed.plan)).map_err(|e| AppError::Internal(e.into()))?;
        let draft = store::save_draft(&state.db, m.id, user.id, &json, state.now()).await?;
        page.confirm_action = Some(paths::import_confirm(&m.slug, draft));
    }
    html(&page)
}

async fn import_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(draft): Id<DraftId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let json = store::take_draft(&state.db, m.id, user.id, draft)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let d: Vec<DraftArea> = serde_json::from_str(&json).map_err(|e| AppError::Internal(e.into()))?;
    let c = store::import(&state.db, m.id, &from_draft(d), Some(user), state.now()).await?;
    Ok(Redirect::to(&format!(
        "{}?mal={}&aktiviteter={}&andrade={}",
        paths::import(&m.slug),
        c.goals,
        c.activities,
        c.changed
    ))
    .into_response())
}

// --- Export: CSV, XLSX, the printable page, JSON ---

fn attachment(mut res: Response, content_type: &'static str, filename: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn export_csv(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Response> {
    let (_, full) = current_full(&state.db, m.id).await?;
    let body = table::to_csv(&to_table(&full), &m.name);
    Ok(attachment(
        body.into_response(),
        "text/csv; charset=utf-8",
        &format!("handlingsplan-{}.csv", m.slug),
    ))
}

async fn export_xlsx(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Response> {
    let (_, full) = current_full(&state.db, m.id).await?;
    let bytes = table::to_xlsx(&to_table(&full), &m.name).map_err(|e| AppError::Internal(e.into()))?;
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
    let (plan, full) = current_full(&state.db, m.id).await?;
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
                            crate::views::activity_name(&ctx.tr, &a.text),
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
        page: ctx.page_in(
            &m,
            plan.as_ref()
                .map(|p| p.title.clone())
                .unwrap_or_else(|| ctx.t("actionplan-title")),
        ),
        css: paths::print_css(&m.slug),
        facts: plan.as_ref().map(|p| plan_facts(&ctx, p)).unwrap_or_default(),
        header: status_col,
        areas,
        printed: ctx
            .tr
            .ta("actionplan-printed", &[("date", &format::datetime(state.now()))]),
        back: paths::plan(&m.slug),
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

/// An activity towards a goal.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = actionplan::Activity)]
struct ApiActivity {
    id: ActivityId,
    text: String,
    time: String,
    time_start: Option<NaiveDate>,
    time_end: Option<NaiveDate>,
    responsible: String,
    responsible_department_id: Option<DepartmentId>,
    responsible_user_id: Option<UserId>,
    responsible_organisation_id: Option<OrganisationId>,
    follow_up: String,
    follow_up_on: Option<NaiveDate>,
    status: Status,
    overdue: bool,
}

/// A goal under a principle, with its activities.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = actionplan::Goal)]
struct ApiGoal {
    id: GoalId,
    /// Whose goal: the municipality's, civil society's, both or unstated.
    owner: &'static str,
    text: String,
    activities: Vec<ApiActivity>,
}

/// A principle of the agreement with its goals and progress.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = actionplan::Principle)]
struct ApiPrinciple {
    number: u32,
    name: String,
    progress: Progress,
    goals: Vec<ApiGoal>,
}

/// The plan's title, period and adoption.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = actionplan::Plan)]
struct ApiPlan {
    title: String,
    /// The first year of the plan's period.
    period_start: Option<i64>,
    /// The last year of the plan's period.
    period_end: Option<i64>,
    adopted_by: String,
    adopted_on: Option<NaiveDate>,
}

/// The action plan in force.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = actionplan::ActionPlan)]
struct ApiDoc {
    municipality: String,
    plan: Option<ApiPlan>,
    principles: Vec<ApiPrinciple>,
}

/// The action plan in force: its principles, goals and activities with their status.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/action-plan",
    tag = "actionplan",
    params(platform::api::Slug),
    responses(
        (status = 200, description = "The action plan", body = ApiDoc),
        platform::api::NotFound
    )
)]
async fn api(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Json<ApiDoc>> {
    let (plan, full) = current_full(&state.db, m.id).await?;
    let today = state.today();
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

#[derive(utoipa::OpenApi)]
#[openapi(paths(api))]
struct Api;

/// The action plan's part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}
