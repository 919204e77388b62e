//! Attendance files over HTTP, on both databases: an association's representative imports a
//! CSV or XLSX file and sees the meetings and what counted on the period's result page;
//! importing again replaces instead of duplicating; a wrong file stores nothing. The card and
//! who may see what are in `attendance_card`; the helpers here serve both and the browser test.

use chrono::NaiveDate;
use grants::activity::domain::ActivityRules;
use grants::activity::store;
use grants::ids::{PeriodId, ProgrammeId};
use grants::programmes::domain::{Kind, NewPeriod, NewProgramme, PeriodDates};
use grants::programmes::store::{self as programmes, ProgrammeSetup};
use platform::{MunicipalityId, OrganisationId};
use testkit::{both, Backend, Client, Page, TestApp};

/// Three meetings: one that counts (four participants of 10–12 and a leader, 60 minutes:
/// 21 kr + 4 × 7,86 kr), one too short, one with too few participants.
pub const FILE: &str = "Grupp;Datum;Start;Minuter;Aktivitet;Roll;Namn;Födelseår;Kön\n\
    P16;2026-03-02;17:00;60;Fotboll;Ledare;Sara Ek;1990;Flicka\n\
    P16;2026-03-02;17:00;60;Fotboll;Deltagare;Ali Öz;2016;Pojke\n\
    P16;2026-03-02;17:00;60;Fotboll;Deltagare;Åsa Lind;2016;Flicka\n\
    P16;2026-03-02;17:00;60;Fotboll;Deltagare;Eva Berg;2015;Flicka\n\
    P16;2026-03-02;17:00;60;Fotboll;Deltagare;Kim Ny;2014;\n\
    P16;2026-03-04;17:00;30;Fotboll;Ledare;Sara Ek;1990;Flicka\n\
    P16;2026-03-04;17:00;30;Fotboll;Deltagare;Ali Öz;2016;Pojke\n\
    F12;2026-03-03;18:30;60;Handboll;Ledare;Bo Ek;1980;Pojke\n\
    F12;2026-03-03;18:30;60;Handboll;Deltagare;Eva Berg;2015;Flicka\n";

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A published activity-support programme of the municipality with the LOK rules and one
/// period covering the spring of 2026.
pub async fn activity_programme(app: &TestApp, m: MunicipalityId) -> (ProgrammeId, PeriodId) {
    let new = NewProgramme {
        kind: Kind::Activity,
        name: "Aktivitetsstöd".into(),
        description: String::new(),
        criteria: String::new(),
    };
    let mut setup = ProgrammeSetup::defaults(Kind::Activity);
    setup.published = true;
    let db = &app.state.db;
    let id = programmes::create_programme(db, m, &new, &setup, None, app.state.now())
        .await
        .unwrap();
    let period = NewPeriod {
        name: "Våren 2026".into(),
        dates: PeriodDates {
            starts_on: d("2026-01-01"),
            ends_on: d("2026-06-30"),
            opens_on: d("2026-07-01"),
            deadline: d("2026-08-25"),
        },
        budget_ore: 100_000_000,
    };
    let period = programmes::add_period(db, m, id, &period, None, app.state.now())
        .await
        .unwrap();
    (id, period)
}

/// The action of the form with this id, as the page gives it (the upload's carries the token).
pub fn action_of(body: &str, form_id: &str) -> String {
    let at = body.find(&format!("id=\"{form_id}\"")).expect("the form");
    let start = body[..at].rfind("<form").unwrap();
    let tag = &body[start..];
    let a = tag.find("action=\"").unwrap() + 8;
    let b = tag[a..].find('"').unwrap() + a;
    tag[a..b].replace("&amp;", "&")
}

pub fn page_of(org: OrganisationId) -> String {
    format!("/sala/bidrag/narvaro/{org}")
}

/// Upload a file through the page's form; the page that follows (after the redirect, if any).
pub async fn upload(c: &Client, org: OrganisationId, name: &str, bytes: Vec<u8>) -> (u16, Page) {
    let page = c.get(&page_of(org)).await;
    let posted = c
        .post_file(&action_of(&page.body, "attendance-file"), "file", name, bytes)
        .await;
    match posted.location.clone() {
        Some(to) if posted.status == 303 => (303, c.get(&to).await),
        _ => (posted.status, posted),
    }
}

