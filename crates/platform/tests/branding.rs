//! A municipality's look (issue 16): its coordinator sets its colour, welcome text and logo at
//! `/{slug}/admin/profil`; the public pages show them; a colour white text cannot be read on,
//! a file that is not a PNG or JPEG, another municipality's coordinator and an anonymous visitor
//! are refused.

use platform::auth::RoleKind;
use testkit::browser::{Browser, Findings};
use testkit::{both, Backend, Client, Page, TestApp};

/// A one-pixel PNG.
const PNG: [u8; 68] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0b, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

const PROFILE: &str = "/sala/admin/profil";

/// The logo form's action (it carries the CSRF token, as a multipart form must).
async fn logo_action(c: &Client) -> String {
    let body = c.get(PROFILE).await.body;
    let start = body
        .find("action=\"/sala/admin/profil/logotyp?")
        .expect("the profile page has a logo upload")
        + "action=\"".len();
    let end = start + body[start..].find('"').unwrap();
    body[start..end].replace("&amp;", "&")
}

async fn stored(app: &TestApp) -> (String, String, Option<Vec<u8>>, String) {
    sqlx::query_as("SELECT brand_colour, welcome, logo, logo_type FROM municipalities WHERE slug = 'sala'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

async fn colour_and_welcome_show_on_the_start_page(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.coordinator("sala").await;
    let admin = c.get("/sala/admin/").await;
    assert!(
        admin.body.contains("href=\"/sala/admin/profil\""),
        "linked from the admin index"
    );

    let welcome = "Välkommen <b>hit</b>!\n\nHär samverkar vi.";
    let p = c
        .submit(PROFILE, PROFILE, &[("colour", " #1D5A8A "), ("welcome", welcome)])
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(p.location.as_deref(), Some("/sala/admin/profil?sparat=profil"));
    let p = c.get("/sala/admin/profil?sparat=profil").await;
    assert!(p.text().contains("Färgen och välkomsttexten är sparade."));
    assert!(p.text().contains("#1d5a8a"));
    let (colour, text, _, _) = stored(&app).await;
    assert_eq!(
        (colour.as_str(), text.as_str()),
        ("#1d5a8a", "Välkommen <b>hit</b>!\n\nHär samverkar vi.")
    );
    assert_eq!(audited(&app, "municipality.profile").await, 1);

    // The public start page: the colour's stylesheet, the header band, the welcome text escaped
    // and in paragraphs.
    let home = app.client().get("/sala/").await;
    assert_eq!(home.status, 200);
    assert!(home
        .body
        .contains("<link rel=\"stylesheet\" href=\"/sala/tema.css?v=1d5a8a\">"));
    assert!(home.body.contains("<header class=\"site-header\" data-brand>"));
    assert!(
        home.body
            .contains("<p class=\"ds-paragraph\" data-size=\"lg\">Välkommen &#60;b&#62;hit&#60;/b&#62;!</p>"),
        "{}",
        home.body
    );
    assert!(home
        .body
        .contains("<p class=\"ds-paragraph\" data-size=\"lg\">Här samverkar vi.</p>"));
    assert!(!home.body.contains("<b>hit</b>"));
    let css = app.client().get("/sala/tema.css?v=1d5a8a").await;
    assert_eq!(css.status, 200);
    assert_eq!(css.headers["content-type"], "text/css; charset=utf-8");
    assert!(css.headers["cache-control"].to_str().unwrap().starts_with("public"));
    assert!(css.body.contains(":root{--overens-brand:#1d5a8a}"), "{}", css.body);

    let (status, json) = app.client().get_json("/api/v1/sala").await;
    assert_eq!(status, 200);
    assert_eq!(json["brand_colour"], "#1d5a8a");
    assert_eq!(json["welcome"], "Välkommen <b>hit</b>!\n\nHär samverkar vi.");
    assert!(json["logo_url"].is_null());

    // No colour: no stylesheet, no band; the stylesheet's address answers 404.
    let p = c.submit(PROFILE, PROFILE, &[("colour", ""), ("welcome", "")]).await;
    assert_eq!(p.status, 303);
    let home = app.client().get("/sala/").await;
    assert!(!home.body.contains("tema.css") && !home.body.contains("data-brand"));
    assert_eq!(app.client().get("/sala/tema.css").await.status, 404);
    app.stop().await;
}

async fn a_colour_white_text_cannot_be_read_on_is_refused(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.coordinator("sala").await;
    let p = c
        .submit(PROFILE, PROFILE, &[("colour", "#FFCC00"), ("welcome", "Hej")])
        .await;
    assert_eq!(p.status, 422);
    assert!(
        p.text()
            .contains("Färgen #ffcc00 ger kontrasten 1,5:1 mot vit text; minst 4,5:1 krävs."),
        "{}",
        p.text()
    );
    assert!(p.body.contains("aria-invalid=\"true\""));
    let p = c
        .submit(PROFILE, PROFILE, &[("colour", "#777777"), ("welcome", "")])
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("kontrasten 4,4:1"), "{}", p.text());
    let p = c.submit(PROFILE, PROFILE, &[("colour", "blå"), ("welcome", "")]).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv färgen som #"));
    let long = "å".repeat(501);
    let p = c.submit(PROFILE, PROFILE, &[("colour", ""), ("welcome", &long)]).await;
    assert_eq!(p.status, 422);
    assert_eq!(stored(&app).await, (String::new(), String::new(), None, String::new()));
    assert_eq!(audited(&app, "municipality.profile").await, 0);

    // In English, with a decimal point.
    let token = c.get(PROFILE).await.csrf();
    c.post_raw("/sprak", &[("_csrf", &token), ("lang", "en"), ("next", PROFILE)])
        .await;
    let p = c
        .submit(PROFILE, PROFILE, &[("colour", "#ffcc00"), ("welcome", "")])
        .await;
    assert_eq!(p.status, 422);
    assert!(
        p.text()
            .contains("The colour #ffcc00 gives a contrast of 1.5:1 against white text; at least 4.5:1 is required."),
        "{}",
        p.text()
    );
    app.stop().await;
}

async fn a_logo_is_served_and_shown_in_the_header(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.coordinator("sala").await;
    assert_eq!(app.client().get("/sala/logotyp").await.status, 404);

    // Not a picture, or a picture that can carry script: refused, nothing kept.
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
    for (name, bytes) in [("logo.svg", svg), ("logo.png", b"%PDF-1.4\n%%EOF\n".to_vec())] {
        let p = c.post_multipart(&logo_action(&c).await, &[], "file", name, bytes).await;
        assert_eq!(p.status, 422, "{name}");
        assert!(
            p.text().contains("inte en PNG- eller JPEG-bild"),
            "{name}: {}",
            p.text()
        );
    }
    let p = c
        .post_multipart(&logo_action(&c).await, &[], "file", "stor.png", {
            let mut big = PNG.to_vec();
            big.resize(200 * 1024 + 1, 0);
            big
        })
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("större än 200 kB"));
    assert_eq!(stored(&app).await.2, None);

    let p = c
        .post_multipart(&logo_action(&c).await, &[], "file", "sala.png", PNG.to_vec())
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(stored(&app).await.2.as_deref(), Some(&PNG[..]));
    assert_eq!(audited(&app, "municipality.logo").await, 1);

    let logo = app.client().get("/sala/logotyp?v=68").await;
    assert_eq!(logo.status, 200);
    assert_eq!(logo.headers["content-type"], "image/png");
    assert_eq!(logo.headers["x-content-type-options"], "nosniff");
    assert_eq!(logo.headers["cache-control"], "public, max-age=300");
    assert_eq!(logo.headers["content-length"], "68");

    let home = app.client().get("/sala/").await;
    assert!(
        home.body
            .contains("<img class=\"site-logo\" src=\"/sala/logotyp?v=68\" alt=\"Salas logotyp\" height=\"40\">"),
        "{}",
        home.body
    );
    let start = app.client().get("/").await;
    assert!(start.body.contains("src=\"/sala/logotyp?v=68\""));
    let (_, json) = app.client().get_json("/api/v1/sala").await;
    assert!(json["logo_url"].as_str().unwrap().ends_with("/sala/logotyp?v=68"));

    // The operator sees each municipality's colour (as text too) and logo.
    let p = c
        .submit(PROFILE, PROFILE, &[("colour", "#1d5a8a"), ("welcome", "")])
        .await;
    assert_eq!(p.status, 303);
    let (operator, _) = app
        .signed_in("drift@example.se", Some((RoleKind::Operator, None)))
        .await;
    let drift = operator.get("/drift/").await;
    assert!(drift.body.contains("fill=\"#1d5a8a\""), "{}", drift.body);
    assert!(drift.text().contains("#1d5a8a"));
    assert!(drift.body.contains("alt=\"Salas logotyp\""));

    // Taken away again.
    let token = c.get(PROFILE).await.csrf();
    let p = c
        .post_raw("/sala/admin/profil/logotyp/ta-bort", &[("_csrf", &token)])
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(app.client().get("/sala/logotyp").await.status, 404);
    assert!(!app.client().get("/sala/").await.body.contains("site-logo"));
    assert_eq!(audited(&app, "municipality.logo.remove").await, 1);
    app.stop().await;
}

