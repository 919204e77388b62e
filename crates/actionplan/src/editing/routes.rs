//! Editing the plan on the web (coordinator):
//!
//! - `GET|POST /{slug}/handlingsplan/nytt-mal`: a new goal in an area
//! - `GET|POST /{slug}/handlingsplan/mal/{id}/redigera`: a goal's owner, text and area
//! - `POST /{slug}/handlingsplan/mal/{id}/flytta`: a goal one step up or down
//! - `GET|POST /{slug}/handlingsplan/mal/{id}/ta-bort`: remove a goal and its activities
//! - `GET|POST /{slug}/handlingsplan/mal/{id}/ny-aktivitet`: a new activity of a goal
//! - `POST /{slug}/handlingsplan/aktivitet/{id}/flytta`: an activity one step up or down
//! - `GET|POST /{slug}/handlingsplan/aktivitet/{id}/ta-bort`: remove an activity
//!
//! Moving an activity to another goal is on its edit page (`activities::routes`).

use crate::activities::domain::{self as activity_rules, ActivityInput};
use crate::activities::store::{self as activities, current_full};
use crate::domain::{self, Problem, Problems};
use crate::editing::domain::{validate_goal, Direction, GoalInput};
use crate::editing::store::{self, EditError};
use crate::ids::{ActivityId, GoalId};
use crate::paths;
use crate::views::{activity_name, form_page, mark};
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/handlingsplan/nytt-mal", get(new_goal_page).post(new_goal_save))
        .route(
            "/{slug}/handlingsplan/mal/{id}/redigera",
            get(edit_goal_page).post(edit_goal_save),
        )
        .route("/{slug}/handlingsplan/mal/{id}/flytta", post(move_goal))
        .route(
            "/{slug}/handlingsplan/mal/{id}/ta-bort",
            get(remove_goal_page).post(remove_goal),
        )
        .route(
            "/{slug}/handlingsplan/mal/{id}/ny-aktivitet",
            get(new_activity_page).post(new_activity_save),
        )
        .route("/{slug}/handlingsplan/aktivitet/{id}/flytta", post(move_activity))
        .route(
            "/{slug}/handlingsplan/aktivitet/{id}/ta-bort",
            get(remove_activity_page).post(remove_activity),
        )
}

/// The "move up" and "move down" buttons of a goal or activity: (action, direction, label).
pub fn moves(ctx: &Ctx, action: String) -> Vec<(String, String, String)> {
    vec![
        (action.clone(), "upp".into(), ctx.t("actionplan-move-up")),
        (action, "ned".into(), ctx.t("actionplan-move-down")),
    ]
}

// --- Goals ---

#[derive(Deserialize, Default)]
#[serde(default)]
struct GoalForm {
    area: String,
    owner: String,
    text: String,
}

async fn goal_form(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    action: String,
    submit: &str,
    values: &GoalForm,
) -> AppResult<Form> {
    let (_, full) = current_full(&state.db, m.id).await?;
    let areas = full
        .areas
        .iter()
        .map(|a| (a.id.to_string(), format!("{} {}", a.number, a.name)))
        .collect();
    let owners = domain::OWNERS
        .iter()
        .map(|o| (domain::owner_str(*o).to_string(), ctx.t(domain::owner_message_id(*o))))
        .collect();
    Ok(Form::new(
        action,
        ctx.t(submit),
        vec![
            Field::new("area", ctx.t("actionplan-col-area"), FieldKind::Select)
                .required()
                .options(areas)
                .value(values.area.clone()),
            Field::new("owner", ctx.t("actionplan-col-owner"), FieldKind::Select)
                .required()
                .options(owners)
                .value(values.owner.clone()),
            Field::new("text", ctx.t("actionplan-col-goal"), FieldKind::TextArea)
                .required()
                .max_len(domain::TEXT_MAX)
                .value(values.text.clone()),
        ],
    ))
}

/// The goal form again with its problems; `at` is (the form's action, the page title, the way back).
async fn goal_problem_page(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    at: (String, &str, String),
    input: &GoalForm,
    problems: &Problems,
) -> AppResult<Response> {
    let (action, title, back) = at;
    let mut form = goal_form(state, ctx, m, action, "actionplan-submit-goal", input).await?;
    mark(&mut form, ctx, problems);
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &form_page(ctx, m, title, form, back))
}

fn goal_input(input: &GoalForm) -> GoalInput<'_> {
    GoalInput {
        area: &input.area,
        owner: &input.owner,
        text: &input.text,
    }
}

