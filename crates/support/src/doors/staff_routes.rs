//! "En dörr in" for the municipality's people: the cases they may see (staff the ones assigned
//! to them or their department, the coordinator all; another municipality's case is a 404, a
//! case of someone else 404 too), those past their last day, one case with its thread, the
//! answer (its letter queued in the same transaction, with a new personal link for the asker),
//! closing, publishing a question and answer, and the coordinator's CSV export (the cases are
//! public records).
//!
//! - `GET /{slug}/en-dorr-in/arenden?forsenade=ja`: the list (overdue only)
//! - `GET /{slug}/en-dorr-in/arenden.csv`: the export (coordinator)
//! - `GET /{slug}/en-dorr-in/arenden/{id}`: one case
//! - `POST /{slug}/en-dorr-in/arenden/{id}/svar`, `/stang`, `/faq`

use super::domain::{self, Status};
use super::mail;
use super::routes::store_error;
use super::store::{self, Case, Message, StoreError};
use crate::ids::CaseId;
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/en-dorr-in/arenden", get(list))
        .route("/{slug}/en-dorr-in/arenden.csv", get(export))
        .route("/{slug}/en-dorr-in/arenden/{id}", get(show))
        .route("/{slug}/en-dorr-in/arenden/{id}/svar", post(answer))
        .route("/{slug}/en-dorr-in/arenden/{id}/stang", post(close))
        .route("/{slug}/en-dorr-in/arenden/{id}/faq", post(faq))
}

/// Whether this person may see the case.
fn sees(u: &CurrentUser, m: MunicipalityId, c: &Case) -> bool {
    let departments: Vec<DepartmentId> = u
        .roles
        .iter()
        .filter(|r| r.municipality_id == Some(m))
        .filter_map(|r| r.department_id)
        .collect();
    domain::may_see(
        u.is_coordinator(m),
        u.id,
        &departments,
        c.assigned_user_id,
        c.department_id,
    )
}

/// A case the person may see, or 404.
async fn visible(state: &AppState, u: &CurrentUser, m: MunicipalityId, id: CaseId) -> AppResult<Case> {
    store::one(&state.db, m, id)
        .await?
        .filter(|c| sees(u, m, c))
        .ok_or(AppError::NotFound("err-not-found"))
}

/// A row of the list.
pub(super) struct Row {
    pub c: Case,
    pub href: String,
    pub status: String,
    pub received: String,
    pub late: bool,
}

#[derive(Template)]
#[template(path = "support_doors_cases.html")]
struct ListView {
    page: Page,
    rows: Vec<Row>,
    overdue_only: bool,
    all_href: String,
    overdue_href: String,
    export: Option<String>,
    topics: Option<String>,
    summary: String,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    forsenade: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let u = require_staff(ctx.user.as_ref(), m.id)?;
    let overdue_only = q.forsenade.as_deref() == Some("ja");
    let today = domain::local_day(state.now());
    let rows: Vec<Row> = store::cases(&state.db, m.id)
        .await?
        .into_iter()
        .filter(|c| sees(u, m.id, c))
        .map(|c| Row {
            href: paths::door_case(&m.slug, c.id),
            status: ctx.t(c.status.message_id()),
            received: platform::format::date(c.created_at),
            late: domain::overdue(c.status, &c.due_on, today),
            c,
        })
        .filter(|r| !overdue_only || r.late)
        .collect();
    let coordinator = u.is_coordinator(m.id);
    let list = paths::door_cases(&m.slug);
    html(&ListView {
        page: ctx.page_in(&m, ctx.t("support-doors-cases-title")),
        summary: ctx.tr.tn("support-doors-cases-count", "n", rows.len() as i64),
        rows,
        overdue_only,
        overdue_href: format!("{list}?forsenade=ja"),
        all_href: list,
        export: coordinator.then(|| paths::door_export(&m.slug)),
        topics: coordinator.then(|| paths::door_topics(&m.slug)),
    })
}

#[derive(Template)]
#[template(path = "support_doors_case.html")]
struct CaseView {
    page: Page,
    c: Case,
    status: String,
    received: String,
    late: bool,
    notice: Option<String>,
    thread: Vec<(Message, String)>,
    answer_action: String,
    close_action: String,
    faq_action: String,
    /// The answer refused, and what was typed.
    refused: Option<String>,
    typed: String,
    /// What the FAQ form starts with: the question and the last answer.
    faq_answer: String,
    /// The coordinator's form to route the case by hand.
    assign: Option<Form>,
}

