//! The registry's count on the platform's front page: the associations in each municipality's
//! registry, in one query.

use platform::db::Db;
use platform::home::Tally;

pub fn tally(db: &Db, _now: i64) -> futures::future::BoxFuture<'_, Result<Tally, sqlx::Error>> {
    Box::pin(async move {
        let counts = sqlx::query_as("SELECT municipality_id, COUNT(*) FROM organisations GROUP BY municipality_id")
            .fetch_all(&db.pool)
            .await?;
        Ok(Tally {
            order: 10,
            message_id: "registry-tally",
            counts,
        })
    })
}
