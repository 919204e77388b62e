//! The queries of goals, activities and progress notes: a whole plan in three queries, one
//! goal or activity, the lists (mine, overdue), recording progress and the coordinator's edit.
//! Every function takes the municipality and filters by it.

use crate::activities::domain::{ActivityEdit, Note};
use crate::domain::{Links, Status};
use crate::ids::{ActivityId, AreaId, GoalId, NoteId, PlanId};
use crate::store::{date, decode_err, iso, number, parsed};
use crate::table::{Owner, TableActivity, TableArea, TableGoal, TablePlan};
use crate::tables::{Activities, Notes};
use chrono::NaiveDate;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, Update};
use platform::MunicipalityId;
use sqlx::any::AnyRow;
use sqlx::Row;

#[derive(Clone, Debug)]
pub struct Area {
    pub id: AreaId,
    pub number: u32,
    pub name: String,
    pub group_name: String,
}

#[derive(Clone, Debug)]
pub struct Goal {
    pub id: GoalId,
    pub area_id: AreaId,
    pub owner: Owner,
    pub text: String,
}

/// An activity with the names of what it is linked to, its goal and its area.
#[derive(Clone, Debug)]
pub struct Activity {
    pub id: ActivityId,
    pub goal_id: GoalId,
    pub text: String,
    pub time_text: String,
    pub time_start: Option<NaiveDate>,
    pub time_end: Option<NaiveDate>,
    pub responsible_text: String,
    pub links: Links,
    pub department: Option<String>,
    pub user: Option<String>,
    pub organisation: Option<String>,
    pub follow_up_text: String,
    pub follow_up_on: Option<NaiveDate>,
    pub status: Status,
    pub updated_at: i64,
    pub goal_text: String,
    pub goal_owner: Owner,
    pub area_id: AreaId,
    pub area_number: u32,
    pub area_name: String,
}

const ACTIVITY: &str = "SELECT a.id, a.goal_id, a.text, a.time_text, a.time_start, a.time_end, a.responsible_text, \
     a.responsible_department_id, d.name AS department, a.responsible_user_id, u.name AS user_name, \
     a.responsible_organisation_id, o.name AS organisation, a.follow_up_text, a.follow_up_on, a.status, \
     a.updated_at, g.text AS goal_text, g.owner, ar.id AS area_id, ar.number, ar.name AS area_name \
     FROM actionplan_activities a \
     JOIN actionplan_goals g ON g.id = a.goal_id \
     JOIN actionplan_areas ar ON ar.id = g.area_id \
     LEFT JOIN departments d ON d.id = a.responsible_department_id \
     LEFT JOIN users u ON u.id = a.responsible_user_id \
     LEFT JOIN organisations o ON o.id = a.responsible_organisation_id";

/// The rows of the municipality's current plan (the latest period; earlier ones are read-only
/// and only shown on their period's page). The municipality is `$1`.
pub(crate) const IN_CURRENT_PLAN: &str =
    "ar.plan_id = (SELECT MAX(p.id) FROM actionplan_plans p WHERE p.municipality_id = $1)";

const ACTIVITY_ORDER: &str = " ORDER BY ar.number, g.position, g.id, a.position, a.id";

fn owner(r: &AnyRow, col: &str) -> Result<Owner, sqlx::Error> {
    parsed(r, col)
}

fn activity(r: &AnyRow) -> Result<Activity, sqlx::Error> {
    Ok(Activity {
        id: r.try_get("id")?,
        goal_id: r.try_get("goal_id")?,
        text: r.try_get("text")?,
        time_text: r.try_get("time_text")?,
        time_start: date(r, "time_start")?,
        time_end: date(r, "time_end")?,
        responsible_text: r.try_get("responsible_text")?,
        links: Links {
            department_id: r.try_get("responsible_department_id")?,
            user_id: r.try_get("responsible_user_id")?,
            organisation_id: r.try_get("responsible_organisation_id")?,
        },
        department: r.try_get("department")?,
        user: r.try_get("user_name")?,
        organisation: r.try_get("organisation")?,
        follow_up_text: r.try_get("follow_up_text")?,
        follow_up_on: date(r, "follow_up_on")?,
        status: parsed(r, "status")?,
        updated_at: r.try_get("updated_at")?,
        goal_text: r.try_get("goal_text")?,
        goal_owner: owner(r, "owner")?,
        area_id: r.try_get("area_id")?,
        area_number: number(r, "number")?,
        area_name: r.try_get("area_name")?,
    })
}

