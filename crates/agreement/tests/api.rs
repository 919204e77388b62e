//! The JSON view and the demo data, on both databases.

use crate::common::*;

async fn the_json_has_the_version_in_force_and_the_list_of_versions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    let (_, principles) = new_draft(&app, &c, sala).await;
    let dialog = principles[1];
    let p = post(
        &c,
        &format!("{M}/princip/{dialog}/ataganden"),
        &[
            ("party", "civil_society"),
            ("position", ""),
            ("heading", "Delta"),
            ("text", "Civilsamhället deltar."),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    assert_eq!(
        post(
            &c,
            &format!("{M}/anta"),
            &[("adopted_by", "kommunfullmäktige"), ("adopted_on", "2018-02-26")]
        )
        .await
        .status,
        303
    );

    let (status, json) = app.client().get_json("/api/v1/sala/agreement").await;
    assert_eq!(status, 200);
    assert_eq!(json["municipality"], "sala");
    let current = &json["current"];
    assert_eq!(current["number"], 1);
    assert_eq!(current["status"], "adopted");
    assert_eq!(current["adopted_by"], "kommunfullmäktige");
    assert_eq!(current["adopted_on"], "2018-02-26");
    let principles = current["principles"].as_array().unwrap();
    assert_eq!(principles.len(), 6);
    assert_eq!(principles[1]["number"], 2);
    assert_eq!(principles[1]["name"], "Dialog");
    assert_eq!(principles[1]["municipality_commitments"].as_array().unwrap().len(), 0);
    let cs = &principles[1]["civil_society_commitments"][0];
    assert_eq!(cs["number"], 1);
    assert_eq!(cs["heading"], "Delta");
    assert_eq!(cs["text"], "Civilsamhället deltar.");
    assert_eq!(json["versions"][0]["href"], "/api/v1/sala/agreement/versions/1");

    let (status, one) = app.client().get_json("/api/v1/sala/agreement/versions/1").await;
    assert_eq!(status, 200);
    assert_eq!(one["number"], 1);
    assert_eq!(one["principles"].as_array().unwrap().len(), 6);
    // A draft, a missing version and a missing municipality are 404s.
    assert_eq!(post(&c, &format!("{M}/nytt-utkast"), &[]).await.status, 303);
    assert_eq!(app.client().get_json("/api/v1/sala/agreement/versions/2").await.0, 404);
    assert_eq!(app.client().get_json("/api/v1/sala/agreement/versions/x").await.0, 404);
    assert_eq!(app.client().get_json("/api/v1/finns-inte/agreement").await.0, 404);
    let (status, orebro) = app.client().get_json("/api/v1/orebro/agreement").await;
    assert_eq!(status, 200);
    assert!(orebro["current"].is_null());
    app.stop().await;
}

async fn the_demo_loads_the_seeds_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    let lulea = app.municipality("lulea", "Luleå").await;
    let db = &app.state.db;
    agreement::demo(db, app.state.now()).await.unwrap();
    agreement::demo(db, app.state.now()).await.unwrap();

    let versions = store::versions(db, sala).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].adopted_by.as_deref(), Some("kommunfullmäktige"));
    assert_eq!(versions[0].adopted_on.as_deref(), Some("2018-02-28"));
    let contents = store::contents(db, sala, versions[0].id).await.unwrap();
    let names: Vec<&str> = contents.iter().map(|p| p.principle.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Självständighet och oberoende",
            "Dialog",
            "Kvalitet",
            "Långsiktighet",
            "Öppenhet och insyn",
            "Mångfald"
        ]
    );
    assert!(contents
        .iter()
        .all(|p| !p.of(Party::Municipality).is_empty() && !p.of(Party::CivilSociety).is_empty()));
    let timeline = timeline::timeline(db, sala).await.unwrap();
    assert_eq!(timeline.len(), 9);
    assert_eq!(timeline[0].happened_on, "2017-05-31");

    assert_eq!(store::versions(db, orebro).await.unwrap().len(), 1);

    let draft = store::draft(db, lulea).await.unwrap().expect("Luleå's draft");
    let contents = store::contents(db, lulea, draft.id).await.unwrap();
    assert_eq!(contents[1].principle.name, "Öppenhet och insyn");
    let consultations = consultation::consultations(db, lulea).await.unwrap();
    assert_eq!(consultations.len(), 1);
    assert_eq!(consultations[0].status, ConsultationStatus::Published);
    let comments = consultation::comments(db, lulea, consultations[0].id).await.unwrap();
    assert_eq!(comments.len(), 37);

    let p = app.client().get("/lulea/overenskommelse/remiss").await;
    assert_eq!(p.status, 200);
    let text = p.text();
    assert!(text.contains("Tillit"));
    assert!(text.contains("Bevilja bidrag mer än ett år i taget"));
    assert!(text.contains("publicerades 2018-06-25"), "{text}");
    let p = app.client().get("/sala/overenskommelse/tidslinje").await;
    assert!(p.text().contains("Kulturnatta"));
    app.stop().await;
}

both!(
    the_json_has_the_version_in_force_and_the_list_of_versions,
    the_demo_loads_the_seeds_once,
);
