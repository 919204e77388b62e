//! Booking rules on both databases: edges and buffers, summer time in Europe/Stockholm, weekly
//! series with exception dates, cancellation freeing the time, requests with approval and
//! rejection (and their e-mail over SMTP), roles and municipalities.
//! The test clock starts Monday 2026-11-23 09:00 UTC.

use crate::common::{active, at, book, book_company, book_private, representative, room, signed_in, RoomSpec};
use platform::auth::RoleKind;
use premises::domain::Mode;
use std::sync::Arc;
use testkit::ics::{assert_stockholm_zone, local_time, parse as parse_ics};
use testkit::smtp::{parts, squash};
use testkit::{both, Backend, Client, Options, SmtpSink, TestApp, TestDb, PASSWORD};

both!(
    edges_touch_and_buffers_keep_apart,
    summer_time_in_stockholm,
    weekly_series_with_exceptions,
    cancellation_frees_the_time,
    requests_are_approved_or_rejected_with_a_reason,
    roles_and_municipalities,
    a_person_exports_and_erases_their_bookings,
);

/// A signed-in person without any role.
async fn person(app: &TestApp, email: &str) -> Client {
    app.user(email, None).await;
    let c = app.client();
    c.login(email, PASSWORD).await;
    c
}

async fn edges_touch_and_buffers_keep_apart(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, plain) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    let (_, buffered) = room(
        &app,
        sala,
        "Lilla salen",
        RoomSpec {
            buffer: 30,
            ..RoomSpec::default()
        },
    )
    .await;
    let c = person(&app, "anna@example.se").await;

    assert_eq!(
        book_private(&c, plain, "2026-12-01", "10:00", "12:00").await.status,
        303
    );
    // Touching at either end is fine; any overlap is not.
    assert_eq!(
        book_private(&c, plain, "2026-12-01", "12:00", "14:00").await.status,
        303
    );
    assert_eq!(
        book_private(&c, plain, "2026-12-01", "09:00", "10:00").await.status,
        303
    );
    for (from, to) in [
        ("11:00", "13:00"),
        ("09:30", "10:30"),
        ("11:59", "12:01"),
        ("08:00", "15:00"),
    ] {
        let p = book_private(&c, plain, "2026-12-01", from, to).await;
        assert_eq!(p.status, 409, "{from}–{to}");
        assert!(p.text().contains("Redan bokad"), "{}", p.text());
        assert!(p.text().contains("2026-12-01"), "{}", p.text());
    }
    assert_eq!(active(&app, plain).await.len(), 3);

    // With 30 minutes between bookings.
    assert_eq!(
        book_private(&c, buffered, "2026-12-01", "10:00", "12:00").await.status,
        303
    );
    assert_eq!(
        book_private(&c, buffered, "2026-12-01", "12:00", "13:00").await.status,
        409
    );
    assert_eq!(
        book_private(&c, buffered, "2026-12-01", "12:29", "13:00").await.status,
        409
    );
    assert_eq!(
        book_private(&c, buffered, "2026-12-01", "12:30", "13:30").await.status,
        303
    );
    // Before a booking, the new booking's own buffer must end by its start.
    assert_eq!(
        book_private(&c, buffered, "2026-12-01", "09:00", "09:45").await.status,
        409
    );
    assert_eq!(
        book_private(&c, buffered, "2026-12-01", "09:00", "09:30").await.status,
        303
    );
    let rows = active(&app, buffered).await;
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|(_, e, u)| u - e == 1800));

    // Bad input gets a clear answer, and nothing is written.
    let p = book_private(&c, plain, "2026-12-01", "14:00", "13:00").await;
    assert_eq!(p.status, 422);
    assert!(
        p.text().contains("Sluttiden måste vara efter starttiden"),
        "{}",
        p.text()
    );
    let p = book_private(&c, plain, "1 december", "14:00", "15:00").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("ÅÅÅÅ-MM-DD"));
    let p = book_private(&c, plain, "2026-11-20", "14:00", "15:00").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Tiden har redan varit"), "{}", p.text());
    let p = book(
        &c,
        "sala",
        plain,
        &[
            ("datum", "2026-12-02"),
            ("fran", "10:00"),
            ("till", "11:00"),
            ("personer", "41"),
            ("bokare", "private"),
        ],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("plats för 40 personer"), "{}", p.text());
    assert_eq!(active(&app, plain).await.len(), 3);
    app.deliver().await;
    app.stop().await;
}

