//! The database: one pool over SQLite or PostgreSQL (sqlx's `Any` driver, so queries are written
//! once with `$1` placeholders, which both accept), real migrations per backend, and the few
//! places where the two genuinely differ, named explicitly.

mod constraint;
mod fts_stats;
mod json;
mod migrate;
mod sql;
mod write;

pub use constraint::{OnConstraint, Unique, Violation};
pub use fts_stats::forget_fts_statistics;
pub use json::{json_rows, parse_json_rows};
pub use sql::{Delete, Insert, Update};
pub use write::write;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A PostgreSQL URL with `sslmode=disable` added when the server is on this machine (a
/// loopback address, `localhost` or a Unix socket) and the URL does not choose a mode itself.
/// The driver's default (`prefer`) encrypts every round trip when the server offers TLS, as
/// Debian's does out of the box: on loopback that buys nothing and cost every query its
/// encryption (issue 21). Another host keeps the driver's default; `sslmode=require` (or any
/// mode) in the URL is always kept.
pub fn plain_on_loopback(url: &str) -> String {
    let Ok(mut u) = url::Url::parse(url) else {
        return url.to_string();
    };
    if u.query_pairs().any(|(k, _)| k == "sslmode" || k == "ssl-mode") {
        return url.to_string();
    }
    let socket = u.query_pairs().any(|(k, v)| k == "host" && v.starts_with('/'));
    let local = socket
        || match u.host() {
            Some(url::Host::Ipv4(a)) => a.is_loopback(),
            Some(url::Host::Ipv6(a)) => a.is_loopback(),
            // PostgreSQL's scheme is not one the URL standard knows, so an address stays a name.
            Some(url::Host::Domain(d)) => {
                d.is_empty()
                    || d == "localhost"
                    || d.trim_start_matches('[')
                        .trim_end_matches(']')
                        .parse::<std::net::IpAddr>()
                        .is_ok_and(|a| a.is_loopback())
            }
            None => true,
        };
    if !local {
        return url.to_string();
    }
    u.query_pairs_mut().append_pair("sslmode", "disable");
    u.to_string()
}

/// The migrations of one capability, for both backends. Each capability keeps its own folder;
/// versions are dated so that they never collide across capabilities.
pub struct Migrations {
    pub name: &'static str,
    pub sqlite: &'static Migrator,
    pub postgres: &'static Migrator,
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database_url must start with sqlite:// or postgres://")]
    UnknownBackend,
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Db {
    /// Connect; an SQLite file is created when missing, with WAL, foreign keys and a busy timeout.
    /// SQLite reads the file through a memory map (up to 1 GiB of address space per connection)
    /// and keeps 16 MiB of pages per connection: copying pages out of the kernel on every read
    /// was a tenth of the directory search's CPU (measured: 2,263 → 2,838 searches a second).
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url).ok_or(DbError::UnknownBackend)?;
        let pool = match backend {
            Backend::Sqlite => {
                let url = if url.contains('?') {
                    url.to_string()
                } else {
                    format!("{url}?mode=rwc")
                };
                let opts = AnyConnectOptions::from_str(&url)?;
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                                 PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; \
                                 PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16384;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(opts)
                    .await?
            }
            Backend::Postgres => {
                let opts = AnyConnectOptions::from_str(&plain_on_loopback(url))?;
                AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(opts)
                    .await?
            }
        };
        Ok(Db { pool, backend })
    }

    /// Apply the migrations of every capability, in the order given.
    pub async fn migrate(&self, all: &[Migrations]) -> Result<(), DbError> {
        migrate::run(self, all).await
    }

    /// A transaction that will write. On SQLite it takes the write lock at the start
    /// (`BEGIN IMMEDIATE`), so two writers queue on the busy timeout instead of failing on a lock
    /// upgrade; PostgreSQL's default isolation needs nothing extra.
    pub async fn write(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// `FOR UPDATE SKIP LOCKED` where the database has row locks; SQLite has one writer at a
    /// time, so a claim inside [`Db::write`] is already exclusive.
    pub fn skip_locked(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// The row lock for a row read inside [`Db::write`] that the transaction will change:
    /// ` FOR UPDATE` on PostgreSQL, nothing on SQLite, whose write transaction already holds
    /// the only write lock (`BEGIN IMMEDIATE`). Append it to the `SELECT`.
    pub fn for_update(&self) -> &'static str {
        self.backend.for_update()
    }
}

impl Backend {
    /// See [`Db::for_update`].
    pub fn for_update(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }

    /// The backend of a connection from the pool (inside a transaction).
    pub fn of(conn: &sqlx::AnyConnection) -> Backend {
        if conn.backend_name().eq_ignore_ascii_case("sqlite") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        }
    }
}

/// Whether an error is a unique-constraint violation (both backends). Prefer
/// [`OnConstraint::on_unique`], which names the constraint.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(Violation::of(e), Some(Violation::Unique { .. }))
}

pub static MIGRATIONS: Migrations = Migrations {
    name: "platform",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

#[cfg(test)]
mod tests {
    use super::plain_on_loopback;

    #[test]
    fn postgres_on_this_machine_goes_without_tls_unless_the_url_says() {
        assert_eq!(
            plain_on_loopback("postgres://postgres@127.0.0.1:5432/overens"),
            "postgres://postgres@127.0.0.1:5432/overens?sslmode=disable"
        );
        assert_eq!(
            plain_on_loopback("postgres://u:p@localhost/db?application_name=x"),
            "postgres://u:p@localhost/db?application_name=x&sslmode=disable"
        );
        assert_eq!(
            plain_on_loopback("postgres://[::1]/db"),
            "postgres://[::1]/db?sslmode=disable"
        );
        assert_eq!(
            plain_on_loopback("postgres:///db?host=/var/run/postgresql"),
            "postgres:///db?host=/var/run/postgresql&sslmode=disable"
        );
        for kept in [
            "postgres://postgres@127.0.0.1/db?sslmode=require",
            "postgres://db.example.se/overens",
            "postgres://10.0.0.5:5432/overens",
        ] {
            assert_eq!(plain_on_loopback(kept), kept);
        }
    }
}
