//! The coordinator changes a programme without code, over HTTP on both databases: the activity
//! rules (an age band, the minimum minutes), a wrong band line refused by its number, the
//! requirements, the attachments, the text, the rules of another kind, and the questions of the
//! application form (added, moved, removed); the public page and the JSON show each change.
//! Only the municipality's coordinator may; the edit page in a browser has no axe violations.

use grants::ids::ProgrammeId;
use grants::programmes::domain::{Kind, NewProgramme};
use grants::programmes::questions::{Question, QuestionKind};
use grants::programmes::store::{self, ProgrammeSetup};
use platform::MunicipalityId;
use serde_json::{json, Value};
use testkit::browser::{Browser, Findings};
use testkit::{both, Backend, Client, TestApp};

/// A published programme of the kind, made through the store.
async fn programme(app: &TestApp, m: MunicipalityId, kind: Kind, name: &str, questions: Vec<Question>) -> ProgrammeId {
    let new = NewProgramme {
        kind,
        name: name.into(),
        description: "Stöd till föreningar.".into(),
        criteria: String::new(),
    };
    let mut setup = ProgrammeSetup::defaults(kind);
    setup.published = true;
    setup.questions = questions;
    store::create_programme(&app.state.db, m, &new, &setup, None, app.state.now())
        .await
        .unwrap()
}

