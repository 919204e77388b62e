//! The pages of corrected minutes, discussion groups, general comments and documents in a real
//! browser (headless Chromium): no axe-core violations, also with a form's errors shown.

use crate::common::*;
use meetings::minutes::store as minutes;
use testkit::browser::{Browser, Findings};
use testkit::{browser, Backend, TestApp};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";

async fn minutes_groups_and_documents_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, meeting) = sala_with_meeting(&app, "").await;
    register(
        &app,
        &app.client(),
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    coordinator(&app, "sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let q = minutes::add_question(db, sala, meeting, "Är tiden rimlig för handlingsplanen?", None, now)
        .await
        .unwrap();
    minutes::add_answer(db, sala, meeting, q, "Grupp 1", "Ja.", None, now)
        .await
        .unwrap();
    let item = minutes::NewItem {
        heading: "Välkommen",
        body: "Carola Gunnarsson hälsade välkommen.",
        decision: "",
    };
    let item = minutes::add_item(db, sala, meeting, &item, None, now).await.unwrap();
    let a = minutes::NewAssignment {
        who: "Jane",
        what: "Skicka ut handlingsplanen",
        due_on: None,
        activity_id: None,
    };
    minutes::add_assignment(db, sala, meeting, &a, None, now).await.unwrap();
    meetings::groups::store::add_comment(
        db,
        sala,
        meeting,
        "Dialog om lokaler",
        "Finns tillgängliga lokaler för alla föreningar att låna?",
        None,
        now,
    )
    .await
    .unwrap();
    meetings::groups::store::add_group(
        db,
        sala,
        meeting,
        "Civilsamhället, grupp 1",
        Some(meetings::domain::Party::CivilSociety),
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let doc = meetings::documents::store::NewDocument {
        title: "Förslag till handlingsplan",
        file_name: "forslag.pdf",
        mime: "application/pdf",
        bytes: PDF,
    };
    meetings::documents::store::add(
        db,
        sala,
        meetings::documents::domain::Parent::Meeting(meeting),
        &doc,
        None,
        now,
    )
    .await
    .unwrap();
    let group = actionplan::groups::store::create_group(
        db,
        sala,
        &actionplan::groups::store::NewGroup {
            name: "Arbetsgrupp Handlingsplan",
            description: "",
            area_id: None,
            convener: None,
            goal_id: None,
        },
        None,
        now,
    )
    .await
    .unwrap();
    meetings::documents::store::add(
        db,
        sala,
        meetings::documents::domain::Parent::Group(group.get()),
        &doc,
        None,
        now,
    )
    .await
    .unwrap();

    let mut f = Findings::default();
    let browser = Browser::start().await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}"),
        "Förslag till handlingsplan",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/inbjudan"),
        "Förslag till handlingsplan",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/arbetsgrupper/{group}/dokument"),
        "Förslag till handlingsplan",
    )
    .await;

    browser.log_in(&app, "samordnare@sala.example").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anteckningar/redigera"),
        "Flytta upp",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anteckningar/rad?del=punkt&nr={item}"),
        "Spara ändringen",
    )
    .await;
    browser
        .js("document.getElementById('f-heading').value = '';", vec![])
        .await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Rubrik:").await;
    f.check(&browser, "the correction form with errors").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/grupper"),
        "Placera en deltagare",
    )
    .await;
    browser.click("form[action$='/grupper'] button[type=submit]").await;
    browser.wait_for_text("Gruppens namn:").await;
    f.check(&browser, "the new group form with errors").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/dokument"),
        "Lägg upp dokumentet",
    )
    .await;
    browser.click("#document-form button[type=submit]").await;
    browser.wait_for_text("Välj en fil.").await;
    f.check(&browser, "the document form with errors").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/arbetsgrupper/{group}/dokument"),
        "Lägg upp dokumentet",
    )
    .await;

    // The published minutes, corrected after publication.
    minutes::publish(db, sala, meeting, true, None, now).await.unwrap();
    app.clock.advance(chrono::Duration::days(2));
    let e = meetings::corrections::store::Edit::Answer {
        group_name: "Grupp 1",
        text: "Ja, tiden är rimlig.",
    };
    let (answer,): (i64,) = sqlx::query_as("SELECT id FROM meetings_answers")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    meetings::corrections::store::edit(db, sala, meeting, answer, &e, None, app.state.now())
        .await
        .unwrap();
    f.visit(
        &browser,
        &app,
        &format!("/sala/moten/{meeting}/anteckningar"),
        "Övriga synpunkter",
    )
    .await;
    browser.close().await;
    f.assert_none();
    app.deliver().await;
    app.stop().await;
}

browser!(minutes_groups_and_documents_pages_have_no_accessibility_violations);
