//! The event calendar in a real browser (headless Chromium) with axe-core: no violations of
//! WCAG 2.1 A and AA on the list (also filtered), the week, the month, an event page, the
//! publish form (also sent with errors), an association's own list and the coordinator's
//! review; and an event published with the keyboard alone.

use crate::common::*;
use openness::events::domain::{Audience, Category as EventCategory, Checked as EventChecked};
use openness::events::schedule;
use openness::events::store::{self as events, Saver};
use testkit::browser::{Browser, Findings, Locator};

/// A weekly rehearsal of IKS in December, published by the coordinator, and one waiting.
async fn december(app: &TestApp, m: MunicipalityId, iks: OrganisationId) -> i64 {
    let weekly = EventChecked {
        organisation_id: iks,
        title: "Körövning".into(),
        description: "Vi sjunger in julens repertoar.".into(),
        schedule: schedule::read("2026-12-03", "18:00", "", "20:00", "2026-12-31", "2026-12-24").unwrap(),
        place: "Aguélimuseet, Sala".into(),
        room_id: None,
        accessibility: "Entré utan trappsteg, hörslinga.".into(),
        audience: Audience::Alla,
        category: EventCategory::Culture,
        price: "50 kr".into(),
        link: "https://example.se/kor".into(),
        registration_link: "https://example.se/kor/anmalan".into(),
        area: String::new(),
    };
    let (id, _) = events::add(&app.state.db, m, &weekly, Saver::Coordinator, None, app.state.now())
        .await
        .unwrap();
    let waiting = EventChecked {
        title: "Loppis".into(),
        schedule: schedule::read("2026-12-12", "10:00", "", "14:00", "", "").unwrap(),
        ..weekly
    };
    events::add(&app.state.db, m, &waiting, Saver::Association, None, app.state.now())
        .await
        .unwrap();
    id.get()
}

async fn the_event_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, iks) = sala(&app).await;
    let id = december(&app, m, iks).await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found
        .visit(&browser, &app, "/sala/evenemang", "Kommande evenemang")
        .await;
    found
        .visit(
            &browser,
            &app,
            "/sala/evenemang?kategori=idrott&q=x",
            "Inga evenemang matchar.",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            "/sala/evenemang?vy=vecka&vecka=2026-W50",
            "torsdag 10 december",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            "/sala/evenemang?vy=manad&manad=2026-12",
            "Evenemang i december 2026",
        )
        .await;
    found
        .visit(&browser, &app, &format!("/sala/evenemang/{id}"), "Kommande tillfällen")
        .await;

    browser.log_in(&app, "rep@iks.example").await;
    found
        .visit(&browser, &app, "/sala/evenemang/nytt", "Publicera ett evenemang")
        .await;
    browser
        .client()
        .find(Locator::Css("form[action$='/evenemang/nytt'] button[type=submit]"))
        .await
        .expect("the publish button")
        .click()
        .await
        .expect("send the form");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the publish form with errors").await;
    found.visit(&browser, &app, "/sala/evenemang/mina", "Loppis").await;
    found
        .visit(
            &browser,
            &app,
            &format!("/sala/evenemang/{id}/andra"),
            "Ändra evenemang",
        )
        .await;

    browser.log_in(&app, "samordnare@sala.se").await;
    found
        .visit(&browser, &app, "/sala/evenemang/granska", "Betrodda föreningar")
        .await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

async fn an_association_publishes_an_event_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let browser = Browser::start().await;
    browser.log_in(&app, "rep@iks.example").await;
    browser.goto(&app.url("/sala/evenemang")).await;
    let f = browser
        .tab_until(60, |f| f.tag == "a" && f.text == "Publicera ett evenemang")
        .await;
    assert!(f.focus_visible(), "the link shows its focus");
    browser.enter().await;
    browser.wait_for_path("/sala/evenemang/nytt").await;
    browser.tab_until(60, |f| f.id == "f-title").await;
    browser.type_text("Julsång i parken").await;
    browser.tab_until(3, |f| f.id == "f-starts_on").await;
    browser.type_text("2026-12-14").await;
    browser.tab_until(2, |f| f.id == "f-start_time").await;
    browser.type_text("18:00").await;
    browser.tab_until(2, |f| f.id == "f-end_time").await;
    browser.type_text("19:30").await;
    let f = browser.tab_until(6, |f| f.id == "f-place").await;
    assert!(f.label.starts_with("Plats"), "{}", f.label);
    browser.type_text("Stadsparken, Sala").await;
    browser.tab_until(3, |f| f.id == "f-accessibility").await;
    browser.type_text("Plan mark").await;
    let f = browser
        .tab_until(12, |f| f.tag == "button" && f.text == "Publicera evenemanget")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser
        .wait_for_text("Tack! Evenemanget publiceras när samordnaren har granskat det.")
        .await;
    assert!(browser.text().await.contains("Julsång i parken"));
    let row: (String, String, i64, String) =
        sqlx::query_as("SELECT starts_on, status, start_minute, accessibility FROM openness_events")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        row,
        ("2026-12-14".into(), "pending".into(), 18 * 60, "Plan mark".into())
    );
    browser.close().await;
    app.stop().await;
}

testkit::browser!(the_event_pages_have_no_accessibility_violations);
testkit::browser!(an_association_publishes_an_event_with_the_keyboard_alone);
