//! Queries of the minutes (present, guests, items, assignments, publication) and of the group
//! discussions (questions, each group's answers, the summaries).

use crate::ids::{AnswerId, AssignmentId, ItemId, MeetingId, QuestionId};
use crate::store::{found, WriteError};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, Update};
use platform::MunicipalityId;
use sqlx::AnyConnection;

#[derive(sea_query::Iden)]
#[iden = "meetings_questions"]
enum Questions {
    Table,
    Id,
    MunicipalityId,
    MeetingId,
    Position,
    Text,
    Summary,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_answers"]
enum Answers {
    Table,
    MunicipalityId,
    QuestionId,
    GroupName,
    Text,
    Position,
    WrittenByUserId,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_minutes"]
enum MinutesTable {
    Table,
    MeetingId,
    MunicipalityId,
    Present,
    Guests,
    NextMeeting,
    WrittenBy,
    PublishedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_items"]
enum Items {
    Table,
    MunicipalityId,
    MeetingId,
    Position,
    Heading,
    Body,
    Decision,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_assignments"]
enum Assignments {
    Table,
    MunicipalityId,
    MeetingId,
    Who,
    What,
    DueOn,
    ActivityId,
    Position,
}

fn change<'a>(
    municipality_id: MunicipalityId,
    actor: Option<&'a CurrentUser>,
    action: &'a str,
    meeting_id: MeetingId,
    summary: impl Into<String>,
) -> Change<'a> {
    Change::new(municipality_id, actor, action, "meetings_meeting", meeting_id, summary)
}

/// The next position in a meeting's list (questions, items, assignments, comments).
pub(crate) async fn next_position(
    tx: &mut AnyConnection,
    table: &str,
    meeting_id: MeetingId,
) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM {table} WHERE meeting_id = $1"
    ))
    .bind(meeting_id)
    .fetch_one(&mut *tx)
    .await?;
    Ok(n)
}

// --- Group discussions ---

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Answer {
    pub id: AnswerId,
    pub question_id: QuestionId,
    pub group_name: String,
    pub text: String,
    /// When it was corrected after the minutes were published.
    pub changed_at: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: QuestionId,
    pub position: i64,
    pub text: String,
    pub summary: String,
    pub answers: Vec<Answer>,
}

