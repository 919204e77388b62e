//! What the meetings keep about an account holder, through /konto on both databases: the
//! registrations made with the account's address and the group answers they wrote down are in
//! the export; erasing the account clears the registrations' contact details (the seat count
//! stays) and forgets who wrote the answers (their words stay in the minutes).

use crate::common::*;
use testkit::{both, Backend, TestApp};

async fn export_and_erasure_cover_registrations_and_answers(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let email = "samordnare@sala.example";
    let c = coordinator(&app, "sala").await;
    // Registered with the account's address (in other letters: addresses match without case).
    let done = register(
        &app,
        &c,
        meeting,
        "Sam Ordnare",
        "Samordnare@Sala.example",
        "municipality",
    )
    .await;
    assert!(done.text().contains("Du är anmäld"), "{}", done.text());
    // Someone else's registration is not theirs.
    let other = register(
        &app,
        &app.client(),
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "guest",
    )
    .await;
    assert!(other.text().contains("Du är anmäld"), "{}", other.text());

    let edit = format!("/sala/moten/{meeting}/anteckningar/redigera");
    let base = format!("/sala/moten/{meeting}");
    let asked = c
        .submit(
            &edit,
            &format!("{base}/samtal/fraga"),
            &[("question_text", "Är tiden rimlig?")],
        )
        .await;
    assert_eq!(asked.status, 303);
    let (q,): (i64,) = sqlx::query_as("SELECT id FROM meetings_questions")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let answered = c
        .submit(
            &edit,
            &format!("{base}/samtal/svar"),
            &[
                ("question", &q.to_string()),
                ("group_name", "Grupp 1"),
                ("answer_text", "Tiden är rimlig."),
            ],
        )
        .await;
    assert_eq!(answered.status, 303, "{}", answered.text());

    let (status, data) = c.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let mine = &data["meetings"];
    let registrations = mine["registrations"].as_array().unwrap();
    assert_eq!(registrations.len(), 1, "only their own: {data}");
    assert_eq!(registrations[0]["name"], "Sam Ordnare");
    assert_eq!(registrations[0]["email"], email);
    assert_eq!(registrations[0]["dietary"], "Vegetariskt");
    assert_eq!(registrations[0]["meeting"], "Dialogmöte 6, arbete med handlingsplan");
    assert_eq!(mine["group_answers"][0]["text"], "Tiden är rimlig.", "{data}");
    assert_eq!(mine["group_answers"][0]["group"], "Grupp 1");

    let account = c.get("/konto").await;
    let erased = c
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT name, email, dietary FROM meetings_registrations ORDER BY id")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 2, "the count stays: {rows:?}");
    assert!(
        rows.iter()
            .all(|r| !r.0.contains("Sam") && r.1 != email && r.1 != "Samordnare@Sala.example"),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.1 == "anna@example.se"), "Anna's stays: {rows:?}");
    let answers: Vec<(String, Option<i64>)> = sqlx::query_as("SELECT text, written_by_user_id FROM meetings_answers")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(answers, vec![("Tiden är rimlig.".to_string(), None)]);
    app.deliver().await;
}

both!(export_and_erasure_cover_registrations_and_answers);
