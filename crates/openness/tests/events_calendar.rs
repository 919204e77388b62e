//! The shared calendar's other sources and filters over HTTP on both databases: bookings of the
//! premises that their bookers marked public (and never the private ones), and the area filter.

use crate::common::*;
use crate::events::{day_part, event_form, last_event, EVENTS, NEW};
use platform::features::Feature;
use premises::domain::{Hours, Mode, Prices};
use premises::ids::RoomId;
use premises::inventory::store::{save_premises, save_room, PremisesInput, RoomInput};
use testkit::ics::{local_time, parse as parse_ics, prop};

/// A room in premises of the area given, open all day, booked at once (stored directly).
pub async fn room(app: &TestApp, m: MunicipalityId, name: &str, area: &str) -> RoomId {
    let (db, now) = (&app.state.db, app.state.now());
    let input = PremisesInput {
        name: format!("{name}huset"),
        address: "Vasagatan 17, 733 38 Sala".into(),
        area: area.into(),
        contact_email: "lokaler@sala.example".into(),
        ..PremisesInput::default()
    };
    let p = save_premises(db, m, None, &input, None, now).await.unwrap().unwrap();
    let room = RoomInput {
        name: name.into(),
        capacity: 40,
        access: premises::domain::feature_bit(Feature::StepFree),
        mode: Some(Mode::Instant),
        prices: Prices {
            association: Some(0),
            private: Some(200),
            company: Some(500),
        },
        hours: Hours([Some((0, 1440)); 7]),
        ..RoomInput::default()
    };
    save_room(db, m, p, None, &room, None, now).await.unwrap().unwrap()
}

/// Book a room through the premises' form as a company, with the extra fields given.
async fn book(c: &Client, room: RoomId, date: &str, extra: &[(&str, &str)]) -> testkit::Page {
    let path = format!("/sala/lokaler/rum/{room}/boka");
    let mut fields = vec![
        ("datum", date),
        ("fran", "10:00"),
        ("till", "14:00"),
        ("personer", "30"),
        ("bokare", "company"),
        ("namn", "Berg AB"),
        ("syfte", "Hemligt kalas"),
    ];
    fields.extend_from_slice(extra);
    c.submit(&path, &path, &fields).await
}

