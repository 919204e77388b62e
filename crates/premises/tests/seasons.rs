//! Seasonal allocation over HTTP, on both databases: associations apply for weekly times,
//! staff see conflicts side by side, allocate by "children and youth first", publish (weekly
//! bookings, e-mail to every applicant), a publication that meets an existing booking names its
//! dates, and only the municipality's staff may allocate.

use crate::seasons_common::*;
use platform::auth::RoleKind;
use premises::domain;
use testkit::{both, Backend, Client, TestApp};

async fn bookings_of(app: &TestApp, booker: &str) -> Vec<(String, i64, i64)> {
    sqlx::query_as("SELECT status, starts_at, ends_at FROM premises_bookings WHERE booker_name = $1 ORDER BY starts_at")
        .bind(booker)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

async fn apply_allocate_children_first_and_publish(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let chess = representative(&app, "ordf@schack.example", "Sala Schacksällskap").await;
    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    let seniors = representative(&app, "info@spf.example", "SPF Seniorerna Sala").await;

    // Errors are shown per field, in Swedish: past closing time, more than the room holds.
    let refused = apply(
        &chess,
        &s,
        "2",
        "21:00",
        "23:00",
        "adults",
        "100",
        "ordf@schack.example",
    )
    .await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    assert!(text.contains("Lokalen är öppen 08:00–22:00 den dagen."), "{text}");
    assert!(text.contains("Lokalen rymmer högst 40 personer."), "{text}");
    assert!(refused.body.contains("aria-invalid=\"true\""));

    // The chess club applies first (adults, 20), IFK later for an overlapping time (children and
    // youth, 25); the seniors on Wednesdays, without conflict.
    let ok = apply(&chess, &s, "2", "18:00", "20:00", "adults", "20", "ordf@schack.example").await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert!(ok.text().contains("Ansökan är skickad."));
    assert!(ok.text().contains("Stora salen, Täljstenen"));
    app.clock.advance(chrono::Duration::hours(1));
    // An hour idle ends a staff session (30 minutes): the staff member signs in again.
    s.staff.login("lokaler@sala.example", testkit::PASSWORD).await;
    apply(
        &ifk,
        &s,
        "2",
        "18:30",
        "20:00",
        "children_youth",
        "25",
        "kansli@ifksala.example",
    )
    .await;
    apply(&seniors, &s, "3", "10:00", "12:00", "seniors", "12", "info@spf.example").await;
    let chess_id = application_id(&app, "Sala Schacksällskap").await;
    let ifk_id = application_id(&app, "IFK Sala").await;
    let spf_id = application_id(&app, "SPF Seniorerna Sala").await;

    // Staff see the conflict side by side: one table whose columns are the two applications.
    let path = format!("/sala/lokaler/sasong/{}", s.season);
    let page = s.staff.get(&format!("{path}?regel=children_youth_first")).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(
        text.contains("Krock: 2 ansökningar om Stora salen, Täljstenen, tisdagar 18:00–20:00"),
        "{text}"
    );
    assert!(text.contains("Ingen krock: Stora salen, Täljstenen, onsdagar 10:00–12:00"));
    let conflict = page.body.split("<table").find(|t| t.contains("Krock:")).unwrap();
    let head = conflict.split("</thead>").next().unwrap();
    assert!(head.contains(&format!("id=\"app-{chess_id}\"")) && head.contains(&format!("id=\"app-{ifk_id}\"")));
    assert!(head.contains("Sala Schacksällskap") && head.contains("IFK Sala"));
    assert!(text.contains("Avslå, tiden går till IFK Sala"), "{text}");
    let reason = "Tiden gick till IFK Sala enligt prioriteringsordningen: barn och unga först.";
    assert!(page.body.contains(reason));
    // By first come the chess club would have it.
    let first_come = s.staff.get(&format!("{path}?regel=first_come")).await.text();
    assert!(first_come.contains("Avslå, tiden går till Sala Schacksällskap"));

    // A rejection needs a reason.
    let token = page.csrf();
    let (c, i, p) = (
        format!("decision-{chess_id}"),
        format!("decision-{ifk_id}"),
        format!("decision-{spf_id}"),
    );
    let (rc, ri, rp) = (
        format!("reason-{chess_id}"),
        format!("reason-{ifk_id}"),
        format!("reason-{spf_id}"),
    );
    let no_reason = s
        .staff
        .post_raw(
            &path,
            &[
                ("_csrf", &token),
                ("rule", "children_youth_first"),
                (&c, "rejected"),
                (&rc, " "),
                (&i, "allocated"),
                (&ri, ""),
                (&p, "allocated"),
                (&rp, ""),
            ],
        )
        .await;
    assert_eq!(no_reason.status, 422);
    assert!(no_reason
        .text()
        .contains("Skriv skälet till avslaget för Sala Schacksällskap."));

    // Staff take the proposal as it stands.
    let saved = s
        .staff
        .post_raw(
            &path,
            &[
                ("_csrf", &token),
                ("rule", "children_youth_first"),
                (&c, "rejected"),
                (&rc, reason),
                (&i, "allocated"),
                (&ri, ""),
                (&p, "allocated"),
                (&rp, ""),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert!(saved.text().contains("Besluten är sparade."));
    // Nothing is booked or told before publication; the applicant still sees "not decided".
    assert!(bookings_of(&app, "IFK Sala").await.is_empty());
    let mine = chess
        .get(&format!("/sala/lokaler/sasong/{}/ansok", s.season))
        .await
        .text();
    assert!(mine.contains("Inte beslutad") && !mine.contains(reason), "{mine}");

    // Publish: weekly bookings for the season, confirmed although the room takes requests.
    let published = s.staff.submit(&path, &format!("{path}/publicera"), &[]).await;
    assert_eq!(published.status, 200, "{}", published.text());
    assert!(
        published
            .text()
            .contains("Publicerat: 2 beviljade ansökningar (22 bokningar) och 1 avslagna."),
        "{}",
        published.text()
    );
    let ifk_bookings = bookings_of(&app, "IFK Sala").await;
    assert_eq!(ifk_bookings.len(), 11, "Tuesdays 2027-01-12 to 2027-03-23");
    assert!(ifk_bookings.iter().all(|b| b.0 == "confirmed"));
    let first = &ifk_bookings[0];
    assert_eq!(domain::local_date(first.1).to_string(), "2027-01-12");
    assert_eq!(
        (domain::clock(first.1), domain::clock(first.2)),
        ("18:30".into(), "20:00".into())
    );
    assert_eq!(domain::local_date(ifk_bookings[10].1).to_string(), "2027-03-23");
    // 18:30 local stays 18:30 across the change to summer time (2027-03-28 is after the last).
    assert!(ifk_bookings.iter().all(|b| domain::clock(b.1) == "18:30"));
    assert_eq!(bookings_of(&app, "SPF Seniorerna Sala").await.len(), 11);
    assert!(bookings_of(&app, "Sala Schacksällskap").await.is_empty());
    let (series,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM premises_applications WHERE series_id IS NOT NULL AND decided_at IS NOT NULL",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(series, 2);

    // Every applicant is told the result.
    app.run_jobs().await;
    let mail = app.outbox().await;
    let to = |who: &str| mail.iter().filter(|(t, _, _)| t == who).cloned().collect::<Vec<_>>();
    let chess_mail = to("ordf@schack.example");
    assert_eq!(chess_mail.len(), 1, "{mail:?}");
    assert_eq!(chess_mail[0].1, "Ej beviljad tid: Stora salen, Täljstenen");
    assert!(
        chess_mail[0].2.contains(&format!("Skäl: {reason}")),
        "{}",
        chess_mail[0].2
    );
    assert!(chess_mail[0].2.contains("tisdagar 18:00–20:00"));
    let ifk_mail = to("kansli@ifksala.example");
    assert_eq!(ifk_mail.len(), 1);
    assert_eq!(ifk_mail[0].1, "Beviljad tid: Stora salen, Täljstenen");
    assert!(ifk_mail[0].2.contains("tisdagar 18:30–20:00"), "{}", ifk_mail[0].2);
    assert!(
        ifk_mail[0].2.contains("från 2027-01-12 till 2027-03-23 (11 gånger)"),
        "{}",
        ifk_mail[0].2
    );
    assert_eq!(to("info@spf.example").len(), 1);
    assert_eq!(mail.len(), 3, "no other mail: {mail:?}");

    // The applicant sees the result and its reason.
    let mine = chess
        .get(&format!("/sala/lokaler/sasong/{}/ansok", s.season))
        .await
        .text();
    assert!(mine.contains("Avslagen") && mine.contains(reason), "{mine}");
    // Published decisions are locked; publishing again books and tells nothing new.
    let again = s.staff.submit(&path, &format!("{path}/publicera"), &[]).await;
    assert!(again
        .text()
        .contains("Publicerat: 0 beviljade ansökningar (0 bokningar) och 0 avslagna."));
    assert_eq!(bookings_of(&app, "IFK Sala").await.len(), 11);
    app.run_jobs().await;
    assert_eq!(app.outbox().await.len(), 3);
    let list = s.staff.get("/sala/lokaler/sasong").await.text();
    assert!(list.contains("Vårsäsong 2027") && list.contains("Publicerad"), "{list}");
    let _ = s.id;
}

async fn a_publication_that_meets_a_booking_names_the_dates(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    let seniors = representative(&app, "info@spf.example", "SPF Seniorerna Sala").await;
    apply(
        &ifk,
        &s,
        "2",
        "18:30",
        "20:00",
        "children_youth",
        "25",
        "kansli@ifksala.example",
    )
    .await;
    apply(&seniors, &s, "3", "10:00", "12:00", "seniors", "12", "info@spf.example").await;
    let pro = representative(&app, "pro@pro.example", "PRO Sala").await;
    apply(&pro, &s, "3", "10:30", "11:30", "seniors", "8", "pro@pro.example").await;

    // Someone booked Tuesday 2027-02-09 19:00–21:00 in the meantime.
    let day = domain::parse_date("2027-02-09").unwrap();
    let (from, to) = (domain::local(day, 1140).unwrap(), domain::local(day, 1260).unwrap());
    sqlx::query(
        "INSERT INTO premises_bookings (municipality_id, room_id, booker_kind, booker_name, email, attendees, \
         starts_at, ends_at, blocks_until, status, created_at) \
         VALUES ($1, $2, 'private', 'Kalle Karlsson', 'kalle@example.se', 10, $3, $4, $4, 'confirmed', 0)",
    )
    .bind(s.id)
    .bind(s.room)
    .bind(from)
    .bind(to)
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    // Staff save the proposal (both allocated) and publish.
    let path = format!("/sala/lokaler/sasong/{}", s.season);
    let ifk_id = application_id(&app, "IFK Sala").await;
    let spf_id = application_id(&app, "SPF Seniorerna Sala").await;
    let pro_id = application_id(&app, "PRO Sala").await;
    let (i, p, r) = (
        format!("decision-{ifk_id}"),
        format!("decision-{spf_id}"),
        format!("decision-{pro_id}"),
    );
    let page = s.staff.get(&path).await;
    let token = page.csrf();
    let saved = s
        .staff
        .post_raw(
            &path,
            &[
                ("_csrf", &token),
                ("rule", "children_youth_first"),
                (&i, "allocated"),
                (&p, "allocated"),
                (&r, "allocated"),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.text());
    let published = s.staff.submit(&path, &format!("{path}/publicera"), &[]).await;
    let text = published.text();
    assert!(text.contains("Några beviljade tider kunde inte bokas"), "{text}");
    assert!(
        text.contains(
            "IFK Sala (Stora salen, Täljstenen, tisdagar 18:30–20:00): krockar med befintliga bokningar 2027-02-09"
        ),
        "{text}"
    );
    assert!(text.contains("Publicerat: 1 beviljade ansökningar (11 bokningar) och 0 avslagna."));
    // Staff overrode the proposal and allocated both seniors' associations the same Wednesday
    // morning: the first in order is booked, the other is refused on every date, never double booked.
    assert!(
        text.contains(
            "PRO Sala (Stora salen, Täljstenen, onsdagar 10:30–11:30): krockar med befintliga bokningar 2027-01-13, 2027-01-20"
        ),
        "{text}"
    );
    assert!(bookings_of(&app, "PRO Sala").await.is_empty());

    // IFK's application waits with the dates named; none of its times were booked, the
    // existing booking stands, and IFK got no mail; the seniors got theirs.
    let (status, reason, decided): (String, String, Option<i64>) =
        sqlx::query_as("SELECT status, reason, decided_at FROM premises_applications WHERE id = $1")
            .bind(ifk_id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(status, "pending");
    assert!(reason.contains("2027-02-09"), "{reason}");
    assert_eq!(decided, None);
    assert!(bookings_of(&app, "IFK Sala").await.is_empty());
    assert_eq!(bookings_of(&app, "Kalle Karlsson").await.len(), 1);
    assert_eq!(bookings_of(&app, "SPF Seniorerna Sala").await.len(), 11);
    app.run_jobs().await;
    let mail = app.outbox().await;
    assert!(mail.iter().all(|m| m.0 != "kansli@ifksala.example"), "{mail:?}");
    assert_eq!(mail.iter().filter(|m| m.0 == "info@spf.example").count(), 1);

    // The page still shows it as undecided, with the reason, for staff to decide again.
    let again = s.staff.get(&path).await;
    assert!(again.body.contains("2027-02-09"));
    assert!(again.body.contains(&format!("id=\"decision-{ifk_id}\"")));
}

async fn only_the_municipality_s_staff_allocate(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    apply(
        &ifk,
        &s,
        "2",
        "18:30",
        "20:00",
        "children_youth",
        "25",
        "kansli@ifksala.example",
    )
    .await;
    let path = format!("/sala/lokaler/sasong/{}", s.season);

    // A representative sees open seasons and may apply, but not allocate or publish.
    let list = ifk.get("/sala/lokaler/sasong").await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("Sök tider"));
    assert!(!list.body.contains("name=\"first_date\""));
    assert_eq!(ifk.get(&path).await.status, 403);
    let token = list.csrf();
    assert_eq!(
        ifk.post_raw(&format!("{path}/publicera"), &[("_csrf", &token)])
            .await
            .status,
        403
    );
    assert_eq!(
        ifk.post_raw(
            "/sala/lokaler/sasong",
            &[
                ("_csrf", &token),
                ("name", "Egen"),
                ("first_date", "2027-01-11"),
                ("last_date", "2027-03-28"),
                ("apply_until", "2026-12-15"),
            ]
        )
        .await
        .status,
        403
    );
    // Without an account: to the login page.
    let anonymous = app.client().get(&path).await;
    assert_eq!(anonymous.status, 303);
    assert!(anonymous.location.unwrap().starts_with("/konto/logga-in"));

    // Örebro's staff can neither see nor change Sala's season, through either address.
    app.municipality("orebro", "Örebro kommun").await;
    app.user("lokaler@orebro.example", Some((RoleKind::Staff, Some("orebro"))))
        .await;
    let orebro = login(&app, "lokaler@orebro.example").await;
    assert_eq!(orebro.get(&path).await.status, 403);
    let other = format!("/orebro/lokaler/sasong/{}", s.season);
    assert_eq!(orebro.get(&other).await.status, 404);
    let own = orebro.get("/orebro/lokaler/sasong").await;
    assert!(!own.text().contains("Vårsäsong 2027"));
    let token = own.csrf();
    assert_eq!(
        orebro
            .post_raw(&format!("{other}/publicera"), &[("_csrf", &token)])
            .await
            .status,
        404
    );
    assert_eq!(
        orebro
            .post_raw(&format!("{path}/publicera"), &[("_csrf", &token)])
            .await
            .status,
        403
    );
    let ifk_id = application_id(&app, "IFK Sala").await;
    let field = format!("decision-{ifk_id}");
    assert_eq!(
        orebro
            .post_raw(&other, &[("_csrf", &token), (&field, "rejected")])
            .await
            .status,
        404
    );
    let (status,): (String,) = sqlx::query_as("SELECT status FROM premises_seasons WHERE id = $1")
        .bind(s.season)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "open");
    let (decision,): (String,) = sqlx::query_as("SELECT status FROM premises_applications WHERE id = $1")
        .bind(ifk_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(decision, "pending");

    // Someone who represents no association in Sala cannot apply.
    app.representative("kassor@orebro-fk.example", "orebro", "Örebro FK")
        .await;
    let outsider = login(&app, "kassor@orebro-fk.example").await;
    let apply_path = format!("/sala/lokaler/sasong/{}/ansok", s.season);
    let page = outsider.get(&apply_path).await;
    assert!(page
        .text()
        .contains("Bara den som företräder en förening kan söka tider."));
    let token = page.csrf();
    assert_eq!(
        outsider
            .post_raw(&apply_path, &[("_csrf", &token), ("room", &s.room.to_string())])
            .await
            .status,
        403
    );

    // After the last day to apply, nothing more is taken.
    app.clock.advance(chrono::Duration::days(23)); // 2026-12-16
                                                   // Sessions end after idle time: sign in again.
    ifk.login("kansli@ifksala.example", testkit::PASSWORD).await;
    s.staff.login("lokaler@sala.example", testkit::PASSWORD).await;
    let closed = ifk.get(&apply_path).await;
    assert!(
        closed
            .text()
            .contains("Ansökan är stängd. Sista ansökningsdag var 2026-12-15."),
        "{}",
        closed.text()
    );
    let late = apply_late(&ifk, &s).await;
    assert_eq!(late.status, 422);
    assert!(late.text().contains("Ansökan är stängd."));
    let list = s.staff.get("/sala/lokaler/sasong").await.text();
    assert!(list.contains("Stängd för ansökan"), "{list}");
    assert!(!ifk.get("/sala/lokaler/sasong").await.text().contains("Vårsäsong 2027"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM premises_applications")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

async fn apply_late(c: &Client, s: &Sala) -> testkit::Page {
    let path = format!("/sala/lokaler/sasong/{}/ansok", s.season);
    let token = c.get(&path).await.csrf();
    let room = s.room.to_string();
    c.post_raw(
        &path,
        &[
            ("_csrf", token.as_str()),
            ("room", room.as_str()),
            ("weekday", "4"),
            ("start", "18:00"),
            ("end", "19:00"),
            ("target_group", "adults"),
            ("attendees", "5"),
            ("email", "a@example.se"),
        ],
    )
    .await
}

async fn staff_create_a_season_with_checked_dates(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let bad = s
        .staff
        .submit(
            "/sala/lokaler/sasong",
            "/sala/lokaler/sasong",
            &[
                ("name", ""),
                ("first_date", "2027-03-01"),
                ("last_date", "2027-02-01"),
                ("apply_until", "2027-04-01"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    let text = bad.text();
    for msg in [
        "Skriv ett namn på säsongen.",
        "Sista dagen måste komma efter första dagen.",
        "Sista ansökningsdag måste vara senast första dagen i säsongen.",
    ] {
        assert!(text.contains(msg), "{msg}: {text}");
    }
    let list = s.staff.get("/sala/lokaler/sasong").await.text();
    assert!(
        list.contains("Vårsäsong 2027") && list.contains("Öppen för ansökan"),
        "{list}"
    );

    // The demo's season: a conflict on Tuesday evenings, shown in English.
    let (_, ifk) = app.representative("kansli@ifksala.example", "sala", "IFK Sala").await;
    let (_, chess) = app
        .representative("ordf@schack.example", "sala", "Sala Schacksällskap")
        .await;
    let applicants = [
        premises::seasons::store::DemoApplicant {
            organisation_id: chess,
            name: "Sala Schacksällskap",
            email: "ordf@schack.example",
        },
        premises::seasons::store::DemoApplicant {
            organisation_id: ifk,
            name: "IFK Sala",
            email: "kansli@ifksala.example",
        },
    ];
    let demo = premises::seasons::store::demo(&app.state.db, s.id, s.room, &applicants, app.state.now())
        .await
        .unwrap();
    let list = s.staff.get("/sala/lokaler/sasong").await;
    let token = list.csrf();
    let path = format!("/sala/lokaler/sasong/{demo}");
    let switched = s
        .staff
        .post_raw("/sprak", &[("_csrf", &token), ("lang", "en"), ("next", &path)])
        .await;
    assert_eq!(switched.status, 303);
    let en = s.staff.get(&path).await;
    assert_eq!(en.status, 200);
    let text = en.text();
    assert!(
        text.contains("Conflict: 2 applications for Stora salen, Täljstenen, Tuesdays 18:00–20:30"),
        "{text}"
    );
    assert!(text.contains("Reject, the time goes to IFK Sala"), "{text}");
    // The stored reason is in Swedish whatever the staff member reads: the applicant reads it.
    assert!(en
        .body
        .contains("Tiden gick till IFK Sala enligt prioriteringsordningen: barn och unga först."));
}

both!(
    apply_allocate_children_first_and_publish,
    a_publication_that_meets_a_booking_names_the_dates,
    only_the_municipality_s_staff_allocate,
    staff_create_a_season_with_checked_dates,
);