pub async fn count(app: &TestApp, table: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

async fn an_imported_file_shows_what_counted_and_the_totals(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (programme, period) = activity_programme(&app, sala).await;
    let (rep, org) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;

    let empty = rep.get(&page_of(org)).await;
    assert_eq!(empty.status, 200, "{}", empty.text());
    assert!(empty.text().contains("Närvaro – IK Sala"), "{}", empty.text());
    assert!(empty.text().contains("Föreningen har ingen närvaro här ännu."));

    let (status, page) = upload(&rep, org, "narvaro.csv", FILE.as_bytes().to_vec()).await;
    assert_eq!(status, 303, "{}", page.text());
    let text = page.text();
    assert!(
        text.contains("Klart: 3 nya sammankomster, 0 ersatta och 0 oförändrade; 9 närvarorader sparade."),
        "{text}"
    );
    assert!(
        page.body.contains("<th scope=\"row\">P16</th><td>2</td>"),
        "{}",
        page.body
    );
    assert!(text.contains("2026-03-04 17:00 P16 30 Fotboll 1 1 fil"), "{text}");

    // The period's result, linked from the attendance page.
    let href = format!("/sala/bidrag/{programme}/perioder/{period}/aktivitet/{org}");
    assert!(page.body.contains(&href), "{}", page.body);
    let result = rep.get(&href).await;
    assert_eq!(result.status, 200, "{}", result.text());
    let text = result.text();
    assert!(text.contains("Aktivitetsstöd – IK Sala, Våren 2026"), "{text}");
    assert!(text.contains("Sammankomster som räknas 1 av 3"), "{text}");
    assert!(text.contains("Deltagartillfällen 4"), "{text}");
    assert!(
        text.contains("varav flickor 2 varav pojkar 1 varav annat eller inte angivet 1"),
        "{text}"
    );
    assert!(text.contains("Deltagartillfällen 10–25 år 4"), "{text}");
    assert!(text.contains("Belopp 52,44 kr"), "{text}");
    assert!(
        text.contains("Sammankomsten var kortare än kravet. (30 minuter, minst 45 krävs.)"),
        "{text}"
    );
    assert!(
        text.contains("För få deltagare räknas. (1 räknas, minst 3 krävs.)"),
        "{text}"
    );
    assert!(text.contains("1 av 2 sammankomster räknas, 52,44 kr."), "{text}");

    // The same figures from the functions the applications use.
    let rules = ActivityRules::lok();
    let db = &app.state.db;
    let claim = store::claim(db, sala, org, &rules, d("2026-01-01"), d("2026-06-30"))
        .await
        .unwrap();
    assert_eq!((claim.totals.meetings, claim.totals.amount_ore), (1, 5244));
    let claims = store::claims(db, sala, &rules, d("2026-01-01"), d("2026-06-30"))
        .await
        .unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].0, org);
    assert_eq!(claims[0].1, claim);
    let none = store::claims(db, sala, &rules, d("2026-07-01"), d("2026-12-31"))
        .await
        .unwrap();
    assert!(none.is_empty());

    // The municipality's staff see it too.
    let staff = app.staff("sala").await;
    assert_eq!(staff.get(&href).await.status, 200);
    assert_eq!(staff.get(&page_of(org)).await.status, 200);
    app.stop().await;
}

async fn importing_again_replaces_what_changed_and_duplicates_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (rep, org) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;
    let (status, _) = upload(&rep, org, "narvaro.csv", FILE.as_bytes().to_vec()).await;
    assert_eq!(status, 303);

    let (status, page) = upload(&rep, org, "narvaro.csv", FILE.as_bytes().to_vec()).await;
    assert_eq!(status, 303);
    assert!(
        page.text()
            .contains("Ingenting ändrades: alla 3 sammankomster fanns redan precis så."),
        "{}",
        page.text()
    );
    assert_eq!(count(&app, "grants_attendance_meetings").await, 3);
    assert_eq!(count(&app, "grants_attendance").await, 9);
    assert_eq!(count(&app, "grants_attendance_groups").await, 2);

    // One more participant on the short meeting, and a new meeting: one replaced, one added.
    let changed = format!(
        "{FILE}P16;2026-03-04;17:00;30;Fotboll;Deltagare;Åsa Lind;2016;Flicka\n\
         P16;2026-03-09;17:00;60;Fotboll;Ledare;Sara Ek;1990;Flicka\n"
    );
    let (status, page) = upload(&rep, org, "narvaro.csv", changed.into_bytes()).await;
    assert_eq!(status, 303);
    assert!(
        page.text()
            .contains("Klart: 1 nya sammankomster, 1 ersatta och 2 oförändrade; 4 närvarorader sparade."),
        "{}",
        page.text()
    );
    assert_eq!(count(&app, "grants_attendance_meetings").await, 4);
    assert_eq!(count(&app, "grants_attendance").await, 11);
    let meetings = store::meetings_of(&app.state.db, sala, org, d("2026-03-04"), d("2026-03-04"))
        .await
        .unwrap();
    assert_eq!(meetings.len(), 1);
    let names: Vec<&str> = meetings[0].participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ali Öz", "Åsa Lind"]);

    // Each import is one entry in the audit log.
    let (imports,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'grants.attendance.import'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(imports, 3);
    app.stop().await;
}

