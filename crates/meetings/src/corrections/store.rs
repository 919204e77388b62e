//! Corrections of the minutes: an item, a group's answer, an assignment or a general comment
//! edited, moved or removed, before or after publication. A change after publication dates the
//! entry (`changed_at`, when edited) and the minutes (`corrected_at`, for any change), so the
//! public minutes can say "Ändrad …". Every write goes to the audit trail.

use super::Part;
use crate::ids::MeetingId;
use crate::minutes::store::{NewAssignment, NewItem};
use crate::store::{found, WriteError};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db};
use platform::MunicipalityId;
use sqlx::AnyConnection;

/// What an entry is changed to.
pub enum Edit<'a> {
    Item(NewItem<'a>),
    Answer { group_name: &'a str, text: &'a str },
    Assignment(NewAssignment<'a>),
    Comment { topic: &'a str, text: &'a str },
}

impl Edit<'_> {
    fn part(&self) -> Part {
        match self {
            Edit::Item(_) => Part::Item,
            Edit::Answer { .. } => Part::Answer,
            Edit::Assignment(_) => Part::Assignment,
            Edit::Comment { .. } => Part::Comment,
        }
    }
}

/// Moved up or down the list, or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Remove,
}

fn table(part: Part) -> &'static str {
    match part {
        Part::Item => "meetings_items",
        Part::Answer => "meetings_answers",
        Part::Assignment => "meetings_assignments",
        Part::Comment => "meetings_comments",
    }
}

/// Whether the entry is one of this meeting's (an answer through its question).
async fn owned(
    tx: &mut AnyConnection,
    part: Part,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let sql = match part {
        Part::Answer => "SELECT id FROM meetings_answers WHERE municipality_id = $1 AND id = $3 AND question_id IN \
                         (SELECT id FROM meetings_questions WHERE municipality_id = $1 AND meeting_id = $2)"
            .to_string(),
        p => format!(
            "SELECT id FROM {} WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3",
            table(p)
        ),
    };
    let row: Option<(i64,)> = sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(meeting_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    Ok(row.is_some())
}

/// When the minutes are published: marks them corrected now and returns `now`.
async fn after_publication(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let n = sqlx::query(
        "UPDATE meetings_minutes SET corrected_at = $1 \
         WHERE municipality_id = $2 AND meeting_id = $3 AND published_at IS NOT NULL",
    )
    .bind(now)
    .bind(municipality_id)
    .bind(meeting_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok((n > 0).then_some(now))
}

/// When the published minutes were last corrected.
pub async fn corrected_at(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT corrected_at FROM meetings_minutes WHERE municipality_id = $1 AND meeting_id = $2")
            .bind(municipality_id)
            .bind(meeting_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.and_then(|r| r.0))
}

fn change<'a>(
    municipality_id: MunicipalityId,
    actor: Option<&'a CurrentUser>,
    action: &'a str,
    meeting_id: MeetingId,
    summary: String,
) -> Change<'a> {
    Change::new(municipality_id, actor, action, "meetings_meeting", meeting_id, summary)
}

