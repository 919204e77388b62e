//! Plan periods in a real browser (headless Chromium): no axe-core violations on the form that
//! starts a period (also with its errors), the plan with its earlier periods, an earlier
//! period's read-only page, and the account page with the language choice.

use crate::common::TABLE;
use actionplan::domain::PlanEdit;
use platform::auth::{CurrentUser, RoleKind};
use testkit::browser::{Browser, Findings};
use testkit::{browser, Backend, TestApp};

async fn the_period_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let coord = app
        .user("samordnare@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let db = &app.state.db;
    let now = app.state.now();
    let parsed = actionplan::table::parse_text(TABLE);
    actionplan::store::import(db, sala, &parsed.plan, None, now)
        .await
        .unwrap();
    sqlx::query("UPDATE actionplan_activities SET status = 'done' WHERE text LIKE 'Upphandla%'")
        .execute(&db.pool)
        .await
        .unwrap();
    let actor = CurrentUser {
        id: coord,
        name: "Test samordnare@sala.example".into(),
        email: "samordnare@sala.example".into(),
        roles: vec![],
    };
    let edit = PlanEdit {
        title: "Handlingsplan 2027–2028".into(),
        period_start: Some(2027),
        period_end: Some(2028),
        adopted_by: String::new(),
        adopted_on: None,
        intro: String::new(),
    };
    let started = actionplan::periods::store::start(db, sala, &edit, Some(&actor), now)
        .await
        .unwrap();

    let mut f = Findings::default();
    let browser = Browser::start().await;
    browser.log_in(&app, "samordnare@sala.example").await;
    f.visit(&browser, &app, "/sala/handlingsplan/ny-period", "Starta perioden")
        .await;
    // A period that ends before it starts.
    browser
        .js("document.getElementById('f-period_end').value = '2020';", vec![])
        .await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Något behöver rättas").await;
    f.check(&browser, "the new period form with errors").await;
    for (path, expect) in [
        ("/sala/handlingsplan".to_string(), "Tidigare perioder"),
        (
            format!("/sala/handlingsplan/period/{}", started.previous),
            "Det här är en tidigare period",
        ),
        ("/konto".to_string(), "Spara språket"),
    ] {
        f.visit(&browser, &app, &path, expect).await;
    }
    browser.close().await;
    f.assert_none();
    app.stop().await;
}

browser!(the_period_pages_have_no_accessibility_violations);
