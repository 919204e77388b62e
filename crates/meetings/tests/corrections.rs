//! Correcting the minutes: items, group answers, assignments and general comments edited,
//! reordered and removed before and after publication; a change after publication is dated on
//! the public minutes and every change is in the audit trail; on both databases.

use crate::common::*;
use meetings::ids::MeetingId;
use testkit::{both, Backend, Client, TestApp};

async fn ids(app: &TestApp, table: &str, meeting: MeetingId) -> Vec<i64> {
    let sql = match table {
        "meetings_answers" => "SELECT a.id FROM meetings_answers a JOIN meetings_questions q ON q.id = a.question_id \
                               WHERE q.meeting_id = $1 ORDER BY a.position, a.id"
            .to_string(),
        t => format!("SELECT id FROM {t} WHERE meeting_id = $1 ORDER BY position, id"),
    };
    let rows: Vec<(i64,)> = sqlx::query_as(&sql)
        .bind(meeting)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

async fn step(c: &Client, base: &str, part: &str, nr: i64, gor: &str) -> testkit::Page {
    c.submit(
        &format!("{base}/anteckningar/redigera"),
        &format!("{base}/anteckningar/ordning"),
        &[("del", part), ("nr", &nr.to_string()), ("gor", gor)],
    )
    .await
}

async fn minutes_are_corrected_before_and_after_publication(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let c = coordinator(&app, "sala").await;
    let base = format!("/sala/moten/{meeting}");
    let edit = format!("{base}/anteckningar/redigera");
    for (heading, body) in [
        ("Välkommen", "Carola Gunnarsson hälsade välkommen."),
        ("Avslutning", "Anders Wigelsbo avslutade mötet."),
    ] {
        let r = c
            .submit(
                &edit,
                &format!("{base}/anteckningar/punkt"),
                &[("heading", heading), ("body", body), ("decision", "")],
            )
            .await;
        assert_eq!(r.status, 303);
    }
    c.submit(
        &edit,
        &format!("{base}/samtal/fraga"),
        &[("question_text", "Är tiden rimlig för handlingsplanen?")],
    )
    .await;
    let (q,): (i64,) = sqlx::query_as("SELECT id FROM meetings_questions")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    for (group, text) in [
        ("Grupp 1", "Tiden är rimlig."),
        ("Grupp 2", "Långsiktighet behöver längre tid."),
    ] {
        let r = c
            .submit(
                &edit,
                &format!("{base}/samtal/svar"),
                &[
                    ("question", &q.to_string()),
                    ("group_name", group),
                    ("answer_text", text),
                ],
            )
            .await;
        assert_eq!(r.status, 303);
    }
    for (who, what) in [
        ("Anna", "Bjuda in Malin Sandell"),
        ("Jane", "Skicka ut handlingsplanen"),
    ] {
        let r = c
            .submit(
                &edit,
                &format!("{base}/anteckningar/uppdrag"),
                &[("who", who), ("what", what), ("due_on", ""), ("activity", "")],
            )
            .await;
        assert_eq!(r.status, 303);
    }
    let items = ids(&app, "meetings_items", meeting).await;
    let answers = ids(&app, "meetings_answers", meeting).await;
    let assignments = ids(&app, "meetings_assignments", meeting).await;

    // Before publication: an item corrected and moved; nothing is marked as changed.
    let form = format!("{base}/anteckningar/rad?del=punkt&nr={}", items[0]);
    let page = c.get(&form).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Carola Gunnarsson hälsade välkommen."));
    let r = c
        .submit(
            &form,
            &format!("{base}/anteckningar/rad"),
            &[
                ("del", "punkt"),
                ("nr", &items[0].to_string()),
                ("heading", "Välkommen och inledning"),
                ("body", "Carola Gunnarsson hälsade välkommen."),
                ("decision", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    // An empty heading is refused with the form again.
    let refused = c
        .submit(
            &form,
            &format!("{base}/anteckningar/rad"),
            &[("del", "punkt"), ("nr", &items[0].to_string()), ("heading", " ")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(step(&c, &base, "punkt", items[1], "upp").await.status, 303);
    let draft = c.get(&format!("{base}/anteckningar")).await.text();
    let (first, second) = (
        draft.find("Avslutning").unwrap(),
        draft.find("Välkommen och inledning").unwrap(),
    );
    assert!(first < second, "moved up: {draft}");
    assert!(!draft.contains("Ändrad"));

    // Published, then corrected three days later: the answer is dated, the removal noted.
    let token = c.get(&edit).await.csrf();
    c.post_raw(
        &format!("{base}/anteckningar/publicera"),
        &[("_csrf", token.as_str()), ("publish", "1")],
    )
    .await;
    app.clock.advance(chrono::Duration::days(3));
    // Three days on, the session has ended: the coordinator signs in again.
    let c = app.client();
    c.login("samordnare@sala.example", testkit::PASSWORD).await;
    let form = format!("{base}/anteckningar/rad?del=svar&nr={}", answers[1]);
    let r = c
        .submit(
            &form,
            &format!("{base}/anteckningar/rad"),
            &[
                ("del", "svar"),
                ("nr", &answers[1].to_string()),
                ("group_name", "Grupp 2"),
                ("answer_text", "Punkten ”långsiktighet” behöver längre tid."),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(step(&c, &base, "uppdrag", assignments[0], "ta-bort").await.status, 303);
    assert_eq!(step(&c, &base, "svar", answers[1], "upp").await.status, 303);

    let public = app.client();
    let text = public.get(&format!("{base}/anteckningar")).await.text();
    assert!(
        text.contains("Punkten ”långsiktighet” behöver längre tid. (Ändrad 2026-11-26)"),
        "{text}"
    );
    assert!(
        text.contains("Ändrad 2026-11-26 Anteckningarna har rättats efter att de publicerades."),
        "{text}"
    );
    assert!(!text.contains("Bjuda in Malin Sandell"));
    assert!(text.contains("Skicka ut handlingsplanen"));
    assert!(text.find("Grupp 2:").unwrap() < text.find("Grupp 1:").unwrap());
    // The item edited before publication is not marked.
    assert!(!text.contains("Välkommen och inledning Ändrad"));

    // Every change is in the audit trail.
    let actions: Vec<(String,)> = sqlx::query_as(
        "SELECT action FROM audit_log WHERE action LIKE 'meetings.%' AND (action LIKE '%.edit' OR action LIKE '%.move' OR action LIKE '%.remove') ORDER BY id",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let actions: Vec<&str> = actions.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        actions,
        [
            "meetings.item.edit",
            "meetings.item.move",
            "meetings.answer.edit",
            "meetings.assignment.remove",
            "meetings.answer.move"
        ]
    );

    // Only this municipality's coordinator: the public is turned away, another municipality's
    // coordinator finds nothing, and an entry of another meeting is not this one's.
    let token = public.get(&format!("{base}/anmalan")).await.csrf();
    let denied = public
        .post_raw(
            &format!("{base}/anteckningar/ordning"),
            &[
                ("_csrf", token.as_str()),
                ("del", "svar"),
                ("nr", &answers[0].to_string()),
                ("gor", "ta-bort"),
            ],
        )
        .await;
    assert_ne!(denied.status, 303);
    app.municipality("orebro", "Örebro kommun").await;
    let other = coordinator(&app, "orebro").await;
    let page = other
        .get(&format!(
            "/orebro/moten/{meeting}/anteckningar/rad?del=svar&nr={}",
            answers[0]
        ))
        .await;
    assert_eq!(page.status, 404);
    let (_, second) = {
        let db = &app.state.db;
        let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        let sala: (platform::MunicipalityId,) = sqlx::query_as("SELECT id FROM municipalities WHERE slug = 'sala'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        let mut f = meeting_six(series, "");
        f.number = "7".into();
        let input = f.check(&[series]).unwrap();
        let id = meetings::store::save_meeting(db, sala.0, None, &input, None, app.state.now())
            .await
            .unwrap()
            .unwrap();
        (sala, id)
    };
    let r = step(&c, &format!("/sala/moten/{second}"), "svar", answers[0], "ta-bort").await;
    assert_eq!(r.status, 404);
    assert_eq!(ids(&app, "meetings_answers", meeting).await.len(), 2);
}

both!(minutes_are_corrected_before_and_after_publication);
