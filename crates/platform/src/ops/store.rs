//! What `/metrics` and `/readyz` read from the database.

use crate::db::Db;
use std::collections::BTreeSet;

pub struct Queue {
    pub by_status: Vec<(&'static str, i64)>,
    pub due: i64,
    pub retrying: i64,
}

const STATUSES: [&str; 4] = ["pending", "running", "done", "failed"];

pub async fn queue(db: &Db, now: i64) -> Result<Queue, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT status, COUNT(*) FROM jobs GROUP BY status")
        .fetch_all(&db.pool)
        .await?;
    let by_status = STATUSES
        .iter()
        .map(|s| (*s, rows.iter().find(|(r, _)| r == s).map(|(_, n)| *n).unwrap_or(0)))
        .collect();
    let (due, retrying): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(CASE WHEN run_at <= $1 THEN 1 ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM jobs WHERE status = 'pending'",
    )
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(Queue {
        by_status,
        due,
        retrying,
    })
}

/// The versions of the migrations applied successfully.
pub async fn applied_migrations(db: &Db) -> Result<BTreeSet<i64>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success")
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(|(v,)| v).collect())
}