async fn summer_time_in_stockholm(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    // A company: a private person may book at most 180 days ahead (`premises::booking::domain`).
    let c = person(&app, "anna@example.se").await;

    // Tuesdays 18:00–20:00 across the change to summer time (Sunday 2027-03-28).
    let p = book(
        &c,
        "sala",
        r,
        &[
            ("datum", "2027-03-16"),
            ("fran", "18:00"),
            ("till", "20:00"),
            ("personer", "12"),
            ("bokare", "company"),
            ("upprepa_till", "2027-04-06"),
        ],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let rows = active(&app, r).await;
    let utc_hours: Vec<i64> = rows.iter().map(|(s, _, _)| (s % 86400) / 3600).collect();
    assert_eq!(
        utc_hours,
        [17, 17, 16, 16],
        "18:00 local is 17:00 UTC in winter, 16:00 in summer"
    );

    // 02:30 does not exist that night.
    let p = book_company(&c, r, "2027-03-28", "02:30", "03:30").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("sommartid"), "{}", p.text());
    // 01:00–04:00 that night is two hours long; the same clock times in October are four.
    assert_eq!(book_company(&c, r, "2027-03-28", "01:00", "04:00").await.status, 303);
    assert_eq!(book_company(&c, r, "2027-10-31", "01:00", "04:00").await.status, 303);
    let rows = active(&app, r).await;
    let night = rows.iter().find(|(s, _, _)| *s == at("2027-03-28", "01:00")).unwrap();
    assert_eq!(night.1 - night.0, 2 * 3600);
    let autumn = rows.iter().find(|(s, _, _)| *s == at("2027-10-31", "01:00")).unwrap();
    assert_eq!(autumn.1 - autumn.0, 4 * 3600);
    // In the autumn night, 02:00–03:00 happens twice; the booking holds both.
    assert_eq!(book_company(&c, r, "2027-10-31", "02:30", "03:30").await.status, 409);

    // The week view shows local times on both sides of the change.
    let week = c.get(&format!("/sala/lokaler/rum/{r}?vecka=2027-W13")).await;
    let text = week.text();
    assert!(text.contains("tisdag 30 mars"), "{text}");
    assert!(text.contains("18:00–20:00 Bokad"), "{text}");
    let week = c.get(&format!("/sala/lokaler/rum/{r}?vecka=2027-W12")).await.text();
    assert!(week.contains("tisdag 23 mars"), "{week}");
    assert!(week.contains("18:00–20:00 Bokad"), "{week}");
    // The night of the change: the day is 23 hours long and the booking shows as 01:00–04:00.
    assert!(
        week.contains("Boka söndag 28 mars 00:00–01:00 (ledigt) 01:00–04:00 Bokad Boka söndag 28 mars 04:00–24:00"),
        "{week}"
    );
    app.deliver().await;
    app.stop().await;
}

