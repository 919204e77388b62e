//! The feeds over HTTP on both databases, read back with an independent parser (`feed-rs`):
//! titles, absolute links, dates, per body and per tag; content types; conditional GET.

use crate::common::*;
use chrono::{Datelike, TimeZone};
use feed_rs::model::Feed;

/// Sala with a decision of each body, the council's on principle 5.
async fn three_decisions(app: &TestApp) -> (MunicipalityId, [DecisionId; 3]) {
    let (m, _) = sala(app).await;
    let mut council = checked(
        Body::Council,
        "",
        "2018-02-28",
        "Lokala principer för samverkan",
        Category::Agreement,
        &[5],
    );
    council.paragraph = "§ 12".into();
    let a = add(app, m, &council).await;
    let b = add(
        app,
        m,
        &checked(
            Body::Board,
            "",
            "2018-06-07",
            "Handlingsplan",
            Category::ActionPlan,
            &[1],
        ),
    )
    .await;
    let c = add(
        app,
        m,
        &checked(
            Body::Committee,
            "Kultur- och fritidsnämnden",
            "2026-10-14",
            "Föreningsbidrag & lokaler",
            Category::Grants,
            &[],
        ),
    )
    .await;
    (m, [a, b, c])
}

async fn fetch(app: &TestApp, path: &str) -> (reqwest::header::HeaderMap, Feed) {
    let res = reqwest::get(app.url(path)).await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    let headers = res.headers().clone();
    let body = res.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).unwrap_or_else(|e| panic!("{path} parses: {e}"));
    (headers, feed)
}

fn titles(f: &Feed) -> Vec<String> {
    f.entries
        .iter()
        .map(|e| e.title.as_ref().map(|t| t.content.clone()).unwrap_or_default())
        .collect()
}

/// The day in Stockholm of a parsed date.
fn swedish_day(d: chrono::DateTime<chrono::Utc>) -> String {
    chrono_tz::Europe::Stockholm
        .from_utc_datetime(&d.naive_utc())
        .format("%Y-%m-%d")
        .to_string()
}

async fn feeds_parse_with_an_independent_parser(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, [council, _, committee]) = three_decisions(&app).await;

    for (path, kind, mime) in [
        (
            "/sala/beslut/rss",
            feed_rs::model::FeedType::RSS2,
            "application/rss+xml",
        ),
        (
            "/sala/beslut/atom",
            feed_rs::model::FeedType::Atom,
            "application/atom+xml",
        ),
    ] {
        let (headers, feed) = fetch(&app, path).await;
        assert_eq!(feed.feed_type, kind);
        assert!(headers["content-type"].to_str().unwrap().starts_with(mime), "{path}");
        assert_eq!(feed.title.as_ref().unwrap().content, "Beslut – Sala");
        assert!(
            feed.links.iter().any(|l| l.href == app.url("/sala/beslut")),
            "{path}: {:?}",
            feed.links
        );
        assert_eq!(
            titles(&feed),
            [
                "Kultur- och fritidsnämnden 2026-10-14: Föreningsbidrag & lokaler",
                "Kommunstyrelsen 2018-06-07: Handlingsplan",
                "Kommunfullmäktige 2018-02-28 § 12: Lokala principer för samverkan",
            ],
            "{path}"
        );
        let first = &feed.entries[0];
        let link = app.url(&format!("/sala/beslut/{committee}"));
        assert_eq!(first.links[0].href, link, "{path}");
        let last = &feed.entries[2];
        assert_eq!(last.links[0].href, app.url(&format!("/sala/beslut/{council}")));
        let published = last.published.expect("a date of publication");
        assert_eq!(swedish_day(published), "2018-02-28", "{path}");
        assert_eq!(published.year(), 2018);
        let summary = last.summary.as_ref().map(|s| s.content.clone()).unwrap_or_default();
        assert_eq!(summary, "Sammanfattning av Lokala principer för samverkan.");
        let categories: Vec<&str> = last.categories.iter().map(|c| c.term.as_str()).collect();
        assert!(categories.contains(&"Kommunfullmäktige"), "{categories:?}");
        assert!(categories.contains(&"Princip 5"), "{categories:?}");
    }

    // Per body, per committee and per tag.
    let (_, f) = fetch(&app, "/sala/beslut/atom?organ=kommunstyrelsen").await;
    assert_eq!(titles(&f), ["Kommunstyrelsen 2018-06-07: Handlingsplan"]);
    assert_eq!(f.title.unwrap().content, "Beslut: Kommunstyrelsen – Sala");
    let (_, f) = fetch(&app, "/sala/beslut/rss?organ=namnd-kultur-och-fritidsnamnden").await;
    assert_eq!(titles(&f).len(), 1);
    assert_eq!(f.title.unwrap().content, "Beslut: Kultur- och fritidsnämnden – Sala");
    let (_, f) = fetch(&app, "/sala/beslut/rss?tagg=princip-5").await;
    assert_eq!(
        titles(&f),
        ["Kommunfullmäktige 2018-02-28 § 12: Lokala principer för samverkan"]
    );
    assert_eq!(f.title.unwrap().content, "Beslut: Princip 5 – Sala");
    let (_, f) = fetch(&app, "/sala/beslut/atom?tagg=bidrag").await;
    assert_eq!(titles(&f).len(), 1);
    let (_, f) = fetch(&app, "/sala/beslut/atom?tagg=lokaler").await;
    assert!(f.entries.is_empty());
    // The feed of a filter names itself.
    let (_, f) = fetch(&app, "/sala/beslut/atom?tagg=princip-5").await;
    assert!(f
        .links
        .iter()
        .any(|l| l.href == app.url("/sala/beslut/atom?tagg=princip-5") && l.rel.as_deref() == Some("self")));

    // A withdrawn decision stays, marked.
    let staff = app.staff("sala").await;
    let page = format!("{MANAGE}/{council}");
    let p = staff
        .submit(&page, &format!("{page}/aterkalla"), &[("reason", "")])
        .await;
    assert_eq!(p.status, 303);
    let (_, f) = fetch(&app, "/sala/beslut/rss?organ=kommunfullmaktige").await;
    assert_eq!(
        titles(&f),
        ["Återkallat: Kommunfullmäktige 2018-02-28 § 12: Lokala principer för samverkan"]
    );
    app.stop().await;
}

