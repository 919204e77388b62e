//! What "En dörr in" keeps about an account holder: the cases asked with the account's e-mail
//! address (the form needs no account, so the address is what ties them to the person). The
//! export lists them. Erasure blanks the asker's name and address and ends the personal links,
//! but keeps the case: a question the municipality receives is a public record
//! (allmän handling, tryckfrihetsförordningen 2 kap.), which the municipality must keep by its
//! archive rules; the case stays, without whom it was from.

use super::domain;
use super::store::Cases;
use platform::db::{Db, Tx, Update};
use platform::UserId;

async fn email_of(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0.trim().to_lowercase()).filter(|e| !e.is_empty()))
}

pub(crate) async fn export(db: &Db, user_id: UserId) -> Result<serde_json::Value, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    let Some(email) = email_of(&mut conn, user_id).await? else {
        return Ok(serde_json::json!({ "door_cases": [] }));
    };
    type Row = (String, i64, i64, String, String, String, String, String, i64);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT m.name, c.year, c.number, c.topic_name, c.question, c.organisation, c.asker_name, c.status, \
         c.created_at FROM support_door_cases c JOIN municipalities m ON m.id = c.municipality_id \
         WHERE LOWER(c.asker_email) = $1 ORDER BY c.created_at, c.id",
    )
    .bind(&email)
    .fetch_all(&mut *conn)
    .await?;
    Ok(serde_json::json!({
        "door_cases": rows.into_iter().map(|r| serde_json::json!({
            "municipality": r.0, "case": domain::case_number(r.1, r.2), "topic": r.3, "question": r.4,
            "organisation": r.5, "name": r.6, "email": email, "status": r.7,
            "received": platform::format::datetime(r.8),
        })).collect::<Vec<_>>(),
    }))
}

pub(crate) async fn erase(tx: &mut Tx, user_id: UserId) -> Result<(), sqlx::Error> {
    let Some(email) = email_of(tx, user_id).await? else {
        return Ok(());
    };
    // The personal links in the person's letters stop working.
    sqlx::query(
        "DELETE FROM support_door_links WHERE case_id IN \
         (SELECT id FROM support_door_cases WHERE LOWER(asker_email) = $1)",
    )
    .bind(&email)
    .execute(&mut **tx)
    .await?;
    // The case is a public record and stays; only who asked goes.
    Update::table(Cases::Table)
        .set(Cases::AskerName, "")
        .set(Cases::AskerEmail, "")
        .filter_expr(sea_query::Expr::expr(sea_query::Func::lower(sea_query::Expr::col(Cases::AskerEmail))).eq(email))
        .run(tx)
        .await?;
    Ok(())
}
