//! `overens backup FILE`: an online copy of the SQLite database into a new file that opens on
//! its own. SQLite's `VACUUM INTO` reads one consistent snapshot (a read transaction, so the
//! server may keep serving and writing meanwhile) and writes a compact copy; the copy is written
//! under a temporary name, checked (`PRAGMA integrity_check`) and only then renamed, so a
//! file with the name asked for is always whole. PostgreSQL has its own tools: `pg_dump` and
//! `pg_restore` (see the README); the command says so.

use platform::db::{Backend, Db};
use std::path::{Path, PathBuf};

/// What to run instead on PostgreSQL.
pub const POSTGRES_HELP: &str = "the database is PostgreSQL: back it up with its own tools, e.g.\n  \
     pg_dump --format=custom --file=overens.dump 'postgres://USER@HOST/DB'\n\
     and restore into a new, empty database with\n  \
     createdb NEWDB && pg_restore --no-owner --dbname='postgres://USER@HOST/NEWDB' overens.dump\n\
     (see \"Backups\" in the README)";

/// Open the database to copy as it is (no migrations; an SQLite file must exist).
pub async fn open_existing(url: &str) -> anyhow::Result<Db> {
    if Backend::from_url(url) == Some(Backend::Sqlite) {
        let path = url
            .trim_start_matches("sqlite:")
            .trim_start_matches("//")
            .split('?')
            .next()
            .unwrap_or_default();
        if !Path::new(path).exists() {
            anyhow::bail!("there is no database file {path} to back up (setting `database_url`)");
        }
    }
    Db::connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", crate::redact(url)))
}

/// Copy the database into `file` (which must not exist). Returns the copy's size in bytes.
pub async fn to_file(db: &Db, file: &Path) -> anyhow::Result<u64> {
    if db.backend == Backend::Postgres {
        anyhow::bail!("{POSTGRES_HELP}");
    }
    if file.exists() {
        anyhow::bail!("{} exists already: give the backup a new name", file.display());
    }
    let partial = partial_name(file);
    let _ = std::fs::remove_file(&partial);
    let target = partial
        .to_str()
        .ok_or_else(|| anyhow::anyhow!("{}: the file name must be UTF-8", file.display()))?
        .to_string();
    sqlx::query("VACUUM INTO $1")
        .bind(&target)
        .execute(&db.pool)
        .await
        .map_err(|e| anyhow::anyhow!("cannot write the backup {}: {e}", partial.display()))?;
    let check = check_copy(&target).await;
    if let Err(e) = check {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, file)
        .map_err(|e| anyhow::anyhow!("cannot rename {} to {}: {e}", partial.display(), file.display()))?;
    Ok(std::fs::metadata(file)?.len())
}

fn partial_name(file: &Path) -> PathBuf {
    let mut name = file.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    file.with_file_name(name)
}

/// Open the copy on its own and let SQLite check every page and index.
async fn check_copy(path: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut conn = sqlx::AnyConnection::connect(&format!("sqlite://{path}?mode=ro")).await?;
    let (result,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&mut conn).await?;
    conn.close().await?;
    if result != "ok" {
        anyhow::bail!("the backup {path} failed SQLite's integrity check: {result}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_copy_is_written_beside_the_file_under_another_name() {
        assert_eq!(
            super::partial_name(std::path::Path::new("/b/overens-2026.db")),
            std::path::PathBuf::from("/b/overens-2026.db.partial")
        );
    }
}
