//! What the consultation group keeps about an account holder: their memberships (the
//! municipality, the association they answer for, when they consented). The export lists them;
//! erasure removes them.

use super::store::Members;
use platform::db::{Db, Delete, Tx};
use platform::UserId;

pub(crate) async fn export(db: &Db, user_id: UserId) -> Result<serde_json::Value, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT m.name, c.organisation, c.consented_at FROM support_consultation_members c \
         JOIN municipalities m ON m.id = c.municipality_id WHERE c.user_id = $1 ORDER BY c.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(serde_json::json!({
        "consultation_group": rows.into_iter().map(|(municipality, organisation, at)| serde_json::json!({
            "municipality": municipality, "organisation": organisation,
            "consented": platform::format::datetime(at),
        })).collect::<Vec<_>>(),
    }))
}

pub(crate) async fn erase(tx: &mut Tx, user_id: UserId) -> Result<(), sqlx::Error> {
    Delete::from(Members::Table)
        .filter(Members::UserId, user_id)
        .run(tx)
        .await?;
    Ok(())
}
