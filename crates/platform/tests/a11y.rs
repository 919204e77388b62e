//! Each municipality's accessibility statement (DIGG's template) and its feedback form: the
//! statement's parts in Swedish and English, feedback without an account that reaches the
//! coordinators by mail and on their admin page, CSRF, the honeypot and the rate limit, and
//! no axe-core violations.

use platform::auth::RoleKind;
use testkit::browser::{Browser, Findings, Locator};
use testkit::{both, browser, Backend, TestApp};

const DIGG: &str = "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet";

async fn each_municipality_has_a_statement_after_diggs_template(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let anon = app.client();
    let page = anon.get("/sala/tillganglighet").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for part in [
        "Tillgänglighetsredogörelse",
        "Sala kommun",                  // the body
        "Salas lokala överenskommelse", // the service
        "delvis förenlig",              // compliance status
        "Innehåll som inte är tillgängligt",
        "Orsak:",
        "Oskäligt betungande anpassning",
        "Innehåll som inte omfattas av lagen",
        "självskattning",
        "axe-core",
        "tangentbord",
        "Senaste bedömning",
        "2026-12-08",
        "uppdaterades senast",
        "Du behöver inget konto",
    ] {
        assert!(text.contains(part), "{part} is missing: {text}");
    }
    assert!(
        page.body.contains(&format!("href=\"{DIGG}\"")),
        "the link to DIGG's report form"
    );
    assert!(page.body.contains("action=\"/sala/tillganglighet\""));
    assert!(page.body.contains("name=\"webbplats\""), "the honeypot");
    // Per municipality, and linked from its pages' footer.
    let orebro = anon.get("/orebro/tillganglighet").await;
    assert!(orebro.text().contains("Örebro kommun"));
    assert!(anon.get("/sala/").await.body.contains("href=\"/sala/tillganglighet\""));
    assert_eq!(anon.get("/finns-inte/tillganglighet").await.status, 404);
    // The instance's page lists every municipality's statement.
    let all = anon.get("/tillganglighet").await;
    assert!(all.body.contains("href=\"/sala/tillganglighet\"") && all.body.contains("href=\"/orebro/tillganglighet\""));

    let en = app.client();
    en.submit("/", "/sprak", &[("lang", "en"), ("next", "/")]).await;
    let text = en.get("/sala/tillganglighet").await.text();
    for part in [
        "Accessibility statement",
        "Sala municipality",
        "partially compliant",
        "Disproportionate burden",
        "outside the scope",
        "self-assessment",
        "Last assessed",
        "do not need an account",
    ] {
        assert!(text.contains(part), "{part} is missing in English: {text}");
    }
    app.stop().await;
}

