//! Municipalities as tenants: public pages per municipality, and no way for the staff of one
//! municipality to read or change another's non-public data.

use platform::auth::RoleKind;
use testkit::{both, Backend, TestApp, PASSWORD};

async fn start_page_lists_municipalities_in_swedish_order(backend: Backend) {
    let app = TestApp::start(backend).await;
    for (slug, name) in [
        ("orebro", "Örebro"),
        ("sala", "Sala"),
        ("are", "Åre"),
        ("angelholm", "Ängelholm"),
        ("alingsas", "Alingsås"),
    ] {
        app.municipality(slug, name).await;
    }
    let p = app.client().get("/").await;
    assert_eq!(p.status, 200);
    let text = p.text();
    let pos = |n: &str| text.find(n).unwrap_or_else(|| panic!("{n} missing"));
    assert!(
        pos("Alingsås") < pos("Sala")
            && pos("Sala") < pos("Åre")
            && pos("Åre") < pos("Ängelholm")
            && pos("Ängelholm") < pos("Örebro")
    );
    assert!(p.body.contains("<html lang=\"sv\""));

    let (status, json) = app.client().get_json("/api/v1/municipalities").await;
    assert_eq!(status, 200);
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alingsås", "Sala", "Åre", "Ängelholm", "Örebro"]);
}

async fn municipality_pages_and_unknown_slugs(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let c = app.client();
    let p = c.get("/sala/").await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Sala"));
    assert!(p.body.contains("aria-label=\"Kommunens sidor\""));
    assert_eq!(c.get("/sala").await.location.as_deref(), Some("/sala/"));

    let p = c.get("/vasteras/").await;
    assert_eq!(p.status, 404);
    assert!(p.text().contains("Kommunen finns inte på den här webbplatsen"));
    let p = c.get("/vasteras/admin/logg").await;
    assert_eq!(p.status, 404);
    let (status, json) = c.get_json("/api/v1/vasteras").await;
    assert_eq!(status, 404);
    assert_eq!(json["status"], 404);
    let (status, json) = c.get_json("/api/v1/sala").await;
    assert_eq!(status, 200);
    assert_eq!(json["name"], "Sala");
    assert_eq!(c.get("/finns/inte/alls").await.status, 404);
}

