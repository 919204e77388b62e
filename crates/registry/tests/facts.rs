//! The grant facts: payout account, board size and last annual meeting kept with the profile,
//! the statutes file, who sees what, and `public::grant_facts` for the grants capability.

use crate::common::{org, orgnr, sign};
use chrono::NaiveDate;
use platform::auth::RoleKind;
use platform::OrganisationId;
use registry::domain::{Giro, GiroKind};
use registry::facts::domain::FactsEdit;
use registry::facts::store::{save_statutes, NewStatutes};
use registry::public::{grant_facts, GrantFacts};
use testkit::{both, Backend, Client, Page, TestApp};

/// A small PDF (its content is what is checked, not its name).
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The edit form as sent: the profile's required fields and the grant facts.
fn fields<'a>(kind: &'a str, number: &'a str, board: &'a str, meeting: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Brukets kör"),
        ("org_number", "802002-4280"),
        ("legal_form", "ideell-forening"),
        ("giro_kind", kind),
        ("giro_number", number),
        ("board_members", board),
        ("annual_meeting_on", meeting),
    ]
}

async fn audit(app: &TestApp, action: &str, id: OrganisationId) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT summary FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id")
            .bind(action)
            .bind(id)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    rows.into_iter().map(|(s,)| s).collect()
}

async fn facts_of(app: &TestApp, id: OrganisationId) -> GrantFacts {
    let m = app.municipality_id("sala").await;
    grant_facts(&app.state.db, m, &[id]).await.unwrap().pop().unwrap()
}

