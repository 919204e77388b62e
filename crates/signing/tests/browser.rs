//! The signing book in a real browser (headless Chromium): no axe-core violations on any of
//! its pages, and signing for an organisation works with the keyboard alone.

use platform::auth::RoleKind;
use testkit::browser::fantoccini::key::Key;
use testkit::browser::{describe, Browser};
use testkit::{Backend, TestApp, PASSWORD};

/// Log in with the keyboard from the login page the browser shows.
async fn log_in_by_keyboard(browser: &Browser, email: &str) {
    browser.wait_for_text("E-postadress").await;
    browser.tab_until(25, |f| f.id == "f-email").await;
    browser.type_text(email).await;
    browser.tab_until(2, |f| f.id == "f-password").await;
    browser.type_text(PASSWORD).await;
    browser.enter().await;
    browser.wait_for_text_in("header", "Logga ut").await;
}

async fn signing_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    platform::tenants::store::add_department(&app.state.db, sala, "Kultur och fritid", None, app.state.now())
        .await
        .unwrap();
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    app.representative("isa@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let browser = Browser::start().await;
    let mut problems = vec![];
    let mut check = |what: &str, v: Vec<testkit::browser::Violation>| {
        if !v.is_empty() {
            problems.push(format!("{what}:\n{}", describe(&v)));
        }
    };

    // The empty list, then the sign form (empty, then sent with errors), then the list with
    // a signature, as the representative.
    browser.goto(&app.url("/sala/signeringsbok")).await;
    browser.wait_for_text("Ingen har signerat ännu").await;
    check("the empty list", browser.axe().await);
    browser.goto(&app.url("/sala/signeringsbok/signera")).await;
    log_in_by_keyboard(&browser, "isa@iks.example").await;
    browser.wait_for_path("/sala/signeringsbok/signera").await;
    check("the sign form", browser.axe().await);
    // Send it without ticking the box: the form comes back with its errors.
    browser
        .tab_until(40, |f| f.tag == "button" && f.text == "Signera")
        .await;
    browser.enter().await;
    browser.wait_for_text("Kryssa i rutan").await;
    check("the sign form with errors", browser.axe().await);
    browser.tab_until(40, |f| f.id == "f-signed_by_role").await;
    browser.type_text("Ordförande").await;
    browser.tab_until(5, |f| f.id == "f-agree").await;
    browser.press(Key::Space).await;
    browser.tab_until(5, |f| f.tag == "button").await;
    browser.enter().await;
    browser.wait_for_text("Signaturen är registrerad").await;
    check("the list with a signature and its withdrawal link", browser.axe().await);
    let withdraw = browser
        .js(
            "return document.querySelector('a[href$=\"/aterkalla\"]').getAttribute('href')",
            vec![],
        )
        .await;
    browser.goto(&app.url(withdraw.as_str().unwrap())).await;
    browser.wait_for_text("Återkalla signatur").await;
    check("the withdrawal page", browser.axe().await);
    browser.close().await;

    // The coordinator's pages: paper signatures of every kind, and the history.
    let browser = Browser::start().await;
    browser.goto(&app.url("/sala/signeringsbok/papper")).await;
    log_in_by_keyboard(&browser, "samordnare@sala.se").await;
    for kind in ["association", "department", "company", "other"] {
        browser
            .goto(&app.url(&format!("/sala/signeringsbok/papper?kind={kind}")))
            .await;
        browser.wait_for_text("Registrera en signatur från pappersboken").await;
        check(&format!("the paper form for {kind}"), browser.axe().await);
    }
    browser.goto(&app.url("/sala/signeringsbok/historik")).await;
    browser.wait_for_text("IKS – Ideell Kultur i Sala").await;
    check("the history", browser.axe().await);
    // And the list in English.
    browser.goto(&app.url("/sala/signeringsbok")).await;
    browser.switch_language("English").await;
    browser.wait_for_text("Log out").await;
    check("the list in English", browser.axe().await);
    browser.close().await;

    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
    app.stop().await;
}

/// From the public list to a signature in force with Tab, Space, typing and Enter only,
/// logging in on the way.
async fn sign_for_an_organisation_with_the_keyboard_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, iks) = app
        .representative("isa@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let browser = Browser::start().await;
    browser.goto(&app.url("/sala/signeringsbok")).await;

    let link = browser
        .tab_until(30, |f| f.tag == "a" && f.text.starts_with("Signera överenskommelsen"))
        .await;
    assert!(link.focus_visible(), "the sign link shows no focus: {link:?}");
    browser.enter().await;
    // Not logged in: the login page, which then leads back to the sign page.
    browser.wait_for_path("/konto/logga-in").await;
    log_in_by_keyboard(&browser, "isa@iks.example").await;
    browser.wait_for_path("/sala/signeringsbok/signera").await;

    // The only organisation is chosen already; the name is the user's; the date is today.
    let f = browser.tab_until(40, |f| f.id == "f-organisation").await;
    assert!(f.focus_visible(), "{f:?}");
    let f = browser.tab_until(3, |f| f.id == "f-signed_by_role").await;
    assert!(f.focus_visible(), "{f:?}");
    browser.type_text("Ordförande").await;
    let f = browser.tab_until(5, |f| f.id == "f-agree").await;
    assert_eq!(f.kind, "checkbox");
    assert!(f.focus_visible(), "the checkbox shows no focus: {f:?}");
    browser.press(Key::Space).await;
    let f = browser.tab_until(5, |f| f.tag == "button").await;
    assert_eq!(f.text, "Signera");
    assert!(f.focus_visible(), "the submit button shows no focus: {f:?}");
    browser.enter().await;

    browser.wait_for_text("Signaturen är registrerad").await;
    let table = browser.text_of("#signatories").await;
    assert!(
        table.contains("IKS – Ideell Kultur i Sala") && table.contains("Ordförande") && table.contains("2026-11-23"),
        "{table}"
    );
    let signed = signing::in_force_for_organisation(&app.state.db, sala, iks)
        .await
        .unwrap();
    assert!(signed.is_some_and(|s| s.signed_by_role == "Ordförande"));
    browser.close().await;
    app.stop().await;
}

testkit::browser!(
    signing_pages_have_no_accessibility_violations,
    sign_for_an_organisation_with_the_keyboard_only,
);
