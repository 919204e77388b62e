//! The decisions feed's pages over HTTP on both databases: who may record, tenancy, editing,
//! withdrawal, attachments, the list with its filters and pages, and bad input.

use crate::common::*;

async fn only_staff_record_decisions(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, org) = sala(&app).await;
    let org = org.to_string();
    let fields = form(&[("organisation_1", &org)]);

    // Anonymous: the page asks for a login, a post is refused.
    let anon = app.client();
    let p = anon.get(MANAGE).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().starts_with("/konto/logga-in"));
    let token = anon.get(LIST).await.csrf();
    let mut with_token = vec![("_csrf", token.as_str())];
    with_token.extend_from_slice(&fields);
    assert_eq!(anon.post_raw(MANAGE, &with_token).await.status, 403);

    // A resident, the association's representative and another municipality's coordinator.
    let (resident, _) = app.signed_in("invanare@example.se", None).await;
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let orebro = app.coordinator("orebro").await;
    for c in [&resident, &rep, &orebro] {
        assert_eq!(c.get(MANAGE).await.status, 403);
        assert_eq!(c.submit(LIST, MANAGE, &fields).await.status, 403);
    }

    // Staff and the coordinator record decisions.
    let staff = app.staff("sala").await;
    let p = post(&staff, MANAGE, &fields).await;
    assert_eq!(p.status, 303, "{}", p.text());
    let id = id_of(&p);
    let coordinator = app.coordinator("sala").await;
    let p = post(
        &coordinator,
        MANAGE,
        &form(&[
            ("body", "committee"),
            ("committee", "Kultur- och fritidsnämnden"),
            ("paragraph", "45"),
            ("title", "Riktlinjer för föreningsbidrag"),
            ("category", "bidrag"),
            ("principle_5", ""),
        ]),
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(audit_count(&app, "openness.decision.add").await, 2);

    // The public page shows what was recorded.
    let page = app.client().get(&format!("{LIST}/{id}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Kommunstyrelsen"), "{text}");
    assert!(text.contains("2018-06-07") && text.contains("§ 112"), "{text}");
    assert!(text.contains("Handlingsplanen"));
    assert!(text.contains("Princip 5"));
    assert!(page.body.contains(&format!("href=\"/sala/foreningar/{org}\"")));
    assert!(page
        .body
        .contains("href=\"https://www.sala.se/protokoll/ks-2018-06-07.pdf\""));
    let list = app.client().get(LIST).await.text();
    assert!(
        list.contains("Kultur- och fritidsnämnden · 2018-06-07 · § 45"),
        "{list}"
    );
    assert!(list.contains("2 beslut."));
    app.stop().await;
}

async fn another_municipality_gets_404(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala_id, _) = sala(&app).await;
    let id = add(
        &app,
        sala_id,
        &checked(
            Body::Board,
            "",
            "2018-06-07",
            "Handlingsplan",
            Category::ActionPlan,
            &[5],
        ),
    )
    .await;
    let staff = app.staff("sala").await;
    let upload = upload_action(&staff, id).await;
    let p = staff
        .post_multipart(&upload, &[], "file", "protokoll.pdf", PDF.to_vec())
        .await;
    assert_eq!(p.status, 303);
    let file: (i64,) = sqlx::query_as("SELECT id FROM openness_decision_attachments")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();

    let orebro = app.coordinator("orebro").await;
    for path in [
        format!("/orebro/beslut/{id}"),
        format!("/orebro/beslut/{id}/bilaga/{}", file.0),
        format!("/orebro/beslut/hantera/{id}"),
    ] {
        assert_eq!(orebro.get(&path).await.status, 404, "{path}");
    }
    for path in [
        format!("/orebro/beslut/hantera/{id}"),
        format!("/orebro/beslut/hantera/{id}/aterkalla"),
        format!("/orebro/beslut/hantera/{id}/bilaga/{}/ta-bort", file.0),
    ] {
        let p = orebro.submit("/orebro/beslut/hantera", &path, &form(&[])).await;
        assert_eq!(p.status, 404, "{path}");
    }
    // Örebro's list and feeds know nothing of Sala's decision.
    assert!(app
        .client()
        .get("/orebro/beslut")
        .await
        .text()
        .contains("Inga beslut matchar."));
    assert!(!app
        .client()
        .get("/orebro/beslut/rss")
        .await
        .body
        .contains("Handlingsplan"));
    // Sala's decision is untouched.
    let d = store::one(&app.state.db, sala_id, id).await.unwrap().unwrap();
    assert!(d.withdrawn_at.is_none());
    assert_eq!(d.attachments.len(), 1);
    app.stop().await;
}

