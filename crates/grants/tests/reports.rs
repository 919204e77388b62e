//! The years' reports over HTTP, on both databases: a three-year grant whose first report is
//! missing (the second year is not payable, the applicant is reminded 14 days before and once
//! when it is overdue, the staff start a recovery and the letter goes out); a report written,
//! sent back, written again and approved, which makes the next year payable; who may see and
//! do what.

use crate::decided::{association, d, decided, ids_of, installments, officials, programme, today, Case};
use chrono::{TimeZone, Utc};
use grants::applications::store::Application;
use grants::applications::write::Reports;
use grants::programmes::domain::Kind;
use grants::reports::domain::ReportState;
use platform::auth::CurrentUser;
use platform::{MunicipalityId, OrganisationId};
use registry::domain::GiroKind;
use testkit::{both, Backend, Client, TestApp};

/// A three-year grant of 50 000 kr a year, decided today; each year's report is due two months
/// after the year (from 2026-01-01): 2027-03-01, 2028-03-01, 2029-03-01.
async fn three_years(
    app: &TestApp,
    sala: MunicipalityId,
    people: &(CurrentUser, CurrentUser),
    applicant: &CurrentUser,
    org: OrganisationId,
) -> Application {
    let grant = programme(app, sala, Kind::MultiYear, "Treårigt verksamhetsbidrag").await;
    let case = Case {
        applicant,
        organisation: org,
        programme: grant,
        applied_ore: 5_000_000,
        decided_ore: 5_000_000,
        years: 3,
        reports: Reports::Yearly {
            starts_on: d("2026-01-01"),
            months_after: 2,
        },
        decided_on: today(),
    };
    decided(app, sala, &case, people).await
}

/// Set the clock to 09:00 UTC of a day.
fn at(app: &TestApp, day: &str) {
    let day = d(day);
    let t = Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).unwrap());
    app.clock.set(t);
}

/// Pay the list of the day through the payouts page.
async fn pay(staff: &Client, day: &str) {
    let page = staff.get("/sala/bidrag/utbetalningar").await;
    let ids = ids_of(&page.body, day);
    let paid = staff
        .post_raw(
            &format!("/sala/bidrag/utbetalningar/{day}"),
            &[("_csrf", &page.csrf()), ("ids", &ids)],
        )
        .await;
    assert_eq!(paid.status, 303);
}

/// A client signed in now (a session ends after idle time, and the tests move the clock by months).
async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    c.login(email, testkit::PASSWORD).await;
    c
}

const STAFF: &str = "handlaggare@sala.example";

fn reminders(sent: &[(String, String, String)]) -> Vec<&(String, String, String)> {
    sent.iter()
        .filter(|(_, s, _)| s.starts_with("Påminnelse om redovisning"))
        .collect()
}

