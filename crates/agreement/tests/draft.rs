//! The draft over HTTP on both databases: versions (draft → adopted → frozen → new draft),
//! roles and tenant isolation, bad input, and two drafts started at once.

use crate::common::*;

async fn a_draft_is_edited_adopted_frozen_and_followed_by_a_new_draft(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;

    let p = app.client().get("/sala/overenskommelse").await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("inte antagit"), "{}", p.text());

    // A first draft starts with the six national principles.
    let p = post(&c, &format!("{M}/nytt-utkast"), &[]).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().starts_with(&format!("{M}/utkast")));
    let p = c.get(&format!("{M}/utkast")).await;
    assert_eq!(p.status, 200);
    for name in [
        "Självständighet och oberoende",
        "Dialog",
        "Kvalitet",
        "Långsiktighet",
        "Öppenhet och insyn",
        "Mångfald",
    ] {
        assert!(p.text().contains(name), "{name} missing");
    }
    // A second draft is refused while there is one.
    let p = post(&c, &format!("{M}/nytt-utkast"), &[]).await;
    assert_eq!(p.status, 409);

    let v1 = draft_id(&app, sala).await;
    let p = post(
        &c,
        &format!("{M}/utkast/inledning"),
        &[("intro", "Vår överenskommelse <b>fet</b>")],
    )
    .await;
    assert_eq!(p.status, 303);
    let contents = store::contents(&app.state.db, sala, v1).await.unwrap();
    let dialog = contents[1].principle.id;
    assert_eq!(contents[1].principle.name, "Dialog");
    let p = post(
        &c,
        &format!("{M}/princip/{dialog}/ataganden"),
        &[
            ("party", "municipality"),
            ("position", ""),
            ("heading", ""),
            ("text", "Kommunen bjuder in till dialogmöten."),
        ],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let p = post(
        &c,
        &format!("{M}/princip/{dialog}/ataganden"),
        &[
            ("party", "civil_society"),
            ("position", ""),
            ("heading", "Tillit"),
            ("text", "Civilsamhället deltar."),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    // A new principle at number 1 moves the others down.
    let p = post(
        &c,
        &format!("{M}/utkast/principer"),
        &[("number", "1"), ("name", "Ny princip"), ("body", "")],
    )
    .await;
    assert_eq!(p.status, 303);
    let contents = store::contents(&app.state.db, sala, v1).await.unwrap();
    let names: Vec<&str> = contents.iter().map(|p| p.principle.name.as_str()).collect();
    assert_eq!(names[..3], ["Ny princip", "Självständighet och oberoende", "Dialog"]);
    assert_eq!(contents[2].principle.position, 3);
    let p = post(&c, &format!("{M}/princip/{}/ta-bort", contents[0].principle.id), &[]).await;
    assert_eq!(p.status, 303);
    assert_eq!(store::contents(&app.state.db, sala, v1).await.unwrap().len(), 6);

    // The draft is not public.
    assert_eq!(app.client().get("/sala/overenskommelse/version/1").await.status, 404);

    let p = post(
        &c,
        &format!("{M}/anta"),
        &[("adopted_by", "kommunfullmäktige"), ("adopted_on", "2018-02-26")],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(audit_count(&app, "agreement.adopt").await, 1);

    let p = app.client().get("/sala/overenskommelse").await;
    assert_eq!(p.status, 200);
    let text = p.text();
    assert!(text.contains("kommunfullmäktige"));
    assert!(text.contains("2018-02-26"));
    assert!(text.contains("Kommunen bjuder in till dialogmöten."));
    assert!(text.contains("Civilsamhällets åtaganden"));
    assert!(escaped(&p.body, "<b>fet</b>"), "HTML not escaped");

    // Frozen: every edit of the adopted version is refused with 409, and nothing changes.
    let contents = store::contents(&app.state.db, sala, v1).await.unwrap();
    let dialog = contents[1].principle.id;
    let commitment = contents[1].of(Party::Municipality)[0].id;
    assert_eq!(c.get(&format!("{M}/princip/{dialog}")).await.status, 409);
    let p = post(
        &c,
        &format!("{M}/princip/{dialog}"),
        &[("number", ""), ("name", "Ändrad"), ("body", "")],
    )
    .await;
    assert_eq!(p.status, 409);
    assert!(p.text().contains("antagen version kan inte ändras"), "{}", p.text());
    let p = post(
        &c,
        &format!("{M}/atagande/{commitment}"),
        &[
            ("party", "municipality"),
            ("position", ""),
            ("heading", ""),
            ("text", "Ändrad"),
        ],
    )
    .await;
    assert_eq!(p.status, 409);
    assert_eq!(
        post(&c, &format!("{M}/atagande/{commitment}/ta-bort"), &[])
            .await
            .status,
        409
    );
    assert_eq!(
        post(&c, &format!("{M}/princip/{dialog}/ta-bort"), &[]).await.status,
        409
    );
    assert!(matches!(
        draft::update_intro(&app.state.db, sala, v1, "x", None, app.state.now()).await,
        Err(StoreError::Rule(RuleError::Frozen))
    ));
    let after = store::contents(&app.state.db, sala, v1).await.unwrap();
    assert_eq!(after[1].principle.name, "Dialog");
    assert_eq!(
        after[1].of(Party::Municipality)[0].body,
        "Kommunen bjuder in till dialogmöten."
    );

    // A new draft starts from the adopted text.
    assert_eq!(post(&c, &format!("{M}/nytt-utkast"), &[]).await.status, 303);
    let v2 = draft_id(&app, sala).await;
    assert_ne!(v1, v2);
    let copy = store::contents(&app.state.db, sala, v2).await.unwrap();
    assert_eq!(copy.len(), 6);
    assert_eq!(
        copy[1].of(Party::Municipality)[0].body,
        "Kommunen bjuder in till dialogmöten."
    );
    assert_eq!(copy[1].of(Party::CivilSociety)[0].heading, "Tillit");
    let p = post(&c, &format!("{M}/utkast/inledning"), &[("intro", "Andra versionen.")]).await;
    assert_eq!(p.status, 303);
    // Version 1 is still what the public sees.
    assert!(app.client().get("/sala/overenskommelse").await.text().contains("fet"));
    let p = post(
        &c,
        &format!("{M}/anta"),
        &[("adopted_by", "kommunfullmäktige"), ("adopted_on", "2022-03-28")],
    )
    .await;
    assert_eq!(p.status, 303);

    let now = app.client().get("/sala/overenskommelse").await.text();
    assert!(now.contains("Andra versionen."));
    assert!(now.contains("Version 2"));
    let old = app.client().get("/sala/overenskommelse/version/1").await;
    assert_eq!(old.status, 200);
    assert!(old.text().contains("fet"));
    assert!(old.text().contains("äldre version"));
    assert_eq!(app.client().get("/sala/overenskommelse/version/3").await.status, 404);
    assert_eq!(app.client().get("/sala/overenskommelse/version/tre").await.status, 404);
    app.stop().await;
}

async fn only_the_municipalitys_coordinator_manages(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    assert_eq!(post(&c, &format!("{M}/nytt-utkast"), &[]).await.status, 303);
    let v = draft_id(&app, sala).await;
    let principle = store::contents(&app.state.db, sala, v).await.unwrap()[0].principle.id;

    let pages = [
        M.to_string(),
        format!("{M}/utkast"),
        format!("{M}/princip/{principle}"),
        format!("{M}/anta"),
        format!("{M}/tidslinje"),
        format!("{M}/remiss"),
    ];
    // Anonymous: sent to log in.
    for path in &pages {
        let s = app.client().get(path).await.status;
        assert!(s == 401 || s == 303, "{path}: {s}");
    }
    // Signed in without a role, staff of Sala, and Örebro's coordinator: forbidden.
    let (plain, _) = app.signed_in("person@example.se", None).await;
    let (staff, _) = app
        .signed_in("personal@sala.se", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let orebro = coordinator(&app, "samordnare@orebro.se", "orebro").await;
    for client in [&plain, &staff, &orebro] {
        for path in &pages {
            assert_eq!(client.get(path).await.status, 403, "{path}");
        }
        let p = post(client, &format!("{M}/utkast/inledning"), &[("intro", "Kapad")]).await;
        assert_eq!(p.status, 403);
        let p = post(
            client,
            &format!("{M}/princip/{principle}"),
            &[("number", ""), ("name", "Kapad"), ("body", "")],
        )
        .await;
        assert_eq!(p.status, 403);
        let p = post(
            client,
            &format!("{M}/anta"),
            &[("adopted_by", "x"), ("adopted_on", "2020-01-01")],
        )
        .await;
        assert_eq!(p.status, 403);
        let p = post(
            client,
            &format!("{M}/tidslinje"),
            &[
                ("happened_on", "2020-01-01"),
                ("kind", "other"),
                ("title", "Kapad"),
                ("body", ""),
            ],
        )
        .await;
        assert_eq!(p.status, 403);
    }
    // Örebro's coordinator reaching Sala's principle through Örebro's pages finds nothing.
    let p = orebro
        .get(&format!("/orebro/overenskommelse/hantera/princip/{principle}"))
        .await;
    assert_eq!(p.status, 404);
    let p = orebro
        .submit(
            "/orebro/overenskommelse",
            &format!("/orebro/overenskommelse/hantera/princip/{principle}"),
            &[("number", ""), ("name", "Kapad"), ("body", "")],
        )
        .await;
    assert_eq!(p.status, 404);
    let p = orebro
        .submit(
            "/orebro/overenskommelse",
            &format!("/orebro/overenskommelse/hantera/princip/{principle}/ta-bort"),
            &[],
        )
        .await;
    assert_eq!(p.status, 404);
    // Nothing changed in Sala.
    let draft = store::draft(&app.state.db, sala).await.unwrap().unwrap();
    assert_eq!(draft.intro, "");
    let contents = store::contents(&app.state.db, sala, v).await.unwrap();
    assert_eq!(contents.len(), 6);
    assert_eq!(contents[0].principle.name, "Självständighet och oberoende");
    assert!(timeline::timeline(&app.state.db, sala).await.unwrap().is_empty());
    // The store itself keeps tenants apart.
    let orebro_id = platform::tenants::store::by_slug(&app.state.db, "orebro")
        .await
        .unwrap()
        .unwrap()
        .id;
    assert!(store::principle(&app.state.db, orebro_id, principle)
        .await
        .unwrap()
        .is_none());
    assert!(matches!(
        draft::remove_principle(&app.state.db, orebro_id, principle, None, app.state.now()).await,
        Err(StoreError::NotFound)
    ));
    // The draft is not in the public JSON.
    let (_, json) = app.client().get_json("/api/v1/sala/agreement").await;
    assert!(json["current"].is_null());
    assert_eq!(json["versions"].as_array().unwrap().len(), 0);
    app.stop().await;
}

async fn bad_input_is_refused_with_the_form_and_a_clear_message(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    let (_, principles) = new_draft(&app, &c, sala).await;
    let principle = principles[0];

    let long_name = "x".repeat(201);
    let p = post(
        &c,
        &format!("{M}/utkast/principer"),
        &[("number", "100"), ("name", &long_name), ("body", "")],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(
        p.text().contains("Texten är för lång. Högst 200 tecken."),
        "{}",
        p.text()
    );
    assert!(p.text().contains("Skriv ett heltal från 1 till 99."));
    assert!(p.body.contains("error-summary"));
    assert!(p.body.contains(&long_name), "what was typed is kept");

    let long_text = "y".repeat(5001);
    let p = post(&c, &format!("{M}/utkast/inledning"), &[("intro", &long_text)]).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Högst 5000 tecken"));

    let p = post(
        &c,
        &format!("{M}/princip/{principle}/ataganden"),
        &[("party", "kyrkan"), ("position", "noll"), ("heading", ""), ("text", "")],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Välj ett av alternativen."));
    assert!(p.text().contains("Fyll i fältet."));

    let p = post(
        &c,
        &format!("{M}/anta"),
        &[("adopted_by", ""), ("adopted_on", "2018-02-30")],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv ett datum som 2018-02-26."));
    assert!(
        store::draft(&app.state.db, sala).await.unwrap().is_some(),
        "still a draft"
    );

    let p = post(
        &c,
        &format!("{M}/princip/{principle}"),
        &[("number", ""), ("name", "<em>Själv</em>"), ("body", "")],
    )
    .await;
    assert_eq!(p.status, 303);
    let page = c.get(&format!("{M}/utkast")).await;
    assert!(escaped(&page.body, "<em>Själv</em>"));

    for path in [
        format!("{M}/princip/999999"),
        format!("{M}/princip/abc"),
        format!("{M}/atagande/999999"),
        format!("{M}/remiss/999999"),
        format!("{M}/tidslinje/999999"),
        "/sala/overenskommelse/remiss/999999".to_string(),
        "/finns-inte/overenskommelse".to_string(),
    ] {
        assert_eq!(c.get(&path).await.status, 404, "{path}");
    }
    assert_eq!(post(&c, &format!("{M}/atagande/999999/ta-bort"), &[]).await.status, 404);
    assert_eq!(post(&c, &format!("{M}/remiss/999999/stang"), &[]).await.status, 404);
    app.stop().await;
}

async fn two_drafts_started_at_once_give_one_draft(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let (a, b) = tokio::join!(
        draft::start_draft(db, sala, &[], None, now),
        draft::start_draft(db, sala, &[], None, now)
    );
    let refused = [&a, &b]
        .iter()
        .filter(|r| matches!(r, Err(StoreError::Rule(RuleError::DraftExists))))
        .count();
    assert_eq!((a.is_ok() as usize) + (b.is_ok() as usize), 1, "{a:?} {b:?}");
    assert_eq!(refused, 1);
    assert_eq!(store::versions(db, sala).await.unwrap().len(), 1);
    app.stop().await;
}

both!(
    a_draft_is_edited_adopted_frozen_and_followed_by_a_new_draft,
    only_the_municipalitys_coordinator_manages,
    bad_input_is_refused_with_the_form_and_a_clear_message,
    two_drafts_started_at_once_give_one_draft,
);
