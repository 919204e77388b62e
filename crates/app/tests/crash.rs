//! Crash safety: the real `overens serve` (SQLite in WAL mode, and PostgreSQL) is killed with
//! SIGKILL in the middle of a load of meeting registrations from concurrent clients, then
//! started again. Every registration that got a success answer is stored, the waiting list is
//! consistent with the capacity, and each registration's mail (queued in the same transaction)
//! reaches the SMTP server after the restart: at least once, and twice only for the one the
//! worker was sending at the kill (exactly once would need the SMTP server's help; README, "Stopping and crashing").

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use testkit::{Backend, Client, SmtpSink, TestDb};

const CAPACITY: i64 = 12;
const CLIENTS: usize = 4;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(url: &str, bind: &str, smtp: u16) -> Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_overens"));
    for (k, _) in std::env::vars() {
        if k.starts_with("OVERENS_") {
            c.env_remove(k);
        }
    }
    c.args(["serve", "--database-url", url, "--bind", bind])
        .args([
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            &smtp.to_string(),
            "--smtp-tls",
            "none",
        ])
        .args(["--register-per-hour", "1000000"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn wait_ready(base: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if let Ok(r) = reqwest::get(format!("{base}/readyz")).await {
            if r.status().as_u16() == 200 {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server at {base} did not become ready");
}

async fn sigkill_in_the_middle_of_registrations(backend: Backend) {
    let db = TestDb::new(backend).await;
    let sink = SmtpSink::start().await;
    let pool = app::connect(&db.url).await.unwrap();
    // The binary runs on the system clock, so the meeting is set in real time.
    let now = platform::clock::Clock::now(&platform::clock::SystemClock).timestamp();
    let m = platform::tenants::store::create(
        &pool,
        &platform::tenants::store::NewMunicipality {
            slug: "sala",
            name: "Sala",
            intro: "",
            contact_name: "",
            contact_email: "",
            contact_phone: "",
            website: "",
        },
        None,
        now,
    )
    .await
    .unwrap();
    let (series,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_series (municipality_id, name, created_at) VALUES ($1, 'Dialogmöten', $2) RETURNING id",
    )
    .bind(m)
    .bind(now)
    .fetch_one(&pool.pool)
    .await
    .unwrap();
    let (meeting,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_meetings (municipality_id, series_id, title, starts_at, ends_at, capacity, \
         consent_text, created_at, updated_at) VALUES ($1, $2, 'Dialogmöte', $3, $4, $5, 'Jag godkänner.', $6, $6) \
         RETURNING id",
    )
    .bind(m)
    .bind(series)
    .bind(now + 30 * 86_400)
    .bind(now + 30 * 86_400 + 7_200)
    .bind(CAPACITY)
    .bind(now)
    .fetch_one(&pool.pool)
    .await
    .unwrap();

    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let base = format!("http://{bind}");
    let mut server = start(&db.url, &bind, sink.port);
    wait_ready(&base).await;

    // 1. Concurrent clients register until the server dies. A public registration is held
    // until its address confirms it; a success answer ("check your e-mail") is remembered.
    let path = format!("/sala/moten/{meeting}/anmalan");
    let held = load_until_kill(&mut server, &base, CAPACITY as usize + 8, move |c, k, i| {
        let path = path.clone();
        async move {
            let email = format!("deltagare{k}-{i}@exempel.se");
            let form = c.get(&path).await;
            let token = testkit::csrf_token(&form.body)?;
            let fields = [
                ("_csrf", token.as_str()),
                ("name", "Deltagare"),
                ("email", email.as_str()),
                ("organisation", ""),
                ("party", "guest"),
                ("dietary", ""),
                ("accessibility", ""),
                ("consent", "on"),
            ];
            let res = c.post_raw(&path, &fields).await;
            (res.status == 200).then_some(email)
        }
    })
    .await;
    assert!(
        held.len() > CAPACITY as usize,
        "the load went past the seats: {}",
        held.len()
    );
    lease_runs_out(&pool).await;
    let mut server = start(&db.url, &bind, sink.port);
    wait_ready(&base).await;

    // Every acknowledged registration is held, and its link reaches the address exactly once.
    let pending: Vec<(String,)> = sqlx::query_as("SELECT email FROM meetings_pending WHERE meeting_id = $1")
        .bind(meeting)
        .fetch_all(&pool.pool)
        .await
        .unwrap();
    let pending: Vec<String> = pending.into_iter().map(|(e,)| e).collect();
    for e in &held {
        assert!(
            pending.contains(e),
            "{e} was told to check the mail but nothing is held"
        );
    }
    let mails = mails_to(&sink, pending.len()).await;
    let mut links = vec![];
    for e in &pending {
        let to_e: Vec<&testkit::smtp::Received> = mails.iter().filter(|m| m.to.iter().any(|t| t == e)).collect();
        if to_e.is_empty() {
            let jobs: Vec<(String, i64, i64, Option<String>)> = sqlx::query_as(
                "SELECT status, attempts, run_at, last_error FROM jobs WHERE kind = 'email' AND status <> 'done'",
            )
            .fetch_all(&pool.pool)
            .await
            .unwrap();
            panic!("{e}: no mail with the link; jobs: {jobs:?}");
        }
        let body = to_e[0].body();
        let at = body.find("/sala/moten/bekrafta/").expect("a confirmation link");
        links.push(
            body[at..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect::<String>(),
        );
    }
    // At least once, not exactly once: the mail the worker was sending when it was killed
    // (accepted by the SMTP server, not yet marked sent) goes again after the restart.
    assert!(
        mails.len() <= pending.len() + 1,
        "at most the one in flight twice: {}",
        mails.len()
    );

    // 2. The links are used concurrently, and the server dies again in the middle: each use
    // takes the held registration and gives it a seat or a place on the waiting list, with its
    // mail, in one transaction.
    let queue = Arc::new(Mutex::new(links));
    let confirmed_before = sink.received().len();
    let confirmed = load_until_kill(&mut server, &base, pending.len() / 2, move |c, _, _| {
        let queue = queue.clone();
        async move {
            let link = queue.lock().unwrap().pop()?;
            let page = c.get(&link).await;
            let token = testkit::csrf_token(&page.body)?;
            let res = c.post_raw(&link, &[("_csrf", token.as_str())]).await;
            (res.status == 200).then_some(link)
        }
    })
    .await;
    let mailed_before = sink.received().len() - confirmed_before;
    lease_runs_out(&pool).await;
    let server = start(&db.url, &bind, sink.port);
    wait_ready(&base).await;

    // Every confirmed registration is stored once; seats and waiting list agree with the
    // capacity; whatever was not confirmed is still held (nothing half-written).
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT email, status FROM meetings_registrations WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_all(&pool.pool)
            .await
            .unwrap();
    let stored: HashMap<String, String> = rows.iter().cloned().collect();
    assert_eq!(stored.len(), rows.len(), "no registration twice");
    assert!(
        rows.len() >= confirmed.len(),
        "{} stored, {} confirmed",
        rows.len(),
        confirmed.len()
    );
    let (still,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM meetings_pending WHERE meeting_id = $1")
        .bind(meeting)
        .fetch_one(&pool.pool)
        .await
        .unwrap();
    assert_eq!(
        rows.len() as i64 + still,
        pending.len() as i64,
        "each held registration is either held or stored"
    );
    let seated = rows.iter().filter(|(_, s)| s == "confirmed").count() as i64;
    let waiting = rows.iter().filter(|(_, s)| s == "waiting").count() as i64;
    assert_eq!(seated, CAPACITY.min(rows.len() as i64), "{rows:?}");
    assert_eq!(waiting, rows.len() as i64 - seated, "{rows:?}");

    // Each stored registration's mail arrives exactly once (the queue survives the kill).
    let all = mails_to(&sink, pending.len() + rows.len()).await;
    let mut per: HashMap<String, usize> = HashMap::new();
    for r in &all {
        for to in &r.to {
            *per.entry(to.to_lowercase()).or_default() += 1;
        }
    }
    for (email, _) in &rows {
        assert!(
            per.get(email).copied().unwrap_or(0) >= 2,
            "{email}: the link and the registration: {per:?}"
        );
    }
    assert!(
        all.len() <= pending.len() + rows.len() + 2,
        "at most the mail in flight at each of the two kills twice, none to anyone else: {per:?}"
    );
    eprintln!(
        "{backend:?}: {} held before the first SIGKILL, {} confirmed before the second ({mailed_before} \
         mailed by then), {} stored ({seated} seated, {waiting} waiting), {still} still held, {} mails in all",
        held.len(),
        confirmed.len(),
        rows.len(),
        all.len()
    );
    let mut server = server;
    server.kill().unwrap();
    server.wait().unwrap();
}

/// Run `CLIENTS` concurrent clients, each calling `attempt` in a loop, until `target` attempts
/// succeeded (or 15 s passed), then SIGKILL the server. Returns what the successful attempts
/// returned; an attempt cut off by the kill is not counted.
async fn load_until_kill<F, Fut>(server: &mut Child, base: &str, target: usize, attempt: F) -> Vec<String>
where
    F: Fn(Client, usize, usize) -> Fut + Send + Sync + Clone + 'static,
    Fut: std::future::Future<Output = Option<String>> + Send,
{
    let done = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = vec![];
    for k in 0..CLIENTS {
        let (done, stop, base, attempt) = (done.clone(), stop.clone(), base.to_string(), attempt.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                i += 1;
                let c = Client::new(base.clone());
                // The client panics on a refused connection, which ends this task after the kill.
                match tokio::time::timeout(Duration::from_secs(5), attempt(c, k, i)).await {
                    Ok(Some(v)) => done.lock().unwrap().push(v),
                    Ok(None) | Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
                }
            }
        }));
    }
    let started = Instant::now();
    while done.lock().unwrap().len() < target && started.elapsed() < Duration::from_secs(15) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    stop.store(true, Ordering::SeqCst);
    for t in tasks {
        let _ = t.await;
    }
    let v = done.lock().unwrap().clone();
    v
}

/// A job the killed server had claimed is taken again when its lease runs out
/// (`platform::jobs::LEASE_SECONDS`, five minutes of the system clock the binary runs on); while
/// no server runs, the test lets that time pass by ending the leases now.
async fn lease_runs_out(pool: &platform::db::Db) {
    sqlx::query("UPDATE jobs SET locked_until = 0 WHERE status = 'running'")
        .execute(&pool.pool)
        .await
        .unwrap();
}

/// Wait until the sink holds `n` mails (or 20 s passed, then a little longer for any extra one).
async fn mails_to(sink: &SmtpSink, n: usize) -> Vec<testkit::smtp::Received> {
    let started = Instant::now();
    while sink.received().len() < n && started.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    sink.received()
}

testkit::both!(sigkill_in_the_middle_of_registrations);
