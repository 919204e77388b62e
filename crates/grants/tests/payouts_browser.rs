//! The payouts, decisions and report pages in a real browser (headless Chromium): no axe-core
//! violations on the payout lists (with a flagged row), the public decisions, and a report page
//! with every form (the applicant's, the review and the recovery), also with an error.

use crate::decided::{association, d, decided, officials, programme, today, yearly, Case};
use grants::applications::write::Reports;
use grants::programmes::domain::Kind;
use platform::auth::RoleKind;
use registry::domain::GiroKind;
use testkit::browser::{Browser, Findings};
use testkit::{Backend, TestApp};

async fn payout_decision_and_report_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let operating = programme(&app, sala, Kind::Operating, "Verksamhetsbidrag").await;
    let multi = programme(&app, sala, Kind::MultiYear, "Treårigt bidrag").await;
    let people = officials(&app, sala, "sala").await;
    let (a, a_rep) = association(
        &app,
        sala,
        "sala",
        "Sala IF",
        1,
        Some((GiroKind::Bankgiro, "5402-9681")),
        "a@a.example",
    )
    .await;
    let (b, b_rep) = association(&app, sala, "sala", "Schackklubben", 2, None, "b@b.example").await;
    let (c, c_rep) = association(
        &app,
        sala,
        "sala",
        "Dansföreningen",
        3,
        Some((GiroKind::Bankgiro, "5402-9681")),
        "c@c.example",
    )
    .await;
    decided(&app, sala, &yearly(&b_rep, b, operating, 500_000, 500_000), &people).await;
    decided(&app, sala, &yearly(&c_rep, c, operating, 300_000, 0), &people).await;
    let three = Case {
        applicant: &a_rep,
        organisation: a,
        programme: multi,
        applied_ore: 5_000_000,
        decided_ore: 5_000_000,
        years: 3,
        reports: Reports::Yearly {
            starts_on: d("2025-01-01"),
            months_after: 2,
        },
        decided_on: today(),
    };
    let grant = decided(&app, sala, &three, &people).await;
    // Year 1 paid and its report (due 2026-03-01) overdue; year 2's report sent.
    sqlx::query("UPDATE grants_installments SET paid_at = $1 WHERE application_id = $2 AND year_index = 1")
        .bind(app.state.now())
        .bind(grant.id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE grants_installments SET report_text = 'Vi spelade.', report_submitted_at = $1 \
         WHERE application_id = $2 AND year_index = 2",
    )
    .bind(app.state.now())
    .bind(grant.id)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    // One person on the staff who also represents Sala IF sees every form.
    let email = "handlaggare@sala.example";
    let staff = app.user(email, Some((RoleKind::Staff, Some("sala")))).await;
    sqlx::query("INSERT INTO roles (user_id, role, municipality_id, organisation_id, created_at) VALUES ($1, 'representative', $2, $3, $4)")
        .bind(staff)
        .bind(sala)
        .bind(a)
        .bind(app.state.now())
        .execute(&app.state.db.pool)
        .await
        .unwrap();

    let browser = Browser::start().await;
    let mut findings = Findings::default();
    findings
        .visit(&browser, &app, "/sala/bidrag/beslut", "Beslut om bidrag 2026")
        .await;
    browser.log_in(&app, email).await;
    findings
        .visit(
            &browser,
            &app,
            "/sala/bidrag/utbetalningar",
            "Rätta i föreningsregistret",
        )
        .await;
    let first = format!("/sala/bidrag/ansokan/{}/redovisning/1", grant.id);
    findings.visit(&browser, &app, &first, "Starta återkrav").await;
    browser
        .click("form:has(input[value=recover]) button[type=submit]")
        .await;
    browser.wait_for_text("Något behöver rättas").await;
    findings.check(&browser, "the recovery form with its error").await;
    let second = format!("/sala/bidrag/ansokan/{}/redovisning/2", grant.id);
    findings.visit(&browser, &app, &second, "Godkänn redovisningen").await;
    browser.close().await;
    findings.assert_none();
    app.stop().await;
}

testkit::browser!(payout_decision_and_report_pages_have_no_accessibility_violations);