/// The programme as the public JSON shows it.
async fn json_of(app: &TestApp, slug: &str, id: ProgrammeId) -> Value {
    let (status, json) = app
        .client()
        .get_json(&format!("/api/v1/{slug}/grants/programmes"))
        .await;
    assert_eq!(status, 200);
    json["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == json!(id))
        .cloned()
        .unwrap_or(Value::Null)
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

/// Posts one of the edit page's forms, taking the CSRF token from the edit page.
async fn post(client: &Client, edit: &str, part: &str, fields: &[(&str, &str)]) -> testkit::Page {
    let action = if part.is_empty() {
        edit.to_string()
    } else {
        format!("{edit}/{part}")
    };
    client.submit(edit, &action, fields).await
}

const LOK_FIELDS: [(&str, &str); 7] = [
    ("min_participants", "3"),
    ("min_minutes", "45"),
    ("max_per_leader", "20"),
    ("min_leader_age", "13"),
    ("one_per_day", "on"),
    ("per_meeting", "21"),
    ("bands", "7–9; 7,86; 3\n10–25; 7,86; 5"),
];

fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut fields = LOK_FIELDS.to_vec();
    for (k, v) in changes {
        match fields.iter_mut().find(|(f, _)| f == k) {
            Some(f) => f.1 = v,
            None => fields.push((k, v)),
        }
    }
    fields
}

async fn the_coordinator_changes_the_activity_rules_and_everyone_sees_them(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = programme(&app, sala, Kind::Activity, "Aktivitetsstöd", vec![]).await;
    let coordinator = app.coordinator("sala").await;
    let public = app.client();
    let href = format!("/sala/bidrag/{id}");
    let edit = format!("{href}/andra");

    // The programme page leads the coordinator (and only the coordinator) to the edit page,
    // which shows the rules stored, in kronor.
    assert!(coordinator.get(&href).await.body.contains(&format!("href=\"{edit}\"")));
    assert!(!public.get(&href).await.body.contains("/andra"));
    let page = coordinator.get(&edit).await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(
        page.body.contains(">7–9; 7,86; 3\n10–25; 7,86; 5</textarea>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("name=\"per_meeting\" value=\"21\""), "{}", page.body);

    // A dearer 7–9 band with a higher cap, a new open band for 65 and older without a cap, an
    // hour's minimum, no limit per leader and an excluded activity.
    let fields = with(&[
        ("min_minutes", "60"),
        ("max_per_leader", ""),
        ("bands", "7–9; 9,50; 4\r\n10–25; 7,86; 5\r\n65–; 8"),
        ("excluded", "Bingo"),
    ]);
    let saved = post(&coordinator, &edit, "regler", &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    assert_eq!(saved.location.as_deref(), Some(format!("{edit}?sparat=1").as_str()));
    assert!(coordinator
        .get(&format!("{edit}?sparat=1"))
        .await
        .text()
        .contains("Ändringen är sparad."));
    let text = public.get(&href).await.text();
    assert!(
        text.contains("Deltagare 7–9 år (räknat på kalenderår): 9,50 kr per deltagartillfälle, högst 4 per vecka."),
        "{text}"
    );
    assert!(
        text.contains("Deltagare 65– år (räknat på kalenderår): 8 kr per deltagartillfälle, utan tak per vecka."),
        "{text}"
    );
    assert!(text.contains("minst 60 minuter"), "{text}");
    assert!(!text.contains("deltagare per ledare"), "{text}");
    assert!(text.contains("Räknas inte: Bingo."), "{text}");
    let p = json_of(&app, "sala", id).await;
    assert_eq!(p["rules"]["min_minutes"], 60);
    assert_eq!(p["rules"]["max_per_leader"], Value::Null);
    assert_eq!(p["rules"]["bands"][0]["per_participant_ore"], 950);
    assert_eq!(p["rules"]["bands"][0]["weekly_cap"], 4);
    assert_eq!(p["rules"]["bands"][2]["from"], 65);
    assert_eq!(p["rules"]["bands"][2]["to"], Value::Null);
    assert_eq!(audited(&app, "grants.programme.rules").await, 1);

    // A wrong band line is refused by its number, with the other mistakes; what was typed
    // stays and nothing changes.
    let wrong = with(&[
        ("min_minutes", "0"),
        ("bands", "7–9; 7,86; 3\n10–25; 7.86; 5\n\n9–12; 5"),
    ]);
    let refused = post(&coordinator, &edit, "regler", &wrong).await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    assert!(
        text.contains("Rad 2: Skriv beloppet i kronor, med öre efter kommatecken, till exempel 7,86."),
        "{text}"
    );
    assert!(text.contains("Rad 4: Åldrarna finns redan på rad 1."), "{text}");
    assert!(text.contains("Skriv ett heltal från 1 till 1440."), "{text}");
    assert!(refused
        .body
        .contains(">7–9; 7,86; 3\n10–25; 7.86; 5\n\n9–12; 5</textarea>"));
    assert!(refused.body.contains("name=\"min_minutes\" value=\"0\""));
    let p = json_of(&app, "sala", id).await;
    assert_eq!(p["rules"]["min_minutes"], 60);
    assert_eq!(p["rules"]["bands"].as_array().unwrap().len(), 3);
    assert_eq!(audited(&app, "grants.programme.rules").await, 1);
    app.stop().await;
}

async fn requirements_attachments_text_and_other_kinds_are_changed(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = programme(&app, sala, Kind::Activity, "Aktivitetsstöd", vec![]).await;
    let premises = programme(&app, sala, Kind::Premises, "Lokalbidrag", vec![]).await;
    let coordinator = app.coordinator("sala").await;
    let public = app.client();
    let href = format!("/sala/bidrag/{id}");
    let edit = format!("{href}/andra");

    // Requirements: no confirmation deadline, a board of five, the agreement signed.
    let before = public.get(&href).await.text();
    assert!(before.contains("bekräftade senast 2 månader"), "{before}");
    let wrong = post(&coordinator, &edit, "krav", &[("min_board", "0"), ("giro", "on")]).await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong.text().contains("Skriv ett heltal från 1 till 50."),
        "{}",
        wrong.text()
    );
    let requirements = [
        ("confirmed_within_months", ""),
        ("min_board", "5"),
        ("valid_org_number", "on"),
        ("giro", "on"),
        ("signed_agreement", "on"),
    ];
    assert_eq!(post(&coordinator, &edit, "krav", &requirements).await.status, 303);
    let text = public.get(&href).await.text();
    assert!(text.contains("En styrelse med minst 5 ledamöter."), "{text}");
    assert!(
        text.contains("Föreningen har signerat den lokala överenskommelsen."),
        "{text}"
    );
    assert!(!text.contains("bekräftade senast"), "{text}");
    assert!(!text.contains("Stadgar inlämnade."), "{text}");
    let p = json_of(&app, "sala", id).await;
    assert_eq!(p["requires"]["min_board"], 5);
    assert_eq!(p["requires"]["confirmed_within_months"], Value::Null);
    assert_eq!(p["requires"]["signed_agreement"], true);
    assert_eq!(p["requires"]["statutes_on_file"], false);
    // The edit page shows the boxes as stored.
    let page = coordinator.get(&edit).await;
    assert!(page.body.contains("name=\"signed_agreement\" value=\"on\" checked"));
    assert!(!page.body.contains("name=\"statutes_on_file\" value=\"on\" checked"));

    // Attachments: a budget and the statutes instead of the usual three.
    let attachments = [("doc-budget", "on"), ("doc-stadgar", "on")];
    assert_eq!(post(&coordinator, &edit, "bilagor", &attachments).await.status, 303);
    let text = public.get(&href).await.text();
    assert!(text.contains("Bilagor till ansökan Budget Stadgar"), "{text}");
    assert!(!text.contains("Verksamhetsberättelse"), "{text}");
    assert_eq!(
        json_of(&app, "sala", id).await["attachments"],
        json!(["budget", "stadgar"])
    );

    // The text: another programme's name is refused, a new one is kept.
    let taken = post(
        &coordinator,
        &edit,
        "",
        &[("name", "Lokalbidrag"), ("description", "Ny text")],
    )
    .await;
    assert_eq!(taken.status, 422);
    assert!(taken.text().contains("Kommunen har redan ett bidrag med det namnet."));
    assert!(taken.body.contains(">Ny text</textarea>"), "what was typed stays");
    let text = [
        ("name", "Aktivitetsstöd 2027"),
        ("description", "Stöd per deltagartillfälle."),
        ("criteria", "Verksamhet för barn och unga."),
    ];
    assert_eq!(post(&coordinator, &edit, "", &text).await.status, 303);
    let page = public.get(&href).await.text();
    assert!(page.contains("Aktivitetsstöd 2027"), "{page}");
    assert!(page.contains("Verksamhet för barn och unga."), "{page}");
    assert_eq!(json_of(&app, "sala", id).await["name"], "Aktivitetsstöd 2027");
    assert_eq!(audited(&app, "grants.programme.update").await, 1);
    assert_eq!(audited(&app, "grants.programme.eligibility").await, 1);
    assert_eq!(audited(&app, "grants.programme.attachments").await, 1);

    // A premises grant has its own rules on its edit page.
    let edit = format!("/sala/bidrag/{premises}/andra");
    let page = coordinator.get(&edit).await;
    assert!(
        page.body.contains("name=\"share_percent\" value=\"60\""),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("name=\"yearly_cap\" value=\"35 000\""),
        "{}",
        page.body
    );
    assert!(!page.body.contains("name=\"bands\""));
    let refused = post(
        &coordinator,
        &edit,
        "regler",
        &[("share_percent", "120"), ("yearly_cap", "40 000")],
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Skriv ett heltal från 1 till 100."));
    let saved = post(
        &coordinator,
        &edit,
        "regler",
        &[("share_percent", "75"), ("yearly_cap", "40 000")],
    )
    .await;
    assert_eq!(saved.status, 303);
    let text = public.get(&format!("/sala/bidrag/{premises}")).await.text();
    assert!(
        text.contains("75 procent av lokalkostnaderna minus hyresintäkterna, högst 40 000 kr per år."),
        "{text}"
    );
    app.stop().await;
}

/// The labels of the public page's questions, in order.
fn asked(text: &str, labels: &[&str]) -> Vec<usize> {
    labels.iter().map(|l| text.find(l).unwrap_or(usize::MAX)).collect()
}

async fn questions_are_added_moved_and_removed(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = programme(&app, sala, Kind::Project, "Arrangemangsbidrag", vec![]).await;
    let coordinator = app.coordinator("sala").await;
    let public = app.client();
    let href = format!("/sala/bidrag/{id}");
    let edit = format!("{href}/andra");
    assert!(coordinator
        .get(&edit)
        .await
        .text()
        .contains("Ansökan har inga egna frågor ännu."));

    // A choice without options comes back, with what was typed.
    let choice = [
        ("label", "Vilken sorts arrangemang?"),
        ("kind", "choice"),
        ("options", " "),
    ];
    let refused = post(&coordinator, &edit, "fragor", &choice).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text().contains("Skriv svarsalternativen, ett per rad."),
        "{}",
        refused.text()
    );
    assert!(refused.body.contains("value=\"Vilken sorts arrangemang?\""));
    let one = [
        ("label", "Vilken sorts arrangemang?"),
        ("kind", "choice"),
        ("options", "Konsert"),
    ];
    let refused = post(&coordinator, &edit, "fragor", &one).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Skriv minst 2 svarsalternativ."));
    assert!(json_of(&app, "sala", id).await["questions"]
        .as_array()
        .unwrap()
        .is_empty());

    let added = [
        vec![
            ("label", "Vad ska pengarna användas till?"),
            ("kind", "text"),
            ("required", "on"),
            ("hint", "Beskriv arrangemanget kort."),
        ],
        vec![
            ("label", "Vilken sorts arrangemang?"),
            ("kind", "choice"),
            ("options", "Konsert\r\nUtställning\r\n"),
        ],
        vec![
            ("label", "Budget för arrangemanget"),
            ("kind", "file"),
            ("required", "on"),
        ],
    ];
    for fields in &added {
        let res = post(&coordinator, &edit, "fragor", fields).await;
        assert_eq!(res.status, 303, "{}", res.text());
    }
    let text = public.get(&href).await.text();
    assert!(text.contains("Frågor i ansökan"), "{text}");
    assert!(
        text.contains("Vad ska pengarna användas till? (Text, måste besvaras) Beskriv arrangemanget kort."),
        "{text}"
    );
    assert!(
        text.contains("Vilken sorts arrangemang? (Val: Konsert, Utställning)"),
        "{text}"
    );
    assert!(
        text.contains("Budget för arrangemanget (Fil, måste besvaras)"),
        "{text}"
    );
    let q = json_of(&app, "sala", id).await["questions"].clone();
    assert_eq!(q[0]["id"], "q1");
    assert_eq!(q[0]["kind"], "text");
    assert_eq!(q[0]["required"], true);
    assert_eq!(q[0]["hint"], "Beskriv arrangemanget kort.");
    assert_eq!(q[1]["id"], "q2");
    assert_eq!(q[1]["options"], json!(["Konsert", "Utställning"]));
    assert_eq!(q[1]["required"], false);
    assert_eq!(q[2]["id"], "q3");
    assert_eq!(q[2]["kind"], "file");

    // The file question moved up, the first question removed, one more added: it is q4.
    let moved = post(
        &coordinator,
        &edit,
        "fragor/flytta",
        &[("question", "q3"), ("direction", "up")],
    )
    .await;
    assert_eq!(moved.status, 303);
    let labels = [
        "Vad ska pengarna",
        "Budget för arrangemanget",
        "Vilken sorts arrangemang",
    ];
    let at = asked(&public.get(&href).await.text(), &labels);
    assert!(at[0] < at[1] && at[1] < at[2], "{at:?}");
    let removed = post(&coordinator, &edit, "fragor/ta-bort", &[("question", "q1")]).await;
    assert_eq!(removed.status, 303);
    let more = [("label", "Antal besökare"), ("kind", "number")];
    assert_eq!(post(&coordinator, &edit, "fragor", &more).await.status, 303);
    let text = public.get(&href).await.text();
    assert!(!text.contains("Vad ska pengarna"), "{text}");
    let at = asked(
        &text,
        &["Budget för arrangemanget", "Vilken sorts arrangemang", "Antal besökare"],
    );
    assert!(at[0] < at[1] && at[1] < at[2], "{at:?}");
    let q = json_of(&app, "sala", id).await["questions"].clone();
    let ids: Vec<&str> = q
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["q3", "q2", "q4"]);
    // The edit page lists them with their buttons; a question that is gone is not found.
    let page = coordinator.get(&edit).await;
    assert!(page.text().contains("Flytta upp : Antal besökare"), "{}", page.text());
    let gone = post(&coordinator, &edit, "fragor/ta-bort", &[("question", "q1")]).await;
    assert_eq!(gone.status, 404);
    assert_eq!(audited(&app, "grants.programme.questions").await, 6);
    app.stop().await;
}

