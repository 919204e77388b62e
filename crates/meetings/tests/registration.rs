//! Meetings, series, public pages, registration with capacity and a waiting list,
//! cancellation by link, and the JSON, on both databases.

use crate::common::*;
use std::sync::Arc;
use testkit::{both, Backend, Options, TestApp, TestDb};

async fn coordinator_plans_a_meeting_and_the_public_reads_it(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala kommun").await;
    let c = coordinator(&app, "sala").await;

    // A meeting needs a series first.
    let page = c.get("/sala/moten/nytt").await;
    assert!(page.text().contains("Skapa först en mötesserie"), "{}", page.text());
    let done = c
        .submit(
            "/sala/moten/serier",
            "/sala/moten/serier",
            &[
                ("name", "Tillsammans för framtidens Sala – dialogmöten"),
                ("description", ""),
            ],
        )
        .await;
    assert!(done.text().contains("Serien är skapad."), "{}", done.text());
    let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();

    // A meeting that ends before it starts is refused with the reason.
    let f = meeting_six(series, "40");
    let s = series.to_string();
    let fields = |end: &'static str| -> Vec<(&'static str, String)> {
        vec![
            ("series", s.clone()),
            ("number", f.number.clone()),
            ("title", f.title.clone()),
            ("theme", f.theme.clone()),
            ("date", f.date.clone()),
            ("gathering", f.gathering.clone()),
            ("gathering_text", f.gathering_text.clone()),
            ("start", f.start.clone()),
            ("end", end.to_string()),
            ("place", f.place.clone()),
            ("accessibility", f.accessibility.clone()),
            ("agenda", f.agenda.clone()),
            ("contacts", f.contacts.clone()),
            ("capacity", f.capacity.clone()),
            ("deadline", f.deadline.clone()),
            ("consent_text", f.consent_text.clone()),
            ("invitation_text", f.invitation_text.clone()),
        ]
    };
    let bad = fields("18:00");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = c.submit("/sala/moten/nytt", "/sala/moten/nytt", &bad).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Mötet måste sluta efter att det har börjat."));

    let good = fields("21:00");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = c.submit("/sala/moten/nytt", "/sala/moten/nytt", &good).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let href = saved.location.unwrap();

    // The public (no account) sees it in the list and on its page, in Swedish local time.
    let public = app.client();
    let list = public.get("/sala/moten").await.text();
    assert!(list.contains("Dialogmöte 6, arbete med handlingsplan"), "{list}");
    assert!(list.contains("2026-12-10 kl 19:00–21:00 (samling 18:30)"), "{list}");
    let page = public.get(&href).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for expected in [
        "Nu ska vi bilda arbetsgrupper",
        "Täljstenen, Vasagatan 17, 733 38 Sala",
        "Hörslinga finns i föreläsningssalen.",
        "fika (kaffe/the och smörgås)",
        "2026-12-08",
        "40 av 40 platser kvar.",
        "Jane Allansson",
        "Anmäl dig till mötet",
    ] {
        assert!(text.contains(expected), "missing {expected}: {text}");
    }
    assert!(
        !text.contains("Deltagare och närvaro"),
        "the public sees no coordinator links"
    );

    // The public cannot plan meetings.
    assert_ne!(public.get("/sala/moten/nytt").await.status, 200);

    // The coordinator edits: the capacity changes.
    let mut edited = fields("21:00");
    edited[13].1 = "30".into();
    let edited: Vec<(&str, &str)> = edited.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let edit_path = format!("{href}/redigera");
    let done = c.submit(&edit_path, &edit_path, &edited).await;
    assert_eq!(done.status, 303, "{}", done.text());
    assert!(public.get(&href).await.text().contains("30 av 30 platser kvar."));

    // JSON.
    let (status, json) = public.get_json("/api/v1/sala/meetings").await;
    assert_eq!(status, 200);
    let m = &json["meetings"][0];
    assert_eq!(m["number"], 6);
    assert_eq!(m["starts_at"], "2026-12-10T19:00:00+01:00");
    assert_eq!(m["gathering_at"], "2026-12-10T18:30:00+01:00");
    assert_eq!(m["seats_left"], 30);
    assert_eq!(m["registration_open"], true);
}