async fn staff_edit_withdraw_and_attach(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let staff = app.staff("sala").await;
    let id = id_of(&post(&staff, MANAGE, &form(&[])).await);
    let page = format!("{MANAGE}/{id}");

    // Edit: a new title and a second principle.
    let p = staff
        .submit(
            &page,
            &page,
            &form(&[("title", "Handlingsplan 2018–2019"), ("principle_1", "on")]),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let public = app.client().get(&format!("{LIST}/{id}")).await.text();
    assert!(public.contains("Handlingsplan 2018–2019"));
    assert!(public.contains("Princip 1") && public.contains("Princip 5"));
    assert_eq!(audit_count(&app, "openness.decision.update").await, 1);

    // An attachment: a PDF is kept and public; a text file is refused with a reason (422).
    let upload = upload_action(&staff, id).await;
    let p = staff
        .post_multipart(&upload, &[], "file", "protokoll.pdf", PDF.to_vec())
        .await;
    assert_eq!(p.status, 303);
    let refused = staff
        .post_multipart(&upload, &[], "file", "skript.html", b"<html><script>".to_vec())
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Filen måste vara en PDF"), "{}", refused.text());
    let public = app.client().get(&format!("{LIST}/{id}")).await;
    let href = testkit::html::link_starting(&public.body, &format!("{LIST}/{id}/bilaga/")).expect("the link");
    let file = app.client().get(&href).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert!(file.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("protokoll.pdf"));
    let remove = format!("{page}/bilaga/{}/ta-bort", href.rsplit('/').next().unwrap());
    assert_eq!(staff.submit(&page, &remove, &[]).await.status, 303);
    assert_eq!(app.client().get(&href).await.status, 404);

    // Withdrawal: kept, marked, with the reason; a second one changes nothing.
    let withdraw = format!("{page}/aterkalla");
    let long = "x".repeat(1_001);
    let p = staff.submit(&page, &withdraw, &[("reason", &long)]).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Högst 1000 tecken"), "{}", p.text());
    let p = staff
        .submit(&page, &withdraw, &[("reason", "Ersatt av beslut § 130.")])
        .await;
    assert_eq!(p.status, 303);
    let public = app.client().get(&format!("{LIST}/{id}")).await.text();
    assert!(public.contains("Återkallat"), "{public}");
    assert!(public.contains("Ersatt av beslut § 130."));
    assert!(app.client().get(LIST).await.text().contains("Återkallat"));
    let again = staff.submit(&page, &withdraw, &[("reason", "")]).await;
    assert!(again.location.unwrap().contains("redan-aterkallat"));
    assert_eq!(audit_count(&app, "openness.decision.withdraw").await, 1);
    assert_eq!(audit_count(&app, "openness.decision.attachment.add").await, 1);
    assert_eq!(audit_count(&app, "openness.decision.attachment.remove").await, 1);
    app.stop().await;
}

async fn the_list_filters_and_pages(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    // 22 of the board in 2019 on grants, 2 of the council in 2018 on principle 5, 1 committee.
    for i in 0..22 {
        let on = format!("2019-03-{:02}", i + 1);
        let title = format!("Bidragsbeslut {}", i + 1);
        add(&app, m, &checked(Body::Board, "", &on, &title, Category::Grants, &[])).await;
    }
    for on in ["2018-02-28", "2018-09-10"] {
        let c = checked(
            Body::Council,
            "",
            on,
            &format!("Fullmäktige {on}"),
            Category::Agreement,
            &[5],
        );
        add(&app, m, &c).await;
    }
    let c = checked(
        Body::Committee,
        "Kultur- och fritidsnämnden",
        "2020-01-15",
        "Nämndens beslut",
        Category::Premises,
        &[2, 5],
    );
    add(&app, m, &c).await;

    let get = |q: &str| {
        let c = app.client();
        let url = format!("{LIST}{q}");
        async move { c.get(&url).await }
    };
    let all = get("").await;
    assert_eq!(all.status, 200);
    let text = all.text();
    assert!(text.contains("25 beslut."), "{text}");
    assert!(text.contains("Sida 1 av 2"));
    assert!(text.find("Nämndens beslut").unwrap() < text.find("Bidragsbeslut 22").unwrap());
    assert!(!text.contains("Fullmäktige 2018-02-28"), "page 1 holds the latest 20");
    let second = get("?sida=2").await.text();
    assert!(second.contains("Fullmäktige 2018-02-28"));
    assert!(second.contains("Sida 2 av 2"));
    // A page past the last shows the last.
    assert!(get("?sida=9").await.text().contains("Sida 2 av 2"));

    let board = get("?organ=kommunstyrelsen").await.text();
    assert!(board.contains("22 beslut."), "{board}");
    let council = get("?organ=kommunfullmaktige").await.text();
    assert!(council.contains("2 beslut."));
    assert!(council.contains("Beslut: Kommunfullmäktige"));
    let committee = get("?organ=namnd-kultur-och-fritidsnamnden").await.text();
    assert!(committee.contains("Ett beslut."), "{committee}");
    assert!(get("?tagg=princip-5").await.text().contains("3 beslut."));
    assert!(get("?tagg=bidrag").await.text().contains("22 beslut."));
    assert!(get("?ar=2018").await.text().contains("2 beslut."));
    assert!(get("?tagg=princip-5&ar=2020").await.text().contains("Ett beslut."));
    assert!(get("?organ=kommunstyrelsen&tagg=princip-5")
        .await
        .text()
        .contains("Inga beslut matchar."));
    // A filter not understood is left out.
    assert!(get("?organ=riksdagen&tagg=x&ar=abc")
        .await
        .text()
        .contains("25 beslut."));

    // The feeds of the filter are in the head, with absolute addresses, and on the page.
    let filtered = get("?organ=kommunfullmaktige&ar=2018").await.body;
    let rss = app.url("/sala/beslut/rss?organ=kommunfullmaktige");
    assert!(
        filtered.contains(&format!(
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Beslutsflöde för Kommunfullmäktige (RSS)\" href=\"{rss}\">"
        )),
        "{filtered}"
    );
    assert!(filtered.contains(&format!(
        "type=\"application/atom+xml\" title=\"Beslutsflöde för Kommunfullmäktige (Atom)\" href=\"{}\"",
        app.url("/sala/beslut/atom?organ=kommunfullmaktige")
    )));
    app.stop().await;
}

async fn bad_input_gets_422_with_a_message(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let staff = app.staff("sala").await;
    let p = post(
        &staff,
        MANAGE,
        &form(&[
            ("body", "committee"),
            ("meeting_on", "2018-02-30"),
            ("paragraph", "tolv"),
            ("title", ""),
            ("protocol_url", "javascript:alert(1)"),
            ("organisation_1", "999999"),
        ]),
    )
    .await;
    assert_eq!(p.status, 422);
    let text = p.text();
    for message in [
        "Nämndens namn: Fyll i fältet.",
        "Sammanträdesdatum: Skriv ett datum som finns",
        "Paragraf: Skriv paragrafen som § och ett nummer",
        "Rubrik: Fyll i fältet.",
        "Länk till protokollet: Skriv en hel webbadress som börjar med https://",
        "Berörd förening 1: Välj en förening i listan.",
    ] {
        assert!(text.contains(message), "{message} in {text}");
    }
    // What was typed is kept.
    assert!(p.body.contains("value=\"javascript:alert(1)\""));
    assert_eq!(audit_count(&app, "openness.decision.add").await, 0);
    app.stop().await;
}

/// A decided grants application of Sala (stored directly, as the grants capability would):
/// IKS is granted 12 000 kr of the culture grant on 2026-03-15. Returns the application's id.
pub async fn grants_decision(app: &TestApp, m: MunicipalityId, org: OrganisationId) -> i64 {
    let db = &app.state.db.pool;
    let (programme,): (i64,) = sqlx::query_as(
        "INSERT INTO grants_programmes (municipality_id, kind, name, rules, eligibility, published, created_at, updated_at) \
         VALUES ($1, 'operating', 'Kulturbidrag', '{}', '{}', 1, 0, 0) RETURNING id",
    )
    .bind(m)
    .fetch_one(db)
    .await
    .unwrap();
    let (period,): (i64,) = sqlx::query_as(
        "INSERT INTO grants_periods (municipality_id, programme_id, name, starts_on, ends_on, opens_on, deadline, budget_ore, created_at) \
         VALUES ($1, $2, '2026', '2026-01-01', '2026-12-31', '2026-01-01', '2026-02-15', 10000000, 0) RETURNING id",
    )
    .bind(m)
    .bind(programme)
    .fetch_one(db)
    .await
    .unwrap();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO grants_applications (municipality_id, programme_id, period_id, organisation_id, status, applied_ore, \
         decided_ore, decided_on, created_at, updated_at) VALUES ($1, $2, $3, $4, 'granted', 1500000, 1200000, '2026-03-15', 0, 0) \
         RETURNING id",
    )
    .bind(m)
    .bind(programme)
    .bind(period)
    .bind(org)
    .fetch_one(db)
    .await
    .unwrap();
    id
}