/// A whole plan: its areas, goals and activities in the plan's order (three queries).
#[derive(Clone, Debug, Default)]
pub struct Full {
    pub areas: Vec<Area>,
    pub goals: Vec<Goal>,
    pub activities: Vec<Activity>,
}

pub async fn full(db: &Db, municipality_id: MunicipalityId, plan_id: PlanId) -> Result<Full, sqlx::Error> {
    let areas = sqlx::query(
        "SELECT id, number, name, group_name FROM actionplan_areas \
         WHERE municipality_id = $1 AND plan_id = $2 ORDER BY number",
    )
    .bind(municipality_id)
    .bind(plan_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Area {
            id: r.try_get("id")?,
            number: number(r, "number")?,
            name: r.try_get("name")?,
            group_name: r.try_get("group_name")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let goals = sqlx::query(
        "SELECT g.id, g.area_id, g.owner, g.text FROM actionplan_goals g \
         JOIN actionplan_areas ar ON ar.id = g.area_id \
         WHERE g.municipality_id = $1 AND ar.plan_id = $2 ORDER BY ar.number, g.position, g.id",
    )
    .bind(municipality_id)
    .bind(plan_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Goal {
            id: r.try_get("id")?,
            area_id: r.try_get("area_id")?,
            owner: owner(r, "owner")?,
            text: r.try_get("text")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let activities = sqlx::query(&format!(
        "{ACTIVITY} WHERE a.municipality_id = $1 AND ar.plan_id = $2{ACTIVITY_ORDER}"
    ))
    .bind(municipality_id)
    .bind(plan_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(activity)
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Full {
        areas,
        goals,
        activities,
    })
}

/// The plan as the seed-003 table holds it.
pub fn to_table(full: &Full) -> TablePlan {
    TablePlan {
        areas: full
            .areas
            .iter()
            .map(|a| TableArea {
                number: a.number,
                name: a.name.clone(),
                group: (!a.group_name.is_empty()).then(|| a.group_name.clone()),
                goals: full
                    .goals
                    .iter()
                    .filter(|g| g.area_id == a.id)
                    .map(|g| TableGoal {
                        owner: g.owner,
                        text: g.text.clone(),
                        activities: full
                            .activities
                            .iter()
                            .filter(|x| x.goal_id == g.id)
                            .map(|x| TableActivity {
                                text: x.text.clone(),
                                time: x.time_text.clone(),
                                responsible: x.responsible_text.clone(),
                                follow_up: x.follow_up_text.clone(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// One activity of the municipality's current plan.
pub async fn activity_by_id(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ActivityId,
) -> Result<Option<Activity>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "{ACTIVITY} WHERE a.municipality_id = $1 AND a.id = $2 AND {IN_CURRENT_PLAN}"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(activity).transpose()
}

/// One goal of the municipality's current plan with its area (number, name), and its activities.
pub async fn goal_by_id(
    db: &Db,
    municipality_id: MunicipalityId,
    id: GoalId,
) -> Result<Option<(Goal, u32, String, Vec<Activity>)>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT g.id, g.area_id, g.owner, g.text, ar.number, ar.name FROM actionplan_goals g \
         JOIN actionplan_areas ar ON ar.id = g.area_id WHERE g.municipality_id = $1 AND g.id = $2 \
         AND {IN_CURRENT_PLAN}"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let goal = Goal {
        id: r.try_get("id")?,
        area_id: r.try_get("area_id")?,
        owner: owner(&r, "owner")?,
        text: r.try_get("text")?,
    };
    let activities = sqlx::query(&format!(
        "{ACTIVITY} WHERE a.municipality_id = $1 AND a.goal_id = $2{ACTIVITY_ORDER}"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(activity)
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Some((goal, number(&r, "number")?, r.try_get("name")?, activities)))
}

/// The activities a user is responsible for (linked to them, their organisations or their
/// departments), in the current plan's order.
pub async fn mine(db: &Db, municipality_id: MunicipalityId, user: &CurrentUser) -> Result<Vec<Activity>, sqlx::Error> {
    let orgs: Vec<i64> = user
        .roles
        .iter()
        .filter(|r| r.municipality_id == Some(municipality_id))
        .filter_map(|r| r.organisation_id)
        .map(i64::from)
        .collect();
    let deps: Vec<i64> = user
        .roles
        .iter()
        .filter(|r| r.municipality_id == Some(municipality_id))
        .filter_map(|r| r.department_id)
        .map(i64::from)
        .collect();
    let mut sql = format!("{ACTIVITY} WHERE a.municipality_id = $1 AND (a.responsible_user_id = $2");
    let mut n = 3;
    for (col, ids) in [
        ("a.responsible_organisation_id", &orgs),
        ("a.responsible_department_id", &deps),
    ] {
        if !ids.is_empty() {
            let ph: Vec<String> = (0..ids.len()).map(|i| format!("${}", n + i)).collect();
            n += ids.len();
            sql.push_str(&format!(" OR {col} IN ({})", ph.join(", ")));
        }
    }
    sql.push_str(&format!(") AND {IN_CURRENT_PLAN}"));
    sql.push_str(ACTIVITY_ORDER);
    let mut q = sqlx::query(&sql).bind(municipality_id).bind(user.id);
    for id in orgs.iter().chain(deps.iter()) {
        q = q.bind(*id);
    }
    q.fetch_all(&db.pool).await?.iter().map(activity).collect()
}

/// The current plan's activities past their follow-up date and not done, oldest date first.
pub async fn overdue(db: &Db, municipality_id: MunicipalityId, today: NaiveDate) -> Result<Vec<Activity>, sqlx::Error> {
    sqlx::query(&format!(
        "{ACTIVITY} WHERE a.municipality_id = $1 AND a.follow_up_on < $2 AND a.status <> 'done' \
         AND {IN_CURRENT_PLAN} ORDER BY a.follow_up_on, ar.number, a.id"
    ))
    .bind(municipality_id)
    .bind(today.format("%Y-%m-%d").to_string())
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(activity)
    .collect()
}

// --- Progress notes ---

#[derive(Clone, Debug)]
pub struct NoteRow {
    pub id: NoteId,
    pub author_name: String,
    pub noted_on: NaiveDate,
    pub status_after: Status,
    pub text: String,
    pub created_at: i64,
}

/// An activity's notes, newest first.
pub async fn notes(
    db: &Db,
    municipality_id: MunicipalityId,
    activity_id: ActivityId,
) -> Result<Vec<NoteRow>, sqlx::Error> {
    sqlx::query(
        "SELECT id, author_name, noted_on, status_after, text, created_at FROM actionplan_notes \
         WHERE municipality_id = $1 AND activity_id = $2 ORDER BY noted_on DESC, id DESC",
    )
    .bind(municipality_id)
    .bind(activity_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(NoteRow {
            id: r.try_get("id")?,
            author_name: r.try_get("author_name")?,
            noted_on: date(r, "noted_on")?.ok_or_else(|| decode_err("noted_on", ""))?,
            status_after: parsed(r, "status_after")?,
            text: r.try_get("text")?,
            created_at: r.try_get("created_at")?,
        })
    })
    .collect()
}

/// Record progress: the note, and the activity's status set to the note's. Returns false when
/// the municipality has no such activity.
pub async fn record_note(
    db: &Db,
    municipality_id: MunicipalityId,
    activity_id: ActivityId,
    note: &Note,
    author: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let res = db::write(db, now, async |tx| {
        let changed = Update::table(Activities::Table)
            .set(Activities::Status, note.status.as_str())
            .set(Activities::UpdatedAt, now)
            .filter(Activities::Id, activity_id)
            .filter(Activities::MunicipalityId, municipality_id)
            .run(tx)
            .await?;
        if changed != 1 {
            return Err(sqlx::Error::RowNotFound);
        }
        let id: NoteId = Insert::into(Notes::Table)
            .set(Notes::MunicipalityId, municipality_id)
            .set(Notes::ActivityId, activity_id)
            .set(Notes::AuthorUserId, author.id)
            .set(Notes::AuthorName, &author.name)
            .set(Notes::NotedOn, note.noted_on.format("%Y-%m-%d").to_string())
            .set(Notes::StatusAfter, note.status.as_str())
            .set(Notes::Text, &note.text)
            .set(Notes::CreatedAt, now)
            .returning_id(tx)
            .await?;
        let summary = format!("note {id}: {} – {}", note.status.as_str(), note.text);
        let change = Change::new(
            municipality_id,
            Some(author),
            "actionplan.progress.record",
            "actionplan_activity",
            activity_id,
            summary,
        );
        Ok(((), change))
    })
    .await;
    match res {
        Ok(()) => Ok(true),
        Err(sqlx::Error::RowNotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Why an activity edit was refused.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("no such activity")]
    NotFound,
    /// A linked department, person or organisation is not the municipality's.
    #[error("unknown link: {0}")]
    UnknownLink(&'static str),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Whether each link of an activity is the municipality's: the first that is not, by field.
async fn unknown_link(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    links: &Links,
) -> Result<Option<&'static str>, sqlx::Error> {
    let checks: [(&'static str, Option<i64>, &str); 3] = [
        (
            "department",
            links.department_id.map(i64::from),
            "SELECT COUNT(*) FROM departments WHERE id = $1 AND municipality_id = $2",
        ),
        (
            "user",
            links.user_id.map(i64::from),
            "SELECT COUNT(*) FROM roles WHERE user_id = $1 AND municipality_id = $2",
        ),
        (
            "organisation",
            links.organisation_id.map(i64::from),
            "SELECT COUNT(*) FROM organisations WHERE id = $1 AND municipality_id = $2",
        ),
    ];
    for (field, value, sql) in checks {
        if let Some(v) = value {
            let (n,): (i64,) = sqlx::query_as(sql)
                .bind(v)
                .bind(municipality_id)
                .fetch_one(&mut *tx)
                .await?;
            if n == 0 {
                return Ok(Some(field));
            }
        }
    }
    Ok(None)
}

/// The coordinator's edit of an activity: texts, dates and links (each link must be the
/// municipality's). A follow-up date makes sure the reminder run is queued.
pub async fn edit_activity(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ActivityId,
    edit: &ActivityEdit,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), EditError> {
    db::write(db, now, async |tx| {
        if let Some(field) = unknown_link(tx, municipality_id, &edit.links).await? {
            return Err(EditError::UnknownLink(field));
        }
        let changed = Update::table(Activities::Table)
            .set(Activities::Text, &edit.text)
            .set(Activities::TimeText, &edit.time_text)
            .set(Activities::TimeStart, iso(edit.time_start))
            .set(Activities::TimeEnd, iso(edit.time_end))
            .set(Activities::ResponsibleText, &edit.responsible_text)
            .set(Activities::ResponsibleDepartmentId, edit.links.department_id)
            .set(Activities::ResponsibleUserId, edit.links.user_id)
            .set(Activities::ResponsibleOrganisationId, edit.links.organisation_id)
            .set(Activities::FollowUpText, &edit.follow_up_text)
            .set(Activities::FollowUpOn, iso(edit.follow_up_on))
            .set(Activities::UpdatedAt, now)
            .filter(Activities::Id, id)
            .filter(Activities::MunicipalityId, municipality_id)
            .run(tx)
            .await?;
        if changed != 1 {
            return Err(EditError::NotFound);
        }
        if edit.follow_up_on.is_some() {
            crate::reminders::ensure(tx, now, now).await?;
        }
        let summary = format!(
            "{}; follow-up {}",
            edit.text,
            iso(edit.follow_up_on).unwrap_or_default()
        );
        let change = Change::new(
            municipality_id,
            Some(actor),
            "actionplan.activity.update",
            "actionplan_activity",
            id,
            summary,
        );
        Ok(((), change))
    })
    .await
}

/// What an activity can be linked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Departments,
    Organisations,
    Users,
}

/// (id, name) choices for linking: the municipality's departments, organisations or people
/// with a role there, each in Swedish order.
pub async fn choices(
    db: &Db,
    municipality_id: MunicipalityId,
    what: Choice,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let sql = match what {
        Choice::Departments => "SELECT id, name FROM departments WHERE municipality_id = $1",
        Choice::Organisations => "SELECT id, name FROM organisations WHERE municipality_id = $1",
        Choice::Users => {
            "SELECT DISTINCT u.id, u.name FROM users u JOIN roles r ON r.user_id = u.id \
             WHERE r.municipality_id = $1"
        }
    };
    let mut v: Vec<(i64, String)> = sqlx::query_as(sql).bind(municipality_id).fetch_all(&db.pool).await?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    Ok(v)
}

/// The municipality's current plan and all of it (four queries; empty without a plan).
pub async fn current_full(
    db: &Db,
    municipality_id: MunicipalityId,
) -> Result<(Option<crate::store::Plan>, Full), sqlx::Error> {
    let plan = crate::store::current_plan(db, municipality_id).await?;
    let full = match &plan {
        Some(p) => full(db, municipality_id, p.id).await?,
        None => Full::default(),
    };
    Ok((plan, full))
}
