//! The grants' pages in a real browser (headless Chromium): no axe-core violations on the
//! list (empty and filled), the new-programme form (empty and with its errors), a programme
//! as the coordinator (with its period form, also sent with errors) and as the public.

use serde_json::json;
use testkit::browser::{Browser, Findings};
use testkit::{Backend, TestApp};

/// Put a value in a field as if typed (selects included).
async fn set(browser: &Browser, selector: &str, value: &str) {
    browser
        .js(
            "document.querySelector(arguments[0]).value = arguments[1];",
            vec![json!(selector), json!(value)],
        )
        .await;
}

async fn grants_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user(
        "samordnare@sala.se",
        Some((platform::auth::RoleKind::Coordinator, Some("sala"))),
    )
    .await;
    let browser = Browser::start().await;
    let mut findings = Findings::default();

    findings
        .visit(&browser, &app, "/sala/bidrag", "inte publicerat några bidrag")
        .await;
    browser.log_in(&app, "samordnare@sala.se").await;
    findings
        .visit(&browser, &app, "/sala/bidrag/ny", "Sort av bidrag")
        .await;
    browser.click("form[action$='/bidrag/ny'] button[type=submit]").await;
    browser.wait_for_text("Välj vilken sort av bidrag det är.").await;
    findings.check(&browser, "the new-programme form with errors").await;

    set(&browser, "#f-kind", "activity").await;
    set(&browser, "#f-name", "Aktivitetsstöd").await;
    browser.click("form[action$='/bidrag/ny'] button[type=submit]").await;
    browser.wait_for_text("Lägg till en ansökningsperiod").await;
    findings.check(&browser, "a draft programme as the coordinator").await;
    browser.click("form[action$='/perioder'] button[type=submit]").await;
    browser.wait_for_text("Något behöver rättas").await;
    findings.check(&browser, "the period form with errors").await;
    for (field, value) in [
        ("#f-name", "Våren 2027"),
        ("#f-starts_on", "2027-01-01"),
        ("#f-ends_on", "2027-06-30"),
        ("#f-opens_on", "2027-07-01"),
        ("#f-deadline", "2027-08-25"),
        ("#f-budget", "1 500 000"),
    ] {
        set(&browser, field, value).await;
    }
    browser.click("form[action$='/perioder'] button[type=submit]").await;
    browser.wait_for_text("öppnar senare").await;
    browser.click("form[action$='/publicera'] button").await;
    browser.wait_for_text("Ta bort bidraget från den publika listan").await;
    findings
        .check(&browser, "a published programme as the coordinator")
        .await;
    findings.visit(&browser, &app, "/sala/bidrag", "Aktivitetsstöd").await;
    browser.close().await;
    findings.assert_none();
    app.stop().await;
}

testkit::browser!(grants_pages_have_no_accessibility_violations);
