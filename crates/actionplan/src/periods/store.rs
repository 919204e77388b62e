//! The queries of plan periods: the municipality's periods, one period's plan, and starting a
//! new period from the current plan (areas, the goals and unfinished activities with their
//! notes copied into it), with its audit entries, in one transaction. Every function takes the
//! municipality and filters by it; an earlier period's rows are never changed.

use crate::domain::{PlanEdit, Status};
use crate::ids::{ActivityId, AreaId, GoalId, PlanId};
use crate::periods::domain::carry_over;
use crate::store::{date, decode_err, iso, Plan};
use crate::tables::Plans;
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert};
use platform::MunicipalityId;
use sqlx::Row;
use std::collections::HashMap;

/// A period as it is listed: its plan's id, title and years.
#[derive(Clone, Debug)]
pub struct Period {
    pub id: PlanId,
    pub title: String,
    pub period_start: Option<i64>,
    pub period_end: Option<i64>,
}

/// The municipality's periods, newest (the current plan) first.
pub async fn periods(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Period>, sqlx::Error> {
    let rows: Vec<(PlanId, String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT id, title, period_start, period_end FROM actionplan_plans WHERE municipality_id = $1 ORDER BY id DESC",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, period_start, period_end)| Period {
            id,
            title,
            period_start,
            period_end,
        })
        .collect())
}

/// One plan (period) of the municipality, if it is one.
pub async fn plan_by_id(db: &Db, municipality_id: MunicipalityId, id: PlanId) -> Result<Option<Plan>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, title, period_start, period_end, adopted_by, adopted_on, intro FROM actionplan_plans \
         WHERE municipality_id = $1 AND id = $2",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(Plan {
            id: r.try_get("id")?,
            title: r.try_get("title")?,
            period_start: r.try_get("period_start")?,
            period_end: r.try_get("period_end")?,
            adopted_by: r.try_get("adopted_by")?,
            adopted_on: date(&r, "adopted_on")?,
            intro: r.try_get("intro")?,
        })
    })
    .transpose()
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The municipality has no plan to start a new period from.
    #[error("no current plan")]
    NoPlan,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// What starting a period did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Started {
    pub plan_id: PlanId,
    pub previous: PlanId,
    /// Activities carried over, and those left in the earlier period (done).
    pub carried: usize,
    pub left: usize,
}

