//! The programmes' pages and JSON:
//!
//! - `GET /{slug}/bidrag`: the published programmes with their next deadline (public); the
//!   coordinator also sees unpublished ones
//! - `GET /api/v1/{slug}/grants/programmes`: the same as JSON (public)
//! - `GET|POST /{slug}/bidrag/ny`: the coordinator makes a programme of a kind
//! - `GET /{slug}/bidrag/{id}`: a programme: text, criteria, rules, requirements, attachments,
//!   the questions of its application form and periods with deadlines and budgets
//! - `POST /{slug}/bidrag/{id}/perioder`: the coordinator adds a period
//! - `POST /{slug}/bidrag/{id}/publicera`: the coordinator publishes or withdraws it
//! - `GET /{slug}/bidrag/{id}/andra` and the posts under it: the coordinator changes the
//!   programme ([`edit`])

mod edit;
mod forms;
mod words;

use crate::ids::ProgrammeId;
use crate::paths;
use crate::programmes::domain::{self, format_kronor, Kind, PeriodInput, Rules};
use crate::programmes::questions::Question;
use crate::programmes::store::{self, Period, Programme, ProgrammeError, ProgrammeSetup};
use chrono::NaiveDate;
use platform::api::Paging;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/bidrag", get(list))
        .route("/api/v1/{slug}/grants/programmes", get(api_list))
        .route("/{slug}/bidrag/ny", get(new_page).post(create))
        .route("/{slug}/bidrag/{id}", get(show))
        .route("/{slug}/bidrag/{id}/perioder", post(add_period))
        .route("/{slug}/bidrag/{id}/publicera", post(publish))
        .merge(edit::router())
}

fn swedish_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The period whose deadline comes next (or the last one, when all have passed).
fn next_period(periods: &[Period], today: NaiveDate) -> Option<&Period> {
    periods.iter().find(|p| p.dates.deadline >= today).or(periods.last())
}

// --- The list ---

struct Row {
    href: String,
    name: String,
    kind: String,
    deadline: String,
    state: String,
    budget: String,
    published: bool,
}

#[derive(Template)]
#[template(path = "grants_programmes.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
    new_href: Option<String>,
    api: String,
    /// "Mina ansökningar" for the signed in, the handling for the staff.
    mine: Option<String>,
    queues: Option<String>,
    decisions: String,
}

async fn list(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let today = state.today();
    let rows = store::programmes(&state.db, m.id, coordinator)
        .await?
        .into_iter()
        .map(|(p, periods)| {
            let next = next_period(&periods, today);
            Row {
                href: paths::programme(&m.slug, p.id),
                name: p.name,
                kind: ctx.t(p.kind.message_id()),
                deadline: next.map(|n| swedish_date(n.dates.deadline)).unwrap_or_default(),
                state: next
                    .map(|n| ctx.t(n.dates.state(today).message_id()))
                    .unwrap_or_default(),
                budget: next.map(|n| format_kronor(n.budget_ore)).unwrap_or_default(),
                published: p.published,
            }
        })
        .collect();
    html(&ListPage {
        page: ctx.page_in(&m, ctx.t("grants-title")).described(ctx.t("grants-intro")),
        rows,
        new_href: coordinator.then(|| paths::new_programme(&m.slug)),
        api: paths::api(&m.slug),
        mine: ctx.user.is_some().then(|| paths::mine(&m.slug)),
        queues: ctx
            .user
            .as_ref()
            .is_some_and(|u| u.is_staff(m.id))
            .then(|| paths::queues(&m.slug)),
        decisions: paths::decisions(&m.slug),
    })
}

/// An application period of a programme (dates `YYYY-MM-DD`).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = grants::Period)]
struct ApiPeriod {
    id: crate::ids::PeriodId,
    name: String,
    starts_on: String,
    ends_on: String,
    opens_on: String,
    deadline: String,
    /// The period's budget in öre (1/100 krona).
    budget_ore: i64,
}

/// A grant programme with its rules, requirements and periods.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = grants::Programme)]
struct ApiProgramme {
    id: ProgrammeId,
    /// `activity`, `premises`, `start`, `project`, `operating` or `multi-year`.
    kind: &'static str,
    name: String,
    description: String,
    criteria: String,
    /// The programme's rules, by kind (the object's `kind` says which).
    #[schema(value_type = Object)]
    rules: Rules,
    requires: domain::Eligibility,
    attachments: Vec<domain::Attachment>,
    questions: Vec<Question>,
    periods: Vec<ApiPeriod>,
}

