//! The foundation's pages in a real browser (headless Chromium): no axe-core violations of
//! WCAG 2.1 A and AA on any page, in Swedish and English, and the way in and out of an account
//! works with the keyboard alone.

use platform::auth::RoleKind;
use testkit::browser::{describe, Browser, Findings, Locator};
use testkit::{Backend, TestApp, PASSWORD};

/// Pages checked with axe-core, with the violations found on each.
async fn public_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let browser = Browser::start().await;
    let mut found = Findings::default();

    let swedish = [
        ("/", "Sala"),
        ("/sala/", "Sala"),
        ("/konto/logga-in", "Logga in"),
        ("/konto/registrera", "Skapa konto"),
        ("/konto/glomt-losenord", "lösenord"),
        ("/konto/engangslank", "länk"),
        ("/tillganglighet", "Tillgänglighet"),
        ("/personuppgifter", "Personuppgifter"),
        ("/finns-inte/", "finns inte"),
    ];
    for (path, expect) in swedish {
        found.visit(&browser, &app, path, expect).await;
    }

    // The login form shown again with its errors, after sending it empty.
    browser.goto(&app.url("/konto/logga-in")).await;
    browser
        .client()
        .find(Locator::Css("form.stack button[type=submit]"))
        .await
        .expect("login button")
        .click()
        .await
        .expect("send the empty form");
    browser.wait_for_text("Något behöver rättas").await;
    assert!(
        browser.client().find(Locator::Css("#error-summary")).await.is_ok(),
        "no error summary"
    );
    found.check(&browser, "the login form with errors").await;

    // The same in English, switched with the button in the header.
    browser.goto(&app.url("/")).await;
    browser.switch_language("English").await;
    browser.wait_for_text("Log in").await;
    let lang = browser.js("return document.documentElement.lang", vec![]).await;
    assert_eq!(lang, "en");
    found.check(&browser, "the start page in English").await;
    let english = [
        ("/sala/", "Sala"),
        ("/konto/logga-in", "Log in"),
        ("/konto/registrera", "account"),
        ("/konto/glomt-losenord", "password"),
        ("/konto/engangslank", "link"),
        ("/tillganglighet", "ccessibility"),
        ("/personuppgifter", "ersonal data"),
        ("/finns-inte/", "not"),
    ];
    for (path, expect) in english {
        found.visit(&browser, &app, path, expect).await;
    }
    browser.goto(&app.url("/konto/logga-in")).await;
    browser
        .client()
        .find(Locator::Css("form.stack button[type=submit]"))
        .await
        .expect("login button")
        .click()
        .await
        .expect("send the empty form");
    browser.wait_loaded().await;
    assert!(
        browser.client().find(Locator::Css("#error-summary")).await.is_ok(),
        "no error summary"
    );
    found.check(&browser, "the login form with errors in English").await;

    // The check itself works: an image without a text alternative is found.
    browser
        .js(
            "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')",
            vec![],
        )
        .await;
    let broken = browser.axe().await;
    assert!(
        broken.iter().any(|v| v.id == "image-alt"),
        "axe-core missed an image without alt: {}",
        describe(&broken)
    );

    found.assert_none();
    browser.close().await;
    app.stop().await;
}

async fn signed_in_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    app.user("drift@example.se", Some((RoleKind::Operator, None))).await;
    let mut found = Findings::default();

    let browser = Browser::start().await;
    browser.log_in(&app, "samordnare@sala.se").await;
    let coordinator = [
        ("/konto", "samordnare@sala.se"),
        ("/konto/bekrafta?next=%2Fkonto", "samordnare@sala.se"),
        ("/sala/", "Sala"),
        ("/sala/admin/", "Sala"),
        ("/sala/admin/personer", "samordnare@sala.se"),
        ("/sala/admin/avdelningar", "Sala"),
        ("/sala/admin/logg", "Sala"),
    ];
    for (path, expect) in coordinator {
        found.visit(&browser, &app, path, expect).await;
    }
    browser.switch_language("English").await;
    browser.wait_for_text("Log out").await;
    for (path, expect) in coordinator {
        found.visit(&browser, &app, path, expect).await;
    }
    browser.close().await;

    let browser = Browser::start().await;
    browser.log_in(&app, "drift@example.se").await;
    found.visit(&browser, &app, "/drift/", "Sala").await;
    found
        .visit(&browser, &app, "/drift/utkorg", "Test drift@example.se")
        .await;
    browser.switch_language("English").await;
    browser.wait_for_text("Log out").await;
    found.visit(&browser, &app, "/drift/", "Sala").await;
    found.visit(&browser, &app, "/drift/utkorg", "Log out").await;
    browser.close().await;

    found.assert_none();
    app.stop().await;
}

