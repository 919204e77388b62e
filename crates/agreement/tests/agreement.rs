//! The agreement over HTTP on both databases: versions (draft → adopted → frozen → new draft),
//! the timeline, consultations, roles and tenant isolation, bad input, JSON and the demo.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

use agreement::domain::{ConsultationStatus, Party};
use agreement::store;
use platform::auth::RoleKind;
use testkit::{both, Backend, Client, TestApp, PASSWORD};

const M: &str = "/sala/overenskommelse/hantera";

async fn coordinator(app: &TestApp, email: &str, slug: &str) -> Client {
    app.user(email, Some((RoleKind::Coordinator, Some(slug)))).await;
    let c = app.client();
    c.login(email, PASSWORD).await;
    c
}

/// Post a form from a page of the agreement (any page of ours carries a CSRF token).
async fn post(c: &Client, action: &str, fields: &[(&str, &str)]) -> testkit::Page {
    c.submit("/sala/overenskommelse", action, fields).await
}

/// The text is on the page with its HTML escaped, never as markup.
fn escaped(body: &str, raw: &str) -> bool {
    let named = raw.replace('<', "&lt;").replace('>', "&gt;");
    let numeric = raw.replace('<', "&#60;").replace('>', "&#62;");
    !body.contains(raw) && (body.contains(&named) || body.contains(&numeric))
}

async fn draft_id(app: &TestApp, m: i64) -> i64 {
    store::draft(&app.state.db, m).await.unwrap().expect("a draft").id
}

