//! The action plan in a real browser (headless Chromium): no axe-core violations on any of its
//! pages (plan, filtered plan, goal, activity, edit, my activities, overdue, working groups,
//! import with its preview, settings, printable page), and a responsible person records
//! progress on an activity with the keyboard alone.

use crate::common::{activity_id, TABLE};
use actionplan::activities::domain::Note;
use actionplan::activities::store;
use actionplan::domain::Status;
use actionplan::groups::store as groups;
use actionplan::ids::{ActivityId, AreaId};
use platform::auth::{CurrentUser, RoleKind};
use platform::UserId;
use testkit::browser::{Browser, Findings};
use testkit::{browser, Backend, TestApp, PASSWORD};

/// Sala with the small plan imported, a staff member responsible for two activities (one
/// overdue, one with a report), and a working group. Returns the staff member's id.
async fn sala_with_a_plan(app: &TestApp) -> (UserId, ActivityId) {
    let sala = app.municipality("sala", "Sala").await;
    app.user("samordnare@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let staff = app
        .user("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let db = &app.state.db;
    let now = app.state.now();
    let parsed = actionplan::table::parse_text(TABLE);
    actionplan::store::import(db, sala, &parsed.plan, None, now)
        .await
        .unwrap();
    let late = activity_id(app, "Informera").await;
    let mine = activity_id(app, "Upphandla").await;
    sqlx::query("UPDATE actionplan_activities SET responsible_user_id = $1, follow_up_on = '2026-11-01' WHERE id = $2")
        .bind(staff)
        .bind(late)
        .execute(&db.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE actionplan_activities SET responsible_user_id = $1, follow_up_on = '2027-03-01' WHERE id = $2")
        .bind(staff)
        .bind(mine)
        .execute(&db.pool)
        .await
        .unwrap();
    let author = CurrentUser {
        id: staff,
        name: "Test personal@sala.example".into(),
        email: "personal@sala.example".into(),
        roles: vec![],
    };
    let note = Note {
        status: Status::Ongoing,
        text: "Vi har börjat.".into(),
        noted_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    };
    store::record_note(db, sala, late, &note, &author, now).await.unwrap();
    let area: (AreaId,) = sqlx::query_as("SELECT id FROM actionplan_areas WHERE number = 1")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    groups::create_group(
        db,
        sala,
        &groups::NewGroup {
            name: "Arbetsgrupp 1",
            description: "Lokaler och föreningsstöd.",
            area_id: Some(area.0),
            goal_id: None,
            convener: Some(staff),
        },
        None,
        now,
    )
    .await
    .unwrap();
    (staff, mine)
}

async fn action_plan_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, mine) = sala_with_a_plan(&app).await;
    let (goal,): (i64,) = sqlx::query_as("SELECT goal_id FROM actionplan_activities WHERE id = $1")
        .bind(mine)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let (group,): (i64,) = sqlx::query_as("SELECT id FROM actionplan_groups")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let mut f = Findings::default();

    // The public's pages.
    let browser = Browser::start().await;
    f.visit(&browser, &app, "/sala/handlingsplan", "av 3 aktiviteter är klara")
        .await;
    f.visit(
        &browser,
        &app,
        "/sala/handlingsplan?agare=civil_society&status=not_started&ansvar=",
        "1 aktivitet passar.",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/mal/{goal}"),
        "Upphandla ett bokningssystem.",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/aktivitet/{mine}"),
        "Logga in för att rapportera",
    )
    .await;
    let late = activity_id(&app, "Informera").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/aktivitet/{late}"),
        "Vi har börjat.",
    )
    .await;
    f.visit(&browser, &app, "/sala/handlingsplan/grupper", "Arbetsgrupp 1")
        .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/grupper/{group}"),
        "Logga in för att gå med",
    )
    .await;
    f.visit(&browser, &app, "/sala/handlingsplan/utskrift", "Utskriven")
        .await;
    browser.close().await;

    // The responsible staff member: my activities, the report form, the group with members.
    let browser = Browser::start().await;
    browser.log_in(&app, "personal@sala.example").await;
    f.visit(
        &browser,
        &app,
        "/sala/handlingsplan/mina",
        "Informera om tillgänglighet.",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/aktivitet/{mine}"),
        "Rapportera hur det går",
    )
    .await;
    // Sent empty: the form with its errors.
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Något behöver rättas").await;
    f.check(&browser, "the report form with errors").await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/grupper/{group}"),
        "Medlemmar",
    )
    .await;
    browser.close().await;

    // The coordinator: overdue, edit, settings, groups with the form, import and its preview.
    let browser = Browser::start().await;
    browser.log_in(&app, "samordnare@sala.example").await;
    f.visit(&browser, &app, "/sala/handlingsplan", "Försenade aktiviteter")
        .await;
    f.visit(
        &browser,
        &app,
        "/sala/handlingsplan/forsenade",
        "Informera om tillgänglighet.",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/aktivitet/{mine}/redigera"),
        "Datum för uppföljning",
    )
    .await;
    f.visit(&browser, &app, "/sala/handlingsplan/installningar", "Namn på planen")
        .await;
    f.visit(&browser, &app, "/sala/handlingsplan/grupper", "Ny arbetsgrupp")
        .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/handlingsplan/grupper/{group}"),
        "Gå med",
    )
    .await;
    f.visit(&browser, &app, "/sala/handlingsplan/import", "Klistra in tabellen")
        .await;
    let changed = TABLE.replace("Uppdatera registret.", "Uppdatera registret varje år.");
    browser
        .js(
            "document.getElementById('f-table').value = arguments[0]; return true;",
            vec![serde_json::Value::String(changed)],
        )
        .await;
    browser.click("form.stack:not(#import-file) button[type=submit]").await;
    browser.wait_for_text("Nya aktiviteter: 1.").await;
    assert!(browser.text().await.contains("trasig rad"));
    f.check(&browser, "the import preview").await;
    browser.close().await;
    f.assert_none();
    app.stop().await;
}