async fn a_wrong_file_lists_its_rows_and_stores_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let (rep, org) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;
    let bad = FILE
        .replace(
            "P16;2026-03-04;17:00;30;Fotboll;Deltagare",
            "P16;4/3;17:00;30;Fotboll;Tränare",
        )
        .into_bytes();
    let (status, page) = upload(&rep, org, "narvaro.csv", bad).await;
    assert_eq!(status, 422);
    let text = page.text();
    assert!(
        text.contains("Filen lästes inte in: några rader behöver rättas. Ingenting sparades."),
        "{text}"
    );
    assert!(
        page.body
            .contains("<tr><td>8</td><td>Datum</td><td>Skriv datumet som ÅÅÅÅ-MM-DD.</td></tr>"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<tr><td>8</td><td>Roll</td><td>Rollen ska vara Ledare eller Deltagare.</td></tr>"),
        "{}",
        page.body
    );
    for table in [
        "grants_attendance_meetings",
        "grants_attendance",
        "grants_attendance_groups",
    ] {
        assert_eq!(count(&app, table).await, 0, "{table}");
    }

    let (status, page) = upload(&rep, org, "narvaro.csv", b"Namn;Datum\nA;2026-01-01\n".to_vec()).await;
    assert_eq!(status, 422);
    assert!(page.text().contains("Filen saknar kolumnen Grupp."), "{}", page.text());
    let (status, page) = upload(&rep, org, "narvaro.xlsx", b"PK\x03\x04 trasig".to_vec()).await;
    assert_eq!(status, 422);
    assert!(
        page.text().contains("Filen går inte att öppna som en Excel-fil"),
        "{}",
        page.text()
    );
    let (status, page) = upload(
        &rep,
        org,
        "tom.csv",
        b"Grupp;Datum;Start;Minuter;Roll;Namn;F\xc3\xb6delse\xc3\xa5r\n".to_vec(),
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        page.text().contains("Filen har inga rader med närvaro."),
        "{}",
        page.text()
    );
    app.stop().await;
}

async fn an_xlsx_file_imports_as_the_csv_does(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (rep, org) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in FILE.lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
            match cell.parse::<f64>() {
                Ok(n) if r > 0 => sheet.write_number(r as u32, c as u16, n),
                _ => sheet.write_string(r as u32, c as u16, cell),
            }
            .unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let (status, page) = upload(&rep, org, "narvaro.xlsx", bytes).await;
    assert_eq!(status, 303, "{}", page.text());
    assert!(page.text().contains("Klart: 3 nya sammankomster"), "{}", page.text());
    let db = &app.state.db;
    let from_xlsx = store::meetings_of(db, sala, org, d("2026-01-01"), d("2026-12-31"))
        .await
        .unwrap();
    assert_eq!(from_xlsx.len(), 3);
    assert_eq!(from_xlsx[0].participants.len(), 4);
    assert_eq!(from_xlsx[0].participants[3].name, "Kim Ny");

    // The same rows as CSV change nothing: both formats read alike.
    let (_, page) = upload(&rep, org, "narvaro.csv", FILE.as_bytes().to_vec()).await;
    assert!(page.text().contains("Ingenting ändrades"), "{}", page.text());
    app.stop().await;
}

both!(
    an_imported_file_shows_what_counted_and_the_totals,
    importing_again_replaces_what_changed_and_duplicates_nothing,
    a_wrong_file_lists_its_rows_and_stores_nothing,
    an_xlsx_file_imports_as_the_csv_does,
);
