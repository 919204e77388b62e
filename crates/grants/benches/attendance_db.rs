//! Issue 13's target on the full path: "import 1,000,000 attendance rows for a large
//! municipality and compute a period's activity support for all its associations; the import
//! takes under 60 s and the computation under 10 s on this machine's two cores, with the
//! server's memory under 500 MB", on both databases.
//!
//! `cargo bench -p grants --bench attendance_db` starts the real server in this process over a
//! fresh database (an SQLite file in a temporary folder; and a PostgreSQL database when
//! `OVERENS_BENCH_PG` names the server, e.g. `postgres://postgres@127.0.0.1:5432`), makes a
//! municipality with 400 associations, a member of its staff and an activity-support programme
//! (LOK-like rules) with a spring period whose budget is smaller than the claims, then:
//!
//! 1. uploads each association's synthetic attendance file (`common/mod.rs`, 2,500 rows each)
//!    as CSV through the attendance page's form (multipart over HTTP: reading, checking and
//!    storing), one file after another, as the staff member;
//! 2. uploads the first file again (nothing changes, nothing is written);
//! 3. asks for the period's page for all associations over HTTP (`…/aktivitetsstod`: every
//!    association's meetings read, assessed, named and pro-rated, and the page rendered),
//!    twice, then its CSV file; and times `activity::period::period_support` in process;
//! 4. measures `/healthz` on the same server with wrk (`-t2 -c32`, 10 s, as
//!    `benches/premises.sh` does), so the figures travel to other machines as a ratio; without
//!    wrk, with 32 in-process clients for 10 s (and says so).
//!
//! Each database runs in a process of its own, so the peak memory (VmHWM) reported is that
//! database's run alone: the server, the client and the generator (one file at a time); the
//! highest Pss (each page counted once however many mappings hold it) is sampled beside it.
//! `OVERENS_BENCH_DB=sqlite` (or `postgres`) runs one; `OVERENS_BENCH_PARALLEL=N` uploads with
//! N clients at a time instead of one; `OVERENS_BENCH_PROBE=1` adds where the computation's
//! time and memory go (see [`probe`]). Figures and what they showed: the README's "Activity
//! support (grants), over HTTP with the database".

mod common;

use chrono::NaiveDate;
use common::{association_file, memory, pss_peak, Lcg, ASSOCIATIONS, ROWS};
use grants::ids::{PeriodId, ProgrammeId};
use grants::programmes::domain::{Kind, NewPeriod, NewProgramme, PeriodDates};
use grants::programmes::store::{self as programmes, ProgrammeSetup};
use platform::{MunicipalityId, OrganisationId};
use std::time::{Duration, Instant};
use testkit::{Backend, Client, TestApp};

const SLUG: &str = "storstad";
/// The spring's budget: 3 000 000 kr, about half of what the synthetic associations claim.
const BUDGET_ORE: i64 = 300_000_000;

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
            println!(
                "{} cores, {}",
                std::thread::available_parallelism().map_or(0, |n| n.get()),
                chrono::Local::now().format("%Y-%m-%d %H:%M")
            );
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

fn d(s: &str) -> anyhow::Result<NaiveDate> {
    Ok(NaiveDate::parse_from_str(s, "%Y-%m-%d")?)
}

/// The activity-support programme (LOK-like rules) and its spring period.
async fn programme(app: &TestApp, m: MunicipalityId) -> anyhow::Result<(ProgrammeId, PeriodId)> {
    let new = NewProgramme {
        kind: Kind::Activity,
        name: "Aktivitetsstöd".into(),
        description: String::new(),
        criteria: String::new(),
    };
    let mut setup = ProgrammeSetup::defaults(Kind::Activity);
    setup.published = true;
    let db = &app.state.db;
    let id = programmes::create_programme(db, m, &new, &setup, None, app.state.now()).await?;
    let period = NewPeriod {
        name: "Våren 2026".into(),
        dates: PeriodDates {
            starts_on: d("2026-01-01")?,
            ends_on: d("2026-06-30")?,
            opens_on: d("2026-07-01")?,
            deadline: d("2026-08-25")?,
        },
        budget_ore: BUDGET_ORE,
    };
    let period = programmes::add_period(db, m, id, &period, None, app.state.now()).await?;
    Ok((id, period))
}

