//! The register of specific agreements in a real browser (headless Chromium) with axe-core: no
//! violations of WCAG 2.1 A and AA on the public list (also filtered), an agreement's page, the
//! coordinator's list with its form (also sent with errors) and an agreement's edit page with
//! its document form (also with a refused file).

use crate::common::{Backend, RoleKind, TestApp};
use agreement::specific::store;
use testkit::browser::{Browser, Findings, Locator};

async fn the_registers_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.representative("rep@rodakorset.example", "sala", "Röda korset Sala")
        .await;
    platform::tenants::store::add_department(&app.state.db, sala, "Kultur och fritid", None, app.state.now())
        .await
        .unwrap();
    // The demo's invented IOP, with its document.
    agreement::demo(&app.state.db, app.state.now()).await.unwrap();
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let iop = store::all(&app.state.db, sala, "Sala", "2026-11-23").await.unwrap()[0].clone();
    assert_eq!(iop.organisations.len(), 1, "the demo names Röda korset Sala");

    let browser = Browser::start().await;
    let mut found = Findings::default();
    let list = "/sala/overenskommelse/sarskilda";
    found.visit(&browser, &app, list, "Språkcafé och läxhjälp").await;
    found
        .visit(
            &browser,
            &app,
            &format!("{list}?typ=specific&status=ended"),
            "Inga överenskommelser matchar",
        )
        .await;
    found
        .visit(&browser, &app, &format!("{list}/{}", iop.id), "Röda korset Sala")
        .await;

    browser.log_in(&app, "samordnare@sala.se").await;
    let m = "/sala/overenskommelse/hantera/sarskilda";
    found.visit(&browser, &app, m, "Lägg till överenskommelse").await;
    // The new agreement's form sent empty.
    browser
        .client()
        .find(Locator::Css("form[action$='/hantera/sarskilda'] button[type=submit]"))
        .await
        .expect("add button")
        .click()
        .await
        .expect("send the empty form");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the new agreement's form with errors").await;

    found
        .visit(
            &browser,
            &app,
            &format!("{m}/{}", iop.id),
            "IOP språkcafé och läxhjälp.pdf",
        )
        .await;
    // The document form sent without a file.
    browser
        .client()
        .find(Locator::Css("#document-form button[type=submit]"))
        .await
        .expect("upload button")
        .click()
        .await
        .expect("send no file");
    browser.wait_for_text("Välj en fil.").await;
    found.check(&browser, "the document form with an error").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

testkit::browser!(the_registers_pages_have_no_accessibility_violations);