async fn a_full_meeting_has_a_waiting_list_and_a_cancellation_promotes_the_first(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "1").await;
    let anna = app.client();
    let done = register(
        &app,
        &anna,
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(
        done.text().contains("Du är anmäld till Dialogmöte 6"),
        "{}",
        done.text()
    );
    let anna_cancel = cancel_path(&done.body);

    let bo = app.client();
    let waiting = register(&app, &bo, meeting, "Bo Berg", "bo@example.se", "municipality").await;
    assert!(waiting.text().contains("du står på väntelistan"), "{}", waiting.text());
    let page = app.client().get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(page.contains("Mötet är fullt."), "{page}");
    assert_eq!(statuses(&app, meeting).await, (1, 1, 0));

    // The same address twice: the form answers as always, nothing is counted, and Anna is
    // told by mail (tests/confirm.rs).
    let again = register(&app, &app.client(), meeting, "Anna A", "ANNA@example.se", "guest").await;
    assert_eq!(again.status, 200);
    assert!(
        again.text().contains("Vi har skickat ett mejl till anna@example.se"),
        "{}",
        again.text()
    );
    assert_eq!(statuses(&app, meeting).await, (1, 1, 0));

    // Consent must be given.
    let path = format!("/sala/moten/{meeting}/anmalan");
    let mut fields = person("Cecilia", "c@example.se", "guest");
    fields.retain(|(k, _)| *k != "consent");
    let refused = app.client().submit(&path, &path, &fields).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Du behöver godkänna texten"));

    // Anna cancels through her link; Bo gets the seat and a mail with a new link.
    let confirm = anna.get(&anna_cancel).await;
    assert!(confirm.text().contains("Anna Andersson, vill du ångra din anmälan?"));
    let token = confirm.csrf();
    let cancelled = anna.post_raw(&anna_cancel, &[("_csrf", token.as_str())]).await;
    assert_eq!(cancelled.status, 303);
    assert!(anna
        .get(&anna_cancel)
        .await
        .text()
        .contains("Din anmälan är borttagen."));
    assert_eq!(statuses(&app, meeting).await, (1, 0, 1));
    // A second press changes nothing and leads to the same page.
    let again = anna.post_raw(&anna_cancel, &[("_csrf", token.as_str())]).await;
    assert_eq!(again.status, 303);
    assert_eq!(statuses(&app, meeting).await, (1, 0, 1));

    app.run_jobs().await;
    let mail = app.outbox().await;
    let to = |addr: &str, subject: &str| {
        mail.iter()
            .find(|m| m.0 == addr && m.1.starts_with(subject))
            .unwrap_or_else(|| panic!("no mail to {addr} about {subject}: {mail:?}"))
            .clone()
    };
    to("anna@example.se", "Du är anmäld");
    to("anna@example.se", "Din anmälan är borttagen");
    to("bo@example.se", "Du står på väntelistan");
    let promoted = to("bo@example.se", "Du har fått en plats");
    assert!(promoted.2.contains("2026-12-10 kl 19:00–21:00"), "{}", promoted.2);

    // Bo's old link from the waiting-list mail no longer works; the new one does.
    let old = cancel_path(&to("bo@example.se", "Du står på väntelistan").2);
    assert_eq!(bo.get(&old).await.status, 404);
    let new = cancel_path(&promoted.2);
    assert!(bo.get(&new).await.text().contains("Bo Berg, vill du ångra"));

    // A made-up token is a 404.
    assert_eq!(app.client().get("/sala/moten/avanmalan/gissat").await.status, 404);
}

async fn registration_closes_after_the_deadline(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-08T22:59:00Z")
            .unwrap()
            .into(),
    );
    let path = format!("/sala/moten/{meeting}/anmalan");
    let form = app.client().get(&path).await;
    assert!(form.body.contains("name=\"consent\""));
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-08T23:00:00Z")
            .unwrap()
            .into(),
    );
    let token = form.csrf();
    let mut fields = vec![("_csrf", token.as_str())];
    fields.extend(person("Sen", "sen@example.se", "guest"));
    let late = app.client().post_raw(&path, &fields).await;
    assert_ne!(late.status, 200);
    let page = app.client().get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(page.contains("Anmälan är stängd."), "{page}");
    assert_eq!(statuses(&app, meeting).await, (0, 0, 0));
}

