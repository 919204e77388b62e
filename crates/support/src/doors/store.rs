//! The queries of "En dörr in": every function takes the municipality. The changes that send a
//! letter (a new case, an answer, the asker's reply) run in their caller's write transaction
//! and return what happened, so the caller queues the letter in the same transaction; the
//! others run in their own with their audit entry.

use super::domain::{self, Question, Status};
use crate::ids::{CaseId, TopicId};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{DepartmentId, MunicipalityId, UserId};

#[derive(sea_query::Iden)]
#[iden = "support_door_topics"]
pub(crate) enum Topics {
    Table,
    Id,
    MunicipalityId,
    Name,
    DepartmentId,
    UserId,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_cases"]
pub(crate) enum Cases {
    Table,
    Id,
    MunicipalityId,
    Year,
    Number,
    TopicId,
    TopicName,
    Question,
    Organisation,
    AskerName,
    AskerEmail,
    Status,
    DepartmentId,
    AssignedUserId,
    DueOn,
    EscalatedAt,
    AnsweredAt,
    ClosedAt,
    Rating,
    RatingComment,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_messages"]
pub(crate) enum Messages {
    Table,
    CaseId,
    MunicipalityId,
    FromAsker,
    UserId,
    Body,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_links"]
enum Links {
    Table,
    TokenHash,
    CaseId,
    MunicipalityId,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_faq"]
enum Faq {
    Table,
    MunicipalityId,
    CaseId,
    Question,
    Answer,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_settings"]
enum Settings {
    Table,
    MunicipalityId,
    AnswerDays,
    UpdatedAt,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// Not in this status (a closed case takes no answer; a rating only once, after closing).
    #[error("not now")]
    NotNow,
    /// A topic of that name exists.
    #[error("taken")]
    Taken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

// --- Settings and topics ---

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

// --- Cases ---

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

/// What a new case is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCase {
    pub id: CaseId,
    pub number: String,
    pub topic: String,
    pub due_on: String,
    pub department_id: Option<DepartmentId>,
    pub assigned_user_id: Option<UserId>,
}

/// In the caller's transaction: receive a question as a case, numbered in the municipality's
/// year, routed by its topic (assigned when the topic names a department or a person), due
/// `days` working days from today.
pub async fn receive<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    q: &Question,
    days: i64,
    now: i64,
) -> StoreResult<(NewCase, Change<'a>)> {
    let topic: Option<(String, Option<DepartmentId>, Option<UserId>)> = sqlx::query_as(
        "SELECT name, department_id, user_id FROM support_door_topics WHERE id = $1 AND municipality_id = $2",
    )
    .bind(q.topic)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let (topic, department, user) = topic.ok_or(StoreError::NotFound)?;
    // The numbers of a municipality's year are handed out one at a time: on PostgreSQL the
    // municipality's row is locked until the case is stored (two questions at once would
    // otherwise both read the same highest number); SQLite's one writer already does this.
    let _: Option<(MunicipalityId,)> = sqlx::query_as(&format!(
        "SELECT id FROM municipalities WHERE id = $1{}",
        db::Backend::of(tx).for_update()
    ))
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let today = domain::local_day(now);
    let year = i64::from(chrono::Datelike::year(&today));
    let (number,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM support_door_cases WHERE municipality_id = $1 AND year = $2",
    )
    .bind(m)
    .bind(year)
    .fetch_one(&mut *tx)
    .await?;
    let due_on = domain::due_on(today, days).format("%Y-%m-%d").to_string();
    let status = if department.is_some() || user.is_some() {
        Status::Assigned
    } else {
        Status::Received
    };
    let id: CaseId = Insert::into(Cases::Table)
        .set(Cases::MunicipalityId, m)
        .set(Cases::Year, year)
        .set(Cases::Number, number)
        .set(Cases::TopicId, q.topic)
        .set(Cases::TopicName, topic.as_str())
        .set(Cases::Question, q.question.as_str())
        .set(Cases::Organisation, q.organisation.as_str())
        .set(Cases::AskerName, q.name.as_str())
        .set(Cases::AskerEmail, q.email.as_str())
        .set(Cases::Status, status.as_str())
        .set(Cases::DepartmentId, department)
        .set(Cases::AssignedUserId, user)
        .set(Cases::DueOn, due_on.as_str())
        .set(Cases::CreatedAt, now)
        .set(Cases::UpdatedAt, now)
        .returning_id(tx)
        .await?;
    let number = domain::case_number(year, number);
    let change = Change::new(
        m,
        None,
        "support.door.case.receive",
        "support_door_case",
        id,
        number.clone(),
    );
    Ok((
        NewCase {
            id,
            number,
            topic,
            due_on,
            department_id: department,
            assigned_user_id: user,
        },
        change,
    ))
}

/// In the caller's transaction: who answers a case: the named person, else the department's
/// people, else (or when none has an address) the municipality's coordinators.
pub async fn responsible_emails(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    department: Option<DepartmentId>,
    user: Option<UserId>,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = if let Some(u) = user {
        sqlx::query_as("SELECT email FROM users WHERE id = $1 AND email <> ''")
            .bind(u)
            .fetch_all(&mut *tx)
            .await?
    } else if let Some(d) = department {
        sqlx::query_as(
            "SELECT DISTINCT u.email FROM roles r JOIN users u ON u.id = r.user_id \
             WHERE r.municipality_id = $1 AND r.department_id = $2 AND u.email <> '' ORDER BY u.email",
        )
        .bind(m)
        .bind(d)
        .fetch_all(&mut *tx)
        .await?
    } else {
        vec![]
    };
    if !rows.is_empty() {
        return Ok(rows.into_iter().map(|r| r.0).collect());
    }
    let coordinators: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT u.email FROM roles r JOIN users u ON u.id = r.user_id \
         WHERE r.municipality_id = $1 AND r.role = 'coordinator' AND u.email <> '' ORDER BY u.email",
    )
    .bind(m)
    .fetch_all(&mut *tx)
    .await?;
    Ok(coordinators.into_iter().map(|r| r.0).collect())
}

/// A case's status inside a write (locked for the change).
async fn status_of(tx: &mut sqlx::AnyConnection, m: MunicipalityId, id: CaseId) -> StoreResult<Status> {
    let row: Option<(String,)> = sqlx::query_as(&format!(
        "SELECT status FROM support_door_cases WHERE id = $1 AND municipality_id = $2{}",
        db::Backend::of(tx).for_update()
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let (s,) = row.ok_or(StoreError::NotFound)?;
    Ok(Status::parse(&s).unwrap_or(Status::Received))
}

/// In the caller's transaction: the municipality's answer (not to a closed case); the case is
/// answered.
pub async fn answer<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: CaseId,
    actor: &'a CurrentUser,
    body: &str,
    now: i64,
) -> StoreResult<Change<'a>> {
    if status_of(tx, m, id).await? == Status::Closed {
        return Err(StoreError::NotNow);
    }
    Insert::into(Messages::Table)
        .set(Messages::CaseId, id)
        .set(Messages::MunicipalityId, m)
        .set(Messages::FromAsker, 0)
        .set(Messages::UserId, actor.id)
        .set(Messages::Body, body)
        .set(Messages::CreatedAt, now)
        .run(tx)
        .await?;
    Update::table(Cases::Table)
        .set(Cases::Status, Status::Answered.as_str())
        .set(Cases::AnsweredAt, now)
        .set(Cases::UpdatedAt, now)
        .filter(Cases::Id, id)
        .filter(Cases::MunicipalityId, m)
        .run(tx)
        .await?;
    Ok(Change::new(
        m,
        Some(actor),
        "support.door.case.answer",
        "support_door_case",
        id,
        String::new(),
    ))
}

/// In the caller's transaction: the asker's reply (not to a closed case). The case waits for
/// the municipality again, due `days` working days from today (returned), and may be escalated
/// again.
pub async fn reply<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    case: &Case,
    body: &str,
    days: i64,
    now: i64,
) -> StoreResult<(Change<'a>, String)> {
    if status_of(tx, m, case.id).await? == Status::Closed {
        return Err(StoreError::NotNow);
    }
    Insert::into(Messages::Table)
        .set(Messages::CaseId, case.id)
        .set(Messages::MunicipalityId, m)
        .set(Messages::FromAsker, 1)
        .set(Messages::Body, body)
        .set(Messages::CreatedAt, now)
        .run(tx)
        .await?;
    let routed = case.department_id.is_some() || case.assigned_user_id.is_some();
    let status = if routed { Status::Assigned } else { Status::Received };
    let due_on = domain::due_on(domain::local_day(now), days)
        .format("%Y-%m-%d")
        .to_string();
    Update::table(Cases::Table)
        .set(Cases::Status, status.as_str())
        .set(Cases::DueOn, due_on.as_str())
        .set(Cases::EscalatedAt, None::<i64>)
        .set(Cases::UpdatedAt, now)
        .filter(Cases::Id, case.id)
        .filter(Cases::MunicipalityId, m)
        .run(tx)
        .await?;
    let change = Change::new(
        m,
        None,
        "support.door.case.reply",
        "support_door_case",
        case.id,
        String::new(),
    );
    Ok((change, due_on))
}

/// Route a case by hand to a department or a person (or neither); a case waiting for an answer
/// is assigned (received when neither is named). Not a closed case.
pub async fn assign(
    db: &Db,
    m: MunicipalityId,
    id: CaseId,
    department: Option<DepartmentId>,
    user: Option<UserId>,
    actor: &CurrentUser,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let status = status_of(tx, m, id).await?;
        if status == Status::Closed {
            return Err(StoreError::NotNow);
        }
        let status = match (status.waiting(), department.is_some() || user.is_some()) {
            (true, true) => Status::Assigned,
            (true, false) => Status::Received,
            (false, _) => status,
        };
        Update::table(Cases::Table)
            .set(Cases::DepartmentId, department)
            .set(Cases::AssignedUserId, user)
            .set(Cases::Status, status.as_str())
            .set(Cases::UpdatedAt, now)
            .filter(Cases::Id, id)
            .filter(Cases::MunicipalityId, m)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.door.case.assign",
                "support_door_case",
                id,
                String::new(),
            ),
        ))
    })
    .await
}

