//! The registry's pages in a real browser (headless Chromium) checked with axe-core: the
//! directory with a search and filters applied, a profile page, and the profile edit form, also
//! with its errors shown.

use crate::common::{org, represent};
use registry::domain::{Category, Feature, Giro, GiroKind};
use registry::facts::domain::FactsEdit;
use registry::facts::store::{save_statutes, NewStatutes};
use registry::parts::store::{self, NewContact, NewPremises};
use testkit::browser::{describe, Browser, Locator};
use testkit::{browser, Backend, TestApp, PASSWORD};

async fn check(browser: &Browser, app: &TestApp, path: &str, expect: &str) {
    browser.goto(&app.url(path)).await;
    let text = browser.text().await;
    assert!(text.contains(expect), "{path} does not show \"{expect}\":\n{text}");
    let v = browser.axe().await;
    assert!(v.is_empty(), "{path}:\n{}", describe(&v));
}

/// Replace the text of a field.
async fn retype(browser: &Browser, field: &str, text: &str) {
    let input = browser.client().find(Locator::Css(field)).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Press a form's button, wait for `expect`, and check that `marker` is on the page that came
/// back and that axe-core finds nothing on it.
async fn send_and_check(browser: &Browser, button: &str, expect: &str, marker: &str) {
    let client = browser.client();
    client.find(Locator::Css(button)).await.unwrap().click().await.unwrap();
    browser.wait_for_text(expect).await;
    assert!(client.find(Locator::Css(marker)).await.is_ok(), "{marker}");
    let v = browser.axe().await;
    assert!(v.is_empty(), "the page showing \"{expect}\":\n{}", describe(&v));
}

async fn registry_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let id = org(
        &app,
        sala,
        "Sala scoutkår",
        1,
        &[Category::BarnUnga, Category::Fritid],
        "Scouting och friluftsliv för barn och unga.",
    )
    .await;
    org(
        &app,
        sala,
        "Sala idrottsförening",
        2,
        &[Category::Idrott],
        "Fotboll för alla.",
    )
    .await;
    let p = NewPremises {
        name: "Scoutstugan".into(),
        address: "Ekebyvägen 12".into(),
        capacity: Some(40),
        equipment: "Kök".into(),
        features: vec![Feature::StepFree, Feature::Parking],
    };
    store::add_premises(db, sala, id, &p, None, now).await.unwrap();
    let c = NewContact {
        name: "Lena Holm".into(),
        role: "Ordförande".into(),
        email: "lena@example.se".into(),
        phone: String::new(),
        is_public: true,
    };
    store::add_contact(db, sala, id, &c, None, now).await.unwrap();
    let rep = app.user("rep@scout.example", None).await;
    represent(&app, rep, sala, id).await;

    let browser = Browser::start().await;
    check(&browser, &app, "/sala/foreningar", "Föreningsregister").await;
    check(
        &browser,
        &app,
        "/sala/foreningar?q=scout&kategori=barn-unga&lokal=1&tillganglighet=step_free",
        "1 organisation hittades",
    )
    .await;
    check(&browser, &app, &format!("/sala/foreningar/{id}"), "Scoutstugan").await;

    // Signed in as the representative: the profile with its editing links, and the edit form.
    browser.goto(&app.url("/konto/logga-in")).await;
    let client = browser.client();
    client
        .find(Locator::Css("#f-email"))
        .await
        .unwrap()
        .send_keys("rep@scout.example")
        .await
        .unwrap();
    client
        .find(Locator::Css("#f-password"))
        .await
        .unwrap()
        .send_keys(PASSWORD)
        .await
        .unwrap();
    client
        .find(Locator::Css("form.stack button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for_text("Logga ut").await;
    check(&browser, &app, &format!("/sala/foreningar/{id}"), "Uppgifterna stämmer").await;
    check(
        &browser,
        &app,
        &format!("/sala/foreningar/{id}/redigera"),
        "Verksamhetsidé",
    )
    .await;

    // The edit form sent with a wrong organisationsnummer: the errors are accessible too.
    retype(&browser, "#f-org_number", "802002-4281").await;
    send_and_check(
        &browser,
        "form.stack button[type=submit]",
        "Organisationsnumret stämmer inte",
        "#error-summary",
    )
    .await;
    check(&browser, &app, &format!("/sala/foreningar/{id}/kontakter"), "Lena Holm").await;
    check(&browser, &app, &format!("/sala/foreningar/{id}/lokaler"), "Scoutstugan").await;
    check(&browser, &app, &format!("/sala/foreningar/{id}/ansluta"), "Logga ut").await;
    browser.close().await;

    // The coordinator's pages: requests, the freshness report, and an import preview.
    let stranger = app.user("ny@example.se", None).await;
    registry::joining::store::request_join(db, sala, id, &crate::common::user(stranger), "Jag är ledare.", &[], now)
        .await
        .unwrap();
    app.user(
        "samordnare@sala.se",
        Some((platform::auth::RoleKind::Coordinator, Some("sala"))),
    )
    .await;
    let browser = Browser::start().await;
    browser.log_in(&app, "samordnare@sala.se").await;
    check(&browser, &app, "/sala/foreningar", "Exportera till CSV").await;
    check(&browser, &app, "/sala/foreningar/ansokningar", "Jag är ledare.").await;
    check(&browser, &app, "/sala/foreningar/inaktuella", "Alla organisationer").await;
    check(&browser, &app, "/sala/foreningar/ny", "Organisationsnummer").await;
    browser.goto(&app.url("/sala/foreningar/import")).await;
    let client = browser.client();
    client
        .find(Locator::Css("#f-csv"))
        .await
        .unwrap()
        .send_keys("Organisationsnummer;Namn\n802002-4281;Fel\n802002-4280;Rätt\n")
        .await
        .unwrap();
    client
        .find(Locator::Css("form.stack:not(#import-file) button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for_text("Rader som kan importeras: 1.").await;
    let v = browser.axe().await;
    assert!(v.is_empty(), "the import preview:\n{}", describe(&v));
    browser.close().await;
}

/// The grant facts on the profile and the edit page: shown to the representative, the wrong
/// account and the refused statutes file with their messages, all checked by axe-core.
async fn grant_facts_and_statutes_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let id = org(&app, sala, "Sala scoutkår", 1, &[Category::BarnUnga], "Scouting.").await;
    let facts = FactsEdit {
        giro: Some(Giro::parse(GiroKind::Bankgiro, "5381-7425").unwrap()),
        board_members: Some(6),
        annual_meeting_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 15),
    };
    let edit = crate::common::edit("Sala scoutkår", 1, &[Category::BarnUnga], "Scouting.");
    registry::profile::store::update_with_facts(db, sala, id, &edit, &facts, None, now)
        .await
        .unwrap();
    let file = NewStatutes {
        file_name: "Stadgar scoutkåren.pdf",
        mime: "application/pdf",
        bytes: b"%PDF-1.4\n%%EOF\n",
    };
    save_statutes(db, sala, id, &file, None, now).await.unwrap();
    let rep = app.user("rep@scout.example", None).await;
    represent(&app, rep, sala, id).await;

    let browser = Browser::start().await;
    browser.log_in(&app, "rep@scout.example").await;
    check(&browser, &app, &format!("/sala/foreningar/{id}"), "Bankgiro 5381-7425").await;
    check(
        &browser,
        &app,
        &format!("/sala/foreningar/{id}/redigera"),
        "Stadgar scoutkåren.pdf",
    )
    .await;

    // A bankgiro number with a wrong check digit: the message beside the field.
    retype(&browser, "#f-giro_number", "5381-7426").await;
    send_and_check(
        &browser,
        "form.stack button[type=submit]",
        "Numret stämmer inte",
        "#f-giro_number-error",
    )
    .await;

    // A text file as statutes: refused, with the reason beside the file field.
    let path = std::env::temp_dir().join(format!("registry-stadgar-{}.txt", std::process::id()));
    std::fs::write(&path, "Stadgar för Sala scoutkår\n").unwrap();
    browser.goto(&app.url(&format!("/sala/foreningar/{id}/redigera"))).await;
    let input = browser.client().find(Locator::Css("#f-statutes")).await.unwrap();
    input.send_keys(path.to_str().unwrap()).await.unwrap();
    send_and_check(
        &browser,
        "#statutes-form button[type=submit]",
        "måste vara en PDF",
        "#f-statutes-error",
    )
    .await;
    let _ = std::fs::remove_file(&path);
    browser.close().await;
}

browser!(
    registry_pages_have_no_accessibility_violations,
    grant_facts_and_statutes_pages_have_no_accessibility_violations
);
