use super::store::{self, Department, GrantOutcome, Member, Municipality, RevokeOutcome};
use super::Tenant;
use crate::accounts::account::fresh_login_redirect;
use crate::audit;
use crate::auth::{require_coordinator, require_staff, RoleKind};
use crate::ctx::{Ctx, Input};
use crate::error::{AppError, AppResult};
use crate::format;
use crate::layout::{html, html_status, Field, FieldKind, Form, Page};
use crate::rules::{self, Email};
use crate::state::AppState;
use crate::web::Routes;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/", get(start))
        .route("/{slug}/", get(home))
        .route("/{slug}", get(home_redirect))
        .route("/{slug}/admin/", get(admin_index))
        .route("/{slug}/admin/avdelningar", get(departments).post(add_department))
        .route("/{slug}/admin/personer", get(people).post(grant_role))
        .route("/{slug}/admin/personer/ta-bort", post(revoke_role))
        .route("/{slug}/admin/logg", get(audit_log))
        .route("/api/v1/municipalities", get(api_list))
        .route("/api/v1/{slug}", get(api_one))
        .merge(super::branding::routes::router())
}

#[derive(Template)]
#[template(path = "start.html")]
struct StartPage {
    page: Page,
    /// Each municipality with its counts from the capabilities (see [`crate::home::Tally`]).
    municipalities: Vec<(Municipality, Vec<String>)>,
}

async fn start(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let all = store::all(&state.db).await?;
    let mut tallies = Vec::new();
    for f in state.tallies.iter() {
        tallies.push(f(&state.db, state.now()).await?);
    }
    tallies.sort_by_key(|t| t.order);
    let municipalities = all
        .into_iter()
        .map(|m| {
            let counts = crate::home::counts_of(&tallies, m.id)
                .into_iter()
                .map(|(id, n)| ctx.tr.tn(id, "n", n))
                .collect();
            (m, counts)
        })
        .collect();
    html(&StartPage {
        page: ctx.page(ctx.t("start-title")),
        municipalities,
    })
}

#[derive(Template)]
#[template(path = "municipality_home.html")]
struct HomePage {
    page: Page,
    m: Municipality,
    welcome: Vec<String>,
    paragraphs: Vec<String>,
    /// What is happening: the capabilities' panels (see [`crate::home`]).
    panels: Vec<crate::home::Panel>,
    /// The year of today in Sweden: a badge of another year shows its year.
    this_year: i32,
}

impl HomePage {
    /// The date badge of a panel's item.
    fn badge(&self, d: &chrono::NaiveDate) -> crate::home::Badge {
        crate::home::badge(*d, self.page.tr.lang, self.this_year)
    }
}

async fn home(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    // Every capability's panels, in their order (equal orders keep the capabilities' order).
    let mut panels = Vec::new();
    for f in state.home.iter() {
        panels.extend(f(&state.db, &ctx.tr, m.id, &m.slug, state.now()).await?);
    }
    panels.sort_by_key(|p| p.order);
    let paragraphs: Vec<String> = m
        .intro
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let welcome = super::branding::domain::paragraphs(&m.welcome);
    // What a search engine and a shared link show: the welcome text, else the intro.
    let about = welcome
        .first()
        .or_else(|| paragraphs.first())
        .map(|p| crate::layout::excerpt(p, 160));
    let mut page = ctx.page_in(&m, m.name.clone());
    if let Some(text) = about {
        page = page.described(text);
    }
    html(&HomePage {
        page,
        welcome,
        paragraphs,
        panels,
        this_year: chrono::Datelike::year(&state.today()),
        m,
    })
}

async fn home_redirect(Tenant(m): Tenant) -> Redirect {
    Redirect::permanent(&format!("/{}/", m.slug))
}

#[derive(Template)]
#[template(path = "admin_index.html")]
struct AdminIndex {
    page: Page,
    m: Municipality,
    coordinator: bool,
}

async fn admin_index(ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let coordinator = user.is_coordinator(m.id);
    html(&AdminIndex {
        page: ctx.page_in(&m, ctx.t("admin-title")),
        m,
        coordinator,
    })
}

#[derive(Template)]
#[template(path = "admin_departments.html")]
struct DepartmentsPage {
    page: Page,
    departments: Vec<Department>,
    form: Form,
    notice: Option<String>,
}

