//! The pages of goals and activities:
//!
//! - `GET /{slug}/handlingsplan/mal/{id}`: a goal and its activities (public)
//! - `GET /{slug}/handlingsplan/aktivitet/{id}`: an activity and its history (public);
//!   `POST` records progress (the responsible, staff, the coordinator)
//! - `GET|POST /{slug}/handlingsplan/aktivitet/{id}/redigera`: dates and links (coordinator)
//! - `GET /{slug}/handlingsplan/mina`: my activities; `GET …/forsenade`: overdue (coordinator)

use crate::activities::domain::{self as rules, ActivityInput, NoteInput};
use crate::activities::store::{self, Activity, Choice, EditError};
use crate::domain::{self, Problem, Progress, Status};
use crate::ids::{ActivityId, GoalId};
use crate::paths;
use crate::views::Done;
use crate::views::{chart, form_page, mark, row, Chart, Row};
use chrono::NaiveDate;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/handlingsplan/mal/{id}", get(goal_page))
        .route("/{slug}/handlingsplan/aktivitet/{id}", get(activity_page).post(record))
        .route(
            "/{slug}/handlingsplan/aktivitet/{id}/redigera",
            get(edit_page).post(edit_save),
        )
        .route("/{slug}/handlingsplan/mina", get(mine_page))
        .route("/{slug}/handlingsplan/forsenade", get(overdue_page))
}

// --- A goal ---

#[derive(Template)]
#[template(path = "actionplan_goal.html")]
struct GoalPage {
    page: Page,
    notice: Option<String>,
    /// The coordinator's: (href, text).
    actions: Vec<(String, String)>,
    /// The coordinator's move buttons: (action, direction, label).
    moves: Vec<(String, String, String)>,
    facts: Vec<(String, String)>,
    chart: Chart,
    rows: Vec<Row>,
    back: String,
}

