//! Consultations over HTTP on both databases: commented, closed, compiled and published.

use crate::common::*;

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
    let cid = consultation::consultations(&app.state.db, sala).await.unwrap()[0].id;
    let items = consultation::items(&app.state.db, sala, cid).await.unwrap();
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

    let (u, _) = app.representative_client("isa@iks.example", "sala", "IKS").await;
    let page = u.get("/sala/overenskommelse/remiss").await;
    assert!(page.body.contains(&format!("remiss/synpunkt/{dialog_item}")));
    assert!(!page.text().contains("Bara den som har en roll"));
    let send = |item: agreement::ids::ItemId, body: String| {
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
    assert_eq!(
        send(agreement::ids::ItemId::new(999_999), "Finns inte".into())
            .await
            .status,
        404
    );
    // While open, each person sees their own comments.
    let p = u.get("/sala/overenskommelse/remiss").await;
    assert!(p.text().contains("Teman? Tydlig agenda"));
    let (other, _) = app
        .representative_client("annan@example.se", "sala", "Bygdegården")
        .await;
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
    let c2 = consultation::consultation(&app.state.db, sala, cid)
        .await
        .unwrap()
        .unwrap();
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

/// Only the municipality's people comment: accounts with a role there and representatives of its
/// associations. A resident without a role, another municipality's coordinator and its
/// associations' representatives read the consultation with a message instead of the form
/// (Swedish and English), and their posts are refused.
async fn only_the_municipalitys_people_comment(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    let (_, principles) = new_draft(&app, &c, sala).await;
    let p = post(
        &c,
        &format!("{M}/princip/{}/ataganden", principles[0]),
        &[
            ("party", "municipality"),
            ("text", "Kommunen respekterar självständigheten."),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    assert_eq!(
        post(&c, &format!("{M}/remiss"), &[("title", "Remiss"), ("intro", "")])
            .await
            .status,
        303
    );
    let cid = consultation::consultations(&app.state.db, sala).await.unwrap()[0].id;
    let item = consultation::items(&app.state.db, sala, cid).await.unwrap()[0].id;
    let page = "/sala/overenskommelse/remiss";
    let action = format!("/sala/overenskommelse/remiss/synpunkt/{item}");

    let (resident, _) = app.signed_in("boende@example.se", None).await;
    let (orebro, _) = app
        .signed_in("samordnare@orebro.se", Some((RoleKind::Coordinator, Some("orebro"))))
        .await;
    let (orebro_rep, _) = app
        .representative_client("ordf@orebro-fk.example", "orebro", "Örebro FK")
        .await;
    for outsider in [&resident, &orebro, &orebro_rep] {
        let p = outsider.get(page).await;
        assert_eq!(p.status, 200);
        assert!(p.text().contains("Kommunen respekterar självständigheten."));
        assert!(
            p.text()
                .contains("Bara den som har en roll i kommunen eller företräder en av kommunens föreningar"),
            "{}",
            p.text()
        );
        assert!(!p.body.contains("remiss/synpunkt/"), "no form for an outsider");
        let p = outsider.submit(page, &action, &[("body", "Utifrån")]).await;
        assert_eq!(p.status, 403, "an outsider's comment is refused");
    }
    // In English too.
    resident.submit("/", "/sprak", &[("lang", "en"), ("next", page)]).await;
    let en = resident.get(page).await.text();
    assert!(
        en.contains("Only people with a role in the municipality or who represent one of its associations"),
        "{en}"
    );

    // Sala's staff, coordinator and association representatives comment.
    let staff = app.staff("sala").await;
    let (rep, _) = app.representative_client("isa@iks.example", "sala", "IKS").await;
    for (who, text) in [
        (&staff, "Från handläggaren"),
        (&c, "Från samordnaren"),
        (&rep, "Från föreningen"),
    ] {
        let p = who.get(page).await;
        assert!(p.body.contains(&action) && !p.text().contains("Bara den som har en roll"));
        assert_eq!(who.submit(page, &action, &[("body", text)]).await.status, 303);
    }
    let bodies: Vec<String> = consultation::comments(&app.state.db, sala, cid)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.body)
        .collect();
    assert_eq!(bodies.len(), 3, "{bodies:?}");
    assert!(!bodies.iter().any(|b| b == "Utifrån"));
    app.stop().await;
}

both!(
    a_consultation_is_commented_closed_compiled_and_published,
    only_the_municipalitys_people_comment,
);