fn department_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        format!("/{}/admin/avdelningar", m.slug),
        ctx.t("departments-add"),
        vec![Field::new("name", ctx.t("departments-name"), FieldKind::Text)
            .required()
            .max_len(120)],
    )
}

async fn departments(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let departments = store::departments(&state.db, m.id).await?;
    html(&DepartmentsPage {
        page: ctx.page_in(&m, ctx.t("departments-title")),
        form: department_form(&ctx, &m),
        departments,
        notice: None,
    })
}

#[derive(Deserialize)]
struct NameForm {
    name: String,
}

async fn add_department(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<NameForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = department_form(&ctx, &m);
    form.fill(|_| Some(input.name.clone()));
    let mut notice = None;
    match rules::line(&input.name, 120) {
        Err(why) => form.invalid(&ctx.tr, "name", why),
        Ok(name) => match store::add_department(&state.db, m.id, &name, Some(user), state.now()).await? {
            None => form.error("name", ctx.t("departments-exists")),
            Some(_) => {
                notice = Some(ctx.ta_name("departments-added", &name));
                form = department_form(&ctx, &m);
            }
        },
    }
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let departments = store::departments(&state.db, m.id).await?;
    html_status(
        status,
        &DepartmentsPage {
            page: ctx.page_in(&m, ctx.t("departments-title")),
            form,
            departments,
            notice,
        },
    )
}

#[derive(Template)]
#[template(path = "admin_people.html")]
struct PeoplePage {
    page: Page,
    members: Vec<Member>,
    revoke_action: String,
    form: Form,
    notice: Option<String>,
    warning: Option<String>,
}

fn people_form(ctx: &Ctx, m: &Municipality, departments: &[Department]) -> Form {
    let mut dept_options = vec![(String::new(), ctx.t("people-no-department"))];
    dept_options.extend(departments.iter().map(|d| (d.id.to_string(), d.name.clone())));
    Form::new(
        format!("/{}/admin/personer", m.slug),
        ctx.t("people-grant"),
        vec![
            Field::new("email", ctx.t("field-email"), FieldKind::Email)
                .required()
                .autocomplete("off")
                .hint(ctx.t("people-email-hint")),
            Field::new("role", ctx.t("people-role"), FieldKind::Select)
                .required()
                .value("staff")
                .options(vec![
                    ("staff".into(), ctx.t("role-staff")),
                    ("coordinator".into(), ctx.t("role-coordinator")),
                ]),
            Field::new("department", ctx.t("people-department"), FieldKind::Select).options(dept_options),
        ],
    )
}

async fn people(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let (members, departments) =
        tokio::try_join!(store::members(&state.db, m.id), store::departments(&state.db, m.id))?;
    html(&PeoplePage {
        page: ctx.page_in(&m, ctx.t("people-title")),
        form: people_form(&ctx, &m, &departments),
        revoke_action: format!("/{}/admin/personer/ta-bort", m.slug),
        members,
        notice: q.contains_key("borttagen").then(|| ctx.t("people-revoked")),
        warning: q.contains_key("sista").then(|| ctx.t("people-last-coordinator")),
    })
}

/// Which role to take away.
#[derive(Deserialize)]
struct RevokeForm {
    role_id: i64,
}

async fn revoke_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<RevokeForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    if !ctx.fresh_login(state.now()) {
        // Taking a role away is as sensitive as granting one: a fresh login first.
        return Ok(fresh_login_redirect(&format!("/{}/admin/personer", m.slug)));
    }
    let query = match store::revoke_role(&state.db, m.id, input.role_id, Some(user), state.now()).await? {
        RevokeOutcome::Revoked(_) => "borttagen",
        RevokeOutcome::LastCoordinator => "sista",
        RevokeOutcome::NotFound => return Err(AppError::NotFound("err-not-found")),
    };
    Ok(Redirect::to(&format!("/{}/admin/personer?{query}=1", m.slug)).into_response())
}

/// A role for an account: whose (e-mail), which, and in which department.
#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(default)]
struct GrantForm {
    email: String,
    role: String,
    department: String,
}

