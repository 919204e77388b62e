//! What other capabilities may ask of the action plan: small functions taking the
//! municipality, returning plain structs. The only way into its tables from outside.

use platform::db::Db;
use platform::MunicipalityId;

/// An activity of the action plan, as another capability links to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub id: i64,
    pub text: String,
}

/// The activities of the municipality's current plan (earlier periods are read-only), in the
/// order they were added.
pub async fn activities(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Activity>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
        "SELECT a.id, a.text FROM actionplan_activities a JOIN actionplan_goals g ON g.id = a.goal_id \
         JOIN actionplan_areas ar ON ar.id = g.area_id WHERE a.municipality_id = $1 AND {} ORDER BY a.id",
        crate::activities::store::IN_CURRENT_PLAN
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, text)| Activity { id, text }).collect())
}

/// One activity of the municipality, if it is one.
pub async fn activity(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Activity>, sqlx::Error> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, text FROM actionplan_activities WHERE municipality_id = $1 AND id = $2")
            .bind(municipality_id)
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(id, text)| Activity { id, text }))
}

/// A working group, as another capability names and links to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingGroup {
    pub id: i64,
    pub name: String,
}

/// One working group of the municipality, if it is one.
pub async fn working_group(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
) -> Result<Option<WorkingGroup>, sqlx::Error> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM actionplan_groups WHERE municipality_id = $1 AND id = $2")
            .bind(municipality_id)
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(id, name)| WorkingGroup { id, name }))
}

/// The municipality's working groups, by name.
pub async fn working_groups(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<WorkingGroup>, sqlx::Error> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM actionplan_groups WHERE municipality_id = $1 ORDER BY name, id")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(|(id, name)| WorkingGroup { id, name }).collect())
}

/// The e-mail addresses of a working group's members (each agreed, on joining, that the group
/// and the coordinator see them): where the group's own meetings are invited.
pub async fn group_member_emails(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT u.email FROM actionplan_members m JOIN users u ON u.id = m.user_id \
         WHERE m.municipality_id = $1 AND m.group_id = $2 AND u.email <> '' ORDER BY m.id",
    )
    .bind(municipality_id)
    .bind(group_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// An activity of the current plan with its principle (area) and goal, as the public table
/// shows it: the open-data download of the action plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanRow {
    pub plan: String,
    pub principle_number: u32,
    pub principle: String,
    pub goal: String,
    /// `municipality`, `civil_society`, `both` or `unstated`.
    pub goal_owner: &'static str,
    pub activity_id: i64,
    pub activity: String,
    pub time: String,
    pub time_start: Option<chrono::NaiveDate>,
    pub time_end: Option<chrono::NaiveDate>,
    pub responsible: String,
    /// The responsible department's or association's name, if one is linked.
    pub responsible_unit: String,
    /// `not_started`, `ongoing`, `done` or `paused`.
    pub status: &'static str,
    pub follow_up: String,
    /// When the activity last changed, unix seconds.
    pub updated_at: i64,
}

/// The current plan's activities by principle, goal and activity (a fixed number of queries);
/// none when there is no plan.
pub async fn plan_rows(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<PlanRow>, sqlx::Error> {
    let (plan, full) = crate::activities::store::current_full(db, municipality_id).await?;
    let title = plan.map(|p| p.title).unwrap_or_default();
    Ok(full
        .activities
        .into_iter()
        .map(|a| PlanRow {
            plan: title.clone(),
            principle_number: a.area_number,
            principle: a.area_name,
            goal: a.goal_text,
            goal_owner: crate::domain::owner_str(a.goal_owner),
            activity_id: a.id.get(),
            activity: a.text,
            time: a.time_text,
            time_start: a.time_start,
            time_end: a.time_end,
            responsible: a.responsible_text,
            responsible_unit: a.department.or(a.organisation).unwrap_or_default(),
            status: a.status.into(),
            follow_up: a.follow_up_text,
            updated_at: a.updated_at,
        })
        .collect())
}

/// The e-mail addresses of the members of every working group of the municipality (each
/// agreed, on joining, that the group and the coordinator see them). One query.
pub async fn all_group_member_emails(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT u.email FROM actionplan_members m JOIN users u ON u.id = m.user_id \
         WHERE m.municipality_id = $1 AND u.email <> '' ORDER BY m.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}
