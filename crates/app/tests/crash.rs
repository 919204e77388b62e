//! Crash safety: the real `overens serve` (SQLite in WAL mode, and PostgreSQL) is killed with
//! SIGKILL in the middle of a load of meeting registrations from concurrent clients, then
//! started again. Every registration that got a success answer is stored, the waiting list is
//! consistent with the capacity, and each registration's confirmation mail (queued in the same
//! transaction) reaches the SMTP server exactly once after the restart.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use testkit::{both, Backend, Client, SmtpSink, TestDb};

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

    // Concurrent clients register until the server dies; a success answer is remembered.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let path = format!("/sala/moten/{meeting}/anmalan");
    let mut tasks = vec![];
    for k in 0..CLIENTS {
        let (acknowledged, stop, path, base) = (acknowledged.clone(), stop.clone(), path.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                i += 1;
                let email = format!("deltagare{k}-{i}@exempel.se");
                let c = Client::new(base.clone());
                let attempt = async {
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
                    (res.status == 200).then_some(())
                };
                // A request cut off by the kill is neither a success nor counted (the client
                // panics on a refused connection, which ends this task after the kill).
                if let Ok(Some(())) = tokio::time::timeout(Duration::from_secs(5), attempt).await {
                    acknowledged.lock().unwrap().push(email);
                }
            }
        }));
    }
    // Let the load and the mail worker run, then kill the server without warning.
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < CAPACITY as usize + 8 && started.elapsed() < Duration::from_secs(15) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let mailed_before = sink.received().len();
    stop.store(true, Ordering::SeqCst);
    for t in tasks {
        let _ = t.await;
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() > CAPACITY as usize,
        "the load reached the waiting list: {}",
        acknowledged.len()
    );

    let mut server = start(&db.url, &bind, sink.port);
    wait_ready(&base).await;

    // Every acknowledged registration is stored; seats and waiting list agree with the capacity.
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT email, status FROM meetings_registrations WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_all(&pool.pool)
            .await
            .unwrap();
    let stored: HashMap<String, String> = rows.iter().cloned().collect();
    assert_eq!(stored.len(), rows.len(), "no registration twice");
    for e in &acknowledged {
        assert!(
            stored.contains_key(e),
            "{e} was told it is registered but is not stored"
        );
    }
    let confirmed = rows.iter().filter(|(_, s)| s == "confirmed").count() as i64;
    let waiting = rows.iter().filter(|(_, s)| s == "waiting").count() as i64;
    assert_eq!(confirmed, CAPACITY.min(rows.len() as i64), "{rows:?}");
    assert_eq!(waiting, rows.len() as i64 - confirmed, "{rows:?}");

    // Each stored registration's confirmation arrives exactly once (the queue survives the kill).
    let started = Instant::now();
    loop {
        let got = sink.received().len();
        if got >= rows.len() || started.elapsed() > Duration::from_secs(20) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut per: HashMap<String, usize> = HashMap::new();
    for r in sink.received() {
        for to in r.to {
            *per.entry(to.to_lowercase()).or_default() += 1;
        }
    }
    for (email, _) in &rows {
        assert_eq!(per.get(email).copied().unwrap_or(0), 1, "{email}: {per:?}");
    }
    assert_eq!(
        per.values().sum::<usize>(),
        rows.len(),
        "no mail to anyone else: {per:?}"
    );
    eprintln!(
        "{backend:?}: {} acknowledged before SIGKILL ({mailed_before} mailed by then), {} stored ({confirmed} confirmed, \
         {waiting} waiting), {} mails in all after the restart",
        acknowledged.len(),
        rows.len(),
        sink.received().len()
    );
    server.kill().unwrap();
    server.wait().unwrap();
}

both!(sigkill_in_the_middle_of_registrations);