fn target_problem(field: &'static str) -> Problems {
    vec![(field, Problem::Choose)]
}

async fn new_goal_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let values = GoalForm {
        owner: "municipality".into(),
        ..GoalForm::default()
    };
    let form = goal_form(
        &state,
        &ctx,
        &m,
        paths::new_goal(&m.slug),
        "actionplan-submit-goal",
        &values,
    )
    .await?;
    html(&form_page(
        &ctx,
        &m,
        "actionplan-new-goal-title",
        form,
        paths::plan(&m.slug),
    ))
}

async fn new_goal_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<GoalForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let problems = match validate_goal(&goal_input(&input)) {
        Ok(edit) => match store::add_goal(&state.db, m.id, &edit, user, state.now()).await {
            Ok(id) => return Ok(Redirect::to(&format!("{}?klart=sparat", paths::goal(&m.slug, id))).into_response()),
            Err(EditError::UnknownTarget(f)) => target_problem(f),
            Err(EditError::NotFound) => return Err(AppError::NotFound("err-not-found")),
            Err(EditError::Db(e)) => return Err(e.into()),
        },
        Err(p) => p,
    };
    goal_problem_page(
        &state,
        &ctx,
        &m,
        (
            paths::new_goal(&m.slug),
            "actionplan-new-goal-title",
            paths::plan(&m.slug),
        ),
        &input,
        &problems,
    )
    .await
}

async fn edit_goal_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let (goal, _, _, _) = activities::goal_by_id(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let values = GoalForm {
        area: goal.area_id.to_string(),
        owner: domain::owner_str(goal.owner).to_string(),
        text: goal.text.clone(),
    };
    let form = goal_form(
        &state,
        &ctx,
        &m,
        paths::goal_edit(&m.slug, id),
        "actionplan-submit-goal",
        &values,
    )
    .await?;
    html(&form_page(
        &ctx,
        &m,
        "actionplan-edit-goal-title",
        form,
        paths::goal(&m.slug, id),
    ))
}

async fn edit_goal_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
    Input(input): Input<GoalForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let problems = match validate_goal(&goal_input(&input)) {
        Ok(edit) => match store::edit_goal(&state.db, m.id, id, &edit, user, state.now()).await {
            Ok(()) => return Ok(Redirect::to(&format!("{}?klart=sparat", paths::goal(&m.slug, id))).into_response()),
            Err(EditError::UnknownTarget(f)) => target_problem(f),
            Err(EditError::NotFound) => return Err(AppError::NotFound("err-not-found")),
            Err(EditError::Db(e)) => return Err(e.into()),
        },
        Err(p) => p,
    };
    goal_problem_page(
        &state,
        &ctx,
        &m,
        (
            paths::goal_edit(&m.slug, id),
            "actionplan-edit-goal-title",
            paths::goal(&m.slug, id),
        ),
        &input,
        &problems,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    riktning: String,
}

async fn move_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
    Input(input): Input<MoveForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let direction = Direction::parse(&input.riktning).ok_or(AppError::BadRequest("err-bad-form"))?;
    match store::move_goal(&state.db, m.id, id, direction, user, state.now()).await {
        Ok(_) => Ok(Redirect::to(&format!("{}?klart=flyttat", paths::goal(&m.slug, id))).into_response()),
        Err(EditError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::NotFound("err-not-found")),
    }
}

async fn remove_goal_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let (goal, _, _, acts) = activities::goal_by_id(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let form = Form::new(
        paths::goal_remove(&m.slug, id),
        ctx.t("actionplan-submit-remove-goal"),
        vec![],
    );
    let mut page = form_page(&ctx, &m, "actionplan-remove-goal-title", form, paths::goal(&m.slug, id));
    page.intro = vec![
        goal.text.clone(),
        ctx.tr.tn("actionplan-remove-goal-intro", "n", acts.len() as i64),
    ];
    html(&page)
}

async fn remove_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match store::remove_goal(&state.db, m.id, id, user, state.now()).await {
        Ok(()) => Ok(Redirect::to(&format!("{}?klart=borttaget", paths::plan(&m.slug))).into_response()),
        Err(EditError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::NotFound("err-not-found")),
    }
}

// --- Activities ---

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewActivityForm {
    text: String,
    time_text: String,
    responsible_text: String,
    follow_up_text: String,
    follow_up_on: String,
}

