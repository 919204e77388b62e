//! Retiring a room in a real browser (headless Chromium): no axe-core violations on the retire
//! page with its future bookings, with the confirmation's error, and after retiring.

use crate::common::*;
use platform::auth::RoleKind;
use testkit::browser::{Browser, Findings};
use testkit::{Backend, TestApp};

async fn retire_page_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let m = app.municipality("sala", "Sala kommun").await;
    let (_, hall) = room(&app, m, "Stora salen", RoomSpec::default()).await;
    let anna = signed_in(&app, "anna@example.se", RoleKind::Staff, "sala").await;
    assert_eq!(
        book_company(&anna, hall, "2026-12-02", "10:00", "11:00").await.status,
        303
    );
    app.user("lokaler@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let mut f = Findings::default();
    let browser = Browser::start().await;
    browser.log_in(&app, "lokaler@sala.example").await;
    let path = format!("/sala/lokaler/rum/{hall}/avveckla");
    f.visit(&browser, &app, &path, "Framtida bokningar").await;
    browser.click("#retire button[type=submit]").await;
    browser.wait_for_text("Kryssa i att du förstår").await;
    f.check(&browser, "the retire page with its error").await;
    browser.click("#f-bekrafta").await;
    browser.click("#retire button[type=submit]").await;
    browser.wait_for_text("framtida bokningar är avbokade").await;
    f.check(&browser, "the retire page after retiring").await;
    browser.close().await;
    f.assert_none();
    app.deliver().await;
}

testkit::browser!(retire_page_has_no_accessibility_violations);