async fn a_coordinator_cannot_touch_another_municipality(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    app.user("jane@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    app.user("helena@orebro.example", Some((RoleKind::Coordinator, Some("orebro"))))
        .await;

    let orebro = app.client();
    orebro.login("helena@orebro.example", PASSWORD).await;
    let p = orebro
        .submit(
            "/orebro/admin/avdelningar",
            "/orebro/admin/avdelningar",
            &[("name", "Hemlig enhet")],
        )
        .await;
    assert_eq!(p.status, 200);

    let sala = app.client();
    sala.login("jane@sala.example", PASSWORD).await;
    // Reading: every non-public page of Örebro is closed to Sala's coordinator.
    for path in [
        "/orebro/admin/",
        "/orebro/admin/avdelningar",
        "/orebro/admin/personer",
        "/orebro/admin/logg",
    ] {
        let p = sala.get(path).await;
        assert_eq!(p.status, 403, "{path}");
        assert!(p.text().contains("Du har inte behörighet"), "{path}");
        assert!(
            !p.text().contains("Hemlig enhet") && !p.text().contains("helena@orebro.example"),
            "{path} leaks"
        );
    }
    // Changing: a well-formed post with a valid token is refused and changes nothing.
    let token = sala.get("/sala/admin/avdelningar").await.csrf();
    let p = sala
        .post_raw("/orebro/admin/avdelningar", &[("_csrf", &token), ("name", "Inbrott")])
        .await;
    assert_eq!(p.status, 403);
    let p = sala
        .post_raw(
            "/orebro/admin/personer",
            &[
                ("_csrf", &token),
                ("email", "jane@sala.example"),
                ("role", "coordinator"),
                ("department", ""),
            ],
        )
        .await;
    assert_eq!(p.status, 403);
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM departments d JOIN municipalities m ON m.id = d.municipality_id WHERE m.slug = 'orebro'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(n, 1, "only Örebro's own department");
    let (r,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM roles r JOIN municipalities m ON m.id = r.municipality_id WHERE m.slug = 'orebro'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(r, 1, "no role was granted in Örebro");

    // Sala's own pages work, and show none of Örebro's data.
    let p = sala.get("/sala/admin/logg").await;
    assert_eq!(p.status, 200);
    assert!(!p.text().contains("Hemlig enhet"));
}

async fn roles_decide_what_each_person_may_do(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("staff@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    app.user("nobody@exempel.se", None).await;
    app.user("drift@exempel.se", Some((RoleKind::Operator, None))).await;

    // Anonymous: sent to log in, and back afterwards.
    let anon = app.client();
    let p = anon.get("/sala/admin/personer").await;
    assert_eq!(p.status, 303);
    assert_eq!(
        p.location.as_deref(),
        Some("/konto/logga-in?next=%2Fsala%2Fadmin%2Fpersoner")
    );
    assert_eq!(anon.get("/drift/").await.status, 303);
    let login = anon.get(p.location.as_deref().unwrap()).await;
    assert!(login.text().contains("Du behöver logga in för att fortsätta"));
    // A form posted without a session: a clear message, not a silent redirect, and no change.
    let p = anon
        .post_raw(
            "/sala/admin/avdelningar",
            &[("_csrf", &login.csrf()), ("name", "Utan inloggning")],
        )
        .await;
    assert_eq!(p.status, 403);
    assert!(p.text().contains("Du behöver logga in"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM departments")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);

    let staff = app.client();
    staff.login("staff@sala.example", PASSWORD).await;
    assert_eq!(
        staff.get("/sala/admin/").await.status,
        200,
        "staff see the administration start"
    );
    assert_eq!(
        staff.get("/sala/admin/personer").await.status,
        403,
        "but not the coordinator's pages"
    );
    assert_eq!(staff.get("/drift/utkorg").await.status, 403);

    let nobody = app.client();
    nobody.login("nobody@exempel.se", PASSWORD).await;
    assert_eq!(nobody.get("/sala/admin/").await.status, 403);
    assert!(!nobody.get("/sala/").await.text().contains("Administrera"));

    let op = app.client();
    op.login("drift@exempel.se", PASSWORD).await;
    assert_eq!(op.get("/drift/").await.status, 200);
    assert_eq!(op.get("/drift/utkorg").await.status, 200);
    let p = op
        .submit("/drift/", "/drift/", &[("name", "Luleå"), ("slug", "lulea")])
        .await;
    assert_eq!(p.status, 200);
    assert!(p.text().contains("Luleå är tillagd"));
    assert_eq!(app.client().get("/lulea/").await.status, 200);
    for (slug, why) in [
        ("lulea", "används redan"),
        ("Luleå", "små bokstäver"),
        ("konto", "små bokstäver"),
    ] {
        let p = op.submit("/drift/", "/drift/", &[("name", "X"), ("slug", slug)]).await;
        assert_eq!(p.status, 422, "{slug}");
        assert!(p.text().contains(why), "{slug}: {}", p.text());
    }
}

async fn coordinator_grants_roles_and_every_change_is_audited(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("jane@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    app.user("magnus@sala.example", None).await;
    let c = app.client();
    c.login("jane@sala.example", PASSWORD).await;
    let p = c
        .submit(
            "/sala/admin/avdelningar",
            "/sala/admin/avdelningar",
            &[("name", "Kultur och fritid")],
        )
        .await;
    assert!(p.text().contains("Kultur och fritid är tillagd"));
    let p = c
        .submit(
            "/sala/admin/avdelningar",
            "/sala/admin/avdelningar",
            &[("name", "Kultur och fritid")],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("finns redan"));
    let p = c
        .submit(
            "/sala/admin/avdelningar",
            "/sala/admin/avdelningar",
            &[("name", &"å".repeat(121))],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Högst 120 tecken"));

    let page = c.get("/sala/admin/personer").await;
    let dept_id: (i64,) = sqlx::query_as("SELECT id FROM departments WHERE name = 'Kultur och fritid'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let dept = dept_id.0.to_string();
    let p = c
        .post_raw(
            "/sala/admin/personer",
            &[
                ("_csrf", &page.csrf()),
                ("email", "Magnus@sala.example"),
                ("role", "staff"),
                ("department", &dept),
            ],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.text());
    assert!(p.text().contains("magnus@sala.example har fått rollen"));
    assert!(p.text().contains("Kultur och fritid"));
    let p = c
        .post_raw(
            "/sala/admin/personer",
            &[
                ("_csrf", &page.csrf()),
                ("email", "okand@sala.example"),
                ("role", "staff"),
                ("department", ""),
            ],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Det finns inget konto"));
    let p = c
        .post_raw(
            "/sala/admin/personer",
            &[
                ("_csrf", &page.csrf()),
                ("email", "magnus@sala.example"),
                ("role", "kung"),
                ("department", ""),
            ],
        )
        .await;
    assert_eq!(p.status, 422);

    let magnus = app.client();
    magnus.login("magnus@sala.example", PASSWORD).await;
    assert!(magnus
        .get("/konto")
        .await
        .text()
        .contains("Tjänsteperson, Sala (Kultur och fritid)"));

    let log = c.get("/sala/admin/logg").await.text();
    assert!(log.contains("department.create") && log.contains("role.grant"), "{log}");
    assert!(log.contains("Test jane@sala.example"), "who");
    assert!(log.contains("2026-11-23 10:00"), "when, in Swedish time: {log}");
}

async fn forms_without_the_right_token_change_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.user("jane@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let c = app.client();
    c.login("jane@sala.example", PASSWORD).await;
    for fields in [
        vec![("name", "Utan token")],
        vec![("_csrf", "fel"), ("name", "Fel token")],
    ] {
        let p = c.post_raw("/sala/admin/avdelningar", &fields).await;
        assert_eq!(p.status, 403);
        assert!(p.text().contains("Formuläret har gått ut"));
    }
    // Another browser's token does not fit this browser's cookie.
    let other = app.client();
    let token = other.get("/konto/logga-in").await.csrf();
    let p = c
        .post_raw(
            "/sala/admin/avdelningar",
            &[("_csrf", &token), ("name", "Annans token")],
        )
        .await;
    assert_eq!(p.status, 403);
    let p = other
        .post_raw(
            "/konto/logga-in",
            &[("email", "jane@sala.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(p.status, 403, "login posts need the token too");
    // A form that lacks its fields, or is far too large, gets a clear answer too.
    let token = c.get("/sala/admin/avdelningar").await.csrf();
    let p = c
        .post_raw("/sala/admin/avdelningar", &[("_csrf", &token), ("namn", "Fel fält")])
        .await;
    assert_eq!(p.status, 400);
    assert!(p.text().contains("Formuläret kunde inte läsas"), "{}", p.text());
    let huge = "x".repeat(300 * 1024);
    let p = c
        .post_raw("/sala/admin/avdelningar", &[("_csrf", &token), ("name", &huge)])
        .await;
    assert_eq!(p.status, 413);
    assert!(p.text().contains("för stort"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM departments")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'department.create'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
}

async fn security_headers_and_language(backend: Backend) {
    let app = TestApp::start(backend).await;
    let c = app.client();
    let p = c.get("/konto/logga-in").await;
    let h = |n: &str| {
        p.headers
            .get(n)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert!(h("content-security-policy").contains("default-src 'self'"));
    assert_eq!(h("x-content-type-options"), "nosniff");
    assert_eq!(h("x-frame-options"), "DENY");
    assert!(!h("referrer-policy").is_empty());
    assert!(p.text().contains("Logga in") && p.text().contains("Hoppa till innehållet"));

    let p = c
        .post_raw(
            "/sprak",
            &[("_csrf", &p.csrf()), ("lang", "en"), ("next", "/konto/logga-in")],
        )
        .await;
    assert_eq!(p.status, 303);
    let en = c.get("/konto/logga-in").await;
    assert!(en.body.contains("<html lang=\"en\""));
    assert!(en.text().contains("Log in") && en.text().contains("Skip to content") && en.text().contains("Svenska"));
    let bad = c
        .post_raw("/sprak", &[("_csrf", &en.csrf()), ("lang", "xx"), ("next", "/")])
        .await;
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("That language is not available"));

    let health = c.get("/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok"));
    let css = c.get("/static/overens.css").await;
    assert_eq!(css.status, 200);
    assert!(
        css.body.contains(".ds-button"),
        "the design system's components are served"
    );
    // The typeface comes with the stylesheet, with a system font behind it (issue 16).
    assert!(
        css.body.contains("url(/static/fonts/inter-latin-wght-normal.woff2)"),
        "no @font-face for Inter"
    );
    assert!(css
        .body
        .contains("--ds-font-family: 'Inter Variable', Inter, system-ui"));
    let font = c.get("/static/fonts/inter-latin-wght-normal.woff2").await;
    assert_eq!(font.status, 200);
    assert_eq!(
        font.headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("font/woff2")
    );
    assert!(font.body.starts_with("wOF2"), "not a WOFF2 file");
    assert_eq!(c.get("/static/fonts/nothing.woff2").await.status, 404);
}

both!(
    start_page_lists_municipalities_in_swedish_order,
    municipality_pages_and_unknown_slugs,
    a_coordinator_cannot_touch_another_municipality,
    roles_decide_what_each_person_may_do,
    coordinator_grants_roles_and_every_change_is_audited,
    forms_without_the_right_token_change_nothing,
    security_headers_and_language,
);
