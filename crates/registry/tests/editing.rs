//! Representatives and the coordinator keep profiles: editing with validation, audit trail,
//! contacts, premises, joining, confirming, reminders, export and import, tenant isolation.

use crate::common::{org, orgnr, represent, result_names};
use platform::auth::RoleKind;
use platform::OrganisationId;
use registry::domain::Category;
use testkit::{both, Backend, TestApp};

fn profile_fields<'a>(name: &'a str, number: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("org_number", number),
        ("legal_form", "ideell-forening"),
        ("cat_kultur", "on"),
        ("mission", "Vi sjunger i kör och ordnar konserter i Sala."),
        ("target_groups", "Alla åldrar"),
        ("members", "45"),
        ("email", "info@koren.example"),
        ("phone", "0224-123 45"),
        ("website", "www.koren.example"),
        ("social_links", "https://facebook.com/koren"),
        ("postal_address", "Box 1, 733 21 Sala"),
        ("visiting_address", "Storgatan 1, Sala"),
    ]
}

async fn audit_count(app: &TestApp, action: &str, id: OrganisationId) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND entity_id = $2")
        .bind(action)
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

async fn representatives_edit_their_profile_with_checks(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = org(&app, sala, "Brukets kör", 1, &[], "").await;
    let other = org(&app, sala, "Annan förening", 2, &[], "").await;
    let (rep, rep_id) = app.signed_in("rep@koren.example", None).await;
    represent(&app, rep_id, sala, id).await;
    let edit = format!("/sala/foreningar/{id}/redigera");

    // Anonymous: to the login page; another person: forbidden; a post without CSRF: 403.
    let anon = app.client();
    let page = anon.get(&edit).await;
    assert_eq!(page.status, 303, "{}", page.status);
    assert!(page.location.unwrap().starts_with("/konto/logga-in"));
    let (stranger, _) = app.signed_in("x@example.se", None).await;
    assert_eq!(stranger.get(&edit).await.status, 403);
    let page = stranger.submit(&edit, &edit, &profile_fields("Kapad", &orgnr(1))).await;
    assert_eq!(page.status, 403);
    let page = rep.post_raw(&edit, &profile_fields("Utan token", &orgnr(1))).await;
    assert_eq!(page.status, 403, "no CSRF token");

    let page = rep.get(&edit).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("name=\"org_number\""));
    let page = rep
        .submit(&edit, &edit, &profile_fields("Brukets kör", "802002-4280"))
        .await;
    assert_eq!(page.status, 303, "{}", page.text());
    let profile = rep.get(&page.location.unwrap()).await;
    let text = profile.text();
    assert!(text.contains("Uppgifterna är sparade"));
    assert!(text.contains("802002-4280") && text.contains("Vi sjunger i kör") && text.contains("Kultur"));
    assert!(profile.body.contains("href=\"https://www.koren.example\""));
    assert_eq!(audit_count(&app, "registry.profile.update", id).await, 1);
    let found = app.client().get("/sala/foreningar?q=konserter").await;
    assert_eq!(
        result_names(&found.body),
        vec!["Brukets kör"],
        "the index follows the edit"
    );

    // Bad input: the form again with a summary and Swedish messages, nothing saved.
    let long = "x".repeat(201);
    let taken = orgnr(2);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            profile_fields("Brukets kör", "802002-4281"),
            "Organisationsnumret stämmer inte",
        ),
        (profile_fields("Brukets kör", "12345"), "tio siffror"),
        (profile_fields(&long, "802002-4280"), "Högst 200 tecken"),
        (profile_fields("", "802002-4280"), "Fyll i fältet"),
        (profile_fields("Brukets kör", &taken), "redan det organisationsnumret"),
    ];
    // The other organisation must hold that number for the duplicate case.
    sqlx::query("UPDATE organisations SET org_number = $1 WHERE id = $2")
        .bind(orgnr(2))
        .bind(other)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    for (fields, message) in cases {
        let page = rep.submit(&edit, &edit, &fields).await;
        assert_eq!(page.status, 422, "{message}");
        assert!(page.body.contains("id=\"error-summary\""), "{message}");
        assert!(page.text().contains(message), "{message}: {}", page.text());
    }
    let mut long_mission = profile_fields("Brukets kör", "802002-4280");
    let m = "å".repeat(4001);
    long_mission[4] = ("mission", &m);
    let page = rep.submit(&edit, &edit, &long_mission).await;
    assert_eq!(page.status, 422);
    assert!(page.text().contains("Högst 4000 tecken"));
    assert_eq!(
        audit_count(&app, "registry.profile.update", id).await,
        1,
        "nothing saved"
    );

    // The representative of one organisation cannot edit another.
    let page = rep.get(&format!("/sala/foreningar/{other}/redigera")).await;
    assert_eq!(page.status, 403);
    assert_eq!(rep.get("/sala/foreningar/999999/redigera").await.status, 404);
}

