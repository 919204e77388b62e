//! What the event calendar keeps about an account holder: the events they published for their
//! association (an event names the account that created it). The account's export lists them;
//! erasing the account removes the person from them (`created_by` to NULL): a published event
//! stays, its association's, without anyone's name.

use super::store::Events;
use futures::future::BoxFuture;
use platform::db::{Db, Tx, Update};
use platform::UserId;

pub(crate) fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        type Row = (String, i64, String, String, String, i64, i64);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT m.name, e.organisation_id, e.title, e.starts_on, e.status, e.created_at, e.updated_at \
             FROM openness_events e JOIN municipalities m ON m.id = e.municipality_id \
             WHERE e.created_by = $1 ORDER BY e.created_at, e.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let events: Vec<serde_json::Value> = rows
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "municipality": r.0, "organisation_id": r.1, "title": r.2, "starts_on": r.3,
                    "status": r.4,
                    "published": platform::format::datetime(r.5),
                    "changed": platform::format::datetime(r.6),
                })
            })
            .collect();
        Ok(serde_json::json!({ "events": events }))
    })
}

pub(crate) fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        Update::table(Events::Table)
            .set(Events::CreatedBy, None::<UserId>)
            .filter(Events::CreatedBy, user_id)
            .run(tx)
            .await?;
        Ok(())
    })
}