async fn only_the_municipalitys_coordinator_may_change_a_programme(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let id = programme(&app, sala, Kind::Activity, "Aktivitetsstöd", vec![]).await;
    let href = format!("/sala/bidrag/{id}");
    let edit = format!("{href}/andra");
    let before = json_of(&app, "sala", id).await;
    let tries: [(&str, Vec<(&str, &str)>); 6] = [
        ("", vec![("name", "Kapat")]),
        ("/regler", with(&[("min_minutes", "5")])),
        ("/krav", vec![("min_board", "1")]),
        ("/bilagor", vec![("doc-budget", "on")]),
        ("/fragor", vec![("label", "Kapad fråga"), ("kind", "text")]),
        ("/fragor/ta-bort", vec![("question", "q1")]),
    ];

    let anonymous = app.client();
    let login = anonymous.get(&edit).await;
    assert_eq!(login.status, 303);
    assert!(login.location.as_deref().is_some_and(|l| l.contains("logga-in")));
    let staff = app.staff("sala").await;
    let (rep, _) = app
        .representative_client("isa@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    for client in [&staff, &rep] {
        assert_eq!(client.get(&edit).await.status, 403);
        for (part, fields) in &tries {
            let res = client.submit(&href, &format!("{edit}{part}"), fields).await;
            assert_eq!(res.status, 403, "{part}");
        }
    }
    // Örebro's coordinator is no coordinator in Sala, and Sala's programme does not exist
    // under Örebro.
    let orebro = app.coordinator("orebro").await;
    assert_eq!(orebro.get(&edit).await.status, 403);
    let elsewhere = format!("/orebro/bidrag/{id}/andra");
    assert_eq!(orebro.get(&elsewhere).await.status, 404);
    for (part, fields) in &tries {
        let res = orebro
            .submit("/orebro/bidrag", &format!("{elsewhere}{part}"), fields)
            .await;
        assert_eq!(res.status, 404, "{part}");
    }
    let moved = orebro
        .submit(
            "/orebro/bidrag",
            &format!("{elsewhere}/fragor/flytta"),
            &[("question", "q1"), ("direction", "up")],
        )
        .await;
    assert_eq!(moved.status, 404);
    assert_eq!(json_of(&app, "sala", id).await, before, "nothing changed");
    assert_eq!(orebro.get("/orebro/bidrag/999999/andra").await.status, 404);
    app.stop().await;
}

