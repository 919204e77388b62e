//! The working groups' pages:
//!
//! - `GET|POST /{slug}/handlingsplan/grupper`: the groups; the coordinator makes one
//! - `GET /{slug}/handlingsplan/grupper/{id}`: a group; `POST …/ga-med` joins (with consent),
//!   `POST …/lamna` leaves

use crate::activities::store::{choices, current_full, Choice};
use crate::domain::{self, Problem};
use crate::groups::domain::validate_group;
use crate::groups::store::{self, GroupError};
use crate::ids::{AreaId, GoalId, GroupId};
use crate::paths;
use crate::views::mark;
use crate::views::Done;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/handlingsplan/grupper", get(groups_page).post(group_create))
        .route("/{slug}/handlingsplan/grupper/{id}", get(group_page))
        .route("/{slug}/handlingsplan/grupper/{id}/ga-med", post(group_join))
        .route("/{slug}/handlingsplan/grupper/{id}/lamna", post(group_leave))
}

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
    /// A single goal the group forms around (empty: the area or the whole plan).
    #[serde(default)]
    goal: String,
    #[serde(default)]
    convener: String,
}

async fn group_form(state: &AppState, ctx: &Ctx, m: &Municipality) -> AppResult<Form> {
    let (_, full) = current_full(&state.db, m.id).await?;
    let mut areas = vec![(String::new(), ctx.t("actionplan-whole-plan"))];
    areas.extend(
        full.areas
            .iter()
            .map(|a| (a.id.to_string(), format!("{} {}", a.number, a.name))),
    );
    let mut goals = vec![(String::new(), ctx.t("actionplan-no-single-goal"))];
    goals.extend(full.goals.iter().map(|g| {
        let number = full
            .areas
            .iter()
            .find(|a| a.id == g.area_id)
            .map(|a| a.number)
            .unwrap_or_default();
        (
            g.id.to_string(),
            format!("{number}: {} {}", ctx.t(domain::owner_message_id(g.owner)), g.text),
        )
    }));
    let mut people = vec![(String::new(), ctx.t("actionplan-choose-none"))];
    people.extend(
        choices(&state.db, m.id, Choice::Users)
            .await?
            .into_iter()
            .map(|(id, n)| (id.to_string(), n)),
    );
    Ok(Form::new(
        paths::groups(&m.slug),
        ctx.t("actionplan-submit-group"),
        vec![
            Field::new("name", ctx.t("actionplan-field-group-name"), FieldKind::Text)
                .required()
                .max_len(domain::NAME_MAX),
            Field::new("area", ctx.t("actionplan-col-area"), FieldKind::Select).options(areas),
            Field::new("goal", ctx.t("actionplan-field-group-goal"), FieldKind::Select)
                .options(goals)
                .hint(ctx.t("actionplan-field-group-goal-hint")),
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
    let status = form.as_ref().map(Form::status).unwrap_or(StatusCode::OK);
    html_status(
        status,
        &GroupsPage {
            page: ctx.page_in(m, ctx.t("actionplan-groups-title")),
            notice,
            groups: groups
                .into_iter()
                .map(|g| GroupRow {
                    href: paths::group(&m.slug, g.id),
                    name: g.name,
                    area: match (g.area, g.goal) {
                        (Some(a), Some(goal)) => format!("{a}: {goal}"),
                        (Some(a), None) => a,
                        (None, _) => ctx.t("actionplan-whole-plan"),
                    },
                    convener: g.convener.unwrap_or_default(),
                    members: g.members,
                })
                .collect(),
            form,
            back: paths::plan(&m.slug),
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
    let mut problems = match validate_group(&input.name, &input.description) {
        Ok(_) => vec![],
        Err(p) => p,
    };
    let area: Option<AreaId> = domain::chosen_id(&input.area).unwrap_or_else(|p| {
        problems.push(("area", p));
        None
    });
    let goal: Option<GoalId> = domain::chosen_id(&input.goal).unwrap_or_else(|p| {
        problems.push(("goal", p));
        None
    });
    let convener: Option<UserId> = domain::chosen_id(&input.convener).unwrap_or_else(|p| {
        problems.push(("convener", p));
        None
    });
    if let (Ok((name, description)), true) = (validate_group(&input.name, &input.description), problems.is_empty()) {
        match store::create_group(
            &state.db,
            m.id,
            &store::NewGroup {
                name: &name,
                description: &description,
                area_id: area,
                goal_id: goal,
                convener,
            },
            Some(user),
            state.now(),
        )
        .await
        {
            Ok(id) => return Ok(Redirect::to(&paths::group(&m.slug, id)).into_response()),
            Err(GroupError::NotFound) => problems.push(("convener", Problem::Choose)),
            Err(GroupError::NoGoal) => problems.push(("goal", Problem::Choose)),
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
            "goal" => input.goal.clone(),
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
    /// The group's documents (kept by the meetings).
    documents: String,
    /// The group's own meetings (kept by the meetings).
    meetings: String,
    back: String,
}

#[derive(Deserialize)]
struct JoinForm {
    #[serde(default)]
    consent: Option<String>,
}

fn join_form(ctx: &Ctx, m: &Municipality, id: GroupId) -> Form {
    Form::new(
        paths::group_join(&m.slug, id),
        ctx.t("actionplan-submit-join"),
        vec![Field::new("consent", ctx.t("actionplan-field-consent"), FieldKind::Checkbox).required()],
    )
}

async fn render_group(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: GroupId,
    join: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let g = store::group_by_id(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let members = store::members(&state.db, m.id, g.id).await?;
    let user = ctx.user.as_ref();
    let is_member = user.is_some_and(|u| members.iter().any(|x| x.user_id == u.id));
    let sees = is_member || user.is_some_and(|u| u.is_coordinator(m.id));
    let join = if user.is_some() && !is_member {
        Some(join.unwrap_or_else(|| join_form(ctx, m, g.id)))
    } else {
        None
    };
    let status = join.as_ref().map(Form::status).unwrap_or(StatusCode::OK);
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
    if let Some(goal) = &g.goal {
        facts.insert(1, (ctx.t("actionplan-field-group-goal"), goal.clone()));
    }
    html_status(
        status,
        &GroupPage {
            page: ctx.page_in(m, g.name.clone()),
            notice,
            facts,
            description: g.description.clone(),
            members: sees.then(|| members.iter().map(|x| (x.name.clone(), x.email.clone())).collect()),
            join,
            leave: is_member.then(|| paths::group_leave(&m.slug, g.id)),
            login: user.is_none().then(|| paths::login_then(&paths::group(&m.slug, g.id))),
            documents: paths::group_documents(&m.slug, g.id),
            meetings: paths::group_meetings(&m.slug, g.id),
            back: paths::groups(&m.slug),
        },
    )
}

async fn group_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GroupId>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    let notice = match q.klart.as_str() {
        "med" => Some(ctx.t("actionplan-done-joined")),
        "lamnat" => Some(ctx.t("actionplan-done-left")),
        _ => None,
    };
    render_group(&state, &ctx, &m, id, None, notice).await
}

async fn group_join(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GroupId>,
    Input(input): Input<JoinForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    if input.consent.is_none() {
        let mut form = join_form(&ctx, &m, id);
        mark(&mut form, &ctx, &vec![("consent", Problem::Consent)]);
        return render_group(&state, &ctx, &m, id, Some(form), None).await;
    }
    match store::join(&state.db, m.id, id, user, state.now()).await {
        Ok(()) | Err(GroupError::AlreadyMember) => {
            Ok(Redirect::to(&format!("{}?klart=med", paths::group(&m.slug, id))).into_response())
        }
        Err(GroupError::NotFound | GroupError::NoGoal) => Err(AppError::NotFound("err-not-found")),
        Err(GroupError::Db(e)) => Err(e.into()),
    }
}

async fn group_leave(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<GroupId>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    // A group of another municipality (or none) is not found, as on its page.
    if store::group_by_id(&state.db, m.id, id).await?.is_none() {
        return Err(AppError::NotFound("err-not-found"));
    }
    store::leave(&state.db, m.id, id, user, state.now()).await?;
    Ok(Redirect::to(&format!("{}?klart=lamnat", paths::group(&m.slug, id))).into_response())
}
