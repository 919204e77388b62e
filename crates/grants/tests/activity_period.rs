//! A period's activity support for all associations, over HTTP on both databases: two
//! associations import their attendance through the attendance page, and the staff's period
//! page shows each one's counted meetings, participations and amounts, the totals by gender and
//! age band, and the budget shared when the claims exceed it (the arithmetic checked by hand);
//! the CSV file holds the same table; only the municipality's staff see it, and another
//! municipality's period or a programme of another kind is not found. The browser test checks
//! the page with axe-core.

use crate::attendance::{activity_programme, d, upload, FILE};
use grants::activity::period::period_support;
use grants::ids::{PeriodId, ProgrammeId};
use grants::programmes::domain::{Kind, NewPeriod, NewProgramme, PeriodDates};
use grants::programmes::store::{self as programmes, ProgrammeSetup};
use platform::{MunicipalityId, OrganisationId};
use testkit::browser::{Browser, Findings};
use testkit::{both, Backend, TestApp};

/// The swimming club's file: two meetings that count with children of 7–9 (21 kr + 3 × 7,86
/// and 21 kr + 4 × 7,86: 97,02 kr; four girls' and three boys' participations) and one in
/// August, outside the spring's activity dates.
const SWIM: &str = "Grupp;Datum;Start;Minuter;Aktivitet;Roll;Namn;Födelseår;Kön\n\
    Delfin;2026-02-02;17:00;60;Simning;Ledare;Lo Hav;1995;Flicka\n\
    Delfin;2026-02-02;17:00;60;Simning;Deltagare;Mia Ek;2018;Flicka\n\
    Delfin;2026-02-02;17:00;60;Simning;Deltagare;Nea Ek;2018;Flicka\n\
    Delfin;2026-02-02;17:00;60;Simning;Deltagare;Olle Ås;2017;Pojke\n\
    Delfin;2026-02-09;17:00;60;Simning;Ledare;Lo Hav;1995;Flicka\n\
    Delfin;2026-02-09;17:00;60;Simning;Deltagare;Mia Ek;2018;Flicka\n\
    Delfin;2026-02-09;17:00;60;Simning;Deltagare;Nea Ek;2018;Flicka\n\
    Delfin;2026-02-09;17:00;60;Simning;Deltagare;Olle Ås;2017;Pojke\n\
    Delfin;2026-02-09;17:00;60;Simning;Deltagare;Per Ås;2019;Pojke\n\
    Delfin;2026-08-03;17:00;60;Simning;Ledare;Lo Hav;1995;Flicka\n\
    Delfin;2026-08-03;17:00;60;Simning;Deltagare;Mia Ek;2018;Flicka\n\
    Delfin;2026-08-03;17:00;60;Simning;Deltagare;Nea Ek;2018;Flicka\n\
    Delfin;2026-08-03;17:00;60;Simning;Deltagare;Olle Ås;2017;Pojke\n";

/// A second period of the programme over the same activity dates with a budget of 100 kr,
/// smaller than the claims (52,44 kr + 97,02 kr = 149,46 kr).
async fn small_period(app: &TestApp, m: MunicipalityId, programme: ProgrammeId) -> PeriodId {
    let period = NewPeriod {
        name: "Våren 2026, liten budget".into(),
        dates: PeriodDates {
            starts_on: d("2026-01-01"),
            ends_on: d("2026-06-30"),
            opens_on: d("2026-07-01"),
            deadline: d("2026-08-25"),
        },
        budget_ore: 10_000,
    };
    programmes::add_period(&app.state.db, m, programme, &period, None, app.state.now())
        .await
        .unwrap()
}

struct Fixture {
    app: TestApp,
    sala: MunicipalityId,
    programme: ProgrammeId,
    period: PeriodId,
    small: PeriodId,
    ik: OrganisationId,
    swim: OrganisationId,
}

/// Sala's programme with both periods, and the two associations' files imported by their
/// representatives through the attendance page (and a third association with nothing).
async fn fixture(backend: Backend) -> Fixture {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (programme, period) = activity_programme(&app, sala).await;
    let small = small_period(&app, sala, programme).await;
    let (anna, ik) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;
    let (bo, swim) = app
        .representative_client("bo@simklubb.example", "sala", "Sala Simklubb")
        .await;
    app.representative("cai@schack.example", "sala", "Sala Schackklubb")
        .await;
    let (status, page) = upload(&anna, ik, "narvaro.csv", FILE.as_bytes().to_vec()).await;
    assert_eq!(status, 303, "{}", page.text());
    let (status, page) = upload(&bo, swim, "simning.csv", SWIM.as_bytes().to_vec()).await;
    assert_eq!(status, 303, "{}", page.text());
    assert!(page.text().contains("Klart: 3 nya sammankomster"), "{}", page.text());
    Fixture {
        app,
        sala,
        programme,
        period,
        small,
        ik,
        swim,
    }
}

fn page_path(programme: ProgrammeId, period: PeriodId) -> String {
    format!("/sala/bidrag/{programme}/perioder/{period}/aktivitetsstod")
}

