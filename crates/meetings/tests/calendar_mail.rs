//! Calendar files read by a real iCalendar parser, e-mail through a real SMTP server (the
//! confirmation carries the .ics), reminders before the meeting, and the participant list with
//! attendance by party, CSV, XLSX and a printable page, on both databases.

use crate::common::*;
use platform::features::Feature;
use std::sync::Arc;
use testkit::smtp::{parts, squash};
use testkit::{both, Backend, Options, SmtpSink, TestApp, TestDb};

fn crlf_and_folded(body: &str) {
    assert!(body.ends_with("\r\n"));
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
        assert!(!line.contains('\n'), "bare LF in {line:?}");
    }
}

async fn calendar_files_are_valid_icalendar(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, meeting) = sala_with_meeting(&app, "").await;
    // A second series (the council) with one meeting, for the feeds.
    let now = app.state.now();
    let council = meetings::store::create_series(&app.state.db, sala, "Samverkansrådet", "", None, now)
        .await
        .unwrap();
    let mut f = meeting_six(council, "");
    f.title = "Samverkansrådet, möte 1; om lokaler, bidrag och IOP".into();
    f.date = "2027-05-02".into();
    f.gathering = String::new();
    f.start = "18:00".into();
    f.end = "20:00".into();
    f.place = "Föreningarnas hus".into();
    let input = f.check(&[council]).unwrap();
    meetings::store::save_meeting(&app.state.db, sala, None, &input, None, now)
        .await
        .unwrap();

    let c = app.client();
    let one = c.get(&format!("/sala/moten/{meeting}/kalender.ics")).await;
    assert_eq!(one.status, 200);
    assert!(one.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    crlf_and_folded(&one.body);
    let cal = parse_ics(&one.body);
    assert_eq!(prop(&cal.properties, "VERSION"), "2.0");
    assert!(!prop(&cal.properties, "PRODID").is_empty());
    assert_eq!(cal.events.len(), 1);
    let e = &cal.events[0].properties;
    // Gathering 18:30 and end 21:00 in Swedish (winter) time, given in the file's zone; the
    // stamp stays in UTC.
    assert_stockholm_zone(&cal);
    assert_eq!(local_time(e, "DTSTART"), "Europe/Stockholm:20261210T183000");
    assert_eq!(local_time(e, "DTEND"), "Europe/Stockholm:20261210T210000");
    assert_eq!(prop(e, "DTSTAMP"), "20261123T090000Z");
    assert!(prop(e, "UID").starts_with(&format!("meeting-{meeting}@")));
    assert_eq!(prop(e, "SUMMARY"), "Dialogmöte 6\\, arbete med handlingsplan");
    assert_eq!(prop(e, "LOCATION"), "Täljstenen\\, Vasagatan 17\\, 733 38 Sala");
    assert!(prop(e, "DESCRIPTION").contains("Hörslinga finns i föreläsningssalen."));
    assert!(prop(e, "URL").ends_with(&format!("/sala/moten/{meeting}")));

    // The municipality's feed has both; each series' feed its own.
    let all = c.get("/sala/moten/kalender.ics").await;
    crlf_and_folded(&all.body);
    let cal = parse_ics(&all.body);
    assert_eq!(cal.events.len(), 2);
    assert_stockholm_zone(&cal);
    assert_eq!(prop(&cal.properties, "X-WR-CALNAME"), "Möten i Sala kommun");
    let council_feed = c.get(&format!("/sala/moten/serier/{council}/kalender.ics")).await;
    let cal = parse_ics(&council_feed.body);
    assert_eq!(cal.events.len(), 1);
    assert_eq!(
        prop(&cal.events[0].properties, "SUMMARY"),
        "Samverkansrådet\\, möte 1\\; om lokaler\\, bidrag och IOP"
    );
    // May is summer time: 18:00 in Sweden is 16:00 UTC, written as 18:00 in the zone.
    assert_stockholm_zone(&cal);
    assert_eq!(
        local_time(&cal.events[0].properties, "DTSTART"),
        "Europe/Stockholm:20270502T180000"
    );
    let list = c.get("/sala/moten").await;
    assert!(list
        .body
        .contains(&format!("/sala/moten/serier/{council}/kalender.ics")));
    assert!(list.text().contains("Kalender för Samverkansrådet (.ics)"));
    // The series' own page lists its meetings only.
    let page = c.get(&format!("/sala/moten/serier/{council}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Samverkansrådet, möte 1") && !text.contains("Dialogmöte 6"),
        "{text}"
    );
    assert!(text.contains("Kalender för Samverkansrådet (.ics)"));
}

