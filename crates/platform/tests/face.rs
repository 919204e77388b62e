//! The face a municipality shows its residents (issue 16): the wordmark and the favicon are
//! served as SVG pictures, every page's head describes it for search engines and shared links
//! (Open Graph, with the municipality's own words on its start page and absolute addresses),
//! and the stylesheet has rules for paper.

use testkit::{both, Backend, Page, TestApp};

/// The `content` of a `<meta>` with this `property` or `name`; `None` when the page has none.
fn meta(page: &Page, key: &str) -> Option<String> {
    let body = &page.body;
    [
        format!("<meta property=\"{key}\" content=\""),
        format!("<meta name=\"{key}\" content=\""),
    ]
    .iter()
    .find_map(|open| {
        let start = body.find(open.as_str())? + open.len();
        let end = start + body[start..].find('"')?;
        Some(
            body[start..end]
                .replace("&#x2f;", "/")
                .replace("&#47;", "/")
                .replace("&amp;", "&"),
        )
    })
}

fn header(page: &Page, name: &str) -> String {
    page.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

async fn the_wordmark_and_the_favicon_are_served(backend: Backend) {
    let app = TestApp::start(backend).await;
    let c = app.client();
    for (path, word) in [("/favicon.svg", "<svg"), ("/static/overens.svg", "Överens")] {
        let p = c.get(path).await;
        assert_eq!(p.status, 200, "{path}");
        assert_eq!(header(&p, "content-type"), "image/svg+xml", "{path}");
        assert_eq!(header(&p, "x-content-type-options"), "nosniff", "{path}");
        assert!(
            header(&p, "cache-control").contains("max-age=604800"),
            "{path} is kept a week"
        );
        assert!(
            p.body.trim_start().starts_with("<svg") && p.body.contains(word),
            "{path}: {}",
            p.body
        );
        assert!(p.body.len() < 2048, "{path} is small: {} bytes", p.body.len());
    }
    let ico = c.get("/favicon.ico").await;
    assert!(matches!(ico.status, 301 | 308), "/favicon.ico: {}", ico.status);
    assert_eq!(ico.location.as_deref(), Some("/favicon.svg"));

    // The picture a shared link shows: a PNG of 1200×630.
    let res = reqwest::get(app.url("/static/share.png")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    let png = res.bytes().await.unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!((width, height), (1200, 630));

    // Every page links the favicon and draws the mark in the header, in the link's colour.
    let home = c.get("/").await;
    assert!(home
        .body
        .contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#));
    assert!(home.body.contains(r#"class="site-mark""#) && home.body.contains(r#"fill="currentColor""#));
    app.stop().await;
}

async fn the_start_page_describes_itself_for_shared_links(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.client();

    // The platform's front page: the site's own description, in Swedish.
    let front = c.get("/").await;
    let site = "Kommunens och civilsamhällets gemensamma plats för den lokala överenskommelsen om samverkan.";
    assert_eq!(meta(&front, "description").as_deref(), Some(site));
    assert_eq!(meta(&front, "og:description").as_deref(), Some(site));
    assert_eq!(meta(&front, "og:site_name").as_deref(), Some("Överens"));
    assert_eq!(meta(&front, "og:type").as_deref(), Some("website"));
    assert_eq!(meta(&front, "og:locale").as_deref(), Some("sv_SE"));
    assert_eq!(meta(&front, "og:url"), Some(app.url("/")));
    assert_eq!(meta(&front, "og:image"), Some(app.url("/static/share.png")));

    // Sala's start page, before it has a welcome text: the site's description too.
    let sala = c.get("/sala/").await;
    assert_eq!(meta(&sala, "og:description").as_deref(), Some(site));

    // Its coordinator writes a welcome text: its first paragraph describes the start page, cut
    // at a word's end.
    let coordinator = app.coordinator("sala").await;
    let first = "Välkommen till Salas samverkan mellan kommunen och föreningslivet, där vi tillsammans \
                 bygger en levande bygd med idrott, kultur och omsorg för alla som bor här, unga som gamla.";
    let welcome = format!("{first}\n\nAndra stycket.");
    let p = coordinator
        .submit(
            "/sala/admin/profil",
            "/sala/admin/profil",
            &[("colour", ""), ("welcome", &welcome)],
        )
        .await;
    assert!(matches!(p.status, 200 | 303), "the profile was saved: {}", p.status);
    let sala = c.get("/sala/").await;
    let described = meta(&sala, "og:description").expect("og:description");
    assert_eq!(meta(&sala, "description").as_deref(), Some(described.as_str()));
    assert!(described.chars().count() <= 160, "{described}");
    assert!(described.ends_with('…'), "{described}");
    let kept = described.trim_end_matches('…');
    assert!(
        first.starts_with(kept) && first[kept.len()..].starts_with(' '),
        "cut at a word: {described}"
    );
    assert!(!described.contains("Andra stycket"));
    assert_eq!(meta(&sala, "og:title").as_deref(), Some("Sala"));
    assert_eq!(meta(&sala, "og:url"), Some(app.url("/sala/")));
    assert!(meta(&sala, "og:url").unwrap().starts_with("http://"), "absolute");

    // A short welcome is the description whole; in English the locale follows the language.
    coordinator
        .submit(
            "/sala/admin/profil",
            "/sala/admin/profil",
            &[("colour", ""), ("welcome", "Välkommen till Sala!")],
        )
        .await;
    let token = c.get("/").await.csrf();
    c.post_raw("/sprak", &[("_csrf", &token), ("lang", "en"), ("next", "/sala/")])
        .await;
    let sala = c.get("/sala/").await;
    assert_eq!(meta(&sala, "og:description").as_deref(), Some("Välkommen till Sala!"));
    assert_eq!(meta(&sala, "og:locale").as_deref(), Some("en_GB"));
    let front = c.get("/").await;
    assert_eq!(
        meta(&front, "og:description").as_deref(),
        Some("Where the municipality and civil society meet for their local agreement on working together.")
    );
    app.stop().await;
}

async fn the_stylesheet_has_rules_for_paper(backend: Backend) {
    let app = TestApp::start(backend).await;
    let css = app.client().get("/static/overens.css").await.body;
    let start = css.rfind("@media print").expect("a print block");
    let print = &css[start..];
    for rule in [
        ".site-tools",
        ".site-nav",
        ".ds-skip-link",
        ".site-footer ul",
        "break-after: avoid",
        "break-inside: avoid",
    ] {
        assert!(print.contains(rule), "the print rules have {rule}");
    }
    app.stop().await;
}

both!(
    the_wordmark_and_the_favicon_are_served,
    the_start_page_describes_itself_for_shared_links,
    the_stylesheet_has_rules_for_paper,
);
