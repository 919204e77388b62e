//! The idea bank for everyone: submitting (checked, signed in), supporting once and
//! withdrawing, commenting, the list's filters and sorting, the Atom feed, another
//! municipality's 404, and the person's export and erasure.

use crate::common::*;

async fn submit_support_and_comment(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    // Not signed in: the form sends to the login page; the list offers the login.
    let anon = app.client();
    let p = anon.get(NEW).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().starts_with("/konto/logga-in"));
    assert!(anon
        .get(LIST)
        .await
        .text()
        .contains("Logga in för att skicka in en idé"));

    let (anna, _) = app.signed_in("anna@example.se", None).await;
    let form = anna.get(NEW).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text().contains("Självständighet"),
        "the principles in force are offered"
    );
    // Missing fields and a principle not in force: 422 with the errors, what was typed kept.
    let p = anna
        .submit(
            NEW,
            NEW,
            &idea_form(&[("title", ""), ("principle", "9"), ("category", "")]),
        )
        .await;
    assert_eq!(p.status, 422, "{}", p.text());
    assert!(p.text().contains("Föreningar lånar ut tält"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_ideas WHERE title = ''")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);

    let id = submit(&anna, &[]).await;
    assert_eq!(status_of(&app, id).await, "new");
    let page = anon.get(&format!("{LIST}/{id}")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Gemensam materialbank"), "{text}");
    assert!(text.contains("Ny"));
    assert!(text.contains("Test anna@example.se"), "the submitter's name");
    assert!(text.contains("3. Kvalitet"), "{text}");
    assert!(text.contains("Inget stöd ännu"));
    assert!(text.contains("Logga in för att stödja idén"));

    // Others support it, once each, and may withdraw.
    let (bo, _) = app.signed_in("bo@example.se", None).await;
    let p = on_idea(&bo, id, "stod", &[]).await;
    assert_eq!(p.status, 303);
    on_idea(&bo, id, "stod", &[]).await;
    let (cia, _) = app.signed_in("cia@example.se", None).await;
    on_idea(&cia, id, "stod", &[]).await;
    let text = bo.get(&format!("{LIST}/{id}?klart=stod")).await.text();
    assert!(text.contains("2 personer stödjer"), "{text}");
    assert!(text.contains("Du stödjer den här idén."));
    assert!(text.contains("Du stödjer nu idén."));
    let p = on_idea(&bo, id, "stod/ta-bort", &[]).await;
    assert_eq!(p.status, 303);
    let text = bo.get(&format!("{LIST}/{id}")).await.text();
    assert!(text.contains("1 person stödjer"), "{text}");
    assert!(text.contains("Stöd idén"));
    // Withdrawing again changes nothing.
    on_idea(&bo, id, "stod/ta-bort", &[]).await;
    assert!(bo
        .get(&format!("{LIST}/{id}"))
        .await
        .text()
        .contains("1 person stödjer"));

    // Comments: an empty one is refused (422), a real one is shown with the writer's name.
    let p = on_idea(&bo, id, "kommentar", &[("body", "  ")]).await;
    assert_eq!(p.status, 422);
    let p = on_idea(&bo, id, "kommentar", &[("body", "Vi har ett tält att låna ut!")]).await;
    assert_eq!(p.status, 303);
    let text = anon.get(&format!("{LIST}/{id}")).await.text();
    assert!(text.contains("Vi har ett tält att låna ut!"), "{text}");
    assert!(text.contains("Test bo@example.se"));
    assert!(text.contains("Logga in för att kommentera"));

    // Without a session a post is refused (403) and changes nothing.
    let p = anon.post_raw(&format!("{LIST}/{id}/stod"), &[("_csrf", "x")]).await;
    assert_eq!(p.status, 403);
    let (supports,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_idea_supports WHERE idea_id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(supports, 1);
    app.stop().await;
}

async fn filters_and_sorting(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    let first = submit(
        &anna,
        &[("title", "Idé A"), ("category", "utbildning"), ("principle", "1")],
    )
    .await;
    app.clock.advance(chrono::Duration::minutes(5));
    let second = submit(
        &anna,
        &[("title", "Idé B"), ("category", "utbildning"), ("principle", "1")],
    )
    .await;
    // B gets three supports, A one: B first by support, B first by newest too; A before B with
    // another count.
    for who in ["x1@example.se", "x2@example.se", "x3@example.se"] {
        let (c, _) = app.signed_in(who, None).await;
        on_idea(&c, second, "stod", &[]).await;
    }
    let (c, _) = app.signed_in("x4@example.se", None).await;
    on_idea(&c, first, "stod", &[]).await;
    let anon = app.client();
    let order = |body: &str| -> Vec<usize> {
        ["Idé A", "Idé B"]
            .iter()
            .map(|t| body.find(&format!(">{t}<")).unwrap_or(usize::MAX))
            .collect()
    };
    let by_support = anon.get(&format!("{LIST}?kategori=utbildning")).await;
    assert_eq!(by_support.status, 200);
    let o = order(&by_support.body);
    assert!(o[1] < o[0], "B has more support: {o:?}");
    assert!(
        by_support.text().contains("3 idéer."),
        "the demo's training idea too: {}",
        by_support.text()
    );
    for who in ["y1@example.se", "y2@example.se", "y3@example.se"] {
        let (c, _) = app.signed_in(who, None).await;
        on_idea(&c, first, "stod", &[]).await;
    }
    let o = order(&anon.get(&format!("{LIST}?kategori=utbildning")).await.body);
    assert!(o[0] < o[1], "A now has more support: {o:?}");
    let o = order(
        &anon
            .get(&format!("{LIST}?kategori=utbildning&sortera=nyast"))
            .await
            .body,
    );
    assert!(o[1] < o[0], "B is newer: {o:?}");

    // Filters: the principle, the status (the demo's idea on meeting 6's agenda), nothing.
    let p = anon.get(&format!("{LIST}?princip=1")).await.text();
    assert!(
        p.contains("Idé A") && p.contains("Idé B") && p.contains("2 idéer."),
        "{p}"
    );
    assert!(!p.contains("Dialog om lokaler"));
    let p = anon.get(&format!("{LIST}?status=dagordning")).await.text();
    assert!(p.contains("Dialog om lokaler"), "{p}");
    assert!(p.contains("På dagordningen för dialogmöte 6"), "{p}");
    assert!(!p.contains("Idé A"));
    let p = anon.get(&format!("{LIST}?status=aktivitet")).await.text();
    assert!(p.contains("Utbildning i föreningsteknik och ledarskap"), "{p}");
    let p = anon
        .get(&format!("{LIST}?status=avslutad&kategori=lokaler"))
        .await
        .text();
    assert!(p.contains("Inga idéer matchar."), "{p}");
    // What is not understood is left out.
    let p = anon
        .get(&format!("{LIST}?status=x&princip=y&kategori=z&sortera=w"))
        .await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("6 idéer."), "{}", p.text());
    app.stop().await;
}

async fn the_atom_feed_parses_and_answers_304(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    app.clock.advance(chrono::Duration::minutes(5));
    let id = submit(&anna, &[("title", "Idé i flödet")]).await;
    let list = app.client().get(LIST).await.body;
    assert!(list.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    let res = reqwest::get(app.url("/sala/ideer/atom")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let modified = res.headers()["last-modified"].to_str().unwrap().to_string();
    let body = res.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).unwrap();
    assert_eq!(feed.entries.len(), 5, "the demo's four and the new one");
    let first = &feed.entries[0];
    assert_eq!(first.title.as_ref().unwrap().content, "Idé i flödet");
    assert!(first.links[0].href.starts_with("http"));
    assert!(first.links[0].href.ends_with(&format!("/sala/ideer/{id}")));
    assert!(first.categories.iter().any(|c| c.term == "Ny"));
    assert!(feed.entries.iter().any(|e| e
        .categories
        .iter()
        .any(|c| c.term == "På dagordningen för dialogmöte 6")));
    let c = reqwest::Client::new();
    let again = c
        .get(app.url("/sala/ideer/atom"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let since = c
        .get(app.url("/sala/ideer/atom"))
        .header("if-modified-since", &modified)
        .send()
        .await
        .unwrap();
    assert_eq!(since.status(), 304);
    // A hidden idea leaves the feed.
    let coordinator = app.coordinator("sala").await;
    app.clock.advance(chrono::Duration::minutes(5));
    on_idea(&coordinator, id, "dolj", &[("dold", "ja")]).await;
    let body = reqwest::get(app.url("/sala/ideer/atom"))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let feed = feed_rs::parser::parse(&body[..]).unwrap();
    assert_eq!(feed.entries.len(), 4);
    // Örebro's feed has none of Sala's ideas.
    let body = reqwest::get(app.url("/orebro/ideer/atom"))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(feed_rs::parser::parse(&body[..]).unwrap().entries.is_empty());
    app.stop().await;
}

async fn another_municipality_gets_404(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    let id = submit(&anna, &[]).await;
    let other = app.coordinator("orebro").await;
    assert_eq!(other.get(&format!("/orebro/ideer/{id}")).await.status, 404);
    assert!(!other
        .get("/orebro/ideer")
        .await
        .text()
        .contains("Gemensam materialbank"));
    let token = other.get("/orebro/ideer/ny").await.csrf();
    for action in ["stod", "stod/ta-bort", "kommentar", "status", "dolj"] {
        let p = other
            .post_raw(
                &format!("/orebro/ideer/{id}/{action}"),
                &[
                    ("_csrf", &token),
                    ("body", "Hej"),
                    ("status", "preparing"),
                    ("dold", "ja"),
                ],
            )
            .await;
        assert_eq!(p.status, 404, "{action}: {}", p.text());
    }
    let (comment,): (i64,) = sqlx::query_as("SELECT id FROM support_idea_comments ORDER BY id LIMIT 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let p = other
        .post_raw(
            &format!("/orebro/ideer/{id}/kommentarer/{comment}/dolj"),
            &[("_csrf", &token), ("dold", "ja")],
        )
        .await;
    assert_eq!(p.status, 404);
    assert_eq!(status_of(&app, id).await, "new");
    let (supports, hidden): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM support_idea_supports WHERE idea_id = $1), \
         (SELECT COUNT(*) FROM support_idea_comments WHERE hidden_at IS NOT NULL)",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!((supports, hidden), (0, 0));
    app.stop().await;
}

async fn export_and_erasure(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    let mine = submit(&anna, &[("title", "Annas idé")]).await;
    let lokaler = demo_idea(&app, "Dialog om lokaler").await;
    on_idea(&anna, lokaler, "stod", &[]).await;
    on_idea(&anna, lokaler, "kommentar", &[("body", "Annas kommentar")]).await;
    let (bo, _) = app.signed_in("bo@example.se", None).await;
    on_idea(&bo, mine, "stod", &[]).await;

    let (status, data) = anna.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let s = &data["support"];
    assert_eq!(s["ideas_submitted"][0]["title"], "Annas idé", "{data}");
    assert_eq!(s["ideas_supported"][0]["idea"], "Dialog om lokaler", "{data}");
    assert_eq!(s["idea_comments"][0]["comment"], "Annas kommentar", "{data}");

    let before = app.client().get(&format!("{LIST}/{lokaler}")).await.text();
    assert!(before.contains("3 personer stödjer"), "{before}");
    let account = anna.get("/konto").await;
    let erased = anna
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    // The idea and the comment stay without the name; the support is gone.
    let page = app.client().get(&format!("{LIST}/{mine}")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Annas idé"));
    assert!(!page.text().contains("anna@example.se"), "{}", page.text());
    assert!(page.text().contains("1 person stödjer"));
    let text = app.client().get(&format!("{LIST}/{lokaler}")).await.text();
    assert!(text.contains("Annas kommentar"));
    assert!(text.contains("En tidigare användare"), "{text}");
    assert!(!text.contains("anna@example.se"));
    assert!(text.contains("2 personer stödjer"), "{text}");
    app.stop().await;
}

both!(
    submit_support_and_comment,
    filters_and_sorting,
    the_atom_feed_parses_and_answers_304,
    another_municipality_gets_404,
    export_and_erasure,
);

/// The submit form is rate limited as the platform's other open forms (`register_per_hour`,
/// per address and per person): the 21st idea within the hour is refused with 429.
async fn submitting_is_rate_limited(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    let token = anna.get(NEW).await.csrf();
    for n in 0..20 {
        let title = format!("Idé nummer {n}");
        let mut fields = idea_form(&[("title", &title)]);
        fields.push(("_csrf", &token));
        let p = anna.post_raw(NEW, &fields).await;
        assert_eq!(p.status, 303, "idea {n}: {}", p.text());
    }
    let mut fields = idea_form(&[("title", "En för mycket")]);
    fields.push(("_csrf", &token));
    let p = anna.post_raw(NEW, &fields).await;
    assert_eq!(p.status, 429);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_ideas WHERE title = 'En för mycket'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
    app.stop().await;
}

both!(submitting_is_rate_limited);