async fn a_responsible_person_records_progress_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, mine) = sala_with_a_plan(&app).await;
    let path = format!("/sala/handlingsplan/aktivitet/{mine}");
    let browser = Browser::start().await;
    browser.goto(&app.url(&path)).await;
    browser
        .tab_until(40, |f| {
            f.tag == "a" && f.text == "Logga in för att rapportera hur det går"
        })
        .await;
    browser.enter().await;
    browser.wait_for_text("E-postadress").await;
    browser.tab_until(25, |f| f.id == "f-email").await;
    browser.type_text("personal@sala.example").await;
    browser.tab_until(2, |f| f.id == "f-password").await;
    browser.type_text(PASSWORD).await;
    browser.enter().await;
    browser.wait_for_path(&path).await;
    browser.wait_for_text("Rapportera hur det går").await;

    let f = browser.tab_until(60, |f| f.id == "f-status").await;
    assert!(f.focus_visible(), "the status field shows its focus");
    browser.type_text("Klar").await;
    let f = browser.tab_until(3, |f| f.id == "f-text").await;
    assert_eq!(f.label, "Vad har hänt?");
    browser
        .type_text("Upphandlingen är klar och systemet är i drift.")
        .await;
    let f = browser
        .tab_until(10, |f| f.tag == "button" && f.text == "Spara rapporten")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Tack! Din rapport är sparad.").await;
    let status = browser.text_of("#activity-status").await;
    assert_eq!(status.trim(), "Klar");
    assert!(browser
        .text_of("#notes")
        .await
        .contains("Upphandlingen är klar och systemet är i drift."));
    let (s,): (String,) = sqlx::query_as("SELECT status FROM actionplan_activities WHERE id = $1")
        .bind(mine)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(s, "done");
    browser.close().await;
    app.stop().await;
}

/// Seed 003's row with no activity text: its goal page, the plan and its activity page name it
/// (axe's link-name and page-has-heading rules would catch an empty link or heading).
async fn an_activity_without_text_is_named_for_screen_readers(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let parsed = actionplan::table::parse_text(actionplan::demo::SEED_003);
    actionplan::store::import(&app.state.db, sala, &parsed.plan, None, app.state.now())
        .await
        .unwrap();
    let (goal, activity): (i64, i64) = sqlx::query_as(
        "SELECT g.id, a.id FROM actionplan_goals g JOIN actionplan_activities a ON a.goal_id = g.id \
         WHERE g.text = 'Två fysiska träffar per år anordnas av kommunen'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let mut f = Findings::default();
    let browser = Browser::start().await;
    for path in [
        format!("/sala/handlingsplan/mal/{goal}"),
        format!("/sala/handlingsplan/aktivitet/{activity}"),
        "/sala/handlingsplan".to_string(),
    ] {
        f.visit(&browser, &app, &path, "Aktivitet utan beskrivning").await;
    }
    browser.close().await;
    f.assert_none();
    app.stop().await;
}

/// The coordinator's editing pages: the new goal form (also with its errors), a goal with its
/// buttons, the goal and activity forms, the removal pages, and the settings with the
/// introduction.
async fn the_plan_editing_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, mine) = sala_with_a_plan(&app).await;
    let (goal,): (i64,) = sqlx::query_as("SELECT goal_id FROM actionplan_activities WHERE id = $1")
        .bind(mine)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let mut f = Findings::default();
    let browser = Browser::start().await;
    browser.log_in(&app, "samordnare@sala.example").await;
    f.visit(&browser, &app, "/sala/handlingsplan/nytt-mal", "Spara målet")
        .await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Något behöver rättas").await;
    f.check(&browser, "the new goal form with errors").await;
    for (path, expect) in [
        (format!("/sala/handlingsplan/mal/{goal}"), "Flytta ned"),
        (format!("/sala/handlingsplan/mal/{goal}/redigera"), "Spara målet"),
        (
            format!("/sala/handlingsplan/mal/{goal}/ny-aktivitet"),
            "Lägg till aktiviteten",
        ),
        (format!("/sala/handlingsplan/mal/{goal}/ta-bort"), "Ta bort målet"),
        (format!("/sala/handlingsplan/aktivitet/{mine}"), "Flytta upp"),
        (
            format!("/sala/handlingsplan/aktivitet/{mine}/ta-bort"),
            "Det går inte att ångra.",
        ),
        (
            format!("/sala/handlingsplan/aktivitet/{mine}/redigera"),
            "Välj ett annat mål",
        ),
        ("/sala/handlingsplan/installningar".to_string(), "Inledning"),
    ] {
        f.visit(&browser, &app, &path, expect).await;
    }
    browser.close().await;
    f.assert_none();
    app.stop().await;
}

browser!(
    the_plan_editing_pages_have_no_accessibility_violations,
    an_activity_without_text_is_named_for_screen_readers,
    action_plan_pages_have_no_accessibility_violations,
    a_responsible_person_records_progress_with_the_keyboard_alone,
);
