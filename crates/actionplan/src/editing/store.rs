//! The writes of editing the plan. Every function takes the municipality and filters by it; a
//! goal or activity is only placed in an area or goal of the municipality's current plan; each
//! change is written with its audit entry in one transaction.

use crate::activities::domain::ActivityEdit;
use crate::domain::owner_str;
use crate::editing::domain::{moved, Direction, GoalEdit};
use crate::ids::{ActivityId, AreaId, GoalId};
use crate::store::iso;
use crate::tables::{Activities, Goals};
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{Db, Delete, Insert, Update};
use platform::MunicipalityId;

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The goal or activity is not the municipality's.
    #[error("not found")]
    NotFound,
    /// The area or goal to place it in is not in the municipality's current plan (by field).
    #[error("unknown target: {0}")]
    UnknownTarget(&'static str),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

const CURRENT_PLAN: &str = "(SELECT MAX(id) FROM actionplan_plans WHERE municipality_id = $2)";

async fn area_is_current(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    area: AreaId,
) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM actionplan_areas WHERE id = $1 AND municipality_id = $2 AND plan_id = {CURRENT_PLAN}"
    ))
    .bind(area)
    .bind(municipality_id)
    .fetch_one(&mut *tx)
    .await?;
    Ok(n == 1)
}

async fn goal_is_current(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    goal: GoalId,
) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM actionplan_goals g JOIN actionplan_areas ar ON ar.id = g.area_id \
         WHERE g.id = $1 AND g.municipality_id = $2 AND ar.plan_id = {CURRENT_PLAN}"
    ))
    .bind(goal)
    .bind(municipality_id)
    .fetch_one(&mut *tx)
    .await?;
    Ok(n == 1)
}

/// The next position at the end of a list (the goals of an area, the activities of a goal).
async fn next_position(
    tx: &mut sqlx::AnyConnection,
    table: &str,
    parent: &str,
    municipality_id: MunicipalityId,
    parent_id: i64,
) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT CAST(COALESCE(MAX(position), -1) + 1 AS BIGINT) FROM {table} WHERE {parent} = $1 AND municipality_id = $2"
    ))
    .bind(parent_id)
    .bind(municipality_id)
    .fetch_one(&mut *tx)
    .await?;
    Ok(n)
}

/// A goal's area and text, if it is in the municipality's current plan (an earlier period is
/// read-only).
async fn goal_row(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    id: GoalId,
) -> Result<Option<(AreaId, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT g.area_id, g.text FROM actionplan_goals g JOIN actionplan_areas ar ON ar.id = g.area_id \
         WHERE g.id = $1 AND g.municipality_id = $2 AND ar.plan_id = {CURRENT_PLAN}"
    ))
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&mut *tx)
    .await
}

/// An activity's goal and text, if it is in the municipality's current plan.
async fn activity_row(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    id: ActivityId,
) -> Result<Option<(GoalId, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT a.goal_id, a.text FROM actionplan_activities a JOIN actionplan_goals g ON g.id = a.goal_id \
         JOIN actionplan_areas ar ON ar.id = g.area_id \
         WHERE a.id = $1 AND a.municipality_id = $2 AND ar.plan_id = {CURRENT_PLAN}"
    ))
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&mut *tx)
    .await
}

