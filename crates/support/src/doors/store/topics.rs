//! The service level and the topics with their routing.

use super::*;

/// The municipality's service level in working days.
pub async fn answer_days(db: &Db, m: MunicipalityId) -> Result<i64, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT answer_days FROM support_door_settings WHERE municipality_id = $1")
            .bind(m)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map_or(domain::DEFAULT_ANSWER_DAYS, |r| r.0))
}

/// Set the service level (for the cases received from now on).
pub async fn set_answer_days(db: &Db, m: MunicipalityId, days: i64, actor: &CurrentUser, now: i64) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        Delete::from(Settings::Table)
            .filter(Settings::MunicipalityId, m)
            .run(tx)
            .await?;
        Insert::into(Settings::Table)
            .set(Settings::MunicipalityId, m)
            .set(Settings::AnswerDays, days)
            .set(Settings::UpdatedAt, now)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(m, Some(actor), "support.door.days", "municipality", m, days.to_string()),
        ))
    })
    .await
}

/// A topic and where it sends its questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub id: TopicId,
    pub name: String,
    pub department_id: Option<DepartmentId>,
    pub department: String,
    pub user_id: Option<UserId>,
    pub person: String,
}

/// The municipality's topics, by name.
pub async fn topics(db: &Db, m: MunicipalityId) -> Result<Vec<Topic>, sqlx::Error> {
    type Row = (
        TopicId,
        String,
        Option<DepartmentId>,
        Option<String>,
        Option<UserId>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.id, t.name, t.department_id, d.name, t.user_id, u.name FROM support_door_topics t \
         LEFT JOIN departments d ON d.id = t.department_id LEFT JOIN users u ON u.id = t.user_id \
         WHERE t.municipality_id = $1 ORDER BY t.name, t.id",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, department_id, department, user_id, person)| Topic {
            id,
            name,
            department_id,
            department: department.unwrap_or_default(),
            user_id,
            person: person.unwrap_or_default(),
        })
        .collect())
}

/// Add a topic routed to a department or a person (checked by the caller as the
/// municipality's).
pub async fn add_topic(
    db: &Db,
    m: MunicipalityId,
    name: &str,
    department: Option<DepartmentId>,
    user: Option<UserId>,
    actor: &CurrentUser,
    now: i64,
) -> StoreResult<TopicId> {
    let taken: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM support_door_topics WHERE municipality_id = $1 AND name = $2")
            .bind(m)
            .bind(name)
            .fetch_optional(&db.pool)
            .await?;
    if taken.is_some() {
        return Err(StoreError::Taken);
    }
    db::write(db, now, async |tx| {
        let id: TopicId = Insert::into(Topics::Table)
            .set(Topics::MunicipalityId, m)
            .set(Topics::Name, name)
            .set(Topics::DepartmentId, department)
            .set(Topics::UserId, user)
            .set(Topics::CreatedAt, now)
            .returning_id(tx)
            .await?;
        Ok((
            id,
            Change::new(m, Some(actor), "support.door.topic.add", "support_door_topic", id, name),
        ))
    })
    .await
}

/// Remove a topic (its cases keep its name).
pub async fn remove_topic(db: &Db, m: MunicipalityId, id: TopicId, actor: &CurrentUser, now: i64) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let done = Delete::from(Topics::Table)
            .filter(Topics::Id, id)
            .filter(Topics::MunicipalityId, m)
            .run(tx)
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.door.topic.remove",
                "support_door_topic",
                id,
                String::new(),
            ),
        ))
    })
    .await
}
