//! Accounts as a person meets them: registration with e-mail verification, login by password
//! and by e-mailed link, password reset, logout, export and erasure, and every kind of bad input.

use crate::common::{emailed_login_link, try_login};
use platform::auth::RoleKind;
use testkit::html::url_in;
use testkit::{both, Backend, TestApp, PASSWORD};

/// The path part of a link in a mail.
fn path_of(app: &TestApp, url: &str) -> String {
    url.strip_prefix(&app.base).expect("link to this server").to_string()
}

async fn register_verify_and_login(backend: Backend) {
    let app = TestApp::start(backend).await;
    let c = app.client();
    let p = c
        .submit(
            "/konto/registrera",
            "/konto/registrera",
            &[
                ("name", "Åsa Öberg"),
                ("email", "Asa.Oberg@Exempel.se"),
                ("password", "ett riktigt bra lösenord"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.text());
    assert!(p.text().contains("Kolla din e-post"));

    // Not verified yet: the password alone does not let her in.
    let p = try_login(&c, "asa.oberg@exempel.se", "ett riktigt bra lösenord").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("bekräfta din e-postadress"), "{}", p.text());

    app.run_jobs().await;
    let mail = app.outbox().await;
    assert_eq!(
        mail.len(),
        2,
        "registration and the reminder at login each sent a verification link"
    );
    let (to, subject, body) = &mail[0];
    assert_eq!(to, "asa.oberg@exempel.se", "addresses are stored lower-cased");
    assert_eq!(subject, "Bekräfta din e-postadress");
    assert!(body.starts_with("Hej Åsa Öberg!"), "{body}");
    let link = path_of(&app, &url_in(body, "/konto/verifiera/").expect("verification link"));

    // Opening the link shows a button; only pressing it verifies (mail scanners only GET).
    let page = c.get(&link).await;
    assert_eq!(page.status, 200);
    let p = c.post_raw(&link, &[("_csrf", &page.csrf())]).await;
    assert_eq!(p.status, 303);
    assert_eq!(p.location.as_deref(), Some("/konto?valkommen=1"));
    let account = c.get("/konto?valkommen=1").await;
    assert!(account.text().contains("Din e-postadress är bekräftad"));
    assert!(account.text().contains("asa.oberg@exempel.se"));

    // Log out, then in with the password.
    let p = c.post_raw("/konto/logga-ut", &[("_csrf", &account.csrf())]).await;
    assert_eq!(p.status, 303);
    assert_eq!(
        c.get("/konto").await.status,
        303,
        "logged out: the account page sends you to log in"
    );
    c.login("asa.oberg@exempel.se", "ett riktigt bra lösenord").await;
    assert!(c.get("/konto").await.text().contains("Åsa Öberg"));

    // The used link cannot be used again.
    let again = c.get(&link).await;
    assert_eq!(again.status, 400);
    assert!(again.text().contains("Länken är redan använd"));
}

async fn login_by_emailed_link(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    let p = c
        .submit(
            "/konto/engangslank",
            "/konto/engangslank",
            &[("email", "kalle@exempel.se")],
        )
        .await;
    assert_eq!(p.status, 200);
    // The same answer for an address without an account, and no mail for it.
    let other = c
        .submit(
            "/konto/engangslank",
            "/konto/engangslank",
            &[("email", "ingen@exempel.se")],
        )
        .await;
    assert_eq!(other.status, 200);
    assert_eq!(
        p.text().replace("kalle@exempel.se", "X"),
        other.text().replace("ingen@exempel.se", "X")
    );
    app.run_jobs().await;
    let mail = app.outbox().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].1, "Din inloggningslänk");
    let link = path_of(&app, &url_in(&mail[0].2, "/konto/lank/").expect("login link"));

    let page = c.get(&link).await;
    let p = c.post_raw(&link, &[("_csrf", &page.csrf())]).await;
    assert_eq!(p.status, 303);
    assert!(c.get("/konto").await.text().contains("kalle@exempel.se"));

    // Reused: refused with a clear message, nothing happens.
    let fresh = app.client();
    let page = fresh.get("/konto/logga-in").await;
    let p = fresh.post_raw(&link, &[("_csrf", &page.csrf())]).await;
    assert_eq!(p.status, 400);
    assert!(p.text().contains("Länken är redan använd"));
    assert_eq!(fresh.get("/konto").await.status, 303, "still logged out");
}