async fn a_hundred_registrations_at_once_fill_exactly_the_seats_left(backend: Backend) {
    let db = Arc::new(TestDb::new(backend).await);
    let app = TestApp::start_with(
        db,
        Options {
            smtp_port: None,
            configure: Some(Box::new(|c| c.meeting_register_per_hour = 1000)),
        },
    )
    .await;
    let (_, meeting) = sala_with_meeting(&app, "15").await;
    for i in 0..5 {
        let r = register(
            &app,
            &app.client(),
            meeting,
            &format!("Tidig {i}"),
            &format!("tidig{i}@example.se"),
            "guest",
        )
        .await;
        assert_eq!(r.status, 200);
    }
    // 10 seats left; 100 people register, then confirm by their mailed links at the same time.
    let c = Arc::new(app.client());
    let path = format!("/sala/moten/{meeting}/anmalan");
    let token = c.get(&path).await.csrf();
    for i in 0..100 {
        let name = format!("Person {i}");
        let email = format!("person{i}@example.se");
        let mut fields = vec![("_csrf", token.as_str())];
        fields.extend(person(&name, &email, "civil_society"));
        let p = c.post_raw(&path, &fields).await;
        assert_eq!(p.status, 200, "{}", p.text());
    }
    assert_eq!(
        statuses(&app, meeting).await,
        (5, 0, 0),
        "nothing counts before it is confirmed"
    );
    let mail = app.deliver().await;
    let links: Vec<String> = mail
        .iter()
        .filter(|m| m.0.starts_with("person"))
        .map(|m| {
            let at = m.2.find("/sala/moten/bekrafta/").expect("a confirmation link");
            m.2[at..].chars().take_while(|c| !c.is_whitespace()).collect()
        })
        .collect();
    assert_eq!(links.len(), 100);
    let tasks: Vec<_> = links
        .into_iter()
        .map(|link| {
            let c = c.clone();
            let token = token.clone();
            tokio::spawn(async move { c.post_raw(&link, &[("_csrf", token.as_str())]).await })
        })
        .collect();
    let mut seated = 0;
    let mut waiting = 0;
    for t in tasks {
        let p = t.await.unwrap();
        assert_eq!(p.status, 200, "{}", p.text());
        if p.text().contains("Du är anmäld") {
            seated += 1;
        } else if p.text().contains("väntelistan") {
            waiting += 1;
        }
    }
    assert_eq!((seated, waiting), (10, 90));
    assert_eq!(statuses(&app, meeting).await, (15, 90, 0));
    let page = app.client().get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(page.contains("Mötet är fullt."), "{page}");
    app.deliver().await;
}

async fn another_municipality_sees_nothing_of_salas_meetings(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    app.municipality("orebro", "Örebro kommun").await;
    let c = app.client();
    assert_eq!(c.get(&format!("/orebro/moten/{meeting}")).await.status, 404);
    assert_eq!(c.get(&format!("/orebro/moten/{meeting}/anmalan")).await.status, 404);
    assert_eq!(
        c.get(&format!("/orebro/moten/{meeting}/kalender.ics")).await.status,
        404
    );
    let (_, json) = c.get_json("/api/v1/orebro/meetings").await;
    assert_eq!(json["meetings"].as_array().map(|a| a.len()), Some(0));
    let other = coordinator(&app, "orebro").await;
    assert_ne!(
        other.get(&format!("/orebro/moten/{meeting}/deltagare")).await.status,
        200
    );
    assert_eq!(other.get(&format!("/sala/moten/{meeting}/deltagare")).await.status, 403);
}

async fn a_signed_in_person_finds_their_name_and_address_filled_in(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    app.user("isa@example.se", None).await;
    let c = app.client();
    c.login("isa@example.se", testkit::PASSWORD).await;
    let form = c.get(&format!("/sala/moten/{meeting}/anmalan")).await;
    assert!(form.body.contains("value=\"Test isa@example.se\""), "{}", form.body);
    assert!(form.body.contains("value=\"isa@example.se\""));
    let anonymous = app.client().get(&format!("/sala/moten/{meeting}/anmalan")).await;
    assert!(!anonymous.body.contains("isa@example.se"));
}

both!(
    a_signed_in_person_finds_their_name_and_address_filled_in,
    coordinator_plans_a_meeting_and_the_public_reads_it,
    a_full_meeting_has_a_waiting_list_and_a_cancellation_promotes_the_first,
    registration_closes_after_the_deadline,
    a_hundred_registrations_at_once_fill_exactly_the_seats_left,
    another_municipality_sees_nothing_of_salas_meetings,
);
