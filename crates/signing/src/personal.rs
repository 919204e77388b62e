//! What the signing book keeps about an account holder: the signatures they made online or
//! recorded from the paper book, and the ones they withdrew. Each carries the name of the person
//! who signed on the signer's behalf, shown in the public book. The account's export lists them;
//! erasing the account takes the person's name off the signatures they signed online (the
//! organisation's signature stays in force, signed by "–") and forgets who recorded or withdrew
//! any signature.

use crate::store::Signatures;
use futures::future::BoxFuture;
use platform::db::{Db, Tx, Update};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        type Row = (
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            Option<i64>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT m.name, s.signer_kind, s.signer_name, s.signed_by_name, s.signed_by_role, s.signed_on, \
             s.channel, s.withdrawn_at, s.withdrawal_reason \
             FROM signatures s JOIN municipalities m ON m.id = s.municipality_id \
             WHERE s.recorded_by_user_id = $1 OR s.withdrawn_by_user_id = $1 ORDER BY s.signed_on, s.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let signatures: Vec<serde_json::Value> = rows
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "municipality": r.0, "kind": r.1, "signer": r.2, "signed_by": r.3,
                    "role": r.4, "signed_on": r.5, "channel": r.6,
                    "withdrawn": r.7.map(platform::format::datetime), "withdrawal_reason": r.8,
                })
            })
            .collect();
        Ok(serde_json::json!({ "signatures": signatures }))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        // Online, the account holder signed in their own name: that name goes.
        Update::table(Signatures::Table)
            .set(Signatures::SignedByName, "")
            .filter(Signatures::RecordedByUserId, user_id)
            .filter(Signatures::Channel, "online")
            .run(tx)
            .await?;
        Update::table(Signatures::Table)
            .set(Signatures::RecordedByUserId, None::<UserId>)
            .filter(Signatures::RecordedByUserId, user_id)
            .run(tx)
            .await?;
        Update::table(Signatures::Table)
            .set(Signatures::WithdrawnByUserId, None::<UserId>)
            .filter(Signatures::WithdrawnByUserId, user_id)
            .run(tx)
            .await?;
        Ok(())
    })
}
