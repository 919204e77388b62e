//! The public directory, its JSON and the public profile page, on both databases.

use crate::common::{edit, org, result_names, set_signed, sign};
use registry::domain::{Category, Feature};
use registry::parts::store::{self, NewContact, NewPremises};
use testkit::{both, Backend, TestApp};

async fn search_handles_swedish_compounds_and_ranks_name_matches_first(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    org(
        &app,
        sala,
        "Aktiva seniorer",
        1,
        &[Category::Pensionarer],
        "Vi ordnar idrottsaktiviteter och promenader för pensionärer.",
    )
    .await;
    org(
        &app,
        sala,
        "Sala Idrottsförening",
        2,
        &[Category::Idrott],
        "Fotboll och friidrott för alla åldrar.",
    )
    .await;
    org(
        &app,
        sala,
        "Öjebyns hembygdsförening",
        3,
        &[Category::Kultur],
        "Vi vårdar bygdens historia och ordnar midsommarfirande.",
    )
    .await;
    org(
        &app,
        sala,
        "Brukets kör",
        4,
        &[Category::Kultur],
        "Körsång i Sala sedan 1962.",
    )
    .await;
    org(
        &app,
        orebro,
        "Örebro idrottsklubb",
        5,
        &[Category::Idrott],
        "Idrott i Örebro.",
    )
    .await;
    let c = app.client();

    let page = c.get("/sala/foreningar?q=idrott").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        result_names(&page.body),
        vec!["Sala Idrottsförening", "Aktiva seniorer"],
        "the compound 'idrottsförening' and 'idrottsaktiviteter' are found by 'idrott', name match first; \
         Örebro's club is not Sala's"
    );
    assert!(page.text().contains("2 organisationer hittades"));

    let page = c.get("/sala/foreningar?q=%C3%B6jebyn").await;
    assert_eq!(
        result_names(&page.body),
        vec!["Öjebyns hembygdsförening"],
        "ö is a letter of its own"
    );
    let page = c.get("/sala/foreningar?q=hembygdsf%C3%B6reningar").await;
    assert_eq!(
        result_names(&page.body),
        vec!["Öjebyns hembygdsförening"],
        "plural finds singular"
    );
    let page = c.get("/sala/foreningar?q=k%C3%B6rer").await;
    assert_eq!(
        result_names(&page.body),
        vec!["Brukets kör"],
        "körer → kör, and körsång"
    );
    let page = c.get("/sala/foreningar?q=ojebyn").await;
    assert!(result_names(&page.body).is_empty(), "o is not ö");
    let page = c.get("/sala/foreningar?q=%22%29+OR+*").await;
    assert_eq!(page.status, 200, "FTS syntax in the query is harmless");

    // No search: Swedish alphabetical order, å ä ö last.
    let page = c.get("/sala/foreningar").await;
    assert_eq!(
        result_names(&page.body),
        vec![
            "Aktiva seniorer",
            "Brukets kör",
            "Sala Idrottsförening",
            "Öjebyns hembygdsförening"
        ]
    );

    // The JSON gives the same set.
    let (status, json) = c.get_json("/api/v1/sala/organisations?q=idrott").await;
    assert_eq!(status, 200);
    let names: Vec<&str> = json["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Sala Idrottsförening", "Aktiva seniorer"]);
    assert_eq!(json["total"], 2);
}

