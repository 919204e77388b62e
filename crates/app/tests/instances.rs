//! Several instances on one PostgreSQL (issue 14, guard): two `overens serve` processes on one
//! database, the requests alternating between them, as a load balancer without sticky sessions
//! would send them. A session made on one works on the other, queued mail goes out exactly once,
//! the rate limits count both together, and no recurring job is queued twice.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use testkit::process::{database_with_sala, Overens, Server};
use testkit::{csrf_token, Backend, SmtpSink};

async fn serve(url: &str, smtp_port: u16) -> Server {
    Overens::serve(env!("CARGO_BIN_EXE_overens"), url)
        .smtp(smtp_port)
        .args(&["--login-per-minute", "5"])
        .start()
        .await
}

/// One login attempt on `server`: the status of the answer.
async fn login(http: &reqwest::Client, server: &Server, email: &str, password: &str) -> u16 {
    let page = http
        .get(format!("{}/konto/logga-in", server.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&page).unwrap();
    http.post(format!("{}/konto/logga-in", server.base))
        .form(&[
            ("_csrf", token.as_str()),
            ("email", email),
            ("password", password),
            ("next", "/konto"),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgresql() {
    let (db, pool, _) = database_with_sala(Backend::Postgres, 0).await;
    app::users::add(
        &pool,
        &app::users::NewUser {
            email: "jane@sala.example",
            name: "Jane Samordnare",
            password: testkit::PASSWORD,
            role: Some(platform::auth::RoleKind::Coordinator),
            municipality: Some("sala"),
            department: None,
            organisation: None,
        },
        0,
    )
    .await
    .unwrap();
    let sink = SmtpSink::start().await;
    let servers = [serve(&db.url, sink.port).await, serve(&db.url, sink.port).await];
    // Cookies do not depend on the port: one browser, two instances, as behind a load balancer.
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // The rate limits count in fixed minutes: start well inside one.
    let second = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() % 60;
    if second > 40 {
        tokio::time::sleep(Duration::from_secs(61 - second)).await;
    }

    // A session made on one instance works on the other, and ends on both.
    assert_eq!(
        login(&http, &servers[0], "jane@sala.example", testkit::PASSWORD).await,
        303
    );
    let account = http.get(format!("{}/konto", servers[1].base)).send().await.unwrap();
    assert_eq!(account.status(), 200);
    let account = account.text().await.unwrap();
    assert!(account.contains("Jane Samordnare"), "{account}");
    let token = csrf_token(&account).unwrap();
    let out = http
        .post(format!("{}/konto/logga-ut", servers[1].base))
        .form(&[("_csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let after = http.get(format!("{}/konto", servers[0].base)).send().await.unwrap();
    assert_eq!(after.status(), 303, "signed out on the other instance too");

    // Rate limits: five attempts a minute per address, alternating instances; the successful
    // login above was the first.
    let mut statuses = vec![];
    for n in 0..6 {
        let email = format!("nobody{n}@example.se");
        statuses.push(login(&http, &servers[n % 2], &email, "fel lösenord").await);
    }
    assert!(statuses[..4].iter().all(|s| *s != 429), "{statuses:?}");
    assert_eq!(&statuses[4..], &[429, 429], "{statuses:?}");

    // Queued mail goes out exactly once, whichever worker claims it.
    let mut tx = pool.write().await.unwrap();
    for n in 0..12 {
        platform::mail::queue(
            &mut tx,
            None,
            &platform::mail::Email {
                attachment: None,
                headers: vec![],
                html: None,
                to: format!("mottagare{n}@exempel.se"),
                subject: format!("Brev nummer {n}"),
                body: "Hej".into(),
            },
            0,
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let started = Instant::now();
    while sink.received().len() < 12 && started.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Both workers poll every few seconds: give a duplicate time to show.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let mut subjects: Vec<String> = sink.received().iter().map(|m| m.subject()).collect();
    subjects.sort();
    let mut expected: Vec<String> = (0..12).map(|n| format!("Brev nummer {n}")).collect();
    expected.sort();
    assert_eq!(subjects, expected, "each mail exactly once");

    // No recurring job is waiting twice.
    let doubles: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, COUNT(*) FROM jobs WHERE status IN ('pending', 'running') AND kind <> $1 \
         GROUP BY kind HAVING COUNT(*) > 1",
    )
    .bind(platform::mail::JOB_KIND)
    .fetch_all(&pool.pool)
    .await
    .unwrap();
    assert!(doubles.is_empty(), "{doubles:?}");
    drop(servers);
}
