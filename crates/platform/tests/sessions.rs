//! Issue 14, finding 6 (sessions): an idle timeout that slides, an absolute limit for staff,
//! coordinators and operators, a fresh login before erasure and role grants, the list of one's
//! sessions with "log out the others", changing the password when signed in, taking a role
//! away (never the last coordinator), and older e-mailed links dying when a newer one is sent
//! or used.

use chrono::Duration;
use platform::auth::RoleKind;
use testkit::html::url_in;
use testkit::{both, Backend, Client, TestApp, PASSWORD};

fn path_of(app: &TestApp, url: &str) -> String {
    url.strip_prefix(&app.base).expect("link to this server").to_string()
}

async fn signed_in(c: &Client) -> bool {
    let p = c.get("/konto").await;
    assert!(p.status == 200 || p.status == 303, "{}", p.status);
    p.status == 200
}

async fn staff_sessions_end_after_half_an_hour_idle(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.staff("sala").await;
    for _ in 0..4 {
        app.clock.advance(Duration::minutes(25));
        assert!(signed_in(&c).await, "activity keeps the session alive");
    }
    app.clock.advance(Duration::minutes(31));
    assert!(!signed_in(&c).await, "31 minutes idle ends a staff session");
}

async fn residents_stay_signed_in_longer_when_idle(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (c, _) = app.signed_in("kalle@exempel.se", None).await;
    app.clock.advance(Duration::hours(7));
    assert!(signed_in(&c).await, "7 hours idle is fine without a staff role");
    app.clock.advance(Duration::hours(8) + Duration::minutes(1));
    assert!(!signed_in(&c).await, "over 8 hours idle ends the session");
}

async fn coordinator_sessions_end_after_twelve_hours_however_active(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.coordinator("sala").await;
    for _ in 0..35 {
        app.clock.advance(Duration::minutes(20));
        assert!(signed_in(&c).await, "within 12 hours");
    }
    app.clock.advance(Duration::minutes(61));
    assert!(!signed_in(&c).await, "after 12 hours a coordinator logs in again");
}

/// Keep a session active for `minutes` without logging in again.
async fn stay_active(app: &TestApp, c: &Client, minutes: i64) {
    for _ in 0..minutes / 5 {
        app.clock.advance(Duration::minutes(5));
        assert!(signed_in(c).await);
    }
}

