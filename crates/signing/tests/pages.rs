//! The signing book over HTTP, on both databases: signing online, the public list with its
//! counts, CSV and JSON, paper signatures, withdrawal with history, roles, tenants, bad input.

use platform::auth::RoleKind;
use platform::{MunicipalityId, OrganisationId};
use testkit::{both, Backend, Client, TestApp, PASSWORD};

const BOOK: &str = "/sala/signeringsbok";

async fn setup(backend: Backend) -> (TestApp, MunicipalityId, MunicipalityId) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    app.user("samordnare@orebro.se", Some((RoleKind::Coordinator, Some("orebro"))))
        .await;
    (app, sala, orebro)
}

async fn logged_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    c.login(email, PASSWORD).await;
    c
}

async fn sign(c: &Client, organisation: OrganisationId, name: &str, role: &str, date: &str) -> testkit::Page {
    c.submit(
        "/sala/signeringsbok/signera",
        "/sala/signeringsbok/signera",
        &[
            ("organisation", &organisation.to_string()),
            ("signed_by_name", name),
            ("signed_by_role", role),
            ("signed_on", date),
            ("agree", "on"),
        ],
    )
    .await
}

async fn signatures(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM signatures")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

async fn a_representative_signs_and_everyone_sees_it(backend: Backend) {
    let (app, _, _) = setup(backend).await;
    let (_, iks) = app
        .representative("isa@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let rep = logged_in(&app, "isa@iks.example").await;

    let form = rep.get("/sala/signeringsbok/signera").await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("IKS – Ideell Kultur i Sala"), "{}", form.text());
    assert!(form.text().contains("står bakom principerna"));

    let p = sign(&rep, iks, "Isa Österberg", "Ordförande", "2026-11-20").await;
    assert_eq!(p.status, 303, "{}", p.text());

    let anon = app.client();
    let list = anon.get(BOOK).await;
    assert_eq!(list.status, 200);
    let text = list.text();
    assert!(text.contains("IKS – Ideell Kultur i Sala"), "{text}");
    assert!(text.contains("Isa Österberg") && text.contains("Ordförande") && text.contains("2026-11-20"));
    // Counts per kind: one association, one in all.
    let counts = testkit::text(
        list.body
            .split("id=\"signing-counts\"")
            .nth(1)
            .and_then(|s| s.split("</dl>").next())
            .unwrap(),
    );
    assert!(counts.contains("Föreningar och organisationer 1"), "{counts}");
    assert!(counts.contains("Totalt 1"), "{counts}");

    // Signing twice for the same organisation is refused and changes nothing.
    let again = sign(&rep, iks, "Isa Österberg", "Ordförande", "2026-11-21").await;
    assert_eq!(again.status, 422, "{}", again.text());
    assert_eq!(signatures(&app).await, 1);

    // CSV for Excel: BOM, a header in Swedish, the row.
    let csv = anon.get("/sala/signeringsbok.csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.body.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("Signatär"), "{}", lines[0]);
    assert!(lines[1].contains("IKS – Ideell Kultur i Sala") && lines[1].contains("Digitalt"));

    // JSON (open data).
    let (status, json) = anon.get_json("/api/v1/sala/signatures").await;
    assert_eq!(status, 200);
    assert_eq!(json["counts"]["total"], 1, "{json}");
    assert_eq!(json["signatures"][0]["signer"], "IKS – Ideell Kultur i Sala");
    assert_eq!(json["signatures"][0]["organisation_id"], iks.get());
    assert_eq!(json["signatures"][0]["signed_on"], "2026-11-20");
    app.stop().await;
}

async fn withdrawal_keeps_the_history(backend: Backend) {
    let (app, _, _) = setup(backend).await;
    let (_, iks) = app
        .representative("isa@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let rep = logged_in(&app, "isa@iks.example").await;
    assert_eq!(
        sign(&rep, iks, "Isa Österberg", "Ordförande", "2026-11-20")
            .await
            .status,
        303
    );
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM signatures")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let path = format!("/sala/signeringsbok/{id}/aterkalla");
    // The directory's "signed" filter follows the signing book (it tells the registry).
    let signed_in_directory = || async {
        let (_, json) = app.client().get_json("/api/v1/sala/organisations?signerat=1").await;
        json["total"].as_i64().unwrap()
    };
    assert_eq!(signed_in_directory().await, 1);

    // Someone else may not withdraw it.
    app.representative("other@example.se", "sala", "Sala Schackklubb").await;
    let other = logged_in(&app, "other@example.se").await;
    assert_eq!(other.get(&path).await.status, 403);

    let p = rep
        .submit(&path, &path, &[("reason", "Styrelsen har beslutat det.")])
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let list = app.client().get(BOOK).await.text();
    assert!(!list.contains("IKS – Ideell Kultur i Sala"), "{list}");
    assert!(list.contains("Ingen har signerat ännu"), "{list}");
    assert_eq!(signed_in_directory().await, 0, "withdrawn: not signed in the directory");

    // The coordinator's history still has it, with the reason, marked as withdrawn.
    let coordinator = logged_in(&app, "samordnare@sala.se").await;
    let history = coordinator.get("/sala/signeringsbok/historik").await;
    assert_eq!(history.status, 200);
    let text = history.text();
    assert!(
        text.contains("IKS – Ideell Kultur i Sala") && text.contains("Återkallad"),
        "{text}"
    );
    assert!(text.contains("Styrelsen har beslutat det."), "{text}");
    // The public may not read the history.
    assert_ne!(app.client().get("/sala/signeringsbok/historik").await.status, 200);

    // Withdrawing twice: the signature is no longer in force.
    let again = rep.get(&path).await;
    assert_eq!(again.status, 404);

    // The organisation can sign again after withdrawing.
    assert_eq!(
        sign(&rep, iks, "Isa Österberg", "Ordförande", "2026-11-22")
            .await
            .status,
        303
    );
    assert!(app.client().get(BOOK).await.text().contains("2026-11-22"));
    assert_eq!(signed_in_directory().await, 1);
    assert_eq!(signatures(&app).await, 2);
    app.stop().await;
}

async fn the_coordinator_records_paper_signatures(backend: Backend) {
    let (app, sala, _) = setup(backend).await;
    platform::tenants::store::add_department(&app.state.db, sala, "Kultur och fritid", None, app.state.now())
        .await
        .unwrap();
    let coordinator = logged_in(&app, "samordnare@sala.se").await;
    let form = coordinator.get("/sala/signeringsbok/papper?kind=department").await;
    assert_eq!(form.status, 200);
    let (dept,): (i64,) = sqlx::query_as("SELECT id FROM departments WHERE name = 'Kultur och fritid'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let p = coordinator
        .submit(
            "/sala/signeringsbok/papper?kind=department",
            "/sala/signeringsbok/papper",
            &[
                ("kind", "department"),
                ("department", &dept.to_string()),
                ("signed_by_name", "Kim Förvaltningschef"),
                ("signed_by_role", "Förvaltningschef"),
                ("signed_on", "2018-04-21"),
            ],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.text());
    assert!(
        p.text().contains("Signaturen för Kultur och fritid är registrerad"),
        "{}",
        p.text()
    );
    let p = coordinator
        .submit(
            "/sala/signeringsbok/papper?kind=company",
            "/sala/signeringsbok/papper",
            &[
                ("kind", "company"),
                ("signer_name", "Salabostäder AB"),
                ("signed_by_name", "Vera Vd"),
                ("signed_by_role", "Vd"),
                ("signed_on", "2018-05-02"),
            ],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.text());

    let list = app.client().get(BOOK).await;
    let text = list.text();
    assert!(
        text.contains("Kultur och fritid") && text.contains("Salabostäder AB"),
        "{text}"
    );
    assert!(
        text.contains("Kommunala förvaltningar 1") && text.contains("Kommunala bolag 1"),
        "{text}"
    );
    assert!(text.contains("Totalt 2"), "{text}");
    // Swedish order: "Kultur…" before "Salabostäder…".
    assert!(text.find("Kultur och fritid").unwrap() < text.find("Salabostäder AB").unwrap());
    let (_, json) = app.client().get_json("/api/v1/sala/signatures").await;
    assert!(
        json["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["channel"] == "paper"),
        "{json}"
    );
    app.stop().await;
}

async fn bad_input_is_refused_with_a_clear_message(backend: Backend) {
    let (app, _, _) = setup(backend).await;
    let (_, iks) = app.representative("isa@iks.example", "sala", "IKS").await;
    let rep = logged_in(&app, "isa@iks.example").await;

    // Without ticking the statement.
    let p = rep
        .submit(
            "/sala/signeringsbok/signera",
            "/sala/signeringsbok/signera",
            &[
                ("organisation", &iks.to_string()),
                ("signed_by_name", "Isa"),
                ("signed_by_role", "Ordförande"),
                ("signed_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Kryssa i rutan"), "{}", p.text());

    // Over-long name, a date in the future, a date that does not exist.
    let long = "x".repeat(5000);
    let p = sign(&rep, iks, &long, "Ordförande", "2026-11-20").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Något behöver rättas"), "{}", p.text());
    assert!(p.text().contains("Texten är för lång. Högst"), "{}", p.text());
    let p = sign(&rep, iks, "Isa", "Ordförande", "2027-01-01").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("kan inte vara senare än i dag"), "{}", p.text());
    let p = sign(&rep, iks, "Isa", "Ordförande", "2026-02-30").await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv ett datum som finns"), "{}", p.text());
    assert_eq!(signatures(&app).await, 0);

    // HTML is shown as text, never as markup.
    let p = sign(
        &rep,
        iks,
        "<script>alert(1)</script>",
        "<b>Ordförande</b>",
        "2026-11-20",
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let list = app.client().get(BOOK).await;
    assert!(!list.body.contains("<script>alert(1)</script>"));
    assert!(
        list.text().contains("<script>alert(1)</script>"),
        "shown as text: {}",
        list.body
    );
    assert!(!list.body.contains("<b>Ordförande</b>"));

    // A signature id that is not a number, or not there.
    assert_eq!(rep.get("/sala/signeringsbok/abc/aterkalla").await.status, 404);
    assert_eq!(rep.get("/sala/signeringsbok/999999/aterkalla").await.status, 404);
    // An unknown municipality.
    assert_eq!(app.client().get("/finns-inte/signeringsbok").await.status, 404);
    app.stop().await;
}

async fn roles_and_municipalities_are_kept_apart(backend: Backend) {
    let (app, sala, _) = setup(backend).await;
    let (_, iks) = app.representative("isa@iks.example", "sala", "IKS").await;
    let (_, orebro_org) = app
        .representative("olle@orebro.example", "orebro", "Örebro Schacksällskap")
        .await;
    app.user("personal@sala.se", Some((RoleKind::Staff, Some("sala"))))
        .await;

    // Anonymous visitors are asked to log in to sign.
    let anon = app.client();
    let p = anon.get("/sala/signeringsbok/signera").await;
    assert!(p.status == 303 || p.status == 401 || p.status == 403, "{}", p.status);
    assert_eq!(anon.get("/sala/signeringsbok/papper").await.status, 303);

    // A representative of an Örebro organisation cannot sign in Sala, not even for an
    // organisation id of Sala's or their own.
    let olle = logged_in(&app, "olle@orebro.example").await;
    assert_eq!(olle.get("/sala/signeringsbok/signera").await.status, 403);
    let token = olle.get("/orebro/signeringsbok/signera").await.csrf();
    for org in [iks, orebro_org] {
        let p = olle
            .post_raw(
                "/sala/signeringsbok/signera",
                &[
                    ("_csrf", &token),
                    ("organisation", &org.to_string()),
                    ("signed_by_name", "Olle"),
                    ("signed_by_role", "Kassör"),
                    ("signed_on", "2026-11-20"),
                    ("agree", "on"),
                ],
            )
            .await;
        assert_eq!(p.status, 403, "{}", p.text());
    }
    // Nor, in its own municipality, for an organisation it does not represent.
    let p = olle
        .submit(
            "/orebro/signeringsbok/signera",
            "/orebro/signeringsbok/signera",
            &[
                ("organisation", &iks.to_string()),
                ("signed_by_name", "Olle"),
                ("signed_by_role", "Kassör"),
                ("signed_on", "2026-11-20"),
                ("agree", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 403, "{}", p.text());
    assert_eq!(signatures(&app).await, 0);

    // Staff and the other municipality's coordinator may not record paper signatures or read
    // Sala's history.
    let staff = logged_in(&app, "personal@sala.se").await;
    assert_eq!(staff.get("/sala/signeringsbok/papper").await.status, 403);
    let orebro = logged_in(&app, "samordnare@orebro.se").await;
    assert_eq!(orebro.get("/sala/signeringsbok/papper").await.status, 403);
    assert_eq!(orebro.get("/sala/signeringsbok/historik").await.status, 403);
    let token = orebro.get("/orebro/signeringsbok/papper").await.csrf();
    let p = orebro
        .post_raw(
            "/sala/signeringsbok/papper",
            &[
                ("_csrf", &token),
                ("kind", "company"),
                ("signer_name", "Fel AB"),
                ("signed_by_name", "X"),
                ("signed_by_role", "Vd"),
                ("signed_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(p.status, 403);
    assert_eq!(signatures(&app).await, 0);

    // Sala's signature cannot be withdrawn by Örebro's coordinator.
    let rep = logged_in(&app, "isa@iks.example").await;
    assert_eq!(sign(&rep, iks, "Isa", "Ordförande", "2026-11-20").await.status, 303);
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM signatures WHERE municipality_id = $1")
        .bind(sala)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let p = orebro
        .post_raw(
            &format!("/sala/signeringsbok/{id}/aterkalla"),
            &[("_csrf", &token), ("reason", "")],
        )
        .await;
    assert_eq!(p.status, 403);
    assert_eq!(
        orebro
            .get(&format!("/orebro/signeringsbok/{id}/aterkalla"))
            .await
            .status,
        404
    );
    assert!(app.client().get(BOOK).await.text().contains("IKS"));
    // Örebro's list does not show Sala's signature.
    assert!(!app.client().get("/orebro/signeringsbok").await.text().contains("IKS"));
    app.stop().await;
}

both!(
    a_representative_signs_and_everyone_sees_it,
    withdrawal_keeps_the_history,
    the_coordinator_records_paper_signatures,
    bad_input_is_refused_with_a_clear_message,
    roles_and_municipalities_are_kept_apart,
);