async fn feedback_without_an_account_reaches_the_coordinator(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    app.user("samordnare@orebro.se", Some((RoleKind::Coordinator, Some("orebro"))))
        .await;
    let anon = app.client();

    // Without the form's CSRF token: refused.
    let forged = anon
        .post_raw("/sala/tillganglighet", &[("message", "Hej"), ("_csrf", "fel")])
        .await;
    assert_eq!(forged.status, 403);

    // Empty: the form again with the error, nothing kept.
    let empty = anon
        .submit("/sala/tillganglighet", "/sala/tillganglighet", &[("message", " ")])
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("id=\"error-summary\"") && empty.body.contains("aria-invalid=\"true\""));
    let bad = anon
        .submit(
            "/sala/tillganglighet",
            "/sala/tillganglighet",
            &[("message", "Hej"), ("reply_to", "inte en adress")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Hej"), "what was written is kept");

    let sent = anon
        .submit(
            "/sala/tillganglighet",
            "/sala/tillganglighet",
            &[
                ("page", "/sala/lokaler"),
                ("message", "Veckovyn läses upp i fel ordning.\nJag använder NVDA."),
                ("reply_to", "Isa@Exempel.se"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    let after = anon.get(sent.location.as_deref().unwrap()).await;
    assert!(after.text().contains("Tack!"), "{}", after.text());

    // A robot that fills the honeypot is told the same and nothing is kept.
    let robot = anon
        .submit(
            "/sala/tillganglighet",
            "/sala/tillganglighet",
            &[("message", "Köp billigt"), ("webbplats", "https://spam.example")],
        )
        .await;
    assert_eq!((robot.status, robot.location.clone()), (303, sent.location.clone()));

    // The mail goes to Sala's coordinator only, through the job queue.
    let outbox = app.deliver().await;
    assert_eq!(outbox.len(), 1, "{outbox:?}");
    let (to, subject, body) = &outbox[0];
    assert_eq!(to, "samordnare@sala.se");
    assert!(
        subject.contains("tillgängligheten") && subject.contains("Sala"),
        "{subject}"
    );
    assert!(
        body.contains("Veckovyn läses upp i fel ordning.")
            && body.contains("isa@exempel.se")
            && body.contains("/sala/lokaler")
            && body.contains("/sala/admin/tillganglighet"),
        "{body}"
    );
    assert!(!body.contains("Köp billigt"));

    // Sala's coordinator reads it; Örebro's coordinator and visitors do not.
    let (coordinator, _) = app
        .signed_in("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let list = coordinator.get("/sala/admin/tillganglighet").await;
    assert_eq!(list.status, 200);
    let text = list.text();
    assert!(
        text.contains("Jag använder NVDA.") && text.contains("isa@exempel.se"),
        "{text}"
    );
    assert!(!text.contains("Köp billigt"));
    assert!(coordinator
        .get("/sala/admin/")
        .await
        .body
        .contains("/sala/admin/tillganglighet"));
    let (other, _) = app
        .signed_in("samordnare@orebro.se", Some((RoleKind::Coordinator, Some("orebro"))))
        .await;
    assert_eq!(other.get("/sala/admin/tillganglighet").await.status, 403);
    assert!(!other.get("/orebro/admin/tillganglighet").await.text().contains("NVDA"));
    let visitor = app.client().get("/sala/admin/tillganglighet").await;
    assert!(visitor.status == 303 || visitor.status == 401, "{}", visitor.status);
    app.stop().await;
}

async fn feedback_is_rate_limited_per_client(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let anon = app.client();
    let limit = app.state.config.register_per_hour;
    let mut statuses = vec![];
    for i in 0..=limit {
        let msg = format!("Synpunkt {i}");
        statuses.push(
            anon.submit("/sala/tillganglighet", "/sala/tillganglighet", &[("message", &msg)])
                .await
                .status,
        );
    }
    assert!(statuses[..limit as usize].iter().all(|s| *s == 303), "{statuses:?}");
    assert_eq!(statuses[limit as usize], 429, "{statuses:?}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM a11y_feedback")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, i64::from(limit));
    // No coordinator and no contact address: kept for the admin page, no mail.
    assert!(app.deliver().await.is_empty());
    app.stop().await;
}

/// The statement and its form in a browser: no axe-core violations in Swedish and English,
/// with the form's errors shown, after sending, and on the coordinator's page.
async fn the_statement_and_its_form_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let browser = Browser::start().await;
    let mut found = Findings::default();
    found
        .visit(&browser, &app, "/sala/tillganglighet", "delvis förenlig")
        .await;
    found.visit(&browser, &app, "/tillganglighet", "Sala").await;
    let send = || async {
        browser
            .client()
            .find(Locator::Css("form[action='/sala/tillganglighet'] button[type=submit]"))
            .await
            .expect("send button")
            .click()
            .await
            .expect("send the form");
    };
    browser.goto(&app.url("/sala/tillganglighet")).await;
    send().await;
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the feedback form with errors").await;
    browser
        .client()
        .find(Locator::Css("#f-message"))
        .await
        .expect("message field")
        .send_keys("Knappen Skicka syns dåligt i högkontrastläge.")
        .await
        .expect("type");
    send().await;
    browser.wait_for_text("Tack!").await;
    found.check(&browser, "the statement after sending feedback").await;
    browser.switch_language("English").await;
    browser.wait_for_text("Log in").await;
    found
        .visit(&browser, &app, "/sala/tillganglighet", "partially compliant")
        .await;
    browser.close().await;
    app.deliver().await;

    let browser = Browser::start().await;
    browser.log_in(&app, "samordnare@sala.se").await;
    found
        .visit(&browser, &app, "/sala/admin/tillganglighet", "högkontrastläge")
        .await;
    browser.close().await;
    found.assert_none();
    app.stop().await;
}

both!(
    each_municipality_has_a_statement_after_diggs_template,
    feedback_without_an_account_reaches_the_coordinator,
    feedback_is_rate_limited_per_client
);
browser!(the_statement_and_its_form_have_no_accessibility_violations);
