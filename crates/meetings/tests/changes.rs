//! Calling off and moving a meeting after people registered: their letters carry a calendar
//! message with the meeting's UID and a raised SEQUENCE (CANCEL, REQUEST), the page and the
//! feeds say what holds, registration closes and no reminder goes out, on both databases.

use crate::common::*;
use meetings::domain::MeetingForm;
use serde_json::Value;
use testkit::{both, Backend, TestApp};

/// The queued mails whose subject starts with `subject` (what they carry; sent ones are in the
/// outbox).
async fn mails(app: &TestApp, subject: &str) -> Vec<Value> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT payload FROM jobs WHERE kind = 'email' ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    rows.into_iter()
        .map(|r| serde_json::from_str::<Value>(&r.0).unwrap())
        .filter(|m| m["subject"].as_str().is_some_and(|s| s.starts_with(subject)))
        .collect()
}

fn to(m: &Value) -> &str {
    m["to"].as_str().unwrap()
}

fn ics_of(m: &Value) -> (String, String) {
    let a = &m["attachment"];
    (
        a["content_type"].as_str().unwrap().to_string(),
        a["content"].as_str().unwrap().to_string(),
    )
}

fn fields(f: &MeetingForm) -> Vec<(&'static str, String)> {
    vec![
        ("series", f.series.clone()),
        ("number", f.number.clone()),
        ("title", f.title.clone()),
        ("theme", f.theme.clone()),
        ("date", f.date.clone()),
        ("gathering", f.gathering.clone()),
        ("gathering_text", f.gathering_text.clone()),
        ("start", f.start.clone()),
        ("end", f.end.clone()),
        ("place", f.place.clone()),
        ("accessibility", f.accessibility.clone()),
        ("agenda", f.agenda.clone()),
        ("contacts", f.contacts.clone()),
        ("capacity", f.capacity.clone()),
        ("deadline", f.deadline.clone()),
        ("consent_text", f.consent_text.clone()),
        ("invitation_text", f.invitation_text.clone()),
        ("room", f.room.clone()),
    ]
}

async fn uid_of_meeting(app: &TestApp, meeting: meetings::ids::MeetingId) -> String {
    let one = app.client().get(&format!("/sala/moten/{meeting}/kalender.ics")).await;
    let cal = parse_ics(&one.body);
    prop(&cal.events[0].properties, "UID")
}

async fn calling_off_tells_everyone_and_closes_registration(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "1").await;
    register(
        &app,
        &app.client(),
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    register(&app, &app.client(), meeting, "Bo Berg", "bo@example.se", "politician").await;
    assert_eq!(statuses(&app, meeting).await, (1, 1, 0));
    let uid = uid_of_meeting(&app, meeting).await;
    let path = format!("/sala/moten/{meeting}/installa");

    // Only the coordinator may call it off.
    let public = app.client();
    assert_ne!(public.get(&path).await.status, 200);
    let c = coordinator(&app, "sala").await;
    let page = c.get(&format!("/sala/moten/{meeting}")).await;
    assert!(page.body.contains(&path), "the meeting page links to calling off");
    let form = c.get(&path).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text()
            .contains("Alla som är anmälda (1) och alla på väntelistan (1)"),
        "{}",
        form.text()
    );
    let done = c
        .submit(
            &path,
            &path,
            &[("message", "Lokalen är vattenskadad. Vi återkommer med nytt datum.")],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(
        done.location.as_deref(),
        Some(format!("/sala/moten/{meeting}").as_str())
    );

    // Both get a letter with a calendar cancellation of the same event, a newer version of it.
    let letters = mails(&app, "Inställt: Dialogmöte 6").await;
    let mut got: Vec<&str> = letters.iter().map(to).collect();
    got.sort();
    assert_eq!(got, ["anna@example.se", "bo@example.se"]);
    for l in &letters {
        assert!(l["body"].as_str().unwrap().contains("Lokalen är vattenskadad."), "{l}");
        let (content_type, ics) = ics_of(l);
        assert!(content_type.contains("method=CANCEL"), "{content_type}");
        let cal = parse_ics(&ics);
        assert_eq!(prop(&cal.properties, "METHOD"), "CANCEL");
        let e = &cal.events[0].properties;
        assert_eq!(prop(e, "UID"), uid);
        assert_eq!(prop(e, "SEQUENCE"), "1");
        assert_eq!(prop(e, "STATUS"), "CANCELLED");
        assert!(prop(e, "ORGANIZER").starts_with("mailto:"), "{ics}");
        assert_eq!(prop(e, "ATTENDEE"), format!("mailto:{}", to(l)));
    }

    // The page says so, the list marks it, the calendars carry the cancelled status.
    let page = app.client().get(&format!("/sala/moten/{meeting}")).await;
    let text = page.text();
    assert!(text.contains("Mötet är inställt."), "{text}");
    assert!(text.contains("Lokalen är vattenskadad."), "{text}");
    assert!(
        !page.body.contains(&format!("/sala/moten/{meeting}/anmalan\"")),
        "no registration link"
    );
    assert!(app
        .client()
        .get("/sala/moten")
        .await
        .text()
        .contains("Dialogmöte 6, arbete med handlingsplan (inställt)"));
    for feed in [
        format!("/sala/moten/{meeting}/kalender.ics"),
        "/sala/moten/kalender.ics".to_string(),
    ] {
        let cal = parse_ics(&app.client().get(&feed).await.body);
        let e = &cal.events[0].properties;
        assert_eq!(prop(e, "STATUS"), "CANCELLED", "{feed}");
        assert_eq!(prop(e, "SEQUENCE"), "1", "{feed}");
        assert_eq!(prop(e, "UID"), uid);
    }
    let (_, api) = app.client().get_json("/api/v1/sala/meetings").await;
    assert_eq!(api["meetings"][0]["cancelled"], true);
    assert_eq!(api["meetings"][0]["registration_open"], false);

    // Registration is closed: the form is gone and a post is refused.
    let reg = format!("/sala/moten/{meeting}/anmalan");
    assert!(app.client().get(&reg).await.text().contains("Anmälan är stängd."));
    let late = register(&app, &app.client(), meeting, "Cecilia", "cecilia@example.se", "guest").await;
    assert_ne!(late.status, 200);
    assert_eq!(statuses(&app, meeting).await, (1, 1, 0));

    // Calling off twice tells nobody twice; no reminder goes out before the day.
    let again = c.get(&path).await;
    assert!(!again.body.contains("name=\"message\""));
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-08T18:00:00Z")
            .unwrap()
            .into(),
    );
    app.run_jobs().await;
    app.run_jobs().await;
    let sent = app.outbox().await;
    assert!(!sent.iter().any(|m| m.1.starts_with("Påminnelse")), "{sent:?}");
    assert_eq!(sent.iter().filter(|m| m.1.starts_with("Inställt")).count(), 2);
}

