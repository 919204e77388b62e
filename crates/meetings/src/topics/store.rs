//! Queries of the topic proposals; every write in the audit trail.

use super::domain::{Decision, Proposal, Status};
use crate::ids::{MeetingId, TopicId};
use crate::store::{found, WriteError};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert};
use platform::{MunicipalityId, OrganisationId, UserId};

#[derive(sea_query::Iden)]
#[iden = "meetings_topics"]
enum Topics {
    Table,
    MunicipalityId,
    OrganisationId,
    ProposedByUserId,
    Title,
    Description,
    Status,
    CreatedAt,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Topic {
    pub id: TopicId,
    pub organisation_id: OrganisationId,
    pub title: String,
    pub description: String,
    pub status: String,
    pub meeting_id: Option<MeetingId>,
    pub answer: String,
    pub created_at: i64,
}

impl Topic {
    pub fn status(&self) -> Status {
        Status::parse(&self.status)
    }
}

const COLUMNS: &str = "id, organisation_id, title, description, status, meeting_id, answer, created_at";

pub async fn propose(
    db: &Db,
    municipality_id: MunicipalityId,
    p: &Proposal,
    actor: &CurrentUser,
    now: i64,
) -> Result<TopicId, sqlx::Error> {
    db::write(db, now, async |tx| {
        let id: TopicId = Insert::into(Topics::Table)
            .set(Topics::MunicipalityId, municipality_id)
            .set(Topics::OrganisationId, p.organisation)
            .set(Topics::ProposedByUserId, actor.id)
            .set(Topics::Title, p.title.as_str())
            .set(Topics::Description, p.description.as_str())
            .set(Topics::Status, Status::Proposed.as_str())
            .set(Topics::CreatedAt, now)
            .returning_id(tx)
            .await?;
        let change = Change::new(
            municipality_id,
            Some(actor),
            "meetings.topic.propose",
            "meetings_topic",
            id,
            p.title.as_str(),
        );
        Ok((id, change))
    })
    .await
}

/// The municipality's proposals, of the given associations only when `of` is given; newest
/// first.
pub async fn topics(
    db: &Db,
    municipality_id: MunicipalityId,
    of: Option<&[OrganisationId]>,
) -> Result<Vec<Topic>, sqlx::Error> {
    let rows: Vec<Topic> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM meetings_topics WHERE municipality_id = $1 ORDER BY id DESC"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|t| of.is_none_or(|of| of.contains(&t.organisation_id)))
        .collect())
}

/// The topics taken up at a meeting, in the order they were proposed.
pub async fn of_meeting(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<Topic>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM meetings_topics WHERE municipality_id = $1 AND meeting_id = $2 \
         AND status = 'accepted' ORDER BY id"
    ))
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

/// Decide on a proposal of the municipality; `false` when there is no such proposal.
pub async fn decide(
    db: &Db,
    municipality_id: MunicipalityId,
    id: TopicId,
    decision: Decision,
    answer: &str,
    actor: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let (status, meeting) = match decision {
        Decision::TakeUp(m) => (Status::Accepted, Some(m)),
        Decision::Decline => (Status::Declined, None),
    };
    let done = db::write(db, now, async |tx| {
        let n = sqlx::query(
            "UPDATE meetings_topics SET status = $1, meeting_id = $2, answer = $3, decided_at = $4 \
             WHERE municipality_id = $5 AND id = $6",
        )
        .bind(status.as_str())
        .bind(meeting)
        .bind(answer)
        .bind(now)
        .bind(municipality_id)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(WriteError::NotFound);
        }
        let action = match decision {
            Decision::TakeUp(_) => "meetings.topic.take-up",
            Decision::Decline => "meetings.topic.decline",
        };
        let change = Change::new(municipality_id, Some(actor), action, "meetings_topic", id, answer);
        Ok(((), change))
    })
    .await;
    Ok(found(done)?.is_some())
}

/// The proposals a person made, for their export: (title, association id, status, made).
pub async fn of_person(db: &Db, user_id: UserId) -> Result<Vec<(String, OrganisationId, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT title, organisation_id, status, created_at FROM meetings_topics WHERE proposed_by_user_id = $1 ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await
}

/// Forget who proposed (the association's proposal stays).
pub async fn forget_person(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE meetings_topics SET proposed_by_user_id = NULL WHERE proposed_by_user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}
