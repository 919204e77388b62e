//! A database of one's own for each test: an SQLite file in a temporary folder, or a
//! PostgreSQL database created for it and dropped afterwards.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where PostgreSQL tests create their databases. A test fails (never skips) when it cannot
/// be reached.
pub fn pg_admin_url() -> String {
    std::env::var("OVERENS_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database of one's own, dropped with the value.
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

impl TestDb {
    /// A database with this build's schema (on PostgreSQL a copy of [`pg_template`]).
    pub async fn new(backend: Backend) -> TestDb {
        Self::create(backend, true).await
    }

    /// A database with no tables at all, for tests of the migrations themselves.
    pub async fn empty(backend: Backend) -> TestDb {
        Self::create(backend, false).await
    }

    async fn create(backend: Backend, migrated: bool) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite://{}/test.db", dir.path().display());
                TestDb {
                    url,
                    backend,
                    _dir: Some(dir),
                    pg_name: None,
                }
            }
            Backend::Postgres => {
                use rand::Rng;
                let name = format!("overens_test_{:016x}", rand::thread_rng().gen::<u64>());
                let admin = pg_admin_url();
                sqlx::any::install_default_drivers();
                let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin)
                    .await
                    .unwrap_or_else(|e| {
                        panic!("PostgreSQL at {admin} is needed for this test and cannot be reached: {e}")
                    });
                let create = if migrated {
                    format!("CREATE DATABASE {name} TEMPLATE {}", pg_template(&mut conn).await)
                } else {
                    format!("CREATE DATABASE {name}")
                };
                sqlx::query(&create)
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                TestDb {
                    url: pg_url(&name),
                    backend,
                    _dir: None,
                    pg_name: Some(name),
                }
            }
        }
    }
}

/// The URL of database `name` on the server of [`pg_admin_url`].
fn pg_url(name: &str) -> String {
    let admin = pg_admin_url();
    let base = admin
        .rsplit_once('/')
        .map(|(b, _)| b.to_string())
        .unwrap_or(admin.clone());
    format!("{base}/{name}")
}

/// The PostgreSQL database every test database is copied from (`CREATE DATABASE … TEMPLATE`):
/// empty but for this build's migrations, which it then need not run again (copying is several
/// times faster than migrating). Its name carries a hash of the migrations' versions and
/// checksums, so a changed or added migration makes a new one and builds with other migrations
/// (another branch) keep theirs. The first test to need it makes it under an advisory lock,
/// under a temporary name that becomes the template only once every migration is applied.
async fn pg_template(conn: &mut sqlx::AnyConnection) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for m in app::migrations() {
        for migration in m.postgres.iter() {
            migration.version.hash(&mut hasher);
            migration.checksum.hash(&mut hasher);
        }
    }
    let name = format!("overens_tpl_{:016x}", hasher.finish());
    // Any fixed key: only the test harness takes this lock.
    const LOCK: i64 = 0x006f_7665_7265_6e73;
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(LOCK)
        .execute(&mut *conn)
        .await
        .expect("lock for the template database");
    let exists: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut *conn)
        .await
        .expect("look for the template database");
    if exists.is_none() {
        let making = format!("{name}_making");
        for sql in [
            format!("DROP DATABASE IF EXISTS {making} WITH (FORCE)"),
            format!("CREATE DATABASE {making}"),
        ] {
            sqlx::query(&sql)
                .execute(&mut *conn)
                .await
                .expect("make the template database");
        }
        let db = app::connect(&pg_url(&making))
            .await
            .expect("migrate the template database");
        db.pool.close().await;
        sqlx::query(&format!("ALTER DATABASE {making} RENAME TO {name}"))
            .execute(&mut *conn)
            .await
            .expect("name the template database");
    }
    sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(LOCK)
        .execute(&mut *conn)
        .await
        .expect("unlock the template database");
    name
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = self.pg_name.take() {
            // Drop runs outside async code: use a small runtime of its own on another thread.
            let admin = pg_admin_url();
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build();
                if let Ok(rt) = rt {
                    rt.block_on(async move {
                        if let Ok(mut conn) = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin).await {
                            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut conn)
                                .await;
                        }
                    });
                }
            })
            .join();
        }
    }
}
