//! The `overens` binary as an operator uses it: settings and their errors, migrations on both
//! databases reaching the same schema, the demo, and shutdown on SIGTERM.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use testkit::process::{free_port, Overens};
use testkit::{Backend, TestDb};

const BIN: &str = env!("CARGO_BIN_EXE_overens");

fn overens() -> Command {
    testkit::process::command(BIN)
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

#[test]
fn every_subcommand_has_help() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["demo", "--help"],
        vec!["migrate", "--help"],
        vec!["user", "add", "--help"],
        vec!["synth", "--help"],
        vec!["plan", "import", "--help"],
        vec!["backup", "--help"],
    ] {
        let (ok, out) = run(overens().args(&args));
        assert!(ok, "{args:?}: {out}");
        assert!(out.contains("Usage"), "{args:?}: {out}");
    }
    let (_, out) = run(overens().args(["serve", "--help"]));
    assert!(
        out.contains("--database-url")
            && out.contains("--smtp-host")
            && out.contains("--base-url")
            && out.contains("--bind")
    );
}

#[test]
fn bad_and_unknown_settings_stop_start_up_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        (vec!["serve", "--bind", "nowhere"], vec![], "`bind`"),
        (vec!["serve", "--database-url", "mysql://x"], vec![], "`database_url`"),
        (vec!["serve"], vec![("OVERENS_SMTP_PORT", "seventy")], "`smtp_port`"),
        (
            vec!["serve"],
            vec![("OVERENS_DATABSE_URL", "sqlite://x.db")],
            "OVERENS_DATABSE_URL",
        ),
        (vec!["serve", "--base-url", "overens.example"], vec![], "`base_url`"),
    ];
    for (args, env, expect) in cases {
        let (ok, out) = run(overens().args(&args).envs(env.clone()).current_dir(dir.path()));
        assert!(!ok, "{args:?} {env:?} should fail");
        assert!(out.contains(expect), "{args:?} {env:?}: {out}");
        assert!(!out.contains("panicked"), "{out}");
    }
    let file = dir.path().join("overens.toml");
    std::fs::write(&file, "bind = \"127.0.0.1:1\"\nsmpt_host = \"mail\"\n").unwrap();
    let (ok, out) = run(overens().args(["serve", "--config"]).arg(&file));
    assert!(!ok);
    assert!(
        out.contains("`smpt_host`") && out.contains("configuration file"),
        "{out}"
    );
}

async fn tables(url: &str) -> Vec<(String, String)> {
    let db = platform::db::Db::connect(url).await.unwrap();
    let sql = match db.backend {
        platform::db::Backend::Sqlite => {
            // Virtual tables (the registry's FTS5 index) and their shadow tables exist only on
            // SQLite: PostgreSQL indexes the same text with a GIN index instead.
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' \
             AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' \
                 AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND (m.name = v.name OR m.name LIKE v.name || '\\_%' ESCAPE '\\')) \
             ORDER BY 1, 2"
        }
        platform::db::Backend::Postgres => {
            // Generated columns (the registry's stored search vector) are PostgreSQL's side
            // of what the FTS5 index holds on SQLite.
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%' AND is_generated = 'NEVER' \
             ORDER BY 1, 2"
        }
    };
    sqlx::query_as(sql).fetch_all(&db.pool).await.unwrap()
}

#[tokio::test]
async fn migrate_brings_both_databases_to_the_same_schema() {
    let sqlite = TestDb::empty(Backend::Sqlite).await;
    let postgres = TestDb::empty(Backend::Postgres).await;
    for db in [&sqlite, &postgres] {
        let (ok, out) = run(overens().args(["migrate", "--database-url", &db.url]));
        assert!(ok, "{out}");
        assert!(out.contains("is up to date"));
        let (ok, out) = run(overens().args(["migrate", "--database-url", &db.url]));
        assert!(ok, "migrating twice is harmless: {out}");
    }
    let (s, p) = (tables(&sqlite.url).await, tables(&postgres.url).await);
    assert!(s.iter().any(|(t, c)| t == "users" && c == "email"));
    assert_eq!(
        s, p,
        "the two backends' migrations describe the same tables and columns"
    );
}

