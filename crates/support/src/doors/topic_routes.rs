//! The coordinator's settings of "En dörr in": the topics of the form and where each sends its
//! questions (a department, or a named person with a role in the municipality), and the service
//! level in working days (for the cases received from then on).
//!
//! - `GET POST /{slug}/en-dorr-in/amnen`: the topics; add one
//! - `POST /{slug}/en-dorr-in/amnen/{id}/ta-bort`: remove one (its cases keep its name)
//! - `POST /{slug}/en-dorr-in/amnen/svarstid`: the service level

use super::domain;
use super::routes::store_error;
use super::store::{self, StoreError, Topic};
use crate::ids::TopicId;
use crate::paths;
use platform::tenants::store as tenants;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/en-dorr-in/amnen", get(page).post(add))
        .route("/{slug}/en-dorr-in/amnen/svarstid", post(days))
        .route("/{slug}/en-dorr-in/amnen/{id}/ta-bort", post(remove))
}

#[derive(Template)]
#[template(path = "support_doors_topics.html")]
struct TopicsView {
    page: Page,
    notice: Option<String>,
    topics: Vec<(Topic, String)>,
    form: Form,
    days: i64,
    days_action: String,
    days_error: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
struct Added {
    #[serde(default)]
    name: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    person: String,
}

/// A select's options: (value, label).
type Options = Vec<(String, String)>;

/// What a question can be routed to: the municipality's departments and its people with a
/// staff or coordinator role, each list led by "none".
pub(super) async fn routes_to(state: &AppState, ctx: &Ctx, m: &Municipality) -> AppResult<(Options, Options)> {
    let mut departments = vec![(String::new(), ctx.t("support-doors-topics-none"))];
    departments.extend(
        tenants::departments(&state.db, m.id)
            .await?
            .into_iter()
            .map(|d| (d.id.to_string(), d.name)),
    );
    let mut people = vec![(String::new(), ctx.t("support-doors-topics-none"))];
    let mut seen = vec![];
    for p in tenants::members(&state.db, m.id).await? {
        if matches!(p.role, RoleKind::Staff | RoleKind::Coordinator) && !seen.contains(&p.user_id) {
            seen.push(p.user_id);
            people.push((p.user_id.to_string(), p.name));
        }
    }
    Ok((departments, people))
}

/// The chosen department and person when both are among those offered (or empty).
pub(super) fn chosen(
    offered: &(Options, Options),
    department: &str,
    person: &str,
) -> Option<(Option<DepartmentId>, Option<UserId>)> {
    let (department, person) = (department.trim(), person.trim());
    let ok = |list: &[(String, String)], v: &str| list.iter().any(|(o, _)| o == v);
    (ok(&offered.0, department) && ok(&offered.1, person)).then(|| {
        (
            department.parse::<i64>().ok().map(DepartmentId::new),
            person.parse::<i64>().ok().map(UserId::new),
        )
    })
}

async fn topic_form(state: &AppState, ctx: &Ctx, m: &Municipality, typed: &Added) -> AppResult<Form> {
    let (departments, people) = routes_to(state, ctx, m).await?;
    let mut form = Form::new(
        paths::door_topics(&m.slug),
        ctx.t("support-doors-topics-add"),
        vec![
            Field::new("name", ctx.t("support-doors-topics-name"), FieldKind::Text)
                .required()
                .max_len(domain::LINE_MAX),
            Field::new(
                "department",
                ctx.t("support-doors-topics-department"),
                FieldKind::Select,
            )
            .options(departments)
            .hint(ctx.t("support-doors-topics-route-hint")),
            Field::new("person", ctx.t("support-doors-topics-person"), FieldKind::Select).options(people),
        ],
    );
    form.fill_from(typed);
    Ok(form)
}

async fn view(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Form,
    notice: Option<String>,
    days_error: Option<String>,
) -> AppResult<Response> {
    let topics = store::topics(&state.db, m.id)
        .await?
        .into_iter()
        .map(|t| {
            let remove = paths::door_topic_remove(&m.slug, t.id);
            (t, remove)
        })
        .collect();
    let code = if form.has_errors() || days_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        code,
        &TopicsView {
            page: ctx
                .page_in(m, ctx.t("support-doors-topics-title"))
                .via(paths::door_cases(&m.slug), ctx.t("support-doors-cases-title")),
            notice,
            topics,
            form,
            days: store::answer_days(&state.db, m.id).await?,
            days_action: paths::door_days(&m.slug),
            days_error,
        },
    )
}

#[derive(Deserialize, Default)]
struct Done {
    klart: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let form = topic_form(&state, &ctx, &m, &Added::default()).await?;
    let notice = done.klart.is_some().then(|| ctx.t("support-doors-topics-saved"));
    view(&state, &ctx, &m, form, notice, None).await
}

fn saved(m: &Municipality) -> Response {
    Redirect::to(&format!("{}?klart=ja", paths::door_topics(&m.slug))).into_response()
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(typed): Input<Added>,
) -> AppResult<Response> {
    let u = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = topic_form(&state, &ctx, &m, &typed).await?;
    let name = platform::rules::line(&typed.name, domain::LINE_MAX);
    // The department and the person must be among those offered (the municipality's).
    let offered = routes_to(&state, &ctx, &m).await?;
    match (name, chosen(&offered, &typed.department, &typed.person)) {
        (Ok(name), Some((department, person))) => {
            match store::add_topic(&state.db, m.id, &name, department, person, u, state.now()).await {
                Ok(_) => return Ok(saved(&m)),
                Err(StoreError::Taken) => form.error("name", ctx.t("support-doors-topics-taken")),
                Err(e) => return Err(store_error(e)),
            }
        }
        (Ok(_), None) => form.error("department", ctx.t("support-doors-topics-unknown")),
        (Err(why), _) => form.invalid(&ctx.tr, "name", why),
    }
    view(&state, &ctx, &m, form, None, None).await
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<TopicId>,
) -> AppResult<Response> {
    let u = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::remove_topic(&state.db, m.id, id, u, state.now())
        .await
        .map_err(store_error)?;
    Ok(saved(&m))
}

#[derive(Deserialize)]
struct Days {
    days: Option<String>,
}

async fn days(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<Days>,
) -> AppResult<Response> {
    let u = require_coordinator(ctx.user.as_ref(), m.id)?;
    match domain::check_days(f.days.as_deref().unwrap_or("")) {
        Some(d) => {
            store::set_answer_days(&state.db, m.id, d, u, state.now())
                .await
                .map_err(store_error)?;
            Ok(saved(&m))
        }
        None => {
            let form = topic_form(&state, &ctx, &m, &Added::default()).await?;
            let why = ctx.tr.ta(
                "support-doors-days-refused",
                &[("max", &domain::MAX_ANSWER_DAYS.to_string())],
            );
            view(&state, &ctx, &m, form, None, Some(why)).await
        }
    }
}
