//! The idea bank in a real browser (headless Chromium) with axe-core: no violations of WCAG 2.1
//! A and AA on the list (also filtered), an idea's page (for the public, a signed-in person and
//! the coordinator with the status form, also refused), the submit form (also sent with
//! errors); and supporting an idea with the keyboard alone.

use crate::common::*;
use testkit::browser::{Browser, Findings, Locator};

async fn the_idea_bank_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let lokaler = demo_idea(&app, "Dialog om lokaler").await;
    let training = demo_idea(&app, "Utbildning i föreningsteknik och ledarskap").await;
    app.user("anna@example.se", None).await;
    app.user("samordnare@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, LIST, "Följ idébanken").await;
    found
        .visit(
            &browser,
            &app,
            &format!("{LIST}?status=dagordning&sortera=nyast"),
            "En idé.",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("{LIST}?kategori=ovrigt"),
            "Inga idéer matchar.",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("{LIST}/{lokaler}"),
            "På dagordningen för dialogmöte 6",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("{LIST}/{training}"),
            "Blir aktivitet i handlingsplanen",
        )
        .await;
    found.visit(&browser, &app, "/sala/", "Idébanken").await;
    // The meeting's and the activity's pages with their links back to the ideas.
    let m = app.municipality_id("sala").await;
    let six = meeting_six(&app, m).await;
    found
        .visit(&browser, &app, &format!("/sala/moten/{six}"), "Idé: Dialog om lokaler")
        .await;
    let (activity,): (i64,) = sqlx::query_as("SELECT activity_id FROM support_ideas WHERE id = $1")
        .bind(training)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    found
        .visit(
            &browser,
            &app,
            &format!("/sala/handlingsplan/aktivitet/{activity}"),
            "Kopplat hit",
        )
        .await;

    browser.log_in(&app, "anna@example.se").await;
    found.visit(&browser, &app, NEW, "Skicka in idén").await;
    browser
        .client()
        .find(Locator::Css("form[action$='/ideer/ny'] button[type=submit]"))
        .await
        .expect("the submit button")
        .click()
        .await
        .expect("send the form");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the submit form with errors").await;
    found
        .visit(&browser, &app, &format!("{LIST}/{lokaler}"), "Din kommentar")
        .await;

    browser.log_in(&app, "samordnare@sala.example").await;
    found
        .visit(&browser, &app, &format!("{LIST}/{lokaler}"), "Hantera idén")
        .await;
    browser
        .client()
        .find(Locator::Css("#f-status option[value='closed']"))
        .await
        .expect("the closed status")
        .click()
        .await
        .expect("choose closed");
    browser
        .client()
        .find(Locator::Css("#status-form button[type=submit]"))
        .await
        .expect("the move button")
        .click()
        .await
        .expect("send without a reason");
    browser.wait_for_text("Skriv en motivering när idén avslutas.").await;
    found.check(&browser, "the status form refused").await;
    found.visit(&browser, &app, LIST, "Följ idébanken").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

async fn a_person_supports_an_idea_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let forum = demo_idea(&app, "Eget föreningsforum med föreningsregister på Facebook 2018").await;
    app.user("anna@example.se", None).await;
    let path = format!("{LIST}/{forum}");
    let browser = Browser::start().await;
    browser.goto(&app.url(&path)).await;
    browser
        .tab_until(60, |f| f.tag == "a" && f.text == "Logga in för att stödja idén")
        .await;
    browser.enter().await;
    browser.wait_for_text("E-postadress").await;
    browser.tab_until(25, |f| f.id == "f-email").await;
    browser.type_text("anna@example.se").await;
    browser.tab_until(2, |f| f.id == "f-password").await;
    browser.type_text(testkit::PASSWORD).await;
    browser.enter().await;
    browser.wait_for_path(&path).await;
    let f = browser
        .tab_until(60, |f| f.tag == "button" && f.text == "Stöd idén")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Du stödjer nu idén.").await;
    assert!(browser.text_of("#idea-supports").await.contains("1 person stödjer"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_idea_supports WHERE idea_id = $1")
        .bind(forum)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    // And withdraws it, still by keyboard.
    let f = browser
        .tab_until(60, |f| f.tag == "button" && f.text == "Ta tillbaka mitt stöd")
        .await;
    assert!(f.focus_visible());
    browser.enter().await;
    browser.wait_for_text("Du stödjer inte längre idén.").await;
    browser.close().await;
    app.stop().await;
}

testkit::browser!(
    the_idea_bank_has_no_accessibility_violations,
    a_person_supports_an_idea_with_the_keyboard_alone,
);
