//! The action plan through HTTP on both databases: import (preview, confirmation,
//! idempotence), export and import again, recording progress with its rules, tenant isolation,
//! bad input, working groups, the lists, reminders and the JSON API.

use crate::common::{action_of, activity_id, count, counts, import, link, TABLE};
use platform::auth::RoleKind;
use testkit::{both, Backend, TestApp};

async fn import_shows_a_preview_writes_on_confirmation_and_twice_changes_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    let path = "/sala/handlingsplan/import";

    // The preview: what will be created, the line that cannot be placed, and nothing written.
    let preview = coord.submit(path, path, &[("table", TABLE)]).await;
    assert_eq!(preview.status, 200, "{}", preview.text());
    let text = preview.text();
    assert!(
        text.contains(
            "Nya områden: 2. Nya mål: 3. Nya aktiviteter: 4. Ändrade rader: 0. Rader som inte gick att läsa: 1."
        ),
        "{text}"
    );
    assert!(
        text.contains("Upphandla ett bokningssystem.") && text.contains("trasig rad"),
        "{text}"
    );
    assert_eq!(
        counts(&app).await,
        [0, 0, 0, 0],
        "nothing is written before the confirmation"
    );

    // Confirmed: the plan is there, in the table's order, grouped by principle.
    let action = action_of(&preview.body, "import-confirm").unwrap();
    let done = coord.post_raw(&action, &[("_csrf", preview.csrf().as_str())]).await;
    assert_eq!(done.status, 303);
    let after = coord.get(&done.location.unwrap()).await;
    assert!(after
        .text()
        .contains("Importen är klar: 3 nya mål, 4 nya aktiviteter och 0 ändrade rader."));
    assert_eq!(counts(&app).await, [2, 3, 4, 1]);
    let plan = app.client().get("/sala/handlingsplan").await;
    let t = plan.text();
    let (a, b) = (t.find("1 Självständighet").unwrap(), t.find("2 Dialog").unwrap());
    assert!(a < b, "{t}");
    assert!(t.contains("Kommunen ska: Inventera lokaler.") && t.contains("Civilsamhället ska: Inventera lokaler."));
    // A confirmation is used once.
    let again = coord.post_raw(&action, &[("_csrf", preview.csrf().as_str())]).await;
    assert_eq!(again.status, 404);

    // The same table again: nothing to create, no confirmation offered, nothing changes.
    let preview = import(&coord, "sala", TABLE).await;
    assert!(
        preview
            .text()
            .contains("Nya mål: 0. Nya aktiviteter: 0. Ändrade rader: 0."),
        "{}",
        preview.text()
    );
    assert!(action_of(&preview.body, "import-confirm").is_none());
    assert_eq!(counts(&app).await, [2, 3, 4, 1]);

    // A changed cell and a new activity: one change, one new row, the rest kept.
    let changed = TABLE
        .replace("Via medborgarundersökning", "Årligen i december")
        .replace(
            "trasig rad\tmed bara två celler\n",
            "Nr 2 Dialog\tSala kommun ska: Tydligare kommunicera kontaktvägar\tNy aktivitet.\t2027\tHR\t-\n",
        );
    let preview = import(&coord, "sala", &changed).await;
    assert!(
        preview.text().contains("Nya aktiviteter: 1. Ändrade rader: 1."),
        "{}",
        preview.text()
    );
    assert_eq!(counts(&app).await, [2, 3, 5, 1]);
    let (_, json) = app.client().get_json("/api/v1/sala/action-plan").await;
    assert_eq!(
        json["principles"][1]["goals"][0]["activities"][0]["follow_up"],
        "Årligen i december"
    );
    app.stop().await;
}

