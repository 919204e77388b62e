//! What the premises keep about an account holder: their bookings (name, e-mail, purpose). The
//! account's export lists them; erasing the account cancels the coming ones (freeing their
//! times) and leaves the past ones without name, e-mail or purpose, so the room's history keeps
//! its counts but no person.

use futures::future::BoxFuture;
use platform::db::{Db, Tx};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        type Row = (String, String, String, String, String, String, String, i64, i64, String);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT m.name, p.name, r.name, b.booker_kind, b.booker_name, b.email, b.purpose, b.starts_at, b.ends_at, \
             b.status \
             FROM premises_bookings b JOIN premises_rooms r ON r.id = b.room_id JOIN premises p ON p.id = r.premises_id \
             JOIN municipalities m ON m.id = b.municipality_id WHERE b.user_id = $1 ORDER BY b.starts_at",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        Ok(serde_json::Value::Array(
            rows.into_iter()
                .map(|r| {
                    serde_json::json!({
                        "municipality": r.0, "premises": r.1, "room": r.2, "booked_as": r.3,
                        "name": r.4, "email": r.5, "purpose": r.6,
                        "starts": platform::format::datetime(r.7), "ends": platform::format::datetime(r.8),
                        "status": r.9,
                    })
                })
                .collect(),
        ))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        sqlx::query(
            "UPDATE premises_bookings SET status = 'cancelled', decided_at = $2 \
             WHERE user_id = $1 AND ends_at > $2 AND status IN ('requested', 'confirmed')",
        )
        .bind(user_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "UPDATE premises_bookings SET booker_name = CASE WHEN organisation_id IS NULL THEN '–' ELSE booker_name END, \
             email = '', purpose = '' WHERE user_id = $1",
        )
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    })
}
