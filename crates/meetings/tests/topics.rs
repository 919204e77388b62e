//! Topics for the agenda: an association's representative proposes, the coordinator takes the
//! topic up at a coming meeting (it shows on the meeting's page) or declines it with an answer
//! the association reads; nobody else proposes or decides; on both databases.

use crate::common::*;
use testkit::{both, Backend, TestApp};

async fn topic_id(app: &TestApp, title: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM meetings_topics WHERE title = $1")
        .bind(title)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

async fn associations_propose_and_the_coordinator_decides(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let (rep, _) = app
        .representative_client("iks@example.se", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let page = "/sala/moten/amnen";
    assert!(rep
        .get("/sala/moten")
        .await
        .text()
        .contains("Föreslå ett ämne till ett kommande möte"));
    let empty = rep.submit(page, page, &[("title", " "), ("description", "")]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Ämne"), "{}", empty.text());
    for (title, description) in [
        (
            "Lokaler för föreningarna",
            "Finns tillgängliga lokaler för alla föreningar att låna?",
        ),
        ("Föreningsforum", ""),
    ] {
        let r = rep
            .submit(page, page, &[("title", title), ("description", description)])
            .await;
        assert_eq!(r.status, 303, "{}", r.text());
    }
    let text = rep.get(page).await.text();
    assert!(
        text.contains("Lokaler för föreningarna – IKS – Ideell Kultur i Sala. Föreslaget 2026-11-23, väntar på svar."),
        "{text}"
    );

    // The coordinator takes the first up at meeting 6 and declines the second with an answer.
    let c = coordinator(&app, "sala").await;
    let lokaler = topic_id(&app, "Lokaler för föreningarna").await;
    let forum = topic_id(&app, "Föreningsforum").await;
    let decide = format!("/sala/moten/amnen/{lokaler}/beslut");
    let form = c.get(&decide).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Föreslaget av IKS – Ideell Kultur i Sala."));
    let taken = c
        .submit(&decide, &decide, &[("choice", &meeting.to_string()), ("answer", "")])
        .await;
    assert_eq!(taken.status, 303, "{}", taken.text());
    let decline = format!("/sala/moten/amnen/{forum}/beslut");
    let no_answer = c.submit(&decline, &decline, &[("choice", "nej"), ("answer", "")]).await;
    assert_eq!(no_answer.status, 422);
    let declined = c
        .submit(
            &decline,
            &decline,
            &[
                ("choice", "nej"),
                ("answer", "Arbetsgruppen för kommunikation tar frågan."),
            ],
        )
        .await;
    assert_eq!(declined.status, 303);
    // Decided once: the form is gone.
    assert_eq!(c.get(&decline).await.status, 404);

    let public = app.client();
    let text = public.get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(
        text.contains("Ämnen från föreningarna Lokaler för föreningarna (IKS – Ideell Kultur i Sala)"),
        "{text}"
    );
    assert!(!text.contains("Föreningsforum"));
    let text = rep.get(page).await.text();
    assert!(
        text.contains("Tas upp på Dialogmöte 6, arbete med handlingsplan."),
        "{text}"
    );
    assert!(
        text.contains("Avböjt: Arbetsgruppen för kommunikation tar frågan."),
        "{text}"
    );
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'meetings.topic.%'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 4);
}

async fn only_representatives_propose_and_only_the_coordinator_decides(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala_with_meeting(&app, "").await;
    let (rep, _) = app
        .representative_client("iks@example.se", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let page = "/sala/moten/amnen";
    assert_eq!(
        rep.submit(page, page, &[("title", "Lokalfrågan i Sala")]).await.status,
        303
    );
    let id = topic_id(&app, "Lokalfrågan i Sala").await;
    let decide = format!("/sala/moten/amnen/{id}/beslut");
    // The representative may not decide; the public is sent to log in; a resident is refused.
    assert_eq!(rep.get(&decide).await.status, 403);
    assert_eq!(app.client().get(page).await.status, 303);
    let (resident, _) = app.signed_in("invanare@example.se", None).await;
    assert_eq!(resident.get(page).await.status, 403);
    // Another municipality: its representatives and coordinator see nothing of Sala's.
    app.municipality("orebro", "Örebro kommun").await;
    let (other_rep, _) = app
        .representative_client("orebro@example.se", "orebro", "Örebro Folkets Hus")
        .await;
    assert!(!other_rep
        .get("/orebro/moten/amnen")
        .await
        .text()
        .contains("Lokalfrågan"));
    let other = coordinator(&app, "orebro").await;
    assert!(!other.get("/orebro/moten/amnen").await.text().contains("Lokalfrågan"));
    assert_eq!(other.get(&format!("/orebro/moten/amnen/{id}/beslut")).await.status, 404);
}

both!(
    associations_propose_and_the_coordinator_decides,
    only_representatives_propose_and_only_the_coordinator_decides,
);