/// Close a case (after which the asker is asked how satisfied they are).
pub async fn close(db: &Db, m: MunicipalityId, id: CaseId, actor: &CurrentUser, now: i64) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        if status_of(tx, m, id).await? == Status::Closed {
            return Err(StoreError::NotNow);
        }
        Update::table(Cases::Table)
            .set(Cases::Status, Status::Closed.as_str())
            .set(Cases::ClosedAt, now)
            .set(Cases::UpdatedAt, now)
            .filter(Cases::Id, id)
            .filter(Cases::MunicipalityId, m)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.door.case.close",
                "support_door_case",
                id,
                String::new(),
            ),
        ))
    })
    .await
}

/// The asker's satisfaction with a closed case, once.
pub async fn rate(db: &Db, m: MunicipalityId, id: CaseId, grade: i64, comment: &str, now: i64) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let done = Update::table(Cases::Table)
            .set(Cases::Rating, grade)
            .set(Cases::RatingComment, comment)
            .set(Cases::UpdatedAt, now)
            .filter(Cases::Id, id)
            .filter(Cases::MunicipalityId, m)
            .filter(Cases::Status, Status::Closed.as_str())
            .filter_expr(sea_query::Expr::col(Cases::Rating).is_null())
            .run(tx)
            .await?;
        if done == 0 {
            return Err(StoreError::NotNow);
        }
        Ok((
            (),
            Change::new(
                m,
                None,
                "support.door.case.rate",
                "support_door_case",
                id,
                grade.to_string(),
            ),
        ))
    })
    .await
}

