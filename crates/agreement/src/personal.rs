//! What the agreement keeps about an account holder: the comments they gave in consultations
//! (with their name and e-mail, which the coordinator sees beside each comment). The account's
//! export lists them; erasing the account unlinks them from the person, so the texts stay in
//! the compilation without anyone's name or address.

use crate::consultation::store::Comments;
use futures::future::BoxFuture;
use platform::db::{Db, Tx, Update};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        type Row = (String, String, String, String, i64, String, String, String, String, i64);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT m.name, k.title, k.status, i.principle_name, i.position, i.body, u.name, u.email, c.body, \
             c.created_at \
             FROM agreement_comments c JOIN agreement_consultations k ON k.id = c.consultation_id \
             JOIN agreement_consultation_items i ON i.id = c.item_id \
             JOIN municipalities m ON m.id = c.municipality_id JOIN users u ON u.id = c.user_id \
             WHERE c.user_id = $1 ORDER BY c.created_at, c.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let comments: Vec<serde_json::Value> = rows
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "municipality": r.0, "consultation": r.1, "consultation_status": r.2,
                    "principle": r.3, "commitment_number": r.4, "commitment": r.5,
                    "name": r.6, "email": r.7, "comment": r.8,
                    "written": platform::format::datetime(r.9),
                })
            })
            .collect();
        Ok(serde_json::json!({ "consultation_comments": comments }))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        Update::table(Comments::Table)
            .set(Comments::UserId, None::<UserId>)
            .filter(Comments::UserId, user_id)
            .run(tx)
            .await?;
        Ok(())
    })
}