fn new_activity_form(ctx: &Ctx, m: &Municipality, goal: GoalId) -> Form {
    Form::new(
        paths::goal_new_activity(&m.slug, goal),
        ctx.t("actionplan-submit-new-activity"),
        vec![
            Field::new("text", ctx.t("actionplan-col-activity"), FieldKind::TextArea)
                .required()
                .max_len(domain::TEXT_MAX),
            Field::new("time_text", ctx.t("actionplan-field-time-text"), FieldKind::Text)
                .max_len(domain::CELL_MAX)
                .hint(ctx.t("actionplan-field-time-text-hint")),
            Field::new(
                "responsible_text",
                ctx.t("actionplan-field-responsible-text"),
                FieldKind::Text,
            )
            .max_len(domain::CELL_MAX),
            Field::new(
                "follow_up_text",
                ctx.t("actionplan-field-follow-up-text"),
                FieldKind::Text,
            )
            .max_len(domain::CELL_MAX),
            Field::new("follow_up_on", ctx.t("actionplan-field-follow-up-on"), FieldKind::Date).hint(
                ctx.tr
                    .ta("actionplan-field-follow-up-on-hint", &[("n", &domain::REMIND_DAYS)]),
            ),
        ],
    )
}

async fn goal_exists(state: &AppState, m: &Municipality, id: GoalId) -> AppResult<()> {
    activities::goal_by_id(&state.db, m.id, id)
        .await?
        .map(|_| ())
        .ok_or(AppError::NotFound("err-not-found"))
}

async fn new_activity_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    goal_exists(&state, &m, id).await?;
    html(&form_page(
        &ctx,
        &m,
        "actionplan-new-activity-title",
        new_activity_form(&ctx, &m, id),
        paths::goal(&m.slug, id),
    ))
}

async fn new_activity_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GoalId>,
    Input(input): Input<NewActivityForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    goal_exists(&state, &m, id).await?;
    let checked = activity_rules::validate_activity(&ActivityInput {
        text: &input.text,
        time_text: &input.time_text,
        time_start: "",
        time_end: "",
        responsible_text: &input.responsible_text,
        department: "",
        user: "",
        organisation: "",
        follow_up_text: &input.follow_up_text,
        follow_up_on: &input.follow_up_on,
    });
    match checked {
        Ok(edit) => match store::add_activity(&state.db, m.id, id, &edit, user, state.now()).await {
            Ok(a) => Ok(Redirect::to(&format!("{}?klart=sparad", paths::activity(&m.slug, a))).into_response()),
            Err(EditError::Db(e)) => Err(e.into()),
            Err(_) => Err(AppError::NotFound("err-not-found")),
        },
        Err(problems) => {
            let mut form = new_activity_form(&ctx, &m, id);
            form.fill(|n| {
                Some(match n {
                    "text" => input.text.clone(),
                    "time_text" => input.time_text.clone(),
                    "responsible_text" => input.responsible_text.clone(),
                    "follow_up_text" => input.follow_up_text.clone(),
                    "follow_up_on" => input.follow_up_on.clone(),
                    _ => return None,
                })
            });
            mark(&mut form, &ctx, &problems);
            html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(
                    &ctx,
                    &m,
                    "actionplan-new-activity-title",
                    form,
                    paths::goal(&m.slug, id),
                ),
            )
        }
    }
}

async fn move_activity(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ActivityId>,
    Input(input): Input<MoveForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let direction = Direction::parse(&input.riktning).ok_or(AppError::BadRequest("err-bad-form"))?;
    match store::move_activity(&state.db, m.id, id, direction, user, state.now()).await {
        Ok(_) => Ok(Redirect::to(&format!("{}?klart=flyttad", paths::activity(&m.slug, id))).into_response()),
        Err(EditError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::NotFound("err-not-found")),
    }
}

async fn remove_activity_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ActivityId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let a = activities::activity_by_id(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let form = Form::new(
        paths::activity_remove(&m.slug, id),
        ctx.t("actionplan-submit-remove-activity"),
        vec![],
    );
    let mut page = form_page(
        &ctx,
        &m,
        "actionplan-remove-activity-title",
        form,
        paths::activity(&m.slug, id),
    );
    page.intro = vec![
        activity_name(&ctx.tr, &a.text),
        ctx.t("actionplan-remove-activity-intro"),
    ];
    html(&page)
}

async fn remove_activity(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ActivityId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match store::remove_activity(&state.db, m.id, id, user, state.now()).await {
        Ok(goal) => Ok(Redirect::to(&format!("{}?klart=borttagen", paths::goal(&m.slug, goal))).into_response()),
        Err(EditError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::NotFound("err-not-found")),
    }
}