async fn filters_pagination_and_json(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let scouts = org(
        &app,
        sala,
        "Sala scoutkår",
        10,
        &[Category::BarnUnga, Category::Fritid],
        "Scouting för barn och unga.",
    )
    .await;
    let pro = org(
        &app,
        sala,
        "PRO Sala",
        11,
        &[Category::Pensionarer],
        "Pensionärernas riksorganisation i Sala.",
    )
    .await;
    let bowl = org(&app, sala, "Sala bowlingklubb", 12, &[Category::Idrott], "Bowling.").await;
    sign(&app, sala, pro).await;
    let hall = NewPremises {
        name: "Scoutstugan".into(),
        address: "Skogsvägen 1".into(),
        capacity: Some(40),
        equipment: "Kök".into(),
        features: vec![Feature::StepFree, Feature::Parking],
    };
    store::add_premises(db, sala, scouts, &hall, None, now).await.unwrap();
    let lokal = NewPremises {
        name: "PRO-lokalen".into(),
        address: "Storgatan 2".into(),
        capacity: None,
        equipment: String::new(),
        features: vec![Feature::HearingLoop, Feature::StepFree],
    };
    store::add_premises(db, sala, pro, &lokal, None, now).await.unwrap();
    let c = app.client();

    let names = |p: &str| {
        let c = &c;
        let p = p.to_string();
        async move { result_names(&c.get(&p).await.body) }
    };
    assert_eq!(
        names("/sala/foreningar?kategori=idrott").await,
        vec!["Sala bowlingklubb"]
    );
    assert_eq!(names("/sala/foreningar?signerat=1").await, vec!["PRO Sala"]);
    assert_eq!(
        names("/sala/foreningar?lokal=1").await,
        vec!["PRO Sala", "Sala scoutkår"]
    );
    assert_eq!(
        names("/sala/foreningar?tillganglighet=step_free&tillganglighet=parking").await,
        vec!["Sala scoutkår"],
        "every chosen feature in the same premises"
    );
    assert_eq!(
        names("/sala/foreningar?tillganglighet=hearing_loop&signerat=1").await,
        vec!["PRO Sala"]
    );
    assert_eq!(
        names("/sala/foreningar?kategori=barn-unga&q=scout").await,
        vec!["Sala scoutkår"]
    );
    assert!(names("/sala/foreningar?kategori=idrott&signerat=1").await.is_empty());
    let profile = c.get(&format!("/sala/foreningar/{bowl}")).await;
    assert!(profile.text().contains("har inte signerat"));
    let profile = c.get(&format!("/sala/foreningar/{pro}")).await;
    assert!(profile.text().contains("Organisationen har signerat överenskommelsen"));
    assert!(profile.text().contains("Hörslinga"));

    let (_, json) = c.get_json("/api/v1/sala/organisations?lokal=1&signerat=1").await;
    assert_eq!(json["total"], 1);
    assert_eq!(json["organisations"][0]["id"], pro.get());
    assert_eq!(json["organisations"][0]["signed"], true);
    assert_eq!(json["organisations"][0]["categories"][0], "pensionarer");

    // 25 more: two pages of 20; page 2 holds the rest; the links keep the filters.
    for i in 0..25 {
        org(
            &app,
            sala,
            &format!("Förening {i:02}"),
            100 + i,
            &[Category::Kultur],
            "Kultur.",
        )
        .await;
    }
    let first = c.get("/sala/foreningar?kategori=kultur").await;
    assert_eq!(result_names(&first.body).len(), 20);
    assert!(first.text().contains("25 organisationer hittades"));
    let hrefs: Vec<String> = first
        .body
        .split("href=\"")
        .skip(1)
        .filter_map(|h| h.split('"').next())
        .map(|h| h.replace("&#38;", "&").replace("&amp;", "&"))
        .collect();
    assert!(
        hrefs.iter().any(|h| h == "/sala/foreningar?kategori=kultur&sida=2"),
        "the link to page 2 keeps the filter: {hrefs:?}"
    );
    let second = c.get("/sala/foreningar?kategori=kultur&sida=2").await;
    assert_eq!(
        result_names(&second.body),
        (20..25).map(|i| format!("Förening {i:02}")).collect::<Vec<_>>()
    );
    let (_, json) = c.get_json("/api/v1/sala/organisations?kategori=kultur&sida=2").await;
    assert_eq!(json["organisations"].as_array().unwrap().len(), 5);
    assert_eq!(json["page"], 2);
    let past = c.get("/sala/foreningar?kategori=kultur&sida=9").await;
    assert_eq!(past.status, 200);
    assert!(result_names(&past.body).is_empty());
}

/// The filters the search index answers itself (category, signed, premises) follow every
/// change: a withdrawn signature, removed premises, changed categories, with and without a
/// text query.
async fn filters_follow_signatures_premises_and_categories(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let art = org(
        &app,
        sala,
        "Sala konstförening",
        30,
        &[Category::Kultur],
        "Måleri och grafik.",
    )
    .await;
    org(&app, sala, "Sala konstgrafiker", 31, &[Category::Kultur], "Grafik.").await;
    let c = app.client();
    let names = |p: &'static str| {
        let c = &c;
        async move { result_names(&c.get(p).await.body) }
    };
    let signed_q = "/sala/foreningar?q=konst&signerat=1";
    let signed_all = "/sala/foreningar?signerat=1";
    assert!(names(signed_q).await.is_empty());
    sign(&app, sala, art).await;
    assert_eq!(names(signed_q).await, ["Sala konstförening"]);
    assert_eq!(names(signed_all).await, ["Sala konstförening"]);
    sqlx::query("UPDATE signatures SET withdrawn_at = $1 WHERE organisation_id = $2")
        .bind(now)
        .bind(art)
        .execute(&db.pool)
        .await
        .unwrap();
    set_signed(&app, art, false).await;
    assert!(
        names(signed_q).await.is_empty(),
        "a withdrawn signature no longer counts"
    );
    assert!(names(signed_all).await.is_empty());
    sign(&app, sala, art).await;
    assert_eq!(names(signed_q).await, ["Sala konstförening"], "signed again");

    let premises_q = "/sala/foreningar?q=grafik&lokal=1";
    assert!(names(premises_q).await.is_empty());
    let studio = NewPremises {
        name: "Ateljén".into(),
        address: "Storgatan 9".into(),
        capacity: Some(12),
        equipment: "Tryckpress".into(),
        features: vec![Feature::Lift],
    };
    store::add_premises(db, sala, art, &studio, None, now).await.unwrap();
    assert_eq!(names(premises_q).await, ["Sala konstförening"]);
    assert_eq!(
        names("/sala/foreningar?q=grafik&tillganglighet=lift").await,
        ["Sala konstförening"]
    );
    assert!(names("/sala/foreningar?q=grafik&tillganglighet=parking")
        .await
        .is_empty());
    sqlx::query("DELETE FROM registry_premises WHERE organisation_id = $1")
        .bind(art)
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(names(premises_q).await.is_empty(), "removed premises no longer count");
    assert!(names("/sala/foreningar?lokal=1").await.is_empty());

    let kultur_q = "/sala/foreningar?q=konst&kategori=kultur";
    let mut both = names(kultur_q).await;
    both.sort();
    assert_eq!(both, ["Sala konstförening", "Sala konstgrafiker"]);
    registry::profile::store::update(
        db,
        sala,
        art,
        &edit("Sala konstförening", 30, &[Category::Idrott], "Måleri och grafik."),
        None,
        now,
    )
    .await
    .unwrap();
    assert_eq!(names(kultur_q).await, ["Sala konstgrafiker"]);
    assert_eq!(
        names("/sala/foreningar?q=konst&kategori=idrott&signerat=1").await,
        ["Sala konstförening"]
    );
    // A word typed is never taken for a filter's word.
    assert!(names("/sala/foreningar?q=signerad").await.is_empty());
    assert!(names("/sala/foreningar?q=kat1").await.is_empty());
}