/// From a municipality's home page to logged in and out again with Tab, Shift+Tab, typing and
/// Enter only.
async fn log_in_and_out_with_the_keyboard_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/sala/")).await;

    // The first Tab reaches the skip link.
    browser.tab().await;
    let f = browser.focused().await;
    assert_eq!(
        (f.tag.as_str(), f.text.as_str()),
        ("a", "Hoppa till innehållet"),
        "{f:?}"
    );
    // Designsystemet's skip link is hidden until it has focus, and shows its focus by appearing.
    assert!(f.shown(), "the focused skip link is not shown: {f:?}");

    // On to the login link, which shows that it has focus.
    let f = browser.tab_until(10, |f| f.tag == "a" && f.text == "Logga in").await;
    assert!(f.focus_visible(), "the login link shows no focus: {f:?}");
    // One step too far and back again with Shift+Tab.
    browser.tab().await;
    assert_eq!(browser.focused().await.text, "Skapa konto");
    browser.shift_tab().await;
    assert_eq!(browser.focused().await.text, "Logga in");
    browser.enter().await;
    browser.wait_for_path("/konto/logga-in").await;
    assert!(browser.text().await.contains("E-postadress"));

    // Fill in the form and send it with Enter from the password field.
    let f = browser.tab_until(20, |f| f.id == "f-email").await;
    assert!(f.focus_visible(), "the e-mail field shows no focus: {f:?}");
    browser.type_text("samordnare@sala.se").await;
    let f = browser.tab_until(2, |f| f.id == "f-password").await;
    assert_eq!(f.kind, "password");
    browser.type_text(PASSWORD).await;
    browser.enter().await;

    // Logged in, back where the user started.
    browser.wait_for_text_in("header", "Logga ut").await;
    browser.wait_for_path("/sala/").await;
    let header = browser.text_of("header").await;
    assert!(header.contains("Test samordnare@sala.se"), "header: {header}");
    assert!(!header.contains("Logga in"), "header: {header}");

    // Out again with the button in the header.
    let f = browser
        .tab_until(15, |f| f.tag == "button" && f.text == "Logga ut")
        .await;
    assert!(f.focus_visible(), "the logout button shows no focus: {f:?}");
    browser.enter().await;
    browser.wait_for_text_in("header", "Logga in").await;
    let header = browser.text_of("header").await;
    assert!(header.contains("Logga in"), "header: {header}");
    assert!(
        !header.contains("Logga ut") && !header.contains("Test samordnare"),
        "header: {header}"
    );

    browser.close().await;
    app.stop().await;
}

/// Pages are set in Inter, served by the platform itself (issue 16: without the font file every
/// machine without Inter installed fell back to the browser's default serif).
async fn pages_are_set_in_the_served_typeface(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/sala/")).await;
    let family = browser
        .js("return getComputedStyle(document.body).fontFamily", vec![])
        .await;
    assert!(
        family.as_str().unwrap_or_default().starts_with("\"Inter Variable\""),
        "{family}"
    );
    let mut loaded = serde_json::Value::Null;
    for _ in 0..50 {
        loaded = browser
            .js(
                "return [...document.fonts].filter(f => f.family.includes('Inter') && f.status === 'loaded').length",
                vec![],
            )
            .await;
        if loaded.as_u64().unwrap_or(0) > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(loaded.as_u64().unwrap_or(0) > 0, "the font never loaded: {loaded}");
    assert_eq!(
        browser
            .js(
                "return document.fonts.check(\"16px 'Inter Variable'\", 'Åsa Öberg')",
                vec![]
            )
            .await,
        serde_json::Value::Bool(true)
    );
    browser.close().await;
    app.stop().await;
}

testkit::browser!(
    pages_are_set_in_the_served_typeface,
    public_pages_have_no_accessibility_violations,
    signed_in_pages_have_no_accessibility_violations,
    log_in_and_out_with_the_keyboard_only,
);
