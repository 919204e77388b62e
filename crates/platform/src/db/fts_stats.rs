//! SQLite: keep `ANALYZE` away from the FTS5 tables. With statistics (`sqlite_stat1`, and the
//! `sqlite_stat4` samples of this build) on an FTS5 table's shadow tables (`…_data`, `…_idx`,
//! `…_content`, `…_docsize`, `…_config`), FTS5 prepares its internal statements again on every
//! search: measured in the directory benchmark as a third of the server's CPU, 1,302 instead of
//! 2,387 searches a second (README, "Directory search"). An operator may well run `ANALYZE` or
//! `PRAGMA optimize`; at every start the statistics of those shadow tables are removed, before
//! the pool's connections read the schema, so the good plan comes back with the restart.

use super::{Backend, Db};

/// The shadow tables FTS5 makes for each of its virtual tables.
const SHADOW: &[&str] = &["_data", "_idx", "_content", "_docsize", "_config"];

/// Remove the planner statistics of every FTS5 table's shadow tables (SQLite; nothing on
/// PostgreSQL). Returns how many statistics rows were removed.
pub async fn forget_fts_statistics(db: &Db) -> Result<u64, sqlx::Error> {
    if db.backend != Backend::Sqlite {
        return Ok(0);
    }
    let mut conn = db.pool.acquire().await?;
    let fts: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND lower(sql) LIKE 'create virtual table%using fts5%'",
    )
    .fetch_all(&mut *conn)
    .await?;
    let stats: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4')",
    )
    .fetch_all(&mut *conn)
    .await?;
    if fts.is_empty() || stats.is_empty() {
        return Ok(0);
    }
    let mut removed = 0;
    for (stat,) in &stats {
        for (table,) in &fts {
            for suffix in SHADOW {
                // The statistics tables' and the shadow tables' names come from sqlite_schema,
                // not from input.
                let sql = format!("DELETE FROM {stat} WHERE tbl = $1");
                removed += sqlx::query(&sql)
                    .bind(format!("{table}{suffix}"))
                    .execute(&mut *conn)
                    .await?
                    .rows_affected();
            }
        }
    }
    if removed > 0 {
        // This connection reads the statistics again; the others are opened after it.
        sqlx::query("ANALYZE sqlite_schema").execute(&mut *conn).await?;
        tracing::info!(
            removed,
            "statistics of the full-text index's own tables removed (they slow every search)"
        );
    }
    Ok(removed)
}