async fn a_missing_report_stops_the_next_year_and_leads_to_recovery(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let people = officials(&app, sala, "sala").await;
    let (org, rep) = association(
        &app,
        sala,
        "sala",
        "Sala IF",
        1,
        Some((GiroKind::Bankgiro, "5402-9681")),
        "anna@salaif.example",
    )
    .await;
    let grant = three_years(&app, sala, &people, &rep, org).await;
    let case = grant.case_number.clone().unwrap();
    let report = format!("/sala/bidrag/ansokan/{}/redovisning/1", grant.id);
    let staff = app.staff("sala").await;

    // Year 1 is payable on the decision; years 2 and 3 wait for the reports.
    let page = staff.get("/sala/bidrag/utbetalningar").await;
    assert!(page.text().contains(&format!("{case} år 1")), "{}", page.text());
    assert!(!page.text().contains(&format!("{case} år 2")));
    pay(&staff, "2026-11-23").await;
    let sent = app.deliver().await;
    assert!(sent
        .iter()
        .any(|(to, s, _)| to == "anna@salaif.example" && s.starts_with("Utbetalning av bidrag")));
    assert!(reminders(&sent).is_empty(), "nothing due yet: {sent:?}");

    // Fourteen days before the due day: one reminder, however often the job runs.
    at(&app, "2027-02-14");
    assert!(reminders(&app.deliver().await).is_empty(), "fifteen days before");
    at(&app, "2027-02-15");
    let sent = app.deliver().await;
    let r = reminders(&sent);
    assert_eq!(r.len(), 1, "{sent:?}");
    assert_eq!(r[0].0, "anna@salaif.example");
    assert_eq!(r[0].1, format!("Påminnelse om redovisning, {case}"));
    assert!(
        r[0].2
            .contains("Redovisningen av år 1 ska vara inne senast 2027-03-01."),
        "{}",
        r[0].2
    );
    assert!(r[0].2.contains(&report), "the letter links to the report: {}", r[0].2);
    at(&app, "2027-02-20");
    assert_eq!(reminders(&app.deliver().await).len(), 1, "not twice");

    // The applicant's page before the due day: the form, no warning.
    let applicant = app.client();
    applicant.login("anna@salaif.example", testkit::PASSWORD).await;
    let page = applicant.get(&report).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Redovisning år 1"), "{}", page.text());
    assert!(page
        .text()
        .contains("Sala IF redovisar Treårigt verksamhetsbidrag, år 1 av 3."));
    assert!(page.text().contains("Redovisas senast 2027-03-01"), "{}", page.text());
    assert!(!page.text().contains("försenad"));
    assert!(page.body.contains("id=\"f-report\""));

    // The day after: overdue, once.
    at(&app, "2027-03-02");
    let sent = app.deliver().await;
    let r = reminders(&sent);
    assert_eq!(r.len(), 2, "{sent:?}");
    assert!(
        r[0].2
            .contains("Redovisningen av år 1 skulle ha varit inne 2027-03-01 och har inte kommit in."),
        "newest first: {}",
        r[0].2
    );
    at(&app, "2027-03-10");
    assert_eq!(reminders(&app.deliver().await).len(), 2);
    // Eight days idle end a session: sign in again.
    applicant.login("anna@salaif.example", testkit::PASSWORD).await;
    assert!(applicant
        .get(&report)
        .await
        .text()
        .contains("Redovisningen är försenad."));

    // The missing report stops year 2: the payouts list does not show it.
    let staff = signed_in(&app, STAFF).await;
    let page = staff.get("/sala/bidrag/utbetalningar").await;
    assert!(
        page.text().contains("Det finns inget att betala ut just nu."),
        "{}",
        page.text()
    );

    // The staff start a recovery: a reason is required; the letter goes out with it.
    let page = staff.get(&report).await;
    assert!(page.text().contains("Starta återkrav"), "{}", page.text());
    let token = page.csrf();
    let empty = staff
        .post_raw(&report, &[("_csrf", &token), ("do", "recover"), ("reason", " ")])
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Fyll i fältet."), "{}", empty.text());
    let reason = "Redovisningen av år 1 har inte kommit in trots påminnelser.";
    let started = staff
        .post_raw(&report, &[("_csrf", &token), ("do", "recover"), ("reason", reason)])
        .await;
    assert_eq!(started.status, 303);
    assert_eq!(started.location.as_deref(), Some(report.as_str()));
    let sent = app.deliver().await;
    let (to, subject, body) = sent
        .iter()
        .find(|(_, s, _)| s.starts_with("Återkrav"))
        .expect("the recovery letter");
    assert_eq!(to, "anna@salaif.example");
    assert_eq!(subject, &format!("Återkrav av bidrag, {case}"));
    assert!(
        body.contains("Sala kräver tillbaka 50\u{a0}000\u{a0}kr av Treårigt verksamhetsbidrag till Sala IF."),
        "{body}"
    );
    assert!(body.contains(reason), "{body}");
    // A second recovery is not offered, and not made.
    let again = staff
        .post_raw(&report, &[("_csrf", &token), ("do", "recover"), ("reason", "Igen.")])
        .await;
    assert_eq!(again.status, 303);
    assert!(
        app.deliver()
            .await
            .iter()
            .filter(|(_, s, _)| s.starts_with("Återkrav"))
            .count()
            == 1
    );

    // After the recovery: the applicant sees it and can no longer write; nothing is reminded.
    let page = applicant.get(&report).await;
    assert!(
        page.text()
            .contains("Kommunen har begärt tillbaka bidraget för året (återkrav) 2027-03-10"),
        "{}",
        page.text()
    );
    assert!(page.text().contains(reason));
    assert!(!page.body.contains("id=\"f-report\""));
    let late = applicant
        .post_raw(
            &report,
            &[("_csrf", &page.csrf()), ("do", "report"), ("report", "Här är den nu.")],
        )
        .await;
    assert_eq!(late.status, 303);
    let (text,): (String,) =
        sqlx::query_as("SELECT report_text FROM grants_installments WHERE application_id = $1 AND year_index = 1")
            .bind(grant.id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(text, "", "not stored after a recovery");
    at(&app, "2028-03-02");
    assert!(
        reminders(&app.deliver().await).len() == 2,
        "a grant under recovery is not reminded of"
    );
    let staff = signed_in(&app, STAFF).await;
    assert!(staff
        .get("/sala/bidrag/utbetalningar")
        .await
        .text()
        .contains("Det finns inget att betala ut just nu."));
    app.stop().await;
}

async fn an_approved_report_makes_the_next_year_payable(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let people = officials(&app, sala, "sala").await;
    let (org, rep) = association(
        &app,
        sala,
        "sala",
        "Kören Ton",
        2,
        Some((GiroKind::Plusgiro, "4105468-5")),
        "kim@koren.example",
    )
    .await;
    let grant = three_years(&app, sala, &people, &rep, org).await;
    let case = grant.case_number.clone().unwrap();
    let report = format!("/sala/bidrag/ansokan/{}/redovisning/1", grant.id);
    let staff = app.staff("sala").await;
    pay(&staff, "2026-11-23").await;
    app.deliver().await;

    at(&app, "2027-02-01");
    let staff = signed_in(&app, STAFF).await;
    let applicant = signed_in(&app, "kim@koren.example").await;
    let page = applicant.get(&report).await;
    assert!(page.text().contains("Inte skickad"), "{}", page.text());
    assert!(
        !page.text().contains("Godkänn redovisningen"),
        "the applicant does not review"
    );
    let token = page.csrf();
    let empty = applicant
        .post_raw(&report, &[("_csrf", &token), ("do", "report"), ("report", "")])
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Redovisning: Fyll i fältet."), "{}", empty.text());
    let long = "å".repeat(8001);
    let too_long = applicant
        .post_raw(&report, &[("_csrf", &token), ("do", "report"), ("report", &long)])
        .await;
    assert_eq!(too_long.status, 422);
    assert!(too_long.text().contains("Högst 8000 tecken."), "{}", too_long.text());
    assert!(too_long.body.contains(&long), "what was typed stays");
    let sent = applicant
        .post_raw(
            &report,
            &[
                ("_csrf", &token),
                ("do", "report"),
                ("report", "Vi övade varje vecka.\n\nVi höll två konserter."),
            ],
        )
        .await;
    assert_eq!(sent.status, 303);
    assert!(applicant
        .get(&report)
        .await
        .text()
        .contains("Skickad, väntar på handläggaren"));
    // The applicant cannot approve their own report.
    let posted = applicant
        .post_raw(&report, &[("_csrf", &token), ("do", "approve")])
        .await;
    assert_eq!(posted.status, 403);

    // The staff ask for more; the applicant sees what and writes again.
    let page = staff.get(&report).await;
    assert!(
        page.text().contains("Vi övade varje vecka. Vi höll två konserter."),
        "{}",
        page.text()
    );
    assert!(!page.text().contains("Starta återkrav"), "not late, not sent back");
    let more = staff
        .post_raw(
            &report,
            &[
                ("_csrf", &page.csrf()),
                ("do", "send-back"),
                ("message", "Berätta också om ekonomin."),
            ],
        )
        .await;
    assert_eq!(more.status, 303);
    let page = applicant.get(&report).await;
    assert!(page.text().contains("Handläggaren ber om mer"), "{}", page.text());
    assert!(page.text().contains("Berätta också om ekonomin."));
    assert!(
        page.body.contains("Vi övade varje vecka."),
        "the text is kept to add to"
    );
    applicant
        .post_raw(
            &report,
            &[
                ("_csrf", &token),
                ("do", "report"),
                (
                    "report",
                    "Vi övade varje vecka. Bidraget gick till noter och lokalhyra.",
                ),
            ],
        )
        .await;
    // Approving twice does no harm.
    let page = staff.get(&report).await;
    for _ in 0..2 {
        let approved = staff
            .post_raw(&report, &[("_csrf", &page.csrf()), ("do", "approve")])
            .await;
        assert_eq!(approved.status, 303);
    }
    let page = applicant.get(&report).await;
    assert!(page.text().contains("Redovisningen Godkänd"), "{}", page.text());
    assert!(
        !page.body.contains("id=\"f-report\""),
        "an approved report is not changed"
    );

    // Year 2 is payable from the approval, in a list of its own; year 3 still waits.
    let page = staff.get("/sala/bidrag/utbetalningar").await;
    let text = page.text();
    assert!(text.contains("Utbetalningslista 2027-02-01"), "{text}");
    assert!(text.contains(&format!("{case} år 2")), "{text}");
    assert!(!text.contains(&format!("{case} år 3")), "{text}");

    let years = grants::reports::store::status_of(&app.state.db, sala, &grant, d("2027-02-01"))
        .await
        .unwrap();
    assert_eq!(years.len(), 3);
    assert_eq!(years[0].report, ReportState::Approved);
    assert_eq!(years[0].paid_on, Some(d("2026-11-23")));
    assert_eq!(years[1].payable_on, Some(d("2027-02-01")));
    assert_eq!(years[1].report_due_on, Some(d("2028-03-01")));
    assert_eq!(years[2].payable_on, None);
    assert!(!years[0].stopped);
    assert_eq!(
        grants::paths::report("sala", grant.id, 2),
        format!("/sala/bidrag/ansokan/{}/redovisning/2", grant.id)
    );

    pay(&staff, "2027-02-01").await;
    let sent = app.deliver().await;
    assert!(sent
        .iter()
        .any(|(_, s, b)| s == &format!("Utbetalning av bidrag, {case}") && b.contains(&format!("{case} år 2"))));
    assert_eq!(installments(&app, grant.id).await[1].2, format!("{case} år 2"));
    app.stop().await;
}

async fn only_the_association_and_the_staff_see_a_report(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let people = officials(&app, sala, "sala").await;
    let (org, rep) = association(
        &app,
        sala,
        "sala",
        "Sala IF",
        1,
        Some((GiroKind::Bankgiro, "5402-9681")),
        "anna@salaif.example",
    )
    .await;
    association(&app, sala, "sala", "Kören Ton", 2, None, "kim@koren.example").await;
    let grant = three_years(&app, sala, &people, &rep, org).await;
    let report = format!("/sala/bidrag/ansokan/{}/redovisning/1", grant.id);

    let other = app.client();
    other.login("kim@koren.example", testkit::PASSWORD).await;
    assert_eq!(
        other.get(&report).await.status,
        404,
        "another association's report does not exist for them"
    );
    let token = other.get("/sala/bidrag").await.body;
    let token = testkit::csrf_token(&token).unwrap_or_default();
    let posted = other
        .post_raw(&report, &[("_csrf", &token), ("do", "report"), ("report", "Hej")])
        .await;
    assert_eq!(posted.status, 404);

    let orebro = app.staff("orebro").await;
    assert_eq!(orebro.get(&report).await.status, 404);
    assert_eq!(
        orebro
            .get(&format!("/orebro/bidrag/ansokan/{}/redovisning/1", grant.id))
            .await
            .status,
        404
    );
    let applicant = app.client();
    applicant.login("anna@salaif.example", testkit::PASSWORD).await;
    assert_eq!(
        applicant
            .get(&format!("/sala/bidrag/ansokan/{}/redovisning/4", grant.id))
            .await
            .status,
        404
    );
    assert_eq!(
        applicant
            .get(&format!("/sala/bidrag/ansokan/{}/redovisning/x", grant.id))
            .await
            .status,
        404
    );
    let page = applicant.get(&report).await;
    assert_eq!(page.status, 200);
    for step in ["approve", "send-back", "recover"] {
        let posted = applicant
            .post_raw(
                &report,
                &[("_csrf", &page.csrf()), ("do", step), ("message", "x"), ("reason", "x")],
            )
            .await;
        assert_eq!(posted.status, 403, "{step}");
    }
    let staff = app.staff("sala").await;
    let page = staff.get(&report).await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("id=\"f-report\""),
        "the staff do not write the association's report"
    );
    let posted = staff
        .post_raw(&report, &[("_csrf", &page.csrf()), ("do", "report"), ("report", "x")])
        .await;
    assert_eq!(posted.status, 403);
    assert_eq!(
        app.client().get(&report).await.status,
        303,
        "a visitor is asked to log in"
    );
    app.stop().await;
}

both!(
    a_missing_report_stops_the_next_year_and_leads_to_recovery,
    an_approved_report_makes_the_next_year_payable,
    only_the_association_and_the_staff_see_a_report
);
