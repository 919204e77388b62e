//! Queries of calling off and moving a meeting. Writes take the caller's transaction and return
//! what happened; the caller builds the letters and queues them in the same transaction.

use crate::domain::Status;
use crate::ids::MeetingId;
use crate::store::{meeting_in, Meeting};
use platform::MunicipalityId;
use sqlx::AnyConnection;

/// Call off a meeting that is neither called off nor over, raising its sequence (the meeting
/// must be locked). Returns the meeting as it is now, or `None` when there was nothing to do.
pub async fn call_off(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    id: MeetingId,
    message: &str,
    now: i64,
) -> Result<Option<Meeting>, sqlx::Error> {
    let n = sqlx::query(
        "UPDATE meetings_meetings SET cancelled_at = $3, cancel_message = $4, sequence = sequence + 1, updated_at = $3 \
         WHERE municipality_id = $1 AND id = $2 AND cancelled_at IS NULL AND ends_at >= $3",
    )
    .bind(municipality_id)
    .bind(id)
    .bind(now)
    .bind(message)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n != 1 {
        return Ok(None);
    }
    meeting_in(tx, municipality_id, id).await
}

/// Raise a meeting's sequence (its time or place changed).
pub async fn bump_sequence(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    id: MeetingId,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE meetings_meetings SET sequence = sequence + 1 WHERE municipality_id = $1 AND id = $2")
        .bind(municipality_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Someone registered (with a seat or waiting) whom a change concerns.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Recipient {
    pub name: String,
    pub email: String,
    pub status: String,
}

impl Recipient {
    pub fn seated(&self) -> bool {
        Status::parse(&self.status) == Status::Confirmed
    }
}

/// Everyone registered with an address: those with a seat first, then the waiting list.
pub async fn recipients(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    id: MeetingId,
) -> Result<Vec<Recipient>, sqlx::Error> {
    sqlx::query_as(
        "SELECT name, email, status FROM meetings_registrations \
         WHERE municipality_id = $1 AND meeting_id = $2 AND status IN ('confirmed', 'waiting') AND email <> '' \
         ORDER BY CASE status WHEN 'confirmed' THEN 0 ELSE 1 END, id",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&mut *tx)
    .await
}
