//! Group discussions: groups with a party, registered participants placed in them by the
//! coordinator, general comments ("Övriga synpunkter") in the minutes, and seed 000's other views
//! filed as such in the demo; on both databases.

use crate::common::*;
use testkit::{both, Backend, TestApp};

async fn participants_are_placed_in_groups_of_their_party(backend: Backend) {
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
    let reg = |name: &'static str| {
        let db = app.state.db.pool.clone();
        async move {
            let (id,): (i64,) = sqlx::query_as("SELECT id FROM meetings_registrations WHERE name = $1")
                .bind(name)
                .fetch_one(&db)
                .await
                .unwrap();
            id.to_string()
        }
    };
    let (anna, bo) = (reg("Anna Andersson").await, reg("Bo Berg").await);
    let c = coordinator(&app, "sala").await;
    let page = format!("/sala/moten/{meeting}/grupper");
    assert!(c.get(&page).await.text().contains("Det finns inga grupper ännu."));
    let made = c
        .submit(
            &page,
            &page,
            &[("name", "Civilsamhället, grupp 1"), ("party", "civil_society")],
        )
        .await;
    assert_eq!(made.status, 303);
    let again = c
        .submit(&page, &page, &[("name", "Civilsamhället, grupp 1"), ("party", "")])
        .await;
    assert_eq!(again.status, 422);
    assert!(again.text().contains("Mötet har redan en grupp med det namnet."));
    let (group,): (i64,) = sqlx::query_as("SELECT id FROM meetings_groups")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let place = format!("/sala/moten/{meeting}/grupper/placera");
    let placed = c
        .submit(&page, &place, &[("participant", &anna), ("group", &group.to_string())])
        .await;
    assert_eq!(placed.status, 303);
    // Bo is the municipality's: not in civil society's group.
    let refused = c
        .submit(&page, &place, &[("participant", &bo), ("group", &group.to_string())])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Gruppen är för en annan part än deltagarens."));
    let text = c.get(&page).await.text();
    assert!(
        text.contains("Civilsamhället, grupp 1 – Civilsamhället Anna Andersson, IKS, Ideell Kultur i Sala"),
        "{text}"
    );
    let members: Vec<(i64,)> = sqlx::query_as("SELECT registration_id FROM meetings_group_members")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(members.len(), 1);
    // Out of the group again.
    let out = c.submit(&page, &place, &[("participant", &anna), ("group", "")]).await;
    assert_eq!(out.status, 303);
    assert!(c.get(&page).await.text().contains("Ingen är placerad i gruppen ännu."));

    // Only the coordinator: the public cannot see or make groups.
    let public = app.client();
    assert_ne!(public.get(&page).await.status, 200);
    app.municipality("orebro", "Örebro kommun").await;
    let other = coordinator(&app, "orebro").await;
    assert_eq!(other.get(&format!("/orebro/moten/{meeting}/grupper")).await.status, 404);
    // The registrations' confirmation mails still go out.
    app.deliver().await;
}

async fn general_comments_are_not_answers(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, meeting) = sala_with_meeting(&app, "").await;
    let c = coordinator(&app, "sala").await;
    let edit = format!("/sala/moten/{meeting}/anteckningar/redigera");
    let action = format!("/sala/moten/{meeting}/samtal/synpunkt");
    let r = c
        .submit(
            &edit,
            &action,
            &[
                ("topic", "Dialog om lokaler"),
                (
                    "comment_text",
                    "Finns tillgängliga lokaler för alla föreningar att låna?",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let empty = c
        .submit(&edit, &action, &[("topic", "Ämne"), ("comment_text", "")])
        .await;
    assert_eq!(empty.status, 422);
    meetings::minutes::store::publish(&app.state.db, sala, meeting, true, None, app.state.now())
        .await
        .unwrap();
    let text = app
        .client()
        .get(&format!("/sala/moten/{meeting}/anteckningar"))
        .await
        .text();
    assert!(
        text.contains("Övriga synpunkter Dialog om lokaler: Finns tillgängliga lokaler för alla föreningar att låna?"),
        "{text}"
    );
    assert!(
        !text.contains("Synpunkter och förbättringsförslag"),
        "no question, no answers"
    );
}

async fn the_demo_files_seed_000s_other_views_as_general_comments(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let (five,): (i64,) = sqlx::query_as(
        "SELECT m.id FROM meetings_meetings m JOIN municipalities k ON k.id = m.municipality_id \
         WHERE k.slug = 'sala' AND m.number = 5",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let answers: Vec<(String,)> = sqlx::query_as(
        "SELECT a.group_name FROM meetings_answers a JOIN meetings_questions q ON q.id = a.question_id WHERE q.meeting_id = $1",
    )
    .bind(five)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert!(
        answers.is_empty(),
        "no group answered a question in seed 000: {answers:?}"
    );
    let comments: Vec<(String, String)> =
        sqlx::query_as("SELECT topic, text FROM meetings_comments WHERE meeting_id = $1 ORDER BY position")
            .bind(five)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let expected = [
        ("Dialog om lokaler", "Finns tillgängliga lokaler för alla föreningar att låna - som är anpassade? Läggs ut på hemsidan. Något som inte passar alla föreningar är att ”hyra ut” sina lokaler."),
        ("Utbildning i föreningsteknik och ledarskap", "För punkterna under principerna ”Dialog” och ”Kvalitet” är styrgrupp viktig."),
        ("Eget föreningsforum med föreningsregister på Facebook 2018", "Gruppen sätts samman av kommunen och vi vill att civilsamhället ska ingå."),
    ];
    let got: Vec<(&str, &str)> = comments.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got, expected);
    let text = app
        .client()
        .get(&format!("/sala/moten/{five}/anteckningar"))
        .await
        .text();
    let other = text.find("Övriga synpunkter").expect("the other views");
    assert!(text.find("Dialog om lokaler").unwrap() > other, "{text}");
    assert!(text.find("2 Behöver den inledande texten förbättras?").unwrap() < other);
}

both!(
    participants_are_placed_in_groups_of_their_party,
    general_comments_are_not_answers,
    the_demo_files_seed_000s_other_views_as_general_comments,
);