async fn representatives_keep_the_payout_account_board_and_annual_meeting(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let (rep, id) = app
        .representative_client("rep@koren.example", "sala", "Brukets kör")
        .await;
    let edit = format!("/sala/foreningar/{id}/redigera");
    let profile = format!("/sala/foreningar/{id}");

    let page = rep.get(&edit).await;
    assert_eq!(page.status, 200);
    for name in ["giro_kind", "giro_number", "board_members", "annual_meeting_on"] {
        assert!(page.body.contains(&format!("name=\"{name}\"")), "{name}");
    }
    assert!(page.body.contains("type=\"date\" id=\"f-annual_meeting_on\""));

    // A bankgiro written with a space, a board and the last annual meeting: saved and shown.
    let page = rep
        .submit(&edit, &edit, &fields("bankgiro", "5381 7425", "7", "2026-03-14"))
        .await;
    assert_eq!(page.status, 303, "{}", page.text());
    let text = rep.get(&profile).await.text();
    assert!(text.contains("Bankgiro 5381-7425"), "{text}");
    assert!(text.contains("Antal ledamöter i styrelsen 7") && text.contains("Senaste årsmöte 2026-03-14"));
    let f = facts_of(&app, id).await;
    assert_eq!(f.giro, Some((GiroKind::Bankgiro, "5381-7425".into())));
    assert_eq!(
        (f.board_members, f.annual_meeting_on),
        (Some(7), Some(day("2026-03-14")))
    );

    // Board size and meeting are public; the account is not.
    let public = app.client().get(&profile).await.text();
    assert!(public.contains("Senaste årsmöte 2026-03-14") && public.contains("Antal ledamöter i styrelsen 7"));
    assert!(
        !public.contains("5381-7425") && !public.contains("Konto för utbetalning"),
        "{public}"
    );
    let (stranger, _) = app.signed_in("x@example.se", None).await;
    assert!(!stranger.get(&profile).await.text().contains("5381-7425"));
    assert!(app
        .staff("sala")
        .await
        .get(&profile)
        .await
        .text()
        .contains("Bankgiro 5381-7425"));

    // A plusgiro replaces it; the audit trail names the new account.
    let page = rep
        .submit(&edit, &edit, &fields("plusgiro", "4419027-0", "7", "2026-03-14"))
        .await;
    assert_eq!(page.status, 303, "{}", page.text());
    assert!(rep.get(&profile).await.text().contains("Plusgiro 4419027-0"));
    let summaries = audit(&app, "registry.profile.update", id).await;
    assert_eq!(summaries.len(), 2);
    assert!(
        summaries[0].ends_with("utbetalningskonto: bankgiro 5381-7425"),
        "{summaries:?}"
    );
    assert!(
        summaries[1].ends_with("utbetalningskonto: plusgiro 4419027-0"),
        "{summaries:?}"
    );

    // Refused: the message beside the field, the summary on top, nothing saved.
    const M: &str = "2026-03-14";
    #[rustfmt::skip]
    let cases = [
        ("bankgiro", "5381-7426", "7", M, "f-giro_number", "Numret stämmer inte"),
        ("plusgiro", "4419027-1", "7", M, "f-giro_number", "Numret stämmer inte"),
        ("bankgiro", "12-34", "7", M, "f-giro_number", "bankgiro har 7 eller 8 siffror"),
        ("", "5381-7425", "7", M, "f-giro_kind", "Välj bankgiro eller plusgiro"),
        ("bankgiro", "", "7", M, "f-giro_number", "Fyll i fältet"),
        ("plusgiro", "4419027-0", "100", M, "f-board_members", "mellan 0 och 99"),
        ("plusgiro", "4419027-0", "-1", M, "f-board_members", "mellan 0 och 99"),
        ("plusgiro", "4419027-0", "7", "2026-11-24", "f-annual_meeting_on", "senare än i dag"),
        ("plusgiro", "4419027-0", "7", "14 mars", "f-annual_meeting_on", "ÅÅÅÅ-MM-DD"),
    ];
    for (kind, number, board, meeting, field, message) in cases {
        let page = rep.submit(&edit, &edit, &fields(kind, number, board, meeting)).await;
        assert_eq!(page.status, 422, "{message}");
        assert!(page.body.contains("id=\"error-summary\""), "{message}");
        let error = format!("id=\"{field}-error\">");
        let at = page
            .body
            .find(&error)
            .unwrap_or_else(|| panic!("{message}: no error on {field}"));
        let shown = page.body[at + error.len()..].split("</p>").next().unwrap();
        assert!(shown.contains(message), "{message}: {shown}");
        assert!(page.body.contains("aria-invalid=\"true\""), "{message}");
    }
    assert_eq!(
        audit(&app, "registry.profile.update", id).await.len(),
        2,
        "nothing saved"
    );
    assert_eq!(
        facts_of(&app, id).await.giro,
        Some((GiroKind::Plusgiro, "4419027-0".into()))
    );

    // Today's date is fine (the app clock: 2026-11-23); empty fields clear the facts.
    let page = rep.submit(&edit, &edit, &fields("", "", "", "2026-11-23")).await;
    assert_eq!(page.status, 303, "{}", page.text());
    let f = facts_of(&app, id).await;
    assert_eq!(
        (f.giro, f.board_members, f.annual_meeting_on),
        (None, None, Some(day("2026-11-23")))
    );
    assert!(audit(&app, "registry.profile.update", id).await[2].ends_with("utbetalningskonto: inget"));
    assert!(rep.get(&profile).await.text().contains("Inget konto angivet"));

    // The coordinator edits them too; staff who are not coordinators do not.
    let coord = app.coordinator("sala").await;
    let page = coord
        .submit(&edit, &edit, &fields("bankgiro", "297-3675", "5", ""))
        .await;
    assert_eq!(page.status, 303, "{}", page.text());
    assert_eq!(
        facts_of(&app, id).await.giro,
        Some((GiroKind::Bankgiro, "297-3675".into()))
    );
    assert_eq!(app.staff("sala").await.get(&edit).await.status, 403);
}

/// The statutes form's action (it carries the CSRF token) on the edit page.
async fn statutes_action(client: &Client, id: OrganisationId) -> String {
    let page = client.get(&format!("/sala/foreningar/{id}/redigera")).await;
    page.body
        .split("action=\"")
        .filter_map(|s| s.split('"').next())
        .find(|a| a.starts_with(&format!("/sala/foreningar/{id}/stadgar?_csrf=")))
        .expect("a statutes form")
        .replace("&amp;", "&")
}

