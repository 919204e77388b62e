//! Tokens and personal data in mail do not outlive their use: a sent message's queue entry keeps
//! no copy of it, the outbox is emptied after its retention time, erasing an account takes its
//! queued mail along, and the operator's outbox shows no live links.

use platform::auth::RoleKind;
use platform::jobs;
use testkit::{both, html::url_in, Backend, TestApp};

/// The retention run's job kind (`platform::retention::JOB_KIND`).
const RETENTION: &str = "platform.retention";

async fn payloads(app: &TestApp) -> Vec<String> {
    sqlx::query_as::<_, (String,)>("SELECT payload FROM jobs ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.0)
        .collect()
}

/// Ask for a login link for `email`; returns the link's token once the mail is sent.
async fn login_link(app: &TestApp, email: &str) -> String {
    let c = app.client();
    c.submit("/konto/engangslank", "/konto/engangslank", &[("email", email)])
        .await;
    app.run_jobs().await;
    let mail = app.outbox().await;
    let url = url_in(&mail[0].2, "/konto/lank/").expect("a login link");
    url.rsplit('/').next().unwrap().to_string()
}

async fn a_sent_mail_leaves_no_link_or_address_in_the_queue(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let token = login_link(&app, "kalle@exempel.se").await;
    assert!(token.len() >= 20, "{token}");
    for p in payloads(&app).await {
        assert!(!p.contains(&token), "the login link stays in the queue: {p}");
        assert!(!p.contains("kalle@exempel.se"), "the address stays in the queue: {p}");
    }
}

async fn the_outbox_is_emptied_after_its_retention_time(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    login_link(&app, "kalle@exempel.se").await;
    let schedule = async |app: &TestApp| {
        let mut tx = app.state.db.write().await.unwrap();
        let now = app.state.now();
        jobs::ensure(&mut tx, RETENTION, now, now).await.unwrap();
        tx.commit().await.unwrap();
    };
    // A day later the message is still there for the operator.
    app.clock.advance(chrono::Duration::days(1));
    schedule(&app).await;
    app.run_jobs().await;
    assert_eq!(app.outbox().await.len(), 1);
    // After the retention time (7 days by default) the retention run removes it.
    app.clock.advance(chrono::Duration::days(7));
    app.run_jobs().await;
    assert!(app.outbox().await.is_empty(), "the outbox keeps old mail");
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM jobs WHERE kind = 'email'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "finished mail jobs are removed too");
    let (waiting,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'pending'")
        .bind(RETENTION)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(waiting, 1, "the retention run queues its next run");
}

async fn erasing_an_account_takes_its_queued_mail_along(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    c.login("kalle@exempel.se", testkit::PASSWORD).await;
    // A link asked for but not yet sent when the account is erased.
    app.client()
        .submit(
            "/konto/engangslank",
            "/konto/engangslank",
            &[("email", "kalle@exempel.se")],
        )
        .await;
    let account = c.get("/konto").await;
    let p = c
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert!(p.status < 400, "{}", p.status);
    for p in payloads(&app).await {
        assert!(
            !p.contains("kalle@exempel.se"),
            "the erased address stays in the queue: {p}"
        );
    }
    app.run_jobs().await;
    assert!(app.outbox().await.iter().all(|m| m.0 != "kalle@exempel.se"));
}

async fn the_operators_outbox_shows_no_live_links(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    app.user("drift@exempel.se", Some((RoleKind::Operator, None))).await;
    let token = login_link(&app, "kalle@exempel.se").await;
    let op = app.client();
    op.login("drift@exempel.se", testkit::PASSWORD).await;
    let page = op.get("/drift/utkorg").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("kalle@exempel.se"), "the recipient is shown");
    assert!(!page.body.contains(&token), "the operator sees a live login link");
}

/// Two instances starting at once both ask for the daily run: it is queued once.
async fn a_periodic_job_is_queued_once_when_two_instances_ask_at_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let now = app.state.now();
    let ask = async |db: platform::db::Db| {
        let mut tx = db.write().await.unwrap();
        jobs::ensure(&mut tx, "registry.reminders", now + 60, now)
            .await
            .unwrap();
        // Both have looked before either has written (PostgreSQL; SQLite has one writer).
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        tx.commit().await.unwrap();
    };
    let (a, b) = (app.state.db.clone(), app.state.db.clone());
    tokio::join!(ask(a), ask(b));
    let (waiting,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM jobs WHERE kind = 'registry.reminders' AND status = 'pending'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(waiting, 1, "the daily run is queued twice");
}

both!(
    a_sent_mail_leaves_no_link_or_address_in_the_queue,
    the_outbox_is_emptied_after_its_retention_time,
    erasing_an_account_takes_its_queued_mail_along,
    the_operators_outbox_shows_no_live_links,
    a_periodic_job_is_queued_once_when_two_instances_ask_at_once,
);
