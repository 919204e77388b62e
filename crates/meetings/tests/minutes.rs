//! Minutes and group discussions: the coordinator writes them (seed 002's council minutes, seed
//! 000's group answers), the public reads them only once published, on both databases.

use crate::common::*;
use testkit::{both, Backend, TestApp};

async fn minutes_and_group_answers_are_public_only_when_published(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, meeting) = sala_with_meeting(&app, "").await;
    let lokaler = activity(&app, sala, "Ta fram riktlinjer för lokaler.").await;
    let other = app.municipality("orebro", "Örebro kommun").await;
    let foreign = activity(&app, other, "Örebros aktivitet").await;
    let c = coordinator(&app, "sala").await;
    let edit = format!("/sala/moten/{meeting}/anteckningar/redigera");
    let base = format!("/sala/moten/{meeting}");

    let saved = c
        .submit(
            &edit,
            &edit,
            &[
                (
                    "present",
                    "Helena Astvald, KG Granberg, Lennart Bondeson (KD), Niclas Persson (MP)",
                ),
                ("guests", "Per-Inge Hellman, Västerås kommun"),
                ("next_meeting", "2 maj kl. 18-20 på Föreningarnas hus"),
                ("written_by", "Anna Fogel"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let added = c
        .submit(
            &edit,
            &format!("{base}/anteckningar/punkt"),
            &[
                ("heading", "Föregående minnesanteckningar"),
                ("body", ""),
                ("decision", "Inga invändningar"),
            ],
        )
        .await;
    assert_eq!(added.status, 303);
    let assigned = c
        .submit(
            &edit,
            &format!("{base}/anteckningar/uppdrag"),
            &[
                ("who", "Anna"),
                ("what", "Bjuda in Malin Sandell, lokalstrateg, till ett möte"),
                ("due_on", "2027-03-02"),
                ("activity", &lokaler.to_string()),
            ],
        )
        .await;
    assert_eq!(assigned.status, 303);
    // Another municipality's activity cannot be linked.
    let refused = c
        .submit(
            &edit,
            &format!("{base}/anteckningar/uppdrag"),
            &[
                ("who", "X"),
                ("what", "Y"),
                ("due_on", ""),
                ("activity", &foreign.to_string()),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Välj en aktivitet i kommunens handlingsplan."));

    // Group discussions as in seed 000.
    for q in [
        "Är tiden rimlig för handlingsplanen?",
        "Behöver den inledande texten förbättras?",
    ] {
        let r = c
            .submit(&edit, &format!("{base}/samtal/fraga"), &[("question_text", q)])
            .await;
        assert_eq!(r.status, 303);
    }
    let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM meetings_questions ORDER BY position")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let (q1, q2) = (ids[0].0.to_string(), ids[1].0.to_string());
    for (q, group, text) in [
        (&q1, "Grupp 1", "Tiden är rimlig."),
        (&q1, "Grupp 2", "Långsiktighet behöver längre tid."),
        (&q2, "Grupp 1", "Skriv ut vilka de sex principerna är!"),
    ] {
        let r = c
            .submit(
                &edit,
                &format!("{base}/samtal/svar"),
                &[("question", q), ("group_name", group), ("answer_text", text)],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.text());
    }
    let key = format!("summary-{q1}");
    let r = c
        .submit(
            &edit,
            &format!("{base}/samtal/sammanstallning"),
            &[
                ("question", &q1),
                (&key, "De flesta tycker att tiden är rimlig för handlingsplanen."),
            ],
        )
        .await;
    assert_eq!(r.status, 303);

    // Not published: the public gets a 404 and no link; the coordinator sees a draft.
    let public = app.client();
    assert_eq!(public.get(&format!("{base}/anteckningar")).await.status, 404);
    assert!(!public.get(&base).await.text().contains("Läs minnesanteckningarna"));
    assert!(c.get(&format!("{base}/anteckningar")).await.text().contains("Utkast."));

    let token = c.get(&edit).await.csrf();
    let published = c
        .post_raw(
            &format!("{base}/anteckningar/publicera"),
            &[("_csrf", token.as_str()), ("publish", "1")],
        )
        .await;
    assert_eq!(published.status, 303);
    assert!(public.get(&base).await.text().contains("Läs minnesanteckningarna"));
    let page = public.get(&format!("{base}/anteckningar")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for expected in [
        "Lennart Bondeson (KD)",
        "Per-Inge Hellman, Västerås kommun",
        "Föregående minnesanteckningar",
        "Inga invändningar",
        "Bjuda in Malin Sandell",
        "2027-03-02",
        "Ta fram riktlinjer för lokaler.",
        "Synpunkter och förbättringsförslag",
        "1 Är tiden rimlig för handlingsplanen?",
        "De flesta tycker att tiden är rimlig",
        "Långsiktighet behöver längre tid.",
        "2 Behöver den inledande texten förbättras?",
        "2 maj kl. 18-20 på Föreningarnas hus",
        "Anna Fogel",
    ] {
        assert!(text.contains(expected), "missing {expected}: {text}");
    }
    assert!(!text.contains("Utkast."));
    assert!(page.body.contains(&format!("/sala/handlingsplan/aktivitet/{lokaler}")));

    // Taken back.
    let token = c.get(&edit).await.csrf();
    c.post_raw(
        &format!("{base}/anteckningar/publicera"),
        &[("_csrf", token.as_str()), ("publish", "0")],
    )
    .await;
    assert_eq!(public.get(&format!("{base}/anteckningar")).await.status, 404);

    // The public cannot write.
    assert_ne!(public.get(&edit).await.status, 200);
}

both!(minutes_and_group_answers_are_public_only_when_published);
