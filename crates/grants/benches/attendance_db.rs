//! Issue 13's target on the full path: "import 1,000,000 attendance rows for a large
//! municipality and compute a period's activity support for all its associations; the import
//! takes under 60 s and the computation under 10 s on this machine's two cores, with the
//! server's memory under 500 MB", on both databases.
//!
//! `cargo bench -p grants --bench attendance_db` starts the real server in this process over a
//! fresh database (an SQLite file in a temporary folder; and a PostgreSQL database when
//! `OVERENS_BENCH_PG` names the server, e.g. `postgres://postgres@127.0.0.1:5432`), makes a
//! municipality with 400 associations and a member of its staff, uploads each association's
//! synthetic attendance file (`common/mod.rs`, 2,500 rows each) as CSV through the attendance
//! page's form (multipart over HTTP: reading, checking and storing), then computes the spring
//! period's activity support for every association (`activity::store::claims`) and pro-rates it
//! against a budget. Each database runs in a process of its own, so the peak memory (VmHWM)
//! reported is that database's run alone. `OVERENS_BENCH_DB=sqlite` (or `postgres`) runs one.

mod common;

use chrono::NaiveDate;
use common::{association_file, memory, Lcg, ASSOCIATIONS, ROWS};
use grants::activity::domain::{prorate, ActivityRules};
use grants::activity::store;
use platform::OrganisationId;
use std::time::Instant;
use testkit::{Backend, TestApp};

const SLUG: &str = "storstad";

fn main() -> anyhow::Result<()> {
    let pg = std::env::var("OVERENS_BENCH_PG").ok();
    if let Some(url) = &pg {
        // testkit makes its databases on the server of OVERENS_TEST_PG_URL (an admin database).
        let has_db = url.split_once("://").is_some_and(|(_, rest)| rest.contains('/'));
        let admin = if has_db { url.clone() } else { format!("{url}/postgres") };
        std::env::set_var("OVERENS_TEST_PG_URL", admin);
    }
    match std::env::var("OVERENS_BENCH_DB").ok().as_deref() {
        Some("sqlite") => one(Backend::Sqlite),
        Some("postgres") => one(Backend::Postgres),
        Some(other) => anyhow::bail!("OVERENS_BENCH_DB is sqlite or postgres, not {other}"),
        None => {
            let mut backends = vec!["sqlite"];
            if pg.is_some() {
                backends.push("postgres");
            } else {
                println!("(PostgreSQL skipped: set OVERENS_BENCH_PG=postgres://USER@HOST:PORT to run it too)");
            }
            for b in backends {
                let status = std::process::Command::new(std::env::current_exe()?)
                    .env("OVERENS_BENCH_DB", b)
                    .status()?;
                anyhow::ensure!(status.success(), "the {b} run failed");
            }
            Ok(())
        }
    }
}

fn one(backend: Backend) -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?
        .block_on(run(backend))
}

async fn run(backend: Backend) -> anyhow::Result<()> {
    let name = match backend {
        Backend::Sqlite => "SQLite",
        Backend::Postgres => "PostgreSQL",
    };
    let app = TestApp::start(backend).await;
    let m = app.municipality(SLUG, "Storstad").await;
    let staff = app.staff(SLUG).await;
    let db = &app.state.db;
    let mut orgs: Vec<OrganisationId> = Vec::with_capacity(ASSOCIATIONS);
    for a in 0..ASSOCIATIONS {
        let (id,): (OrganisationId,) = sqlx::query_as(
            "INSERT INTO organisations (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(m)
        .bind(format!("Förening {a}"))
        .bind(app.state.now())
        .fetch_one(&db.pool)
        .await?;
        orgs.push(id);
    }
    let token = staff.get(&grants::paths::attendance(SLUG, orgs[0])).await.csrf();
    let token = urlencoding::encode(&token).into_owned();

    println!("{name}: importing {ROWS} rows for {ASSOCIATIONS} associations over HTTP…");
    let mut rng = Lcg(2026);
    let (mut rows, mut bytes, mut import_s) = (0usize, 0usize, 0.0f64);
    for (a, org) in orgs.iter().enumerate() {
        let file = association_file(&mut rng, a, ROWS / ASSOCIATIONS);
        rows += file.lines().count() - 1;
        bytes += file.len();
        let action = format!("{}?_csrf={token}", grants::paths::attendance_import(SLUG, *org));
        let t = Instant::now();
        let res = staff.post_file(&action, "file", "narvaro.csv", file.into_bytes()).await;
        import_s += t.elapsed().as_secs_f64();
        anyhow::ensure!(res.status == 303, "association {a}: {} {}", res.status, res.text());
    }
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM grants_attendance")
        .fetch_one(&db.pool)
        .await?;
    let (meetings,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM grants_attendance_meetings")
        .fetch_one(&db.pool)
        .await?;
    println!(
        "{name}: import: {rows} rows ({:.1} MB of CSV, {meetings} meetings, {stored} rows stored) in {import_s:.1} s, {:.0} rows/s",
        bytes as f64 / 1e6,
        rows as f64 / import_s
    );

    // The same file again changes nothing (and says so) without writing a row.
    let mut again = Lcg(2026);
    let first = association_file(&mut again, 0, ROWS / ASSOCIATIONS);
    let action = format!("{}?_csrf={token}", grants::paths::attendance_import(SLUG, orgs[0]));
    let t = Instant::now();
    let res = staff
        .post_file(&action, "file", "narvaro.csv", first.into_bytes())
        .await;
    let reimport_s = t.elapsed().as_secs_f64();
    let said = res.location.unwrap_or_default();
    anyhow::ensure!(said.contains("tillagda=0&ersatta=0"), "re-import: {said}");
    println!("{name}: the first association's file again: nothing changed, in {reimport_s:.2} s");

    println!("{name}: after the import: {}", memory());
    let rules = ActivityRules::lok();
    let (from, to) = (date("2026-01-01")?, date("2026-06-30")?);
    for round in ["first", "second"] {
        let t = Instant::now();
        let claims = store::claims(db, m, &rules, from, to).await?;
        let claims_s = t.elapsed().as_secs_f64();
        let amounts: Vec<i64> = claims.iter().map(|(_, a)| a.totals.amount_ore).collect();
        let total: i64 = amounts.iter().sum();
        let paid: i64 = prorate(Some(total / 2), &amounts).iter().sum();
        let counted: u32 = claims.iter().map(|(_, a)| a.totals.meetings).sum();
        let participations: u32 = claims.iter().map(|(_, a)| a.totals.participations).sum();
        println!(
            "{name}: claims ({round} run): {} associations, {counted} meetings count, {participations} participations, {:.0} kr claimed, {:.0} kr within half the sum, in {claims_s:.2} s",
            claims.len(),
            total as f64 / 100.0,
            paid as f64 / 100.0
        );
    }
    println!(
        "{name}: memory of the process (server, client and generator): {}",
        memory()
    );
    app.stop().await;
    Ok(())
}

fn date(s: &str) -> anyhow::Result<NaiveDate> {
    Ok(NaiveDate::parse_from_str(s, "%Y-%m-%d")?)
}