async fn only_the_coordinator_imports(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("heby", "Heby").await;
    let path = "/sala/handlingsplan/import";
    let anon = app.client();
    let page = anon.get(path).await;
    assert_eq!(page.status, 303, "anonymous: to the login page");
    assert!(page.location.unwrap().starts_with("/konto/logga-in"));
    let token = anon.get("/sala/handlingsplan").await.csrf();
    let page = anon
        .post_raw(path, &[("_csrf", token.as_str()), ("table", TABLE)])
        .await;
    assert_ne!(page.status, 200);
    let (staff, _) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    assert_eq!(staff.get(path).await.status, 403);
    let other = app.coordinator("heby").await;
    assert_eq!(other.get(path).await.status, 403, "another municipality's coordinator");
    let page = other
        .submit("/heby/handlingsplan/import", path, &[("table", TABLE)])
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(counts(&app).await, [0, 0, 0, 0]);
    app.stop().await;
}

/// The plan as JSON without ids (which differ between imports).
fn shape(json: &serde_json::Value) -> serde_json::Value {
    let mut v = json["principles"].clone();
    for p in v.as_array_mut().unwrap() {
        for g in p["goals"].as_array_mut().unwrap() {
            g.as_object_mut().unwrap().remove("id");
            for a in g["activities"].as_array_mut().unwrap() {
                a.as_object_mut().unwrap().remove("id");
            }
        }
    }
    v
}