impl CaseView {
    fn open(&self) -> bool {
        self.c.status != Status::Closed
    }
    fn publishable(&self) -> bool {
        matches!(self.c.status, Status::Answered | Status::Closed)
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    c: Case,
    notice: Option<String>,
    refused: Option<(String, String)>,
) -> AppResult<Response> {
    let thread: Vec<(Message, String)> = store::messages(&state.db, m.id, c.id)
        .await?
        .into_iter()
        .map(|x| {
            let when = platform::format::datetime(x.created_at);
            (x, when)
        })
        .collect();
    let faq_answer = thread
        .iter()
        .rev()
        .find(|(x, _)| !x.from_asker)
        .map(|(x, _)| x.body.clone())
        .unwrap_or_default();
    let code = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (refused, typed) = match refused {
        Some((why, typed)) => (Some(why), typed),
        None => (None, String::new()),
    };
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let assign = if coordinator && c.status != Status::Closed {
        Some(super::assign_routes::form(state, ctx, m, &c).await?)
    } else {
        None
    };
    let view = CaseView {
        assign,
        page: ctx
            .page_in(m, c.number.clone())
            .via(paths::door_cases(&m.slug), ctx.t("support-doors-cases-title")),
        status: ctx.t(c.status.message_id()),
        received: platform::format::datetime(c.created_at),
        late: domain::overdue(c.status, &c.due_on, domain::local_day(state.now())),
        notice,
        thread,
        answer_action: paths::door_answer(&m.slug, c.id),
        close_action: paths::door_close(&m.slug, c.id),
        faq_action: paths::door_faq(&m.slug, c.id),
        refused,
        typed,
        faq_answer,
        c,
    };
    html_status(code, &view)
}

#[derive(Deserialize, Default)]
struct Done {
    klart: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<CaseId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let u = require_staff(ctx.user.as_ref(), m.id)?;
    let c = visible(&state, u, m.id, id).await?;
    let notice = match done.klart.as_deref() {
        Some("svar") => Some(ctx.t("support-doors-done-answered")),
        Some("stangd") => Some(ctx.t("support-doors-done-closed")),
        Some("faq") => Some(ctx.t("support-doors-done-published")),
        Some("tilldelad") => Some(ctx.t("support-doors-done-assigned")),
        _ => None,
    };
    render(&state, &ctx, &m, c, notice, None).await
}

fn back(m: &Municipality, id: CaseId, what: &str) -> Response {
    Redirect::to(&format!("{}?klart={what}", paths::door_case(&m.slug, id))).into_response()
}

#[derive(Deserialize)]
struct Answered {
    body: Option<String>,
}

async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<CaseId>,
    Input(f): Input<Answered>,
) -> AppResult<Response> {
    let u = require_staff(ctx.user.as_ref(), m.id)?;
    let c = visible(&state, u, m.id, id).await?;
    let typed = f.body.unwrap_or_default();
    let body = match domain::check_message(&typed) {
        Ok(b) => b,
        Err(why) => {
            let why = ctx.t(why.message_id());
            return render(&state, &ctx, &m, c, None, Some((why, typed))).await;
        }
    };
    let token = state.random.token(32);
    let link = mail::link(&state, &m, &token);
    let now = state.now();
    platform::db::write(&state.db, now, async |tx| {
        let change = store::answer(tx, m.id, id, u, &body, now).await?;
        // An erased asker has no address: the answer is kept, no letter goes.
        if !c.asker_email.is_empty() {
            store::add_link(tx, m.id, id, &token, now).await?;
            let email = mail::answer(&state, &m, &c.asker_email, &c.number, &body, &link);
            platform::mail::queue(tx, Some(m.id), &email, now).await?;
        }
        Ok::<_, StoreError>(((), change))
    })
    .await
    .map_err(store_error)?;
    state.jobs_wakeup.notify_one();
    Ok(back(&m, id, "svar"))
}

async fn close(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, Id(id): Id<CaseId>) -> AppResult<Response> {
    let u = require_staff(ctx.user.as_ref(), m.id)?;
    visible(&state, u, m.id, id).await?;
    store::close(&state.db, m.id, id, u, state.now())
        .await
        .map_err(store_error)?;
    Ok(back(&m, id, "stangd"))
}

#[derive(Deserialize)]
struct Published {
    question: Option<String>,
    answer: Option<String>,
}

async fn faq(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<CaseId>,
    Input(f): Input<Published>,
) -> AppResult<Response> {
    let u = require_staff(ctx.user.as_ref(), m.id)?;
    visible(&state, u, m.id, id).await?;
    let question = platform::rules::required_text(f.question.as_deref().unwrap_or(""), domain::FAQ_MAX);
    let answer = platform::rules::required_text(f.answer.as_deref().unwrap_or(""), domain::FAQ_MAX);
    let (Ok(question), Ok(answer)) = (question, answer) else {
        return Err(AppError::BadRequest("support-doors-faq-refused"));
    };
    store::publish_faq(&state.db, m.id, id, &question, &answer, u, state.now())
        .await
        .map_err(store_error)?;
    Ok(back(&m, id, "faq"))
}

/// The cases as a CSV file: number, received, topic, organisation, asker, status, department,
/// person, last day, answered, closed, question, rating. The asker's address is left out.
async fn export(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let cases = store::cases(&state.db, m.id).await?;
    let mut rows = vec![[
        "support-doors-csv-number",
        "support-doors-csv-received",
        "support-doors-csv-topic",
        "support-doors-csv-organisation",
        "support-doors-csv-asker",
        "support-doors-csv-status",
        "support-doors-csv-department",
        "support-doors-csv-person",
        "support-doors-csv-due",
        "support-doors-csv-answered",
        "support-doors-csv-closed",
        "support-doors-csv-question",
        "support-doors-csv-rating",
    ]
    .iter()
    .map(|id| ctx.t(id))
    .collect::<Vec<String>>()];
    let when = |t: Option<i64>| t.map(platform::format::datetime).unwrap_or_default();
    for c in cases {
        rows.push(vec![
            c.number.clone(),
            platform::format::datetime(c.created_at),
            c.topic.clone(),
            c.organisation.clone(),
            c.asker_name.clone(),
            ctx.t(c.status.message_id()),
            c.department.clone(),
            c.assigned.clone(),
            c.due_on.clone(),
            when(c.answered_at),
            when(c.closed_at),
            c.question.clone(),
            c.rating.map(|r| r.to_string()).unwrap_or_default(),
        ]);
    }
    let mut res = platform::csv::document(&rows).into_response();
    let headers = res.headers_mut();
    headers.insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        axum::http::header::CONTENT_DISPOSITION,
        axum::http::HeaderValue::from_static("attachment; filename=\"en-dorr-in-arenden.csv\""),
    );
    Ok(res)
}
