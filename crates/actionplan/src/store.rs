//! The action plan's queries. Every function takes the municipality's id (the tenant) and
//! filters by it; every change is written with its audit entry in one transaction. A page's
//! data comes in a fixed number of queries.

#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use crate::domain::{self, ActivityEdit, Links, Note, PlanEdit, Ref, Status, Step, Stored};
use crate::table::{Owner, TableActivity, TableArea, TableGoal, TablePlan};
use chrono::NaiveDate;
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{is_unique_violation, Db};
use sqlx::any::AnyRow;
use sqlx::Row;

fn decode_err(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("actionplan {what}: unexpected value {value:?}").into())
}

fn date(r: &AnyRow, col: &str) -> Result<Option<NaiveDate>, sqlx::Error> {
    let v: Option<String> = r.try_get(col)?;
    v.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| decode_err(col, &s)))
        .transpose()
}

fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

// --- Plans ---

#[derive(Clone, Debug)]
pub struct Plan {
    pub id: i64,
    pub title: String,
    pub period_start: Option<i64>,
    pub period_end: Option<i64>,
    pub adopted_by: String,
    pub adopted_on: Option<NaiveDate>,
}

/// The municipality's current plan (the latest made), if it has one.
pub async fn current_plan(db: &Db, municipality_id: MunicipalityId) -> Result<Option<Plan>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, title, period_start, period_end, adopted_by, adopted_on FROM actionplan_plans \
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
        })
    })
    .transpose()
}

/// The current plan's id, made (titled "Handlingsplan") when the municipality has none.
async fn ensure_plan(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM actionplan_plans WHERE municipality_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(municipality_id)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((id,)) = found {
        return Ok(id);
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_plans (municipality_id, title, created_at, updated_at) \
         VALUES ($1, 'Handlingsplan', $2, $2) RETURNING id",
    )
    .bind(municipality_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "actionplan.plan.create",
            entity: "actionplan_plan",
            entity_id: Some(id),
            summary: "Handlingsplan".into(),
        },
        now,
    )
    .await?;
    Ok(id)
}