/// Start a new period from the current plan: a new plan with `edit`'s title and years (and the
/// current plan's introduction), every area, the goals and unfinished activities (with their
/// progress notes) copied into it. The earlier period is not changed. Audit: the start, and
/// each activity carried over.
pub async fn start(
    db: &Db,
    municipality_id: MunicipalityId,
    edit: &PlanEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Started, StartError> {
    db::write(db, now, async |tx| {
        let current: Option<(PlanId, String)> = sqlx::query_as(&format!(
            "SELECT id, intro FROM actionplan_plans WHERE municipality_id = $1 ORDER BY id DESC LIMIT 1{}",
            db.for_update()
        ))
        .bind(municipality_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((previous, intro)) = current else {
            return Err(StartError::NoPlan);
        };
        let plan_id: PlanId = Insert::into(Plans::Table)
            .set(Plans::MunicipalityId, municipality_id)
            .set(Plans::Title, &edit.title)
            .set(Plans::PeriodStart, edit.period_start)
            .set(Plans::PeriodEnd, edit.period_end)
            .set(Plans::AdoptedBy, &edit.adopted_by)
            .set(Plans::AdoptedOn, iso(edit.adopted_on))
            .set(Plans::Intro, intro)
            .set(Plans::CreatedAt, now)
            .set(Plans::UpdatedAt, now)
            .returning_id(tx)
            .await?;

        // Every area (the principles stay), mapped old id to new.
        let areas: Vec<(AreaId,)> = sqlx::query_as(
            "SELECT id FROM actionplan_areas WHERE municipality_id = $1 AND plan_id = $2 ORDER BY number",
        )
        .bind(municipality_id)
        .bind(previous)
        .fetch_all(&mut *tx)
        .await?;
        let mut area_map: HashMap<AreaId, AreaId> = HashMap::new();
        for (old,) in areas {
            let (new,): (AreaId,) = sqlx::query_as(
                "INSERT INTO actionplan_areas (municipality_id, plan_id, number, name, group_name, created_at) \
                 SELECT municipality_id, $1, number, name, group_name, $2 FROM actionplan_areas \
                 WHERE id = $3 AND municipality_id = $4 RETURNING id",
            )
            .bind(plan_id)
            .bind(now)
            .bind(old)
            .bind(municipality_id)
            .fetch_one(&mut *tx)
            .await?;
            area_map.insert(old, new);
        }

        // Which goals and activities go along (the rule in `periods::domain`).
        let goals: Vec<(GoalId, AreaId)> = sqlx::query_as(
            "SELECT g.id, g.area_id FROM actionplan_goals g JOIN actionplan_areas ar ON ar.id = g.area_id \
             WHERE g.municipality_id = $1 AND ar.plan_id = $2 ORDER BY ar.number, g.position, g.id",
        )
        .bind(municipality_id)
        .bind(previous)
        .fetch_all(&mut *tx)
        .await?;
        let rows: Vec<(ActivityId, GoalId, String, String)> = sqlx::query_as(
            "SELECT a.id, a.goal_id, a.status, a.text FROM actionplan_activities a \
             JOIN actionplan_goals g ON g.id = a.goal_id JOIN actionplan_areas ar ON ar.id = g.area_id \
             WHERE a.municipality_id = $1 AND ar.plan_id = $2 ORDER BY ar.number, g.position, g.id, a.position, a.id",
        )
        .bind(municipality_id)
        .bind(previous)
        .fetch_all(&mut *tx)
        .await?;
        let mut activities = Vec::with_capacity(rows.len());
        for (id, goal, status, _) in &rows {
            let s = Status::parse(status).ok_or_else(|| decode_err("status", status))?;
            activities.push((*id, *goal, s));
        }
        let carry = carry_over(&goals.iter().map(|g| g.0).collect::<Vec<_>>(), &activities);

        let mut goal_map: HashMap<GoalId, GoalId> = HashMap::new();
        for (old, area) in goals.iter().filter(|(g, _)| carry.goals.contains(g)) {
            let new_area = area_map.get(area).copied().ok_or_else(|| decode_err("area", &area.to_string()))?;
            let (new,): (GoalId,) = sqlx::query_as(
                "INSERT INTO actionplan_goals (municipality_id, area_id, owner, text, position, created_at) \
                 SELECT municipality_id, $1, owner, text, position, $2 FROM actionplan_goals \
                 WHERE id = $3 AND municipality_id = $4 RETURNING id",
            )
            .bind(new_area)
            .bind(now)
            .bind(*old)
            .bind(municipality_id)
            .fetch_one(&mut *tx)
            .await?;
            goal_map.insert(*old, new);
        }

        for (old, goal, _, text) in rows.iter().filter(|r| carry.activities.contains(&r.0)) {
            let new_goal = goal_map.get(goal).copied().ok_or_else(|| decode_err("goal", &goal.to_string()))?;
            let (new,): (ActivityId,) = sqlx::query_as(
                "INSERT INTO actionplan_activities (municipality_id, goal_id, position, text, time_text, time_start, \
                 time_end, responsible_text, responsible_department_id, responsible_user_id, \
                 responsible_organisation_id, follow_up_text, follow_up_on, status, reminded_for, created_at, updated_at) \
                 SELECT municipality_id, $1, position, text, time_text, time_start, time_end, responsible_text, \
                 responsible_department_id, responsible_user_id, responsible_organisation_id, follow_up_text, \
                 follow_up_on, status, reminded_for, $2, $2 FROM actionplan_activities \
                 WHERE id = $3 AND municipality_id = $4 RETURNING id",
            )
            .bind(new_goal)
            .bind(now)
            .bind(*old)
            .bind(municipality_id)
            .fetch_one(&mut *tx)
            .await?;
            // The activity's history goes along with it.
            sqlx::query(
                "INSERT INTO actionplan_notes (municipality_id, activity_id, author_user_id, author_name, noted_on, \
                 status_after, text, created_at) \
                 SELECT municipality_id, $1, author_user_id, author_name, noted_on, status_after, text, created_at \
                 FROM actionplan_notes WHERE activity_id = $2 AND municipality_id = $3 ORDER BY id",
            )
            .bind(new)
            .bind(*old)
            .bind(municipality_id)
            .execute(&mut *tx)
            .await?;
            let change = Change::new(
                municipality_id,
                actor,
                "actionplan.activity.carry",
                "actionplan_activity",
                new,
                format!("{text} (från period {previous}, aktivitet {old})"),
            );
            audit::record(tx, change, now).await?;
        }

        let started = Started {
            plan_id,
            previous,
            carried: carry.activities.len(),
            left: rows.len() - carry.activities.len(),
        };
        let summary = format!(
            "{} ({}–{}) från period {previous}: {} aktiviteter överförda, {} klara kvar",
            edit.title,
            edit.period_start.map(|y| y.to_string()).unwrap_or_default(),
            edit.period_end.map(|y| y.to_string()).unwrap_or_default(),
            started.carried,
            started.left
        );
        let change = Change::new(
            municipality_id,
            actor,
            "actionplan.period.start",
            "actionplan_plan",
            plan_id,
            summary,
        );
        Ok((started, change))
    })
    .await
}

/// The period (plan) an activity of the municipality belongs to, if it is one.
pub async fn period_of_activity(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ActivityId,
) -> Result<Option<PlanId>, sqlx::Error> {
    let row: Option<(PlanId,)> = sqlx::query_as(
        "SELECT ar.plan_id FROM actionplan_activities a JOIN actionplan_goals g ON g.id = a.goal_id \
         JOIN actionplan_areas ar ON ar.id = g.area_id WHERE a.municipality_id = $1 AND a.id = $2",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.0))
}

/// The period (plan) a goal of the municipality belongs to, if it is one.
pub async fn period_of_goal(
    db: &Db,
    municipality_id: MunicipalityId,
    id: GoalId,
) -> Result<Option<PlanId>, sqlx::Error> {
    let row: Option<(PlanId,)> = sqlx::query_as(
        "SELECT ar.plan_id FROM actionplan_goals g JOIN actionplan_areas ar ON ar.id = g.area_id \
         WHERE g.municipality_id = $1 AND g.id = $2",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.0))
}
