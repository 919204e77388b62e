//! Findings of issue 14 that live in the platform's middleware: CSRF on `/api/` paths, and rate
//! limits behind a proxy (which address is the client's, IPv6 per /64, counters shared by every
//! instance on one database).

use platform::auth::RoleKind;
use std::sync::Arc;
use testkit::{both, Backend, Options, TestApp, TestDb, PASSWORD};

/// A POST under `/api/` from a browser that has a session is checked for the CSRF token like any
/// form: a page elsewhere cannot make a signed-in browser post to the API.
async fn api_posts_with_a_session_need_the_csrf_token(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("jane@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let c = app.client();
    c.login("jane@sala.example", PASSWORD).await;
    for path in [
        "/api/v1/municipalities",
        "/api/v1/sala/signatures",
        "/api/v1/finns-inte",
    ] {
        let p = c.post_raw(path, &[("name", "Utan token")]).await;
        assert_eq!(p.status, 403, "{path}: {}", p.body);
        assert!(p.body.contains("Formuläret har gått ut"), "{path}: {}", p.body);
    }
    // Without a session cookie there is nothing to forge: the token is not asked for.
    let anon = app.client();
    let p = anon.post_raw("/api/v1/municipalities", &[]).await;
    assert_ne!(p.status, 403, "{}", p.body);
}

/// Proxy settings for the rate-limit tests: the test server's peer (127.0.0.1) is a trusted proxy
/// and three login attempts a minute are allowed per client.
fn behind_proxy(login_per_minute: u32) -> Options {
    Options {
        smtp_port: None,
        configure: Some(Box::new(move |c| {
            c.login_per_minute = login_per_minute;
            c.trusted_proxies = vec!["127.0.0.1/32".parse().expect("cidr")];
        })),
    }
}

/// One login attempt with a wrong password for a fresh address, as the proxy forwards it.
async fn attempt(app: &TestApp, n: usize, forwarded_for: &str) -> u16 {
    let c = app.client();
    let token = c.get("/konto/logga-in").await.csrf();
    let email = format!("nobody{n}@example.se");
    c.post_with_headers(
        "/konto/logga-in",
        &[("x-forwarded-for", forwarded_for)],
        &[
            ("_csrf", &token),
            ("email", &email),
            ("password", "fel lösenord"),
            ("next", "/konto"),
        ],
    )
    .await
    .status
}

/// A client that writes its own `X-Forwarded-For` (a new made-up address each time) is still
/// counted by the address the trusted proxy saw: the right-most untrusted entry.
async fn spoofed_forwarded_for_does_not_escape_the_limit(backend: Backend) {
    let db = Arc::new(TestDb::new(backend).await);
    let app = TestApp::start_with(db, behind_proxy(3)).await;
    let mut statuses = vec![];
    for n in 0..5 {
        let spoof = format!("10.9.8.{n}, 203.0.113.7");
        statuses.push(attempt(&app, n, &spoof).await);
    }
    assert!(statuses[..3].iter().all(|s| *s != 429), "{statuses:?}");
    assert_eq!(&statuses[3..], &[429, 429], "{statuses:?}");
}

/// Two clients behind the same trusted proxy have buckets of their own.
async fn clients_behind_a_trusted_proxy_have_their_own_buckets(backend: Backend) {
    let db = Arc::new(TestDb::new(backend).await);
    let app = TestApp::start_with(db, behind_proxy(3)).await;
    for n in 0..3 {
        assert_ne!(attempt(&app, n, "198.51.100.1").await, 429);
    }
    assert_eq!(
        attempt(&app, 3, "198.51.100.1").await,
        429,
        "the first client is limited"
    );
    assert_ne!(
        attempt(&app, 4, "198.51.100.2").await,
        429,
        "the second client is not limited by the first"
    );
}

/// An IPv6 client has a /64 to itself and can pick any address in it: the whole /64 is one bucket.
async fn ipv6_addresses_in_one_slash_64_share_a_bucket(backend: Backend) {
    let db = Arc::new(TestDb::new(backend).await);
    let app = TestApp::start_with(db, behind_proxy(3)).await;
    for n in 0..3 {
        let addr = format!("2001:db8:1:2::{:x}", n + 1);
        assert_ne!(attempt(&app, n, &addr).await, 429);
    }
    assert_eq!(attempt(&app, 3, "2001:db8:1:2:ffff:ffff:ffff:ffff").await, 429);
    assert_ne!(attempt(&app, 4, "2001:db8:1:3::1").await, 429, "another /64");
}

/// Two instances of the application on one database count together, so a load balancer that
/// spreads the attempts does not multiply the limit; old windows are swept away.
async fn instances_on_one_database_share_the_counters(backend: Backend) {
    let db = Arc::new(TestDb::new(backend).await);
    let one = TestApp::start_with(db.clone(), behind_proxy(4)).await;
    let two = TestApp::start_with(db.clone(), behind_proxy(4)).await;
    let mut statuses = vec![];
    for n in 0..6 {
        let app = if n % 2 == 0 { &one } else { &two };
        statuses.push(attempt(app, n, "192.0.2.33").await);
    }
    assert!(statuses[..4].iter().all(|s| *s != 429), "{statuses:?}");
    assert_eq!(&statuses[4..], &[429, 429], "{statuses:?}");
    // A window later the client may try again, and the old windows are gone.
    for app in [&one, &two] {
        app.clock.advance(chrono::Duration::hours(3));
    }
    assert_ne!(attempt(&two, 7, "192.0.2.33").await, 429);
    let (windows,): (i64,) = sqlx::query_as("SELECT COUNT(DISTINCT window_start) FROM rate_limits")
        .fetch_one(&one.state.db.pool)
        .await
        .expect("count windows");
    assert_eq!(windows, 1, "only the current window is kept");
}

both!(
    api_posts_with_a_session_need_the_csrf_token,
    spoofed_forwarded_for_does_not_escape_the_limit,
    clients_behind_a_trusted_proxy_have_their_own_buckets,
    ipv6_addresses_in_one_slash_64_share_a_bucket,
    instances_on_one_database_share_the_counters,
);

/// The stylesheet goes out gzip-compressed when the browser asks for it; a page never does (it
/// carries a CSRF token beside what the visitor typed: BREACH). Not a database matter, so on
/// SQLite only.
async fn only_what_is_the_same_for_everyone_is_compressed(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let raw = reqwest::Client::new();
    let css = raw
        .get(app.url("/static/overens.css"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("stylesheet");
    assert_eq!(css.status(), 200);
    assert_eq!(css.headers()["content-encoding"], "gzip");
    let zipped = css.bytes().await.expect("body").len();
    assert!(
        zipped * 4 < platform::site::CSS.len(),
        "{zipped} bytes of {}",
        platform::site::CSS.len()
    );
    let page = raw
        .get(app.url("/sala/"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), 200);
    assert!(page.headers().get("content-encoding").is_none());
    let plain = raw
        .get(app.url("/static/overens.css"))
        .send()
        .await
        .expect("stylesheet");
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.bytes().await.expect("body").len(), platform::site::CSS.len());
    app.stop().await;
}

testkit::sqlite!(only_what_is_the_same_for_everyone_is_compressed);