async fn contacts_need_consent_and_premises_are_kept(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = org(&app, sala, "Brukets kör", 1, &[], "").await;
    let (rep, rep_id) = app.signed_in("rep@koren.example", None).await;
    represent(&app, rep_id, sala, id).await;
    let contacts = format!("/sala/foreningar/{id}/kontakter");
    let page = rep
        .submit(&contacts, &contacts, &[("name", "Utan Samtycke"), ("public", "on")])
        .await;
    assert_eq!(page.status, 422);
    assert!(page.text().contains("måste ha godkänt"));
    let page = rep
        .submit(
            &contacts,
            &contacts,
            &[
                ("name", "Öppna Olle"),
                ("role", "Ordförande"),
                ("public", "on"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let page = rep
        .submit(
            &contacts,
            &contacts,
            &[
                ("name", "Dolda Doris"),
                ("email", "doris@example.se"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let list = rep.get(&contacts).await;
    assert!(list.text().contains("Dolda Doris") && list.text().contains("visas inte öppet"));
    let public = app.client().get(&format!("/sala/foreningar/{id}")).await;
    assert!(public.text().contains("Öppna Olle"));
    assert!(!public.text().contains("Doris"));

    let premises = format!("/sala/foreningar/{id}/lokaler");
    let page = rep
        .submit(
            &premises,
            &premises,
            &[
                ("name", "Körlokalen"),
                ("address", "Kyrkogatan 3"),
                ("capacity", "60"),
                ("equipment", "Flygel"),
                ("feat_step_free", "on"),
                ("feat_hearing_loop", "on"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let page = rep
        .submit(&premises, &premises, &[("name", "Stor"), ("capacity", "-3")])
        .await;
    assert_eq!(page.status, 422);
    let found = app.client().get("/sala/foreningar?tillganglighet=hearing_loop").await;
    assert_eq!(result_names(&found.body), vec!["Brukets kör"]);
    let public = app.client().get(&format!("/sala/foreningar/{id}")).await;
    assert!(public.text().contains("Körlokalen") && public.text().contains("Entré utan trappsteg"));
    assert_eq!(audit_count(&app, "registry.contact.add", id).await, 2);
    assert_eq!(audit_count(&app, "registry.premises.add", id).await, 1);

    // Removing premises and a contact.
    let kept = registry::store::premises(&app.state.db, sala, id).await.unwrap();
    let remove = format!("/sala/foreningar/{id}/lokaler/{}/ta-bort", kept[0].id);
    assert_eq!(rep.submit(&premises, &remove, &[]).await.status, 303);
    let found = app.client().get("/sala/foreningar?lokal=1").await;
    assert!(result_names(&found.body).is_empty());
    assert_eq!(rep.submit(&premises, &remove, &[]).await.status, 404, "gone already");
    let all = registry::store::contacts(&app.state.db, sala, id, true).await.unwrap();
    let doris = all.iter().find(|c| c.name == "Dolda Doris").unwrap();
    let remove = format!("/sala/foreningar/{id}/kontakter/{}/ta-bort", doris.id);
    assert_eq!(rep.submit(&contacts, &remove, &[]).await.status, 303);
    assert!(!rep.get(&contacts).await.text().contains("Dolda Doris"));
}

async fn joining_is_approved_by_a_representative_or_the_coordinator(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = org(&app, sala, "Brukets kör", 1, &[], "").await;
    let (rep, rep_id) = app.signed_in("rep@koren.example", None).await;
    represent(&app, rep_id, sala, id).await;
    let (newbie, _) = app.signed_in("ny@koren.example", None).await;
    let join = format!("/sala/foreningar/{id}/ansluta");
    let page = newbie.submit(&join, &join, &[("message", "Jag är ny kassör.")]).await;
    assert_eq!(page.status, 303);
    let page = newbie.submit(&join, &join, &[("message", "Igen")]).await;
    assert_eq!(page.status, 422, "one request at a time");
    assert_eq!(newbie.get(&format!("/sala/foreningar/{id}/redigera")).await.status, 403);

    app.run_jobs().await;
    let mail = app.outbox().await;
    assert!(
        mail.iter().any(|m| m.0 == "rep@koren.example"
            && m.1.contains("Brukets kör")
            && m.2.contains("/sala/foreningar/ansokningar")),
        "the representative is told: {mail:?}"
    );
    let requests = rep.get("/sala/foreningar/ansokningar").await;
    assert!(requests.text().contains("Jag är ny kassör."));
    let pending = registry::joining::store::pending_requests(&app.state.db, sala, Some(id))
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    let action = format!("/sala/foreningar/ansokningar/{}", pending[0].id);
    assert_eq!(
        newbie.submit(&join, &action, &[("decision", "approve")]).await.status,
        403,
        "not by oneself"
    );
    let page = rep
        .submit("/sala/foreningar/ansokningar", &action, &[("decision", "approve")])
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(
        newbie.get(&format!("/sala/foreningar/{id}/redigera")).await.status,
        200,
        "now a representative"
    );
    assert_eq!(audit_count(&app, "registry.join.approve", id).await, 1);
    app.run_jobs().await;
    assert!(
        app.outbox()
            .await
            .iter()
            .any(|m| m.0 == "ny@koren.example" && m.2.contains("Din ansökan är godkänd")),
        "the person is told"
    );

    // The coordinator rejects another request.
    let (other, _) = app.signed_in("annan@example.se", None).await;
    other.submit(&join, &join, &[("message", "")]).await;
    let (coord, _) = app
        .signed_in("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let pending = registry::joining::store::pending_requests(&app.state.db, sala, None)
        .await
        .unwrap();
    let action = format!("/sala/foreningar/ansokningar/{}", pending[0].id);
    let page = coord
        .submit("/sala/foreningar/ansokningar", &action, &[("decision", "reject")])
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(other.get(&format!("/sala/foreningar/{id}/redigera")).await.status, 403);
    app.deliver().await;
}

async fn yearly_confirmation_reminder_and_freshness_report(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let koren = org(&app, sala, "Brukets kör", 1, &[], "").await;
    let scout = org(&app, sala, "Sala scoutkår", 2, &[], "").await;
    let (rep, rep_id) = app.signed_in("rep@koren.example", None).await;
    represent(&app, rep_id, sala, koren).await;
    let (coord, _) = app
        .signed_in("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    assert_eq!(rep.get("/sala/foreningar/inaktuella").await.status, 403);
    let (queued,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM jobs WHERE kind = 'registry.reminders' AND status = 'pending'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(queued, 1, "registering organisations queued one daily reminder run");
    let report = coord.get("/sala/foreningar/inaktuella").await;
    assert!(report.text().contains("Alla organisationer har bekräftat"));

    // Thirteen months later both are stale; the representative gets a reminder by e-mail.
    app.clock.advance(chrono::Duration::days(396));
    // Sessions do not last a year: sign in again.
    coord.login("samordnare@sala.se", testkit::PASSWORD).await;
    rep.login("rep@koren.example", testkit::PASSWORD).await;
    let report = coord.get("/sala/foreningar/inaktuella").await;
    assert!(report.text().contains("2 organisationer har inte bekräftat"));
    // The daily run (queued when the organisations were registered) sends them by itself.
    app.run_jobs().await;
    let mail = app.outbox().await;
    let to_rep: Vec<_> = mail.iter().filter(|m| m.0 == "rep@koren.example").collect();
    assert_eq!(to_rep.len(), 1, "{mail:?}");
    assert!(to_rep[0].1.contains("Brukets kör"));
    assert!(to_rep[0].2.contains(&format!("/sala/foreningar/{koren}")));
    // Not again within a month, even when the job runs daily.
    app.clock.advance(chrono::Duration::days(1));
    app.run_jobs().await;
    assert_eq!(app.outbox().await.len(), mail.len());

    // The coordinator's button queues a run now; it sends nothing again within the month.
    // (A day idle ended the coordinator's session: sign in again.)
    coord.login("samordnare@sala.se", testkit::PASSWORD).await;
    let page = coord
        .submit("/sala/foreningar/inaktuella", "/sala/foreningar/paminnelser", &[])
        .await;
    assert_eq!(page.status, 303);
    app.run_jobs().await;
    assert_eq!(app.outbox().await.len(), mail.len());
    // A month later, still unconfirmed: a second reminder.
    app.clock.advance(chrono::Duration::days(31));
    coord.login("samordnare@sala.se", testkit::PASSWORD).await;
    rep.login("rep@koren.example", testkit::PASSWORD).await;
    app.run_jobs().await;
    let again = app.outbox().await;
    assert_eq!(again.iter().filter(|m| m.0 == "rep@koren.example").count(), 2);

    // The representative confirms; the profile shows the date, the report drops it.
    let profile = format!("/sala/foreningar/{koren}");
    let page = rep.submit(&profile, &format!("{profile}/bekrafta"), &[]).await;
    assert_eq!(page.status, 303);
    let shown = rep.get(&page.location.unwrap()).await;
    assert!(shown.text().contains("Uppgifterna är bekräftade"));
    assert!(!shown.text().contains("mer än tolv månader sedan"));
    let report = coord.get("/sala/foreningar/inaktuella").await;
    assert!(report.text().contains("1 organisation har inte bekräftat"));
    assert!(report.text().contains("Sala scoutkår") && !report.text().contains("Brukets kör"));
    let _ = scout;
}

async fn coordinators_export_and_import_within_their_municipality(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    let koren = org(&app, sala, "Brukets kör", 1, &[Category::Kultur], "Körsång.").await;
    org(&app, orebro, "Örebro schackklubb", 2, &[], "").await;
    registry::parts::store::add_contact(
        &app.state.db,
        sala,
        koren,
        &registry::parts::store::NewContact {
            name: "Dolda Doris".into(),
            role: String::new(),
            email: String::new(),
            phone: String::new(),
            is_public: false,
        },
        None,
        app.state.now(),
    )
    .await
    .unwrap();
    let (coord, _) = app
        .signed_in("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let (other, _) = app
        .signed_in("samordnare@orebro.se", Some((RoleKind::Coordinator, Some("orebro"))))
        .await;

    // Another municipality's coordinator sees nothing that is not public, and changes nothing.
    assert_eq!(
        other.get(&format!("/sala/foreningar/{koren}/kontakter")).await.status,
        403
    );
    assert_eq!(
        other.get(&format!("/sala/foreningar/{koren}/redigera")).await.status,
        403
    );
    assert_eq!(
        other.get(&format!("/orebro/foreningar/{koren}/kontakter")).await.status,
        404
    );
    assert_eq!(other.get("/sala/foreningar/export.csv").await.status, 403);
    assert_eq!(other.get("/sala/foreningar/inaktuella").await.status, 403);
    let edit = format!("/orebro/foreningar/{koren}/redigera");
    assert_eq!(
        other
            .submit("/orebro/foreningar", &edit, &[("name", "Kapad")])
            .await
            .status,
        404
    );
    let csv = other.get("/orebro/foreningar/export.csv").await;
    assert!(csv.body.contains("Örebro schackklubb") && !csv.body.contains("Brukets"));

    let csv = coord.get("/sala/foreningar/export.csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.body.starts_with('\u{feff}'));
    assert!(csv.body.contains("Organisationsnummer;Namn;Organisationsform"));
    assert!(csv
        .body
        .contains(&format!("{};Brukets kör;Ideell förening;Kultur;Körsång.", orgnr(1))));
    assert!(!csv.body.contains("Örebro") && !csv.body.contains("Doris"));
    let xlsx = coord.get("/sala/foreningar/export.xlsx").await;
    assert_eq!(xlsx.status, 200);
    assert!(xlsx.headers["content-type"].to_str().unwrap().contains("spreadsheetml"));
    assert!(xlsx.body.starts_with("PK"), "a zip file");

    // Import: a preview row by row; nothing saved until confirmed.
    let file = format!(
        "Organisationsnummer;Namn;Kategorier;Verksamhetsidé\n\
         {};Sala schacksällskap;Intresseförening;Schack för alla.\n\
         802002-4281;Fel nummer;;\n\
         {};Dubbel i filen;;\n\
         {};Dubbel i filen igen;;\n\
         {};Finns redan;;\n\
         {};;;\n",
        orgnr(10),
        orgnr(11),
        orgnr(11),
        orgnr(1),
        orgnr(12)
    );
    let page = coord
        .submit("/sala/foreningar/import", "/sala/foreningar/import", &[("csv", &file)])
        .await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Rader som kan importeras: 2. Fel som hittades: 4."),
        "{text}"
    );
    assert!(
        text.contains("3 Organisationsnummer Organisationsnumret stämmer inte"),
        "{text}"
    );
    assert!(
        text.contains("5 Organisationsnummer Organisationsnumret finns redan på rad 4"),
        "{text}"
    );
    assert!(
        text.contains("6 Organisationsnummer Organisationsnumret finns redan i registret"),
        "{text}"
    );
    assert!(text.contains("7 Namn Fyll i fältet"), "{text}");
    let found = app.client().get("/sala/foreningar?q=schack").await;
    assert!(result_names(&found.body).is_empty(), "nothing imported yet");
    let action = testkit::html::link_starting(&page.body, "/sala/foreningar/import/")
        .or_else(|| {
            let s = page.body.find("action=\"/sala/foreningar/import/")? + "action=\"".len();
            Some(page.body[s..s + page.body[s..].find('"')?].to_string())
        })
        .expect("a confirm form");
    let done = coord.submit("/sala/foreningar/import", &action, &[]).await;
    assert_eq!(done.status, 303);
    let after = coord.get(&done.location.unwrap()).await;
    assert!(
        after.text().contains("2 organisationer importerades"),
        "{}",
        after.text()
    );
    let found = app.client().get("/sala/foreningar?q=schack&kategori=intresse").await;
    assert_eq!(result_names(&found.body), vec!["Sala schacksällskap"]);
    let found = app.client().get("/sala/foreningar?q=dubbel").await;
    assert_eq!(result_names(&found.body), vec!["Dubbel i filen"]);
    assert_eq!(
        coord.submit("/sala/foreningar/import", &action, &[]).await.status,
        404,
        "a draft is used once"
    );
    let bad = coord
        .submit(
            "/sala/foreningar/import",
            "/sala/foreningar/import",
            &[("csv", "a;b\n1;2\n")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("Första raden måste vara rubriker"));
    assert_eq!(other.get("/sala/foreningar/import").await.status, 403);

    // The same as a file saved by Swedish Excel (Windows-1252), sent with the upload form,
    // whose action carries the CSRF token.
    let form = coord.get("/sala/foreningar/import").await;
    let upload = form
        .body
        .split("action=\"")
        .filter_map(|s| s.split('"').next())
        .find(|a| a.starts_with("/sala/foreningar/import/fil?_csrf="))
        .expect("an upload form")
        .replace("&amp;", "&");
    let mut excel: Vec<u8> = b"Organisationsnummer;Namn;Kategorier\r\n".to_vec();
    excel.extend_from_slice(format!("{};", orgnr(20)).as_bytes());
    excel.extend_from_slice(b"\xC4lvsby \x96 \xD6stra k\xF6ren;Kultur\r\n802002-4281;Fel nummer;\r\n");
    let page = coord.post_file(&upload, "file", "föreningar.csv", excel.clone()).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(
        text.contains("Rader som kan importeras: 1. Fel som hittades: 1."),
        "{text}"
    );
    assert!(
        text.contains("Älvsby – Östra kören"),
        "decoded from Windows-1252: {text}"
    );
    assert!(
        text.contains("3 Organisationsnummer Organisationsnumret stämmer inte"),
        "{text}"
    );
    assert!(app
        .client()
        .get("/sala/foreningar?q=älvsby")
        .await
        .text()
        .contains("Inga organisationer"));
    // Without the token, by someone else, or without a file.
    let no_token = coord
        .post_file("/sala/foreningar/import/fil", "file", "a.csv", excel.clone())
        .await;
    assert_eq!(no_token.status, 403);
    let token = other.get("/orebro/foreningar/import").await.csrf();
    let foreign = other
        .post_file(
            &format!("/sala/foreningar/import/fil?_csrf={token}"),
            "file",
            "a.csv",
            excel,
        )
        .await;
    assert_eq!(foreign.status, 403);
    let empty = coord.post_file(&upload, "file", "tom.csv", vec![]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Välj en fil att skicka"), "{}", empty.text());
    let big = coord
        .post_file(&upload, "file", "stor.csv", vec![b'a'; 1024 * 1024 + 1])
        .await;
    assert_eq!(big.status, 400);
    assert!(big.text().contains("Filen är för stor"), "{}", big.text());
}

both!(
    representatives_edit_their_profile_with_checks,
    contacts_need_consent_and_premises_are_kept,
    joining_is_approved_by_a_representative_or_the_coordinator,
    yearly_confirmation_reminder_and_freshness_report,
    coordinators_export_and_import_within_their_municipality
);