/// A municipality's grant programmes, a page at a time.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = grants::ProgrammeList)]
struct ApiList {
    municipality: String,
    programmes: Vec<ApiProgramme>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// A municipality's published grant programmes.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/grants/programmes",
    tag = "grants",
    params(platform::api::Slug, platform::api::Paging),
    responses(
        (status = 200, description = "A page of the programmes", body = ApiList),
        platform::api::BadRequest,
        platform::api::NotFound
    )
)]
async fn api_list(State(state): State<AppState>, Tenant(m): Tenant, paging: Paging) -> AppResult<Response> {
    let (all, next) = paging.cut(store::programmes(&state.db, m.id, false).await?);
    let programmes = all
        .into_iter()
        .map(|(p, periods)| ApiProgramme {
            id: p.id,
            kind: p.kind.code(),
            name: p.name,
            description: p.description,
            criteria: p.criteria,
            rules: p.rules,
            requires: p.eligibility,
            attachments: p.attachments,
            questions: p.questions,
            periods: periods
                .into_iter()
                .map(|x| ApiPeriod {
                    id: x.id,
                    name: x.name,
                    starts_on: swedish_date(x.dates.starts_on),
                    ends_on: swedish_date(x.dates.ends_on),
                    opens_on: swedish_date(x.dates.opens_on),
                    deadline: swedish_date(x.dates.deadline),
                    budget_ore: x.budget_ore,
                })
                .collect(),
        })
        .collect();
    let body = ApiList {
        next: next.clone(),
        municipality: m.slug.clone(),
        programmes,
    };
    Ok(platform::api::page::json(body, next.as_deref()))
}

// --- A new programme ---

#[derive(Deserialize, Serialize, Default)]
struct ProgrammeForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    criteria: String,
}

fn programme_form(ctx: &Ctx, m: &Municipality) -> Form {
    let mut kinds = vec![(String::new(), ctx.t("grants-choose-kind"))];
    kinds.extend(Kind::ALL.iter().map(|k| (k.code().to_string(), ctx.t(k.message_id()))));
    Form::new(
        paths::new_programme(&m.slug),
        ctx.t("grants-submit-programme"),
        vec![
            Field::new("kind", ctx.t("grants-field-kind"), FieldKind::Select)
                .options(kinds)
                .required()
                .hint(ctx.t("grants-field-kind-hint")),
            Field::new("name", ctx.t("grants-field-name"), FieldKind::Text)
                .required()
                .max_len(domain::NAME_MAX),
            Field::new("description", ctx.t("grants-field-description"), FieldKind::TextArea).max_len(domain::TEXT_MAX),
            Field::new("criteria", ctx.t("grants-field-criteria"), FieldKind::TextArea).max_len(domain::TEXT_MAX),
        ],
    )
}

fn form_page(ctx: &Ctx, m: &Municipality, form: Form) -> AppResult<Response> {
    let status = form.status();
    let mut page = FormPage::new(ctx.page_in(m, ctx.t("grants-new-title")));
    page.intro = vec![ctx.t("grants-new-intro")];
    page.form = Some(form);
    page.links = vec![(paths::programmes(&m.slug), ctx.t("grants-back"))];
    html_status(status, &page)
}

async fn new_page(ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    form_page(&ctx, &m, programme_form(&ctx, &m))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<ProgrammeForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = programme_form(&ctx, &m);
    form.fill_from(&input);
    match domain::validate_programme(&input.kind, &input.name, &input.description, &input.criteria) {
        Ok(new) => {
            let setup = ProgrammeSetup::defaults(new.kind);
            match store::create_programme(&state.db, m.id, &new, &setup, Some(user), state.now()).await {
                Ok(id) => return Ok(Redirect::to(&paths::programme(&m.slug, id)).into_response()),
                Err(ProgrammeError::Taken) => form.error("name", ctx.t("grants-err-name-taken")),
                Err(e) => return Err(e.into()),
            }
        }
        Err(problems) => {
            for (field, why) in problems {
                if field == "kind" {
                    form.error(field, ctx.t("grants-err-kind"));
                } else {
                    form.invalid(&ctx.tr, field, why);
                }
            }
        }
    }
    form_page(&ctx, &m, form)
}

// --- One programme ---

/// The links under the periods: apply while a period is open (for everyone; applying asks
/// for a login), and each period's cases for the staff.
fn period_actions(ctx: &Ctx, m: &Municipality, periods: &[Period], today: NaiveDate) -> Vec<(String, String)> {
    let staff = ctx.user.as_ref().is_some_and(|u| u.is_staff(m.id));
    let mut v = Vec::new();
    for x in periods {
        if x.dates.state(today) == domain::PeriodState::Open {
            v.push((
                paths::apply(&m.slug, x.id),
                ctx.tr.ta("grants-apply-in", &[("period", &x.name)]),
            ));
        }
        if staff {
            v.push((
                paths::queue(&m.slug, x.id),
                ctx.tr.ta("grants-cases-in", &[("period", &x.name)]),
            ));
        }
    }
    v
}

struct PeriodRow {
    name: String,
    covers: String,
    opens: String,
    deadline: String,
    state: String,
    budget: String,
    /// The period's activity support for all associations (staff, activity support only).
    support: Option<String>,
}

