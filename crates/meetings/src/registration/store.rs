//! Queries of registrations: seats and the waiting list, cancellation, promotion, participants
//! and attendance. Writes take the caller's transaction and return what happened; the caller
//! builds the letters and queues them in the same transaction.

use crate::domain::{seat_for, Party, RegistrationInput, Status};
use crate::ids::{MeetingId, RegistrationId};
use crate::store::{id_list, meeting_in, Meeting};
use platform::audit::{self, Change};
use platform::auth::{token_hash, CurrentUser};
use platform::db::{self, Backend, Db, Insert, OnConstraint, Unique, Update};
use platform::MunicipalityId;
use sea_query::Expr;
use sqlx::AnyConnection;

#[derive(sea_query::Iden)]
#[iden = "meetings_registrations"]
pub(crate) enum Registrations {
    Table,
    Id,
    MunicipalityId,
    MeetingId,
    Name,
    Email,
    Organisation,
    Party,
    Dietary,
    Accessibility,
    Status,
    ConsentText,
    CancelTokenHash,
    Attended,
    CreatedAt,
    OrganisationId,
}

/// One registration per address and meeting while it is not cancelled (a partial unique index).
const ONCE: Unique = Unique {
    table: "meetings_registrations",
    columns: &["meeting_id", "email"],
};

/// Lock the meeting's row until the transaction ends (`FOR UPDATE` on PostgreSQL; SQLite's
/// write transaction already holds the only write lock). `false` when there is no such meeting.
pub async fn lock_meeting(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    id: MeetingId,
) -> Result<bool, sqlx::Error> {
    let sql = format!(
        "SELECT id FROM meetings_meetings WHERE municipality_id = $1 AND id = $2{}",
        Backend::of(tx).for_update()
    );
    let row: Option<(MeetingId,)> = sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    Ok(row.is_some())
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("no such meeting")]
    NotFound,
    #[error("registration is closed")]
    Closed,
    #[error("already registered")]
    Already,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A registration just made.
pub struct Registered {
    pub id: RegistrationId,
    pub status: Status,
    /// The meeting as it was before this registration.
    pub meeting: Meeting,
}

/// Register for a meeting in the caller's transaction: a seat while there are seats, otherwise
/// the waiting list. The meeting is locked for the count and the insert, so concurrent
/// registrations never exceed the capacity.
pub async fn register(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    r: &RegistrationInput,
    token: &str,
    now: i64,
) -> Result<Registered, RegisterError> {
    if !lock_meeting(tx, municipality_id, meeting_id).await? {
        return Err(RegisterError::NotFound);
    }
    let meeting = meeting_in(tx, municipality_id, meeting_id)
        .await?
        .ok_or(RegisterError::NotFound)?;
    if !meeting.registration_open(now) {
        return Err(RegisterError::Closed);
    }
    let status = seat_for(meeting.capacity, meeting.confirmed);
    // The association the person wrote, when the registry knows it by that name.
    let organisation = registry::public::organisation_named(tx, municipality_id, &r.organisation).await?;
    let id: RegistrationId = Insert::into(Registrations::Table)
        .set(Registrations::MunicipalityId, municipality_id)
        .set(Registrations::MeetingId, meeting_id)
        .set(Registrations::Name, r.name.as_str())
        .set(Registrations::Email, r.email.as_str())
        .set(Registrations::Organisation, r.organisation.as_str())
        .set(Registrations::OrganisationId, organisation)
        .set(Registrations::Party, r.party.as_str())
        .set(Registrations::Dietary, r.dietary.as_str())
        .set(Registrations::Accessibility, r.accessibility.as_str())
        .set(Registrations::Status, status.as_str())
        .set(Registrations::ConsentText, meeting.consent_text.as_str())
        .set(Registrations::CancelTokenHash, token_hash(token))
        .set(Registrations::CreatedAt, now)
        .returning_id(tx)
        .await
        .on_unique(ONCE, || RegisterError::Already)?;
    Ok(Registered { id, status, meeting })
}

/// A registration as its cancellation link shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ByToken {
    pub id: RegistrationId,
    pub meeting_id: MeetingId,
    pub name: String,
    pub status: String,
}

pub async fn by_token(db: &Db, municipality_id: MunicipalityId, token: &str) -> Result<Option<ByToken>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, meeting_id, name, status FROM meetings_registrations \
         WHERE municipality_id = $1 AND cancel_token_hash = $2",
    )
    .bind(municipality_id)
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

/// A registration just cancelled.
pub struct Cancelled {
    pub id: RegistrationId,
    pub name: String,
    pub email: String,
    /// The meeting with the seat already freed.
    pub meeting: Meeting,
}

/// Cancel a registration by its link's token in the caller's transaction (the meeting is locked).
/// `None` when the token is unknown or already used.
pub async fn cancel(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    token: &str,
    now: i64,
) -> Result<Option<Cancelled>, sqlx::Error> {
    let hash = token_hash(token);
    let found: Option<(MeetingId,)> = sqlx::query_as(
        "SELECT meeting_id FROM meetings_registrations WHERE municipality_id = $1 AND cancel_token_hash = $2",
    )
    .bind(municipality_id)
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((meeting_id,)) = found else {
        return Ok(None);
    };
    lock_meeting(tx, municipality_id, meeting_id).await?;
    let row: Option<(RegistrationId, String, String)> = sqlx::query_as(
        "UPDATE meetings_registrations SET status = 'cancelled', cancelled_at = $3 \
         WHERE municipality_id = $1 AND cancel_token_hash = $2 AND status <> 'cancelled' \
         RETURNING id, name, email",
    )
    .bind(municipality_id)
    .bind(&hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, name, email)) = row else {
        return Ok(None);
    };
    let Some(meeting) = meeting_in(tx, municipality_id, meeting_id).await? else {
        return Ok(None);
    };
    Ok(Some(Cancelled {
        id,
        name,
        email,
        meeting,
    }))
}

