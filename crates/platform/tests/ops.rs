//! Operations: `/metrics` behind its bearer token with requests per matched route, the job
//! queue and the pool; `/healthz` cheap; `/readyz` 503 until every migration is applied.

use std::sync::Arc;
use testkit::{both, Backend, Options, TestApp, TestDb};

const TOKEN: &str = "skrapa-0123456789abcdef";

async fn with_token(backend: Backend) -> TestApp {
    TestApp::start_with(
        Arc::new(TestDb::new(backend).await),
        Options {
            smtp_port: None,
            configure: Some(Box::new(|c| c.metrics_token = Some(TOKEN.into()))),
        },
    )
    .await
}

async fn scrape(app: &TestApp, token: Option<&str>) -> (u16, String) {
    let mut req = reqwest::Client::new().get(app.url("/metrics"));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The value of one series, e.g. `overens_jobs{status="pending"}`.
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

async fn metrics_need_the_token_and_count_by_route(backend: Backend) {
    let closed = TestApp::start(backend).await;
    assert_eq!(
        scrape(&closed, Some(TOKEN)).await.0,
        404,
        "without a configured token /metrics is not there"
    );
    closed.stop().await;

    let app = with_token(backend).await;
    let (status, _) = scrape(&app, None).await;
    assert_eq!(status, 401);
    assert_eq!(scrape(&app, Some("skrapa-0123456789abcdeX")).await.0, 401);

    app.municipality("sala", "Sala").await;
    let anon = app.client();
    for _ in 0..3 {
        assert_eq!(anon.get("/sala/").await.status, 200);
    }
    assert_eq!(anon.get("/sala/ingenting-har").await.status, 404);
    // A queued mail is a pending job, due now.
    let mut tx = app.state.db.write().await.unwrap();
    platform::mail::queue(
        &mut tx,
        None,
        &platform::mail::Email {
            attachment: None,
            headers: vec![],
            html: None,
            to: "a@exempel.se".into(),
            subject: "Hej".into(),
            body: "Hej".into(),
        },
        app.state.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let (status, text) = scrape(&app, Some(TOKEN)).await;
    assert_eq!(status, 200, "{text}");
    // The route as matched, never the path with its slug.
    assert_eq!(
        value(
            &text,
            "overens_http_requests_total{method=\"GET\",route=\"/{slug}/\",status=\"200\"}"
        ),
        Some(3.0),
        "{text}"
    );
    assert!(!text.contains("route=\"/sala/\""), "{text}");
    assert!(
        text.contains("overens_http_request_duration_seconds_bucket{method=\"GET\",route=\"/{slug}/\",le=\"0.1\"}"),
        "{text}"
    );
    assert!(
        text.contains("overens_http_request_duration_seconds_count{method=\"GET\",route=\"/{slug}/\"} 3"),
        "{text}"
    );
    assert_eq!(value(&text, "overens_jobs{status=\"pending\"}"), Some(1.0), "{text}");
    assert_eq!(value(&text, "overens_jobs{status=\"failed\"}"), Some(0.0), "{text}");
    assert_eq!(value(&text, "overens_jobs_due"), Some(1.0), "{text}");
    assert!(value(&text, "overens_db_pool_connections").unwrap() >= 1.0, "{text}");
    assert!(value(&text, "overens_db_pool_idle").is_some(), "{text}");
    assert!(value(&text, "overens_db_pool_max").unwrap() >= 1.0, "{text}");
    app.deliver().await;
    let (_, text) = scrape(&app, Some(TOKEN)).await;
    assert_eq!(value(&text, "overens_jobs{status=\"pending\"}"), Some(0.0), "{text}");
    assert_eq!(value(&text, "overens_jobs{status=\"done\"}"), Some(1.0), "{text}");
    app.stop().await;
}

async fn readiness_checks_the_database_and_the_migrations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let anon = app.client();
    let ready = anon.get("/readyz").await;
    assert_eq!((ready.status, ready.body.as_str()), (200, "ready"));
    assert_eq!(anon.get("/healthz").await.status, 200);

    // A binary newer than its database: one migration it knows is not applied.
    let (newest,): (i64,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = $1")
        .bind(newest)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let not = anon.get("/readyz").await;
    assert_eq!(not.status, 503);
    assert!(
        not.body.contains("1 migration(s) not applied") && not.body.contains(&newest.to_string()),
        "{}",
        not.body
    );
    assert_eq!(
        anon.get("/healthz").await.status,
        200,
        "/healthz only asks the database"
    );

    // The database gone: both answer 503.
    app.state.db.pool.close().await;
    assert_eq!(anon.get("/readyz").await.status, 503);
    assert_eq!(anon.get("/healthz").await.status, 503);
    app.forget_jobs();
    app.stop().await;
}

both!(
    metrics_need_the_token_and_count_by_route,
    readiness_checks_the_database_and_the_migrations
);