async fn weekly_series_with_exceptions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    let (choir, _) = representative(&app, "kor@example.se", "sala", "Sala kammarkör").await;
    let anna = person(&app, "anna@example.se").await;
    let org_field = {
        let form = choir.get(&format!("/sala/lokaler/rum/{r}/boka")).await;
        let at = form.body.find("value=\"org:").unwrap() + 7;
        form.body[at..].split('"').next().unwrap().to_string()
    };

    let p = book(
        &choir,
        "sala",
        r,
        &[
            ("datum", "2026-12-01"),
            ("fran", "18:00"),
            ("till", "20:00"),
            ("personer", "30"),
            ("bokare", &org_field),
            ("syfte", "Körrepetition"),
            ("upprepa_till", "2027-01-12"),
            ("undantag", "2026-12-22, 2026-12-29"),
        ],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let starts: Vec<i64> = active(&app, r).await.iter().map(|x| x.0).collect();
    let expected: Vec<i64> = ["2026-12-01", "2026-12-08", "2026-12-15", "2027-01-05", "2027-01-12"]
        .iter()
        .map(|d| at(d, "18:00"))
        .collect();
    assert_eq!(starts, expected);
    // The booking page lists the rest of the series and who booked.
    let page = choir.get(p.location.as_deref().unwrap()).await;
    assert!(page.text().contains("Sala kammarkör (Förening)"), "{}", page.text());
    assert!(page.text().contains("2027-01-12 18:00–20:00"), "{}", page.text());

    // An exception date is free for others.
    assert_eq!(book_private(&anna, r, "2026-12-22", "18:00", "20:00").await.status, 303);
    // A series that meets the choir on one date is refused as a whole, naming the date.
    let p = book(
        &anna,
        "sala",
        r,
        &[
            ("datum", "2026-12-29"),
            ("fran", "18:30"),
            ("till", "19:30"),
            ("personer", "5"),
            ("bokare", "private"),
            ("upprepa_till", "2027-01-19"),
        ],
    )
    .await;
    assert_eq!(p.status, 409);
    assert!(p.text().contains("2027-01-05"), "{}", p.text());
    assert!(p.text().contains("2027-01-12"), "{}", p.text());
    assert_eq!(
        active(&app, r).await.len(),
        6,
        "nothing of the refused series was written"
    );
    // With those dates skipped it goes through.
    let p = book(
        &anna,
        "sala",
        r,
        &[
            ("datum", "2026-12-29"),
            ("fran", "18:30"),
            ("till", "19:30"),
            ("personer", "5"),
            ("bokare", "private"),
            ("upprepa_till", "2027-01-19"),
            ("undantag", "2027-01-05\n2027-01-12"),
        ],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(active(&app, r).await.len(), 8);
    // An exception on another weekday is refused.
    let p = book(
        &anna,
        "sala",
        r,
        &[
            ("datum", "2027-02-02"),
            ("fran", "18:00"),
            ("till", "19:00"),
            ("personer", "5"),
            ("bokare", "private"),
            ("upprepa_till", "2027-02-23"),
            ("undantag", "2027-02-10"),
        ],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("2027-02-10 ingår inte i serien"), "{}", p.text());
    app.deliver().await;
    app.stop().await;
}

/// The hidden cancel form's action and token on a booking page.
async fn cancel(c: &Client, booking_path: &str, scope: &str) -> testkit::Page {
    let page = c.get(booking_path).await;
    assert_eq!(page.status, 200, "{}", page.text());
    c.post_raw(
        &format!("{booking_path}/avboka"),
        &[("_csrf", &page.csrf()), ("omfattning", scope)],
    )
    .await
}

async fn cancellation_frees_the_time(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    let anna = person(&app, "anna@example.se").await;
    let bo = person(&app, "bo@example.se").await;

    let p = book_private(&anna, r, "2026-12-03", "18:00", "20:00").await;
    assert_eq!(p.status, 303);
    let annas = p.location.unwrap();
    let annas = annas.split('?').next().unwrap().to_string();
    assert_eq!(book_private(&bo, r, "2026-12-03", "18:00", "20:00").await.status, 409);
    // Bo may not cancel Anna's booking, nor see it.
    assert_eq!(bo.get(&annas).await.status, 404);
    let token = bo.get("/sala/lokaler").await.csrf();
    assert_eq!(
        bo.post_raw(&format!("{annas}/avboka"), &[("_csrf", &token)])
            .await
            .status,
        404
    );
    // Anna cancels; the time is Bo's to take.
    assert_eq!(cancel(&anna, &annas, "en").await.status, 303);
    assert!(anna.get(&annas).await.text().contains("Avbokad"));
    assert_eq!(book_private(&bo, r, "2026-12-03", "18:00", "20:00").await.status, 303);

    // Cancelling the rest of a series from its second time leaves the first.
    let p = book(
        &anna,
        "sala",
        r,
        &[
            ("datum", "2026-12-07"),
            ("fran", "10:00"),
            ("till", "11:00"),
            ("personer", "3"),
            ("bokare", "private"),
            ("upprepa_till", "2026-12-28"),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    let (second,): (i64,) = sqlx::query_as("SELECT id FROM premises_bookings WHERE starts_at = $1")
        .bind(at("2026-12-14", "10:00"))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(
        cancel(&anna, &format!("/sala/lokaler/bokningar/{second}"), "serie")
            .await
            .status,
        303
    );
    let left: Vec<i64> = active(&app, r)
        .await
        .iter()
        .map(|x| x.0)
        .filter(|s| *s >= at("2026-12-07", "00:00"))
        .collect();
    assert_eq!(left, [at("2026-12-07", "10:00")]);
    // Anna's list shows what is left and what was cancelled.
    let mine = anna.get("/sala/lokaler/bokningar").await.text();
    assert!(mine.contains("2026-12-07 10:00–11:00 Bokad"), "{mine}");
    assert!(mine.contains("2026-12-21 10:00–11:00 Avbokad"), "{mine}");
    app.deliver().await;
    app.stop().await;
}

async fn requests_are_approved_or_rejected_with_a_reason(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = TestApp::start_with(
        Arc::new(TestDb::new(backend).await),
        Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(
        &app,
        sala,
        "Föreläsningssalen",
        RoomSpec {
            mode: Mode::Request,
            ..RoomSpec::default()
        },
    )
    .await;
    let staff = signed_in(&app, "lokaler@sala.example", RoleKind::Staff, "sala").await;
    let anna = person(&app, "anna@example.se").await;
    let bo = person(&app, "bo@example.se").await;

    let p = book_private(&anna, r, "2026-12-10", "18:00", "20:00").await;
    assert_eq!(p.status, 303);
    let annas = p.location.unwrap();
    let page = anna.get(&annas).await;
    assert!(page.text().contains("Förfrågan är skickad"), "{}", page.text());
    assert!(page.text().contains("Förfrågan, väntar på svar"));
    // The request holds the time.
    assert_eq!(book_private(&bo, r, "2026-12-10", "19:00", "21:00").await.status, 409);

    // Staff see it and must give a reason to reject.
    let list = staff.get("/sala/lokaler/hantera").await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("Föreläsningssalen"), "{}", list.text());
    assert!(list.text().contains("2026-12-10 18:00–20:00"));
    let annas_id = annas.split('/').next_back().unwrap().split('?').next().unwrap();
    let decide = format!("/sala/lokaler/bokningar/{annas_id}/beslut");
    let p = staff
        .post_raw(&decide, &[("_csrf", &list.csrf()), ("beslut", "avsla"), ("skal", "  ")])
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv varför förfrågan avslås"));
    // A booker cannot decide their own request.
    let p = anna
        .post_raw(
            &decide,
            &[("_csrf", &anna.get(&annas).await.csrf()), ("beslut", "godkann")],
        )
        .await;
    assert_eq!(p.status, 403);
    let p = staff
        .post_raw(
            &decide,
            &[
                ("_csrf", &list.csrf()),
                ("beslut", "avsla"),
                ("skal", "Salen renoveras i december."),
            ],
        )
        .await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Avslaget: 1 tider"), "{}", p.text());
    assert!(anna.get(&annas).await.text().contains("Salen renoveras i december."));
    // The time is free again: Bo asks, and staff approve.
    let p = book_private(&bo, r, "2026-12-10", "19:00", "21:00").await;
    assert_eq!(p.status, 303);
    let bos_id = p
        .location
        .unwrap()
        .split('/')
        .next_back()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let p = staff
        .post_raw(
            &format!("/sala/lokaler/bokningar/{bos_id}/beslut"),
            &[("_csrf", &list.csrf()), ("beslut", "godkann")],
        )
        .await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Det finns inga förfrågningar att besvara"));

    app.run_jobs().await;
    let got = sink.received();
    let subjects: Vec<(String, String)> = got.iter().map(|m| (m.to.join(","), squash(&m.subject()))).collect();
    for (to, subject) in [
        (
            "anna@example.se",
            "Förfrågan skickad: Föreläsningssalen, Föreläsningssalen (lokal)",
        ),
        (
            "lokaler@sala.example",
            "Ny förfrågan om Föreläsningssalen, Föreläsningssalen (lokal)",
        ),
        (
            "anna@example.se",
            "Avslagen: Föreläsningssalen, Föreläsningssalen (lokal)",
        ),
        ("bo@example.se", "Godkänd: Föreläsningssalen, Föreläsningssalen (lokal)"),
    ] {
        assert!(
            subjects.contains(&(to.to_string(), squash(subject))),
            "{subject} to {to}: {subjects:?}"
        );
    }
    let rejected = got
        .iter()
        .find(|m| squash(&m.subject()).starts_with("Avslagen"))
        .unwrap();
    assert!(
        rejected.body().contains("Salen renoveras i december."),
        "{}",
        rejected.body()
    );
    // The approval carries the booking as a calendar file at 19:00 local (18:00 UTC), given in
    // Swedish time with its zone.
    let approved = got
        .iter()
        .find(|m| squash(&m.subject()).starts_with("Godkänd"))
        .unwrap();
    let ps = parts(&approved.data);
    let (h, ics) = ps
        .iter()
        .find(|p| p.0.to_ascii_lowercase().contains("text/calendar"))
        .expect("an .ics part");
    assert!(h.contains("bokning.ics"), "{h}");
    let cal = parse_ics(ics);
    assert_stockholm_zone(&cal);
    assert_eq!(
        local_time(&cal.events[0].properties, "DTSTART"),
        "Europe/Stockholm:20261210T190000"
    );
    // The request's receipt has no calendar file (nothing is booked yet).
    let receipt = got
        .iter()
        .find(|m| squash(&m.subject()).starts_with("Förfrågan"))
        .unwrap();
    assert!(!receipt.data.to_ascii_lowercase().contains("text/calendar"));
    app.stop().await;
}

async fn roles_and_municipalities(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let orebro = app.municipality("orebro", "Örebro kommun").await;
    let (hall, _) = representative(&app, "hembygd@example.se", "sala", "Sala hembygdsförening").await;
    let hembygd: (platform::OrganisationId,) =
        sqlx::query_as("SELECT id FROM organisations WHERE name = 'Sala hembygdsförening'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let (_, stugan) = room(
        &app,
        sala,
        "Stora stugan",
        RoomSpec {
            mode: Mode::Request,
            organisation: Some(hembygd.0),
            ..RoomSpec::default()
        },
    )
    .await;
    let (_, municipal) = room(
        &app,
        sala,
        "Föreläsningssalen",
        RoomSpec {
            mode: Mode::Request,
            ..RoomSpec::default()
        },
    )
    .await;
    let (_, orebro_room) = room(&app, orebro, "Örebrosalen", RoomSpec::default()).await;
    let anna = person(&app, "anna@example.se").await;
    let sala_staff = signed_in(&app, "personal@sala.example", RoleKind::Staff, "sala").await;
    let orebro_staff = signed_in(&app, "personal@orebro.example", RoleKind::Coordinator, "orebro").await;

    // Booking requires signing in.
    let anon = app.client();
    let p = anon.get(&format!("/sala/lokaler/rum/{stugan}/boka")).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().contains("/konto/logga-in"));
    // Rooms belong to their municipality.
    assert_eq!(anna.get(&format!("/sala/lokaler/rum/{orebro_room}")).await.status, 404);
    assert_eq!(
        anna.get(&format!("/orebro/lokaler/rum/{stugan}/boka")).await.status,
        404
    );

    let p = book_private(&anna, stugan, "2026-12-12", "12:00", "16:00").await;
    assert_eq!(p.status, 303);
    let stugan_booking = p.location.unwrap().split('?').next().unwrap().to_string();
    let p = book_private(&anna, municipal, "2026-12-12", "12:00", "16:00").await;
    let municipal_booking = p.location.unwrap().split('?').next().unwrap().to_string();

    // The association answers requests for its own premises only; staff for the municipality's.
    let hall_list = hall.get("/sala/lokaler/hantera").await.text();
    assert!(hall_list.contains("Stora stugan"), "{hall_list}");
    assert!(!hall_list.contains("Föreläsningssalen"), "{hall_list}");
    let staff_list = sala_staff.get("/sala/lokaler/hantera").await.text();
    assert!(staff_list.contains("Föreläsningssalen"), "{staff_list}");
    assert!(!staff_list.contains("Stora stugan"), "{staff_list}");
    let token = hall.get("/sala/lokaler/hantera").await.csrf();
    let p = hall
        .post_raw(
            &format!("{municipal_booking}/beslut"),
            &[("_csrf", &token), ("beslut", "godkann")],
        )
        .await;
    assert_eq!(p.status, 404);
    let p = hall
        .post_raw(
            &format!("{stugan_booking}/beslut"),
            &[("_csrf", &token), ("beslut", "godkann")],
        )
        .await;
    assert_eq!(p.status, 200);
    assert!(hall.get(&stugan_booking).await.text().contains("Bokad"));

    // Another municipality's staff see nothing of Sala's bookings.
    let orebro_path = municipal_booking.replace("/sala/", "/orebro/");
    assert_eq!(orebro_staff.get(&orebro_path).await.status, 404);
    assert_eq!(orebro_staff.get(&municipal_booking).await.status, 404);
    let token = orebro_staff.get("/orebro/lokaler/hantera").await.csrf();
    for path in [&orebro_path, &municipal_booking] {
        let p = orebro_staff
            .post_raw(&format!("{path}/beslut"), &[("_csrf", &token), ("beslut", "godkann")])
            .await;
        assert!(p.status == 404 || p.status == 403, "{path}: {}", p.status);
    }
    assert!(!orebro_staff
        .get("/orebro/lokaler/hantera")
        .await
        .text()
        .contains("Föreläsningssalen"));
    assert!(sala_staff
        .get(&municipal_booking)
        .await
        .text()
        .contains("Förfrågan, väntar på svar"));
    // A person without a role has no requests page.
    assert_eq!(anna.get("/sala/lokaler/hantera").await.status, 403);
    // The public week view shows that the time is taken, not by whom.
    let week = anon
        .get(&format!("/sala/lokaler/rum/{stugan}?vecka=2026-W50"))
        .await
        .text();
    assert!(week.contains("12:00–16:00 Bokad"), "{week}");
    assert!(!week.contains("Anna"), "{week}");
    // So does the room's calendar feed.
    let feed = anon.get(&format!("/sala/lokaler/rum/{stugan}/kalender.ics")).await;
    assert_eq!(feed.status, 200);
    assert!(!feed.body.contains("Anna") && !feed.body.contains("anna@"));
    let cal = parse_ics(&feed.body);
    assert_eq!(cal.events.len(), 1);
    assert_stockholm_zone(&cal);
    assert_eq!(
        local_time(&cal.events[0].properties, "DTSTART"),
        "Europe/Stockholm:20261212T120000"
    );
    app.deliver().await;
    app.stop().await;
}

async fn a_person_exports_and_erases_their_bookings(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    let anna = person(&app, "anna@example.se").await;
    let p = book(
        &anna,
        "sala",
        r,
        &[
            ("datum", "2026-12-03"),
            ("fran", "18:00"),
            ("till", "20:00"),
            ("personer", "8"),
            ("bokare", "private"),
            ("namn", "Anna Berg"),
            ("syfte", "Släktträff hos Berg"),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    // A past booking, as if made earlier.
    sqlx::query(
        "INSERT INTO premises_bookings (municipality_id, room_id, user_id, booker_kind, booker_name, email, purpose, \
         attendees, starts_at, ends_at, blocks_until, status, created_at) \
         SELECT municipality_id, room_id, user_id, booker_kind, booker_name, email, 'Förra året', attendees, \
         starts_at - 31536000, ends_at - 31536000, blocks_until - 31536000, 'confirmed', created_at FROM premises_bookings",
    )
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    let (status, data) = anna.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let bookings = data["premises"].as_array().unwrap();
    assert_eq!(bookings.len(), 2, "{data}");
    assert_eq!(bookings[1]["purpose"], "Släktträff hos Berg");
    assert_eq!(bookings[1]["email"], "anna@example.se");
    assert_eq!(bookings[1]["room"], "Stora salen");

    let token = anna.get("/konto").await.csrf();
    let p = anna
        .post_raw("/konto/radera", &[("_csrf", &token), ("confirm", "on")])
        .await;
    assert_eq!(p.status, 200, "{}", p.text());
    // The coming booking is cancelled and its time free; no booking keeps her name or address.
    assert!(active(&app, r)
        .await
        .iter()
        .all(|(s, _, _)| *s < at("2026-01-01", "00:00")));
    let left: Vec<(String, String, String, Option<i64>)> =
        sqlx::query_as("SELECT booker_name, email, purpose, user_id FROM premises_bookings")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(left.len(), 2);
    assert!(
        left.iter()
            .all(|(n, e, p, u)| n == "–" && e.is_empty() && p.is_empty() && u.is_none()),
        "{left:?}"
    );
    let bo = person(&app, "bo@example.se").await;
    assert_eq!(book_private(&bo, r, "2026-12-03", "18:00", "20:00").await.status, 303);
    app.deliver().await;
    app.stop().await;
}
