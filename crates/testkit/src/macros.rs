//! `both!` and `sqlite!`: one test function run on the databases it must hold on.

/// Run a test function on SQLite only: for browser tests, since what a page shows a browser
/// (and axe-core) does not depend on the database. `sqlite!(name);` makes `name::sqlite`.
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
