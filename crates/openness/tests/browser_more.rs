//! Two more pages in a real browser (headless Chromium) with axe-core, no violations of WCAG 2.1
//! A and AA: staff's list of grants decisions to publish into the decisions feed (with one
//! decision listed), and the event calendar with its area filter shown (the municipality has
//! premises in two areas).

use crate::common::*;
use crate::decisions::grants_decision;
use crate::events_calendar::room;
use testkit::browser::{Browser, Findings, Locator};

async fn the_grants_decisions_page_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, iks) = sala(&app).await;
    grants_decision(&app, m, iks).await;
    app.user("handlaggare@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;

    let browser = Browser::start().await;
    browser.log_in(&app, "handlaggare@sala.example").await;
    let mut found = Findings::default();
    found
        .visit(
            &browser,
            &app,
            "/sala/beslut/hantera/bidrag",
            "Bidrag till IKS – Ideell Kultur i Sala: Kulturbidrag",
        )
        .await;
    browser
        .client()
        .find(Locator::Css("#grants-decisions form button[type=submit]"))
        .await
        .expect("the decision's publish button");
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

async fn the_calendar_with_its_area_filter_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    room(&app, m, "Bygdegården", "Möklinta").await;
    room(&app, m, "Stora salen", "Sala tätort").await;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, "/sala/evenemang", "Område").await;
    let options = browser
        .client()
        .find_all(Locator::Css("#f-omrade option"))
        .await
        .expect("the area select");
    let mut labels = Vec::new();
    for o in options {
        labels.push(o.text().await.expect("an option's text"));
    }
    assert!(
        labels.iter().any(|l| l == "Möklinta") && labels.iter().any(|l| l == "Sala tätort"),
        "{labels:?}"
    );
    found
        .visit(&browser, &app, "/sala/evenemang?omrade=M%C3%B6klinta", "Område")
        .await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

testkit::browser!(the_grants_decisions_page_has_no_accessibility_violations);
testkit::browser!(the_calendar_with_its_area_filter_has_no_accessibility_violations);
