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

    // Grant facts: most have them all, a few lack something for the eligibility checks to show.
    let ids: Vec<(platform::OrganisationId,)> =
        sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1")
            .bind(sala)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let ids: Vec<_> = ids.into_iter().map(|(id,)| id).collect();
    let facts = registry::public::grant_facts(&app.state.db, sala, &ids).await.unwrap();
    let of = |name: &str| facts.iter().find(|f| f.name == name).unwrap();
    let iks = of("IKS – Ideell Kultur i Sala");
    assert!(iks.statutes_on_file && iks.giro.is_some() && iks.board_members == Some(7));
    assert!(iks
        .annual_meeting_on
        .is_some_and(|d| d.to_string().starts_with("2026-03")));
    assert!(iks.confirmed_on > iks.annual_meeting_on, "confirmed after the meeting");
    assert!(of("Sala ridklubb").giro.is_none());
    assert!(!of("Sala simsällskap").statutes_on_file);
    assert!(of("Röda korset Sala").annual_meeting_on.is_none());
    let complete = facts
        .iter()
        .filter(|f| f.giro.is_some() && f.statutes_on_file && f.annual_meeting_on.is_some())
        .count();
    assert!(complete >= 8, "{complete} of {}", facts.len());
    for f in &facts {
        if let Some((kind, number)) = &f.giro {
            assert!(registry::domain::Giro::parse(*kind, number).is_ok(), "{number}");
        }
    }
    // The statutes open as a PDF for IKS's staff.
    let file = app
        .staff("sala")
        .await
        .get(&format!("/sala/foreningar/{}/stadgar", iks.organisation_id))
        .await;
    assert_eq!(file.status, 200);
    assert!(file.body.starts_with("%PDF-1.4") && file.body.trim_end().ends_with("%%EOF"));
}

both!(demo_fills_the_sala_directory);