async fn conditional_get_answers_304(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, [_, board, _]) = three_decisions(&app).await;
    let http = reqwest::Client::new();
    let url = app.url("/sala/beslut/rss");
    let first = http.get(&url).send().await.unwrap();
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let modified = first.headers()["last-modified"].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    assert!(modified.ends_with(" GMT"), "{modified}");

    let again = |h: &'static str, v: String| {
        let req = http.get(&url).header(h, v);
        async move { req.send().await.unwrap() }
    };
    let r = again("if-none-match", etag.clone()).await;
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"].to_str().unwrap(), etag);
    assert!(r.bytes().await.unwrap().is_empty());
    assert_eq!(again("if-modified-since", modified.clone()).await.status(), 304);
    assert_eq!(again("if-none-match", "\"annan\"".into()).await.status(), 200);
    // Atom's tag is its own.
    let atom = http.get(app.url("/sala/beslut/atom")).send().await.unwrap();
    assert_ne!(atom.headers()["etag"].to_str().unwrap(), etag);

    // A change later: the old tag and date no longer match.
    app.clock.advance(chrono::Duration::minutes(5));
    let mut c = store::one(&app.state.db, m, board).await.unwrap().unwrap();
    c.title = "Handlingsplan, reviderad".into();
    let changed = Checked {
        body: c.body,
        committee: c.committee,
        meeting_on: c.meeting_on,
        paragraph: c.paragraph,
        title: c.title,
        summary: c.summary,
        protocol_url: c.protocol_url,
        category: c.category,
        principles: c.principles,
        organisations: vec![],
    };
    store::update(&app.state.db, m, board, &changed, None, app.state.now())
        .await
        .unwrap();
    let r = again("if-none-match", etag.clone()).await;
    assert_eq!(r.status(), 200);
    assert_ne!(r.headers()["etag"].to_str().unwrap(), etag);
    assert!(r.text().await.unwrap().contains("Handlingsplan, reviderad"));
    assert_eq!(again("if-modified-since", modified).await.status(), 200);
    app.stop().await;
}

both!(feeds_parse_with_an_independent_parser, conditional_get_answers_304);
