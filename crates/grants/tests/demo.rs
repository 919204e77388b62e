//! The grants in the demo, on both databases: Sala's five programmes, the sports club's year of
//! attendance, and applications in every state, as the demo's accounts see them.

use testkit::{both, Backend, Client, TestApp};

async fn as_demo(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    c.login(email, app::demo::PASSWORD).await;
    c
}

async fn the_demo_has_programmes_attendance_and_applications_in_every_state(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let public = app.client();
    let list = public.get("/sala/bidrag").await.text();
    for name in [
        "Aktivitetsstöd",
        "Lokalbidrag",
        "Startbidrag",
        "Samverkan enligt LÖK",
        "Verksamhetsbidrag 2027–2029",
    ] {
        assert!(list.contains(name), "{name}: {list}");
    }

    // Every state a case goes through is there once or more.
    let statuses: Vec<(String,)> = sqlx::query_as("SELECT DISTINCT status FROM grants_applications")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let mut statuses: Vec<String> = statuses.into_iter().map(|s| s.0).collect();
    statuses.sort();
    assert_eq!(
        statuses,
        [
            "awaiting-co-signature",
            "completion-requested",
            "draft",
            "granted",
            "in-review",
            "paid",
            "proposed",
            "reduced",
            "rejected",
            "submitted"
        ]
    );

    // The public decisions: the rejection without its reason.
    let (_, decisions) = public.get_json("/api/v1/sala/grants/decisions?year=2026").await;
    let text = decisions.to_string();
    assert!(
        text.contains("Sala IF fotbollsförening") && text.contains("Naturskyddsföreningen Sala-Heby"),
        "{text}"
    );
    assert!(!text.contains("signerat den lokala överenskommelsen"), "{text}");

    // Isa Österberg (IKS) sees IKS's applications and what is asked of her.
    let isa = as_demo(&app, "forening.sala@demo.overens.example").await;
    let mine = isa.get("/sala/bidrag/mina").await.text();
    assert!(
        mine.contains("Samverkan enligt LÖK") && mine.contains("Verksamhetsbidrag 2027–2029"),
        "{mine}"
    );
    assert!(mine.contains("Handläggaren har bett om en komplettering"), "{mine}");
    assert!(!mine.contains("Sala hembygdsförening"), "{mine}");

    // The club's attendance counted in the spring, and its support paid.
    let staff = as_demo(&app, "personal.sala@demo.overens.example").await;
    let club: (i64,) = sqlx::query_as("SELECT id FROM organisations WHERE name = 'Sala IF fotbollsförening'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let attendance = staff.get(&format!("/sala/bidrag/narvaro/{}", club.0)).await.text();
    assert!(
        attendance.contains("F12") && attendance.contains("P12") && attendance.contains("P16"),
        "{attendance}"
    );
    let (paid, amount): (String, i64) = sqlx::query_as(
        "SELECT a.status, a.decided_ore FROM grants_applications a JOIN organisations o ON o.id = a.organisation_id \
         WHERE o.name = 'Sala IF fotbollsförening'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(paid, "paid");
    assert!(
        amount > 1_000_000,
        "the club's spring counts for more than 10 000 kr: {amount}"
    );

    // Jane Allansson decides: the proposal for IKS waits for her.
    let jane = as_demo(&app, "samordnare.sala@demo.overens.example").await;
    let queues = jane.get("/sala/bidrag/handlaggning").await.text();
    assert!(queues.contains("Samverkan enligt LÖK"), "{queues}");
    let deciders = jane.get("/sala/bidrag/beslutsfattare").await.text();
    assert!(deciders.contains("Jane Allansson"), "{deciders}");
    let payouts = staff.get("/sala/bidrag/utbetalningar").await.text();
    assert!(payouts.contains("Studieförbundet Vuxenskolan Sala"), "{payouts}");
    app.forget_jobs();
}

both!(the_demo_has_programmes_attendance_and_applications_in_every_state);
