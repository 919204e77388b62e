//! What the idea bank keeps about an account holder: the ideas they submitted, the ideas they
//! support and their comments. The account's export lists them; erasing the account removes the
//! person's name from their ideas and comments (`submitted_by`, `user_id` to NULL: an idea and
//! what was said about it stay, without anyone's name) and removes their supports.

use super::store::{Comments, Ideas, Supports};
use platform::db::{Db, Delete, Tx, Update};
use platform::UserId;

pub(crate) async fn export(db: &Db, user_id: UserId) -> Result<serde_json::Value, sqlx::Error> {
    let ideas: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT m.name, i.title, i.description, i.status, i.created_at FROM support_ideas i \
         JOIN municipalities m ON m.id = i.municipality_id WHERE i.submitted_by = $1 ORDER BY i.created_at, i.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    let supported: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT m.name, i.title, s.created_at FROM support_idea_supports s JOIN support_ideas i ON i.id = s.idea_id \
         JOIN municipalities m ON m.id = s.municipality_id WHERE s.user_id = $1 ORDER BY s.created_at, i.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    let comments: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT m.name, i.title, c.body, c.created_at FROM support_idea_comments c JOIN support_ideas i ON i.id = c.idea_id \
         JOIN municipalities m ON m.id = c.municipality_id WHERE c.user_id = $1 ORDER BY c.created_at, c.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(serde_json::json!({
        "ideas_submitted": ideas.into_iter().map(|r| serde_json::json!({
            "municipality": r.0, "title": r.1, "description": r.2, "status": r.3,
            "submitted": platform::format::datetime(r.4),
        })).collect::<Vec<_>>(),
        "ideas_supported": supported.into_iter().map(|r| serde_json::json!({
            "municipality": r.0, "idea": r.1, "supported": platform::format::datetime(r.2),
        })).collect::<Vec<_>>(),
        "idea_comments": comments.into_iter().map(|r| serde_json::json!({
            "municipality": r.0, "idea": r.1, "comment": r.2, "written": platform::format::datetime(r.3),
        })).collect::<Vec<_>>(),
    }))
}

pub(crate) async fn erase(tx: &mut Tx, user_id: UserId) -> Result<(), sqlx::Error> {
    Update::table(Ideas::Table)
        .set(Ideas::SubmittedBy, None::<UserId>)
        .filter(Ideas::SubmittedBy, user_id)
        .run(tx)
        .await?;
    Update::table(Comments::Table)
        .set(Comments::UserId, None::<UserId>)
        .filter(Comments::UserId, user_id)
        .run(tx)
        .await?;
    Delete::from(Supports::Table)
        .filter(Supports::UserId, user_id)
        .run(tx)
        .await?;
    Ok(())
}