/// Add a goal at the end of its area.
pub async fn add_goal(
    db: &Db,
    municipality_id: MunicipalityId,
    edit: &GoalEdit,
    actor: &CurrentUser,
    now: i64,
) -> Result<GoalId, EditError> {
    let mut tx = db.write().await?;
    if !area_is_current(&mut tx, municipality_id, edit.area_id).await? {
        return Err(EditError::UnknownTarget("area"));
    }
    let position = next_position(
        &mut tx,
        "actionplan_goals",
        "area_id",
        municipality_id,
        edit.area_id.get(),
    )
    .await?;
    let id: GoalId = Insert::into(Goals::Table)
        .set(Goals::MunicipalityId, municipality_id)
        .set(Goals::AreaId, edit.area_id)
        .set(Goals::Owner, owner_str(edit.owner))
        .set(Goals::Text, &edit.text)
        .set(Goals::Position, position)
        .set(Goals::CreatedAt, now)
        .returning_id(&mut tx)
        .await?;
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.goal.create",
        "actionplan_goal",
        id,
        edit.text.clone(),
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Change a goal's owner and text; a new area moves it to the end of that area.
pub async fn edit_goal(
    db: &Db,
    municipality_id: MunicipalityId,
    id: GoalId,
    edit: &GoalEdit,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), EditError> {
    let mut tx = db.write().await?;
    let (area, before) = goal_row(&mut tx, municipality_id, id)
        .await?
        .ok_or(EditError::NotFound)?;
    let mut update = Update::table(Goals::Table)
        .set(Goals::Owner, owner_str(edit.owner))
        .set(Goals::Text, &edit.text);
    let mut summary = format!("{before} → {}", edit.text);
    if area != edit.area_id {
        if !area_is_current(&mut tx, municipality_id, edit.area_id).await? {
            return Err(EditError::UnknownTarget("area"));
        }
        let position = next_position(
            &mut tx,
            "actionplan_goals",
            "area_id",
            municipality_id,
            edit.area_id.get(),
        )
        .await?;
        update = update.set(Goals::AreaId, edit.area_id).set(Goals::Position, position);
        summary.push_str(&format!(" (moved from area {area} to area {})", edit.area_id));
    }
    update
        .filter(Goals::Id, id)
        .filter(Goals::MunicipalityId, municipality_id)
        .run(&mut tx)
        .await?;
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.goal.update",
        "actionplan_goal",
        id,
        summary,
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Move a goal one step up or down in its area; `false` when it is already at that end.
pub async fn move_goal(
    db: &Db,
    municipality_id: MunicipalityId,
    id: GoalId,
    direction: Direction,
    actor: &CurrentUser,
    now: i64,
) -> Result<bool, EditError> {
    let mut tx = db.write().await?;
    let (area, text) = goal_row(&mut tx, municipality_id, id)
        .await?
        .ok_or(EditError::NotFound)?;
    let order: Vec<(GoalId,)> = sqlx::query_as(
        "SELECT id FROM actionplan_goals WHERE area_id = $1 AND municipality_id = $2 ORDER BY position, id",
    )
    .bind(area)
    .bind(municipality_id)
    .fetch_all(&mut *tx)
    .await?;
    let order: Vec<GoalId> = order.into_iter().map(|r| r.0).collect();
    let Some(order) = moved(&order, id, direction) else {
        return Ok(false);
    };
    for (position, goal) in order.iter().enumerate() {
        Update::table(Goals::Table)
            .set(Goals::Position, position as i64)
            .filter(Goals::Id, *goal)
            .filter(Goals::MunicipalityId, municipality_id)
            .run(&mut tx)
            .await?;
    }
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.goal.move",
        "actionplan_goal",
        id,
        format!("{text} ({direction:?})"),
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Remove a goal with its activities and their progress notes (a working group formed around
/// it stays, without the goal).
pub async fn remove_goal(
    db: &Db,
    municipality_id: MunicipalityId,
    id: GoalId,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), EditError> {
    let mut tx = db.write().await?;
    let (_, text) = goal_row(&mut tx, municipality_id, id)
        .await?
        .ok_or(EditError::NotFound)?;
    let removed = Delete::from(Activities::Table)
        .filter(Activities::GoalId, id)
        .filter(Activities::MunicipalityId, municipality_id)
        .run(&mut tx)
        .await?;
    Delete::from(Goals::Table)
        .filter(Goals::Id, id)
        .filter(Goals::MunicipalityId, municipality_id)
        .run(&mut tx)
        .await?;
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.goal.delete",
        "actionplan_goal",
        id,
        format!("{text} ({removed} activities)"),
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Add an activity at the end of a goal (its texts and dates; links are set on the edit page).
pub async fn add_activity(
    db: &Db,
    municipality_id: MunicipalityId,
    goal: GoalId,
    edit: &ActivityEdit,
    actor: &CurrentUser,
    now: i64,
) -> Result<ActivityId, EditError> {
    let mut tx = db.write().await?;
    if !goal_is_current(&mut tx, municipality_id, goal).await? {
        return Err(EditError::NotFound);
    }
    let position = next_position(&mut tx, "actionplan_activities", "goal_id", municipality_id, goal.get()).await?;
    let id: ActivityId = Insert::into(Activities::Table)
        .set(Activities::MunicipalityId, municipality_id)
        .set(Activities::GoalId, goal)
        .set(Activities::Position, position)
        .set(Activities::Text, &edit.text)
        .set(Activities::TimeText, &edit.time_text)
        .set(Activities::TimeStart, iso(edit.time_start))
        .set(Activities::TimeEnd, iso(edit.time_end))
        .set(Activities::ResponsibleText, &edit.responsible_text)
        .set(Activities::FollowUpText, &edit.follow_up_text)
        .set(Activities::FollowUpOn, iso(edit.follow_up_on))
        .set(Activities::CreatedAt, now)
        .set(Activities::UpdatedAt, now)
        .returning_id(&mut tx)
        .await?;
    if edit.follow_up_on.is_some() {
        crate::reminders::ensure(&mut tx, now, now).await?;
    }
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.activity.create",
        "actionplan_activity",
        id,
        edit.text.clone(),
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Move an activity one step up or down in its goal; `false` when it is already at that end.
pub async fn move_activity(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ActivityId,
    direction: Direction,
    actor: &CurrentUser,
    now: i64,
) -> Result<bool, EditError> {
    let mut tx = db.write().await?;
    let (goal, text) = activity_row(&mut tx, municipality_id, id)
        .await?
        .ok_or(EditError::NotFound)?;
    let order: Vec<(ActivityId,)> = sqlx::query_as(
        "SELECT id FROM actionplan_activities WHERE goal_id = $1 AND municipality_id = $2 ORDER BY position, id",
    )
    .bind(goal)
    .bind(municipality_id)
    .fetch_all(&mut *tx)
    .await?;
    let order: Vec<ActivityId> = order.into_iter().map(|r| r.0).collect();
    let Some(order) = moved(&order, id, direction) else {
        return Ok(false);
    };
    for (position, activity) in order.iter().enumerate() {
        Update::table(Activities::Table)
            .set(Activities::Position, position as i64)
            .filter(Activities::Id, *activity)
            .filter(Activities::MunicipalityId, municipality_id)
            .run(&mut tx)
            .await?;
    }
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.activity.move",
        "actionplan_activity",
        id,
        format!("{text} ({direction:?})"),
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Move an activity to the end of another goal of the current plan.
pub async fn move_activity_to_goal(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ActivityId,
    goal: GoalId,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), EditError> {
    let mut tx = db.write().await?;
    let (before, text) = activity_row(&mut tx, municipality_id, id)
        .await?
        .ok_or(EditError::NotFound)?;
    if before == goal {
        return Ok(());
    }
    if !goal_is_current(&mut tx, municipality_id, goal).await? {
        return Err(EditError::UnknownTarget("goal"));
    }
    let position = next_position(&mut tx, "actionplan_activities", "goal_id", municipality_id, goal.get()).await?;
    Update::table(Activities::Table)
        .set(Activities::GoalId, goal)
        .set(Activities::Position, position)
        .set(Activities::UpdatedAt, now)
        .filter(Activities::Id, id)
        .filter(Activities::MunicipalityId, municipality_id)
        .run(&mut tx)
        .await?;
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.activity.move",
        "actionplan_activity",
        id,
        format!("{text} (moved from goal {before} to goal {goal})"),
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Remove an activity with its progress notes.
pub async fn remove_activity(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ActivityId,
    actor: &CurrentUser,
    now: i64,
) -> Result<GoalId, EditError> {
    let mut tx = db.write().await?;
    let (goal, text) = activity_row(&mut tx, municipality_id, id)
        .await?
        .ok_or(EditError::NotFound)?;
    Delete::from(Activities::Table)
        .filter(Activities::Id, id)
        .filter(Activities::MunicipalityId, municipality_id)
        .run(&mut tx)
        .await?;
    let change = Change::new(
        municipality_id,
        Some(actor),
        "actionplan.activity.delete",
        "actionplan_activity",
        id,
        text,
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(goal)
}
