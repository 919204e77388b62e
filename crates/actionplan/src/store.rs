//! The action plan's queries for the plan itself: the current plan, its settings, and importing
//! a table into it. Every function takes the municipality (the tenant) and filters by it; every
//! change is written with its audit entry in one transaction (`db::write`). The areas' stores
//! (`activities::store`, `groups::store`) share the row helpers here.

use crate::domain::{self, PlanEdit};
use crate::exchange::domain::{import_steps, Ref, Step, StepCounts, Stored};
use crate::ids::{ActivityId, AreaId, DraftId, GoalId, PlanId};
use crate::table::{TableActivity, TablePlan};
use crate::tables::{Activities, Areas, Drafts, Goals, Plans};
use chrono::NaiveDate;
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{MunicipalityId, UserId};
use sqlx::any::AnyRow;
use sqlx::Row;

pub(crate) fn decode_err(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("actionplan {what}: unexpected value {value:?}").into())
}

/// A date column (stored as ISO text).
pub(crate) fn date(r: &AnyRow, col: &str) -> Result<Option<NaiveDate>, sqlx::Error> {
    let v: Option<String> = r.try_get(col)?;
    v.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| decode_err(col, &s)))
        .transpose()
}

/// A date as it is stored.
pub(crate) fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// A parsed text column (a status, an owner).
pub(crate) fn parsed<T: std::str::FromStr>(r: &AnyRow, col: &str) -> Result<T, sqlx::Error> {
    let s: String = r.try_get(col)?;
    s.parse().map_err(|_| decode_err(col, &s))
}

/// An area's number.
pub(crate) fn number(r: &AnyRow, col: &str) -> Result<u32, sqlx::Error> {
    let n: i64 = r.try_get(col)?;
    u32::try_from(n).map_err(|_| decode_err(col, &n.to_string()))
}

// --- Plans ---

#[derive(Clone, Debug)]
pub struct Plan {
    pub id: PlanId,
    pub title: String,
    pub period_start: Option<i64>,
    pub period_end: Option<i64>,
    pub adopted_by: String,
    pub adopted_on: Option<NaiveDate>,
    pub intro: String,
}

/// The municipality's current plan (the latest made), if it has one.
pub async fn current_plan(db: &Db, municipality_id: MunicipalityId) -> Result<Option<Plan>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, title, period_start, period_end, adopted_by, adopted_on, intro FROM actionplan_plans \
         WHERE municipality_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(municipality_id)
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

