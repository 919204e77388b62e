//! Participants' personal data: export and erasure per person, and retention that clears
//! contact details a chosen time after the meeting while the counts stay, on both databases.

use crate::common::*;
use testkit::{both, Backend, TestApp};

async fn a_persons_data_is_exported_and_erased_and_counts_stay(backend: Backend) {
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
    register(&app, &app.client(), meeting, "Bo Berg", "bo@example.se", "municipality").await;
    let c = coordinator(&app, "sala").await;
    let page = "/sala/moten/personuppgifter?visa=export";
    let exported = c
        .submit(
            page,
            "/sala/moten/personuppgifter/export",
            &[("epost", "ANNA@example.se")],
        )
        .await;
    assert_eq!(exported.status, 200);
    let json: serde_json::Value = serde_json::from_str(&exported.body).unwrap();
    let r = &json["registrations"][0];
    assert_eq!(r["name"], "Anna Andersson");
    assert_eq!(r["party"], "civil_society");
    assert_eq!(r["dietary"], "Vegetariskt");
    assert!(r["consent_text"].as_str().unwrap().starts_with("Anmälan innebär"));
    assert_eq!(json["registrations"].as_array().unwrap().len(), 1);

    // Erasure needs a confirmation.
    let erase = "/sala/moten/personuppgifter?visa=radera";
    let refused = c
        .submit(
            erase,
            "/sala/moten/personuppgifter/radera",
            &[("email", "anna@example.se")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let done = c
        .submit(
            erase,
            "/sala/moten/personuppgifter/radera",
            &[("email", "anna@example.se"), ("confirm", "on")],
        )
        .await;
    assert_eq!(done.status, 303);
    assert!(c
        .get(&done.location.unwrap())
        .await
        .text()
        .contains("raderade från 1 anmälningar"));
    let list = c.get(&format!("/sala/moten/{meeting}/deltagare")).await.text();
    assert!(
        !list.contains("Anna Andersson") && !list.contains("anna@example.se"),
        "{list}"
    );
    assert!(list.contains("Bo Berg"));
    assert!(list.contains("(uppgifterna är raderade)"), "{list}");
    assert!(list.contains("Civilsamhället 1 0"), "the count stays: {list}");
    let again = c
        .submit(
            page,
            "/sala/moten/personuppgifter/export",
            &[("epost", "anna@example.se")],
        )
        .await;
    let json: serde_json::Value = serde_json::from_str(&again.body).unwrap();
    assert_eq!(json["registrations"].as_array().unwrap().len(), 0);

    // The public and other municipalities' coordinators cannot.
    assert_ne!(app.client().get("/sala/moten/personuppgifter").await.status, 200);
    app.deliver().await;
}

async fn retention_clears_contact_details_after_the_chosen_time(backend: Backend) {
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
    let c = coordinator(&app, "sala").await;
    let refused = c
        .submit(
            "/sala/moten/personuppgifter",
            "/sala/moten/personuppgifter/lagring",
            &[("days", "0")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let saved = c
        .submit(
            "/sala/moten/personuppgifter",
            "/sala/moten/personuppgifter/lagring",
            &[("days", "30")],
        )
        .await;
    assert!(saved.text().contains("Lagringstiden är sparad."));

    // The meeting ends 2026-12-10 20:00 UTC. 29 days later the details are there; 31 days later
    // the hourly job has removed them, and the counts per party remain.
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2027-01-08T20:00:00Z")
            .unwrap()
            .into(),
    );
    app.run_jobs().await;
    let names = |app: &TestApp| {
        let pool = app.state.db.pool.clone();
        async move {
            let v: Vec<(String,)> =
                sqlx::query_as("SELECT name FROM meetings_registrations WHERE name <> '' ORDER BY id")
                    .fetch_all(&pool)
                    .await
                    .unwrap();
            v.into_iter().map(|r| r.0).collect::<Vec<_>>()
        }
    };
    assert_eq!(names(&app).await, ["Anna Andersson", "Carl Ek"]);
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2027-01-10T21:00:00Z")
            .unwrap()
            .into(),
    );
    app.run_jobs().await;
    assert!(names(&app).await.is_empty());
    // (The coordinator's session from a month ago has expired: log in again.)
    let c = app.client();
    c.login("samordnare@sala.example", testkit::PASSWORD).await;
    let list = c.get(&format!("/sala/moten/{meeting}/deltagare")).await.text();
    assert!(
        !list.contains("Anna Andersson") && !list.contains("carl@example.se"),
        "{list}"
    );
    assert!(
        list.contains("Civilsamhället 1 0") && list.contains("Förtroendevald 1 0"),
        "{list}"
    );
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM meetings_registrations WHERE email <> '' OR name <> ''")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
    let (_, json) = app.client().get_json("/api/v1/sala/meetings").await;
    assert_eq!(json["meetings"][0]["registered"], 2);
}

async fn a_participant_sees_and_erases_their_own_data_through_their_link(backend: Backend) {
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
    register(&app, &app.client(), meeting, "Bo Berg", "bo@example.se", "guest").await;
    let own = format!("{}/uppgifter", cancel_path(&done.body));
    let page = anna.get(&own).await;
    let text = page.text();
    assert!(
        text.contains("Namn: Anna Andersson") && text.contains("Önskemål om mat (allergier, specialkost): Vegetariskt"),
        "{text}"
    );
    let token = page.csrf();
    assert_eq!(anna.post_raw(&own, &[("_csrf", token.as_str())]).await.status, 303);
    assert!(anna.get(&own).await.text().contains("Dina uppgifter är raderade"));
    // Bo gets the seat; nothing of Anna is left but the count of a cancelled registration.
    assert_eq!(statuses(&app, meeting).await, (1, 0, 1));
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM meetings_registrations WHERE name = 'Anna Andersson' OR email = 'anna@example.se'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(n, 0);
    assert_eq!(
        app.client().get("/sala/moten/avanmalan/gissat/uppgifter").await.status,
        404
    );
    app.deliver().await;
}

both!(
    a_participant_sees_and_erases_their_own_data_through_their_link,
    a_persons_data_is_exported_and_erased_and_counts_stay,
    retention_clears_contact_details_after_the_chosen_time,
);
