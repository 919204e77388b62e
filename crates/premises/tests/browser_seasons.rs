//! The seasons' pages in a real browser (headless Chromium): no axe-core violations on the
//! list, the application form (also with its errors), the allocation page with conflicts side
//! by side, and the page after publication with a time that could not be booked.

use crate::seasons_common::*;
use testkit::browser::{Browser, Findings};
use testkit::{Backend, TestApp};

async fn season_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let chess = representative(&app, "ordf@schack.example", "Sala Schacksällskap").await;
    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    let seniors = representative(&app, "info@spf.example", "SPF Seniorerna Sala").await;
    apply(&chess, &s, "2", "18:00", "20:00", "adults", "20", "ordf@schack.example").await;
    apply(
        &ifk,
        &s,
        "2",
        "18:30",
        "20:00",
        "children_youth",
        "25",
        "kansli@ifksala.example",
    )
    .await;
    apply(&seniors, &s, "3", "10:00", "12:00", "seniors", "12", "info@spf.example").await;
    // A booking in the way of the seniors' Wednesdays, so publication reports one.
    let day = premises::domain::parse_date("2027-02-10").unwrap();
    let (from, to) = (
        premises::domain::local(day, 600).unwrap(),
        premises::domain::local(day, 660).unwrap(),
    );
    sqlx::query(
        "INSERT INTO premises_bookings (municipality_id, room_id, booker_kind, booker_name, email, attendees, \
         starts_at, ends_at, blocks_until, status, created_at) \
         VALUES ($1, $2, 'private', 'Kalle Karlsson', 'kalle@example.se', 10, $3, $4, $4, 'confirmed', 0)",
    )
    .bind(s.id)
    .bind(s.room)
    .bind(from)
    .bind(to)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let mut f = Findings::default();

    // The representative's pages.
    let browser = Browser::start().await;
    browser.log_in(&app, "kansli@ifksala.example").await;
    f.visit(&browser, &app, "/sala/lokaler/sasong", "Sök tider").await;
    let apply_path = format!("/sala/lokaler/sasong/{}/ansok", s.season);
    f.visit(&browser, &app, &apply_path, "Dina ansökningar").await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("Välj en av kommunens lokaler.").await;
    f.check(&browser, "the application form with errors").await;
    browser.close().await;

    // Staff's pages.
    let browser = Browser::start().await;
    browser.log_in(&app, "lokaler@sala.example").await;
    f.visit(&browser, &app, "/sala/lokaler/sasong", "Ny säsong").await;
    let path = format!("/sala/lokaler/sasong/{}", s.season);
    f.visit(&browser, &app, &path, "Krock: 2 ansökningar").await;
    browser.click("#decisions button[type=submit]").await;
    browser.wait_for_text("Besluten är sparade.").await;
    f.check(&browser, "the allocation after saving").await;
    browser.click("#publish button[type=submit]").await;
    browser.wait_for_text("Några beviljade tider kunde inte bokas").await;
    f.check(&browser, "the allocation after publication").await;
    browser.close().await;
    f.assert_none();
    app.deliver().await;
}

/// Issue 15's pages: the holidays form (with its errors), the season page with its close button
/// and after closing early, and the application page listing holidays, with the change and
/// withdraw buttons and while changing an application.
async fn season_lifecycle_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let s = sala(&app).await;
    let ifk = representative(&app, "kansli@ifksala.example", "IFK Sala").await;
    apply(
        &ifk,
        &s,
        "2",
        "18:30",
        "20:00",
        "children_youth",
        "25",
        "kansli@ifksala.example",
    )
    .await;
    let id = application_id(&app, "IFK Sala").await;
    let mut f = Findings::default();

    let browser = Browser::start().await;
    browser.log_in(&app, "lokaler@sala.example").await;
    let season = format!("/sala/lokaler/sasong/{}", s.season);
    f.visit(&browser, &app, &season, "Stäng ansökan nu").await;
    f.visit(&browser, &app, &format!("{season}/helgdagar"), "Spara helgdagarna")
        .await;
    browser
        .js(
            "document.querySelector('textarea[name=holidays]').value = arguments[0]",
            vec!["påsk".into()],
        )
        .await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("börjar inte med ett datum").await;
    f.check(&browser, "the holidays form with errors").await;
    browser
        .js(
            "document.querySelector('textarea[name=holidays]').value = arguments[0]",
            vec!["2027-02-16 Sportlovsdag".into()],
        )
        .await;
    browser.click("form.stack button[type=submit]").await;
    browser.wait_for_text("2027-02-16 Sportlovsdag").await;
    f.check(&browser, "the season page with its holidays").await;
    browser.close().await;

    let browser = Browser::start().await;
    browser.log_in(&app, "kansli@ifksala.example").await;
    let apply_path = format!("{season}/ansok");
    f.visit(&browser, &app, &apply_path, "Återta").await;
    f.visit(&browser, &app, &format!("{apply_path}?andra={id}"), "Ändra ansökan")
        .await;
    browser.close().await;

    let browser = Browser::start().await;
    browser.log_in(&app, "lokaler@sala.example").await;
    f.visit(&browser, &app, &season, "Stäng ansökan nu").await;
    browser.click("#close button[type=submit]").await;
    browser.wait_for_text("i förtid").await;
    f.check(&browser, "the season page closed early").await;
    browser.close().await;
    f.assert_none();
}

testkit::browser!(season_pages_have_no_accessibility_violations);
testkit::browser!(season_lifecycle_pages_have_no_accessibility_violations);
