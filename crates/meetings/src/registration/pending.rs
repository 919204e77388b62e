//! Registrations from the public form that wait for their e-mailed confirmation. The form's
//! answer is the same whether or not the address is already registered; the registration
//! counts (a seat or the waiting list) only when the link in the mail is used, within
//! [`CONFIRM_WITHIN`]. Only the link's hash is kept; the hourly job removes what was never
//! confirmed.

use super::store::{lock_meeting, RegisterError};
use crate::domain::{Party, RegistrationInput};
use crate::ids::MeetingId;
use crate::store::{meeting_in, Meeting};
use platform::auth::token_hash;
use platform::db::Db;
use platform::MunicipalityId;
use sqlx::AnyConnection;

/// How long a confirmation link works.
pub const CONFIRM_WITHIN: i64 = 2 * 24 * 3600;

/// What a registration on the form led to.
pub enum Held {
    /// Waiting for the person to confirm by the mailed link.
    New(Meeting),
    /// The address is already registered for the meeting.
    Already(Meeting),
}

/// In the caller's transaction: keep a registration until it is confirmed, unless the address
/// is already registered. Refused when the meeting is unknown or registration has closed.
pub async fn hold(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    r: &RegistrationInput,
    token: &str,
    now: i64,
) -> Result<Held, RegisterError> {
    if !lock_meeting(tx, municipality_id, meeting_id).await? {
        return Err(RegisterError::NotFound);
    }
    let meeting = meeting_in(tx, municipality_id, meeting_id)
        .await?
        .ok_or(RegisterError::NotFound)?;
    if !meeting.registration_open(now) {
        return Err(RegisterError::Closed);
    }
    let already: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM meetings_registrations WHERE meeting_id = $1 AND email = $2 AND status <> 'cancelled'",
    )
    .bind(meeting_id)
    .bind(r.email.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    if already.is_some() {
        return Ok(Held::Already(meeting));
    }
    sqlx::query(
        "INSERT INTO meetings_pending (municipality_id, meeting_id, name, email, organisation, party, \
         dietary, accessibility, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .bind(r.name.as_str())
    .bind(r.email.as_str())
    .bind(r.organisation.as_str())
    .bind(r.party.as_str())
    .bind(r.dietary.as_str())
    .bind(r.accessibility.as_str())
    .bind(token_hash(token))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(Held::New(meeting))
}

type Row = (MeetingId, String, String, String, String, String, String);

fn input(row: Row) -> Option<(MeetingId, RegistrationInput)> {
    let (meeting_id, name, email, organisation, party, dietary, accessibility) = row;
    Some((
        meeting_id,
        RegistrationInput {
            name,
            email,
            organisation,
            party: Party::parse(&party)?,
            dietary,
            accessibility,
        },
    ))
}

const COLUMNS: &str = "meeting_id, name, email, organisation, party, dietary, accessibility";

/// The registration waiting for this link, while the link works.
pub async fn find(
    db: &Db,
    municipality_id: MunicipalityId,
    token: &str,
    now: i64,
) -> Result<Option<(MeetingId, RegistrationInput)>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM meetings_pending WHERE municipality_id = $1 AND token_hash = $2 AND created_at >= $3"
    ))
    .bind(municipality_id)
    .bind(token_hash(token))
    .bind(now - CONFIRM_WITHIN)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(input))
}

/// In the caller's transaction: take the registration waiting for this link (once).
pub async fn take(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    token: &str,
    now: i64,
) -> Result<Option<(MeetingId, RegistrationInput)>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "DELETE FROM meetings_pending WHERE municipality_id = $1 AND token_hash = $2 AND created_at >= $3 \
         RETURNING {COLUMNS}"
    ))
    .bind(municipality_id)
    .bind(token_hash(token))
    .bind(now - CONFIRM_WITHIN)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.and_then(input))
}

/// Remove the registrations nobody confirmed in time. Returns how many.
pub async fn purge(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.write().await?;
    let n = sqlx::query("DELETE FROM meetings_pending WHERE created_at < $1")
        .bind(now - CONFIRM_WITHIN)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(n)
}
