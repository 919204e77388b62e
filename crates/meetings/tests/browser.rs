//! The meetings in a real browser (headless Chromium): no axe-core violations on any meeting
//! page, and a person registers for a meeting with the keyboard alone.

use crate::common::*;
use testkit::browser::fantoccini::key::Key;
use testkit::browser::{Browser, Findings};
use testkit::{browser, Backend, TestApp};

async fn meeting_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, meeting) = sala_with_meeting(&app, "1").await;
    // The registry knows Anna's association, so the meeting has a turnout.
    app.representative("iks@example.se", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let seated = register(
        &app,
        &app.client(),
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    let cancel = cancel_path(&seated.body);
    register(&app, &app.client(), meeting, "Bo Berg", "bo@example.se", "municipality").await;
    coordinator(&app, "sala").await;
    let mut f = Findings::default();
    let browser = Browser::start().await;

    // The public's pages.
    f.visit(&browser, &app, "/sala/moten", "Kommande möten").await;
    let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    f.visit(&browser, &app, &format!("/sala/moten/serier/{series}"), "Dialogmöte 6")
        .await;
    f.visit(&browser, &app, &format!("/sala/moten/{meeting}"), "Mötet är fullt.")
        .await;
    f.visit(
        &browser,
        &app,
        "/sala/moten/deltagande",
        "Föreningsregistret har en förening.",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anmalan"),
        "Jag godkänner detta",
    )
    .await;
    // The form with every error shown.
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Du behöver godkänna texten").await;
    f.check(&browser, "the registration form with errors").await;
    f.visit(&browser, &app, &format!("{cancel}/uppgifter"), "Radera mina uppgifter")
        .await;
    f.visit(&browser, &app, &cancel, "vill du ångra din anmälan?").await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Din anmälan är borttagen.").await;
    f.check(&browser, "the cancelled registration").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/inbjudan"),
        "Kort bakgrund",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/inbjudan/utskrift"),
        "samling och fika",
    )
    .await;
    sqlx::query(
        "INSERT INTO meetings_unsubscribes (municipality_id, email, token_hash, created_at) VALUES ($1, 'kim@example.se', $2, 0)",
    )
    .bind(sala)
    .bind(platform::auth::token_hash("token"))
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    f.visit(&browser, &app, "/sala/moten/avregistrera/token", "kim@example.se")
        .await;

    // IKS's representative proposes a topic (the form with its error first).
    browser.log_in(&app, "iks@example.se").await;
    f.visit(&browser, &app, "/sala/moten/amnen", "Föreslå ett ämne").await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Något behöver rättas").await;
    f.check(&browser, "the topic form with errors").await;
    let (rep, _) = app
        .representative_client("iks2@example.se", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let topics = "/sala/moten/amnen";
    rep.submit(topics, topics, &[("title", "Lokaler för föreningarna")])
        .await;
    let (topic,): (i64,) = sqlx::query_as("SELECT id FROM meetings_topics")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();

    browser.click("form[action='/konto/logga-ut'] button").await;
    browser.wait_for_text("Logga in").await;

    // The coordinator's pages.
    browser.log_in(&app, "samordnare@sala.example").await;
    f.visit(&browser, &app, "/sala/moten/amnen", "Besluta").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/amnen/{topic}/beslut"),
        "Svar till föreningen",
    )
    .await;
    f.visit(&browser, &app, "/sala/moten", "Nytt möte").await;
    f.visit(&browser, &app, "/sala/moten/serier", "Skapa serien").await;
    f.visit(&browser, &app, "/sala/moten/personuppgifter", "Antal dagar")
        .await;
    f.visit(
        &browser,
        &app,
        "/sala/moten/personuppgifter?visa=export",
        "Personens e-postadress",
    )
    .await;
    f.visit(
        &browser,
        &app,
        "/sala/moten/personuppgifter?visa=radera",
        "Det går inte att ångra",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/inbjudan/skicka"),
        "Deltagare i tidigare möten",
    )
    .await;
    f.visit(&browser, &app, "/sala/moten/nytt", "Dialogtema").await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Skriv ett klockslag som 18:30.").await;
    f.check(&browser, "the new meeting form with errors").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/redigera"),
        "Antal platser",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/deltagare"),
        "Närvaro per part",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/deltagare/utskrift"),
        "Bo Berg",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anteckningar/redigera"),
        "Ny fråga för gruppsamtalen",
    )
    .await;
    // With a question, an answer, an item and an assignment written, as draft and published.
    let db = &app.state.db;
    let now = app.state.now();
    let q =
        meetings::minutes::store::add_question(db, sala, meeting, "Är tiden rimlig för handlingsplanen?", None, now)
            .await
            .unwrap();
    meetings::minutes::store::add_answer(db, sala, meeting, q, "Grupp 1", "Ja.", None, now)
        .await
        .unwrap();
    let item = meetings::minutes::store::NewItem {
        heading: "Arbetsgrupper",
        body: "Sex grupper.",
        decision: "Grupperna bildas.",
    };
    meetings::minutes::store::add_item(db, sala, meeting, &item, None, now)
        .await
        .unwrap();
    let assignment = meetings::minutes::store::NewAssignment {
        who: "Anna",
        what: "Bjuda in",
        due_on: Some("2027-03-02"),
        activity_id: None,
    };
    meetings::minutes::store::add_assignment(db, sala, meeting, &assignment, None, now)
        .await
        .unwrap();
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anteckningar/redigera"),
        "Sammanställning av fråga 1",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anteckningar"),
        "Utkast.",
    )
    .await;
    meetings::minutes::store::publish(db, sala, meeting, true, None, now)
        .await
        .unwrap();
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anteckningar"),
        "Synpunkter och förbättringsförslag",
    )
    .await;
    browser.close().await;
    f.assert_none();
    app.deliver().await;
    app.stop().await;
}

