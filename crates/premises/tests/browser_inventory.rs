//! The premises inventory in a real browser (headless Chromium): no axe-core violations on any
//! of its pages, with and without errors, and a room filled in and saved with the keyboard alone.

use platform::auth::RoleKind;
use premises::domain::{Equipment, Mode};
use premises::inventory::store::{PremisesInput, RoomInput};
use testkit::browser::fantoccini::key::Key;
use testkit::browser::{Browser, Findings};
use testkit::{Backend, TestApp};

/// A 1×1 PNG image.
const PNG: [u8; 68] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0b, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// Sala with staff and Täljstenen (stored directly). Returns (municipality id, premises id).
async fn sala_with_premises(app: &TestApp) -> (platform::MunicipalityId, premises::ids::PremisesId) {
    let sala = app.municipality("sala", "Sala kommun").await;
    app.user("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let input = PremisesInput {
        organisation_id: None,
        name: "Täljstenen".into(),
        address: "Vasagatan 17, 733 38 Sala".into(),
        area: "Centrum".into(),
        description: "Kulturhus mitt i Sala.".into(),
        rules: "Lämna salen som du fann den.".into(),
        contact_email: "lokaler@sala.se".into(),
    };
    let id = premises::inventory::store::save_premises(&app.state.db, sala, None, &input, None, app.state.now())
        .await
        .unwrap()
        .unwrap();
    (sala, id)
}

async fn inventory_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, premises) = sala_with_premises(&app).await;
    let db = &app.state.db;
    let now = app.state.now();
    let mut room = RoomInput {
        name: "Stora salen".into(),
        capacity: 120,
        equipment: Equipment::Projector.bit(),
        mode: Some(Mode::Instant),
        ..Default::default()
    };
    room.hours.0[0] = Some((480, 1320));
    room.prices.association = Some(0);
    let room = premises::inventory::store::save_room(db, sala, premises, None, &room, None, now)
        .await
        .unwrap()
        .unwrap();
    premises::inventory::store::add_photo(db, sala, room, "image/png", &PNG, "Stora salen med en scen", None, now)
        .await
        .unwrap();
    app.representative("rep@iks.example", "sala", "IKS, Ideell Kultur i Sala")
        .await;

    let mut f = Findings::default();
    let browser = Browser::start().await;
    // A representative without premises yet.
    browser.log_in(&app, "rep@iks.example").await;
    f.visit(
        &browser,
        &app,
        "/sala/lokaler/hantera/lokaler",
        "Du har inga lokaler ännu.",
    )
    .await;

    browser.goto(&app.url("/konto")).await;
    browser.click("form[action='/konto/logga-ut'] button").await;
    browser.wait_for_text("Logga in").await;
    browser.log_in(&app, "personal@sala.example").await;
    f.visit(&browser, &app, "/sala/lokaler/hantera/lokaler", "Täljstenen")
        .await;
    f.visit(&browser, &app, "/sala/lokaler/ny", "Lägg till en lokal").await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Något behöver rättas").await;
    f.check(&browser, "the new premises form with errors").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/lokaler/{premises}/redigera?sparat=ny"),
        "Stora salen (120 personer)",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/lokaler/{premises}/rum/nytt"),
        "Öppettider",
    )
    .await;
    browser
        .goto(&app.url(&format!("/sala/lokaler/{premises}/rum/nytt")))
        .await;
    browser
        .js(
            "document.getElementById('f-hours_1').value = '22-08'; \
             document.getElementById('f-price_private').value = '-5';",
            vec![],
        )
        .await;
    browser.click("#room-form button[type=submit]").await;
    browser.wait_for_text("Något behöver rättas").await;
    f.check(&browser, "the new room form with errors").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/lokaler/rum/{room}/redigera?sparat=foto"),
        "Stora salen med en scen",
    )
    .await;
    // The photo form sent without a file or a description.
    browser.click("#photo-form button[type=submit]").await;
    browser.wait_for_text("Välj en bild att ladda upp.").await;
    f.check(&browser, "the photo form with errors").await;
    // In English too.
    browser
        .goto(&app.url(&format!("/sala/lokaler/rum/{room}/redigera")))
        .await;
    browser.switch_language("English").await;
    browser.wait_for_text("Opening hours").await;
    f.check(&browser, "the room form in English").await;
    browser.close().await;
    f.assert_none();
    app.stop().await;
}