async fn confirmation_and_cancellation_go_through_a_real_smtp_server(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = TestApp::start_with(
        Arc::new(TestDb::new(backend).await),
        Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    let (_, meeting) = sala_with_meeting(&app, "1").await;
    let anna = app.client();
    register(
        &app,
        &anna,
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    register(&app, &app.client(), meeting, "Bo Berg", "bo@example.se", "politician").await;
    app.run_jobs().await;
    let got = sink.received();
    assert_eq!(got.len(), 2, "{got:?}");
    let confirmed = got.iter().find(|m| m.to == ["anna@example.se"]).unwrap();
    assert_eq!(
        squash(&confirmed.subject()),
        squash("Du är anmäld: Dialogmöte 6, arbete med handlingsplan")
    );
    let ps = parts(&confirmed.data);
    let text = &ps
        .iter()
        .find(|p| p.0.to_ascii_lowercase().contains("text/plain"))
        .unwrap()
        .1;
    assert!(text.contains("Hej Anna Andersson!"), "{text}");
    assert!(text.contains("2026-12-10 kl 19:00–21:00 (samling 18:30)"), "{text}");
    let (h, ics) = ps
        .iter()
        .find(|p| p.0.to_ascii_lowercase().contains("text/calendar"))
        .expect("an .ics part");
    assert!(h.contains("mote.ics"), "{h}");
    let cal = parse_ics(ics);
    assert_stockholm_zone(&cal);
    assert_eq!(
        local_time(&cal.events[0].properties, "DTSTART"),
        "Europe/Stockholm:20261210T183000"
    );

    // The waiting list's mail has no calendar file (no seat yet).
    let waiting = got.iter().find(|m| m.to == ["bo@example.se"]).unwrap();
    assert_eq!(
        squash(&waiting.subject()),
        squash("Du står på väntelistan: Dialogmöte 6, arbete med handlingsplan")
    );
    assert!(!waiting.data.contains("text/calendar"));

    // Anna cancels with the link in her mail: she gets a receipt, Bo a seat with the calendar.
    let link = cancel_path(text);
    let confirm = anna.get(&link).await;
    let token = confirm.csrf();
    assert_eq!(anna.post_raw(&link, &[("_csrf", token.as_str())]).await.status, 303);
    app.run_jobs().await;
    let got = sink.received();
    assert_eq!(got.len(), 4);
    let receipt = got
        .iter()
        .find(|m| squash(&m.subject()).starts_with(&squash("Din anmälan är borttagen")))
        .unwrap();
    assert_eq!(receipt.to, ["anna@example.se"]);
    let seat = got
        .iter()
        .find(|m| squash(&m.subject()).starts_with(&squash("Du har fått en plats")))
        .unwrap();
    assert_eq!(seat.to, ["bo@example.se"]);
    assert!(seat.data.contains("text/calendar"));

    // A server that refuses for a while: the mail waits and goes later.
    sink.refuse_next(1);
    register(&app, &app.client(), meeting, "Cecilia", "cecilia@example.se", "guest").await;
    app.run_jobs().await;
    assert_eq!(sink.received().len(), 4);
    app.clock.advance(chrono::Duration::hours(1));
    app.run_jobs().await;
    assert_eq!(sink.received().len(), 5);
}

async fn a_reminder_goes_to_those_with_a_seat_two_days_before(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "1").await;
    register(&app, &app.client(), meeting, "Anna", "anna@example.se", "civil_society").await;
    register(&app, &app.client(), meeting, "Bo", "bo@example.se", "guest").await;
    app.run_jobs().await;
    let reminders = |mail: Vec<(String, String, String)>| -> Vec<String> {
        mail.into_iter()
            .filter(|m| m.1.starts_with("Påminnelse"))
            .map(|m| m.0)
            .collect()
    };
    assert!(reminders(app.outbox().await).is_empty());
    // Three days before: nothing yet. The job runs every hour.
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-07T18:00:00Z")
            .unwrap()
            .into(),
    );
    app.run_jobs().await;
    assert!(reminders(app.outbox().await).is_empty());
    // Two days before (the meeting's gathering is 2026-12-10 17:30 UTC).
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-08T18:00:00Z")
            .unwrap()
            .into(),
    );
    app.run_jobs().await;
    app.run_jobs().await;
    assert_eq!(reminders(app.outbox().await), vec!["anna@example.se".to_string()]);
    // Once only.
    app.clock.advance(chrono::Duration::hours(3));
    app.run_jobs().await;
    assert_eq!(reminders(app.outbox().await).len(), 1);
    let mail = app.outbox().await;
    let body = &mail.iter().find(|m| m.1.starts_with("Påminnelse")).unwrap().2;
    assert!(body.contains("Täljstenen"), "{body}");
}