async fn public_bookings_are_in_the_calendar_and_private_ones_never(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    let room = room(&app, m, "Stora salen", "Sala tätort").await;
    let (booker, _) = app.signed_in("berg@example.se", None).await;

    // Marked public without a title: refused beside the field.
    let p = book(
        &booker,
        room,
        "2026-12-12",
        &[("offentlig", "on"), ("offentlig_titel", " ")],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv en rubrik för kalendern"), "{}", p.text());
    // The form offers the choice, off by default.
    let form = booker.get(&format!("/sala/lokaler/rum/{room}/boka")).await;
    assert!(form.text().contains("Visa i den gemensamma kalendern"));
    assert!(!form.body.contains("value=\"on\" checked"), "private by default");

    // A public booking (Saturday 12 December) and a private one (Sunday 13 December, with a
    // title typed but the box not ticked).
    let p = book(
        &booker,
        room,
        "2026-12-12",
        &[("offentlig", "on"), ("offentlig_titel", "Julmarknad i Stora salen")],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let page = booker.get(p.location.as_deref().unwrap()).await.text();
    assert!(page.contains("Ja, som \"Julmarknad i Stora salen\""), "{page}");
    let p = book(&booker, room, "2026-12-13", &[("offentlig_titel", "Privat fest")]).await;
    assert_eq!(p.status, 303, "{}", p.text());

    let list = app.client().get(EVENTS).await.text();
    assert!(list.contains("Julmarknad i Stora salen"), "{list}");
    assert!(list.contains("2026-12-12 10:00–14:00"), "{list}");
    assert!(
        list.contains("Stora salen, Stora salenhuset, Vasagatan 17, 733 38 Sala"),
        "{list}"
    );
    for shown in [
        format!("{EVENTS}?vy=vecka&vecka=2026-W50"),
        format!("{EVENTS}?vy=manad&manad=2026-12"),
    ] {
        let body = app.client().get(&shown).await.text();
        assert!(body.contains("Julmarknad i Stora salen"), "{shown}");
        assert!(
            !body.contains("Privat fest") && !body.contains("Hemligt kalas"),
            "{shown}"
        );
    }
    assert!(!list.contains("Privat fest") && !list.contains("Hemligt kalas") && !list.contains("Berg AB"));
    // A category the booking is not of leaves it out; the step-free room is accessible.
    assert!(!app
        .client()
        .get(&format!("{EVENTS}?kategori=kultur"))
        .await
        .text()
        .contains("Julmarknad"));
    assert!(app
        .client()
        .get(&format!("{EVENTS}?tillganglighet=1"))
        .await
        .text()
        .contains("Julmarknad"));

    let cal = parse_ics(&app.client().get(&format!("{EVENTS}/kalender.ics")).await.body);
    assert_eq!(cal.events.len(), 1, "only the public booking");
    let e = &cal.events[0].properties;
    assert_eq!(prop(e, "SUMMARY"), "Julmarknad i Stora salen");
    assert!(prop(e, "LOCATION").contains("Vasagatan 17"), "{}", prop(e, "LOCATION"));
    assert_eq!(local_time(e, "DTSTART"), "Europe/Stockholm:20261212T100000");
    assert!(prop(e, "URL").ends_with(&format!("/sala/lokaler/rum/{room}")));

    // Cancelled, it leaves the calendar; another municipality never had it.
    let orebro = app.client().get("/orebro/evenemang").await.text();
    assert!(!orebro.contains("Julmarknad"));
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM premises_bookings WHERE public_title IS NOT NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let booking = format!("/sala/lokaler/bokningar/{id}");
    let p = booker
        .submit(&booking, &format!("{booking}/avboka"), &[("omfattning", "en")])
        .await;
    assert_eq!(p.status, 303);
    assert!(!app.client().get(EVENTS).await.text().contains("Julmarknad"));
    app.deliver().await;
    app.stop().await;
}

async fn the_area_filter_finds_the_events_and_bookings_of_an_area(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let hall = room(&app, m, "Bygdegården", "Möklinta").await;
    room(&app, m, "Stora salen", "Sala tätort").await;
    let coordinator = app.coordinator("sala").await;

    // The form offers the municipality's areas and refuses another.
    let form = coordinator.get(NEW).await.text();
    assert!(
        form.contains("Område") && form.contains("Möklinta") && form.contains("Sala tätort"),
        "{form}"
    );
    let p = coordinator
        .submit(NEW, NEW, &event_form(&iks_s, &[("area", "Atlantis")]))
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Välj ett av områdena i listan."), "{}", p.text());

    let p = coordinator
        .submit(
            NEW,
            NEW,
            &event_form(&iks_s, &[("title", "Skördefest"), ("area", "Möklinta")]),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let (id, _) = last_event(&app).await;
    // Its edit form keeps the area.
    let edit = coordinator.get(&format!("{EVENTS}/{id}/andra")).await.body;
    assert!(edit.contains("<option value=\"Möklinta\" selected"), "{edit}");
    let p = coordinator
        .submit(
            NEW,
            NEW,
            &event_form(&iks_s, &[("title", "Stadsvandring"), ("area", "Sala tätort")]),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    coordinator
        .submit(NEW, NEW, &event_form(&iks_s, &[("title", "Utan område")]))
        .await;
    // A public booking in Möklinta's hall.
    let (booker, _) = app.signed_in("berg@example.se", None).await;
    let p = book(
        &booker,
        hall,
        "2026-12-12",
        &[("offentlig", "on"), ("offentlig_titel", "Julmarknad i bygden")],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());

    let everything = app.client().get(EVENTS).await.text();
    for title in ["Skördefest", "Stadsvandring", "Utan område", "Julmarknad i bygden"] {
        assert!(everything.contains(title), "{title}");
    }
    for view in ["", "&vy=vecka&vecka=2026-W50", "&vy=manad&manad=2026-12"] {
        let shown = app
            .client()
            .get(&format!("{EVENTS}?omrade=M%C3%B6klinta{view}"))
            .await
            .text();
        assert!(
            shown.contains("Skördefest") && shown.contains("Julmarknad i bygden"),
            "{view}: {shown}"
        );
        assert!(
            !shown.contains("Stadsvandring") && !shown.contains("Utan område"),
            "{view}: {shown}"
        );
    }
    // The subscription per area, named so.
    let ics = app
        .client()
        .get(&format!("{EVENTS}/kalender.ics?omrade=M%C3%B6klinta"))
        .await;
    let cal = parse_ics(&ics.body);
    let mut titles: Vec<String> = cal.events.iter().map(|e| prop(&e.properties, "SUMMARY")).collect();
    titles.sort();
    assert_eq!(titles, ["Julmarknad i bygden", "Skördefest"]);
    assert!(ics.body.contains("Möklinta"), "the calendar's name says the area");
    // The list's subscription link carries the filter.
    let page = app
        .client()
        .get(&format!("{EVENTS}?omrade=Sala+t%C3%A4tort"))
        .await
        .body;
    assert!(page.contains("kalender.ics?omrade=Sala%20t%C3%A4tort"), "{page}");
    app.deliver().await;
    app.stop().await;
}

/// The titles of the calendar's items in a part of a page, in order.
fn lucias(part: &str) -> Vec<String> {
    part.match_indices(">Lucia ")
        .map(|(i, _)| part[i + 1..i + 9].to_string())
        .collect()
}

async fn a_busy_day_shows_its_first_and_links_to_its_own_page(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let coordinator = app.coordinator("sala").await;
    // 24 events on Saturday 12 December, each half an hour, from 08:00.
    let times: Vec<(String, String, String)> = (0..24)
        .map(|i| {
            let start = 8 * 60 + 30 * i;
            let hhmm = |m: i32| format!("{:02}:{:02}", m / 60, m % 60);
            (format!("Lucia {:02}", i + 1), hhmm(start), hhmm(start + 30))
        })
        .collect();
    for (title, start, end) in &times {
        let fields = event_form(
            &iks_s,
            &[
                ("title", title.as_str()),
                ("starts_on", "2026-12-12"),
                ("start_time", start.as_str()),
                ("end_time", end.as_str()),
            ],
        );
        let p = coordinator.submit(NEW, NEW, &fields).await;
        assert_eq!(p.status, 303, "{}", p.text());
    }
    let day_page = format!("{EVENTS}?vy=dag&#38;dag=2026-12-12");

    let month = app.client().get(&format!("{EVENTS}?vy=manad&manad=2026-12")).await;
    assert_eq!(month.status, 200);
    let cell = day_part(&month.body, "2026-12-12");
    assert_eq!(lucias(cell), ["Lucia 01", "Lucia 02", "Lucia 03"], "{cell}");
    assert!(cell.contains(&day_page) && cell.contains("Visa fler"), "{cell}");
    assert!(!day_part(&month.body, "2026-12-11").contains("Visa fler"));

    let week = app.client().get(&format!("{EVENTS}?vy=vecka&vecka=2026-W50")).await;
    let saturday = day_part(&week.body, "2026-12-12");
    let shown = lucias(saturday);
    assert_eq!(shown.len(), 20, "{saturday}");
    assert_eq!(shown.last().map(String::as_str), Some("Lucia 20"));
    assert!(saturday.contains(&day_page), "{saturday}");

    // The day's own page goes through all of them, twenty a page.
    let first = app.client().get(&format!("{EVENTS}?vy=dag&dag=2026-12-12")).await;
    assert_eq!(first.status, 200);
    assert!(first.text().contains("lördag 12 december 2026"), "{}", first.text());
    assert_eq!(lucias(&first.body).len(), 20);
    assert!(first.body.contains("dag=2026-12-12&#38;sida=2"), "a next page");
    let second = app
        .client()
        .get(&format!("{EVENTS}?vy=dag&dag=2026-12-12&sida=2"))
        .await;
    assert_eq!(lucias(&second.body), ["Lucia 21", "Lucia 22", "Lucia 23", "Lucia 24"]);
    assert!(!second.body.contains("sida=3"));

    // Events stored before the calendar kept each time (their rows gone) are shown again:
    // the page writes them first.
    sqlx::query("DELETE FROM openness_event_occurrences")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE openness_events SET occurrences_indexed = 0 WHERE municipality_id = $1")
        .bind(m)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let again = app.client().get(&format!("{EVENTS}?vy=manad&manad=2026-12")).await;
    assert_eq!(lucias(day_part(&again.body, "2026-12-12")).len(), 3);
    let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM openness_event_occurrences")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(rows, 24);
    let _ = last_event(&app).await;
    app.stop().await;
}

both!(a_busy_day_shows_its_first_and_links_to_its_own_page);
both!(public_bookings_are_in_the_calendar_and_private_ones_never);
both!(the_area_filter_finds_the_events_and_bookings_of_an_area);
