//! Newsletters in a real browser (headless Chromium) with axe-core: no violations of WCAG 2.1
//! A and AA on the archive with its subscribe form (also sent with errors), a sent newsletter,
//! the page after subscribing, the unsubscribe link's page, the coordinator's list and a
//! newsletter's page with its preview, test and schedule forms.

use crate::common::*;
use testkit::browser::{Browser, Findings, Locator};

async fn the_newsletter_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    // A sent newsletter and a subscriber's secret, written as the job and the form would.
    let m = app.municipality_id("sala").await;
    let (sent,): (i64,) = sqlx::query_as(
        "INSERT INTO openness_newsletters (municipality_id, subject, body, audience, status, send_at, sent_at, \
         created_at, updated_at) VALUES ($1, 'Nyhetsbrev mars', '## Hej\n\nVi ses **snart**.', 'subscribers', \
         'sent', 0, 0, 0, 0) RETURNING id",
    )
    .bind(m)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO openness_newsletter_subscribers (municipality_id, email, token, confirmed_at, created_at) \
         VALUES ($1, 'anna@exempel.se', 'hemligt', 0, 0)",
    )
    .bind(m)
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, "/sala/nyhetsbrev", "Nyhetsbrev mars").await;
    browser
        .client()
        .find(Locator::Css(
            "form[action$='/nyhetsbrev/prenumerera'] button[type=submit]",
        ))
        .await
        .expect("the subscribe button")
        .click()
        .await
        .expect("send the form");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the subscribe form with errors").await;
    found
        .visit(&browser, &app, &format!("/sala/nyhetsbrev/{sent}"), "Vi ses snart")
        .await;
    found
        .visit(
            &browser,
            &app,
            "/sala/nyhetsbrev/avregistrera/hemligt",
            "Vill du sluta få nyhetsbrev",
        )
        .await;

    browser.log_in(&app, "samordnare@sala.se").await;
    found
        .visit(&browser, &app, "/sala/nyhetsbrev/hantera", "Nytt nyhetsbrev")
        .await;
    let draft = openness::newsletters::store::create(
        &app.state.db,
        m,
        &openness::newsletters::domain::check("Utkast", "Hej *alla*!", &["contacts".into()]).unwrap(),
        None,
        app.state.now(),
    )
    .await
    .unwrap();
    found
        .visit(
            &browser,
            &app,
            &format!("/sala/nyhetsbrev/hantera/{draft}"),
            "Så här ser det ut",
        )
        .await;
    found.assert_none();
    browser.close().await;
}

testkit::browser!(the_newsletter_pages_have_no_accessibility_violations);