#[tokio::test]
async fn user_add_creates_a_first_coordinator() {
    let db = TestDb::new(Backend::Sqlite).await;
    let (ok, out) = run(overens().args(["migrate", "--database-url", &db.url]));
    assert!(ok, "{out}");
    let state = platform::db::Db::connect(&db.url).await.unwrap();
    testkit::process::sala(&state, 0).await;
    let mut child = overens()
        .args([
            "user",
            "add",
            "--email",
            "jane@sala.example",
            "--name",
            "Jane",
            "--role",
            "coordinator",
            "--municipality",
            "sala",
            "--password-stdin",
            "--database-url",
            &db.url,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"ett riktigt bra losenord\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (role, slug): (String, String) = sqlx::query_as("SELECT r.role, m.slug FROM roles r JOIN users u ON u.id = r.user_id JOIN municipalities m ON m.id = r.municipality_id WHERE u.email = 'jane@sala.example'")
        .fetch_one(&state.pool)
        .await
        .unwrap();
    assert_eq!((role.as_str(), slug.as_str()), ("coordinator", "sala"));
    let (ok, out) = run(overens().args([
        "user",
        "add",
        "--email",
        "x@y.example",
        "--name",
        "X",
        "--role",
        "staff",
        "--municipality",
        "vasteras",
        "--database-url",
        &db.url,
    ]));
    assert!(!ok);
    assert!(out.contains("--municipality") && out.contains("vasteras"), "{out}");
}

#[tokio::test]
async fn demo_loads_once_and_sigterm_stops_cleanly_keeping_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/demo.db", dir.path().display());
    // Mail goes to a port with no SMTP server, so it cannot go out.
    let mut server = Overens::demo(BIN, &url)
        .smtp(free_port())
        .capture_output()
        .start()
        .await;
    let db = platform::db::Db::connect(&url).await.unwrap();
    // A mail waits in the queue.
    let mut tx = db.write().await.unwrap();
    platform::mail::queue(
        &mut tx,
        None,
        &platform::mail::Email {
            attachment: None,
            headers: vec![],
            html: None,
            to: "isa@exempel.se".into(),
            subject: "Kvar i kön".into(),
            body: "Hej".into(),
        },
        i64::MAX / 2,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let out = server.stop();
    assert!(
        out.status.success(),
        "SIGTERM ends the server cleanly: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("demo data loaded now"));
    for account in [
        "drift@demo.overens.example",
        "samordnare.sala@demo.overens.example",
        "personal.sala@demo.overens.example",
        "forening.sala@demo.overens.example",
        "samordnare.orebro@demo.overens.example",
        "samordnare.lulea@demo.overens.example",
    ] {
        assert!(stdout.contains(account), "{account} is printed");
    }
    assert!(stdout.contains("demo-losenord"));
    let (status,): (String,) = sqlx::query_as("SELECT status FROM jobs WHERE payload LIKE '%Kvar i kön%'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(status, "pending", "the queued mail is kept for the next start");

    // Second start: the demo is not loaded again.
    server.restart().await;
    let body = reqwest::get(format!("{}/", server.base))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("Sala") && body.contains("Örebro") && body.contains("Luleå"));
    let out = server.stop();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("loaded now"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM municipalities")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(n, 3);
    let (u,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(u, 6);
}

#[tokio::test]
async fn synthetic_national_data_on_both_databases() {
    let mut found_per_backend = vec![];
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = TestDb::new(backend).await;
        let (ok, out) = run(overens().args([
            "synth",
            "--municipalities",
            "12",
            "--organisations",
            "600",
            "--rooms",
            "60",
            "--bookings",
            "6000",
            "--applications",
            "60",
            "--database-url",
            &db.url,
        ]));
        assert!(ok, "{out}");
        assert!(
            out.contains("12 municipalities, 72 departments, 600 organisations"),
            "{out}"
        );
        // The grants queue's period in the first municipality (50 organisations, 10 more
        // added): the representatives `synth` made for ten of them are the applicants.
        assert!(
            out.contains("60 grant applications in syn-norrkoping (10 organisations added)"),
            "{out}"
        );
        // Rooms by municipality size (the first has 60 / H(12) of them), with their bookings:
        // none refused by the rule against double bookings, and the ids' sequences moved past
        // the ids given.
        assert!(out.contains("60 bookable rooms in"), "{out}");
        assert!(out.contains("(the largest municipality has 19)"), "{out}");
        let pool = platform::db::Db::connect(&db.url).await.unwrap();
        let (dups,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM (SELECT municipality_id, org_number FROM organisations GROUP BY 1, 2 HAVING COUNT(*) > 1) d")
            .fetch_one(&pool.pool)
            .await
            .unwrap();
        assert_eq!(dups, 0);
        let (reps,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM roles WHERE role = 'representative'")
            .fetch_one(&pool.pool)
            .await
            .unwrap();
        assert_eq!(reps, 120, "one representative per five organisations");
        let (bookings, active, rooms): (i64, i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), SUM(CASE WHEN status IN ('requested', 'confirmed') THEN 1 ELSE 0 END), \
             COUNT(DISTINCT room_id) FROM premises_bookings",
        )
        .fetch_one(&pool.pool)
        .await
        .unwrap();
        assert!((5_900..=6_000).contains(&bookings), "{bookings} bookings");
        assert!(
            active > bookings * 3 / 4 && rooms == 60,
            "{active} active, {rooms} rooms"
        );
        let (series,): (i64,) = sqlx::query_as("SELECT COUNT(DISTINCT series_id) FROM premises_bookings")
            .fetch_one(&pool.pool)
            .await
            .unwrap();
        assert!(series > 10, "{series} weekly series");
        assert_eq!(crate::common::overlapping_bookings(&pool).await, 0);
        sqlx::query(
            "INSERT INTO premises (municipality_id, name, created_at, updated_at) \
             SELECT MIN(id), 'Ny lokal', 0, 0 FROM municipalities",
        )
        .execute(&pool.pool)
        .await
        .unwrap();
        let (applicants,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM grants_applications a JOIN roles r ON r.user_id = a.created_by_user_id \
             AND r.organisation_id = a.organisation_id AND r.role = 'representative'",
        )
        .fetch_one(&pool.pool)
        .await
        .unwrap();
        assert_eq!(applicants, 10);
        // Every organisation made by the national part has a searchable registry profile.
        let (profiles,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM registry_profiles WHERE mission <> '' AND categories <> 0")
                .fetch_one(&pool.pool)
                .await
                .unwrap();
        assert_eq!(profiles, 600);
        let (m,): (platform::MunicipalityId,) =
            sqlx::query_as("SELECT MIN(id) FROM municipalities WHERE slug LIKE 'syn-%'")
                .fetch_one(&pool.pool)
                .await
                .unwrap();
        let mut found = vec![];
        // One in five organisations has premises and one in three has signed (by id), so the
        // benchmark's filters find something.
        assert!(
            out.contains("600 organisations (120 with premises, 200 signed)"),
            "{out}"
        );
        let searches: [&[(&str, &str)]; 6] = [
            &[("q", "idrott")],
            &[("q", "förening")],
            &[("q", "körsång")],
            &[("q", "friluftsliv")],
            &[("q", "förening"), ("lokal", "1"), ("signerat", "1")],
            &[
                ("q", "förening"),
                ("kategori", "fritid"),
                ("tillganglighet", "step_free"),
            ],
        ];
        for params in searches {
            let q = format!("{params:?}");
            let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            let f = registry::domain::Filters::from_params(&params);
            let (rows, total) = registry::store::search(&pool, m, &f).await.unwrap();
            assert!(total > 0, "{q} finds something");
            let mut ids: Vec<String> = rows.into_iter().map(|r| r.name).collect();
            ids.sort();
            // Ranking may differ between the databases: compare whole result sets on one page.
            if total > registry::domain::PAGE_SIZE {
                ids.clear();
            }
            found.push((q, total, ids));
        }
        found_per_backend.push(found);
    }
    assert_eq!(
        found_per_backend[0], found_per_backend[1],
        "both databases find the same organisations"
    );
}

#[tokio::test]
async fn plan_import_reads_seed_003_and_twice_changes_nothing() {
    let db = TestDb::new(Backend::Sqlite).await;
    let (ok, out) = run(overens().args(["migrate", "--database-url", &db.url]));
    assert!(ok, "{out}");
    let state = platform::db::Db::connect(&db.url).await.unwrap();
    testkit::process::sala(&state, 0).await;
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../actionplan/tests/data/seed003.txt");
    let import =
        |m: &str| run(overens().args(["plan", "import", "--municipality", m, seed, "--database-url", &db.url]));
    let (ok, out) = import("sala");
    assert!(ok, "{out}");
    assert!(out.contains("Sala: ") && out.contains("new activities"), "{out}");
    let count = |t: &'static str| {
        let state = state.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {t}"))
                .fetch_one(&state.pool)
                .await
                .unwrap();
            n
        }
    };
    let first = (count("actionplan_goals").await, count("actionplan_activities").await);
    assert_eq!(first, (24, 17), "seed 003 holds 24 goals and 17 activities: {out}");
    assert!(out.contains("6 new areas, 24 new goals, 17 new activities"), "{out}");
    let (ok, out) = import("sala");
    assert!(ok, "{out}");
    assert!(
        out.contains("0 new areas, 0 new goals, 0 new activities, 0 changed"),
        "{out}"
    );
    assert_eq!(
        (count("actionplan_goals").await, count("actionplan_activities").await),
        first
    );
    let (ok, out) = import("ingenstans");
    assert!(!ok && out.contains("--municipality"), "{out}");
}

/// Finding 7 (low): the demo's accounts share a published password, so `serve` refuses a
/// database that holds them unless the run is the demo (`overens demo`, or `demo = true`).
#[tokio::test]
async fn serve_refuses_a_database_with_the_demo_accounts_unless_it_is_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/real.db", dir.path().display());
    let serve = Overens::serve(BIN, &url).capture_output();
    // A real installation without the demo starts.
    let (ok, out) = run(overens().args(["migrate", "--database-url", &url]));
    assert!(ok, "{out}");
    assert!(serve.clone().start().await.stop().status.success());

    let db = app::connect(&url).await.unwrap();
    assert!(app::demo::load(&db, 0).await.unwrap());
    let mut child = serve.spawn();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(15) {
            break None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let Some(status) = status else {
        let _ = child.kill();
        panic!("`serve` started on a database holding the demo accounts");
    };
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!status.success());
    assert!(
        err.contains("demo accounts") && err.contains("overens demo") && err.contains("demo = true"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    // The demo itself, and `serve` told that this is the demo, start on it.
    let demo = serve.args(&["--demo"]).start().await.stop();
    assert!(demo.status.success());
    let demo = Overens::demo(BIN, &url).capture_output().start().await.stop();
    assert!(demo.status.success());
}
