//! Backups: `overens backup` copies a running SQLite installation into a file that opens on its
//! own, and a server started from that file has the demo whole: every table's rows, the pages,
//! and the accounts' passwords. On PostgreSQL the command points to pg_dump and pg_restore.

use std::process::Command;
use std::sync::Arc;
use testkit::{Backend, Options, TestApp, TestDb};

fn overens() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_overens"));
    for (k, _) in std::env::vars() {
        if k.starts_with("OVERENS_") {
            c.env_remove(k);
        }
    }
    c
}

fn run(c: &mut Command) -> (bool, String) {
    let out = c.output().expect("run overens");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// Every table's row count (the registry's FTS5 index and its shadow tables included).
async fn counts(db: &platform::db::Db) -> Vec<(String, i64)> {
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let mut out = vec![];
    for (t,) in tables {
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM \"{t}\""))
            .fetch_one(&db.pool)
            .await
            .unwrap();
        out.push((t, n));
    }
    out
}

const PAGES: &[&str] = &[
    "/",
    "/sala/",
    "/sala/overenskommelse",
    "/sala/signeringsbok",
    "/sala/foreningar",
    "/sala/foreningar?q=kultur",
    "/sala/handlingsplan",
    "/sala/moten",
    "/sala/lokaler",
    "/sala/bidrag",
    "/orebro/signeringsbok",
    "/lulea/overenskommelse",
    "/api/v1/sala/organisations",
    "/api/v1/sala/meetings",
    "/api/v1/sala/premises",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_of_the_running_demo_brings_it_back_whole() {
    let source = Arc::new(TestDb::new(Backend::Sqlite).await);
    let live = TestApp::start_with(source.clone(), Options::default()).await;
    assert!(app::demo::load(&live.state.db, live.state.now()).await.unwrap());

    // The copy is taken while the server runs (and holds connections to the file).
    let copy = Arc::new(TestDb::new(Backend::Sqlite).await);
    let file = copy.url.trim_start_matches("sqlite://").to_string();
    let (ok, out) = run(overens().args(["backup", &file, "--database-url", &source.url]));
    assert!(ok, "{out}");
    assert!(out.contains(&file) && out.contains("bytes"), "{out}");
    assert!(!std::path::Path::new(&format!("{file}.partial")).exists());
    let (ok, out) = run(overens().args(["backup", &file, "--database-url", &source.url]));
    assert!(
        !ok && out.contains("exists already"),
        "an existing file is never overwritten: {out}"
    );

    let restored = TestApp::start_with(copy.clone(), Options::default()).await;
    let (before, after) = (counts(&live.state.db).await, counts(&restored.state.db).await);
    assert_eq!(before, after, "every table has the same rows");
    let count = |t: &str| before.iter().find(|(n, _)| n == t).map(|(_, c)| *c).unwrap_or(0);
    for (table, at_least) in [
        ("municipalities", 3),
        ("users", 6),
        ("organisations", 10),
        ("signatures", 8),
        ("agreement_principles", 6),
        ("actionplan_activities", 17),
        ("meetings_meetings", 1),
        ("meetings_series", 1),
        ("grants_attendance", 1),
        ("premises_rooms", 1),
        ("premises_bookings", 1),
        ("grants_programmes", 1),
        ("grants_applications", 1),
    ] {
        assert!(count(table) >= at_least, "the demo has {table}: {before:?}");
    }
    eprintln!(
        "backup of the demo: {} tables, {} rows",
        before.len(),
        before.iter().map(|(_, n)| n).sum::<i64>()
    );

    // The same pages, word for word (the two servers differ only in their port).
    let (a, b) = (live.client(), restored.client());
    for path in PAGES {
        let (pa, pb) = (a.get(path).await, b.get(path).await);
        assert_eq!(pa.status, 200, "{path}");
        assert_eq!(pb.status, 200, "{path}");
        assert_eq!(
            pa.text().replace(&live.base, ""),
            pb.text().replace(&restored.base, ""),
            "{path} answers the same from the backup"
        );
    }
    // The demo coordinator's password (a hash in the copy) still opens the admin pages.
    b.login("samordnare.sala@demo.overens.example", app::demo::PASSWORD)
        .await;
    assert_eq!(b.get("/sala/admin/").await.status, 200);
    live.stop().await;
    restored.stop().await;
}

#[tokio::test]
async fn backup_on_postgresql_points_to_pg_dump_and_pg_restore() {
    let db = TestDb::new(Backend::Postgres).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.db");
    let (ok, out) = run(overens().arg("backup").arg(&file).args(["--database-url", &db.url]));
    assert!(!ok);
    assert!(out.contains("pg_dump") && out.contains("pg_restore"), "{out}");
    assert!(!file.exists());
}

#[test]
fn backup_of_a_missing_file_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/nothing.db", dir.path().display());
    let (ok, out) = run(overens()
        .args(["backup"])
        .arg(dir.path().join("copy.db"))
        .args(["--database-url", &url]));
    assert!(!ok && out.contains("no database file"), "{out}");
    assert!(!dir.path().join("nothing.db").exists());
}