/// The questions of a meeting's group discussions with each group's answers (two queries).
pub async fn questions(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<Question>, sqlx::Error> {
    let qs: Vec<(QuestionId, i64, String, String)> = sqlx::query_as(
        "SELECT id, position, text, summary FROM meetings_questions \
         WHERE municipality_id = $1 AND meeting_id = $2 ORDER BY position, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    let answers: Vec<Answer> = sqlx::query_as(
        "SELECT a.id, a.question_id, a.group_name, a.text, a.changed_at FROM meetings_answers a \
         JOIN meetings_questions q ON q.id = a.question_id \
         WHERE a.municipality_id = $1 AND q.meeting_id = $2 ORDER BY a.position, a.id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(qs
        .into_iter()
        .map(|(id, position, text, summary)| Question {
            id,
            position,
            text,
            summary,
            answers: answers.iter().filter(|a| a.question_id == id).cloned().collect(),
        })
        .collect())
}

pub async fn add_question(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    text: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<QuestionId, sqlx::Error> {
    db::write(db, now, async |tx| {
        let position = next_position(tx, "meetings_questions", meeting_id).await?;
        let id: QuestionId = Insert::into(Questions::Table)
            .set(Questions::MunicipalityId, municipality_id)
            .set(Questions::MeetingId, meeting_id)
            .set(Questions::Position, position)
            .set(Questions::Text, text)
            .returning_id(tx)
            .await?;
        Ok((
            id,
            change(municipality_id, actor, "meetings.question.add", meeting_id, text),
        ))
    })
    .await
}

/// Whether the question is one of this meeting's.
async fn question_of(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    question_id: QuestionId,
) -> Result<bool, sqlx::Error> {
    let row: Option<(QuestionId,)> =
        sqlx::query_as("SELECT id FROM meetings_questions WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3")
            .bind(municipality_id)
            .bind(meeting_id)
            .bind(question_id)
            .fetch_optional(&mut *tx)
            .await?;
    Ok(row.is_some())
}

/// Add a group's answer to a question of this meeting (written by `actor`, whose account's
/// export lists it); `false` when the question is not one.
#[allow(clippy::too_many_arguments)] // the tenant, the meeting, the fields, who and when
pub async fn add_answer(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    question_id: QuestionId,
    group_name: &str,
    text: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = db::write(db, now, async |tx| {
        if !question_of(tx, municipality_id, meeting_id, question_id).await? {
            return Err(WriteError::NotFound);
        }
        let (position,): (i64,) =
            sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM meetings_answers WHERE question_id = $1")
                .bind(question_id)
                .fetch_one(&mut *tx)
                .await?;
        Insert::into(Answers::Table)
            .set(Answers::MunicipalityId, municipality_id)
            .set(Answers::QuestionId, question_id)
            .set(Answers::GroupName, group_name)
            .set(Answers::Text, text)
            .set(Answers::Position, position)
            .set(Answers::WrittenByUserId, actor.map(|u| u.id))
            .set(Answers::CreatedAt, now)
            .run(tx)
            .await?;
        Ok((
            (),
            change(municipality_id, actor, "meetings.answer.add", meeting_id, group_name),
        ))
    })
    .await;
    Ok(found(done)?.is_some())
}

pub async fn set_summary(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    question_id: QuestionId,
    summary: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = db::write(db, now, async |tx| {
        let n = Update::table(Questions::Table)
            .set(Questions::Summary, summary)
            .filter(Questions::MunicipalityId, municipality_id)
            .filter(Questions::MeetingId, meeting_id)
            .filter(Questions::Id, question_id)
            .run(tx)
            .await?;
        if n != 1 {
            return Err(WriteError::NotFound);
        }
        let what = format!("fråga {question_id}");
        Ok((
            (),
            change(municipality_id, actor, "meetings.summary.save", meeting_id, what),
        ))
    })
    .await;
    Ok(found(done)?.is_some())
}

// --- Minutes ---

#[derive(Clone, Debug, Default, sqlx::FromRow)]
pub struct Minutes {
    pub present: String,
    pub guests: String,
    pub next_meeting: String,
    pub written_by: String,
    pub published_at: Option<i64>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Item {
    pub id: ItemId,
    pub heading: String,
    pub body: String,
    pub decision: String,
    /// When it was corrected after the minutes were published.
    pub changed_at: Option<i64>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Assignment {
    pub id: AssignmentId,
    pub who: String,
    pub what: String,
    pub due_on: Option<String>,
    /// An activity of the action plan.
    pub activity_id: Option<i64>,
    /// When it was corrected after the minutes were published.
    pub changed_at: Option<i64>,
}

pub async fn minutes(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Option<Minutes>, sqlx::Error> {
    sqlx::query_as(
        "SELECT present, guests, next_meeting, written_by, published_at FROM meetings_minutes \
         WHERE municipality_id = $1 AND meeting_id = $2",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_optional(&db.pool)
    .await
}

pub async fn items(db: &Db, municipality_id: MunicipalityId, meeting_id: MeetingId) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, heading, body, decision, changed_at FROM meetings_items WHERE municipality_id = $1 AND meeting_id = $2 \
         ORDER BY position, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

pub async fn assignments(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<Assignment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, who, what, due_on, activity_id, changed_at FROM meetings_assignments \
         WHERE municipality_id = $1 AND meeting_id = $2 ORDER BY position, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

/// In the caller's transaction: the meeting's minutes row, created empty when missing.
async fn ensure_minutes(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    now: i64,
) -> Result<(), sqlx::Error> {
    Insert::into(MinutesTable::Table)
        .set(MinutesTable::MeetingId, meeting_id)
        .set(MinutesTable::MunicipalityId, municipality_id)
        .set(MinutesTable::UpdatedAt, now)
        .or_ignore_on([MinutesTable::MeetingId])
        .run(tx)
        .await?;
    Ok(())
}

pub async fn save_minutes(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    m: &Minutes,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        ensure_minutes(tx, municipality_id, meeting_id, now).await?;
        Update::table(MinutesTable::Table)
            .set(MinutesTable::Present, m.present.as_str())
            .set(MinutesTable::Guests, m.guests.as_str())
            .set(MinutesTable::NextMeeting, m.next_meeting.as_str())
            .set(MinutesTable::WrittenBy, m.written_by.as_str())
            .set(MinutesTable::UpdatedAt, now)
            .filter(MinutesTable::MunicipalityId, municipality_id)
            .filter(MinutesTable::MeetingId, meeting_id)
            .run(tx)
            .await?;
        Ok((
            (),
            change(municipality_id, actor, "meetings.minutes.save", meeting_id, ""),
        ))
    })
    .await
}

/// Publish the minutes (or take them back). Minutes that were never written are created empty.
pub async fn publish(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    publish: bool,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        ensure_minutes(tx, municipality_id, meeting_id, now).await?;
        Update::table(MinutesTable::Table)
            .set(MinutesTable::PublishedAt, publish.then_some(now))
            .filter(MinutesTable::MunicipalityId, municipality_id)
            .filter(MinutesTable::MeetingId, meeting_id)
            .run(tx)
            .await?;
        let action = if publish {
            "meetings.minutes.publish"
        } else {
            "meetings.minutes.unpublish"
        };
        Ok(((), change(municipality_id, actor, action, meeting_id, "")))
    })
    .await
}

/// An item of the minutes: heading, what was said, what was decided.
pub struct NewItem<'a> {
    pub heading: &'a str,
    pub body: &'a str,
    pub decision: &'a str,
}

pub async fn add_item(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    item: &NewItem<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<ItemId, sqlx::Error> {
    db::write(db, now, async |tx| {
        let position = next_position(tx, "meetings_items", meeting_id).await?;
        let id: ItemId = Insert::into(Items::Table)
            .set(Items::MunicipalityId, municipality_id)
            .set(Items::MeetingId, meeting_id)
            .set(Items::Position, position)
            .set(Items::Heading, item.heading)
            .set(Items::Body, item.body)
            .set(Items::Decision, item.decision)
            .returning_id(tx)
            .await?;
        Ok((
            id,
            change(municipality_id, actor, "meetings.item.add", meeting_id, item.heading),
        ))
    })
    .await
}

/// An assignment: who does what, by when, perhaps for an activity of the action plan.
pub struct NewAssignment<'a> {
    pub who: &'a str,
    pub what: &'a str,
    pub due_on: Option<&'a str>,
    pub activity_id: Option<i64>,
}

/// Add an assignment; a linked activity must be one of this municipality's (`false` otherwise).
pub async fn add_assignment(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    a: &NewAssignment<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    if let Some(activity) = a.activity_id {
        if actionplan::public::activity(db, municipality_id, activity)
            .await?
            .is_none()
        {
            return Ok(false);
        }
    }
    db::write::<_, sqlx::Error>(db, now, async |tx| {
        let position = next_position(tx, "meetings_assignments", meeting_id).await?;
        Insert::into(Assignments::Table)
            .set(Assignments::MunicipalityId, municipality_id)
            .set(Assignments::MeetingId, meeting_id)
            .set(Assignments::Who, a.who)
            .set(Assignments::What, a.what)
            .set(Assignments::DueOn, a.due_on)
            .set(Assignments::ActivityId, a.activity_id)
            .set(Assignments::Position, position)
            .run(tx)
            .await?;
        let what = format!("{}: {}", a.who, a.what);
        Ok((
            (),
            change(municipality_id, actor, "meetings.assignment.add", meeting_id, what),
        ))
    })
    .await?;
    Ok(true)
}
