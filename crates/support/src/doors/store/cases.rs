//! The reads of cases, their threads and the asker's links.

use super::*;

/// A case as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    pub id: CaseId,
    pub number: String,
    pub topic: String,
    pub question: String,
    pub organisation: String,
    pub asker_name: String,
    pub asker_email: String,
    pub status: Status,
    pub department_id: Option<DepartmentId>,
    pub department: String,
    pub assigned_user_id: Option<UserId>,
    pub assigned: String,
    pub due_on: String,
    pub escalated: bool,
    pub answered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub rating: Option<i64>,
    pub rating_comment: String,
    pub created_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: CaseId,
    year: i64,
    number: i64,
    topic_name: String,
    question: String,
    organisation: String,
    asker_name: String,
    asker_email: String,
    status: String,
    department_id: Option<DepartmentId>,
    department: Option<String>,
    assigned_user_id: Option<UserId>,
    assigned: Option<String>,
    due_on: String,
    escalated_at: Option<i64>,
    answered_at: Option<i64>,
    closed_at: Option<i64>,
    rating: Option<i64>,
    rating_comment: String,
    created_at: i64,
}

impl From<Row> for Case {
    fn from(r: Row) -> Case {
        Case {
            id: r.id,
            number: domain::case_number(r.year, r.number),
            topic: r.topic_name,
            question: r.question,
            organisation: r.organisation,
            asker_name: r.asker_name,
            asker_email: r.asker_email,
            status: Status::parse(&r.status).unwrap_or(Status::Received),
            department_id: r.department_id,
            department: r.department.unwrap_or_default(),
            assigned_user_id: r.assigned_user_id,
            assigned: r.assigned.unwrap_or_default(),
            due_on: r.due_on,
            escalated: r.escalated_at.is_some(),
            answered_at: r.answered_at,
            closed_at: r.closed_at,
            rating: r.rating,
            rating_comment: r.rating_comment,
            created_at: r.created_at,
        }
    }
}

const COLUMNS: &str = "c.id, c.year, c.number, c.topic_name, c.question, c.organisation, c.asker_name, \
     c.asker_email, c.status, c.department_id, d.name AS department, c.assigned_user_id, u.name AS assigned, \
     c.due_on, c.escalated_at, c.answered_at, c.closed_at, c.rating, c.rating_comment, c.created_at";
const FROM: &str = "FROM support_door_cases c LEFT JOIN departments d ON d.id = c.department_id \
     LEFT JOIN users u ON u.id = c.assigned_user_id";

/// The municipality's cases, the newest first (the caller keeps those the viewer may see).
pub async fn cases(db: &Db, m: MunicipalityId) -> Result<Vec<Case>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE c.municipality_id = $1 ORDER BY c.created_at DESC, c.id DESC"
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Case::from).collect())
}

/// One case of the municipality.
pub async fn one(db: &Db, m: MunicipalityId, id: CaseId) -> Result<Option<Case>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE c.id = $1 AND c.municipality_id = $2"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Case::from))
}

/// The case an asker's link opens.
pub async fn by_token(db: &Db, m: MunicipalityId, token: &str) -> Result<Option<Case>, sqlx::Error> {
    let row: Option<(CaseId,)> =
        sqlx::query_as("SELECT case_id FROM support_door_links WHERE token_hash = $1 AND municipality_id = $2")
            .bind(platform::auth::token_hash(token))
            .bind(m)
            .fetch_optional(&db.pool)
            .await?;
    match row {
        Some((id,)) => one(db, m, id).await,
        None => Ok(None),
    }
}

/// A message of a case's thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub from_asker: bool,
    /// The writer's name for an answer (empty once that account is erased).
    pub writer: String,
    pub body: String,
    pub created_at: i64,
}

/// A case's thread, the earliest first.
pub async fn messages(db: &Db, m: MunicipalityId, id: CaseId) -> Result<Vec<Message>, sqlx::Error> {
    let rows: Vec<(i64, Option<String>, String, i64)> = sqlx::query_as(
        "SELECT x.from_asker, u.name, x.body, x.created_at FROM support_door_messages x \
         LEFT JOIN users u ON u.id = x.user_id WHERE x.municipality_id = $1 AND x.case_id = $2 \
         ORDER BY x.created_at, x.id",
    )
    .bind(m)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(from_asker, writer, body, created_at)| Message {
            from_asker: from_asker == 1,
            writer: writer.unwrap_or_default(),
            body,
            created_at,
        })
        .collect())
}

/// In the caller's transaction: a new link for the asker (only the hash is kept).
pub async fn add_link(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: CaseId,
    token: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    Insert::into(Links::Table)
        .set(Links::TokenHash, platform::auth::token_hash(token))
        .set(Links::CaseId, id)
        .set(Links::MunicipalityId, m)
        .set(Links::CreatedAt, now)
        .run(tx)
        .await?;
    Ok(())
}