async fn erasure_needs_a_fresh_login(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (c, _) = app.signed_in("kalle@exempel.se", None).await;
    stay_active(&app, &c, 15).await;
    let account = c.get("/konto").await;
    let p = c
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(p.location.as_deref(), Some("/konto/bekrafta?next=%2Fkonto"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'kalle@exempel.se'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1, "not erased without a fresh login");

    let wrong = c
        .submit(
            "/konto/bekrafta?next=%2Fkonto",
            "/konto/bekrafta",
            &[("password", "fel lösenord igen"), ("next", "/konto")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let p = c
        .submit(
            "/konto/bekrafta?next=%2Fkonto",
            "/konto/bekrafta",
            &[("password", PASSWORD), ("next", "/konto")],
        )
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(p.location.as_deref(), Some("/konto"));
    let account = c.get("/konto").await;
    let p = c
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Kontot är raderat"));
}

async fn role_grants_need_a_fresh_login(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("magnus@sala.example", None).await;
    let c = app.coordinator("sala").await;
    stay_active(&app, &c, 15).await;
    let p = c
        .submit(
            "/sala/admin/personer",
            "/sala/admin/personer",
            &[
                ("email", "magnus@sala.example"),
                ("role", "coordinator"),
                ("department", ""),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(
        p.location.as_deref(),
        Some("/konto/bekrafta?next=%2Fsala%2Fadmin%2Fpersoner")
    );
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'magnus@sala.example'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(n, 0, "no role granted without a fresh login");
}

async fn log_out_other_sessions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (here, _) = app.signed_in("kalle@exempel.se", None).await;
    let there = app.client();
    there.login("kalle@exempel.se", PASSWORD).await;
    let account = here.get("/konto").await;
    assert!(account.text().contains("Dina inloggningar"), "{}", account.text());
    assert!(account.text().contains("Den här inloggningen"));
    assert!(account.text().matches("2026-11-23 10:00").count() >= 2);
    let p = here
        .post_raw("/konto/logga-ut-andra", &[("_csrf", &account.csrf())])
        .await;
    assert_eq!(p.status, 303);
    assert!(!signed_in(&there).await, "the other session ended");
    assert!(signed_in(&here).await, "this one goes on");
}

async fn change_password_when_signed_in(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (c, _) = app.signed_in("kalle@exempel.se", None).await;
    let elsewhere = app.client();
    elsewhere.login("kalle@exempel.se", PASSWORD).await;
    let p = c
        .submit(
            "/konto",
            "/konto/losenord",
            &[
                ("current_password", "inte mitt lösenord"),
                ("password", "ett helt nytt lösenord"),
                ("password2", "ett helt nytt lösenord"),
            ],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Fel lösenord"), "{}", p.text());
    let p = c
        .submit(
            "/konto",
            "/konto/losenord",
            &[
                ("current_password", PASSWORD),
                ("password", "ett helt nytt lösenord"),
                ("password2", "ett helt nytt lösenord"),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert!(c
        .get(p.location.as_deref().unwrap())
        .await
        .text()
        .contains("Ditt nya lösenord är sparat"));
    assert!(signed_in(&c).await, "this session goes on");
    assert!(!signed_in(&elsewhere).await, "other sessions end");
    app.client().login("kalle@exempel.se", "ett helt nytt lösenord").await;
}

async fn coordinator_takes_a_role_away(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let (magnus, mid) = app
        .signed_in("magnus@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    assert_eq!(magnus.get("/sala/admin/").await.status, 200);
    let c = app.coordinator("sala").await;
    let page = c.get("/sala/admin/personer").await;
    assert!(page.text().contains("Ta bort rollen"), "{}", page.text());
    let (role_id,): (i64,) = sqlx::query_as("SELECT id FROM roles WHERE user_id = $1")
        .bind(mid)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let p = c
        .post_raw(
            "/sala/admin/personer/ta-bort",
            &[("_csrf", &page.csrf()), ("role_id", &role_id.to_string())],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(magnus.get("/sala/admin/").await.status, 403, "the role is gone");
    let log = c.get("/sala/admin/logg").await.text();
    assert!(log.contains("role.revoke"), "{log}");

    // Another municipality's coordinator cannot take Sala's roles.
    app.municipality("orebro", "Örebro").await;
    let other = app.coordinator("orebro").await;
    let (cid,): (i64,) = sqlx::query_as(
        "SELECT r.id FROM roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'samordnare@sala.example'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let page = other.get("/orebro/admin/personer").await;
    let p = other
        .post_raw(
            "/orebro/admin/personer/ta-bort",
            &[("_csrf", &page.csrf()), ("role_id", &cid.to_string())],
        )
        .await;
    assert_eq!(p.status, 404);
    assert!(signed_in(&c).await);
    assert_eq!(
        c.get("/sala/admin/personer").await.status,
        200,
        "Sala's coordinator keeps the role"
    );
}

async fn request_login_link(app: &TestApp, c: &Client, email: &str) -> String {
    c.submit("/konto/engangslank", "/konto/engangslank", &[("email", email)])
        .await;
    app.run_jobs().await;
    path_of(app, &url_in(&app.outbox().await[0].2, "/konto/lank/").unwrap())
}

async fn using_a_link_kills_the_older_ones(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    let first = request_login_link(&app, &c, "kalle@exempel.se").await;
    c.submit(
        "/konto/glomt-losenord",
        "/konto/glomt-losenord",
        &[("email", "kalle@exempel.se")],
    )
    .await;
    app.run_jobs().await;
    let reset = path_of(&app, &url_in(&app.outbox().await[0].2, "/konto/aterstall/").unwrap());
    let second = request_login_link(&app, &c, "kalle@exempel.se").await;
    assert_ne!(first, second);

    let page = c.get(&second).await;
    assert_eq!(c.post_raw(&second, &[("_csrf", &page.csrf())]).await.status, 303);
    let old = app.client();
    assert_eq!(old.get(&first).await.status, 400, "the older login link is dead");
    assert_eq!(old.get(&reset).await.status, 400, "the older reset link is dead");
}

async fn issuing_a_link_kills_the_older_one_of_its_kind(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    c.submit(
        "/konto/glomt-losenord",
        "/konto/glomt-losenord",
        &[("email", "kalle@exempel.se")],
    )
    .await;
    app.run_jobs().await;
    let reset = path_of(&app, &url_in(&app.outbox().await[0].2, "/konto/aterstall/").unwrap());
    let first = request_login_link(&app, &c, "kalle@exempel.se").await;
    let second = request_login_link(&app, &c, "kalle@exempel.se").await;
    assert_ne!(first, second);

    // Nothing used yet: the newer login link alone is good, the reset link (another kind) too.
    let other = app.client();
    let old = other.get(&first).await;
    assert_eq!(old.status, 400, "the older login link died when the newer one was sent");
    assert!(old.text().contains("gått ut"), "{}", old.text());
    assert_eq!(other.get(&reset).await.status, 200, "a reset link is another kind");
    let page = c.get(&second).await;
    assert_eq!(page.status, 200);
    assert_eq!(c.post_raw(&second, &[("_csrf", &page.csrf())]).await.status, 303);
    assert!(signed_in(&c).await);
}

/// The role id of a person's role in the municipality.
async fn role_of(app: &TestApp, email: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT r.id FROM roles r JOIN users u ON u.id = r.user_id WHERE u.email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

async fn the_last_coordinator_keeps_the_role(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.coordinator("sala").await;
    let own = role_of(&app, "samordnare@sala.example").await;
    let page = c.get("/sala/admin/personer").await;
    let p = c
        .post_raw(
            "/sala/admin/personer/ta-bort",
            &[("_csrf", &page.csrf()), ("role_id", &own.to_string())],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let after = c.get(p.location.as_deref().unwrap()).await;
    assert_eq!(after.status, 200, "still a coordinator");
    assert!(
        after.text().contains("kommunen måste ha minst en samordnare"),
        "{}",
        after.text()
    );

    // With a second coordinator, the first may step down.
    app.signed_in("anna@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let page = c.get("/sala/admin/personer").await;
    let p = c
        .post_raw(
            "/sala/admin/personer/ta-bort",
            &[("_csrf", &page.csrf()), ("role_id", &own.to_string())],
        )
        .await;
    assert_eq!(p.location.as_deref(), Some("/sala/admin/personer?borttagen=1"));
    assert_eq!(c.get("/sala/admin/personer").await.status, 403, "the role is gone");
}

async fn role_removal_needs_a_fresh_login(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.signed_in("magnus@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let role = role_of(&app, "magnus@sala.example").await;
    let c = app.coordinator("sala").await;
    stay_active(&app, &c, 15).await;
    let page = c.get("/sala/admin/personer").await;
    let p = c
        .post_raw(
            "/sala/admin/personer/ta-bort",
            &[("_csrf", &page.csrf()), ("role_id", &role.to_string())],
        )
        .await;
    assert_eq!(
        p.location.as_deref(),
        Some("/konto/bekrafta?next=%2Fsala%2Fadmin%2Fpersoner")
    );
    assert_eq!(role_of(&app, "magnus@sala.example").await, role, "the role stays");
}

async fn adding_a_municipality_needs_a_fresh_login(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (op, _) = app
        .signed_in("drift@exempel.se", Some((RoleKind::Operator, None)))
        .await;
    stay_active(&app, &op, 15).await;
    let p = op
        .submit("/drift/", "/drift/", &[("name", "Luleå"), ("slug", "lulea")])
        .await;
    assert_eq!(p.location.as_deref(), Some("/konto/bekrafta?next=%2Fdrift%2F"));
    assert_eq!(app.client().get("/lulea/").await.status, 404, "not added");
}

both!(
    staff_sessions_end_after_half_an_hour_idle,
    residents_stay_signed_in_longer_when_idle,
    coordinator_sessions_end_after_twelve_hours_however_active,
    erasure_needs_a_fresh_login,
    role_grants_need_a_fresh_login,
    log_out_other_sessions,
    change_password_when_signed_in,
    coordinator_takes_a_role_away,
    using_a_link_kills_the_older_ones,
    issuing_a_link_kills_the_older_one_of_its_kind,
    the_last_coordinator_keeps_the_role,
    role_removal_needs_a_fresh_login,
    adding_a_municipality_needs_a_fresh_login,
);