async fn a_room_is_filled_in_and_saved_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, premises) = sala_with_premises(&app).await;
    let browser = Browser::start().await;
    browser.log_in(&app, "personal@sala.example").await;
    browser
        .goto(&app.url(&format!("/sala/lokaler/{premises}/redigera")))
        .await;
    let f = browser
        .tab_until(60, |f| f.tag == "a" && f.text == "Lägg till ett rum")
        .await;
    assert!(f.focus_visible(), "the link shows its focus");
    browser.enter().await;
    browser.wait_for_text("Nytt rum i Täljstenen").await;

    let f = browser.tab_until(40, |f| f.id == "f-name").await;
    assert_eq!(f.label, "Rummets namn");
    browser.type_text("Lilla salen").await;
    browser.tab_until(3, |f| f.id == "f-capacity").await;
    browser.type_text("25").await;
    let f = browser.tab_until(3, |f| f.id == "f-equipment-projector").await;
    assert_eq!(f.kind, "checkbox");
    assert_eq!(f.label, "Projektor");
    assert!(f.focus_visible(), "the checkbox shows its focus");
    browser.press(Key::Space).await;
    browser.tab_until(3, |f| f.id == "f-equipment-wifi").await;
    browser.press(Key::Space).await;
    browser.tab_until(10, |f| f.id == "f-equipment_note").await;
    browser.type_text("Trådlöst nätverk: Sala-gäst").await;
    let f = browser.tab_until(3, |f| f.id == "f-access-step_free").await;
    assert_eq!(f.label, "Entré utan trappsteg");
    browser.press(Key::Space).await;
    browser.tab_until(10, |f| f.id == "f-access_note").await;
    // The radio group is one stop; the arrow keys choose within it.
    let f = browser.tab_until(3, |f| f.name == "mode").await;
    assert_eq!(f.id, "f-mode", "the chosen mode (request) has focus");
    assert!(f.focus_visible(), "the radio button shows its focus");
    browser.press(Key::Down).await;
    let f = browser.focused().await;
    assert_eq!((f.id.as_str(), f.label.as_str()), ("f-mode-instant", "Bokas direkt"));
    browser.tab_until(3, |f| f.id == "f-buffer_minutes").await;
    browser.type_text("15").await;
    // Closed on Sundays: the field's text is selected when Tab reaches it.
    browser.tab_until(10, |f| f.id == "f-hours_7").await;
    browser.press(Key::Backspace).await;
    browser.tab_until(3, |f| f.id == "f-price_association").await;
    browser.type_text("0").await;
    browser.tab_until(3, |f| f.id == "f-price_private").await;
    browser.type_text("200").await;
    let f = browser
        .tab_until(4, |f| f.tag == "button" && f.text == "Spara rummet")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Rummet är sparat").await;
    browser.assert_accessible("the saved room").await;

    let rooms = premises::inventory::store::rooms_of(&app.state.db, sala, premises)
        .await
        .unwrap();
    assert_eq!(rooms.len(), 1);
    let r = &rooms[0];
    assert_eq!((r.name.as_str(), r.capacity), ("Lilla salen", 25));
    assert_eq!(Equipment::of_bits(r.equipment), [Equipment::Projector, Equipment::Wifi]);
    assert_eq!(r.equipment_note, "Trådlöst nätverk: Sala-gäst");
    assert_eq!(
        premises::domain::features_of_bits(r.access),
        [platform::features::Feature::StepFree]
    );
    assert_eq!(r.mode, Mode::Instant);
    assert_eq!(r.buffer_minutes, 15);
    assert_eq!(r.hours.0[0], Some((480, 1320)));
    assert_eq!(r.hours.0[6], None);
    assert_eq!(
        (r.prices.association, r.prices.private, r.prices.company),
        (Some(0), Some(200), None)
    );
    browser.close().await;
    app.stop().await;
}

testkit::browser!(
    inventory_pages_have_no_accessibility_violations,
    a_room_is_filled_in_and_saved_with_the_keyboard_alone,
);
