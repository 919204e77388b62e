//! The attendance pages in a real browser (headless Chromium): no axe-core violations on an
//! association's attendance page (empty, with the card's errors, filled) and on a period's
//! result with meetings that count and meetings that do not.

use crate::attendance::{activity_programme, page_of, FILE};
use grants::activity::import::read_csv;
use grants::activity::store;
use serde_json::json;
use testkit::browser::{Browser, Findings};
use testkit::{Backend, TestApp};

/// Fill the card's fields as if typed (in one script), send it and wait for `expect`.
async fn send_card(browser: &Browser, fields: &[(&str, &str)], expect: &str) {
    browser
        .js(
            "for (const [s, v] of arguments[0]) document.querySelector(s).value = v;",
            vec![json!(fields)],
        )
        .await;
    browser.click("form[action$='/kort'] button[type=submit]").await;
    browser.wait_for_text(expect).await;
}

async fn attendance_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (programme, period) = activity_programme(&app, sala).await;
    let (_, org) = app.representative("anna@iksala.example", "sala", "IK Sala").await;
    let browser = Browser::start().await;
    let mut findings = Findings::default();
    browser.log_in(&app, "anna@iksala.example").await;

    findings
        .visit(&browser, &app, &page_of(org), "Föreningen har ingen närvaro här ännu.")
        .await;
    let mut card = vec![("#f-group", "Kör"), ("#f-participants", "Ida;13;Flicka")];
    send_card(&browser, &card, "Skriv minst en ledare.").await;
    findings.check(&browser, "the attendance card with errors").await;
    card.extend([
        ("#f-date", "2026-04-07"),
        ("#f-start", "18:00"),
        ("#f-minutes", "90"),
        ("#f-leaders", "Lena Sång;1975;Flicka"),
        ("#f-participants", "Ida Ton;2013;Flicka\nOla Ek;2013;Pojke\nMy Ek;2012"),
    ]);
    send_card(&browser, &card, "Klart: 1 nya sammankomster").await;
    findings.check(&browser, "the attendance page after a card").await;

    // The file of the HTTP tests, with a participant listed twice on a card.
    let file = format!("{FILE}P16;2026-03-02;17:00;60;Fotboll;Deltagare;Eva Berg;2015;Flicka\n");
    let meetings = read_csv(file.as_bytes(), 10).unwrap();
    store::import_meetings(&app.state.db, sala, org, &meetings, None, app.state.now())
        .await
        .unwrap();
    findings
        .visit(&browser, &app, &page_of(org), "De senaste sammankomsterna")
        .await;
    let result = format!("/sala/bidrag/{programme}/perioder/{period}/aktivitet/{org}");
    findings
        .visit(&browser, &app, &result, "Sammankomsten var kortare än kravet.")
        .await;
    browser.close().await;
    findings.assert_none();
    app.stop().await;
}

testkit::browser!(attendance_pages_have_no_accessibility_violations);