async fn the_period_shows_every_association_and_shares_a_small_budget(backend: Backend) {
    let f = fixture(backend).await;
    let staff = f.app.staff("sala").await;

    // The programme page links the staff to each period's support.
    let programme = staff.get(&format!("/sala/bidrag/{}", f.programme)).await;
    assert_eq!(programme.status, 200);
    for period in [f.period, f.small] {
        let href = page_path(f.programme, period);
        assert!(
            programme.body.contains(&format!("href=\"{href}\"")),
            "{}",
            programme.body
        );
    }
    assert!(programme.text().contains("Aktivitetsstöd för alla föreningar"));

    // A budget of 1 000 000 kr: everyone gets what the rules give.
    let page = staff.get(&page_path(f.programme, f.period)).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(
        text.contains("Aktivitetsstöd för alla föreningar – Våren 2026"),
        "{text}"
    );
    assert!(
        text.contains("Aktivitetsstöd, sammankomster från 2026-01-01 – 2026-06-30"),
        "{text}"
    );
    assert!(
        text.contains(
            "Föreningarnas belopp enligt reglerna är sammanlagt 149,46 kr. Periodens budget är 1 000 000 kr."
        ),
        "{text}"
    );
    assert!(
        text.contains("Beloppen ryms i budgeten, så varje förening får hela sitt belopp."),
        "{text}"
    );
    // In Swedish order; the chess club has no attendance and is not listed; the swimming
    // club's August meeting is outside the period.
    assert!(
        text.contains(
            "IK Sala 1 4 52,44 kr 52,44 kr Sala Simklubb 2 7 97,02 kr 97,02 kr Summa 3 11 149,46 kr 149,46 kr"
        ),
        "{text}"
    );
    assert!(!text.contains("Schackklubb"), "{text}");
    // Each name leads to the association's own result.
    let ik_result = format!("/sala/bidrag/{}/perioder/{}/aktivitet/{}", f.programme, f.period, f.ik);
    assert!(page.body.contains(&format!("href=\"{ik_result}\"")), "{}", page.body);
    // The whole period by gender and age band: girls 2 + 4, boys 1 + 3, the other one in IK
    // Sala's file; 7–9 the swimmers, 10–25 IK Sala's.
    assert!(
        text.contains(
            "Deltagartillfällen 11 varav flickor 6 varav pojkar 4 varav annat eller inte angivet 1 \
             Deltagartillfällen 7–9 år 7 Deltagartillfällen 10–25 år 4"
        ),
        "{text}"
    );

    // A budget of 100 kr for 149,46 kr: each gets 10 000 ÷ 14 946 of its claim, rounded down
    // to whole öre: 5 244 × 10 000 ÷ 14 946 = 3 508,6… and 9 702 × 10 000 ÷ 14 946 = 6 491,3….
    let page = staff.get(&page_path(f.programme, f.small)).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(
        text.contains(
            "IK Sala 1 4 52,44 kr 35,08 kr Sala Simklubb 2 7 97,02 kr 64,91 kr Summa 3 11 149,46 kr 99,99 kr"
        ),
        "{text}"
    );
    assert!(
        text.contains("samma andel av sitt belopp, 66,90 % (budgeten delad med summan av beloppen), avrundat nedåt till hela ören: sammanlagt 99,99 kr."),
        "{text}"
    );

    // The function the applications' review calls gives the same.
    let s = period_support(&f.app.state.db, f.sala, f.programme, f.small)
        .await
        .unwrap();
    let got: Vec<(OrganisationId, u32, u32, i64, i64)> = s
        .associations
        .iter()
        .map(|a| {
            (
                a.organisation_id,
                a.totals.meetings,
                a.totals.participations,
                a.amount_ore,
                a.prorated_ore,
            )
        })
        .collect();
    assert_eq!(got, [(f.ik, 1, 4, 5244, 3508), (f.swim, 2, 7, 9702, 6491)]);
    assert!(s.prorated);
    assert_eq!((s.claimed_ore, s.paid_ore, s.budget_ore), (14_946, 9_999, 10_000));
    assert_eq!(
        (s.totals.girls, s.totals.boys, s.totals.other, s.totals.per_band.clone()),
        (6, 4, 1, vec![7, 4])
    );
    f.app.stop().await;
}

async fn the_csv_file_holds_the_same_table(backend: Backend) {
    let f = fixture(backend).await;
    let staff = f.app.staff("sala").await;
    let page = staff.get(&page_path(f.programme, f.small)).await;
    let href = format!("{}.csv", page_path(f.programme, f.small));
    assert!(page.body.contains(&format!("href=\"{href}\"")), "{}", page.body);
    let file = staff.get(&href).await;
    assert_eq!(file.status, 200);
    assert!(file.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(file.headers["content-disposition"].to_str().unwrap().contains(".csv"));
    let body = file.body.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        [
            "Förening",
            "Sammankomster som räknas",
            "Deltagartillfällen",
            "Belopp enligt reglerna",
            "Belopp inom budgeten"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["IK Sala", "1", "4", "52,44", "35,08"],
            ["Sala Simklubb", "2", "7", "97,02", "64,91"],
        ]
    );
    // Each row is the page's row.
    let text = page.text();
    for r in &rows {
        let shown = format!("{} {} {} {} kr {} kr", r[0], r[1], r[2], r[3], r[4]);
        assert!(text.contains(&shown), "{shown} in {text}");
    }
    f.app.stop().await;
}

