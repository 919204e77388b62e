//! What newsletters keep about an account holder, by their account's address: their
//! subscriptions, the newsletters sent to them and whether they unsubscribed. The export lists
//! them; erasure removes the subscriptions and every delivery to the address. The record that
//! the address unsubscribed stays: it is what keeps mail from reaching it again.

use futures::future::BoxFuture;
use platform::db::{Db, Tx};
use platform::UserId;

async fn address(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0.trim().to_lowercase()))
}

pub(crate) fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        let mut conn = db.pool.acquire().await?;
        let Some(email) = address(&mut conn, user_id).await? else {
            return Ok(serde_json::json!({ "newsletter_subscriptions": [] }));
        };
        let subs: Vec<(String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT m.name, s.confirmed_at, s.created_at FROM openness_newsletter_subscribers s \
             JOIN municipalities m ON m.id = s.municipality_id WHERE s.email = $1 ORDER BY s.id",
        )
        .bind(&email)
        .fetch_all(&mut *conn)
        .await?;
        let sent: Vec<(String, String, Option<i64>)> = sqlx::query_as(
            "SELECT m.name, n.subject, d.sent_at FROM openness_newsletter_deliveries d \
             JOIN openness_newsletters n ON n.id = d.newsletter_id JOIN municipalities m ON m.id = d.municipality_id \
             WHERE d.email = $1 ORDER BY d.id",
        )
        .bind(&email)
        .fetch_all(&mut *conn)
        .await?;
        let gone: Vec<(String, i64)> = sqlx::query_as(
            "SELECT m.name, u.unsubscribed_at FROM openness_newsletter_unsubscribed u \
             JOIN municipalities m ON m.id = u.municipality_id WHERE u.email = $1",
        )
        .bind(&email)
        .fetch_all(&mut *conn)
        .await?;
        let date = |t: Option<i64>| t.map(platform::format::datetime);
        Ok(serde_json::json!({
            "newsletter_subscriptions": subs.into_iter().map(|s| serde_json::json!({
                "municipality": s.0, "confirmed": date(s.1), "subscribed": platform::format::datetime(s.2),
            })).collect::<Vec<_>>(),
            "newsletters_sent": sent.into_iter().map(|d| serde_json::json!({
                "municipality": d.0, "subject": d.1, "sent": date(d.2),
            })).collect::<Vec<_>>(),
            "newsletters_unsubscribed": gone.into_iter().map(|u| serde_json::json!({
                "municipality": u.0, "unsubscribed": platform::format::datetime(u.1),
            })).collect::<Vec<_>>(),
        }))
    })
}

pub(crate) fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        let Some(email) = address(&mut *tx, user_id).await? else {
            return Ok(());
        };
        super::store::forget(&mut *tx, None, &email).await?;
        sqlx::query("DELETE FROM openness_newsletter_deliveries WHERE email = $1")
            .bind(&email)
            .execute(&mut **tx)
            .await?;
        Ok(())
    })
}
