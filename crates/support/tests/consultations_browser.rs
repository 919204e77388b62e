//! The consultation group in a real browser (headless Chromium) with axe-core: no violations
//! of WCAG 2.1 A and AA on the group's page for a visitor, for a signed-in person (the join
//! form, also refused without consent), for a member and for the coordinator with the members,
//! and the coordinator's form to open a consultation (also refused).

use crate::common::*;
use testkit::browser::{Browser, Findings, Locator};

const GROUP: &str = "/sala/remissgrupp";

async fn the_consultation_group_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    anna.submit(
        GROUP,
        &format!("{GROUP}/ga-med"),
        &[("organisation", "Sala Schackklubb"), ("consent", "on")],
    )
    .await;
    app.user("bo@example.se", None).await;
    app.user("samordnare@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found
        .visit(&browser, &app, GROUP, "Logga in för att gå med i remissgruppen")
        .await;
    browser.log_in(&app, "bo@example.se").await;
    found.visit(&browser, &app, GROUP, "Gå med i remissgruppen").await;
    browser
        .client()
        .find(Locator::Css("form[action$='/ga-med'] button[type=submit]"))
        .await
        .expect("the join button")
        .click()
        .await
        .expect("send the form without consent");
    browser.wait_for_text("Kryssa i rutan för att gå med.").await;
    found.check(&browser, "the join form refused").await;
    browser.log_in(&app, "anna@example.se").await;
    found.visit(&browser, &app, GROUP, "Lämna remissgruppen").await;
    browser.log_in(&app, "samordnare@sala.example").await;
    found.visit(&browser, &app, GROUP, "Sala Schackklubb").await;
    found
        .visit(&browser, &app, "/sala/remissgrupp/ny", "Sista svarsdag")
        .await;
    browser
        .client()
        .find(Locator::Css("form[action$='/remissgrupp/ny'] button[type=submit]"))
        .await
        .expect("the open button")
        .click()
        .await
        .expect("send the form empty");
    browser.wait_for_text("Skriv en rubrik.").await;
    found.check(&browser, "the consultation form refused").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

testkit::browser!(the_consultation_group_has_no_accessibility_violations);