async fn a_person_registers_for_a_meeting_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "40").await;
    let browser = Browser::start().await;
    browser.goto(&app.url(&format!("/sala/moten/{meeting}"))).await;
    let f = browser
        .tab_until(40, |f| f.tag == "a" && f.text == "Anmäl dig till mötet")
        .await;
    assert!(f.focus_visible(), "the link shows its focus");
    browser.enter().await;
    browser.wait_for_text("Jag godkänner detta").await;

    browser.tab_until(40, |f| f.id == "f-name").await;
    browser.type_text("Isa Österberg").await;
    let f = browser.tab_until(3, |f| f.id == "f-email").await;
    assert_eq!(f.label, "E-post");
    browser.type_text("isa@example.se").await;
    browser.tab_until(3, |f| f.id == "f-organisation").await;
    browser.type_text("Studieförbundet").await;
    let f = browser.tab_until(3, |f| f.id == "f-party").await;
    assert!(f.focus_visible(), "the select shows its focus");
    browser.type_text("Civil").await;
    browser.tab_until(3, |f| f.id == "f-dietary").await;
    browser.type_text("Glutenfritt").await;
    let f = browser.tab_until(4, |f| f.id == "f-consent").await;
    assert_eq!(f.kind, "checkbox");
    assert!(f.focus_visible(), "the checkbox shows its focus");
    assert_eq!(f.label, "Jag godkänner detta");
    browser.press(Key::Space).await;
    let f = browser
        .tab_until(4, |f| f.tag == "button" && f.text == "Anmäl mig")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Vi har skickat ett mejl till").await;
    let text = browser.text().await;
    assert!(text.contains("isa@example.se"), "{text}");
    browser
        .assert_accessible("the page that asks to confirm by e-mail")
        .await;

    // The link in the mail, then the button, with the keyboard.
    let mail = app.deliver().await;
    let body = &mail.iter().find(|m| m.0 == "isa@example.se").expect("a mail to Isa").2;
    let at = body.find("http").expect("a link");
    let link: String = body[at..]
        .split_whitespace()
        .find(|w| w.contains("/moten/bekrafta/"))
        .expect("a confirmation link")
        .to_string();
    browser.goto(&link).await;
    browser.wait_for_text("Bekräfta anmälan").await;
    let f = browser
        .tab_until(40, |f| f.tag == "button" && f.text == "Bekräfta anmälan")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Du är anmäld till").await;
    browser.assert_accessible("the registration receipt").await;

    let row: (String, String, String, String) = sqlx::query_as(
        "SELECT name, organisation, party, dietary FROM meetings_registrations WHERE email = 'isa@example.se'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(
        row,
        (
            "Isa Österberg".into(),
            "Studieförbundet".into(),
            "civil_society".into(),
            "Glutenfritt".into()
        )
    );
    assert_eq!(statuses(&app, meeting).await, (1, 0, 0));
    browser.close().await;
    app.deliver().await;
    app.stop().await;
}

browser!(
    meeting_pages_have_no_accessibility_violations,
    a_person_registers_for_a_meeting_with_the_keyboard_alone,
);
