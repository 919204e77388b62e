//! Queries of the group discussions' groups (a name and a party, the registered participants
//! placed in them) and of the minutes' general comments ("Övriga synpunkter").

use crate::domain::Party;
use crate::ids::{CommentId, DiscussionGroupId, MeetingId, RegistrationId};
use crate::minutes::store::next_position;
use crate::store::{found, WriteError};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert};
use platform::MunicipalityId;

#[derive(sea_query::Iden)]
#[iden = "meetings_comments"]
enum Comments {
    Table,
    MunicipalityId,
    MeetingId,
    Position,
    Topic,
    Text,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_groups"]
enum Groups {
    Table,
    MunicipalityId,
    MeetingId,
    Name,
    Party,
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

// --- General comments ---

/// A comment noted at the meeting that answers none of its questions, perhaps under a topic.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Comment {
    pub id: CommentId,
    pub topic: String,
    pub text: String,
    /// When it was corrected after the minutes were published.
    pub changed_at: Option<i64>,
}

pub async fn comments(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<Comment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, topic, text, changed_at FROM meetings_comments WHERE municipality_id = $1 AND meeting_id = $2 \
         ORDER BY position, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

pub async fn add_comment(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    topic: &str,
    text: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<CommentId, sqlx::Error> {
    db::write(db, now, async |tx| {
        let position = next_position(tx, "meetings_comments", meeting_id).await?;
        let id: CommentId = Insert::into(Comments::Table)
            .set(Comments::MunicipalityId, municipality_id)
            .set(Comments::MeetingId, meeting_id)
            .set(Comments::Position, position)
            .set(Comments::Topic, topic)
            .set(Comments::Text, text)
            .returning_id(tx)
            .await?;
        let what = if topic.is_empty() { text } else { topic };
        Ok((
            id,
            change(municipality_id, actor, "meetings.comment.add", meeting_id, what),
        ))
    })
    .await
}

// --- Discussion groups ---

/// A registered participant placed in a group.
#[derive(Clone, Debug)]
pub struct Member {
    pub registration_id: RegistrationId,
    pub name: String,
    pub organisation: String,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub id: DiscussionGroupId,
    pub name: String,
    /// `None`: a group of several parties.
    pub party: Option<Party>,
    pub members: Vec<Member>,
}

/// The meeting's groups with their members (two queries).
pub async fn groups(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<Group>, sqlx::Error> {
    let gs: Vec<(DiscussionGroupId, String, String)> = sqlx::query_as(
        "SELECT id, name, party FROM meetings_groups WHERE municipality_id = $1 AND meeting_id = $2 ORDER BY id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    let members: Vec<(DiscussionGroupId, RegistrationId, String, String)> = sqlx::query_as(
        "SELECT gm.group_id, r.id, r.name, r.organisation FROM meetings_group_members gm \
         JOIN meetings_registrations r ON r.id = gm.registration_id \
         JOIN meetings_groups g ON g.id = gm.group_id \
         WHERE g.municipality_id = $1 AND g.meeting_id = $2 AND r.status = 'confirmed' ORDER BY r.name, r.id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(gs
        .into_iter()
        .map(|(id, name, party)| Group {
            id,
            name,
            party: Party::parse(&party),
            members: members
                .iter()
                .filter(|m| m.0 == id)
                .map(|m| Member {
                    registration_id: m.1,
                    name: m.2.clone(),
                    organisation: m.3.clone(),
                })
                .collect(),
        })
        .collect())
}

/// Why a group was not made or a participant not placed.
#[derive(Debug, PartialEq, Eq)]
pub enum GroupError {
    /// The meeting has a group of that name.
    Taken,
    /// No such group or registration at this meeting.
    NotFound,
    /// The participant is of another party than the group.
    OtherParty,
}

pub async fn add_group(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    name: &str,
    party: Option<Party>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Result<DiscussionGroupId, GroupError>, sqlx::Error> {
    let done = db::write(db, now, async |tx| {
        let taken: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM meetings_groups WHERE meeting_id = $1 AND name = $2")
                .bind(meeting_id)
                .bind(name)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(WriteError::NotFound);
        }
        let id: DiscussionGroupId = Insert::into(Groups::Table)
            .set(Groups::MunicipalityId, municipality_id)
            .set(Groups::MeetingId, meeting_id)
            .set(Groups::Name, name)
            .set(Groups::Party, party.map(|p| p.as_str()).unwrap_or(""))
            .returning_id(tx)
            .await?;
        Ok((
            id,
            change(municipality_id, actor, "meetings.group.add", meeting_id, name),
        ))
    })
    .await;
    Ok(found(done)?.ok_or(GroupError::Taken))
}

/// Place a confirmed participant of this meeting in one of its groups (or, with `None`, in
/// none); a group of one party takes only that party's participants.
pub async fn place(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    registration_id: RegistrationId,
    group_id: Option<DiscussionGroupId>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Result<(), GroupError>, sqlx::Error> {
    let r = db::write(db, now, async |tx| {
        let reg: Option<(String, String)> = sqlx::query_as(
            "SELECT party, name FROM meetings_registrations \
             WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3 AND status = 'confirmed'",
        )
        .bind(municipality_id)
        .bind(meeting_id)
        .bind(registration_id)
        .fetch_optional(&mut *tx)
        .await?;
        let (party, name) = reg.ok_or(Refused::Group(GroupError::NotFound))?;
        sqlx::query("DELETE FROM meetings_group_members WHERE registration_id = $1")
            .bind(registration_id)
            .execute(&mut *tx)
            .await?;
        let Some(group_id) = group_id else {
            let c = change(municipality_id, actor, "meetings.group.unplace", meeting_id, name);
            return Ok(((), c));
        };
        let group: Option<(String, String)> = sqlx::query_as(
            "SELECT party, name FROM meetings_groups WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3",
        )
        .bind(municipality_id)
        .bind(meeting_id)
        .bind(group_id)
        .fetch_optional(&mut *tx)
        .await?;
        let (group_party, group_name) = group.ok_or(Refused::Group(GroupError::NotFound))?;
        if !group_party.is_empty() && group_party != party {
            return Err(Refused::Group(GroupError::OtherParty));
        }
        sqlx::query(
            "INSERT INTO meetings_group_members (registration_id, municipality_id, group_id) VALUES ($1, $2, $3)",
        )
        .bind(registration_id)
        .bind(municipality_id)
        .bind(group_id)
        .execute(&mut *tx)
        .await?;
        let c = change(
            municipality_id,
            actor,
            "meetings.group.place",
            meeting_id,
            format!("{name}: {group_name}"),
        );
        Ok(((), c))
    })
    .await;
    match r {
        Ok(()) => Ok(Ok(())),
        Err(Refused::Group(e)) => Ok(Err(e)),
        Err(Refused::Db(e)) => Err(e),
    }
}

/// A placing refused (rolled back) or a database error.
enum Refused {
    Group(GroupError),
    Db(sqlx::Error),
}

impl From<sqlx::Error> for Refused {
    fn from(e: sqlx::Error) -> Self {
        Refused::Db(e)
    }
}