fn refused(page: &Page, message: &str) {
    assert_eq!(page.status, 422, "{message}: {}", page.text());
    assert!(page.body.contains("id=\"f-statutes-error\""), "{message}");
    assert!(page.text().contains(message), "{message}: {}", page.text());
}

async fn statutes_are_checked_and_only_shown_to_representatives_and_staff(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let (rep, id) = app
        .representative_client("rep@koren.example", "sala", "Brukets kör")
        .await;
    let download = format!("/sala/foreningar/{id}/stadgar");
    let profile = format!("/sala/foreningar/{id}");
    let action = statutes_action(&rep, id).await;
    assert!(rep
        .get(&format!("{profile}/redigera"))
        .await
        .body
        .contains("enctype=\"multipart/form-data\""));
    assert_eq!(rep.get(&download).await.status, 404, "none on file yet");

    // Refused: a text file named .pdf, a file over 10 MB, no file; nothing kept.
    refused(
        &rep.post_file(&action, "file", "stadgar.pdf", b"Stadgar\n1. Namn".to_vec())
            .await,
        "måste vara en PDF",
    );
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    refused(&rep.post_file(&action, "file", "stadgar.pdf", big).await, "högst 10 MB");
    refused(&rep.post_file(&action, "file", "tom.pdf", vec![]).await, "Välj en fil");
    assert!(audit(&app, "registry.statutes.upload", id).await.is_empty());
    // Without the CSRF token: refused before the handler.
    assert_eq!(
        rep.post_file(&download, "file", "s.pdf", PDF.to_vec()).await.status,
        403
    );

    // A PDF of exactly 10 MB is kept, with a safe name.
    let mut pdf = PDF.to_vec();
    pdf.resize(10 * 1024 * 1024, b' ');
    let page = rep
        .post_file(&action, "file", "C:\\Dokument\\Stadgar \"2025\".pdf", pdf)
        .await;
    assert_eq!(page.status, 303, "{}", page.text());
    assert!(rep
        .get(&page.location.unwrap())
        .await
        .text()
        .contains("Stadgarna är sparade"));
    assert_eq!(
        audit(&app, "registry.statutes.upload", id).await,
        ["Stadgar _2025_.pdf"]
    );
    // A new one replaces it.
    let page = rep.post_file(&action, "file", "Stadgar 2026.pdf", PDF.to_vec()).await;
    assert_eq!(page.status, 303, "{}", page.text());
    assert!(facts_of(&app, id).await.statutes_on_file);

    // The representative and the municipality's staff download it.
    let coord = app.coordinator("sala").await;
    let staff = app.staff("sala").await;
    for (who, c) in [("representative", &rep), ("coordinator", &coord), ("staff", &staff)] {
        let file = c.get(&download).await;
        assert_eq!(file.status, 200, "{who}");
        assert_eq!(file.headers["content-type"], "application/pdf", "{who}");
        assert!(file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("Stadgar 2026.pdf"));
        assert_eq!(file.headers["x-content-type-options"], "nosniff");
        assert!(file.body.starts_with("%PDF") && file.body.len() == PDF.len(), "{who}");
        let text = c.get(&profile).await;
        assert!(text.body.contains("id=\"statutes-link\""), "{who}");
    }
    // Nobody else: anonymous to the login page, others 403, another municipality's 403 or 404.
    let anon = app.client().get(&download).await;
    assert_eq!(anon.status, 303);
    assert!(anon.location.unwrap().starts_with("/konto/logga-in"));
    let (stranger, _) = app.signed_in("x@example.se", None).await;
    assert_eq!(stranger.get(&download).await.status, 403);
    let orebro_staff = app.staff("orebro").await;
    assert_eq!(orebro_staff.get(&download).await.status, 403);
    assert_eq!(
        orebro_staff
            .get(&format!("/orebro/foreningar/{id}/stadgar"))
            .await
            .status,
        404
    );
    let (orebro_coord, _) = app
        .signed_in("samordnare@orebro.se", Some((RoleKind::Coordinator, Some("orebro"))))
        .await;
    assert_eq!(orebro_coord.get(&download).await.status, 403);
    for c in [&app.client(), &stranger] {
        let page = c.get(&profile).await;
        assert!(!page.body.contains("statutes-link") && !page.text().contains("Stadgar 2026"));
    }
    // Uploading is for those who edit the profile: not staff, not another municipality.
    for c in [&staff, &orebro_coord] {
        assert_eq!(c.get(&format!("{profile}/redigera")).await.status, 403);
    }
    let staff_action = action.replace(
        &action[action.find("_csrf=").unwrap()..],
        &format!("_csrf={}", staff.get("/sala/foreningar").await.csrf()),
    );
    assert_eq!(
        staff
            .post_file(&staff_action, "file", "s.pdf", PDF.to_vec())
            .await
            .status,
        403
    );
    assert_eq!(audit(&app, "registry.statutes.upload", id).await.len(), 2);
}

