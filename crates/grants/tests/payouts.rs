//! Payout lists over HTTP, on both databases: the decided years that may be paid, grouped by
//! the day they became payable, with the association's organisation number and account from
//! the registry; a row without a valid account is flagged and left out of the files until it
//! is put right; the CSV and XLSX files; marking a list as paid (twice is harmless) with the
//! payout letter; who may see and do what.

use crate::decided::{self, association, decided, ids_of, installments, officials, programme, today, yearly};
use calamine::{Data, Reader, Xlsx};
use grants::payouts::domain::HEADINGS;
use grants::programmes::domain::Kind;
use registry::domain::GiroKind;
use testkit::{both, Backend, TestApp};

const NBSP: char = '\u{a0}';

fn kr(s: &str) -> String {
    s.replace(' ', &NBSP.to_string())
}

async fn the_staff_pay_a_list_for_the_finance_system(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let grant = programme(&app, sala, Kind::Operating, "Verksamhetsbidrag").await;
    let people = officials(&app, sala, "sala").await;
    let (if_org, if_rep) = association(
        &app,
        sala,
        "sala",
        "Sala IF",
        1,
        Some((GiroKind::Bankgiro, "5402-9681")),
        "anna@salaif.example",
    )
    .await;
    let (kor_org, kor_rep) = association(
        &app,
        sala,
        "sala",
        "Kören Ton",
        2,
        Some((GiroKind::Plusgiro, "4105468-5")),
        "kim@koren.example",
    )
    .await;
    let (schack_org, schack_rep) = association(&app, sala, "sala", "Schackklubben", 3, None, "bo@schack.example").await;
    let (dans_org, dans_rep) = association(
        &app,
        sala,
        "sala",
        "Dansföreningen",
        4,
        Some((GiroKind::Bankgiro, "5402-9681")),
        "ea@dans.example",
    )
    .await;
    let (scout_org, scout_rep) = association(
        &app,
        sala,
        "sala",
        "Scouterna",
        5,
        Some((GiroKind::Bankgiro, "297-3675")),
        "li@scout.example",
    )
    .await;

    let sala_if = decided(
        &app,
        sala,
        &yearly(&if_rep, if_org, grant, 2_500_000, 2_500_000),
        &people,
    )
    .await;
    let koren = decided(
        &app,
        sala,
        &yearly(&kor_rep, kor_org, grant, 1_000_000, 800_000),
        &people,
    )
    .await;
    let schack = decided(
        &app,
        sala,
        &yearly(&schack_rep, schack_org, grant, 500_000, 500_000),
        &people,
    )
    .await;
    let dans = decided(&app, sala, &yearly(&dans_rep, dans_org, grant, 300_000, 0), &people).await;
    let mut earlier = yearly(&scout_rep, scout_org, grant, 400_000, 400_000);
    earlier.decided_on = decided::d("2026-11-20");
    let scouts = decided(&app, sala, &earlier, &people).await;
    assert_eq!(sala_if.case_number.as_deref(), Some("KFN 2026/0001"));
    assert_eq!(koren.case_number.as_deref(), Some("KFN 2026/0002"));

    let staff = app.staff("sala").await;
    let page = staff.get("/sala/bidrag/utbetalningar").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    // Oldest list first, each with what the finance system needs.
    let first = text
        .find("Utbetalningslista 2026-11-20")
        .expect("the list of 20 November");
    let second = text
        .find("Utbetalningslista 2026-11-23")
        .expect("the list of 23 November");
    assert!(first < second, "{text}");
    // (The page's text folds the non-breaking spaces of amounts into plain ones.)
    assert!(text.contains("1 att betala, totalt 4 000 kr."), "{text}");
    assert!(text.contains("2 att betala, totalt 33 000 kr."), "{text}");
    assert!(
        text.contains(&format!(
            "Sala IF {} Bankgiro 5402-9681 25 000 kr KFN 2026/0001 år 1 2026-11-23, Verksamhetsbidrag",
            decided::orgnr(1)
        )),
        "{text}"
    );
    assert!(
        text.contains("Kören Ton") && text.contains("Plusgiro 4105468-5"),
        "{text}"
    );
    assert!(
        text.contains("Schackklubben")
            && text.contains("Kan inte betalas ut: föreningen har inget bankgiro eller plusgiro."),
        "{text}"
    );
    assert!(!text.contains("Dansföreningen"), "a rejection is not paid: {text}");
    assert!(
        page.body.contains(&format!("href=\"/sala/foreningar/{schack_org}\"")),
        "where to put it right"
    );

    // The files of the 23 November list: the rows with an account, Swedish headings.
    let csv = staff.get("/sala/bidrag/utbetalningar/2026-11-23/csv").await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(csv.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("utbetalning-sala-2026-11-23.csv"));
    assert!(csv.body.starts_with('\u{feff}'), "a byte order mark for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(csv.body.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0], HEADINGS.map(String::from).to_vec());
    assert_eq!(
        rows[1],
        [
            decided::orgnr(2).as_str(),
            "Kören Ton",
            "Plusgiro",
            "4105468-5",
            "8000,00",
            "KFN 2026/0002 år 1",
            "2026-11-23",
            "Verksamhetsbidrag"
        ]
    );
    assert_eq!(rows[2][1], "Sala IF");
    assert_eq!(rows[2][4], "25000,00");

    let xlsx = staff.get("/sala/bidrag/utbetalningar/2026-11-23/xlsx").await;
    assert_eq!(xlsx.status, 200);
    assert_eq!(
        xlsx.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let book_bytes = staff_bytes(&app, "/sala/bidrag/utbetalningar/2026-11-23/xlsx").await;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(book_bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(cells.len(), 3);
    assert_eq!(
        cells[0].iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        HEADINGS.map(String::from).to_vec()
    );
    assert_eq!(cells[2][1], Data::String("Sala IF".into()));
    assert_eq!(cells[2][3], Data::String("5402-9681".into()));
    assert_eq!(cells[2][4], Data::Float(25_000.0), "the amount is a number");
    assert_eq!(cells[2][5], Data::String("KFN 2026/0001 år 1".into()));

    let stale = grants::payouts::store::lists(&app.state.db, sala, today())
        .await
        .unwrap();

    // Mark the list as paid: the rows shown with an account; the letter goes out with it.
    let ids = ids_of(&page.body, "2026-11-23");
    assert_eq!(ids.split(',').count(), 2, "{ids}");
    let forged = format!("{ids},{}", installments_id(&app, schack.id).await);
    let paid = staff
        .post_raw(
            "/sala/bidrag/utbetalningar/2026-11-23",
            &[("_csrf", &page.csrf()), ("ids", &forged)],
        )
        .await;
    assert_eq!(paid.status, 303, "{}", paid.text());
    assert_eq!(paid.location.as_deref(), Some("/sala/bidrag/utbetalningar?betalda=2"));
    let after = staff.get("/sala/bidrag/utbetalningar?betalda=2").await;
    assert!(
        after.text().contains("2 utbetalningar är markerade som betalda."),
        "{}",
        after.text()
    );
    assert!(!after.text().contains("Sala IF"), "paid rows leave the list");
    assert!(
        after.text().contains("Schackklubben"),
        "the flagged row waits for its account"
    );
    assert!(after.text().contains("Scouterna"), "the other day's list is untouched");
    let rows = installments(&app, sala_if.id).await;
    let rows_before = rows.clone();
    assert!(rows[0].1.is_some());
    assert_eq!(rows[0].2, "KFN 2026/0001 år 1");
    assert_eq!(installments(&app, schack.id).await[0].1, None, "no account, not paid");
    assert_eq!(status(&app, sala_if.id).await, "paid");
    assert_eq!(status(&app, koren.id).await, "paid");
    assert_eq!(status(&app, schack.id).await, "granted");
    assert_eq!(status(&app, dans.id).await, "rejected");

    // Again (a second tab, a double click): nothing is paid twice, no second letter.
    let again = staff
        .post_raw(
            "/sala/bidrag/utbetalningar/2026-11-23",
            &[("_csrf", &page.csrf()), ("ids", &ids)],
        )
        .await;
    assert_eq!(again.location.as_deref(), Some("/sala/bidrag/utbetalningar?betalda=0"));
    // Two people paying the same list at once: the second, from the list as it stood, pays
    // nothing (the update is guarded).
    let rows: Vec<_> = stale
        .iter()
        .filter(|l| l.payable_on == decided::d("2026-11-23"))
        .flat_map(|l| l.exportable())
        .collect();
    assert_eq!(rows.len(), 2);
    let mut tx = app.state.db.write().await.unwrap();
    let twice = grants::payouts::store::mark_paid(&mut tx, sala, &rows, app.state.now() + 60)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(twice.is_empty(), "{twice:?}");
    assert_eq!(installments(&app, sala_if.id).await, rows_before);
    let sent = app.deliver().await;
    let letters: Vec<_> = sent
        .iter()
        .filter(|(_, s, _)| s.starts_with("Utbetalning av bidrag"))
        .collect();
    assert_eq!(letters.len(), 2, "{sent:?}");
    let (to, subject, body) = letters
        .iter()
        .find(|(to, _, _)| to == "anna@salaif.example")
        .expect("the letter to Sala IF");
    assert_eq!(to, "anna@salaif.example");
    assert_eq!(subject, "Utbetalning av bidrag, KFN 2026/0001");
    assert!(
        body.contains(&format!(
            "Sala har betalat ut {} till Sala IF för Verksamhetsbidrag (2026-11-23).",
            kr("25 000 kr")
        )),
        "{body}"
    );
    assert!(body.contains("referensen KFN 2026/0001 år 1"), "{body}");
    assert!(body.contains(&format!("/sala/bidrag/ansokan/{}", sala_if.id)), "{body}");
    assert!(letters
        .iter()
        .any(|(to, _, b)| to == "kim@koren.example" && b.contains(&kr("8 000 kr"))));

    // The account put right in the registry: the row can be exported and paid.
    sqlx::query(
        "UPDATE registry_profiles SET giro_kind = 'bankgiro', giro_number = '5402-9682' WHERE organisation_id = $1",
    )
    .bind(schack_org)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let page = staff.get("/sala/bidrag/utbetalningar").await;
    assert!(
        page.text()
            .contains("Kan inte betalas ut: numret på bankgiro eller plusgiro är inte giltigt."),
        "{}",
        page.text()
    );
    assert_eq!(ids_of(&page.body, "2026-11-20").split(',').count(), 1);
    assert!(
        !page.body.contains("action=\"/sala/bidrag/utbetalningar/2026-11-23\""),
        "nothing to pay there yet"
    );
    sqlx::query("UPDATE registry_profiles SET giro_number = '5402-9681' WHERE organisation_id = $1")
        .bind(schack_org)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let csv = staff.get("/sala/bidrag/utbetalningar/2026-11-23/csv").await;
    assert!(
        csv.body.contains("Schackklubben;Bankgiro;5402-9681;\"5000,00\""),
        "{}",
        csv.body
    );
    let _ = scouts;
    app.stop().await;
}

async fn installments_id(app: &TestApp, id: grants::ids::ApplicationId) -> i64 {
    let (i,): (i64,) = sqlx::query_as("SELECT id FROM grants_installments WHERE application_id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    i
}

async fn status(app: &TestApp, id: grants::ids::ApplicationId) -> String {
    let (s,): (String,) = sqlx::query_as("SELECT status FROM grants_applications WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    s
}

/// The bytes of a file as the signed-in staff get it.
async fn staff_bytes(app: &TestApp, path: &str) -> Vec<u8> {
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let login = app.url("/konto/logga-in");
    let page = client.get(&login).send().await.unwrap().text().await.unwrap();
    let token = testkit::csrf_token(&page).unwrap();
    let res = client
        .post(&login)
        .form(&[
            ("_csrf", token.as_str()),
            ("email", "handlaggare@sala.example"),
            ("password", testkit::PASSWORD),
            ("next", "/konto"),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "logged in");
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.bytes().await.unwrap().to_vec()
}

async fn only_the_municipality_s_staff_see_and_pay(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let grant = programme(&app, sala, Kind::Operating, "Verksamhetsbidrag").await;
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
    let a = decided(&app, sala, &yearly(&rep, org, grant, 2_500_000, 2_500_000), &people).await;
    let id = installments_id(&app, a.id).await.to_string();

    let representative = app.client();
    representative.login("anna@salaif.example", testkit::PASSWORD).await;
    assert_eq!(representative.get("/sala/bidrag/utbetalningar").await.status, 403);
    assert_eq!(
        representative
            .get("/sala/bidrag/utbetalningar/2026-11-23/csv")
            .await
            .status,
        403
    );
    let token = representative.get("/sala/bidrag").await.csrf_or_none();
    let posted = representative
        .post_raw(
            "/sala/bidrag/utbetalningar/2026-11-23",
            &[("_csrf", &token), ("ids", &id)],
        )
        .await;
    assert_eq!(posted.status, 403);

    let orebro = app.staff("orebro").await;
    assert_eq!(orebro.get("/sala/bidrag/utbetalningar").await.status, 403);
    let own = orebro.get("/orebro/bidrag/utbetalningar").await;
    assert_eq!(own.status, 200);
    assert!(
        own.text().contains("Det finns inget att betala ut just nu."),
        "{}",
        own.text()
    );
    assert_eq!(
        orebro.get("/orebro/bidrag/utbetalningar/2026-11-23/csv").await.status,
        404
    );
    let posted = orebro
        .post_raw(
            "/orebro/bidrag/utbetalningar/2026-11-23",
            &[("_csrf", &own.csrf_or_none()), ("ids", &id)],
        )
        .await;
    assert_eq!(
        posted.location.as_deref(),
        Some("/orebro/bidrag/utbetalningar?betalda=0")
    );
    assert_eq!(
        installments(&app, a.id).await[0].1,
        None,
        "Sala's row is not Örebro's to pay"
    );

    let staff = app.staff("sala").await;
    assert_eq!(staff.get("/sala/bidrag/utbetalningar/2026-13-40/csv").await.status, 404);
    assert_eq!(
        staff.get("/sala/bidrag/utbetalningar/2026-11-22/csv").await.status,
        404,
        "no list that day"
    );
    assert_eq!(staff.get("/sala/bidrag/utbetalningar/2026-11-23/pdf").await.status, 404);
    let anonymous = app.client();
    let page = anonymous.get("/sala/bidrag/utbetalningar").await;
    assert_eq!(page.status, 303, "to the login page");
    app.stop().await;
}

/// The CSRF token of a page for the signed-in user (the layout's language form carries one).
trait Token {
    fn csrf_or_none(&self) -> String;
}

impl Token for testkit::Page {
    fn csrf_or_none(&self) -> String {
        testkit::csrf_token(&self.body).unwrap_or_default()
    }
}

both!(
    the_staff_pay_a_list_for_the_finance_system,
    only_the_municipality_s_staff_see_and_pay
);