both!(
    the_coordinator_changes_the_activity_rules_and_everyone_sees_them,
    requirements_attachments_text_and_other_kinds_are_changed,
    questions_are_added_moved_and_removed,
    only_the_municipalitys_coordinator_may_change_a_programme,
);

// --- In a browser ---

/// Put values in fields as if typed (in one script).
async fn fill(browser: &Browser, fields: &[(&str, &str)]) {
    browser
        .js(
            "for (const [s, v] of arguments[0]) document.querySelector(s).value = v;",
            vec![json!(fields)],
        )
        .await;
}

async fn the_edit_page_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.user(
        "samordnare@sala.se",
        Some((platform::auth::RoleKind::Coordinator, Some("sala"))),
    )
    .await;
    let question = |id: &str, label: &str, kind, options: &[&str]| Question {
        id: id.into(),
        label: label.into(),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
        required: true,
        hint: "En hjälptext.".into(),
    };
    let questions = vec![
        question("q1", "Vad ska pengarna användas till?", QuestionKind::Text, &[]),
        question(
            "q2",
            "Vilken sorts verksamhet?",
            QuestionKind::Choice,
            &["Idrott", "Kultur"],
        ),
        question("q3", "Budget", QuestionKind::File, &[]),
    ];
    let id = programme(&app, sala, Kind::Activity, "Aktivitetsstöd", questions).await;
    let edit = format!("/sala/bidrag/{id}/andra");
    let browser = Browser::start().await;
    let mut findings = Findings::default();
    browser.log_in(&app, "samordnare@sala.se").await;

    findings.visit(&browser, &app, &edit, "Åldersgrupper").await;
    fill(
        &browser,
        &[("#f-bands", "7–9; 7,86; 3\n10–25; x; 5"), ("#f-min_minutes", "")],
    )
    .await;
    browser.click("form[action$='/andra/regler'] button[type=submit]").await;
    browser.wait_for_text("Rad 2:").await;
    findings.check(&browser, "the rules with errors").await;
    browser.click("form[action$='/andra/fragor'] button[type=submit]").await;
    browser.wait_for_text("Välj vilken sorts svar frågan har.").await;
    findings.check(&browser, "the new question with errors").await;
    fill(&browser, &[("#f-label", "Antal besökare"), ("#f-kind", "number")]).await;
    browser.click("form[action$='/andra/fragor'] button[type=submit]").await;
    browser.wait_for_text("Ändringen är sparad.").await;
    findings.check(&browser, "the edit page after a change").await;
    findings
        .visit(&browser, &app, &format!("/sala/bidrag/{id}"), "Frågor i ansökan")
        .await;
    let premises = programme(&app, sala, Kind::Premises, "Lokalbidrag", vec![]).await;
    findings
        .visit(
            &browser,
            &app,
            &format!("/sala/bidrag/{premises}/andra"),
            "Andel av kostnaderna",
        )
        .await;
    browser.close().await;
    findings.assert_none();
    app.stop().await;
}

testkit::browser!(the_edit_page_has_no_accessibility_violations);