// --- The FAQ ---

/// Publish a question and its answer (edited to name no one) from an answered case.
pub async fn publish_faq(
    db: &Db,
    m: MunicipalityId,
    id: CaseId,
    question: &str,
    answer: &str,
    actor: &CurrentUser,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        if !matches!(status_of(tx, m, id).await?, Status::Answered | Status::Closed) {
            return Err(StoreError::NotNow);
        }
        insert_faq(tx, m, id, question, answer, now).await?;
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.door.faq.publish",
                "support_door_case",
                id,
                String::new(),
            ),
        ))
    })
    .await
}

/// In the caller's transaction: the question and answer itself.
pub(crate) async fn insert_faq(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: CaseId,
    question: &str,
    answer: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    Insert::into(Faq::Table)
        .set(Faq::MunicipalityId, m)
        .set(Faq::CaseId, id)
        .set(Faq::Question, question)
        .set(Faq::Answer, answer)
        .set(Faq::CreatedAt, now)
        .run(tx)
        .await?;
    Ok(())
}

/// The municipality's published questions and answers, the newest first.
pub async fn faq(db: &Db, m: MunicipalityId) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT question, answer FROM support_door_faq WHERE municipality_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await
}

// --- Escalation ---

/// A case past its last day that the coordinators have not been told of.
#[derive(Clone, Debug)]
pub struct Late {
    pub id: CaseId,
    pub municipality_id: MunicipalityId,
    pub slug: String,
    pub number: String,
    pub topic: String,
    pub due_on: String,
    /// The municipality's coordinators' addresses.
    pub to: Vec<String>,
}

/// Every municipality's cases waiting past their last day (before `today`), not yet escalated.
pub async fn late(db: &Db, today: &str) -> Result<Vec<Late>, sqlx::Error> {
    type LateRow = (CaseId, MunicipalityId, String, i64, i64, String, String);
    let rows: Vec<LateRow> = sqlx::query_as(
        "SELECT c.id, c.municipality_id, m.slug, c.year, c.number, c.topic_name, c.due_on \
         FROM support_door_cases c JOIN municipalities m ON m.id = c.municipality_id \
         WHERE c.status IN ('received', 'assigned') AND c.due_on < $1 AND c.escalated_at IS NULL ORDER BY c.id",
    )
    .bind(today)
    .fetch_all(&db.pool)
    .await?;
    let mut out = vec![];
    for (id, m, slug, year, number, topic, due_on) in rows {
        let to: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT u.email FROM roles r JOIN users u ON u.id = r.user_id \
             WHERE r.municipality_id = $1 AND r.role = 'coordinator' AND u.email <> '' ORDER BY u.email",
        )
        .bind(m)
        .fetch_all(&db.pool)
        .await?;
        out.push(Late {
            id,
            municipality_id: m,
            slug,
            number: domain::case_number(year, number),
            topic,
            due_on,
            to: to.into_iter().map(|r| r.0).collect(),
        });
    }
    Ok(out)
}

/// In the caller's transaction: mark a case escalated; false when another run already did.
pub async fn claim_escalation(tx: &mut sqlx::AnyConnection, id: CaseId, now: i64) -> Result<bool, sqlx::Error> {
    let done = Update::table(Cases::Table)
        .set(Cases::EscalatedAt, now)
        .filter(Cases::Id, id)
        .filter_expr(sea_query::Expr::col(Cases::EscalatedAt).is_null())
        .run(tx)
        .await?;
    Ok(done == 1)
}