async fn grant_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<GrantForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    if !ctx.fresh_login(state.now()) {
        // Granting a role is sensitive: a fresh login first (issue 14, finding 6).
        return Ok(fresh_login_redirect(&format!("/{}/admin/personer", m.slug)));
    }
    let departments = store::departments(&state.db, m.id).await?;
    let mut form = people_form(&ctx, &m, &departments);
    form.fill_from(&input);
    let role = match input.role.as_str() {
        "staff" => Some(RoleKind::Staff),
        "coordinator" => Some(RoleKind::Coordinator),
        _ => None,
    };
    let department = match input.department.as_str() {
        "" => Ok(None),
        d => d.parse::<crate::ids::DepartmentId>().map(Some),
    };
    let mut notice = None;
    match (Email::parse(&input.email), role, department) {
        (Err(why), _, _) => form.invalid(&ctx.tr, "email", why),
        (_, None, _) => form.error("role", ctx.t("err-choose")),
        (_, _, Err(_)) => form.error("department", ctx.t("err-choose")),
        (Ok(email), Some(role), Ok(dep)) => {
            match store::grant_role(&state.db, m.id, email.as_str(), role, dep, Some(user), state.now()).await? {
                GrantOutcome::Granted => {
                    notice = Some(ctx.ta_name("people-granted", email.as_str()));
                    form = people_form(&ctx, &m, &departments);
                }
                GrantOutcome::NoSuchUser => form.error("email", ctx.t("people-no-account")),
                GrantOutcome::Unverified => form.error("email", ctx.t("people-unverified")),
                GrantOutcome::AlreadyHas => form.error("email", ctx.t("people-already")),
                GrantOutcome::NoSuchDepartment => form.error("department", ctx.t("err-choose")),
            }
        }
    }
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let members = store::members(&state.db, m.id).await?;
    html_status(
        status,
        &PeoplePage {
            page: ctx.page_in(&m, ctx.t("people-title")),
            form,
            revoke_action: format!("/{}/admin/personer/ta-bort", m.slug),
            members,
            notice,
            warning: None,
        },
    )
}

struct AuditRow {
    at: String,
    actor: String,
    action: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    page: Page,
    rows: Vec<AuditRow>,
}

async fn audit_log(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let rows = audit::list(&state.db, m.id, 200)
        .await?
        .into_iter()
        .map(|e| AuditRow {
            at: format::datetime(e.at),
            actor: e.actor_name,
            action: e.action,
            summary: e.summary,
        })
        .collect();
    html(&AuditPage {
        page: ctx.page_in(&m, ctx.t("audit-title")),
        rows,
    })
}

/// Public facts about a municipality.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = platform::Municipality)]
struct ApiMunicipality {
    slug: String,
    name: String,
    url: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    website: String,
    /// Its colour, `#rrggbb`, or '' for none.
    brand_colour: String,
    /// Its welcome text (plain text), or ''.
    welcome: String,
    /// The address of its logo, when it has one.
    logo_url: Option<String>,
}

fn api_municipality(state: &AppState, m: Municipality) -> ApiMunicipality {
    ApiMunicipality {
        url: format!("{}/{}/", state.config.base_url, m.slug),
        logo_url: m.logo_src().map(|src| format!("{}{src}", state.config.base_url)),
        brand_colour: m.brand_colour,
        welcome: m.welcome,
        slug: m.slug,
        name: m.name,
        contact_name: m.contact_name,
        contact_email: m.contact_email,
        contact_phone: m.contact_phone,
        website: m.website,
    }
}

/// Every municipality on the platform.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities",
    tag = "platform",
    responses((status = 200, description = "Every municipality", body = Vec<ApiMunicipality>))
)]
pub(crate) async fn api_list(State(state): State<AppState>) -> AppResult<Response> {
    let list: Vec<ApiMunicipality> = store::all(&state.db)
        .await?
        .into_iter()
        .map(|m| api_municipality(&state, m))
        .collect();
    Ok(Json(list).into_response())
}

/// One municipality's public facts.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}",
    tag = "platform",
    params(crate::api::Slug),
    responses(
        (status = 200, description = "The municipality", body = ApiMunicipality),
        crate::api::NotFound
    )
)]
pub(crate) async fn api_one(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Response> {
    Ok(Json(api_municipality(&state, m)).into_response())
}