/// Change an entry's text; `false` when it is not one of this meeting's (or an assignment's
/// activity is not one of the municipality's).
pub async fn edit(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    id: i64,
    e: &Edit<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    if let Edit::Assignment(NewAssignment {
        activity_id: Some(activity),
        ..
    }) = e
    {
        if actionplan::public::activity(db, municipality_id, *activity)
            .await?
            .is_none()
        {
            return Ok(false);
        }
    }
    let part = e.part();
    let done = db::write(db, now, async |tx| {
        if !owned(tx, part, municipality_id, meeting_id, id).await? {
            return Err(WriteError::NotFound);
        }
        let changed = after_publication(tx, municipality_id, meeting_id, now).await?;
        let summary = match e {
            Edit::Item(i) => {
                sqlx::query(
                    "UPDATE meetings_items SET heading = $1, body = $2, decision = $3, \
                     changed_at = COALESCE($4, changed_at) WHERE id = $5",
                )
                .bind(i.heading)
                .bind(i.body)
                .bind(i.decision)
                .bind(changed)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                i.heading.to_string()
            }
            Edit::Answer { group_name, text } => {
                sqlx::query(
                    "UPDATE meetings_answers SET group_name = $1, text = $2, \
                     changed_at = COALESCE($3, changed_at) WHERE id = $4",
                )
                .bind(*group_name)
                .bind(*text)
                .bind(changed)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                group_name.to_string()
            }
            Edit::Assignment(a) => {
                sqlx::query(
                    "UPDATE meetings_assignments SET who = $1, what = $2, due_on = $3, activity_id = $4, \
                     changed_at = COALESCE($5, changed_at) WHERE id = $6",
                )
                .bind(a.who)
                .bind(a.what)
                .bind(a.due_on)
                .bind(a.activity_id)
                .bind(changed)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                format!("{}: {}", a.who, a.what)
            }
            Edit::Comment { topic, text } => {
                sqlx::query(
                    "UPDATE meetings_comments SET topic = $1, text = $2, \
                     changed_at = COALESCE($3, changed_at) WHERE id = $4",
                )
                .bind(*topic)
                .bind(*text)
                .bind(changed)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                topic.to_string()
            }
        };
        let action = match part {
            Part::Item => "meetings.item.edit",
            Part::Answer => "meetings.answer.edit",
            Part::Assignment => "meetings.assignment.edit",
            Part::Comment => "meetings.comment.edit",
        };
        Ok(((), change(municipality_id, actor, action, meeting_id, summary)))
    })
    .await;
    Ok(found(done)?.is_some())
}

/// Move an entry one place up or down its list (an answer among its question's answers), or
/// remove it; the entry is its part and id; `false` when it is not one of this meeting's.
pub async fn step(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    (part, id): (Part, i64),
    step: Step,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = db::write(db, now, async |tx| {
        if !owned(tx, part, municipality_id, meeting_id, id).await? {
            return Err(WriteError::NotFound);
        }
        after_publication(tx, municipality_id, meeting_id, now).await?;
        let t = table(part);
        let action = match step {
            Step::Remove => {
                sqlx::query(&format!("DELETE FROM {t} WHERE id = $1"))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                "remove"
            }
            Step::Up | Step::Down => {
                let sql = match part {
                    Part::Answer => "SELECT id FROM meetings_answers WHERE question_id = \
                                     (SELECT question_id FROM meetings_answers WHERE id = $1) ORDER BY position, id"
                        .to_string(),
                    _ => format!(
                        "SELECT id FROM {t} WHERE meeting_id = (SELECT meeting_id FROM {t} WHERE id = $1) \
                         ORDER BY position, id"
                    ),
                };
                let mut ids: Vec<(i64,)> = sqlx::query_as(&sql).bind(id).fetch_all(&mut *tx).await?;
                let at = ids.iter().position(|r| r.0 == id).unwrap_or(0);
                match step {
                    Step::Up if at > 0 => ids.swap(at, at - 1),
                    Step::Down if at + 1 < ids.len() => ids.swap(at, at + 1),
                    _ => {}
                }
                for (n, (row,)) in ids.iter().enumerate() {
                    sqlx::query(&format!("UPDATE {t} SET position = $1 WHERE id = $2"))
                        .bind(n as i64 + 1)
                        .bind(*row)
                        .execute(&mut *tx)
                        .await?;
                }
                "move"
            }
        };
        let action = match (part, action) {
            (Part::Item, "remove") => "meetings.item.remove",
            (Part::Item, _) => "meetings.item.move",
            (Part::Answer, "remove") => "meetings.answer.remove",
            (Part::Answer, _) => "meetings.answer.move",
            (Part::Assignment, "remove") => "meetings.assignment.remove",
            (Part::Assignment, _) => "meetings.assignment.move",
            (Part::Comment, "remove") => "meetings.comment.remove",
            (Part::Comment, _) => "meetings.comment.move",
        };
        Ok((
            (),
            change(
                municipality_id,
                actor,
                action,
                meeting_id,
                format!("{} {id}", part.slug()),
            ),
        ))
    })
    .await;
    Ok(found(done)?.is_some())
}