async fn only_the_municipalitys_staff_see_a_period_and_only_of_activity_support(backend: Backend) {
    let f = fixture(backend).await;
    f.app.municipality("orebro", "Örebro").await;
    let path = page_path(f.programme, f.period);
    let csv = format!("{path}.csv");

    let anonymous = f.app.client();
    for p in [&path, &csv] {
        let login = anonymous.get(p).await;
        assert_eq!(login.status, 303, "{p}");
        assert!(login.location.unwrap().contains("logga-in"));
    }
    // A representative sees the association's own result, not everyone's, nor the link.
    let rep = f.app.client();
    rep.login("anna@iksala.example", testkit::PASSWORD).await;
    assert_eq!(rep.get(&path).await.status, 403);
    assert_eq!(rep.get(&csv).await.status, 403);
    let programme = rep.get(&format!("/sala/bidrag/{}", f.programme)).await;
    assert_eq!(programme.status, 200);
    assert!(!programme.body.contains("aktivitetsstod"), "{}", programme.body);

    // The coordinator is staff too.
    assert_eq!(f.app.coordinator("sala").await.get(&path).await.status, 200);

    // Another municipality's staff: refused in Sala, and Sala's period is not Örebro's.
    let orebro = f.app.staff("orebro").await;
    assert_eq!(orebro.get(&path).await.status, 403);
    let elsewhere = format!("/orebro/bidrag/{}/perioder/{}/aktivitetsstod", f.programme, f.period);
    assert_eq!(orebro.get(&elsewhere).await.status, 404);
    assert_eq!(orebro.get(&format!("{elsewhere}.csv")).await.status, 404);

    // Sala's staff: a programme of another kind, another programme's period, or none: 404.
    let staff = f.app.staff("sala").await;
    let new = NewProgramme {
        kind: Kind::Operating,
        name: "Verksamhetsbidrag".into(),
        description: String::new(),
        criteria: String::new(),
    };
    let db = &f.app.state.db;
    let mut setup = ProgrammeSetup::defaults(Kind::Operating);
    setup.published = true;
    let operating = programmes::create_programme(db, f.sala, &new, &setup, None, f.app.state.now())
        .await
        .unwrap();
    let period = small_period(&f.app, f.sala, operating).await;
    assert_eq!(staff.get(&page_path(operating, period)).await.status, 404);
    assert_eq!(
        staff.get(&format!("{}.csv", page_path(operating, period))).await.status,
        404
    );
    let page = staff.get(&format!("/sala/bidrag/{operating}")).await;
    assert!(!page.body.contains("aktivitetsstod"), "{}", page.body);
    assert_eq!(staff.get(&page_path(f.programme, period)).await.status, 404);
    assert_eq!(
        staff.get(&page_path(f.programme, PeriodId::new(999_999))).await.status,
        404
    );
    assert_eq!(staff.get(&path).await.status, 200);
    f.app.stop().await;
}

both!(
    the_period_shows_every_association_and_shares_a_small_budget,
    the_csv_file_holds_the_same_table,
    only_the_municipalitys_staff_see_a_period_and_only_of_activity_support,
);

async fn the_period_page_has_no_accessibility_violations(backend: Backend) {
    let f = fixture(backend).await;
    f.app
        .user(
            "handlaggare@sala.example",
            Some((platform::auth::RoleKind::Staff, Some("sala"))),
        )
        .await;
    let browser = Browser::start().await;
    let mut findings = Findings::default();
    browser.log_in(&f.app, "handlaggare@sala.example").await;
    findings
        .visit(
            &browser,
            &f.app,
            &format!("/sala/bidrag/{}", f.programme),
            "Aktivitetsstöd för alla föreningar",
        )
        .await;
    findings
        .visit(&browser, &f.app, &page_path(f.programme, f.small), "Sala Simklubb")
        .await;
    // A period without attendance in its dates.
    let autumn = NewPeriod {
        name: "Hösten 2027".into(),
        dates: PeriodDates {
            starts_on: d("2027-07-01"),
            ends_on: d("2027-12-31"),
            opens_on: d("2028-01-01"),
            deadline: d("2028-02-25"),
        },
        budget_ore: 10_000,
    };
    let empty = programmes::add_period(&f.app.state.db, f.sala, f.programme, &autumn, None, f.app.state.now())
        .await
        .unwrap();
    findings
        .visit(
            &browser,
            &f.app,
            &page_path(f.programme, empty),
            "Ingen förening har närvaro i periodens datum.",
        )
        .await;
    browser.close().await;
    findings.assert_none();
    f.app.stop().await;
}

testkit::browser!(the_period_page_has_no_accessibility_violations);