/// Set the plan's title, period and adoption (making the plan when there is none).
pub async fn save_plan(
    db: &Db,
    municipality_id: MunicipalityId,
    edit: &PlanEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.write().await?;
    let id = ensure_plan(&mut tx, municipality_id, actor, now).await?;
    sqlx::query(
        "UPDATE actionplan_plans SET title = $1, period_start = $2, period_end = $3, adopted_by = $4, \
         adopted_on = $5, updated_at = $6 WHERE id = $7 AND municipality_id = $8",
    )
    .bind(&edit.title)
    .bind(edit.period_start)
    .bind(edit.period_end)
    .bind(&edit.adopted_by)
    .bind(iso(edit.adopted_on))
    .bind(now)
    .bind(id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "actionplan.plan.update",
            entity: "actionplan_plan",
            entity_id: Some(id),
            summary: format!(
                "{} ({}–{}), {} {}",
                edit.title,
                edit.period_start.map(|y| y.to_string()).unwrap_or_default(),
                edit.period_end.map(|y| y.to_string()).unwrap_or_default(),
                edit.adopted_by,
                iso(edit.adopted_on).unwrap_or_default()
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

// --- Areas, goals, activities ---

#[derive(Clone, Debug)]
pub struct Area {
    pub id: i64,
    pub number: u32,
    pub name: String,
    pub group_name: String,
}

#[derive(Clone, Debug)]
pub struct Goal {
    pub id: i64,
    pub area_id: i64,
    pub owner: Owner,
    pub text: String,
}

/// An activity with the names of what it is linked to, its goal and its area.
#[derive(Clone, Debug)]
pub struct Activity {
    pub id: i64,
    pub goal_id: i64,
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
    pub area_id: i64,
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

const ACTIVITY_ORDER: &str = " ORDER BY ar.number, g.position, g.id, a.position, a.id";

fn owner(r: &AnyRow, col: &str) -> Result<Owner, sqlx::Error> {
    let s: String = r.try_get(col)?;
    domain::owner_parse(&s).ok_or_else(|| decode_err(col, &s))
}

fn number(r: &AnyRow, col: &str) -> Result<u32, sqlx::Error> {
    let n: i64 = r.try_get(col)?;
    u32::try_from(n).map_err(|_| decode_err(col, &n.to_string()))
}

fn activity(r: &AnyRow) -> Result<Activity, sqlx::Error> {
    let status: String = r.try_get("status")?;
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
        status: Status::parse(&status).ok_or_else(|| decode_err("status", &status))?,
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

pub async fn full(db: &Db, municipality_id: MunicipalityId, plan_id: i64) -> Result<Full, sqlx::Error> {
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

/// One activity of the municipality.
pub async fn activity_by_id(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Activity>, sqlx::Error> {
    let row = sqlx::query(&format!("{ACTIVITY} WHERE a.municipality_id = $1 AND a.id = $2"))
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(activity).transpose()
}

/// One goal of the municipality with its area (number, name), and its activities.
pub async fn goal_by_id(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
) -> Result<Option<(Goal, u32, String, Vec<Activity>)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT g.id, g.area_id, g.owner, g.text, ar.number, ar.name FROM actionplan_goals g \
         JOIN actionplan_areas ar ON ar.id = g.area_id WHERE g.municipality_id = $1 AND g.id = $2",
    )
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
/// departments), in the plan's order.
pub async fn mine(db: &Db, municipality_id: MunicipalityId, user: &CurrentUser) -> Result<Vec<Activity>, sqlx::Error> {
    let orgs: Vec<i64> = user
        .roles
        .iter()
        .filter(|r| r.municipality_id == Some(municipality_id))
        .filter_map(|r| r.organisation_id)
        .collect();
    let deps: Vec<i64> = user
        .roles
        .iter()
        .filter(|r| r.municipality_id == Some(municipality_id))
        .filter_map(|r| r.department_id)
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
    sql.push(')');
    sql.push_str(ACTIVITY_ORDER);
    let mut q = sqlx::query(&sql).bind(municipality_id).bind(user.id);
    for id in orgs.iter().chain(deps.iter()) {
        q = q.bind(*id);
    }
    q.fetch_all(&db.pool).await?.iter().map(activity).collect()
}

/// Activities past their follow-up date and not done, oldest date first.
pub async fn overdue(db: &Db, municipality_id: MunicipalityId, today: NaiveDate) -> Result<Vec<Activity>, sqlx::Error> {
    sqlx::query(&format!(
        "{ACTIVITY} WHERE a.municipality_id = $1 AND a.follow_up_on < $2 AND a.status <> 'done' \
         ORDER BY a.follow_up_on, ar.number, a.id"
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
    pub id: i64,
    pub author_name: String,
    pub noted_on: NaiveDate,
    pub status_after: Status,
    pub text: String,
    pub created_at: i64,
}

/// An activity's notes, newest first.
pub async fn notes(db: &Db, municipality_id: MunicipalityId, activity_id: i64) -> Result<Vec<NoteRow>, sqlx::Error> {
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
        let s: String = r.try_get("status_after")?;
        Ok(NoteRow {
            id: r.try_get("id")?,
            author_name: r.try_get("author_name")?,
            noted_on: date(r, "noted_on")?.ok_or_else(|| decode_err("noted_on", ""))?,
            status_after: Status::parse(&s).ok_or_else(|| decode_err("status_after", &s))?,
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
    activity_id: i64,
    note: &Note,
    author: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let done = sqlx::query(
        "UPDATE actionplan_activities SET status = $1, updated_at = $2 WHERE id = $3 AND municipality_id = $4",
    )
    .bind(note.status.as_str())
    .bind(now)
    .bind(activity_id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_notes (municipality_id, activity_id, author_user_id, author_name, noted_on, \
         status_after, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(municipality_id)
    .bind(activity_id)
    .bind(author.id)
    .bind(&author.name)
    .bind(note.noted_on.format("%Y-%m-%d").to_string())
    .bind(note.status.as_str())
    .bind(&note.text)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(author),
            action: "actionplan.progress.record",
            entity: "actionplan_activity",
            entity_id: Some(activity_id),
            summary: format!("note {id}: {} – {}", note.status.as_str(), note.text),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
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

/// The coordinator's edit of an activity: texts, dates and links (each link must be the
/// municipality's). A follow-up date makes sure the reminder run is queued.
pub async fn edit_activity(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    edit: &ActivityEdit,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), EditError> {
    let mut tx = db.write().await?;
    let checks: [(&'static str, Option<i64>, &str); 3] = [
        (
            "department",
            edit.links.department_id,
            "SELECT COUNT(*) FROM departments WHERE id = $1 AND municipality_id = $2",
        ),
        (
            "user",
            edit.links.user_id,
            "SELECT COUNT(*) FROM roles WHERE user_id = $1 AND municipality_id = $2",
        ),
        (
            "organisation",
            edit.links.organisation_id,
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
                return Err(EditError::UnknownLink(field));
            }
        }
    }
    let done = sqlx::query(
        "UPDATE actionplan_activities SET text = $1, time_text = $2, time_start = $3, time_end = $4, \
         responsible_text = $5, responsible_department_id = $6, responsible_user_id = $7, \
         responsible_organisation_id = $8, follow_up_text = $9, follow_up_on = $10, updated_at = $11 \
         WHERE id = $12 AND municipality_id = $13",
    )
    .bind(&edit.text)
    .bind(&edit.time_text)
    .bind(iso(edit.time_start))
    .bind(iso(edit.time_end))
    .bind(&edit.responsible_text)
    .bind(edit.links.department_id)
    .bind(edit.links.user_id)
    .bind(edit.links.organisation_id)
    .bind(&edit.follow_up_text)
    .bind(iso(edit.follow_up_on))
    .bind(now)
    .bind(id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(EditError::NotFound);
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "actionplan.activity.update",
            entity: "actionplan_activity",
            entity_id: Some(id),
            summary: format!(
                "{}; follow-up {}",
                edit.text,
                iso(edit.follow_up_on).unwrap_or_default()
            ),
        },
        now,
    )
    .await?;
    if edit.follow_up_on.is_some() {
        crate::reminders::ensure(&mut tx, now, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// (id, name) choices for linking: the municipality's departments, organisations and people
/// with a role there, each in Swedish order.
pub async fn choices(db: &Db, municipality_id: MunicipalityId, table: &str) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let sql = match table {
        "departments" => "SELECT id, name FROM departments WHERE municipality_id = $1",
        "organisations" => "SELECT id, name FROM organisations WHERE municipality_id = $1",
        _ => {
            "SELECT DISTINCT u.id, u.name FROM users u JOIN roles r ON r.user_id = u.id \
             WHERE r.municipality_id = $1"
        }
    };
    let mut v: Vec<(i64, String)> = sqlx::query_as(sql).bind(municipality_id).fetch_all(&db.pool).await?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    Ok(v)
}

// --- Working groups ---

#[derive(Clone, Debug)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub area_id: Option<i64>,
    pub area: Option<String>,
    pub convener_user_id: Option<i64>,
    pub convener: Option<String>,
    pub members: i64,
}

const GROUP: &str = "SELECT gr.id, gr.name, gr.description, gr.area_id, ar.number, ar.name AS area_name, \
     gr.convener_user_id, u.name AS convener, \
     (SELECT COUNT(*) FROM actionplan_members m WHERE m.group_id = gr.id) AS members \
     FROM actionplan_groups gr \
     LEFT JOIN actionplan_areas ar ON ar.id = gr.area_id \
     LEFT JOIN users u ON u.id = gr.convener_user_id";

fn group(r: &AnyRow) -> Result<Group, sqlx::Error> {
    let n: Option<i64> = r.try_get("number")?;
    let name: Option<String> = r.try_get("area_name")?;
    Ok(Group {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        area_id: r.try_get("area_id")?,
        area: n.zip(name).map(|(n, name)| format!("{n} {name}")),
        convener_user_id: r.try_get("convener_user_id")?,
        convener: r.try_get("convener")?,
        members: r.try_get("members")?,
    })
}

pub async fn groups(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Group>, sqlx::Error> {
    sqlx::query(&format!(
        "{GROUP} WHERE gr.municipality_id = $1 ORDER BY ar.number, gr.name, gr.id"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(group)
    .collect()
}

pub async fn group_by_id(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Group>, sqlx::Error> {
    let row = sqlx::query(&format!("{GROUP} WHERE gr.municipality_id = $1 AND gr.id = $2"))
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(group).transpose()
}

/// (user id, name, e-mail, consent time) of a group's members, in Swedish order.
pub async fn members(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: i64,
) -> Result<Vec<(i64, String, String, i64)>, sqlx::Error> {
    let mut v: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT u.id, u.name, u.email, m.consent_at FROM actionplan_members m JOIN users u ON u.id = m.user_id \
         WHERE m.municipality_id = $1 AND m.group_id = $2",
    )
    .bind(municipality_id)
    .bind(group_id)
    .fetch_all(&db.pool)
    .await?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    Ok(v)
}

#[derive(Debug, thiserror::Error)]
pub enum GroupError {
    #[error("no such group, area or convener in this municipality")]
    NotFound,
    #[error("already a member")]
    AlreadyMember,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A new working group for an area (or the whole plan), with a convener who has a role in the
/// municipality; the convener is its first member.
/// A new working group: its name and description, the area it works on (none for the whole
/// plan) and its convener.
pub struct NewGroup<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub area_id: Option<i64>,
    pub convener: Option<i64>,
}

pub async fn create_group(
    db: &Db,
    municipality_id: MunicipalityId,
    new: &NewGroup<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, GroupError> {
    let (name, description, area_id, convener) = (new.name, new.description, new.area_id, new.convener);
    let mut tx = db.write().await?;
    let plan_id = ensure_plan(&mut tx, municipality_id, actor, now).await?;
    if let Some(a) = area_id {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM actionplan_areas WHERE id = $1 AND municipality_id = $2")
                .bind(a)
                .bind(municipality_id)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(GroupError::NotFound);
        }
    }
    if let Some(u) = convener {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM roles WHERE user_id = $1 AND municipality_id = $2")
            .bind(u)
            .bind(municipality_id)
            .fetch_one(&mut *tx)
            .await?;
        if n == 0 {
            return Err(GroupError::NotFound);
        }
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_groups (municipality_id, plan_id, area_id, name, description, convener_user_id, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(municipality_id)
    .bind(plan_id)
    .bind(area_id)
    .bind(name)
    .bind(description)
    .bind(convener)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(u) = convener {
        sqlx::query(
            "INSERT INTO actionplan_members (municipality_id, group_id, user_id, consent_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(municipality_id)
        .bind(id)
        .bind(u)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "actionplan.group.create",
            entity: "actionplan_group",
            entity_id: Some(id),
            summary: name.to_string(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Join a group, consenting now to being listed to its members and the coordinator.
pub async fn join(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: i64,
    user: &CurrentUser,
    now: i64,
) -> Result<(), GroupError> {
    let mut tx = db.write().await?;
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM actionplan_groups WHERE id = $1 AND municipality_id = $2")
            .bind(group_id)
            .bind(municipality_id)
            .fetch_optional(&mut *tx)
            .await?;
    if found.is_none() {
        return Err(GroupError::NotFound);
    }
    sqlx::query(
        "INSERT INTO actionplan_members (municipality_id, group_id, user_id, consent_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(municipality_id)
    .bind(group_id)
    .bind(user.id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            GroupError::AlreadyMember
        } else {
            GroupError::Db(e)
        }
    })?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(user),
            action: "actionplan.group.join",
            entity: "actionplan_group",
            entity_id: Some(group_id),
            summary: user.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(|e| {
        if is_unique_violation(&e) {
            GroupError::AlreadyMember
        } else {
            GroupError::Db(e)
        }
    })?;
    Ok(())
}

/// Leave a group (the consent goes with the membership). Returns whether the user was a member.
pub async fn leave(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: i64,
    user: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let done =
        sqlx::query("DELETE FROM actionplan_members WHERE municipality_id = $1 AND group_id = $2 AND user_id = $3")
            .bind(municipality_id)
            .bind(group_id)
            .bind(user.id)
            .execute(&mut *tx)
            .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(user),
            action: "actionplan.group.leave",
            entity: "actionplan_group",
            entity_id: Some(group_id),
            summary: user.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

// --- Import ---

/// What the municipality's current plan holds, as the import matches it (three queries).
async fn stored(
    conn: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    plan_id: Option<i64>,
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
                (
                    id,
                    g,
                    TableActivity {
                        text,
                        time,
                        responsible,
                        follow_up,
                    },
                )
            })
            .collect(),
    })
}

async fn current_plan_id(conn: &mut sqlx::AnyConnection, municipality_id: MunicipalityId) -> Result<Option<i64>, sqlx::Error> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM actionplan_plans WHERE municipality_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(municipality_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.map(|r| r.0))
}

/// The steps an import of `table` would take now (nothing is written).
pub async fn import_preview(db: &Db, municipality_id: MunicipalityId, table: &TablePlan) -> Result<Vec<Step>, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    let plan = current_plan_id(&mut conn, municipality_id).await?;
    let s = stored(&mut conn, municipality_id, plan).await?;
    Ok(domain::import_steps(&s, table))
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
) -> Result<domain::StepCounts, sqlx::Error> {
    let mut tx = db.write().await?;
    let plan_id = ensure_plan(&mut tx, municipality_id, actor, now).await?;
    let s = stored(&mut tx, municipality_id, Some(plan_id)).await?;
    let steps = domain::import_steps(&s, table);
    let (mut new_areas, mut new_goals) = (vec![], vec![]);
    let resolve = |r: Ref, new: &Vec<i64>| -> Result<i64, sqlx::Error> {
        match r {
            Ref::Stored(id) => Ok(id),
            Ref::New(i) => new
                .get(i)
                .copied()
                .ok_or_else(|| decode_err("import step", &i.to_string())),
        }
    };
    for step in &steps {
        match step {
            Step::NewArea { number, name, group } => {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO actionplan_areas (municipality_id, plan_id, number, name, group_name, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(municipality_id)
                .bind(plan_id)
                .bind(i64::from(*number))
                .bind(name)
                .bind(group)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                new_areas.push(id);
            }
            Step::RenameArea { id, name } => {
                sqlx::query("UPDATE actionplan_areas SET name = $1 WHERE id = $2 AND municipality_id = $3")
                    .bind(name)
                    .bind(id)
                    .bind(municipality_id)
                    .execute(&mut *tx)
                    .await?;
            }
            Step::NewGoal {
                area,
                owner,
                text,
                position,
            } => {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO actionplan_goals (municipality_id, area_id, owner, text, position, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(municipality_id)
                .bind(resolve(*area, &new_areas)?)
                .bind(owner)
                .bind(text)
                .bind(position)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                new_goals.push(id);
            }
            Step::NewActivity {
                goal,
                position,
                text,
                time,
                responsible,
                follow_up,
            } => {
                sqlx::query(
                    "INSERT INTO actionplan_activities (municipality_id, goal_id, position, text, time_text, \
                     responsible_text, follow_up_text, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
                )
                .bind(municipality_id)
                .bind(resolve(*goal, &new_goals)?)
                .bind(position)
                .bind(text)
                .bind(time)
                .bind(responsible)
                .bind(follow_up)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            Step::UpdateActivity {
                id,
                time,
                responsible,
                follow_up,
            } => {
                sqlx::query(
                    "UPDATE actionplan_activities SET time_text = $1, responsible_text = $2, follow_up_text = $3, \
                     updated_at = $4 WHERE id = $5 AND municipality_id = $6",
                )
                .bind(time)
                .bind(responsible)
                .bind(follow_up)
                .bind(now)
                .bind(id)
                .bind(municipality_id)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    let counts = domain::count_steps(&steps);
    if !steps.is_empty() {
        audit::record(
            &mut tx,
            Change {
                municipality_id: Some(municipality_id),
                actor,
                action: "actionplan.import",
                entity: "actionplan_plan",
                entity_id: Some(plan_id),
                summary: format!(
                    "{} areas, {} goals, {} activities new; {} changed",
                    counts.areas, counts.goals, counts.activities, counts.changed
                ),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(counts)
}

/// Keep a checked import until the coordinator confirms it; returns the draft's id.
pub async fn save_draft(db: &Db, municipality_id: MunicipalityId, user_id: UserId, json: &str, now: i64) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_import_drafts (municipality_id, user_id, plan_json, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(municipality_id)
    .bind(user_id)
    .bind(json)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(id)
}

/// Take (read and delete) a draft of this municipality and user.
pub async fn take_draft(db: &Db, municipality_id: MunicipalityId, user_id: UserId, id: i64) -> Result<Option<String>, sqlx::Error> {
    let mut tx = db.write().await?;
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT plan_json FROM actionplan_import_drafts WHERE id = $1 AND municipality_id = $2 AND user_id = $3",
    )
    .bind(id)
    .bind(municipality_id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM actionplan_import_drafts WHERE id = $1 AND municipality_id = $2 AND user_id = $3")
        .bind(id)
        .bind(municipality_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(row.map(|r| r.0))
}
