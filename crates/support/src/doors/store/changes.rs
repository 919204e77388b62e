//! A case's changes: received, answered, replied to, routed by hand, closed, rated.

use super::*;

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
pub(super) async fn status_of(tx: &mut sqlx::AnyConnection, m: MunicipalityId, id: CaseId) -> StoreResult<Status> {
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