/// Someone who just got a seat from the waiting list, with their new cancellation link's token.
pub struct Promoted {
    pub id: RegistrationId,
    pub name: String,
    pub email: String,
    pub token: String,
}

/// Give the meeting's free seats to the waiting list, first come first served (the meeting must
/// be locked), each with a new cancellation token and an audit entry.
pub async fn promote(
    tx: &mut AnyConnection,
    m: &Meeting,
    new_token: &(dyn Fn() -> String + Sync),
    now: i64,
) -> Result<Vec<Promoted>, sqlx::Error> {
    let free = match m.capacity {
        Some(c) => (c - m.confirmed).max(0),
        None => m.waiting,
    };
    if free == 0 {
        return Ok(vec![]);
    }
    let next: Vec<(RegistrationId, String, String)> = sqlx::query_as(
        "SELECT id, name, email FROM meetings_registrations \
         WHERE municipality_id = $1 AND meeting_id = $2 AND status = 'waiting' ORDER BY id LIMIT $3",
    )
    .bind(m.municipality_id)
    .bind(m.id)
    .bind(free)
    .fetch_all(&mut *tx)
    .await?;
    let mut promoted = vec![];
    for (id, name, email) in next {
        let token = new_token();
        Update::table(Registrations::Table)
            .set(Registrations::Status, Status::Confirmed.as_str())
            .set(Registrations::CancelTokenHash, token_hash(&token))
            .filter(Registrations::MunicipalityId, m.municipality_id)
            .filter(Registrations::Id, id)
            .run(tx)
            .await?;
        let change = Change::new(
            m.municipality_id,
            None,
            "meetings.registration.promote",
            "meetings_registration",
            id,
            &m.title,
        );
        audit::record(tx, change, now).await?;
        promoted.push(Promoted { id, name, email, token });
    }
    Ok(promoted)
}

/// Lock the meeting and give its free seats to the waiting list (after the capacity was raised).
/// `None` when there is no such meeting.
pub async fn fill_free_seats(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    new_token: &(dyn Fn() -> String + Sync),
    now: i64,
) -> Result<Option<(Meeting, Vec<Promoted>)>, sqlx::Error> {
    if !lock_meeting(tx, municipality_id, meeting_id).await? {
        return Ok(None);
    }
    let Some(m) = meeting_in(tx, municipality_id, meeting_id).await? else {
        return Ok(None);
    };
    let promoted = promote(tx, &m, new_token, now).await?;
    Ok(Some((m, promoted)))
}

/// Those with a seat and an address at these meetings: (meeting id, name, e-mail).
pub async fn seated_by_meeting(db: &Db, ids: &[MeetingId]) -> Result<Vec<(MeetingId, String, String)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    sqlx::query_as(&format!(
        "SELECT meeting_id, name, email FROM meetings_registrations \
         WHERE meeting_id IN ({}) AND status = 'confirmed' AND email <> '' ORDER BY id",
        id_list(ids)
    ))
    .fetch_all(&db.pool)
    .await
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Registration {
    pub id: RegistrationId,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub party: String,
    pub dietary: String,
    pub accessibility: String,
    pub status: String,
    pub attended: Option<i64>,
    pub created_at: i64,
}

impl Registration {
    pub fn party(&self) -> Party {
        Party::parse(&self.party).unwrap_or(Party::Guest)
    }
    pub fn status(&self) -> Status {
        Status::parse(&self.status)
    }
}

/// A meeting's registrations (not the cancelled ones): confirmed first, then the waiting list,
/// each in the order they came.
pub async fn registrations(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<Registration>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, email, organisation, party, dietary, accessibility, status, attended, created_at \
         FROM meetings_registrations WHERE municipality_id = $1 AND meeting_id = $2 AND status <> 'cancelled' \
         ORDER BY CASE status WHEN 'confirmed' THEN 0 ELSE 1 END, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

/// Mark who came: every confirmed registration of the meeting is present when its id is in
/// `present`, absent otherwise.
pub async fn mark_attendance(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    present: &[RegistrationId],
    actor: &CurrentUser,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        let confirmed = || {
            Update::table(Registrations::Table)
                .filter(Registrations::MunicipalityId, municipality_id)
                .filter(Registrations::MeetingId, meeting_id)
                .filter(Registrations::Status, Status::Confirmed.as_str())
        };
        confirmed().set(Registrations::Attended, 0).run(tx).await?;
        let chosen = if present.is_empty() {
            0
        } else {
            confirmed()
                .set(Registrations::Attended, 1)
                .filter_expr(Expr::col(Registrations::Id).is_in(present.iter().map(|id| id.get())))
                .run(tx)
                .await?
        };
        let change = Change::new(
            municipality_id,
            Some(actor),
            "meetings.attendance.mark",
            "meetings_meeting",
            meeting_id,
            format!("{chosen} närvarande"),
        );
        Ok(((), change))
    })
    .await
}

/// Per party: (registered with a seat, present).
pub async fn by_party(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<(Party, i64, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT party, COUNT(*), COALESCE(SUM(CASE WHEN attended = 1 THEN 1 ELSE 0 END), 0) \
         FROM meetings_registrations WHERE municipality_id = $1 AND meeting_id = $2 AND status = 'confirmed' \
         GROUP BY party",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Party::ALL
        .into_iter()
        .map(|p| {
            let (n, a) = rows
                .iter()
                .find(|r| r.0 == p.as_str())
                .map(|r| (r.1, r.2))
                .unwrap_or((0, 0));
            (p, n, a)
        })
        .collect())
}
