//! The coordinator routes a case by hand (a question of a topic without routing, or one that
//! went to the wrong place): to a department or a named person of the municipality, from the
//! case's page. Anyone else gets 403; another municipality's case 404.
//!
//! - `POST /{slug}/en-dorr-in/arenden/{id}/tilldela`: department, person

use super::routes::store_error;
use super::store;
use super::topic_routes::{chosen, routes_to};
use crate::ids::CaseId;
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new().route("/{slug}/en-dorr-in/arenden/{id}/tilldela", post(assign))
}

/// The form on the case's page, with the case's routing chosen.
pub(super) async fn form(state: &AppState, ctx: &Ctx, m: &Municipality, c: &store::Case) -> AppResult<Form> {
    let (departments, people) = routes_to(state, ctx, m).await?;
    Ok(Form::new(
        paths::door_assign(&m.slug, c.id),
        ctx.t("support-doors-assign-submit"),
        vec![
            Field::new(
                "department",
                ctx.t("support-doors-topics-department"),
                FieldKind::Select,
            )
            .options(departments)
            .value(c.department_id.map(|d| d.to_string()).unwrap_or_default()),
            Field::new("person", ctx.t("support-doors-topics-person"), FieldKind::Select)
                .options(people)
                .value(c.assigned_user_id.map(|u| u.to_string()).unwrap_or_default()),
        ],
    ))
}

#[derive(Deserialize)]
struct Assigned {
    department: Option<String>,
    person: Option<String>,
}

async fn assign(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<CaseId>,
    Input(f): Input<Assigned>,
) -> AppResult<Response> {
    let u = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::one(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let offered = routes_to(&state, &ctx, &m).await?;
    let Some((department, person)) = chosen(
        &offered,
        f.department.as_deref().unwrap_or(""),
        f.person.as_deref().unwrap_or(""),
    ) else {
        return Err(AppError::BadRequest("support-doors-topics-unknown"));
    };
    store::assign(&state.db, m.id, id, department, person, u, state.now())
        .await
        .map_err(store_error)?;
    Ok(Redirect::to(&format!("{}?klart=tilldelad", paths::door_case(&m.slug, id))).into_response())
}
