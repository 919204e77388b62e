//! Programmes and periods over HTTP, on both databases: the coordinator makes, fills and
//! publishes a programme; the public sees only what is published, as a page and as JSON;
//! periods open and close with the clock; roles and tenants.

use chrono::{TimeZone, Utc};
use grants::ids::ProgrammeId;
use grants::programmes::domain::{Kind, NewPeriod, NewProgramme, PeriodDates};
use grants::programmes::store::{self, ProgrammeSetup};
use platform::MunicipalityId;
use testkit::{both, Backend, TestApp};

const NBSP: char = '\u{a0}';

fn id_from(location: &str) -> ProgrammeId {
    location.rsplit('/').next().unwrap().parse().unwrap()
}

async fn programmes_in(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM grants_programmes")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

/// A published programme of Sala made through the store, with one period.
async fn published(app: &TestApp, sala: MunicipalityId, name: &str) -> ProgrammeId {
    let new = NewProgramme {
        kind: Kind::Activity,
        name: name.into(),
        description: "Stöd per deltagartillfälle.".into(),
        criteria: String::new(),
    };
    let mut setup = ProgrammeSetup::defaults(Kind::Activity);
    setup.published = true;
    let id = store::create_programme(&app.state.db, sala, &new, &setup, None, app.state.now())
        .await
        .unwrap();
    let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let period = NewPeriod {
        name: "Våren 2027".into(),
        dates: PeriodDates {
            starts_on: d("2027-01-01"),
            ends_on: d("2027-06-30"),
            opens_on: d("2027-07-01"),
            deadline: d("2027-08-25"),
        },
        budget_ore: 150_000_000,
    };
    store::add_period(&app.state.db, sala, id, &period, None, app.state.now())
        .await
        .unwrap();
    id
}

async fn the_coordinator_makes_a_programme_that_the_public_sees_once_published(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coordinator = app.coordinator("sala").await;
    let public = app.client();

    let form = coordinator.get("/sala/bidrag/ny").await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Sort av bidrag"), "{}", form.text());

    // Nothing chosen and no name: the form comes back with both errors.
    let bad = coordinator
        .submit(
            "/sala/bidrag/ny",
            "/sala/bidrag/ny",
            &[("kind", ""), ("name", " "), ("description", "Text")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.text().contains("Välj vilken sort av bidrag det är."),
        "{}",
        bad.text()
    );
    assert!(bad.body.contains(">Text</textarea>"), "what was typed stays");
    assert_eq!(programmes_in(&app).await, 0);

    let made = coordinator
        .submit(
            "/sala/bidrag/ny",
            "/sala/bidrag/ny",
            &[
                ("kind", "activity"),
                ("name", "Aktivitetsstöd"),
                ("description", "Stöd till barn- och ungdomsverksamhet."),
                ("criteria", ""),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text());
    let href = made.location.clone().unwrap();
    let id = id_from(&href);
    assert_eq!(href, format!("/sala/bidrag/{id}"));

    // A draft: the coordinator sees it with its default rules, the public does not.
    let page = coordinator.get(&href).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Aktivitetsstöd (inte publicerat)"), "{text}");
    assert!(
        text.contains("Deltagare 7–9 år (räknat på kalenderår): 7,86 kr per deltagartillfälle, högst 3 per vecka."),
        "{text}"
    );
    assert!(text.contains("21 kr per sammankomst som räknas."), "{text}");
    assert!(text.contains("Högst 20 deltagare per ledare."), "{text}");
    assert!(text.contains("En styrelse med minst 3 ledamöter."), "{text}");
    assert_eq!(public.get(&href).await.status, 404);
    assert!(!public.get("/sala/bidrag").await.text().contains("Aktivitetsstöd"));
    assert!(coordinator
        .get("/sala/bidrag")
        .await
        .text()
        .contains("Aktivitetsstöd (inte publicerat)"));

    // The same name twice is refused.
    let again = coordinator
        .submit(
            "/sala/bidrag/ny",
            "/sala/bidrag/ny",
            &[("kind", "start"), ("name", "Aktivitetsstöd")],
        )
        .await;
    assert_eq!(again.status, 422);
    assert!(again.text().contains("Kommunen har redan ett bidrag med det namnet."));
    assert_eq!(programmes_in(&app).await, 1);

    // A period whose deadline is before it opens comes back; a right one is added.
    let periods = format!("/sala/bidrag/{id}/perioder");
    let fields = |deadline: &'static str| {
        vec![
            ("name", "Våren 2027"),
            ("starts_on", "2027-01-01"),
            ("ends_on", "2027-06-30"),
            ("opens_on", "2027-07-01"),
            ("deadline", deadline),
            ("budget", "1 500 000"),
        ]
    };
    let wrong = coordinator.submit(&href, &periods, &fields("2027-06-01")).await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong.text().contains("Datumet kommer före det datum det ska följa."),
        "{}",
        wrong.text()
    );
    let added = coordinator.submit(&href, &periods, &fields("2027-08-25")).await;
    assert_eq!(added.status, 303);
    let twice = coordinator.submit(&href, &periods, &fields("2027-08-25")).await;
    assert_eq!(twice.status, 422);
    assert!(twice.text().contains("Bidraget har redan en period med det namnet."));

    // Published: everyone sees it, with the period's deadline and budget.
    let publish = coordinator
        .submit(&href, &format!("/sala/bidrag/{id}/publicera"), &[("published", "1")])
        .await;
    assert_eq!(publish.status, 303);
    let list = public.get("/sala/bidrag").await;
    assert_eq!(list.status, 200);
    let text = list.text();
    assert!(text.contains("Aktivitetsstöd"), "{text}");
    assert!(!text.contains("inte publicerat"), "{text}");
    assert!(text.contains("2027-08-25 (öppnar senare)"), "{text}");
    assert!(text.contains("1 500 000 kr"), "{text}");
    // Thousands and the unit apart by non-breaking spaces, as Swedish writes amounts.
    assert!(
        list.body.contains(&format!("1{NBSP}500{NBSP}000{NBSP}kr")),
        "{}",
        list.body
    );
    let page = public.get(&href).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Stöd till barn- och ungdomsverksamhet."));
    assert!(!page.body.contains("/perioder"), "the public gets no period form");

    let (status, json) = public.get_json("/api/v1/sala/grants/programmes").await;
    assert_eq!(status, 200);
    let p = &json["programmes"][0];
    assert_eq!(p["kind"], "activity");
    assert_eq!(p["name"], "Aktivitetsstöd");
    assert_eq!(p["rules"]["kind"], "activity");
    assert_eq!(p["rules"]["min_minutes"], 45);
    assert_eq!(p["periods"][0]["deadline"], "2027-08-25");
    assert_eq!(p["periods"][0]["budget_ore"], 150_000_000);
    assert_eq!(json["programmes"].as_array().unwrap().len(), 1);

    // Withdrawn from the public again.
    coordinator
        .submit(&href, &format!("/sala/bidrag/{id}/publicera"), &[("published", "0")])
        .await;
    assert_eq!(public.get(&href).await.status, 404);
    app.stop().await;
}

async fn a_period_opens_and_closes_with_the_clock(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = published(&app, sala, "Aktivitetsstöd").await;
    let public = app.client();
    let href = format!("/sala/bidrag/{id}");
    let state_on = |y, m, d, h| Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap();

    assert!(public.get(&href).await.text().contains("(öppnar senare)"));
    // 00:30 Swedish summer time on 1 July is still 30 June in UTC: open by the Swedish date.
    app.clock.set(state_on(2027, 6, 30, 22) + chrono::Duration::minutes(30));
    let page = public.get(&href).await;
    assert!(
        page.text().contains("(öppen för ansökningar)"),
        "{} {}",
        page.status,
        page.text()
    );
    // The whole deadline day, to 23:59 in Sweden.
    app.clock.set(state_on(2027, 8, 25, 21) + chrono::Duration::minutes(59));
    assert!(public.get(&href).await.text().contains("(öppen för ansökningar)"));
    app.clock.set(state_on(2027, 8, 25, 22));
    assert!(public.get(&href).await.text().contains("(stängd)"));
    app.stop().await;
}

async fn roles_and_municipalities_are_kept_apart(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let id = published(&app, sala, "Lokalbidrag").await;
    let fields = [("kind", "start"), ("name", "Startbidrag")];

    // Nobody signed in is asked to log in; a representative and another municipality's
    // coordinator are refused, and nothing is made.
    let anonymous = app.client();
    let login = anonymous.get("/sala/bidrag/ny").await;
    assert_eq!(login.status, 303);
    assert!(
        login.location.as_deref().is_some_and(|l| l.contains("logga-in")),
        "{:?}",
        login.location
    );
    let (rep, _) = app
        .representative_client("isa@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    assert_eq!(rep.get("/sala/bidrag/ny").await.status, 403);
    let orebro = app.coordinator("orebro").await;
    assert_eq!(orebro.get("/sala/bidrag/ny").await.status, 403);
    let posted = orebro.submit("/orebro/bidrag/ny", "/sala/bidrag/ny", &fields).await;
    assert_eq!(posted.status, 403);
    let period = orebro
        .submit(
            "/orebro/bidrag/ny",
            &format!("/sala/bidrag/{id}/perioder"),
            &[("name", "Hösten"), ("budget", "1")],
        )
        .await;
    assert_eq!(period.status, 403);
    assert_eq!(programmes_in(&app).await, 1);

    // Sala's programme does not exist under Örebro, not even for Örebro's coordinator.
    assert_eq!(orebro.get(&format!("/orebro/bidrag/{id}")).await.status, 404);
    let publish = orebro
        .submit(
            "/orebro/bidrag/ny",
            &format!("/orebro/bidrag/{id}/publicera"),
            &[("published", "0")],
        )
        .await;
    assert_eq!(publish.status, 404);
    let (_, json) = orebro.get_json("/api/v1/orebro/grants/programmes").await;
    assert_eq!(json["programmes"].as_array().unwrap().len(), 0);
    assert_eq!(anonymous.get(&format!("/sala/bidrag/{id}")).await.status, 200);
    assert_eq!(anonymous.get("/sala/bidrag/abc").await.status, 404);
    assert_eq!(anonymous.get("/sala/bidrag/999999").await.status, 404);
    app.stop().await;
}

both!(
    the_coordinator_makes_a_programme_that_the_public_sees_once_published,
    a_period_opens_and_closes_with_the_clock,
    roles_and_municipalities_are_kept_apart,
);