async fn audit_count(app: &TestApp, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

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
        store::update_intro(&app.state.db, sala, v1, "x", None, app.state.now()).await,
        Err(store::StoreError::Rule(agreement::domain::RuleError::Frozen))
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

async fn the_timeline_is_kept_by_the_coordinator_and_public(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    let add = |on: &'static str, title: &'static str| {
        let c = &c;
        async move {
            post(
                c,
                &format!("{M}/tidslinje"),
                &[("happened_on", on), ("kind", "meeting"), ("title", title), ("body", "")],
            )
            .await
        }
    };
    assert_eq!(add("2017-09-05", "Andra dialogmötet").await.status, 303);
    assert_eq!(add("2017-05-31", "Första dialogmötet <script>").await.status, 303);
    let p = post(
        &c,
        &format!("{M}/tidslinje"),
        &[
            ("happened_on", "2018-02-28"),
            ("kind", "decision"),
            ("title", "Kommunfullmäktige antar principerna"),
            ("body", ""),
        ],
    )
    .await;
    assert_eq!(p.status, 303);

    let p = app.client().get("/sala/overenskommelse/tidslinje").await;
    assert_eq!(p.status, 200);
    let text = p.text();
    let first = text.find("Första dialogmötet").unwrap();
    let second = text.find("Andra dialogmötet").unwrap();
    let third = text.find("Kommunfullmäktige antar").unwrap();
    assert!(first < second && second < third, "not in date order");
    assert!(text.contains("Beslut"));
    assert!(escaped(&p.body, "Första dialogmötet <script>"));

    // Bad input: a date that is not one, an unknown kind, an empty title.
    let p = post(
        &c,
        &format!("{M}/tidslinje"),
        &[
            ("happened_on", "31 maj"),
            ("kind", "party"),
            ("title", ""),
            ("body", ""),
        ],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv ett datum som 2018-02-26."));
    assert!(p.text().contains("Välj ett av alternativen."));
    assert!(p.text().contains("Fyll i fältet."));
    assert_eq!(store::timeline(&app.state.db, sala).await.unwrap().len(), 3);

    let entries = store::timeline(&app.state.db, sala).await.unwrap();
    let id = entries[0].id;
    let p = post(
        &c,
        &format!("{M}/tidslinje/{id}"),
        &[
            ("happened_on", "2017-05-31"),
            ("kind", "meeting"),
            ("title", "Första dialogmötet"),
            ("body", "Vad betyder varje princip för oss?"),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    assert!(app
        .client()
        .get("/sala/overenskommelse/tidslinje")
        .await
        .text()
        .contains("Vad betyder varje princip"));
    assert_eq!(
        post(&c, &format!("{M}/tidslinje/{}/ta-bort", entries[1].id), &[])
            .await
            .status,
        303
    );
    assert_eq!(c.get(&format!("{M}/tidslinje/999999")).await.status, 404);
    assert_eq!(
        post(&c, &format!("{M}/tidslinje/999999/ta-bort"), &[]).await.status,
        404
    );

    let (status, json) = app.client().get_json("/api/v1/sala/agreement/timeline").await;
    assert_eq!(status, 200);
    assert_eq!(json["municipality"], "sala");
    let list = json["entries"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["date"], "2017-05-31");
    assert_eq!(list[0]["kind"], "meeting");
    assert_eq!(list[1]["kind"], "decision");
    assert_eq!(audit_count(&app, "agreement.timeline.add").await, 3);
    assert_eq!(audit_count(&app, "agreement.timeline.remove").await, 1);
    app.stop().await;
}

async fn a_consultation_is_commented_closed_compiled_and_published(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    assert_eq!(post(&c, &format!("{M}/nytt-utkast"), &[]).await.status, 303);
    let v = draft_id(&app, sala).await;
    // Without commitments there is nothing to comment on.
    let p = post(&c, &format!("{M}/remiss"), &[("title", "Remiss"), ("intro", "")]).await;
    assert_eq!(p.status, 409);
    let contents = store::contents(&app.state.db, sala, v).await.unwrap();
    for (i, text) in [
        (0, "Kommunen respekterar självständigheten."),
        (1, "Kommunen kallar till dialogträffar."),
    ] {
        let p = post(
            &c,
            &format!("{M}/princip/{}/ataganden", contents[i].principle.id),
            &[
                ("party", "municipality"),
                ("position", ""),
                ("heading", ""),
                ("text", text),
            ],
        )
        .await;
        assert_eq!(p.status, 303);
    }
    let p = post(
        &c,
        &format!("{M}/remiss"),
        &[("title", "Förslag till åtaganden"), ("intro", "Tyck till!")],
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let cid = store::consultations(&app.state.db, sala).await.unwrap()[0].id;
    let items = store::items(&app.state.db, sala, cid).await.unwrap();
    let dialog_item = items.iter().find(|i| i.principle_position == 2).unwrap().id;
    let first_item = items.iter().find(|i| i.principle_position == 1).unwrap().id;

    // Anonymous visitors see the text and a way to log in, not a form.
    let p = app.client().get("/sala/overenskommelse/remiss").await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Kommunen kallar till dialogträffar."));
    assert!(p.text().contains("Logga in för att lämna synpunkter"));
    assert!(!p.body.contains("remiss/synpunkt/"));
    let p = app
        .client()
        .submit(
            "/sala/overenskommelse/remiss",
            &format!("/sala/overenskommelse/remiss/synpunkt/{dialog_item}"),
            &[("body", "Anonym")],
        )
        .await;
    assert_ne!(p.status, 303);

    app.user("isa@iks.example", None).await;
    let u = app.client();
    u.login("isa@iks.example", PASSWORD).await;
    let page = u.get("/sala/overenskommelse/remiss").await;
    assert!(page.body.contains(&format!("remiss/synpunkt/{dialog_item}")));
    let send = |item: i64, body: String| {
        let u = &u;
        async move {
            u.submit(
                "/sala/overenskommelse/remiss",
                &format!("/sala/overenskommelse/remiss/synpunkt/{item}"),
                &[("body", &body)],
            )
            .await
        }
    };
    let p = send(dialog_item, "Teman? Tydlig agenda för träffarna".into()).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().contains("klart=synpunkt"));
    assert_eq!(
        send(dialog_item, "Omvärldsanalys <i>viktigt</i>".into()).await.status,
        303
    );
    assert_eq!(send(first_item, "Riktlinjer är föränderliga".into()).await.status, 303);
    // Empty and over-long comments come back with the form and a Swedish message.
    let p = send(dialog_item, "   ".into()).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Fyll i fältet."));
    let p = send(dialog_item, "a".repeat(2001)).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Högst 2000 tecken"), "{}", p.text());
    assert_eq!(send(999_999, "Finns inte".into()).await.status, 404);
    // While open, each person sees their own comments.
    let p = u.get("/sala/overenskommelse/remiss").await;
    assert!(p.text().contains("Teman? Tydlig agenda"));
    let other = app.client();
    app.user("annan@example.se", None).await;
    other.login("annan@example.se", PASSWORD).await;
    assert!(!other
        .get("/sala/overenskommelse/remiss")
        .await
        .text()
        .contains("Teman? Tydlig agenda"));

    // The draft cannot be adopted while the consultation runs.
    let p = post(
        &c,
        &format!("{M}/anta"),
        &[("adopted_by", "kommunfullmäktige"), ("adopted_on", "2018-02-26")],
    )
    .await;
    assert_eq!(p.status, 409);

    // The coordinator sees every comment with its author, grouped by principle and commitment.
    let p = c.get(&format!("{M}/remiss/{cid}")).await;
    assert_eq!(p.status, 200);
    let text = p.text();
    assert!(text.contains("Test isa@iks.example"));
    let principle1 = text.find("1. Självständighet och oberoende").unwrap();
    let riktlinjer = text.find("Riktlinjer är föränderliga").unwrap();
    let principle2 = text.find("2. Dialog").unwrap();
    let teman = text.find("Teman? Tydlig agenda").unwrap();
    let omvarld = text.find("Omvärldsanalys").unwrap();
    assert!(principle1 < riktlinjer && riktlinjer < principle2 && principle2 < teman && teman < omvarld);
    assert!(escaped(&p.body, "Omvärldsanalys <i>viktigt</i>"));

    // Publishing needs a closed consultation.
    assert_eq!(post(&c, &format!("{M}/remiss/{cid}/publicera"), &[]).await.status, 409);
    assert_eq!(post(&c, &format!("{M}/remiss/{cid}/stang"), &[]).await.status, 303);
    // Closed: no more comments, and nothing public yet.
    let p = send(dialog_item, "För sent".into()).await;
    assert_eq!(p.status, 409);
    assert!(p.text().contains("inte öppen"), "{}", p.text());
    assert_eq!(send(dialog_item, String::new()).await.status, 409);
    assert_eq!(
        app.client()
            .get(&format!("/sala/overenskommelse/remiss/{cid}"))
            .await
            .status,
        404
    );
    assert!(!app
        .client()
        .get("/sala/overenskommelse/remiss")
        .await
        .text()
        .contains("Teman?"));

    assert_eq!(post(&c, &format!("{M}/remiss/{cid}/publicera"), &[]).await.status, 303);
    let c2 = store::consultation(&app.state.db, sala, cid).await.unwrap().unwrap();
    assert_eq!(c2.status, ConsultationStatus::Published);
    for path in [
        "/sala/overenskommelse/remiss".to_string(),
        format!("/sala/overenskommelse/remiss/{cid}"),
    ] {
        let p = app.client().get(&path).await;
        assert_eq!(p.status, 200);
        let text = p.text();
        assert!(text.contains("Teman? Tydlig agenda"));
        assert!(text.contains("Riktlinjer är föränderliga"));
        assert!(text.contains("2 synpunkter"));
        assert!(!text.contains("isa@iks.example"), "names are not public");
    }
    assert_eq!(audit_count(&app, "agreement.comment.add").await, 3);
    assert_eq!(audit_count(&app, "agreement.consultation.publish").await, 1);
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
    app.user("person@example.se", None).await;
    let plain = app.client();
    plain.login("person@example.se", PASSWORD).await;
    app.user("personal@sala.se", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let staff = app.client();
    staff.login("personal@sala.se", PASSWORD).await;
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
    assert!(store::timeline(&app.state.db, sala).await.unwrap().is_empty());
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
        store::remove_principle(&app.state.db, orebro_id, principle, None, app.state.now()).await,
        Err(store::StoreError::NotFound)
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
    assert_eq!(post(&c, &format!("{M}/nytt-utkast"), &[]).await.status, 303);
    let v = draft_id(&app, sala).await;
    let principle = store::contents(&app.state.db, sala, v).await.unwrap()[0].principle.id;

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

async fn the_json_has_the_version_in_force_and_the_list_of_versions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    assert_eq!(post(&c, &format!("{M}/nytt-utkast"), &[]).await.status, 303);
    let v = draft_id(&app, sala).await;
    let dialog = store::contents(&app.state.db, sala, v).await.unwrap()[1].principle.id;
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
    assert_eq!(versions[0].adopted_on.as_deref(), Some("2018-02-26"));
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
    let timeline = store::timeline(db, sala).await.unwrap();
    assert_eq!(timeline.len(), 9);
    assert_eq!(timeline[0].happened_on, "2017-05-31");

    assert_eq!(store::versions(db, orebro).await.unwrap().len(), 1);

    let draft = store::draft(db, lulea).await.unwrap().expect("Luleå's draft");
    let contents = store::contents(db, lulea, draft.id).await.unwrap();
    assert_eq!(contents[1].principle.name, "Öppenhet och insyn");
    let consultations = store::consultations(db, lulea).await.unwrap();
    assert_eq!(consultations.len(), 1);
    assert_eq!(consultations[0].status, ConsultationStatus::Published);
    let comments = store::comments(db, lulea, consultations[0].id).await.unwrap();
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

async fn two_drafts_started_at_once_give_one_draft(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let (a, b) = tokio::join!(
        store::start_draft(db, sala, &[], None, now),
        store::start_draft(db, sala, &[], None, now)
    );
    let refused = [&a, &b]
        .iter()
        .filter(|r| {
            matches!(
                r,
                Err(store::StoreError::Rule(agreement::domain::RuleError::DraftExists))
            )
        })
        .count();
    assert_eq!((a.is_ok() as usize) + (b.is_ok() as usize), 1, "{a:?} {b:?}");
    assert_eq!(refused, 1);
    assert_eq!(store::versions(db, sala).await.unwrap().len(), 1);
    app.stop().await;
}

both!(
    two_drafts_started_at_once_give_one_draft,
    a_draft_is_edited_adopted_frozen_and_followed_by_a_new_draft,
    the_timeline_is_kept_by_the_coordinator_and_public,
    a_consultation_is_commented_closed_compiled_and_published,
    only_the_municipalitys_coordinator_manages,
    bad_input_is_refused_with_the_form_and_a_clear_message,
    the_json_has_the_version_in_force_and_the_list_of_versions,
    the_demo_loads_the_seeds_once,
);
