//! Storage of retiring rooms and premises (issue 15): the future bookings a retirement cancels,
//! and the retirement itself, in the caller's write transaction (the caller queues the letters
//! to the bookers in the same one). Past bookings stay for the record.

use crate::booking::store::{booking_of, set_status, Booking, BOOKING_COLS, BOOKING_FROM};
use crate::domain::Status;
use crate::ids::{PremisesId, RoomId};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::MunicipalityId;
use sqlx::AnyConnection;

/// What is retired: one room, or a premises with all its rooms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Room(RoomId),
    Premises(PremisesId),
}

impl Target {
    fn filter(self) -> (&'static str, i64) {
        match self {
            Target::Room(id) => ("r.id = $2", id.get()),
            Target::Premises(id) => ("r.premises_id = $2", id.get()),
        }
    }
}

/// The active bookings (requested or confirmed) that start after `now`, by start.
pub async fn future_bookings(
    conn: &mut AnyConnection,
    municipality_id: MunicipalityId,
    target: Target,
    now: i64,
) -> Result<Vec<Booking>, sqlx::Error> {
    let (filter, id) = target.filter();
    sqlx::query(&format!(
        "SELECT {BOOKING_COLS} FROM {BOOKING_FROM} WHERE b.municipality_id = $1 AND {filter} \
         AND b.starts_at > $3 AND b.status IN ('requested', 'confirmed') ORDER BY b.starts_at, b.id"
    ))
    .bind(municipality_id)
    .bind(id)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(booking_of)
    .collect()
}

/// Retire the room or premises (and its rooms) and cancel its future bookings, with `reason`
/// stored on each. Returns the cancelled bookings (for the letters) and the audit entry; an
/// empty list and no retirement when it was already retired.
pub async fn retire<'a>(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    target: Target,
    name: &str,
    reason: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<(Option<Vec<Booking>>, Change<'a>), sqlx::Error> {
    let (n, entity, entity_id) = match target {
        Target::Room(id) => {
            let n = sqlx::query(
                "UPDATE premises_rooms SET retired_at = $1 WHERE municipality_id = $2 AND id = $3 AND retired_at IS NULL",
            )
            .bind(now)
            .bind(municipality_id)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            (n, "premises_room", id.get())
        }
        Target::Premises(id) => {
            let n = sqlx::query(
                "UPDATE premises SET retired_at = $1 WHERE municipality_id = $2 AND id = $3 AND retired_at IS NULL",
            )
            .bind(now)
            .bind(municipality_id)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            sqlx::query(
                "UPDATE premises_rooms SET retired_at = $1 WHERE municipality_id = $2 AND premises_id = $3 \
                 AND retired_at IS NULL",
            )
            .bind(now)
            .bind(municipality_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            (n, "premises", id.get())
        }
    };
    let cancelled = if n == 0 {
        None
    } else {
        let future = future_bookings(tx, municipality_id, target, now).await?;
        let ids: Vec<(i64, i64, i64)> = future.iter().map(|b| (b.id, b.starts_at, b.ends_at)).collect();
        set_status(
            tx,
            &ids,
            &[Status::Requested, Status::Confirmed],
            Status::Cancelled,
            reason,
            Some(actor.id),
            now,
        )
        .await?;
        Some(future)
    };
    let change = Change::new(
        municipality_id,
        Some(actor),
        if entity == "premises" {
            "premises.premises.retire"
        } else {
            "premises.room.retire"
        },
        entity,
        entity_id,
        format!(
            "{name}: {} future bookings cancelled",
            cancelled.as_ref().map(Vec::len).unwrap_or(0)
        ),
    );
    Ok((cancelled, change))
}