async fn participant_list_attendance_by_party_and_exports(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "3").await;
    for (name, email, party) in [
        ("Anna Andersson", "anna@example.se", "civil_society"),
        ("Bo Berg", "bo@example.se", "municipality"),
        ("Carl Ek (KD)", "carl@example.se", "politician"),
        ("Dora Dahl", "dora@example.se", "guest"),
    ] {
        register(&app, &app.client(), meeting, name, email, party).await;
    }
    let public = app.client();
    assert_ne!(
        public.get(&format!("/sala/moten/{meeting}/deltagare")).await.status,
        200
    );
    assert_ne!(
        public.get(&format!("/sala/moten/{meeting}/deltagare.csv")).await.status,
        200
    );

    let c = coordinator(&app, "sala").await;
    let path = format!("/sala/moten/{meeting}/deltagare");
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Anna Andersson") && text.contains("Vegetariskt"),
        "{text}"
    );
    assert!(text.contains("På väntelistan"), "Dora waits: {text}");
    assert!(!page.body.contains(&format!("name=\"present-{}\"", 4 + 100)));

    // Anna and Carl came; Bo did not.
    let ids: Vec<(i64, String)> = sqlx::query_as("SELECT id, email FROM meetings_registrations ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let id = |e: &str| ids.iter().find(|r| r.1 == e).unwrap().0;
    let anna = format!("present-{}", id("anna@example.se"));
    let carl = format!("present-{}", id("carl@example.se"));
    let dora = format!("present-{}", id("dora@example.se"));
    let token = page.csrf();
    let saved = c
        .post_raw(
            &path,
            &[("_csrf", token.as_str()), (&anna, "on"), (&carl, "on"), (&dora, "on")],
        )
        .await;
    assert!(saved.text().contains("Närvaron är sparad."));
    let table = testkit::text(&saved.body[saved.body.find("id=\"by-party\"").unwrap()..]);
    assert!(table.contains("Kommunen 1 0"), "{table}");
    assert!(table.contains("Civilsamhället 1 1"), "{table}");
    assert!(table.contains("Förtroendevald 1 1"), "{table}");
    assert!(table.contains("Gäst 0 0"), "the waiting list is not present: {table}");
    assert!(table.contains("Totalt 3 2"), "{table}");

    let csv = c.get(&format!("{path}.csv")).await;
    assert!(csv.headers["content-disposition"].to_str().unwrap().contains(".csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(
        lines[0].contains("Namn") && lines[0].contains("Närvarande"),
        "{}",
        lines[0]
    );
    assert!(lines
        .iter()
        .any(|l| l.contains("Anna Andersson") && l.contains("anna@example.se") && l.ends_with("Ja")));
    assert_eq!(lines.len(), 5);

    let xlsx = coordinator_bytes(&app, "sala", &format!("{path}.xlsx")).await;
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range("Deltagare").unwrap();
    let cells: Vec<String> = range.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(cells.contains(&"Dialogmöte 6, arbete med handlingsplan".to_string()));
    assert!(cells.contains(&"Carl Ek (KD)".to_string()));
    assert!(cells.contains(&"Förtroendevald".to_string()));

    let print = c.get(&format!("{path}/utskrift")).await;
    assert_eq!(print.status, 200);
    assert!(print.text().contains("Bo Berg"));
    assert!(print.body.contains("/sala/moten/utskrift.css"));
    app.deliver().await;
}

both!(
    calendar_files_are_valid_icalendar,
    confirmation_and_cancellation_go_through_a_real_smtp_server,
    a_reminder_goes_to_those_with_a_seat_two_days_before,
    participant_list_attendance_by_party_and_exports,
);

mod more {
    use super::*;

    async fn public_attendance_by_party_shows_counts_only(backend: Backend) {
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
        register(&app, &app.client(), meeting, "Carl Ek", "carl@example.se", "politician").await;
        let public = app.client();
        assert!(!public
            .get(&format!("/sala/moten/{meeting}"))
            .await
            .text()
            .contains("Närvarande per part"));
        let c = coordinator(&app, "sala").await;
        let path = format!("/sala/moten/{meeting}/deltagare");
        let (anna,): (i64,) = sqlx::query_as("SELECT id FROM meetings_registrations WHERE email = 'anna@example.se'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        let key = format!("present-{anna}");
        c.submit(&path, &path, &[(&key, "on")]).await;
        let page = public.get(&format!("/sala/moten/{meeting}")).await;
        let table = testkit::text(&page.body[page.body.find("id=\"attendance\"").unwrap()..]);
        assert!(
            table.contains("Civilsamhället 1") && table.contains("Förtroendevald 0"),
            "{table}"
        );
        assert!(!page.text().contains("Anna Andersson"));
        app.deliver().await;
    }

    async fn raising_the_capacity_gives_seats_to_the_waiting_list(backend: Backend) {
        let app = TestApp::start(backend).await;
        let (_, meeting) = sala_with_meeting(&app, "1").await;
        for (n, e) in [("A", "a@example.se"), ("B", "b@example.se"), ("C", "c@example.se")] {
            register(&app, &app.client(), meeting, n, e, "guest").await;
        }
        assert_eq!(statuses(&app, meeting).await, (1, 2, 0));
        let c = coordinator(&app, "sala").await;
        let path = format!("/sala/moten/{meeting}/redigera");
        let page = c.get(&path).await;
        let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        let f = meeting_six(series, "2");
        let s = series.to_string();
        let token = page.csrf();
        let fields = [
            ("_csrf", token.as_str()),
            ("series", s.as_str()),
            ("number", &f.number),
            ("title", &f.title),
            ("theme", &f.theme),
            ("date", &f.date),
            ("gathering", &f.gathering),
            ("gathering_text", &f.gathering_text),
            ("start", &f.start),
            ("end", &f.end),
            ("room", ""),
            ("place", &f.place),
            ("accessibility", &f.accessibility),
            ("agenda", &f.agenda),
            ("contacts", &f.contacts),
            ("capacity", "2"),
            ("deadline", &f.deadline),
            ("consent_text", &f.consent_text),
            ("invitation_text", &f.invitation_text),
        ];
        assert_eq!(c.post_raw(&path, &fields).await.status, 303);
        assert_eq!(statuses(&app, meeting).await, (2, 1, 0));
        app.run_jobs().await;
        let mail = app.outbox().await;
        assert!(mail
            .iter()
            .any(|m| m.0 == "b@example.se" && m.1.starts_with("Du har fått en plats")));
        assert!(!mail
            .iter()
            .any(|m| m.0 == "c@example.se" && m.1.starts_with("Du har fått en plats")));
    }

    async fn a_room_of_the_premises_fills_in_place_and_accessibility(backend: Backend) {
        let app = TestApp::start(backend).await;
        let (sala, _) = sala_with_meeting(&app, "").await;
        let (db, now) = (&app.state.db, app.state.now());
        let taljstenen = premises::inventory::store::save_premises(
            db,
            sala,
            None,
            &premises::inventory::store::PremisesInput {
                name: "Täljstenen".into(),
                address: "Vasagatan 17, 733 38 Sala".into(),
                ..Default::default()
            },
            None,
            now,
        )
        .await
        .unwrap()
        .unwrap();
        let access = [Feature::GroundFloor, Feature::AccessibleToilet, Feature::HearingLoop]
            .into_iter()
            .fold(0, |bits, f| bits | premises::domain::feature_bit(f));
        let premises = premises::inventory::store::save_room(
            db,
            sala,
            taljstenen,
            None,
            &premises::inventory::store::RoomInput {
                name: "Föreläsningssalen".into(),
                capacity: 80,
                access,
                ..Default::default()
            },
            None,
            now,
        )
        .await
        .unwrap()
        .unwrap();
        let c = coordinator(&app, "sala").await;
        let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        let form = c.get("/sala/moten/nytt").await;
        assert!(form
            .text()
            .contains("Föreläsningssalen, Täljstenen, Vasagatan 17, 733 38 Sala"));
        let s = series.to_string();
        let p = premises.to_string();
        let saved = c
            .submit(
                "/sala/moten/nytt",
                "/sala/moten/nytt",
                &[
                    ("series", &s),
                    ("title", "Dialogmöte 7"),
                    ("date", "2027-02-10"),
                    ("start", "19:00"),
                    ("end", "21:00"),
                    ("room", &p),
                    ("place", ""),
                    ("accessibility", ""),
                    ("consent_text", "Ja"),
                ],
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.text());
        let page = app.client().get(&saved.location.unwrap()).await.text();
        assert!(
            page.contains("Föreläsningssalen, Täljstenen, Vasagatan 17, 733 38 Sala"),
            "{page}"
        );
        assert!(
            page.contains("Lokalen ligger i markplan. Tillgänglig toalett finns. Hörslinga finns."),
            "{page}"
        );
    }

    both!(
        public_attendance_by_party_shows_counts_only,
        raising_the_capacity_gives_seats_to_the_waiting_list,
        a_room_of_the_premises_fills_in_place_and_accessibility,
    );
}
