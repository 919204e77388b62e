//! The coordinator's work on an idea: only the coordinator moves it (others 403), through the
//! allowed statuses, with a reason to close it; the submitter gets a letter over SMTP at every
//! change and none for a refused one; hiding an idea or a comment.

use crate::common::*;
use std::sync::Arc;

async fn only_the_coordinator_moves_an_idea_and_the_submitter_hears_of_each_move(backend: Backend) {
    let sink = testkit::SmtpSink::start().await;
    let app = TestApp::start_with(
        Arc::new(testkit::TestDb::new(backend).await),
        testkit::Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    let m = demo(&app).await;
    // The letters to the submitter (the demo sends its own to others).
    let to_anna = || {
        sink.received()
            .into_iter()
            .filter(|r| r.to.iter().any(|t| t == "anna@example.se"))
            .collect::<Vec<_>>()
    };
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    let id = submit(&anna, &[]).await;
    app.run_jobs().await;
    assert!(to_anna().is_empty(), "submitting sends nothing");
    let six = meeting_six(&app, m).await;
    let six_s = six.to_string();
    let activity = an_activity(&app, m).await;
    let activity_s = activity.id.to_string();

    // Not the coordinator: the submitter, a resident, staff, a representative: 403.
    let staff = app.staff("sala").await;
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let (bo, _) = app.signed_in("bo@example.se", None).await;
    for c in [&anna, &staff, &rep, &bo] {
        let p = on_idea(c, id, "status", &[("status", "preparing")]).await;
        assert_eq!(p.status, 403, "{}", p.text());
        assert_eq!(on_idea(c, id, "dolj", &[("dold", "ja")]).await.status, 403);
    }
    let page = staff.get(&format!("{LIST}/{id}")).await.text();
    assert!(!page.contains("Ändra status"), "only the coordinator sees the form");
    assert_eq!(status_of(&app, id).await, "new");

    let coordinator = app.coordinator("sala").await;
    let page = coordinator.get(&format!("{LIST}/{id}")).await.text();
    assert!(page.contains("Ändra status"), "{page}");
    assert!(page.contains("Dialogmöte 6"), "the meetings are offered");
    // Closing needs a reason; new → done is not allowed; on the agenda needs a meeting.
    let p = on_idea(&coordinator, id, "status", &[("status", "closed"), ("reason", " ")]).await;
    assert_eq!(p.status, 422);
    assert!(
        p.text().contains("Skriv en motivering när idén avslutas."),
        "{}",
        p.text()
    );
    let p = on_idea(&coordinator, id, "status", &[("status", "done")]).await;
    assert_eq!(p.status, 422);
    let p = on_idea(&coordinator, id, "status", &[("status", "on_agenda"), ("meeting", "")]).await;
    assert_eq!(p.status, 422);
    let p = on_idea(
        &coordinator,
        id,
        "status",
        &[("status", "on_agenda"), ("meeting", "987654321")],
    )
    .await;
    assert_eq!(p.status, 422, "another municipality's or no meeting");
    let p = on_idea(
        &coordinator,
        id,
        "status",
        &[("status", "activity"), ("activity", "987654321")],
    )
    .await;
    assert_eq!(p.status, 422);
    assert_eq!(status_of(&app, id).await, "new");
    app.run_jobs().await;
    assert!(to_anna().is_empty(), "a refused move sends nothing");

    // Each move: a letter to the submitter.
    let moves: [&[(&str, &str)]; 4] = [
        &[("status", "preparing")],
        &[("status", "on_agenda"), ("meeting", &six_s)],
        &[("status", "activity"), ("activity", &activity_s)],
        &[("status", "done")],
    ];
    for fields in moves {
        let p = on_idea(&coordinator, id, "status", fields).await;
        assert_eq!(p.status, 303, "{fields:?}: {}", p.text());
    }
    assert_eq!(status_of(&app, id).await, "done");
    app.run_jobs().await;
    let got = to_anna();
    assert_eq!(got.len(), 4, "one letter a move");
    for r in &got {
        assert_eq!(r.to, vec!["anna@example.se".to_string()]);
        assert!(r.subject().contains("Gemensam materialbank"), "{}", r.subject());
    }
    let bodies: Vec<String> = got.iter().map(|r| testkit::smtp::squash(&r.body())).collect();
    let sq = testkit::smtp::squash;
    assert!(bodies[0].contains(&sq("Under beredning")), "{}", bodies[0]);
    assert!(
        bodies[1].contains(&sq("På dagordningen för dialogmöte 6")),
        "{}",
        bodies[1]
    );
    assert!(bodies[1].contains(&format!("/sala/moten/{six}")), "{}", bodies[1]);
    assert!(
        bodies[2].contains(&sq("Blir aktivitet i handlingsplanen")),
        "{}",
        bodies[2]
    );
    assert!(
        bodies[2].contains(&format!("/sala/handlingsplan/aktivitet/{}", activity.id)),
        "{}",
        bodies[2]
    );
    assert!(bodies[3].contains("Genomförd"));
    assert!(bodies.iter().all(|b| b.contains(&format!("/sala/ideer/{id}"))));
    // The page links to the activity it became, and the activity's page links back (through
    // platform::links); the meeting's page no longer does, the idea having moved on.
    let page = app.client().get(&format!("{LIST}/{id}")).await.body;
    assert!(
        page.contains(&format!("/sala/handlingsplan/aktivitet/{}", activity.id)),
        "{page}"
    );
    let activity_page = app
        .client()
        .get(&format!("/sala/handlingsplan/aktivitet/{}", activity.id))
        .await;
    assert!(
        activity_page.text().contains("Idé: Gemensam materialbank"),
        "{}",
        activity_page.text()
    );
    assert!(activity_page.body.contains(&format!("href=\"/sala/ideer/{id}\"")));
    let meeting_page = app.client().get(&format!("/sala/moten/{six}")).await.text();
    assert!(!meeting_page.contains("Gemensam materialbank"), "{meeting_page}");
    // Done is done; a done idea takes no support.
    let p = on_idea(
        &coordinator,
        id,
        "status",
        &[("status", "closed"), ("reason", "Ändrat")],
    )
    .await;
    assert_eq!(p.status, 422);
    let p = on_idea(&bo, id, "stod", &[]).await;
    assert!(p.location.unwrap().contains("klart=stangd"));

    // Closing with a reason: the reason on the page and in the letter.
    let other = submit(&anna, &[("title", "Idé att avsluta")]).await;
    let p = on_idea(
        &coordinator,
        other,
        "status",
        &[("status", "closed"), ("reason", "Finns redan i handlingsplanen.")],
    )
    .await;
    assert_eq!(p.status, 303);
    assert_eq!(status_of(&app, other).await, "closed");
    let page = app.client().get(&format!("{LIST}/{other}")).await.text();
    assert!(
        page.contains("Avslutad") && page.contains("Finns redan i handlingsplanen."),
        "{page}"
    );
    app.run_jobs().await;
    let got = to_anna();
    assert_eq!(got.len(), 5);
    let last = testkit::smtp::squash(&got[4].body());
    assert!(
        last.contains("Avslutad")
            && last.contains(&testkit::smtp::squash("Motivering: Finns redan i handlingsplanen.")),
        "{last}"
    );
    let (audit,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'support.idea.status'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(audit >= 5, "every move is in the audit trail");
    app.stop().await;
}

async fn the_coordinator_hides_an_idea_or_a_comment(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    let id = submit(&anna, &[("title", "Olämplig idé")]).await;
    on_idea(&anna, id, "kommentar", &[("body", "En kommentar som ska bort")]).await;
    let coordinator = app.coordinator("sala").await;
    let (comment,): (i64,) = sqlx::query_as("SELECT id FROM support_idea_comments WHERE idea_id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // Only the coordinator.
    let hide_comment = format!("kommentarer/{comment}/dolj");
    assert_eq!(on_idea(&anna, id, &hide_comment, &[("dold", "ja")]).await.status, 403);
    let p = on_idea(&coordinator, id, &hide_comment, &[("dold", "ja")]).await;
    assert_eq!(p.status, 303);
    let public = app.client();
    assert!(!public
        .get(&format!("{LIST}/{id}"))
        .await
        .text()
        .contains("En kommentar som ska bort"));
    let seen = coordinator.get(&format!("{LIST}/{id}")).await.text();
    assert!(
        seen.contains("En kommentar som ska bort") && seen.contains("(dold)"),
        "{seen}"
    );
    on_idea(&coordinator, id, &hide_comment, &[("dold", "nej")]).await;
    assert!(public
        .get(&format!("{LIST}/{id}"))
        .await
        .text()
        .contains("En kommentar som ska bort"));

    // A hidden idea: a 404 for everyone but the coordinator, out of the list; no support.
    let p = on_idea(&coordinator, id, "dolj", &[("dold", "ja")]).await;
    assert_eq!(p.status, 303);
    assert_eq!(public.get(&format!("{LIST}/{id}")).await.status, 404);
    assert_eq!(anna.get(&format!("{LIST}/{id}")).await.status, 404);
    assert!(!public.get(LIST).await.text().contains("Olämplig idé"));
    let seen = coordinator.get(LIST).await.text();
    assert!(seen.contains("Olämplig idé"), "the coordinator's list shows it, marked");
    assert!(coordinator
        .get(&format!("{LIST}/{id}"))
        .await
        .text()
        .contains("Idén är dold."));
    let token = anna.get(NEW).await.csrf();
    let p = anna.post_raw(&format!("{LIST}/{id}/stod"), &[("_csrf", &token)]).await;
    assert_eq!(p.status, 404);
    on_idea(&coordinator, id, "dolj", &[("dold", "nej")]).await;
    assert_eq!(public.get(&format!("{LIST}/{id}")).await.status, 200);
    app.stop().await;
}

both!(
    only_the_coordinator_moves_an_idea_and_the_submitter_hears_of_each_move,
    the_coordinator_hides_an_idea_or_a_comment,
);

/// The meeting's page links back to the ideas on its agenda (the demo's "Dialog om lokaler" on
/// meeting 6), the activity's page to the idea it carries; a hidden or closed idea leaves them.
async fn the_meeting_and_the_activity_link_back(backend: Backend) {
    let app = TestApp::start(backend).await;
    let m = demo(&app).await;
    let six = meeting_six(&app, m).await;
    let lokaler = demo_idea(&app, "Dialog om lokaler").await;
    let training = demo_idea(&app, "Utbildning i föreningsteknik och ledarskap").await;
    let public = app.client();
    let meeting = format!("/sala/moten/{six}");
    let p = public.get(&meeting).await;
    assert!(p.text().contains("Idé: Dialog om lokaler"), "{}", p.text());
    assert!(p.body.contains(&format!("href=\"/sala/ideer/{lokaler}\"")));
    let (activity,): (i64,) = sqlx::query_as("SELECT activity_id FROM support_ideas WHERE id = $1")
        .bind(training)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let activity_page = format!("/sala/handlingsplan/aktivitet/{activity}");
    assert!(public
        .get(&activity_page)
        .await
        .text()
        .contains("Idé: Utbildning i föreningsteknik och ledarskap"));
    // Örebro's pages have nothing of it.
    assert!(!public.get("/orebro/moten").await.text().contains("Dialog om lokaler"));

    let coordinator = app.coordinator("sala").await;
    on_idea(&coordinator, lokaler, "dolj", &[("dold", "ja")]).await;
    assert!(!public.get(&meeting).await.text().contains("Dialog om lokaler"));
    on_idea(&coordinator, lokaler, "dolj", &[("dold", "nej")]).await;
    assert!(public.get(&meeting).await.text().contains("Idé: Dialog om lokaler"));
    let p = on_idea(
        &coordinator,
        lokaler,
        "status",
        &[("status", "closed"), ("reason", "Tas upp i lokalgruppen i stället.")],
    )
    .await;
    assert_eq!(p.status, 303);
    assert!(!public.get(&meeting).await.text().contains("Dialog om lokaler"));
    let p = on_idea(&coordinator, training, "status", &[("status", "done")]).await;
    assert_eq!(p.status, 303);
    assert!(
        public
            .get(&activity_page)
            .await
            .text()
            .contains("Idé: Utbildning i föreningsteknik och ledarskap"),
        "a done idea keeps its activity"
    );
    app.deliver().await;
    app.stop().await;
}

both!(the_meeting_and_the_activity_link_back);