fn refused(p: &Page, what: &str) {
    assert!(matches!(p.status, 403 | 404), "{what}: {}", p.status);
}

async fn only_the_municipalitys_coordinator_sets_its_look(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let orebro = app.coordinator("orebro").await;
    refused(&orebro.get(PROFILE).await, "Örebro's coordinator reads Sala's profile");
    let token = orebro.get("/orebro/admin/profil").await.csrf();
    let p = orebro
        .post_raw(
            PROFILE,
            &[("_csrf", &token), ("colour", "#000000"), ("welcome", "Inbrott")],
        )
        .await;
    refused(&p, "Örebro's coordinator changes Sala's colour");
    let action = format!("/sala/admin/profil/logotyp?_csrf={}", urlencoding::encode(&token));
    let p = orebro.post_multipart(&action, &[], "file", "x.png", PNG.to_vec()).await;
    refused(&p, "Örebro's coordinator uploads Sala's logo");
    let p = orebro
        .post_raw("/sala/admin/profil/logotyp/ta-bort", &[("_csrf", &token)])
        .await;
    refused(&p, "Örebro's coordinator removes Sala's logo");
    assert_eq!(stored(&app).await, (String::new(), String::new(), None, String::new()));

    // Sala's staff may see the admin index but not set the look.
    let staff = app.staff("sala").await;
    assert_eq!(staff.get(PROFILE).await.status, 403);
    assert!(!staff.get("/sala/admin/").await.body.contains("/sala/admin/profil"));

    // An anonymous visitor is sent to log in; a post without a session is refused.
    let anon = app.client();
    let p = anon.get(PROFILE).await;
    assert_eq!(
        p.location.as_deref(),
        Some("/konto/logga-in?next=%2Fsala%2Fadmin%2Fprofil")
    );
    let token = anon.get("/konto/logga-in").await.csrf();
    let p = anon
        .post_raw(PROFILE, &[("_csrf", &token), ("colour", "#000000"), ("welcome", "")])
        .await;
    assert_eq!(p.status, 403);
    assert_eq!(stored(&app).await.0, "");
    app.stop().await;
}