async fn exported_csv_and_xlsx_import_to_the_same_plan(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let (_, original) = app.client().get_json("/api/v1/sala/action-plan").await;
    assert_eq!(original["principles"].as_array().unwrap().len(), 2);

    let anon = app.client();
    let csv = anon.get("/sala/handlingsplan/export.csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.body.contains("Upphandla ett bokningssystem."));
    let res = reqwest::get(app.url("/sala/handlingsplan/export.xlsx")).await.unwrap();
    assert_eq!(res.status(), 200);
    let xlsx = res.bytes().await.unwrap().to_vec();
    assert!(xlsx.starts_with(b"PK"), "an XLSX file is a ZIP archive");

    // Each file imported into a municipality of its own gives the same plan.
    for (slug, name, file, bytes) in [
        ("heby", "Heby", "handlingsplan.csv", csv.body.clone().into_bytes()),
        ("enkoping", "Enköping", "handlingsplan.xlsx", xlsx.clone()),
    ] {
        app.municipality(slug, name).await;
        let c = app.coordinator(slug).await;
        let page = c.get(&format!("/{slug}/handlingsplan/import")).await;
        let action = action_of(&page.body, "import-file").unwrap();
        let preview = c.post_file(&action, "file", file, bytes.clone()).await;
        assert_eq!(preview.status, 200, "{}", preview.text());
        assert!(
            preview.text().contains("Nya mål: 3. Nya aktiviteter: 4."),
            "{file}: {}",
            preview.text()
        );
        let confirm = action_of(&preview.body, "import-confirm").unwrap();
        assert_eq!(
            c.post_raw(&confirm, &[("_csrf", preview.csrf().as_str())]).await.status,
            303
        );
        let (_, copy) = app.client().get_json(&format!("/api/v1/{slug}/action-plan")).await;
        assert_eq!(shape(&copy), shape(&original), "{file}");
    }
    // And the export imported where it came from changes nothing.
    let before = counts(&app).await;
    let page = coord.get("/sala/handlingsplan/import").await;
    let action = action_of(&page.body, "import-file").unwrap();
    let preview = coord.post_file(&action, "file", "plan.xlsx", xlsx).await;
    assert!(
        preview
            .text()
            .contains("Nya mål: 0. Nya aktiviteter: 0. Ändrade rader: 0."),
        "{}",
        preview.text()
    );
    assert_eq!(counts(&app).await, before);
    app.stop().await;
}

async fn the_responsible_record_progress_and_others_cannot(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("heby", "Heby").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let (person, person_id) = app.signed_in("ansvarig@sala.example", None).await;
    let id = activity_id(&app, "Upphandla").await;
    let other = activity_id(&app, "Uppdatera registret").await;
    let (rep, rep_id) = {
        let (_, org) = app.representative("rep@forening.example", "sala", "Sala IF").await;
        let c = app.client();
        c.login("rep@forening.example", testkit::PASSWORD).await;
        (c, org)
    };
    link(&coord, "sala", other, None, Some(rep_id), "2026-12-01").await;
    // A person linked directly (someone outside the municipality's roles, e.g. a citizen in
    // a working group).
    sqlx::query("UPDATE actionplan_activities SET responsible_user_id = $1 WHERE id = $2")
        .bind(person_id)
        .bind(id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let page_path = format!("/sala/handlingsplan/aktivitet/{id}");

    // Anonymous: the history but no form; a post goes to the login page.
    let anon = app.client();
    let page = anon.get(&page_path).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("name=\"text\"") && page.text().contains("Logga in för att rapportera"));
    let token = page.csrf();
    let post = anon
        .post_raw(
            &page_path,
            &[
                ("_csrf", token.as_str()),
                ("status", "done"),
                ("text", "x"),
                ("noted_on", ""),
            ],
        )
        .await;
    assert!(matches!(post.status, 401 | 403), "{}", post.status);

    // Someone else signed in, another municipality's coordinator, and the representative of
    // an organisation that is not responsible: forbidden.
    let (stranger, _) = app.signed_in("x@example.se", None).await;
    let heby = app.coordinator("heby").await;
    for c in [&stranger, &heby, &rep] {
        assert!(!c.get(&page_path).await.body.contains("name=\"text\""));
        let p = c
            .submit(
                &page_path,
                &page_path,
                &[("status", "done"), ("text", "Klart!"), ("noted_on", "")],
            )
            .await;
        assert_eq!(p.status, 403);
    }
    // The activity does not exist under another municipality's address.
    assert_eq!(
        heby.get(&format!("/heby/handlingsplan/aktivitet/{id}")).await.status,
        404
    );
    assert_eq!(count(&app, "actionplan_notes").await, 0);

    // The responsible person: bad input is refused with clear messages.
    let long = "å".repeat(4001);
    let p = person
        .submit(
            &page_path,
            &page_path,
            &[("status", "ongoing"), ("text", &long), ("noted_on", "2026-02-30")],
        )
        .await;
    assert_eq!(p.status, 422);
    let t = p.text();
    assert!(t.contains("högst 4000 tecken") || t.contains("4000"), "{t}");
    assert!(t.contains("Skriv datumet som ÅÅÅÅ-MM-DD"), "{t}");
    let p = person
        .submit(
            &page_path,
            &page_path,
            &[("status", "ongoing"), ("text", "Snart"), ("noted_on", "2026-11-24")],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("kan inte vara i framtiden"));
    assert_eq!(count(&app, "actionplan_notes").await, 0);

    // A good report: the note with author and date, the new status, an audit entry; HTML shown
    // as text.
    let p = person
        .submit(
            &page_path,
            &page_path,
            &[
                ("status", "ongoing"),
                ("text", "Upphandlingen <b>pågår</b>."),
                ("noted_on", "2026-11-20"),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let page = anon.get(&page_path).await;
    assert!(
        !page.body.contains("<b>pågår</b>") && page.text().contains("Upphandlingen <b>pågår</b>."),
        "HTML in a note is shown as text"
    );
    let t = page.text();
    assert!(
        t.contains("2026-11-20") && t.contains("Test ansvarig@sala.example") && t.contains("Pågår"),
        "{t}"
    );
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'actionplan.progress.record' AND entity_id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(n, 1);

    // The representative of the linked organisation reports on its activity.
    let other_path = format!("/sala/handlingsplan/aktivitet/{other}");
    let p = rep
        .submit(
            &other_path,
            &other_path,
            &[
                ("status", "done"),
                ("text", "Registret är uppdaterat."),
                ("noted_on", ""),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let (_, json) = anon.get_json("/api/v1/sala/action-plan").await;
    let statuses: Vec<String> = json["principles"][0]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| {
            g["activities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["status"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(statuses, ["ongoing", "not_started", "done"]);
    assert_eq!(json["principles"][0]["progress"]["done"], 1);
    let plan = anon.get("/sala/handlingsplan").await;
    assert!(
        plan.text().contains("1 av 3 aktiviteter är klara (33 procent)."),
        "{}",
        plan.text()
    );
    app.stop().await;
}

async fn filters_lists_and_the_json_api(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let (staff, staff_id) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let late = activity_id(&app, "Informera").await;
    let soon = activity_id(&app, "Upphandla").await;
    link(&coord, "sala", late, Some(staff_id), None, "2026-11-01").await;
    link(&coord, "sala", soon, Some(staff_id), None, "2026-12-20").await;

    let anon = app.client();
    let all = anon.get("/sala/handlingsplan").await.text();
    assert!(all.contains("Använd sala.se som huvudkanal.") && all.contains("Uppdatera registret."));
    let civil = anon.get("/sala/handlingsplan?agare=civil_society").await.text();
    assert!(
        civil.contains("Uppdatera registret.") && !civil.contains("Använd sala.se"),
        "{civil}"
    );
    assert!(civil.contains("1 aktivitet passar."));
    let who = anon.get("/sala/handlingsplan?ansvar=CHEFER").await.text();
    assert!(
        who.contains("Använd sala.se som huvudkanal.") && !who.contains("Uppdatera registret."),
        "{who}"
    );
    // The linked person's name counts as responsible too.
    let who = anon.get("/sala/handlingsplan?ansvar=personal%40sala").await.text();
    assert!(
        who.contains("Informera om tillgänglighet.") && !who.contains("Använd sala.se"),
        "{who}"
    );
    let none = anon.get("/sala/handlingsplan?status=done").await.text();
    assert!(none.contains("Inga aktiviteter passar."), "{none}");

    // My activities and the overdue list.
    let mine = staff.get("/sala/handlingsplan/mina").await;
    assert_eq!(mine.status, 200);
    assert!(mine.text().contains("Informera om tillgänglighet.") && mine.text().contains("Upphandla"));
    assert!(!mine.text().contains("Uppdatera registret."));
    assert_eq!(anon.get("/sala/handlingsplan/mina").await.status, 303);
    assert_eq!(staff.get("/sala/handlingsplan/forsenade").await.status, 403);
    let overdue = coord.get("/sala/handlingsplan/forsenade").await.text();
    assert!(
        overdue.contains("Informera om tillgänglighet.") && !overdue.contains("Upphandla"),
        "{overdue}"
    );
    assert!(overdue.contains("försenad"));

    // JSON: principles → goals → activities, with structured dates and overdue.
    let (status, json) = anon.get_json("/api/v1/sala/action-plan").await;
    assert_eq!(status, 200);
    assert_eq!(json["municipality"], "sala");
    let p = &json["principles"][0];
    assert_eq!(
        (p["number"].as_i64(), p["name"].as_str()),
        (Some(1), Some("Självständighet"))
    );
    assert_eq!(p["goals"][0]["owner"], "municipality");
    assert_eq!(p["goals"][1]["owner"], "civil_society");
    let informera = &p["goals"][0]["activities"][1];
    assert_eq!(informera["follow_up_on"], "2026-11-01");
    assert_eq!(informera["overdue"], true);
    assert_eq!(informera["responsible_user_id"], staff_id.get());
    assert_eq!(p["progress"]["total"], 3);
    assert_eq!(json["principles"][1]["goals"][0]["activities"][0]["time"], "Höst -19");
    let (status, _) = anon.get_json("/api/v1/ingenstans/action-plan").await;
    assert_eq!(status, 404);
    app.stop().await;
}

async fn reminders_reach_the_responsible_before_follow_up_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let (_, staff_id) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let (_, org) = app.representative("rep@forening.example", "sala", "Sala IF").await;
    let soon = activity_id(&app, "Upphandla").await;
    let later = activity_id(&app, "Informera").await;
    let by_org = activity_id(&app, "Uppdatera registret").await;
    // 2026-11-23 is the test's today: 10 days ahead is due, 30 days ahead is not yet.
    link(&coord, "sala", soon, Some(staff_id), None, "2026-12-03").await;
    link(&coord, "sala", later, Some(staff_id), None, "2026-12-23").await;
    link(&coord, "sala", by_org, None, Some(org), "2026-11-30").await;
    app.run_jobs().await;
    let mail = app.outbox().await;
    let to_staff: Vec<_> = mail.iter().filter(|m| m.0 == "personal@sala.example").collect();
    assert_eq!(to_staff.len(), 1, "{mail:?}");
    assert!(to_staff[0].1.contains("2026-12-03"), "{:?}", to_staff[0]);
    assert!(
        to_staff[0].2.contains("Upphandla ett bokningssystem.")
            && to_staff[0].2.contains(&format!("/sala/handlingsplan/aktivitet/{soon}"))
    );
    assert!(
        mail.iter()
            .any(|m| m.0 == "rep@forening.example" && m.2.contains("Uppdatera registret.")),
        "{mail:?}"
    );
    assert_eq!(mail.len(), 2);

    // The next day: nothing again for the same dates.
    app.clock.advance(chrono::Duration::days(1));
    app.run_jobs().await;
    assert_eq!(app.outbox().await.len(), 2);
    // On 2026-12-09, 14 days before the later date, that one is due.
    app.clock.advance(chrono::Duration::days(15));
    app.run_jobs().await;
    let mail = app.outbox().await;
    assert_eq!(mail.len(), 3, "{mail:?}");
    assert!(mail[0].2.contains("Informera om tillgänglighet."));
    app.stop().await;
}

async fn working_groups_are_joined_with_consent_and_left(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("heby", "Heby").await;
    let (coord, coord_id) = app
        .signed_in("samordnare@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    import(&coord, "sala", TABLE).await;
    let (_, area): (i64, i64) = (
        0,
        sqlx::query_as::<_, (i64,)>("SELECT id FROM actionplan_areas WHERE number = 1")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap()
            .0,
    );
    let groups = "/sala/handlingsplan/grupper";
    let (member, _) = app.signed_in("medlem@example.se", None).await;
    assert_eq!(
        member
            .submit(
                groups,
                groups,
                &[("name", "Grupp 1"), ("area", ""), ("convener", ""), ("description", "")]
            )
            .await
            .status,
        403
    );
    let area_s = area.to_string();
    let coord_s = coord_id.to_string();
    let bad = coord
        .submit(
            groups,
            groups,
            &[
                ("name", &"x".repeat(201)),
                ("area", &area_s),
                ("convener", &coord_s),
                ("description", ""),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("200"), "{}", bad.text());
    let made = coord
        .submit(
            groups,
            groups,
            &[
                ("name", "Arbetsgrupp <1>"),
                ("area", &area_s),
                ("convener", &coord_s),
                ("description", "Lokaler."),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text());
    let path = made.location.unwrap();
    let page = app.client().get(&path).await;
    assert!(
        !page.body.contains("Arbetsgrupp <1>") && page.text().contains("Arbetsgrupp <1>"),
        "shown as text, escaped"
    );
    let t = page.text();
    assert!(
        t.contains("1 Självständighet") && t.contains("Test samordnare@sala.example"),
        "{t}"
    );
    assert!(
        !t.contains("samordnare@sala.example)"),
        "members' addresses are not public: {t}"
    );

    let join = format!("{path}/ga-med");
    let p = member.submit(&path, &join, &[]).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Kryssa i rutan"));
    let p = member.submit(&path, &join, &[("consent", "on")]).await;
    assert_eq!(p.status, 303);
    let t = member.get(&path).await.text();
    assert!(t.contains("Du är med i gruppen") || t.contains("Gå ur gruppen"), "{t}");
    assert!(
        t.contains("medlem@example.se") && t.contains("samordnare@sala.example"),
        "members see each other: {t}"
    );
    let heby = app.coordinator("heby").await;
    assert!(
        !heby.get(&path).await.text().contains("medlem@example.se"),
        "another municipality's coordinator"
    );
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM actionplan_members WHERE consent_at IS NOT NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 2);
    let p = member.submit(&path, &format!("{path}/lamna"), &[]).await;
    assert_eq!(p.status, 303);
    assert!(!coord.get(&path).await.text().contains("medlem@example.se"));
    assert_eq!(app.client().get(&path.replace("/sala/", "/heby/")).await.status, 404);
    app.stop().await;
}

async fn send(c: &testkit::Client, path: &str, fields: Vec<(&'static str, String)>) -> testkit::Page {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.submit(path, path, &borrowed).await
}

async fn the_coordinator_sets_dates_links_and_the_plans_adoption(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("heby", "Heby").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let (_, heby_org) = app.representative("rep@heby.example", "heby", "Heby IF").await;
    let id = activity_id(&app, "Upphandla").await;
    let path = format!("/sala/handlingsplan/aktivitet/{id}/redigera");
    let (staff, _) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    assert_eq!(
        staff.get(&path).await.status,
        403,
        "staff report progress but do not edit"
    );
    let heby_org = heby_org.to_string();
    let edit = |start: &'static str, end: &'static str, org: String| {
        vec![
            ("text", "Upphandla ett bokningssystem.".to_string()),
            ("time_text", "2020".to_string()),
            ("time_start", start.to_string()),
            ("time_end", end.to_string()),
            ("responsible_text", "Kultur och fritid".to_string()),
            ("department", String::new()),
            ("user", String::new()),
            ("organisation", org),
            ("follow_up_text", "hösten 2020".to_string()),
            ("follow_up_on", "2026-12-01".to_string()),
        ]
    };
    let p = send(&coord, &path, edit("2026-12-31", "2026-01-01", String::new())).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Slutet kan inte vara före början."), "{}", p.text());
    let p = send(&coord, &path, edit("2026-02-30", "", String::new())).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv datumet som ÅÅÅÅ-MM-DD"));
    let p = send(&coord, &path, edit("", "", heby_org.clone())).await;
    assert_eq!(p.status, 422, "another municipality's organisation cannot be linked");
    assert!(p.text().contains("Välj ett av alternativen."));
    let p = send(&coord, &path, edit("2026-01-01", "2026-12-31", String::new())).await;
    assert_eq!(p.status, 303, "{}", p.text());
    let page = app
        .client()
        .get(&format!("/sala/handlingsplan/aktivitet/{id}"))
        .await
        .text();
    assert!(
        page.contains("2020 (2026-01-01 – 2026-12-31)") && page.contains("hösten 2020 (2026-12-01)"),
        "{page}"
    );

    // The plan's name, period and adoption.
    let settings = "/sala/handlingsplan/installningar";
    let p = coord
        .submit(
            settings,
            settings,
            &[
                ("title", ""),
                ("period_start", "2020"),
                ("period_end", "2019"),
                ("adopted_by", ""),
                ("adopted_on", ""),
            ],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Fyll i fältet.") && p.text().contains("Slutet kan inte vara före början."));
    let p = coord
        .submit(
            settings,
            settings,
            &[
                ("title", "Handlingsplan 2019–2020"),
                ("period_start", "2019"),
                ("period_end", "2020"),
                ("adopted_by", "Samverkansrådet"),
                ("adopted_on", "2019-03-12"),
            ],
        )
        .await;
    assert_eq!(p.status, 303);
    let t = app.client().get("/sala/handlingsplan").await.text();
    assert!(
        t.contains("Handlingsplan 2019–2020") && t.contains("2019–2020") && t.contains("Samverkansrådet, 2019-03-12"),
        "{t}"
    );
    let (_, json) = app.client().get_json("/api/v1/sala/action-plan").await;
    assert_eq!(json["plan"]["adopted_on"], "2019-03-12");
    assert_eq!(staff.get(settings).await.status, 403);
    app.stop().await;
}

both!(
    the_coordinator_sets_dates_links_and_the_plans_adoption,
    import_shows_a_preview_writes_on_confirmation_and_twice_changes_nothing,
    only_the_coordinator_imports,
    exported_csv_and_xlsx_import_to_the_same_plan,
    the_responsible_record_progress_and_others_cannot,
    filters_lists_and_the_json_api,
    reminders_reach_the_responsible_before_follow_up_once,
    working_groups_are_joined_with_consent_and_left,
);
