//! What a newcomer sees in the demo, on both databases: the seeds' municipalities and what
//! each capability loads from them.

use testkit::{both, Backend, TestApp};

async fn the_demo_shows_the_seeds(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    assert!(
        !app::demo::load(&app.state.db, app.state.now()).await.unwrap(),
        "loaded once"
    );
    let anon = app.client();

    // Sala's signing book: the paper book after Kulturnatta 2018, a department and a company.
    let book = anon.get("/sala/signeringsbok").await;
    assert_eq!(book.status, 200);
    let text = book.text();
    assert!(
        text.contains("Kultur och fritid") && text.contains("Salabostäder AB"),
        "{text}"
    );
    assert!(text.contains("2018-04-21"), "{text}");
    assert!(
        text.contains("Kommunala förvaltningar 1") && text.contains("Kommunala bolag 1"),
        "{text}"
    );
    // IKS is left for the demo representative to sign online.
    assert!(!text.contains("IKS – Ideell Kultur i Sala"), "{text}");
    let (_, json) = anon.get_json("/api/v1/orebro/signatures").await;
    assert!(json["counts"]["total"].as_i64().unwrap() >= 2, "{json}");

    // Sala's agreement: the six principles in Sala's order.
    let agreement = anon.get("/sala/overenskommelse").await;
    assert_eq!(agreement.status, 200);
    let text = agreement.text();
    let principles = [
        "Självständighet och oberoende",
        "Dialog",
        "Kvalitet",
        "Långsiktighet",
        "Öppenhet och insyn",
        "Mångfald",
    ];
    let at: Vec<usize> = principles
        .iter()
        .map(|p| text.find(p).unwrap_or_else(|| panic!("{p} is missing: {text}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "Sala's order: {at:?}");
    // Seed 001: kommunfullmäktige adopted the six principles on 28 February 2018.
    assert!(text.contains("antagen av kommunfullmäktige 2018-02-28"), "{text}");

    // The directory is populated, and its signatory filter finds the associations of the
    // paper book (eight; IKS is not among them until it signs online).
    let (_, all) = anon.get_json("/api/v1/sala/organisations").await;
    assert!(all["total"].as_i64().unwrap() >= 10, "{all}");
    let (_, signed) = anon.get_json("/api/v1/sala/organisations?signerat=1").await;
    assert_eq!(signed["total"], 8, "{signed}");
    let directory = anon.get("/sala/foreningar?signerat=1").await;
    assert!(!directory.text().contains("IKS – Ideell Kultur i Sala"));

    // Sala's action plan: seed 003 through the importer, with progress and a working group.
    let plan = anon.get("/sala/handlingsplan").await;
    assert_eq!(plan.status, 200);
    let text = plan.text();
    assert!(
        text.contains("1 Självständighet") && text.contains("2 Dialog"),
        "{text}"
    );
    // Seed 001: kommunstyrelsen adopted Sala's action plan on 7 June 2018 (Samverkansrådet is
    // Örebro's council, not Sala's).
    assert!(text.contains("kommunstyrelsen, 2018-06-07"), "{text}");
    assert!(!text.contains("Samverkansrådet"), "{text}");
    assert!(text.contains("Klar") && text.contains("1 av "), "{text}");
    let (_, json) = anon.get_json("/api/v1/sala/action-plan").await;
    assert!(json["principles"].as_array().unwrap().len() >= 2, "{json}");
    let groups = anon.get("/sala/handlingsplan/grupper").await;
    assert!(groups.text().contains("Arbetsgrupp 1: Självständighet"));
    app.stop().await;
}

both!(the_demo_shows_the_seeds);