async fn expired_and_unknown_links(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    let link = emailed_login_link(&app, &c, "kalle@exempel.se").await;
    let page = c.get(&link).await;
    assert_eq!(page.status, 200);
    app.clock.advance(chrono::Duration::minutes(21));
    let expired = c.get(&link).await;
    assert_eq!(expired.status, 400);
    assert!(expired.text().contains("Länken har gått ut"));
    let p = c.post_raw(&link, &[("_csrf", &page.csrf())]).await;
    assert_eq!(p.status, 400, "an expired link logs nobody in");
    assert_eq!(c.get("/konto").await.status, 303);

    let unknown = c.get("/konto/lank/finns-inte").await;
    assert_eq!(unknown.status, 404);
    assert!(unknown.text().contains("Länken finns inte"));
}

async fn password_reset_ends_other_sessions(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let elsewhere = app.client();
    elsewhere.login("kalle@exempel.se", PASSWORD).await;

    let c = app.client();
    c.submit(
        "/konto/glomt-losenord",
        "/konto/glomt-losenord",
        &[("email", "kalle@exempel.se")],
    )
    .await;
    app.run_jobs().await;
    let mail = app.outbox().await;
    assert_eq!(mail[0].1, "Välj ett nytt lösenord");
    let link = path_of(&app, &url_in(&mail[0].2, "/konto/aterstall/").unwrap());

    // Mismatched and short passwords are refused with a message per field.
    let page = c.get(&link).await;
    let p = c
        .post_raw(
            &link,
            &[
                ("_csrf", &page.csrf()),
                ("password", "nytt långt lösenord"),
                ("password2", "något annat helt"),
            ],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Lösenorden är inte lika"));
    let p = c
        .post_raw(
            &link,
            &[("_csrf", &page.csrf()), ("password", "kort"), ("password2", "kort")],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Minst 10 tecken"));

    let p = c
        .post_raw(
            &link,
            &[
                ("_csrf", &page.csrf()),
                ("password", "nytt långt lösenord"),
                ("password2", "nytt långt lösenord"),
            ],
        )
        .await;
    assert_eq!(p.status, 303);
    assert!(c
        .get(p.location.as_deref().unwrap())
        .await
        .text()
        .contains("Ditt nya lösenord är sparat"));
    assert_eq!(elsewhere.get("/konto").await.status, 303, "the other session ended");

    let old = app.client();
    let p = try_login(&old, "kalle@exempel.se", PASSWORD).await;
    assert_eq!(p.status, 422, "the old password no longer works");
    old.login("kalle@exempel.se", "nytt långt lösenord").await;
}

async fn registration_refuses_bad_input_and_changes_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    let c = app.client();
    let long = "x".repeat(121);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![
                ("name", ""),
                ("email", "a@exempel.se"),
                ("password", "ett bra lösenord"),
                ("consent", "on"),
            ],
            "Fyll i fältet",
        ),
        (
            vec![
                ("name", &long),
                ("email", "a@exempel.se"),
                ("password", "ett bra lösenord"),
                ("consent", "on"),
            ],
            "Högst 120 tecken",
        ),
        (
            vec![
                ("name", "A"),
                ("email", "inte-en-adress"),
                ("password", "ett bra lösenord"),
                ("consent", "on"),
            ],
            "Skriv en e-postadress",
        ),
        (
            vec![
                ("name", "A"),
                ("email", "a@exempel.se"),
                ("password", "kort"),
                ("consent", "on"),
            ],
            "Minst 10 tecken",
        ),
        (
            vec![
                ("name", "A"),
                ("email", "a@exempel.se"),
                ("password", "ett bra lösenord"),
            ],
            "Du behöver godkänna",
        ),
        (
            vec![
                ("name", "A\u{7}"),
                ("email", "a@exempel.se"),
                ("password", "ett bra lösenord"),
                ("consent", "on"),
            ],
            "otillåtna tecken",
        ),
    ];
    for (fields, message) in cases {
        let p = c.submit("/konto/registrera", "/konto/registrera", &fields).await;
        assert_eq!(p.status, 422, "{fields:?}");
        assert!(p.text().contains(message), "{message} missing in {}", p.text());
        assert!(p.text().contains("Något behöver rättas"), "error summary");
        assert!(p.body.contains("aria-invalid=\"true\""));
    }
    // A missing field altogether is a clear 422 too, not a crash.
    let p = c.submit("/konto/registrera", "/konto/registrera", &[]).await;
    assert_eq!(p.status, 422);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0, "nothing was created");
    let (j,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM jobs")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(j, 0, "no mail was queued");
}