async fn current_plan_id(
    conn: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
) -> Result<Option<PlanId>, sqlx::Error> {
    let found: Option<(PlanId,)> =
        sqlx::query_as("SELECT id FROM actionplan_plans WHERE municipality_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(municipality_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.map(|r| r.0))
}

/// In the caller's write transaction: the current plan's id, made (titled "Handlingsplan", with
/// its own audit entry) when the municipality has none.
pub(crate) async fn ensure_plan(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<PlanId, sqlx::Error> {
    if let Some(id) = current_plan_id(tx, municipality_id).await? {
        return Ok(id);
    }
    let id: PlanId = Insert::into(Plans::Table)
        .set(Plans::MunicipalityId, municipality_id)
        .set(Plans::Title, "Handlingsplan")
        .set(Plans::CreatedAt, now)
        .set(Plans::UpdatedAt, now)
        .returning_id(tx)
        .await?;
    let change = Change::new(
        municipality_id,
        actor,
        "actionplan.plan.create",
        "actionplan_plan",
        id,
        "Handlingsplan",
    );
    audit::record(tx, change, now).await?;
    Ok(id)
}

/// Set the plan's title, period and adoption (making the plan when there is none).
pub async fn save_plan(
    db: &Db,
    municipality_id: MunicipalityId,
    edit: &PlanEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<PlanId, sqlx::Error> {
    db::write(db, now, async |tx| {
        let id = ensure_plan(tx, municipality_id, actor, now).await?;
        Update::table(Plans::Table)
            .set(Plans::Title, &edit.title)
            .set(Plans::PeriodStart, edit.period_start)
            .set(Plans::PeriodEnd, edit.period_end)
            .set(Plans::AdoptedBy, &edit.adopted_by)
            .set(Plans::AdoptedOn, iso(edit.adopted_on))
            .set(Plans::Intro, &edit.intro)
            .set(Plans::UpdatedAt, now)
            .filter(Plans::Id, id)
            .filter(Plans::MunicipalityId, municipality_id)
            .run(tx)
            .await?;
        let summary = format!(
            "{} ({}–{}), {} {}",
            edit.title,
            edit.period_start.map(|y| y.to_string()).unwrap_or_default(),
            edit.period_end.map(|y| y.to_string()).unwrap_or_default(),
            edit.adopted_by,
            iso(edit.adopted_on).unwrap_or_default()
        );
        let change = Change::new(
            municipality_id,
            actor,
            "actionplan.plan.update",
            "actionplan_plan",
            id,
            summary,
        );
        Ok((id, change))
    })
    .await
}

// --- Import ---

/// What the municipality's current plan holds, as the import matches it (three queries).
async fn stored(
    conn: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    plan_id: Option<PlanId>,
) -> Result<Stored, sqlx::Error> {
    let Some(plan_id) = plan_id else {
        return Ok(Stored::default());
    };
    let areas: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT id, number, name FROM actionplan_areas WHERE municipality_id = $1 AND plan_id = $2")
            .bind(municipality_id)
            .bind(plan_id)
            .fetch_all(&mut *conn)
            .await?;
    let goals: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT g.id, g.area_id, g.owner, g.text FROM actionplan_goals g JOIN actionplan_areas ar ON ar.id = g.area_id \
         WHERE g.municipality_id = $1 AND ar.plan_id = $2",
    )
    .bind(municipality_id)
    .bind(plan_id)
    .fetch_all(&mut *conn)
    .await?;
    type ActRow = (i64, i64, String, String, String, String);
    let activities: Vec<ActRow> = sqlx::query_as(
        "SELECT a.id, a.goal_id, a.text, a.time_text, a.responsible_text, a.follow_up_text \
         FROM actionplan_activities a JOIN actionplan_goals g ON g.id = a.goal_id \
         JOIN actionplan_areas ar ON ar.id = g.area_id WHERE a.municipality_id = $1 AND ar.plan_id = $2",
    )
    .bind(municipality_id)
    .bind(plan_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Stored {
        areas: areas
            .into_iter()
            .map(|(id, n, name)| (id, u32::try_from(n).unwrap_or(0), name))
            .collect(),
        goals: goals
            .into_iter()
            .filter_map(|(id, a, o, t)| Some((id, a, domain::owner_parse(&o)?, t)))
            .collect(),
        activities: activities
            .into_iter()
            .map(|(id, g, text, time, responsible, follow_up)| {
                let cells = TableActivity {
                    text,
                    time,
                    responsible,
                    follow_up,
                };
                (id, g, cells)
            })
            .collect(),
    })
}

/// The steps an import of `table` would take now (nothing is written).
pub async fn import_preview(
    db: &Db,
    municipality_id: MunicipalityId,
    table: &TablePlan,
) -> Result<Vec<Step>, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    let plan = current_plan_id(&mut conn, municipality_id).await?;
    let s = stored(&mut conn, municipality_id, plan).await?;
    Ok(import_steps(&s, table))
}

/// One step of an import, in the import's transaction; a new area's or goal's id is kept so
/// that later steps can refer to it.
async fn take_step(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    plan_id: PlanId,
    step: &Step,
    new: &mut (Vec<i64>, Vec<i64>),
    now: i64,
) -> Result<(), sqlx::Error> {
    let resolve = |r: Ref, new: &Vec<i64>| -> Result<i64, sqlx::Error> {
        match r {
            Ref::Stored(id) => Ok(id),
            Ref::New(i) => new
                .get(i)
                .copied()
                .ok_or_else(|| decode_err("import step", &i.to_string())),
        }
    };
    match step {
        Step::NewArea { number, name, group } => {
            let id: AreaId = Insert::into(Areas::Table)
                .set(Areas::MunicipalityId, municipality_id)
                .set(Areas::PlanId, plan_id)
                .set(Areas::Number, i64::from(*number))
                .set(Areas::Name, name)
                .set(Areas::GroupName, group)
                .set(Areas::CreatedAt, now)
                .returning_id(tx)
                .await?;
            new.0.push(id.get());
        }
        Step::RenameArea { id, name } => {
            Update::table(Areas::Table)
                .set(Areas::Name, name)
                .filter(Areas::Id, *id)
                .filter(Areas::MunicipalityId, municipality_id)
                .run(tx)
                .await?;
        }
        Step::NewGoal {
            area,
            owner,
            text,
            position,
        } => {
            let id: GoalId = Insert::into(Goals::Table)
                .set(Goals::MunicipalityId, municipality_id)
                .set(Goals::AreaId, resolve(*area, &new.0)?)
                .set(Goals::Owner, owner)
                .set(Goals::Text, text)
                .set(Goals::Position, *position)
                .set(Goals::CreatedAt, now)
                .returning_id(tx)
                .await?;
            new.1.push(id.get());
        }
        Step::NewActivity {
            goal,
            position,
            text,
            time,
            responsible,
            follow_up,
        } => {
            let _: ActivityId = Insert::into(Activities::Table)
                .set(Activities::MunicipalityId, municipality_id)
                .set(Activities::GoalId, resolve(*goal, &new.1)?)
                .set(Activities::Position, *position)
                .set(Activities::Text, text)
                .set(Activities::TimeText, time)
                .set(Activities::ResponsibleText, responsible)
                .set(Activities::FollowUpText, follow_up)
                .set(Activities::CreatedAt, now)
                .set(Activities::UpdatedAt, now)
                .returning_id(tx)
                .await?;
        }
        Step::UpdateActivity {
            id,
            time,
            responsible,
            follow_up,
        } => {
            Update::table(Activities::Table)
                .set(Activities::TimeText, time)
                .set(Activities::ResponsibleText, responsible)
                .set(Activities::FollowUpText, follow_up)
                .set(Activities::UpdatedAt, now)
                .filter(Activities::Id, *id)
                .filter(Activities::MunicipalityId, municipality_id)
                .run(tx)
                .await?;
        }
    }
    Ok(())
}

/// Import a table into the current plan (made when missing), in one transaction with one audit
/// entry; the steps are worked out again inside it, so a plan changed since the preview is
/// never doubled. Returns the counts of what was done.
pub async fn import(
    db: &Db,
    municipality_id: MunicipalityId,
    table: &TablePlan,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<StepCounts, sqlx::Error> {
    let mut tx = db.write().await?;
    let plan_id = ensure_plan(&mut tx, municipality_id, actor, now).await?;
    let s = stored(&mut tx, municipality_id, Some(plan_id)).await?;
    let steps = import_steps(&s, table);
    let mut new = (vec![], vec![]);
    for step in &steps {
        take_step(&mut tx, municipality_id, plan_id, step, &mut new, now).await?;
    }
    let counts = crate::exchange::domain::count_steps(&steps);
    // An import that changes nothing leaves no entry in the audit trail.
    if !steps.is_empty() {
        let summary = format!(
            "{} areas, {} goals, {} activities new; {} changed",
            counts.areas, counts.goals, counts.activities, counts.changed
        );
        let change = Change::new(
            municipality_id,
            actor,
            "actionplan.import",
            "actionplan_plan",
            plan_id,
            summary,
        );
        audit::record(&mut tx, change, now).await?;
    }
    tx.commit().await?;
    Ok(counts)
}

/// Keep a checked import until the coordinator confirms it; returns the draft's id.
pub async fn save_draft(
    db: &Db,
    municipality_id: MunicipalityId,
    user_id: UserId,
    json: &str,
    now: i64,
) -> Result<DraftId, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    Insert::into(Drafts::Table)
        .set(Drafts::MunicipalityId, municipality_id)
        .set(Drafts::UserId, user_id)
        .set(Drafts::PlanJson, json)
        .set(Drafts::CreatedAt, now)
        .returning_id(&mut conn)
        .await
}

/// Take (read and delete) a draft of this municipality and user.
pub async fn take_draft(
    db: &Db,
    municipality_id: MunicipalityId,
    user_id: UserId,
    id: DraftId,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = db.write().await?;
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT plan_json FROM actionplan_import_drafts WHERE id = $1 AND municipality_id = $2 AND user_id = $3",
    )
    .bind(id)
    .bind(municipality_id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    Delete::from(Drafts::Table)
        .filter(Drafts::Id, id)
        .filter(Drafts::MunicipalityId, municipality_id)
        .filter(Drafts::UserId, user_id)
        .run(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(row.map(|r| r.0))
}