both!(
    colour_and_welcome_show_on_the_start_page,
    a_colour_white_text_cannot_be_read_on_is_refused,
    a_logo_is_served_and_shown_in_the_header,
    only_the_municipalitys_coordinator_sets_its_look,
);

/// The profile form and a branded start page, in a browser: no axe-core violations (axe checks
/// the contrast of the header's white text on the colour), in Swedish and English.
async fn branded_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let now = app.state.now();
    let db = &app.state.db;
    platform::tenants::branding::store::save_profile(db, sala, "#1d5a8a", "Välkommen!\n\nHär möts vi.", None, now)
        .await
        .unwrap();
    platform::tenants::branding::store::save_logo(db, sala, "image/png", &PNG, None, now)
        .await
        .unwrap();
    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, "/sala/", "Här möts vi.").await;
    let band = browser
        .js(
            "return getComputedStyle(document.querySelector('.site-header')).backgroundColor",
            vec![],
        )
        .await;
    assert_eq!(band, "rgb(29, 90, 138)", "the header band takes the colour");
    let text = browser
        .js(
            "return getComputedStyle(document.querySelector('.site-header .ds-link')).color",
            vec![],
        )
        .await;
    assert_eq!(text, "rgb(255, 255, 255)", "the header's links are white");
    let alt = browser
        .js("return document.querySelector('.site-logo').alt", vec![])
        .await;
    assert_eq!(alt, "Salas logotyp");
    found.visit(&browser, &app, "/", "Sala").await;

    browser.log_in(&app, "samordnare@sala.se").await;
    found.visit(&browser, &app, "/sala/", "Logga ut").await;
    found.visit(&browser, &app, PROFILE, "Välkomsttext").await;
    // The form with an error: a colour too light.
    browser
        .js(
            "document.querySelector('#f-colour').value = '#ffcc00'; document.querySelector('form.stack').submit()",
            vec![],
        )
        .await;
    browser.wait_for_text("minst 4,5:1 krävs").await;
    found.check(&browser, "the profile form with a refused colour").await;

    browser.switch_language("English").await;
    browser.wait_for_text("Log out").await;
    found.visit(&browser, &app, PROFILE, "Welcome text").await;
    found.visit(&browser, &app, "/sala/", "Här möts vi.").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

testkit::browser!(branded_pages_have_no_accessibility_violations);
