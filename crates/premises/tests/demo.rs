//! The premises in the demo, on both databases: Sala's Täljstenen (Vasagatan 17, where the
//! dialog meetings are held) and association premises that lend rooms, with bookings.

use testkit::{both, Backend, TestApp};

async fn the_demo_has_taljstenen_and_association_premises_with_bookings(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let anon = app.client();

    let (status, json) = anon.get_json("/api/v1/sala/premises").await;
    assert_eq!(status, 200);
    let premises: Vec<(String, String, Option<String>)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["address"].as_str().unwrap().to_string(),
                p["organisation"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert!(
        premises.contains(&("Täljstenen".into(), "Vasagatan 17, 733 38 Sala".into(), None)),
        "{premises:?}"
    );
    assert!(premises.contains(&(
        "Hembygdsgården".into(),
        "Väsby kungsgård, Sala".into(),
        Some("Sala hembygdsförening".into())
    )));
    assert!(premises.iter().filter(|p| p.2.is_some()).count() >= 2);
    let hall = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Täljstenen")
        .unwrap()["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Föreläsningssalen")
        .unwrap()
        .clone();
    assert_eq!(
        hall["accessibility"],
        serde_json::json!(["step_free", "ground_floor", "accessible_toilet", "hearing_loop"])
    );
    let hall_id = hall["id"].as_i64().unwrap();

    // This week: the concert is booked; next week IKS's request is held.
    let week = anon.get(&format!("/sala/lokaler/rum/{hall_id}")).await;
    assert_eq!(week.status, 200);
    assert!(week.text().contains("18:00–21:00 Bokad"), "{}", week.text());
    let (active,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM premises_bookings WHERE status IN ('requested', 'confirmed')")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(active >= 14, "{active}");

    // Staff see IKS's request; IKS's representative sees its bookings.
    let staff = app.client();
    staff
        .login("personal.sala@demo.overens.example", app::demo::PASSWORD)
        .await;
    let requests = staff.get("/sala/lokaler/hantera").await.text();
    assert!(requests.contains("Öppet möte om kulturstöd"), "{requests}");
    assert!(requests.contains("IKS – Ideell Kultur i Sala (Förening)"), "{requests}");
    let seasons = staff.get("/sala/lokaler/sasong").await.text();
    assert!(seasons.contains("Vårsäsong 2027"), "{seasons}");
    let iks = app.client();
    iks.login("forening.sala@demo.overens.example", app::demo::PASSWORD)
        .await;
    let mine = iks.get("/sala/lokaler/bokningar").await.text();
    assert!(mine.contains("Föreläsningssalen, Täljstenen"), "{mine}");
    assert!(mine.contains("Stora stugan, Hembygdsgården"), "{mine}");
    app.stop().await;
}

both!(the_demo_has_taljstenen_and_association_premises_with_bookings);