/// Staff publish a grants decision into the feed, once; it is in the RSS and Atom feeds, tagged
/// "bidrag" and linking back to the grants' decisions; nobody else may publish it.
async fn staff_publish_a_grants_decision_into_the_feed_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, iks) = sala(&app).await;
    let application = grants_decision(&app, m, iks).await;
    let list = "/sala/beslut/hantera/bidrag";
    let publish = format!("{list}/{application}");
    let fields = [("body", "committee"), ("committee", "Kultur- och fritidsnämnden")];

    // Not staff: the list and the publishing are refused, and nothing is recorded.
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    assert_eq!(rep.get(list).await.status, 403);
    assert_eq!(rep.submit(LIST, &publish, &fields).await.status, 403);
    assert_eq!(
        app.client().submit(LIST, &publish, &fields).await.status,
        403,
        "anonymous"
    );
    let orebro = app.staff("orebro").await;
    assert_eq!(
        orebro
            .submit(
                "/orebro/beslut",
                &format!("/orebro/beslut/hantera/bidrag/{application}"),
                &fields
            )
            .await
            .status,
        404
    );
    let count = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM openness_decisions")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        n
    };
    assert_eq!(count().await, 0);

    let staff = app.staff("sala").await;
    let page = staff.get(list).await.text();
    assert!(
        page.contains("Bidrag till IKS – Ideell Kultur i Sala: Kulturbidrag"),
        "{page}"
    );
    assert!(
        page.contains("Beviljat 12") && page.contains("000") && page.contains("kr, beslutat 2026-03-15"),
        "{page}"
    );
    // A committee needs its name.
    let p = staff
        .submit(list, &publish, &[("body", "committee"), ("committee", " ")])
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv nämndens namn"), "{}", p.text());
    assert_eq!(count().await, 0);
    let p = staff.submit(list, &publish, &fields).await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(count().await, 1);
    // Twice is refused: still one record, and the list says it is published.
    let p = staff.submit(list, &publish, &fields).await;
    assert_eq!(p.location.as_deref(), Some("/sala/beslut/hantera/bidrag?klart=redan"));
    assert_eq!(count().await, 1);
    assert!(staff.get(list).await.text().contains("Publicerat i beslutsflödet"));

    for feed in ["/sala/beslut/rss", "/sala/beslut/atom", "/sala/beslut/rss?tagg=bidrag"] {
        let body = app.client().get(feed).await.body;
        let parsed = feed_rs::parser::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let entry = parsed
            .entries
            .iter()
            .find(|e| e.title.as_ref().is_some_and(|t| t.content.contains("Kulturbidrag")))
            .unwrap_or_else(|| panic!("{feed}: the grants decision"));
        let text = format!("{entry:?}");
        assert!(text.contains("Beviljat 12"), "{feed}: {text}");
    }
    let shown = app.client().get(LIST).await.text();
    assert!(
        shown.contains("Bidrag till IKS – Ideell Kultur i Sala: Kulturbidrag"),
        "{shown}"
    );
    assert!(shown.contains("Kultur- och fritidsnämnden"), "{shown}");
    app.stop().await;
}

both!(staff_publish_a_grants_decision_into_the_feed_once);

both!(
    only_staff_record_decisions,
    another_municipality_gets_404,
    staff_edit_withdraw_and_attach,
    the_list_filters_and_pages,
    bad_input_gets_422_with_a_message,
);
