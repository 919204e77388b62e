//! Premises and booking in a real browser (headless Chromium): no axe-core violations on any
//! search, room or booking page, and a person books a room with the keyboard alone.

use crate::common::{book_private, room, RoomSpec};
use platform::auth::RoleKind;
use premises::domain::Mode;
use testkit::browser::{Browser, Findings};
use testkit::{Backend, TestApp};

/// The smallest PNG: one transparent pixel.
const PIXEL: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

async fn premises_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(
        &app,
        sala,
        "Föreläsningssalen",
        RoomSpec {
            mode: Mode::Request,
            buffer: 30,
            ..RoomSpec::default()
        },
    )
    .await;
    premises::inventory::store::add_photo(
        &app.state.db,
        sala,
        r,
        "image/png",
        PIXEL,
        "Salen med stolar i rader",
        None,
        app.state.now(),
    )
    .await
    .unwrap();
    app.user("anna@example.se", None).await;
    app.user("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let anna = app.client();
    anna.login("anna@example.se", testkit::PASSWORD).await;
    let p = book_private(&anna, r, "2026-12-02", "18:00", "20:00").await;
    let booking = p.location.unwrap().split('?').next().unwrap().to_string();
    // A weekly series too, so the booking page lists its other times.
    crate::common::book(
        &anna,
        "sala",
        r,
        &[
            ("datum", "2026-12-07"),
            ("fran", "10:00"),
            ("till", "11:00"),
            ("personer", "4"),
            ("bokare", "private"),
            ("upprepa_till", "2026-12-21"),
        ],
    )
    .await;

    let mut f = Findings::default();
    let browser = Browser::start().await;
    // The public's pages.
    f.visit(&browser, &app, "/sala/lokaler", "Lokaler som passar").await;
    f.visit(
        &browser,
        &app,
        "/sala/lokaler?datum=2026-12-02&fran=08:00&till=10:00&personer=10&tillganglighet=hearing_loop",
        "Föreläsningssalen",
    )
    .await;
    f.visit(&browser, &app, "/sala/lokaler?datum=igår&fran=25", "ÅÅÅÅ-MM-DD")
        .await;
    f.visit(&browser, &app, "/sala/lokaler?utrustning=piano", "Ingen lokal passar")
        .await;
    // The room's week: a grid of days side by side on a desktop, a list per day on a phone.
    let week = format!("/sala/lokaler/rum/{r}?vecka=2026-W49");
    for (width, height, grid) in [(390, 844, false), (1280, 1000, true)] {
        browser
            .client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        f.visit(&browser, &app, &week, "18:00–20:00 Preliminärt bokad").await;
        assert_eq!(week_layout(&browser).await, grid, "the week at {width} px");
    }
    browser.switch_language("English").await;
    browser.wait_for_text("Opening hours").await;
    f.check(&browser, "the room's week in English").await;
    browser.switch_language("Svenska").await;

    // The booker's pages.
    browser.log_in(&app, "anna@example.se").await;
    f.visit(&browser, &app, &format!("/sala/lokaler/rum/{r}/boka"), "Vem bokar?")
        .await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Skriv hur många ni är").await;
    f.check(&browser, "the booking form with errors").await;
    f.visit(&browser, &app, &booking, "Förfrågan, väntar på svar").await;
    f.visit(&browser, &app, "/sala/lokaler/bokningar", "Dina kommande bokningar")
        .await;
    let (series_booking,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM premises_bookings WHERE series_id IS NOT NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    f.visit(
        &browser,
        &app,
        &format!("/sala/lokaler/bokningar/{series_booking}"),
        "Övriga tider i serien",
    )
    .await;

    // Staff's pages.
    browser.log_in(&app, "personal@sala.example").await;
    f.visit(&browser, &app, "/sala/lokaler/hantera", "Skäl till avslag")
        .await;
    browser.click("#requests form.stack button[type=submit]").await;
    browser.wait_for_text("Skriv varför förfrågan avslås").await;
    f.check(&browser, "the requests with a missing reason").await;
    f.visit(&browser, &app, &booking, "Svara på förfrågan").await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Godkänt: 1 tider").await;
    f.check(&browser, "the requests after an approval").await;
    browser.close().await;
    f.assert_none();
    app.deliver().await;
    app.stop().await;
}

/// Whether the room's week is shown as a grid: Tuesday beside Monday, and Wednesday's booking
/// 18:00–20:00 (all-day hours, so rows of 30 minutes from midnight) where its row and span say.
async fn week_layout(browser: &Browser) -> bool {
    let v = browser
        .js(
            "const box = id => document.getElementById(id).getBoundingClientRect();
             const li = document.querySelector('#dag-2026-12-02 ~ ul li.wk-taken');
             const ul = li.parentElement.getBoundingClientRect();
             const row = parseFloat(getComputedStyle(li.parentElement).gridAutoRows);
             const at = li.getBoundingClientRect();
             return [box('dag-2026-12-01').left > box('dag-2026-11-30').left,
                     row > 0 ? Math.round((at.top - ul.top) / row) + 1 : 0,
                     row > 0 ? Math.round(at.height / row) : 0,
                     li.dataset.row, li.dataset.span];",
            vec![],
        )
        .await;
    let side_by_side = v[0].as_bool().unwrap();
    if side_by_side {
        assert_eq!(v[1], 37, "the booking's row: {v}");
        assert_eq!(v[2], 4, "the booking's rows: {v}");
        assert_eq!((v[3].as_str(), v[4].as_str()), (Some("37"), Some("4")), "{v}");
    }
    side_by_side
}

async fn a_person_books_a_room_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Föreläsningssalen", RoomSpec::default()).await;
    app.user("isa@example.se", None).await;
    let browser = Browser::start().await;
    browser.log_in(&app, "isa@example.se").await;
    browser
        .goto(&app.url(&format!("/sala/lokaler/rum/{r}?vecka=2026-W49")))
        .await;
    // The week's first free time: Monday 30 November, the whole day.
    let f = browser
        .tab_until(80, |f| f.tag == "a" && f.text == "Boka måndag 30 november 00:00–24:00")
        .await;
    assert!(f.focus_visible(), "the link shows its focus");
    browser.enter().await;
    browser.wait_for_text("Vem bokar?").await;

    // The date and start come filled in from the link; change the start and give the rest.
    let f = browser.tab_until(40, |f| f.id == "f-fran").await;
    assert_eq!(f.label, "Från klockan");
    browser.js("document.activeElement.select()", vec![]).await;
    browser.type_text("18:00").await;
    browser.tab_until(3, |f| f.id == "f-till").await;
    browser.type_text("20:30").await;
    browser.tab_until(3, |f| f.id == "f-personer").await;
    browser.type_text("25").await;
    let f = browser.tab_until(3, |f| f.id == "f-bokare").await;
    assert!(f.focus_visible(), "the select shows its focus");
    let f = browser.tab_until(10, |f| f.tag == "button" && f.text == "Boka").await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Klart! Lokalen är bokad.").await;
    let text = browser.text().await;
    assert!(text.contains("2026-11-30 18:00–20:30"), "{text}");
    browser.assert_accessible("the booking's receipt").await;

    let row: (i64, i64, String, i64) = sqlx::query_as(
        "SELECT starts_at, ends_at, status, attendees FROM premises_bookings WHERE email = 'isa@example.se'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(
        row,
        (
            crate::common::at("2026-11-30", "18:00"),
            crate::common::at("2026-11-30", "20:30"),
            "confirmed".into(),
            25
        )
    );
    browser.close().await;
    app.deliver().await;
    app.stop().await;
}

testkit::browser!(
    premises_pages_have_no_accessibility_violations,
    a_person_books_a_room_with_the_keyboard_alone,
);