async fn html_in_names_is_shown_escaped(backend: Backend) {
    let app = TestApp::start(backend).await;
    let c = app.client();
    let name = "<script>alert('x')</script> & Co";
    let p = c
        .submit(
            "/konto/registrera",
            "/konto/registrera",
            &[
                ("name", name),
                ("email", "x@exempel.se"),
                ("password", "ett bra lösenord"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 200);
    app.run_jobs().await;
    let link = path_of(&app, &url_in(&app.outbox().await[0].2, "/konto/verifiera/").unwrap());
    let page = c.get(&link).await;
    c.post_raw(&link, &[("_csrf", &page.csrf())]).await;
    let account = c.get("/konto").await;
    assert!(
        !account.body.contains("<script>alert"),
        "markup must not reach the page"
    );
    assert!(account.body.contains("&#60;script&#62;") || account.body.contains("&lt;script&gt;"));
    assert!(account.text().contains(name), "the person sees exactly what they typed");
}

async fn an_existing_address_gets_the_same_answer(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    let p = c
        .submit(
            "/konto/registrera",
            "/konto/registrera",
            &[
                ("name", "Någon"),
                ("email", "KALLE@exempel.se"),
                ("password", "ett bra lösenord"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Kolla din e-post"));
    app.run_jobs().await;
    let mail = app.outbox().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].1, "Du har redan ett konto");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

async fn wrong_password_and_rate_limit(backend: Backend) {
    let app = TestApp::start_with(
        std::sync::Arc::new(testkit::TestDb::new(backend).await),
        testkit::Options {
            configure: Some(Box::new(|c| c.login_per_minute = 3)),
            ..Default::default()
        },
    )
    .await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    for _ in 0..3 {
        let p = try_login(&c, "kalle@exempel.se", "fel lösenord!!").await;
        assert_eq!(p.status, 422);
        assert!(p.text().contains("Fel e-postadress eller lösenord"));
        assert!(!p.body.contains("fel lösenord!!"), "the password is never sent back");
    }
    let p = try_login(&c, "kalle@exempel.se", PASSWORD).await;
    assert_eq!(
        p.status, 429,
        "the fourth attempt within a minute is refused, even with the right password"
    );
    assert!(p.text().contains("För många försök"));
    assert!(p.headers.get("retry-after").is_some());
    // An unknown address answers like a wrong password (no account enumeration).
    let other = TestApp::start(backend).await;
    let p = try_login(&other.client(), "ingen@exempel.se", "fel lösenord!!").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Fel e-postadress eller lösenord"));
}

async fn login_sends_only_to_this_site(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    let p = c
        .submit(
            "/konto/logga-in?next=/sala/",
            "/konto/logga-in",
            &[
                ("email", "kalle@exempel.se"),
                ("password", PASSWORD),
                ("next", "https://evil.example/"),
            ],
        )
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(p.location.as_deref(), Some("/konto"));
    let cookie = p
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("overens_sid="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests: no Secure flag");
}

async fn export_and_erase_my_data(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("jane@exempel.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let c = app.client();
    c.login("jane@exempel.se", PASSWORD).await;
    c.submit(
        "/sala/admin/avdelningar",
        "/sala/admin/avdelningar",
        &[("name", "Kultur och fritid")],
    )
    .await;

    let (status, data) = c.get_json("/konto/export").await;
    assert_eq!(status, 200);
    assert_eq!(data["account"]["email"], "jane@exempel.se");
    assert_eq!(data["roles"][0]["role"], "coordinator");
    assert_eq!(data["roles"][0]["municipality"], "Sala");
    assert_eq!(data["changes_made"][0]["action"], "department.create");

    let account = c.get("/konto").await;
    let p = c.post_raw("/konto/radera", &[("_csrf", &account.csrf())]).await;
    assert_eq!(p.status, 422, "erasing needs the confirmation box");
    let p = c
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Kontot är raderat"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'jane@exempel.se'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
    let (who,): (String,) = sqlx::query_as("SELECT actor_name FROM audit_log WHERE action = 'department.create'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(
        !who.contains("jane"),
        "the audit trail keeps the change but not the person"
    );
    assert_eq!(c.get("/konto").await.status, 303, "logged out");
}

both!(
    register_verify_and_login,
    login_by_emailed_link,
    expired_and_unknown_links,
    password_reset_ends_other_sessions,
    registration_refuses_bad_input_and_changes_nothing,
    html_in_names_is_shown_escaped,
    an_existing_address_gets_the_same_answer,
    wrong_password_and_rate_limit,
    login_sends_only_to_this_site,
    export_and_erase_my_data,
);
