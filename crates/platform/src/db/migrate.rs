//! Applying the capabilities' migrations. sqlx's migrator does it, with one exception: on SQLite,
//! sqlx 0.8 runs every migration inside a transaction even when the file starts with
//! `-- no-transaction`, and SQLite ignores `PRAGMA foreign_keys` inside a transaction. A table
//! rebuild (the only way SQLite drops a column a foreign key uses) needs foreign keys off, or
//! dropping the old table cascades to every row that points at it. So on SQLite a
//! `-- no-transaction` migration is run here, on its own connection, as written (the file holds
//! its own `BEGIN`/`COMMIT` between the pragmas), and recorded in `_sqlx_migrations` exactly as
//! sqlx records one; the migrator then sees it as applied and checks its checksum as usual.

use super::{Backend, Db, DbError, Migrations};
use sqlx::migrate::{Migrate, Migration, Migrator};
use sqlx::Acquire;

/// Apply the migrations of every capability, in the order given.
pub(super) async fn run(db: &Db, all: &[Migrations]) -> Result<(), DbError> {
    for m in all {
        let migrations = match db.backend {
            Backend::Sqlite => &m.sqlite.migrations,
            Backend::Postgres => &m.postgres.migrations,
        };
        tracing::debug!(capability = m.name, "migrating");
        // Runs of ordinary migrations go through sqlx's migrator; on SQLite a no-transaction
        // migration between them is applied by hand, in its place in the order.
        let mut batch: Vec<Migration> = vec![];
        for migration in migrations.iter() {
            if db.backend == Backend::Sqlite && migration.no_tx && migration.migration_type.is_up_migration() {
                apply_batch(db, std::mem::take(&mut batch)).await?;
                apply_without_transaction(db, migration).await?;
            } else {
                batch.push(migration.clone());
            }
        }
        apply_batch(db, batch).await?;
    }
    Ok(())
}

async fn apply_batch(db: &Db, migrations: Vec<Migration>) -> Result<(), DbError> {
    if migrations.is_empty() {
        return Ok(());
    }
    let mut migrator = Migrator {
        migrations: migrations.into(),
        ..Migrator::DEFAULT
    };
    // Other capabilities' versions live in the same table.
    migrator.set_ignore_missing(true);
    migrator.run(&db.pool).await?;
    Ok(())
}

async fn apply_without_transaction(db: &Db, migration: &Migration) -> Result<(), DbError> {
    let mut pooled = db.pool.acquire().await?;
    let conn = pooled.acquire().await?;
    conn.ensure_migrations_table().await?;
    let applied = conn.list_applied_migrations().await?;
    if let Some(done) = applied.iter().find(|a| a.version == migration.version) {
        if done.checksum != migration.checksum {
            return Err(sqlx::migrate::MigrateError::VersionMismatch(migration.version).into());
        }
        return Ok(());
    }
    tracing::info!(
        version = migration.version,
        "applying a migration outside a transaction"
    );
    let outcome = sqlx::raw_sql(&migration.sql).execute(&mut *conn).await;
    if let Err(e) = outcome {
        // The connection may be left with foreign keys off or inside the script's transaction:
        // it does not go back to the pool.
        pooled.detach();
        return Err(sqlx::migrate::MigrateError::ExecuteMigration(e, migration.version).into());
    }
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ($1, $2, TRUE, $3, -1)",
    )
    .bind(migration.version)
    .bind(migration.description.to_string())
    .bind(migration.checksum.to_vec())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