async fn profile_shows_public_contacts_only_and_escapes_html(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    let db = &app.state.db;
    let now = app.state.now();
    let id = org(
        &app,
        sala,
        "<b>Fet</b> förening",
        20,
        &[Category::Kultur],
        "<script>alert(1)</script> Vi spelar teater.",
    )
    .await;
    let public = NewContact {
        name: "Anna Andersson".into(),
        role: "Ordförande".into(),
        email: "anna@example.se".into(),
        phone: String::new(),
        is_public: true,
    };
    let hidden = NewContact {
        name: "Hemliga Henrik".into(),
        role: "Kassör".into(),
        email: "henrik@example.se".into(),
        phone: "070-123 45 67".into(),
        is_public: false,
    };
    store::add_contact(db, sala, id, &public, None, now).await.unwrap();
    store::add_contact(db, sala, id, &hidden, None, now).await.unwrap();
    let c = app.client();
    let page = c.get(&format!("/sala/foreningar/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Anna Andersson"));
    assert!(!page.body.contains("Henrik") && !page.body.contains("henrik@example.se"));
    assert!(!page.body.contains("<script>alert(1)</script>"));
    assert!(
        page.text().contains("<script>alert(1)</script> Vi spelar teater."),
        "shown escaped, as typed"
    );
    assert!(!page.body.contains("<b>Fet</b>"));
    assert!(page.text().contains("<b>Fet</b> förening"), "shown as typed");
    assert!(page.text().contains(&crate::common::orgnr(20)));
    let dir = c.get("/sala/foreningar?q=teater").await;
    assert!(!dir.body.contains("<script>alert"));
    let (_, json) = c.get_json("/api/v1/sala/organisations").await;
    assert!(!json.to_string().contains("Henrik"));
    let (status, json) = c.get_json(&format!("/api/v1/sala/organisations/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(json["contacts"].as_array().unwrap().len(), 1);
    assert_eq!(json["contacts"][0]["name"], "Anna Andersson");
    assert!(
        !json.to_string().contains("Henrik"),
        "non-public contacts never in the JSON"
    );
    assert_eq!(c.get_json("/api/v1/sala/organisations/999999").await.0, 404);
    assert_eq!(c.get_json(&format!("/api/v1/orebro/organisations/{id}")).await.0, 404);

    assert_eq!(c.get("/sala/foreningar/999999").await.status, 404);
    assert_eq!(c.get("/sala/foreningar/abc").await.status, 404);
    assert_eq!(
        c.get(&format!("/orebro/foreningar/{id}")).await.status,
        404,
        "Sala's organisation is not Örebro's"
    );
    assert_eq!(c.get("/ingenstans/foreningar").await.status, 404);
    let _ = orebro;
}

async fn the_directory_speaks_english_too(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = org(&app, sala, "Sala scoutkår", 1, &[Category::BarnUnga], "Scouting.").await;
    let c = app.client();
    let sv = c.get("/sala/foreningar").await;
    assert!(sv.text().contains("Föreningsregister") && sv.text().contains("Barn och unga"));
    let p = c
        .post_raw(
            "/sprak",
            &[("_csrf", &sv.csrf()), ("lang", "en"), ("next", "/sala/foreningar")],
        )
        .await;
    assert_eq!(p.status, 303);
    let en = c.get("/sala/foreningar?q=scout").await;
    let text = en.text();
    assert!(
        text.contains("Association registry") && text.contains("Children and young people"),
        "{text}"
    );
    assert!(text.contains("1 organisation found"));
    let profile = c.get(&format!("/sala/foreningar/{id}")).await;
    assert!(profile.text().contains("has not signed the agreement"));
}

both!(
    the_directory_speaks_english_too,
    search_handles_swedish_compounds_and_ranks_name_matches_first,
    filters_pagination_and_json,
    filters_follow_signatures_premises_and_categories,
    profile_shows_public_contacts_only_and_escapes_html
);
