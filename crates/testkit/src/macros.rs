//! `both!`, `sqlite!` and `browser!`: one test function run on the databases it must hold on.

/// Run a test function on SQLite only, when what it checks does not depend on the database.
/// `sqlite!(name);` makes `name::sqlite`. Browser tests use [`browser!`] instead.
#[macro_export]
macro_rules! sqlite {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await
                }
            }
        )*
    };
}

/// A browser test (accessibility does not depend on the database, so SQLite only):
/// `browser!(name);` makes `name::browser` from `async fn name(backend: Backend)`. The name lets
/// nextest run one browser at a time beside the other tests (`.config/nextest.toml`).
#[macro_export]
macro_rules! browser {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn browser() {
                    super::$name($crate::Backend::Sqlite).await
                }
            }
        )*
    };
}

/// Run a test function on SQLite and on PostgreSQL: `both!(name, other_name);` makes
/// `name::sqlite` and `name::postgres` from `async fn name(backend: Backend)`.
#[macro_export]
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::Backend::Postgres).await
                }
            }
        )*
    };
}
