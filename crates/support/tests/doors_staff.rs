//! "En dörr in" for the municipality: who sees a case (the assigned department or person and
//! the coordinator; other staff 404, others 403, another municipality 404), routing a topic to a
//! named person, the service level over a weekend and holidays with a set clock, the overdue
//! list, the escalation letter sent once, and the coordinator's CSV export.

use crate::doors_common::*;
use chrono::TimeZone;

async fn only_the_assigned_and_the_coordinator_see_a_case(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let number = ask(&app, &app.client(), "Bidrag och ansökningar", "eva@example.se").await;
    let id = case_id(&app, &number).await;
    let case = format!("{CASES}/{id}");
    let kof = staff_in(&app, "kof@sala.example", Some("Kultur och fritid")).await;
    let other = staff_in(&app, "it@sala.example", Some("IT-enheten")).await;
    let coordinator = app.coordinator("sala").await;
    assert_eq!(kof.get(&case).await.status, 200);
    assert!(kof.get(CASES).await.text().contains(&number));
    assert!(
        kof.get(FORM).await.text().contains("Ärenden i En dörr in"),
        "the way to the cases"
    );
    assert_eq!(coordinator.get(&case).await.status, 200);
    assert!(coordinator.get(CASES).await.text().contains(&number));
    // Staff of another department: not in the list, 404 on the page and its forms.
    assert_eq!(other.get(&case).await.status, 404);
    assert!(!other.get(CASES).await.text().contains(&number));
    let p = other
        .post_raw(
            &format!("{case}/svar"),
            &[("_csrf", &other.get(CASES).await.csrf()), ("body", "Hej")],
        )
        .await;
    assert_eq!(p.status, 404);
    // A resident or a representative: 403; anonymous: the login.
    let (resident, _) = app.signed_in("invanare@example.se", None).await;
    assert_eq!(resident.get(&case).await.status, 403);
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    assert_eq!(rep.get(CASES).await.status, 403);
    let anon = app.client().get(&case).await;
    assert!(anon.location.unwrap_or_default().starts_with("/konto/logga-in"));
    // Another municipality's coordinator under their own address: 404.
    let orebro = app.coordinator("orebro").await;
    assert_eq!(
        orebro.get(&format!("/orebro/en-dorr-in/arenden/{id}")).await.status,
        404
    );
    assert!(!orebro.get("/orebro/en-dorr-in/arenden").await.text().contains(&number));

    // The coordinator routes a new topic to a named person: that person sees its cases,
    // the department does not.
    let person = staff_in(&app, "person@sala.example", None).await;
    let (person_id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = 'person@sala.example'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let topics = "/sala/en-dorr-in/amnen";
    assert_eq!(kof.get(topics).await.status, 403, "only the coordinator");
    let p = coordinator
        .submit(
            topics,
            topics,
            &[
                ("name", "Föreningsstöd för nya föreningar"),
                ("person", &person_id.to_string()),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let p = coordinator
        .submit(topics, topics, &[("name", "Föreningsstöd för nya föreningar")])
        .await;
    assert_eq!(p.status, 422, "the name is taken");
    let p = coordinator
        .submit(topics, topics, &[("name", "Annat"), ("person", "987654321")])
        .await;
    assert_eq!(p.status, 422, "not the municipality's person");
    let number = ask(
        &app,
        &app.client(),
        "Föreningsstöd för nya föreningar",
        "nils@example.se",
    )
    .await;
    let id = case_id(&app, &number).await;
    assert_eq!(case_status(&app, id).await, "assigned");
    assert_eq!(person.get(&format!("{CASES}/{id}")).await.status, 200);
    assert_eq!(kof.get(&format!("{CASES}/{id}")).await.status, 404);

    // The demo's unrouted case: only the coordinator, who routes it by hand to a department.
    let unrouted = case_id(&app, "EDI-2026-0004").await;
    let page = format!("{CASES}/{unrouted}");
    assert_eq!(case_status(&app, unrouted).await, "received");
    assert_eq!(kof.get(&page).await.status, 404);
    let text = coordinator.get(&page).await.text();
    assert!(text.contains("Tilldela ärendet"), "{text}");
    assert!(
        !kof.get(&case).await.text().contains("Tilldela ärendet"),
        "staff do not route"
    );
    let (kof_id,): (i64,) =
        sqlx::query_as("SELECT id FROM departments WHERE name = 'Kultur och fritid' AND municipality_id = $1")
            .bind(app.municipality_id("sala").await)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let kof_id = kof_id.to_string();
    let assign = format!("{page}/tilldela");
    let p = kof
        .post_raw(
            &assign,
            &[("_csrf", &kof.get(CASES).await.csrf()), ("department", kof_id.as_str())],
        )
        .await;
    assert_eq!(p.status, 403);
    let p = coordinator.submit(&page, &assign, &[("department", "987654321")]).await;
    assert_eq!(p.status, 400, "not the municipality's department");
    let p = coordinator
        .submit(&page, &assign, &[("department", kof_id.as_str())])
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(case_status(&app, unrouted).await, "assigned");
    assert_eq!(kof.get(&page).await.status, 200);
    app.deliver().await;
    app.stop().await;
}

async fn the_service_level_counts_working_days_and_escalates_once(backend: Backend) {
    let (app, sink) = with_smtp(backend).await;
    demo(&app).await;
    let coordinator = app.coordinator("sala").await;
    // Five working days, asked on Tuesday 22 December 2026 at 10 in Stockholm: julafton,
    // juldagen, the weekend, nyårsafton, nyårsdagen and the next weekend are not counted:
    // 23, 28, 29 and 30 December and 4 January 2027, the last day.
    let topics = "/sala/en-dorr-in/amnen";
    let p = coordinator
        .submit(topics, "/sala/en-dorr-in/amnen/svarstid", &[("days", "0")])
        .await;
    assert_eq!(p.status, 422);
    let p = coordinator
        .submit(topics, "/sala/en-dorr-in/amnen/svarstid", &[("days", "5")])
        .await;
    assert_eq!(p.status, 303);
    app.clock
        .set(chrono::Utc.with_ymd_and_hms(2026, 12, 22, 9, 0, 0).unwrap());
    // A privileged session does not outlive a jump of the clock: signed in anew after each.
    coordinator.login("samordnare@sala.example", testkit::PASSWORD).await;
    let number = ask(&app, &app.client(), "Bidrag och ansökningar", "eva@example.se").await;
    let id = case_id(&app, &number).await;
    // The letters about this case (the demo's unrouted case is late too, and is told of).
    let coordinator_letters = || {
        letters_to(&sink, "samordnare@sala.example")
            .into_iter()
            .filter(|r| r.subject().contains("Försenat ärende") && r.subject().contains(&number))
            .collect::<Vec<_>>()
    };
    let case = format!("{CASES}/{id}");
    assert!(
        coordinator.get(&case).await.text().contains("2027-01-04"),
        "the last day"
    );
    app.run_jobs().await;
    assert!(coordinator_letters().is_empty());

    // On the last day: not late.
    app.clock
        .set(chrono::Utc.with_ymd_and_hms(2027, 1, 4, 15, 0, 0).unwrap());
    coordinator.login("samordnare@sala.example", testkit::PASSWORD).await;
    app.run_jobs().await;
    assert!(coordinator_letters().is_empty(), "not late on its last day");
    assert!(!coordinator
        .get(&format!("{CASES}?forsenade=ja"))
        .await
        .text()
        .contains(&number));

    // The day after: on the overdue list, and the coordinator is told once.
    app.clock
        .set(chrono::Utc.with_ymd_and_hms(2027, 1, 5, 8, 0, 0).unwrap());
    coordinator.login("samordnare@sala.example", testkit::PASSWORD).await;
    let late = coordinator.get(&format!("{CASES}?forsenade=ja")).await.text();
    assert!(late.contains(&number), "{late}");
    app.run_jobs().await;
    let got = coordinator_letters();
    assert_eq!(got.len(), 1, "one letter");
    assert!(got[0].subject().contains(&number));
    assert!(got[0].body().contains(&format!("/sala/en-dorr-in/arenden/{id}")));
    app.clock.advance(chrono::Duration::hours(3));
    app.run_jobs().await;
    app.clock.advance(chrono::Duration::days(1));
    app.run_jobs().await;
    assert_eq!(coordinator_letters().len(), 1, "told once");
    // The demo's late case was marked escalated by the demo: no letter for it.
    let all = letters_to(&sink, "samordnare@sala.example");
    assert!(
        !all.iter().any(|r| r.subject().contains("EDI-2026-0003")),
        "the demo's escalated case"
    );
    app.stop().await;
}

async fn the_coordinator_exports_the_cases(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let number = ask(&app, &app.client(), "Föreningsregistret", "eva@example.se").await;
    let coordinator = app.coordinator("sala").await;
    let csv = coordinator.get("/sala/en-dorr-in/arenden.csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    let body = csv.body.clone();
    assert!(body.starts_with('\u{feff}'));
    assert!(body.contains("Ärendenummer;Mottaget;Ämne"), "{body}");
    assert!(body.contains(&number));
    assert!(body.contains("EDI-2026-0001"), "the demo's cases too");
    assert!(!body.contains("eva@example.se"), "no addresses");
    let kof = staff_in(&app, "kof@sala.example", Some("Kultur och fritid")).await;
    assert_eq!(kof.get("/sala/en-dorr-in/arenden.csv").await.status, 403);
    app.deliver().await;
    app.stop().await;
}

both!(
    only_the_assigned_and_the_coordinator_see_a_case,
    the_service_level_counts_working_days_and_escalates_once,
    the_coordinator_exports_the_cases,
);
