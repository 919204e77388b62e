//! A season's lifecycle over HTTP, on both databases (issue 15): the coordinator closes a season
//! early, lists holidays that the allocated weekly times skip (and applicants see), and an
//! applicant changes or withdraws their own application until the deadline, never after it nor
//! once it is decided, and never someone else's.

use crate::seasons_common::*;
use premises::domain;
use testkit::{both, Backend, Client, TestApp};

async fn audited(app: &TestApp, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

async fn applications(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM premises_applications")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

/// Post the application form to `path` (a new one, or `?andra=` a change) with these times.
async fn post_times(c: &Client, s: &Sala, path: &str, weekday: &str, start: &str, end: &str) -> testkit::Page {
    let page = c.get(path).await;
    let org = page
        .body
        .split("name=\"organisation\"")
        .nth(1)
        .and_then(|r| r.split("value=\"").nth(1))
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let room = s.room.to_string();
    let token = page.csrf();
    c.post_raw(
        path,
        &[
            ("_csrf", token.as_str()),
            ("organisation", org.as_str()),
            ("room", room.as_str()),
            ("weekday", weekday),
            ("start", start),
            ("end", end),
            ("target_group", "adults"),
            ("attendees", "15"),
            ("email", "ordf@schack.example"),
            ("note", "Ändrad tid."),
        ],
    )
    .await
}

async fn the_coordinator_closes_a_season_early(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let chess = representative(&app, "ordf@schack.example", "Sala Schacksällskap").await;
    apply(&chess, &s, "2", "18:00", "20:00", "adults", "20", "ordf@schack.example").await;
    let path = format!("/sala/lokaler/sasong/{}", s.season);
    let before = s.staff.get(&path).await;
    assert!(before.text().contains("Stäng ansökan nu"), "{}", before.text());

    app.clock.advance(chrono::Duration::minutes(5));
    let when = platform::format::datetime(app.state.now());
    let closed = s.staff.submit(&path, &format!("{path}/stang"), &[]).await;
    assert_eq!(closed.status, 303, "{}", closed.text());
    let page = s.staff.get(&path).await.text();
    assert!(
        page.contains(&format!("Samordnaren stängde ansökan i förtid {when}.")),
        "{page}"
    );
    assert!(page.contains("Stängd") && !page.contains("Stäng ansökan nu"), "{page}");
    assert_eq!(audited(&app, "premises.season.close").await, 1);

    // Applications stop from that moment, though the last day to apply (2026-12-15) is ahead.
    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    let apply_path = format!("/sala/lokaler/sasong/{}/ansok", s.season);
    let form = ifk.get(&apply_path).await.text();
    assert!(
        form.contains(&format!("Samordnaren stängde säsongen i förtid {when}.")),
        "{form}"
    );
    let token = ifk.get(&apply_path).await.csrf();
    let room = s.room.to_string();
    let late = ifk
        .post_raw(
            &apply_path,
            &[
                ("_csrf", token.as_str()),
                ("room", room.as_str()),
                ("weekday", "3"),
                ("start", "10:00"),
                ("end", "12:00"),
                ("target_group", "seniors"),
                ("attendees", "12"),
                ("email", "kansli@ifksala.example"),
            ],
        )
        .await;
    assert_eq!(late.status, 422, "{}", late.text());
    assert_eq!(applications(&app).await, 1);
    // The season is no longer offered to applicants.
    assert!(!ifk.get("/sala/lokaler/sasong").await.text().contains("Vårsäsong 2027"));
    // Closing again changes nothing.
    s.staff
        .post_raw(&format!("{path}/stang"), &[("_csrf", &closed_token(&s, &path).await)])
        .await;
    assert_eq!(audited(&app, "premises.season.close").await, 1);
}

async fn closed_token(s: &Sala, path: &str) -> String {
    s.staff.get(path).await.csrf()
}

async fn holidays_are_skipped_by_allocated_times_and_shown_to_applicants(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let path = format!("/sala/lokaler/sasong/{}", s.season);
    let holidays = format!("{path}/helgdagar");
    // Invented holidays inside the test season (2027-01-11 to 2027-03-28): a Tuesday and a
    // Wednesday; a real one such as 2027-04-02 Långfredag falls after it.
    let refused = s
        .staff
        .submit(&holidays, &holidays, &[("holidays", "påsk\n2027-04-02 Långfredag")])
        .await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    assert!(text.contains("Raden ”påsk” börjar inte med ett datum"), "{text}");
    assert!(
        text.contains("2027-04-02 ligger utanför säsongen (2027-01-11 – 2027-03-28)."),
        "{text}"
    );
    let saved = s
        .staff
        .submit(
            &holidays,
            &holidays,
            &[("holidays", "2027-02-16 Sportlovsdag\n2027-01-13 Studiedag")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let page = s.staff.get(&path).await.text();
    assert!(
        page.contains("2027-01-13 Studiedag") && page.contains("2027-02-16 Sportlovsdag"),
        "{page}"
    );
    assert_eq!(audited(&app, "premises.season.holidays").await, 1);

    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    let form = ifk
        .get(&format!("/sala/lokaler/sasong/{}/ansok", s.season))
        .await
        .text();
    assert!(
        form.contains("Helgdagar") && form.contains("2027-02-16 Sportlovsdag"),
        "{form}"
    );
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
    let id = application_id(&app, "IFK Sala").await;

    let page = s.staff.get(&path).await;
    let (d, r) = (format!("decision-{id}"), format!("reason-{id}"));
    let token = page.csrf();
    let ok = s
        .staff
        .post_raw(
            &path,
            &[("_csrf", &token), ("rule", "first_come"), (&d, "allocated"), (&r, "")],
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    let published = s.staff.submit(&path, &format!("{path}/publicera"), &[]).await;
    assert!(
        published
            .text()
            .contains("Publicerat: 1 beviljade ansökningar (10 bokningar)"),
        "{}",
        published.text()
    );
    let days: Vec<String> = sqlx::query_as::<_, (i64,)>(
        "SELECT starts_at FROM premises_bookings WHERE booker_name = 'IFK Sala' ORDER BY starts_at",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(t,)| domain::local_date(t).to_string())
    .collect();
    assert_eq!(
        days.len(),
        10,
        "Tuesdays 2027-01-12 to 2027-03-23 but 2027-02-16: {days:?}"
    );
    assert!(!days.contains(&"2027-02-16".to_string()) && days.contains(&"2027-02-23".to_string()));
    app.deliver().await;
    // A published season's holidays no longer change.
    let late = s
        .staff
        .post_raw(&holidays, &[("_csrf", &token), ("holidays", "")])
        .await;
    assert_eq!(late.status, 409);
    assert!(late.text().contains("Helgdagarna kan inte ändras längre."));
}

async fn applicants_change_or_withdraw_their_own_until_the_deadline(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let chess = representative(&app, "ordf@schack.example", "Sala Schacksällskap").await;
    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    let apply_path = format!("/sala/lokaler/sasong/{}/ansok", s.season);
    apply(&chess, &s, "2", "18:00", "20:00", "adults", "20", "ordf@schack.example").await;
    let id = application_id(&app, "Sala Schacksällskap").await;

    // The chess club changes its time: the form comes filled in.
    let edit = format!("{apply_path}?andra={id}");
    let form = chess.get(&edit).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Ändra ansökan"), "{}", form.text());
    assert!(form.body.contains("value=\"18:00\"") && form.body.contains("value=\"20:00\""));
    let changed = post_times(&chess, &s, &edit, "4", "17:00", "19:00").await;
    assert_eq!(changed.status, 200, "{}", changed.text());
    let text = changed.text();
    assert!(
        text.contains("Ansökan är ändrad.") && text.contains("torsdagar 17:00–19:00"),
        "{text}"
    );
    assert!(!text.contains("tisdagar 18:00–20:00"));
    assert_eq!(audited(&app, "premises.season.application.edit").await, 1);
    // A change is checked as an application is.
    let wrong = post_times(&chess, &s, &edit, "4", "21:00", "23:00").await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains("Lokalen är öppen 08:00–22:00 den dagen."));

    // Someone else's application is not there to change or withdraw.
    assert_eq!(ifk.get(&format!("{apply_path}?andra={id}")).await.status, 404);
    let token = ifk.get(&apply_path).await.csrf();
    let other = ifk
        .post_raw(
            &format!("/sala/lokaler/sasong/{}/aterta", s.season),
            &[("_csrf", &token), ("application", &id.to_string())],
        )
        .await;
    assert_eq!(other.status, 404);
    assert_eq!(applications(&app).await, 1);

    // IFK applies twice and withdraws one.
    apply(
        &ifk,
        &s,
        "3",
        "10:00",
        "12:00",
        "adults",
        "12",
        "kansli@ifksala.example",
    )
    .await;
    let withdrawn_id = application_id(&app, "IFK Sala").await;
    apply(
        &ifk,
        &s,
        "5",
        "10:00",
        "12:00",
        "adults",
        "12",
        "kansli@ifksala.example",
    )
    .await;
    let page = ifk.get(&apply_path).await;
    assert!(page.body.contains(&format!("id=\"withdraw-{withdrawn_id}\"")));
    let gone = ifk
        .post_raw(
            &format!("/sala/lokaler/sasong/{}/aterta", s.season),
            &[("_csrf", &page.csrf()), ("application", &withdrawn_id.to_string())],
        )
        .await;
    assert_eq!(gone.status, 200, "{}", gone.text());
    let text = gone.text();
    assert!(
        text.contains("Ansökan är återtagen: IFK Sala, Stora salen, Täljstenen."),
        "{text}"
    );
    assert!(!text.contains("onsdagar 10:00–12:00") && text.contains("fredagar 10:00–12:00"));
    assert_eq!(audited(&app, "premises.season.application.withdraw").await, 1);

    // Once staff have allocated it, the chess club's application no longer changes.
    let path = format!("/sala/lokaler/sasong/{}", s.season);
    let token = s.staff.get(&path).await.csrf();
    let (d, r) = (format!("decision-{id}"), format!("reason-{id}"));
    s.staff
        .post_raw(
            &path,
            &[("_csrf", &token), ("rule", "first_come"), (&d, "allocated"), (&r, "")],
        )
        .await;
    let mine = chess.get(&apply_path).await;
    assert!(!mine.body.contains(&format!("?andra={id}")));
    let locked = post_times(&chess, &s, &edit, "4", "17:00", "18:00").await;
    assert_eq!(locked.status, 409);
    assert!(locked
        .text()
        .contains("Ansökan kan inte ändras eller återtas längre: kommunen har redan beslutat om den."));

    // After the last day to apply (2026-12-15) IFK's remaining one no longer changes either.
    let left = application_id(&app, "IFK Sala").await;
    app.clock.advance(chrono::Duration::days(25));
    let ifk = login(&app, "kansli@ifksala.example").await;
    let page = ifk.get(&apply_path).await;
    assert!(!page.body.contains(&format!("id=\"withdraw-{left}\"")));
    let late = ifk
        .post_raw(
            &format!("/sala/lokaler/sasong/{}/aterta", s.season),
            &[("_csrf", &page.csrf()), ("application", &left.to_string())],
        )
        .await;
    assert_eq!(late.status, 409);
    assert!(late
        .text()
        .contains("ansökan är stängd (sista ansökningsdag var 2026-12-15)"));
    assert_eq!(applications(&app).await, 2);
}

both!(
    the_coordinator_closes_a_season_early,
    holidays_are_skipped_by_allocated_times_and_shown_to_applicants,
    applicants_change_or_withdraw_their_own_until_the_deadline,
);
