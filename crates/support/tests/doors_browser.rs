//! "En dörr in" in a real browser (headless Chromium) with axe-core: no violations of WCAG 2.1
//! A and AA on the form (also sent with errors, and a municipality without topics), the
//! receipt, the asker's page (open, with a reply refused, and closed with the satisfaction
//! question), the staff's list (also overdue only), a case (open, with an answer refused, and
//! answered with the FAQ form) and the coordinator's topics (also refused); and asking a
//! question with the keyboard alone.

use crate::doors_common::*;
use testkit::browser::fantoccini::key::Key;
use testkit::browser::{Browser, Findings, Locator};

async fn en_dorr_in_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let number = ask(&app, &app.client(), "Bidrag och ansökningar", "eva@example.se").await;
    let id = case_id(&app, &number).await;
    let outbox = app.deliver().await;
    let receipt = outbox
        .iter()
        .find(|(to, _, _)| to == "eva@example.se")
        .expect("the receipt");
    let link = link_in(&receipt.2);
    app.user("samordnare@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, FORM, "Vanliga frågor").await;
    browser
        .client()
        .find(Locator::Css("form[action$='/en-dorr-in'] button[type=submit]"))
        .await
        .expect("the submit button")
        .click()
        .await
        .expect("send the form empty");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the form with errors").await;
    found
        .visit(&browser, &app, &format!("/sala/en-dorr-in/tack?nr={number}"), &number)
        .await;
    found.visit(&browser, &app, &link, "Svara eller fråga vidare").await;
    browser
        .client()
        .find(Locator::Css("#reply-form button[type=submit]"))
        .await
        .expect("the reply button")
        .click()
        .await
        .expect("send it");
    browser.wait_for_text("Fyll i fältet.").await;
    found.check(&browser, "the asker's page with the reply refused").await;
    found
        .visit(
            &browser,
            &app,
            "/orebro/en-dorr-in",
            "Kommunen har inte öppnat En dörr in ännu.",
        )
        .await;

    browser.log_in(&app, "samordnare@sala.example").await;
    found.visit(&browser, &app, FORM, "Ta bort frågan").await;
    found.visit(&browser, &app, CASES, &number).await;
    found
        .visit(&browser, &app, &format!("{CASES}?forsenade=ja"), "Visa alla ärenden")
        .await;
    let case = format!("{CASES}/{id}");
    found.visit(&browser, &app, &case, "Skicka svaret").await;
    browser
        .client()
        .find(Locator::Css("#answer-form button[type=submit]"))
        .await
        .expect("the answer button")
        .click()
        .await
        .expect("send it");
    browser.wait_for_text("Fyll i fältet.").await;
    found.check(&browser, "the case with the answer refused").await;
    found
        .visit(&browser, &app, "/sala/en-dorr-in/amnen", "Lägg till ämne")
        .await;
    browser
        .client()
        .find(Locator::Css("form[action$='/amnen'] button[type=submit]"))
        .await
        .expect("the add button")
        .click()
        .await
        .expect("send it");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the topics with the form refused").await;
    // Answered and closed: the FAQ form for the staff, the rating for the asker.
    let coordinator = app.coordinator("sala").await;
    coordinator
        .submit(
            &case,
            &format!("{case}/svar"),
            &[("body", "Lokalbidrag söks senast den 1 mars.")],
        )
        .await;
    found.visit(&browser, &app, &case, "Publicera som vanlig fråga").await;
    coordinator.submit(&case, &format!("{case}/stang"), &[]).await;
    app.deliver().await;
    found.visit(&browser, &app, &link, "Hur nöjd är du?").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

async fn a_question_is_asked_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let browser = Browser::start().await;
    browser.goto(&app.url(FORM)).await;
    browser.tab_until(60, |f| f.id == "f-topic").await;
    // The topics by name: the first after "Välj ett ämne" is "Bidrag och ansökningar".
    browser.press(Key::Down).await;
    browser.tab_until(2, |f| f.id == "f-question").await;
    browser
        .type_text("Kan vi få hjälp med vår första bidragsansökan?")
        .await;
    browser.tab_until(2, |f| f.id == "f-organisation").await;
    browser.type_text("Nya föreningen").await;
    browser.tab_until(2, |f| f.id == "f-name").await;
    browser.type_text("Eva Exempel").await;
    browser.tab_until(2, |f| f.id == "f-email").await;
    browser.type_text("eva@example.se").await;
    let f = browser.tab_until(2, |f| f.id == "f-consent").await;
    assert!(f.focus_visible(), "the checkbox shows its focus");
    browser.press(Key::Space).await;
    let f = browser
        .tab_until(3, |f| f.tag == "button" && f.text == "Skicka frågan")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Ditt ärendenummer är EDI-2026-0005.").await;
    let (topic, organisation): (String, String) =
        sqlx::query_as("SELECT topic_name, organisation FROM support_door_cases WHERE number = 5")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (topic.as_str(), organisation.as_str()),
        ("Bidrag och ansökningar", "Nya föreningen")
    );
    app.deliver().await;
    browser.close().await;
    app.stop().await;
}

testkit::browser!(
    en_dorr_in_has_no_accessibility_violations,
    a_question_is_asked_with_the_keyboard_alone,
);