/// Uploads the associations' files `which` (indexes into `orgs`) one after another; the
/// seconds each took and the rows and bytes sent.
async fn upload_all(
    staff: &Client,
    token: &str,
    orgs: &[OrganisationId],
    which: Vec<usize>,
) -> anyhow::Result<(Vec<f64>, usize, usize)> {
    let (mut times, mut rows, mut bytes) = (Vec::new(), 0usize, 0usize);
    for a in which {
        // Each association's file from its own seed, so clients in parallel make the same ones.
        let file = association_file(&mut Lcg(2026 + a as u64), a, ROWS / ASSOCIATIONS);
        rows += file.lines().count() - 1;
        bytes += file.len();
        let action = format!("{}?_csrf={token}", grants::paths::attendance_import(SLUG, orgs[a]));
        let t = Instant::now();
        let res = staff.post_file(&action, "file", "narvaro.csv", file.into_bytes()).await;
        times.push(t.elapsed().as_secs_f64());
        anyhow::ensure!(res.status == 303, "association {a}: {} {}", res.status, res.text());
    }
    Ok((times, rows, bytes))
}

async fn run(backend: Backend) -> anyhow::Result<()> {
    let name = match backend {
        Backend::Sqlite => "SQLite",
        Backend::Postgres => "PostgreSQL",
    };
    let app = TestApp::start(backend).await;
    let m = app.municipality(SLUG, "Storstad").await;
    let staff = app.staff(SLUG).await;
    let (programme, period) = programme(&app, m).await?;
    let db = &app.state.db;
    let mut orgs: Vec<OrganisationId> = Vec::with_capacity(ASSOCIATIONS);
    for a in 0..ASSOCIATIONS {
        let (id,): (OrganisationId,) = sqlx::query_as(
            "INSERT INTO organisations (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(m)
        .bind(format!("Förening {a:03}"))
        .bind(app.state.now())
        .fetch_one(&db.pool)
        .await?;
        orgs.push(id);
    }
    let token = staff.get(&grants::paths::attendance(SLUG, orgs[0])).await.csrf();
    let token = urlencoding::encode(&token).into_owned();
    let pss = pss_peak();
    println!("{name}: before the import: {}", memory());

    // 1. The import, over HTTP.
    let parallel: usize = std::env::var("OVERENS_BENCH_PARALLEL")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    println!(
        "{name}: importing {ROWS} rows for {ASSOCIATIONS} associations over HTTP, {parallel} upload(s) at a time…"
    );
    // Each uploader is a member of the staff of its own, signed in with its own session.
    let mut uploaders = Vec::new();
    for c in 0..parallel {
        let email = format!("uppladdare{c}@{SLUG}.example");
        let (client, _) = app
            .signed_in(&email, Some((platform::auth::RoleKind::Staff, Some(SLUG))))
            .await;
        let token = client.get(&grants::paths::attendance(SLUG, orgs[0])).await.csrf();
        uploaders.push((client, urlencoding::encode(&token).into_owned()));
    }
    let t = Instant::now();
    let mut jobs = Vec::new();
    for (c, (client, token)) in uploaders.into_iter().enumerate() {
        let which: Vec<usize> = (c..ASSOCIATIONS).step_by(parallel).collect();
        let orgs = orgs.clone();
        jobs.push(tokio::spawn(
            async move { upload_all(&client, &token, &orgs, which).await },
        ));
    }
    let (mut times, mut rows, mut bytes) = (Vec::new(), 0, 0);
    for j in jobs {
        let (t, r, b) = j.await??;
        times.extend(t);
        rows += r;
        bytes += b;
    }
    let import_s = t.elapsed().as_secs_f64();
    times.sort_by(f64::total_cmp);
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM grants_attendance")
        .fetch_one(&db.pool)
        .await?;
    let (meetings,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM grants_attendance_meetings")
        .fetch_one(&db.pool)
        .await?;
    anyhow::ensure!(stored as usize == rows, "{stored} rows stored of {rows}");
    println!(
        "{name}: import: {rows} rows ({:.1} MB of CSV, {meetings} meetings) in {import_s:.1} s, {:.0} rows/s; \
         per file (2 500 rows) p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        bytes as f64 / 1e6,
        rows as f64 / import_s,
        times[times.len() / 2] * 1e3,
        times[times.len() * 95 / 100] * 1e3,
        times[times.len() - 1] * 1e3,
    );

    // 2. The same file again changes nothing (and says so) without writing a row.
    let first = association_file(&mut Lcg(2026), 0, ROWS / ASSOCIATIONS);
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

    // 3. The period for all associations, over HTTP, then in process.
    let page = grants::paths::activity_period(SLUG, programme, period);
    for round in ["first", "second"] {
        let t = Instant::now();
        let res = staff.get(&page).await;
        let s = t.elapsed().as_secs_f64();
        anyhow::ensure!(res.status == 200, "{page}: {}", res.status);
        let listed = res.body.matches("/aktivitet/").count();
        let sum = res
            .body
            .split_once("<tfoot>")
            .map(|(_, f)| testkit::html::text(f.split_once("</tfoot>").map_or(f, |x| x.0)))
            .unwrap_or_default();
        println!(
            "{name}: the period page ({round} request): {listed} associations, {} KB of HTML, in {s:.2} s; {sum}",
            res.body.len() / 1024
        );
        println!("{name}: after it: {}", memory());
    }
    let t = Instant::now();
    let csv = staff
        .get(&grants::paths::activity_period_csv(SLUG, programme, period))
        .await;
    let csv_s = t.elapsed().as_secs_f64();
    anyhow::ensure!(csv.status == 200, "csv: {}", csv.status);
    println!(
        "{name}: the CSV file: {} lines, in {csv_s:.2} s",
        csv.body.lines().count()
    );
    let t = Instant::now();
    let support = grants::activity::period::period_support(db, m, programme, period).await?;
    let direct_s = t.elapsed().as_secs_f64();
    println!(
        "{name}: period_support in process: {} associations, {} meetings count, {} participations, \
         {:.0} kr claimed, budget {:.0} kr, {:.0} kr paid ({:.2} % of each claim), in {direct_s:.2} s",
        support.associations.len(),
        support.totals.meetings,
        support.totals.participations,
        support.claimed_ore as f64 / 100.0,
        support.budget_ore as f64 / 100.0,
        support.paid_ore as f64 / 100.0,
        support.share_basis_points().unwrap_or(10_000) as f64 / 100.0,
    );
    anyhow::ensure!(support.associations.len() == ASSOCIATIONS, "every association listed");
    anyhow::ensure!(
        support.prorated && support.paid_ore <= BUDGET_ORE,
        "the budget is shared"
    );
    if std::env::var("OVERENS_BENCH_PROBE").is_ok() {
        probe(name, db, m).await?;
    }
    println!(
        "{name}: memory of the process (server, client and generator): {}; highest Pss seen {} MB",
        memory(),
        pss.load(std::sync::atomic::Ordering::Relaxed)
    );

    // 4. /healthz on the same server.
    println!("{name}: /healthz on the same server: {}", healthz(&app.base).await);
    app.stop().await;
    Ok(())
}

/// Requests/s of `/healthz`: wrk `-t2 -c32 -d10s` when it is installed, otherwise 32
/// in-process clients for 10 s.
async fn healthz(base: &str) -> String {
    let url = format!("{base}/healthz");
    let wrk = {
        let url = url.clone();
        tokio::task::spawn_blocking(move || {
            std::process::Command::new("wrk")
                .args(["-t2", "-c32", "-d10s", "--timeout", "5s", &url])
                .output()
        })
        .await
    };
    if let Ok(Ok(out)) = wrk {
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some(line) = text.lines().find(|l| l.starts_with("Requests/sec")) {
            let rps = line.split_whitespace().nth(1).unwrap_or("?");
            return format!("{rps} requests/s (wrk -t2 -c32, 10 s)");
        }
    }
    let client = reqwest::Client::new();
    let until = Instant::now() + Duration::from_secs(10);
    let mut tasks = Vec::new();
    for _ in 0..32 {
        let (client, url) = (client.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            let mut n = 0u64;
            while Instant::now() < until {
                if client.get(&url).send().await.is_ok_and(|r| r.status().is_success()) {
                    n += 1;
                }
            }
            n
        }));
    }
    let mut n = 0;
    for t in tasks {
        n += t.await.unwrap_or(0);
    }
    format!(
        "{:.0} requests/s (32 in-process reqwest clients, 10 s; wrk not found)",
        n as f64 / 10.0
    )
}