#[derive(Template)]
#[template(path = "grants_programme.html")]
struct ProgrammePage {
    page: Page,
    /// Per period: applying while it is open, and the staff's queue: (href, text).
    actions: Vec<(String, String)>,
    kind: String,
    published: bool,
    description: Vec<String>,
    criteria: Vec<String>,
    /// The kind's rules in words.
    rules: Vec<String>,
    requirements: Vec<String>,
    attachments: Vec<String>,
    questions: Vec<words::QuestionRow>,
    periods: Vec<PeriodRow>,
    /// The coordinator's forms: a new period, and publish or withdraw; and the edit page.
    period_form: Option<Form>,
    publish: Option<(String, bool)>,
    edit: Option<String>,
    back: String,
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn period_form(ctx: &Ctx, m: &Municipality, id: ProgrammeId) -> Form {
    let date = |name: &str, label: &str| {
        Field::new(name, ctx.t(label), FieldKind::Date)
            .required()
            .hint(ctx.t("grants-date-hint"))
    };
    Form::new(
        paths::periods(&m.slug, id),
        ctx.t("grants-submit-period"),
        vec![
            Field::new("name", ctx.t("grants-field-period-name"), FieldKind::Text)
                .required()
                .max_len(domain::NAME_MAX)
                .hint(ctx.t("grants-field-period-name-hint")),
            date("starts_on", "grants-field-starts-on"),
            date("ends_on", "grants-field-ends-on"),
            date("opens_on", "grants-field-opens-on"),
            date("deadline", "grants-field-deadline"),
            Field::new("budget", ctx.t("grants-field-budget"), FieldKind::Text)
                .required()
                .hint(ctx.t("grants-field-budget-hint")),
        ],
    )
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: ProgrammeId,
    period: Option<Form>,
) -> AppResult<Response> {
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let Some((p, periods)) = store::programme_by_id(&state.db, m.id, id).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    // An unpublished programme is the coordinator's draft: nobody else sees that it exists.
    if !p.published && !coordinator {
        return Err(AppError::NotFound("err-not-found"));
    }
    let today = state.today();
    let staff = ctx.user.as_ref().is_some_and(|u| u.is_staff(m.id));
    let support = staff && matches!(p.rules, Rules::Activity(_));
    let Programme {
        kind,
        name,
        description,
        criteria,
        rules,
        eligibility,
        attachments,
        questions,
        published,
        ..
    } = p;
    let period_form = coordinator.then(|| period.unwrap_or_else(|| period_form(ctx, m, id)));
    let status = period_form.as_ref().map(Form::status).unwrap_or(StatusCode::OK);
    html_status(
        status,
        &ProgrammePage {
            page: ctx
                .page_in(m, name)
                .described(platform::layout::excerpt(&description, 200)),
            kind: ctx.t(kind.message_id()),
            published,
            description: paragraphs(&description),
            criteria: paragraphs(&criteria),
            rules: words::rules_in_words(ctx, &rules),
            requirements: eligibility
                .listed()
                .into_iter()
                .map(|(id, n)| match n {
                    Some(n) => ctx.tr.ta(id, &[("n", &n)]),
                    None => ctx.t(id),
                })
                .collect(),
            attachments: attachments.iter().map(|a| ctx.t(a.message_id())).collect(),
            questions: words::question_rows(ctx, &questions),
            actions: period_actions(ctx, m, &periods, today),
            periods: periods
                .into_iter()
                .map(|x| PeriodRow {
                    name: x.name,
                    covers: format!(
                        "{} – {}",
                        swedish_date(x.dates.starts_on),
                        swedish_date(x.dates.ends_on)
                    ),
                    opens: swedish_date(x.dates.opens_on),
                    deadline: swedish_date(x.dates.deadline),
                    state: ctx.t(x.dates.state(today).message_id()),
                    budget: format_kronor(x.budget_ore),
                    support: support.then(|| paths::activity_period(&m.slug, id, x.id)),
                })
                .collect(),
            period_form,
            publish: coordinator.then(|| (paths::publish(&m.slug, id), !published)),
            edit: coordinator.then(|| paths::edit_programme(&m.slug, id)),
            back: paths::programmes(&m.slug),
        },
    )
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
) -> AppResult<Response> {
    render(&state, &ctx, &m, id, None).await
}

async fn add_period(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<PeriodInput>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = period_form(&ctx, &m, id);
    form.fill_from(&input);
    match domain::validate_period(&input) {
        Ok(new) => match store::add_period(&state.db, m.id, id, &new, Some(user), state.now()).await {
            Ok(_) => return Ok(Redirect::to(&paths::programme(&m.slug, id)).into_response()),
            Err(ProgrammeError::Taken) => form.error("name", ctx.t("grants-err-period-taken")),
            Err(e) => return Err(e.into()),
        },
        Err(problems) => {
            for (field, p) in problems {
                match p {
                    domain::PeriodProblem::Rule(why) => form.invalid(&ctx.tr, field, why),
                    p => form.error(field, ctx.t(p.message_id())),
                }
            }
        }
    }
    render(&state, &ctx, &m, id, Some(form)).await
}

#[derive(Deserialize)]
struct PublishForm {
    #[serde(default)]
    published: String,
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<PublishForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::set_published(&state.db, m.id, id, input.published == "1", Some(user), state.now()).await?;
    Ok(Redirect::to(&paths::programme(&m.slug, id)).into_response())
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(api_list))]
struct Api;

/// The programmes' part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}
