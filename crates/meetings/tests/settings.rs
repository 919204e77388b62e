//! The settings around meetings: a series' reminder lead time, the public registration form's
//! own rate limit, and the invitation's place with its accessibility text, on both databases.

use crate::common::*;
use std::sync::Arc;
use testkit::{both, Backend, Options, TestApp, TestDb};

async fn series_id(app: &TestApp, meeting: meetings::ids::MeetingId) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT series_id FROM meetings_meetings WHERE id = $1")
        .bind(meeting)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

fn reminded(mail: &[(String, String, String)]) -> Vec<String> {
    mail.iter()
        .filter(|m| m.1.starts_with("Påminnelse"))
        .map(|m| m.0.clone())
        .collect()
}

async fn a_series_sets_how_many_days_before_the_reminder_goes(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    register(&app, &app.client(), meeting, "Anna", "anna@example.se", "civil_society").await;
    let series = series_id(&app, meeting).await;
    let path = format!("/sala/moten/serier/{series}/paminnelse");
    assert_ne!(app.client().get(&path).await.status, 200, "coordinators only");

    let c = coordinator(&app, "sala").await;
    let list = c.get("/sala/moten/serier").await;
    assert!(list.text().contains("2 dagar före"), "{}", list.text());
    let refused = c.submit(&path, &path, &[("remind_days", "90")]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("från 0 till 60"));
    let saved = c.submit(&path, &path, &[("remind_days", "5")]).await;
    assert_eq!(saved.status, 200);
    assert!(saved.text().contains("Påminnelsen går 5 dagar före mötet."));

    // A new series can have 0 days: no reminder.
    let form = c.get("/sala/moten/serier").await;
    assert!(form.body.contains("name=\"remind_days\""));
    let made = c
        .submit(
            "/sala/moten/serier",
            "/sala/moten/serier",
            &[("name", "Samverkansrådet"), ("description", ""), ("remind_days", "0")],
        )
        .await;
    assert_eq!(made.status, 200);
    assert!(
        made.text().contains("Påminnelse för Samverkansrådet: 0 dagar före"),
        "{}",
        made.text()
    );

    // Four days before the meeting (2026-12-10 18:00 UTC): with two days nothing would go yet.
    app.run_jobs().await;
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2026-12-06T18:00:00Z")
            .unwrap()
            .into(),
    );
    app.run_jobs().await;
    app.run_jobs().await;
    assert_eq!(reminded(&app.outbox().await), ["anna@example.se"]);
}

async fn the_public_registration_form_has_its_own_rate_limit(backend: Backend) {
    let app = TestApp::start_with(
        Arc::new(TestDb::new(backend).await),
        Options {
            smtp_port: None,
            configure: Some(Box::new(|c| c.meeting_register_per_hour = 2)),
        },
    )
    .await;
    assert_eq!(app.state.config.register_per_hour, 20);
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let path = format!("/sala/moten/{meeting}/anmalan");
    let c = app.client();
    let token = c.get(&path).await.csrf();
    let mut answers = vec![];
    for who in ["a", "b", "c"] {
        let email = format!("{who}@example.se");
        let mut fields = person("Någon", &email, "guest");
        fields.push(("_csrf", token.as_str()));
        answers.push(c.post_raw(&path, &fields).await.status);
    }
    assert_eq!(answers, [200, 200, 429]);
    app.forget_jobs();
}

async fn the_invitation_gives_the_places_accessibility_text_as_it_is(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let text = app
        .client()
        .get(&format!("/sala/moten/{meeting}/inbjudan"))
        .await
        .text();
    assert!(text.contains("Lokalen ligger i markplan."), "{text}");
    assert!(
        text.contains("Plats Täljstenen, Vasagatan 17, 733 38 Sala Lokalen ligger"),
        "{text}"
    );
    assert!(!text.contains("Tillgänglighet:"), "{text}");
}

both!(
    a_series_sets_how_many_days_before_the_reminder_goes,
    the_public_registration_form_has_its_own_rate_limit,
    the_invitation_gives_the_places_accessibility_text_as_it_is,
);