async fn goal_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    let Some((goal, number, area, activities)) = store::goal_by_id(&state.db, m.id, id).await? else {
        let period = crate::periods::store::period_of_goal(&state.db, m.id, id).await?;
        return crate::periods::routes::in_earlier_period(&m, period).await;
    };
    let today = state.today();
    let progress = Progress::of(activities.iter().map(|a| a.status));
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let (actions, moves) = if coordinator {
        (
            vec![
                (
                    paths::goal_new_activity(&m.slug, id),
                    ctx.t("actionplan-action-new-activity"),
                ),
                (paths::goal_edit(&m.slug, id), ctx.t("actionplan-action-edit-goal")),
                (paths::goal_remove(&m.slug, id), ctx.t("actionplan-action-remove-goal")),
            ],
            crate::editing::routes::moves(&ctx, paths::goal_move(&m.slug, id)),
        )
    } else {
        (vec![], vec![])
    };
    let notice = match q.klart.as_str() {
        "sparat" => Some(ctx.t("actionplan-done-goal")),
        "flyttat" => Some(ctx.t("actionplan-done-moved")),
        "borttagen" => Some(ctx.t("actionplan-done-activity-removed")),
        _ => None,
    };
    html(&GoalPage {
        page: ctx.page_in(&m, goal.text.clone()),
        notice,
        actions,
        moves,
        facts: vec![
            (ctx.t("actionplan-col-area"), format!("{number} {area}")),
            (
                ctx.t("actionplan-col-owner"),
                ctx.t(domain::owner_message_id(goal.owner)),
            ),
        ],
        chart: chart(&ctx, &progress),
        rows: activities.iter().map(|a| row(&ctx, &m, a, today)).collect(),
        back: format!("{}#omrade-{number}", paths::plan(&m.slug)),
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
    /// The coordinator's move buttons: (action, direction, label).
    moves: Vec<(String, String, String)>,
    /// What points to the activity from capabilities that may not be asked (an idea of the
    /// idea bank that became it), from `platform::links`.
    backlinks: Vec<platform::links::Backlink>,
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
        paths::activity(&m.slug, a.id),
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

async fn find_activity(state: &AppState, m: &Municipality, id: ActivityId) -> AppResult<Activity> {
    store::activity_by_id(&state.db, m.id, id)
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
    let today = state.today();
    let user = ctx.user.as_ref();
    let form = form.or_else(|| {
        user.filter(|u| domain::may_record(u, m.id, &a.links))
            .map(|_| note_form(ctx, m, a, today))
    });
    let status = form.as_ref().map(Form::status).unwrap_or(StatusCode::OK);
    let mut links = vec![(paths::goal(&m.slug, a.goal_id), ctx.t("actionplan-to-goal"))];
    let coordinator = user.is_some_and(|u| u.is_coordinator(m.id));
    if coordinator {
        links.push((paths::activity_edit(&m.slug, a.id), ctx.t("actionplan-action-edit")));
        links.push((
            paths::activity_remove(&m.slug, a.id),
            ctx.t("actionplan-action-remove-activity"),
        ));
    }
    let moves = if coordinator {
        crate::editing::routes::moves(ctx, paths::activity_move(&m.slug, a.id))
    } else {
        vec![]
    };
    links.push((
        format!("{}#omrade-{}", paths::plan(&m.slug), a.area_number),
        ctx.t("actionplan-back-to-plan"),
    ));
    let r = row(ctx, m, a, today);
    let backlinks = platform::links::to(&state.db, &ctx.tr, m.id, "actionplan-activity", a.id.get()).await?;
    html_status(
        status,
        &ActivityPage {
            page: ctx.page_in(m, crate::views::activity_name(&ctx.tr, &a.text)),
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
            moves,
            backlinks,
            login: user
                .is_none()
                .then(|| paths::login_then(&paths::activity(&m.slug, a.id))),
        },
    )
}

async fn activity_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ActivityId>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    let Some(a) = store::activity_by_id(&state.db, m.id, id).await? else {
        let period = crate::periods::store::period_of_activity(&state.db, m.id, id).await?;
        return crate::periods::routes::in_earlier_period(&m, period).await;
    };
    let notice = match q.klart.as_str() {
        "framsteg" => Some(ctx.t("actionplan-done-progress")),
        "sparad" => Some(ctx.t("actionplan-done-activity")),
        "flyttad" => Some(ctx.t("actionplan-done-moved")),
        _ => None,
    };
    render_activity(&state, &ctx, &m, &a, None, notice).await
}

async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ActivityId>,
    Input(input): Input<NoteForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let a = find_activity(&state, &m, id).await?;
    if !domain::may_record(user, m.id, &a.links) {
        return Err(AppError::Forbidden);
    }
    let today = state.today();
    match rules::validate_note(
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
            Ok(Redirect::to(&format!("{}?klart=framsteg#historik", paths::activity(&m.slug, a.id))).into_response())
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
    /// The goal to move the activity to (empty: where it is).
    #[serde(default)]
    goal: String,
}

async fn edit_form(state: &AppState, ctx: &Ctx, m: &Municipality, a: &Activity) -> AppResult<Form> {
    let options = |list: Vec<(i64, String)>| {
        let mut v = vec![(String::new(), ctx.t("actionplan-choose-none"))];
        v.extend(list.into_iter().map(|(id, n)| (id.to_string(), n)));
        v
    };
    let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let links = a.links;
    let d = |v: Option<NaiveDate>| v.map(|v| v.to_string()).unwrap_or_default();
    let (_, full) = store::current_full(&state.db, m.id).await?;
    let goals = full
        .goals
        .iter()
        .map(|g| {
            let area = full
                .areas
                .iter()
                .find(|x| x.id == g.area_id)
                .map(|x| x.number)
                .unwrap_or_default();
            (
                g.id.to_string(),
                format!("{area}: {} {}", ctx.t(domain::owner_message_id(g.owner)), g.text),
            )
        })
        .collect();
    Ok(Form::new(
        paths::activity_edit(&m.slug, a.id),
        ctx.t("actionplan-submit-activity"),
        vec![
            Field::new("goal", ctx.t("actionplan-col-goal"), FieldKind::Select)
                .required()
                .options(goals)
                .hint(ctx.t("actionplan-field-goal-hint"))
                .value(a.goal_id.to_string()),
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
                .options(options(store::choices(&state.db, m.id, Choice::Departments).await?))
                .value(id(links.department_id.map(i64::from))),
            Field::new("user", ctx.t("actionplan-field-user"), FieldKind::Select)
                .options(options(store::choices(&state.db, m.id, Choice::Users).await?))
                .hint(ctx.t("actionplan-field-user-hint"))
                .value(id(links.user_id.map(i64::from))),
            Field::new(
                "organisation",
                ctx.t("actionplan-field-organisation"),
                FieldKind::Select,
            )
            .options(options(store::choices(&state.db, m.id, Choice::Organisations).await?))
            .value(id(links.organisation_id.map(i64::from))),
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
    Id(id): Id<ActivityId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let a = find_activity(&state, &m, id).await?;
    let form = edit_form(&state, &ctx, &m, &a).await?;
    html(&form_page(
        &ctx,
        &m,
        "actionplan-edit-title",
        form,
        paths::activity(&m.slug, a.id),
    ))
}

async fn edit_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ActivityId>,
    Input(input): Input<EditForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let a = find_activity(&state, &m, id).await?;
    let problems = match rules::validate_activity(&ActivityInput {
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
            Ok(()) => {
                if let Ok(Some(goal)) = domain::chosen_id::<GoalId>(&input.goal) {
                    match crate::editing::store::move_activity_to_goal(&state.db, m.id, a.id, goal, user, state.now())
                        .await
                    {
                        Ok(()) => {}
                        Err(crate::editing::store::EditError::Db(e)) => return Err(e.into()),
                        Err(_) => return Err(AppError::NotFound("err-not-found")),
                    }
                }
                let to = format!("{}?klart=sparad", paths::activity(&m.slug, a.id));
                return Ok(Redirect::to(&to).into_response());
            }
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
            "goal" => input.goal.clone(),
            _ => return None,
        })
    });
    mark(&mut form, &ctx, &problems);
    html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(&ctx, &m, "actionplan-edit-title", form, paths::activity(&m.slug, a.id)),
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
    let today = state.today();
    html(&ListPage {
        page: ctx.page_in(&m, ctx.t("actionplan-mine-title")),
        intro: ctx.t("actionplan-mine-intro"),
        empty: ctx.t("actionplan-mine-none"),
        caption: ctx.t("actionplan-mine-caption"),
        rows: activities.iter().map(|a| row(&ctx, &m, a, today)).collect(),
        back: paths::plan(&m.slug),
    })
}

async fn overdue_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let today = state.today();
    let activities = store::overdue(&state.db, m.id, today).await?;
    html(&ListPage {
        page: ctx.page_in(&m, ctx.t("actionplan-overdue-title")),
        intro: ctx.tr.ta("actionplan-overdue-intro", &[("date", &today)]),
        empty: ctx.t("actionplan-overdue-none"),
        caption: ctx.t("actionplan-overdue-caption"),
        rows: activities.iter().map(|a| row(&ctx, &m, a, today)).collect(),
        back: paths::plan(&m.slug),
    })
}