async fn moving_a_meeting_sends_the_new_time_with_an_updated_event(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "1").await;
    register(
        &app,
        &app.client(),
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    register(&app, &app.client(), meeting, "Bo Berg", "bo@example.se", "politician").await;
    let uid = uid_of_meeting(&app, meeting).await;
    let series: (i64,) = sqlx::query_as("SELECT series_id FROM meetings_meetings WHERE id = $1")
        .bind(meeting)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let c = coordinator(&app, "sala").await;
    let edit = format!("/sala/moten/{meeting}/redigera");

    // Changing only the agenda tells nobody.
    let mut f = meeting_six(meetings::ids::SeriesId::new(series.0), "1");
    f.agenda = "Välkommen\nArbetsgrupper\nFika".into();
    let owned = fields(&f);
    let borrowed: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(c.submit(&edit, &edit, &borrowed).await.status, 303);
    assert!(mails(&app, "Ny tid eller plats").await.is_empty());

    // A week later, an hour earlier: both are told, Anna (with a seat) with the updated event.
    f.date = "2026-12-17".into();
    f.gathering = "17:30".into();
    f.start = "18:00".into();
    f.end = "20:00".into();
    let owned = fields(&f);
    let borrowed: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(c.submit(&edit, &edit, &borrowed).await.status, 303);
    let letters = mails(&app, "Ny tid eller plats: Dialogmöte 6").await;
    assert_eq!(letters.len(), 2, "{letters:?}");
    let anna = letters.iter().find(|l| to(l) == "anna@example.se").unwrap();
    let body = anna["body"].as_str().unwrap();
    assert!(body.contains("2026-12-17 kl 18:00–20:00 (samling 17:30)"), "{body}");
    assert!(
        body.contains("Tidigare: 2026-12-10 kl 19:00–21:00 (samling 18:30)"),
        "{body}"
    );
    let (content_type, ics) = ics_of(anna);
    assert!(content_type.contains("method=REQUEST"), "{content_type}");
    let cal = parse_ics(&ics);
    assert_eq!(prop(&cal.properties, "METHOD"), "REQUEST");
    let e = &cal.events[0].properties;
    assert_eq!(prop(e, "UID"), uid);
    assert_eq!(prop(e, "SEQUENCE"), "1");
    assert_eq!(prop(e, "STATUS"), "CONFIRMED");
    // 17:30 Swedish winter time, in the file's zone.
    assert_stockholm_zone(&cal);
    assert_eq!(local_time(e, "DTSTART"), "Europe/Stockholm:20261217T173000");
    let bo = letters.iter().find(|l| to(l) == "bo@example.se").unwrap();
    assert!(bo["attachment"].is_null(), "the waiting list has no seat in a calendar");

    // The page and the calendar file show the new time.
    let page = app.client().get(&format!("/sala/moten/{meeting}")).await;
    assert!(page.text().contains("2026-12-17 kl 18:00–20:00"), "{}", page.text());
    let cal = parse_ics(
        &app.client()
            .get(&format!("/sala/moten/{meeting}/kalender.ics"))
            .await
            .body,
    );
    assert_eq!(prop(&cal.events[0].properties, "SEQUENCE"), "1");
    assert_eq!(
        local_time(&cal.events[0].properties, "DTSTART"),
        "Europe/Stockholm:20261217T173000"
    );

    // A new place is a move too.
    f.place = "Stadshuset, Stora torget 1, Sala".into();
    let owned = fields(&f);
    let borrowed: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(c.submit(&edit, &edit, &borrowed).await.status, 303);
    let letters = mails(&app, "Ny tid eller plats").await;
    assert_eq!(letters.len(), 4);
    let last = letters.iter().rev().find(|l| to(l) == "anna@example.se").unwrap();
    let cal = parse_ics(&ics_of(last).1);
    assert_eq!(prop(&cal.events[0].properties, "SEQUENCE"), "2");
    assert_eq!(
        prop(&cal.events[0].properties, "LOCATION"),
        "Stadshuset\\, Stora torget 1\\, Sala"
    );
    app.run_jobs().await;
    assert_eq!(
        app.outbox()
            .await
            .iter()
            .filter(|m| m.1.starts_with("Ny tid eller plats"))
            .count(),
        4
    );
}

both!(
    calling_off_tells_everyone_and_closes_registration,
    moving_a_meeting_sends_the_new_time_with_an_updated_event,
);