/// Where the computation's time goes: two shapes of the period's query (the one in
/// `activity::store::read` is one of them), each alone (rows counted, nothing decoded) with
/// its plan, before and after `ANALYZE` (which autovacuum runs a while after a bulk load), and
/// `claim_totals` (reading, decoding and assessing, without names or the page). Run with
/// `OVERENS_BENCH_PROBE=1`; the queries alone go through the pool, with SQLite's memory map.
async fn probe(name: &str, db: &platform::db::Db, m: MunicipalityId) -> anyhow::Result<()> {
    use futures::TryStreamExt;
    use sqlx::Row;
    let (agg, sep, indexed, explain) = match db.backend {
        platform::db::Backend::Sqlite => (
            "group_concat",
            "char",
            " INDEXED BY grants_attendance_meetings_municipality_organisation",
            "EXPLAIN QUERY PLAN",
        ),
        platform::db::Backend::Postgres => ("string_agg", "chr", "", "EXPLAIN"),
    };
    let people = format!(
        "{agg}(a.role || {sep}(31) || a.person_key || {sep}(31) || a.birth_year || {sep}(31) \
         || a.gender || {sep}(31) || '', {sep}(30) ORDER BY a.position)"
    );
    let filter = "m.municipality_id = $1 AND m.held_on >= $2 AND m.held_on <= $3";
    let shapes = [
        (
            "join",
            format!(
                "SELECT m.organisation_id, MIN(g.name), m.held_on, m.starts_at, m.minutes, m.activity, {people} \
                 FROM grants_attendance_meetings m{indexed} JOIN grants_attendance_groups g ON g.id = m.group_id \
                 LEFT JOIN grants_attendance a ON a.meeting_id = m.id WHERE {filter} \
                 GROUP BY m.organisation_id, m.held_on, m.id ORDER BY m.organisation_id, m.held_on, m.id"
            ),
        ),
        (
            "subquery",
            format!(
                "SELECT m.organisation_id, g.name, m.held_on, m.starts_at, m.minutes, m.activity, \
                 (SELECT {people} FROM grants_attendance a WHERE a.meeting_id = m.id) \
                 FROM grants_attendance_meetings m{indexed} JOIN grants_attendance_groups g ON g.id = m.group_id \
                 WHERE {filter} ORDER BY m.organisation_id, m.held_on, m.id"
            ),
        ),
    ];
    let rules = grants::activity::domain::ActivityRules::lok();
    for stats in ["before ANALYZE", "after ANALYZE"] {
        if stats == "after ANALYZE" {
            sqlx::query("ANALYZE").execute(&db.pool).await?;
        }
        for (shape, sql) in &shapes {
            let plan = sqlx::query(&format!("{explain} {sql}"))
                .bind(m)
                .bind("2026-01-01")
                .bind("2026-06-30")
                .fetch_all(&db.pool)
                .await?;
            for r in plan {
                let last = r.len() - 1;
                println!(
                    "{name}: probe: {stats}: plan of {shape}: {}",
                    r.try_get::<String, _>(last).unwrap_or_default()
                );
            }
            for round in 1..=2 {
                let t = Instant::now();
                let mut rows = sqlx::query(sql)
                    .bind(m)
                    .bind("2026-01-01")
                    .bind("2026-06-30")
                    .fetch(&db.pool);
                let mut n = 0;
                while rows.try_next().await?.is_some() {
                    n += 1;
                }
                println!(
                    "{name}: probe: {stats}: {shape} ({round}): {n} rows in {:.2} s",
                    t.elapsed().as_secs_f64()
                );
            }
        }
        let t = Instant::now();
        let totals = grants::activity::store::claim_totals(db, m, &rules, d("2026-01-01")?, d("2026-06-30")?).await?;
        println!(
            "{name}: probe: {stats}: claim_totals: {} associations in {:.2} s; {}",
            totals.len(),
            t.elapsed().as_secs_f64(),
            memory()
        );
    }
    if db.backend == platform::db::Backend::Sqlite {
        let (pages, size): (i64, i64) =
            sqlx::query_as("SELECT page_count, page_size FROM pragma_page_count(), pragma_page_size()")
                .fetch_one(&db.pool)
                .await?;
        println!(
            "{name}: probe: the database file: {:.0} MB",
            (pages * size) as f64 / 1e6
        );
    }
    Ok(())
}
