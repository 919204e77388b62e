//! What news and good examples keep about an account holder: the stories they sent for their
//! association (the story names who sent it). The account's export lists them; erasing the
//! account removes the person from them (`submitted_by` to NULL): a published story stays, its
//! association's, without anyone's name.

use super::store::News;
use futures::future::BoxFuture;
use platform::db::{Db, Tx, Update};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        type Row = (String, Option<i64>, String, String, String, String, i64, i64);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT m.name, n.organisation_id, n.title, n.lead, n.status, n.published_on, n.created_at, n.updated_at \
             FROM openness_news n JOIN municipalities m ON m.id = n.municipality_id \
             WHERE n.submitted_by = $1 ORDER BY n.created_at, n.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let stories: Vec<serde_json::Value> = rows
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "municipality": r.0, "organisation_id": r.1, "title": r.2, "lead": r.3,
                    "status": r.4, "published_on": r.5,
                    "written": platform::format::datetime(r.6),
                    "changed": platform::format::datetime(r.7),
                })
            })
            .collect();
        Ok(serde_json::json!({ "news_stories": stories }))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        Update::table(News::Table)
            .set(News::SubmittedBy, None::<UserId>)
            .filter(News::SubmittedBy, user_id)
            .run(tx)
            .await?;
        Ok(())
    })
}
