//! The pages of calling off a meeting and of a series' reminder lead time in a real browser: no
//! axe-core violations, before and after, and the call-off done with the keyboard alone.

use crate::common::*;
use testkit::browser::{Browser, Findings};
use testkit::{browser, Backend, TestApp};

async fn calling_off_and_lead_time_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    register(
        &app,
        &app.client(),
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    coordinator(&app, "sala").await;
    let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let mut f = Findings::default();
    let browser = Browser::start().await;
    browser.log_in(&app, "samordnare@sala.example").await;
    f.visit(
        &browser,
        &app,
        "/sala/moten/serier",
        "Påminnelse, antal dagar före mötet",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/serier/{series}/paminnelse"),
        "Ändringen gäller möten",
    )
    .await;
    browser
        .js(
            "document.querySelector('input[name=remind_days]').value = '99';",
            vec![],
        )
        .await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Skriv ett helt antal dagar").await;
    f.check(&browser, "the lead time form with its error").await;

    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/installa"),
        "Det går inte att ångra",
    )
    .await;
    // With the keyboard: the message, then the button.
    let field = browser.tab_until(40, |f| f.tag == "textarea").await;
    assert!(field.focus_visible(), "the message field shows its focus");
    browser.type_text("Lokalen är vattenskadad.").await;
    let button = browser
        .tab_until(5, |f| {
            f.tag == "button" && f.text == "Ställ in mötet och meddela de anmälda"
        })
        .await;
    assert!(button.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Mötet är inställt.").await;
    f.check(&browser, "the called-off meeting").await;
    f.visit(&browser, &app, "/sala/moten", "(inställt)").await;
    f.assert_none();
    browser.close().await;
    app.deliver().await;
    app.stop().await;
}

browser!(calling_off_and_lead_time_pages_have_no_accessibility_violations,);