async fn grant_facts_reads_the_municipality_s_organisations_at_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    let db = &app.state.db;
    let now = app.state.now();
    let a = org(&app, sala, "Sala kör", 1, &[], "").await;
    let b = org(&app, sala, "Sala schack", 2, &[], "").await;
    let c = org(&app, orebro, "Örebro kör", 3, &[], "").await;
    let facts = FactsEdit {
        giro: Some(Giro::parse(GiroKind::Bankgiro, "5381-7425").unwrap()),
        board_members: Some(5),
        annual_meeting_on: Some(day("2026-03-14")),
    };
    registry::profile::store::update_with_facts(
        db,
        sala,
        a,
        &crate::common::edit("Sala kör", 1, &[], ""),
        &facts,
        None,
        now,
    )
    .await
    .unwrap();
    let file = NewStatutes {
        file_name: "Stadgar.pdf",
        mime: "application/pdf",
        bytes: PDF,
    };
    save_statutes(db, sala, a, &file, None, now).await.unwrap();
    assert!(
        save_statutes(db, sala, c, &file, None, now).await.is_err(),
        "not Sala's organisation"
    );
    sign(&app, sala, a).await;
    // Confirmed at 2026-06-30 22:30 UTC: 1 July in Stockholm.
    sqlx::query("UPDATE registry_profiles SET confirmed_at = $1 WHERE organisation_id = $2")
        .bind(1_782_858_600_i64)
        .bind(a)
        .execute(&db.pool)
        .await
        .unwrap();

    let got = grant_facts(db, sala, &[b, a, c, a]).await.unwrap();
    assert_eq!(
        got,
        vec![
            GrantFacts {
                organisation_id: a,
                name: "Sala kör".into(),
                org_number: Some(orgnr(1)),
                board_members: Some(5),
                statutes_on_file: true,
                giro: Some((GiroKind::Bankgiro, "5381-7425".into())),
                signed: true,
                annual_meeting_on: Some(day("2026-03-14")),
                confirmed_on: Some(day("2026-07-01")),
            },
            GrantFacts {
                organisation_id: b,
                name: "Sala schack".into(),
                org_number: Some(orgnr(2)),
                board_members: None,
                statutes_on_file: false,
                giro: None,
                signed: false,
                annual_meeting_on: None,
                confirmed_on: None,
            },
        ]
    );
    assert!(grant_facts(db, sala, &[]).await.unwrap().is_empty());
    assert!(grant_facts(db, sala, &[c]).await.unwrap().is_empty(), "Örebro's");
    assert_eq!(grant_facts(db, orebro, &[a, b, c]).await.unwrap().len(), 1);
    // Many asked for at once (past the number named in the query): the same answer.
    let mut many: Vec<OrganisationId> = (1..=700).map(OrganisationId::new).collect();
    many.extend([a, b, c]);
    let ids: Vec<OrganisationId> = grant_facts(db, sala, &many)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.organisation_id)
        .collect();
    assert_eq!(ids, [a, b]);
}

both!(
    representatives_keep_the_payout_account_board_and_annual_meeting,
    statutes_are_checked_and_only_shown_to_representatives_and_staff,
    grant_facts_reads_the_municipality_s_organisations_at_once
);
