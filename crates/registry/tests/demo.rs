//! The demo directory: Sala full of realistic associations, IKS with a full profile.

use crate::common::result_names;
use testkit::{both, Backend, TestApp};

async fn demo_fills_the_sala_directory(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    app.municipality("lulea", "Luleå").await;
    sqlx::query("INSERT INTO organisations (municipality_id, name, created_at) VALUES ($1, $2, $3)")
        .bind(sala)
        .bind("IKS – Ideell Kultur i Sala")
        .bind(app.state.now())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    registry::demo(&app.state.db, app.state.now()).await.unwrap();
    let c = app.client();
    let all = c.get("/sala/foreningar").await;
    assert!(all.text().contains("14 organisationer hittades"), "{}", all.text());
    assert_eq!(
        result_names(&all.body).last().map(String::as_str),
        Some("Ängshagens schacksällskap")
    );
    let sport = c.get("/sala/foreningar?q=idrott").await;
    assert!(result_names(&sport.body).contains(&"Sala IF fotbollsförening".to_string()));
    let iks = result_names(&c.get("/sala/foreningar?q=iks").await.body);
    assert_eq!(iks, vec!["IKS – Ideell Kultur i Sala"]);
    let (_, json) = c.get_json("/api/v1/sala/organisations?q=iks").await;
    let id = json["organisations"][0]["id"].as_i64().unwrap();
    let profile = c.get(&format!("/sala/foreningar/{id}")).await;
    let text = profile.text();
    assert!(text.contains("Isa Österberg") && text.contains("Kulturhusets studio") && text.contains("Hörslinga"));
    assert!(!text.contains("Per Sjöberg"), "not public");
    let (_, json) = c.get_json("/api/v1/lulea/organisations").await;
    assert_eq!(json["total"], 2);
    let stale = registry::confirmation::store::stale(&app.state.db, sala, app.state.now())
        .await
        .unwrap();
    assert_eq!(stale.len(), 3, "{stale:?}");
}

both!(demo_fills_the_sala_directory);
