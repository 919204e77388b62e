//! The start pages (issue 16): the platform's front page counts each municipality's
//! associations, signatories and meetings held; a municipality's start page shows what is
//! happening there, each panel from its capability, and nothing of another municipality.

use chrono::{TimeZone, Utc};
use platform::MunicipalityId;
use testkit::{both, Backend, TestApp};

async fn count(app: &TestApp, sql: &str, m: MunicipalityId) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(m).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

/// The part of `text` from `from` to the first `to` after it.
fn part<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("{from} is missing: {text}"));
    let rest = &text[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

async fn the_start_pages_say_what_is_happening(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let anon = app.client();
    let sala = app.municipality_id("sala").await;
    let orebro = app.municipality_id("orebro").await;

    // The front page: each municipality's counts, computed here from the tables.
    let front = anon.get("/").await;
    assert_eq!(front.status, 200);
    let text = front.body.clone();
    for (slug, m) in [("sala", sala), ("orebro", orebro)] {
        let orgs = count(&app, "SELECT COUNT(*) FROM organisations WHERE municipality_id = $1", m).await;
        let signed = count(
            &app,
            "SELECT COUNT(*) FROM signatures WHERE municipality_id = $1 AND withdrawn_at IS NULL",
            m,
        )
        .await;
        let held: (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM meetings_meetings WHERE municipality_id = $1 AND cancelled_at IS NULL AND ends_at <= $2",
        )
        .bind(m)
        .bind(app.state.now())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        let card = part(&text, &format!("href=\"/{slug}/\""), "\n  </li>");
        assert!(orgs > 1 && signed > 1 && held.0 > 1, "{slug}: {orgs} {signed} {held:?}");
        for want in [
            format!("{orgs} föreningar"),
            format!("{signed} undertecknare"),
            format!("{} möten hållna", held.0),
        ] {
            assert!(card.contains(&want), "{slug}: {want} in {card}");
        }
    }

    // Sala today (the test's clock, 2026): no meeting is coming; the latest minutes are
    // Dialogmöte 5's, with a badge naming 2018; new signatories are Sala's only.
    let home = anon.get("/sala/").await;
    assert_eq!(home.status, 200);
    let text = home.body.clone();
    let coming = part(&text, "Kommande möten", "</section>");
    assert!(coming.contains("Inga möten är utlysta just nu."), "{coming}");
    let minutes = part(&text, "Senaste protokoll", "</section>");
    assert!(minutes.contains("Dialogmöte 5 - Handlingsplan"), "{minutes}");
    assert!(minutes.contains("datetime=\"2018-05-14\""), "{minutes}");
    assert!(
        minutes.contains("<span class=\"date-badge__year\">2018</span>"),
        "{minutes}"
    );
    let signatories = part(&text, "Nya undertecknare", "</section>");
    assert!(signatories.contains("Salabostäder AB"), "{signatories}");
    let total = count(
        &app,
        "SELECT COUNT(*) FROM signatures WHERE municipality_id = $1 AND withdrawn_at IS NULL",
        sala,
    )
    .await;
    assert!(
        signatories.contains(&format!("Hela listan ({total} undertecknare)")),
        "{signatories}"
    );
    assert!(!anon.get("/orebro/").await.body.contains("Salabostäder AB"));

    // The nearest application deadline of Sala's published grants, found here, is shown first.
    let (deadline, period): (String, i64) = sqlx::query_as(
        "SELECT d.deadline, d.id FROM grants_periods d JOIN grants_programmes p ON p.id = d.programme_id \
         WHERE d.municipality_id = $1 AND p.published = 1 AND d.deadline >= $2 ORDER BY d.deadline, p.name, d.id",
    )
    .bind(sala)
    .bind(platform::format::date(app.state.now()))
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let deadlines = part(&text, "Sista ansökningsdag", "</section>");
    let first = part(deadlines, "<time", "</li>");
    assert!(
        first.contains(&format!("datetime=\"{deadline}\"")),
        "{deadline} in {deadlines}"
    );
    assert!(
        deadlines.contains(&format!("/sala/bidrag/ansok/{period}")),
        "{deadlines}"
    );

    // The plan's progress: the first principle's row holds the statuses of the activities of
    // the area named after it (seed 003's "Nr 1 Självständighet"), counted here.
    let statuses: Vec<(String, i64)> = sqlx::query_as(
        "SELECT a.status, COUNT(*) FROM actionplan_activities a JOIN actionplan_goals g ON g.id = a.goal_id \
         JOIN actionplan_areas ar ON ar.id = g.area_id WHERE a.municipality_id = $1 AND ar.number = 1 \
         AND ar.plan_id = (SELECT MAX(p.id) FROM actionplan_plans p WHERE p.municipality_id = $1) GROUP BY a.status",
    )
    .bind(sala)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let of = |s: &str| statuses.iter().find(|(k, _)| k == s).map_or(0, |(_, n)| *n);
    assert!(of("done") > 0 && of("ongoing") > 0, "{statuses:?}");
    let cells = format!(
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        of("done"),
        of("ongoing"),
        of("not_started"),
        of("paused")
    );
    let row = part(&text, "1. Självständighet och oberoende</a>", "</tr>");
    assert!(row.contains(&cells), "{cells} in {row}");
    assert!(text.contains("Aktiviteter per princip"), "{text}");

    // Before Dialogmöte 6 (2018-09-20, registration until 09-18), it is coming, with its
    // registration link.
    app.clock
        .set(Utc.with_ymd_and_hms(2018, 9, 1, 10, 0, 0).single().unwrap());
    let (six,): (i64,) = sqlx::query_as(
        "SELECT id FROM meetings_meetings WHERE municipality_id = $1 AND title = 'Dialogmöte 6, arbete med handlingsplan'",
    )
    .bind(sala)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let text = anon.get("/sala/").await.body;
    let coming = part(&text, "Kommande möten", "</section>");
    assert!(coming.contains("Dialogmöte 6, arbete med handlingsplan"), "{coming}");
    assert!(
        coming.contains(&format!("href=\"/sala/moten/{six}/anmalan\"")),
        "{coming}"
    );
    assert!(
        coming.contains(">20</span> <span class=\"date-badge__month\">sep</span>"),
        "{coming}"
    );
    // After its deadline the meeting is still coming, but without the registration link.
    app.clock
        .set(Utc.with_ymd_and_hms(2018, 9, 19, 10, 0, 0).single().unwrap());
    let text = anon.get("/sala/").await.body;
    let coming = part(&text, "Kommande möten", "</section>");
    assert!(coming.contains("Dialogmöte 6, arbete med handlingsplan"), "{coming}");
    assert!(!coming.contains("/anmalan"), "{coming}");
    app.stop().await;
}

both!(the_start_pages_say_what_is_happening);

/// The breadcrumbs' texts, in order, and which one is this page.
fn crumbs(html: &str) -> Vec<(String, bool)> {
    let nav = part(html, "<nav class=\"ds-breadcrumbs", "</nav>");
    let list = part(nav, "<ol>", "</ol>");
    list.split("<li>")
        .skip(1)
        .map(|li| {
            let text = li
                .split('>')
                .nth(1)
                .unwrap_or_default()
                .split('<')
                .next()
                .unwrap_or_default();
            (text.to_string(), li.contains("aria-current=\"page\""))
        })
        .collect()
}

fn description(html: &str) -> String {
    let tag = part(html, "<meta name=\"description\" content=\"", "\">");
    tag.trim_start_matches("<meta name=\"description\" content=\"")
        .to_string()
}

/// Every page below a start page says where it is (the municipality, its section, the pages
/// between), and pages that are shared say what they are about, from their own content.
async fn pages_say_where_they_are_and_what_they_are_about(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let anon = app.client();
    let sala = app.municipality_id("sala").await;
    let (meeting, title, place): (i64, String, String) = sqlx::query_as(
        "SELECT id, title, place FROM meetings_meetings WHERE municipality_id = $1 ORDER BY starts_at DESC LIMIT 1",
    )
    .bind(sala)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();

    // A start page has no breadcrumbs; a section's list has the municipality and itself.
    assert!(!anon.get("/sala/").await.body.contains("ds-breadcrumbs"));
    let list = anon.get("/sala/moten").await;
    assert_eq!(
        crumbs(&list.body),
        [
            ("Sala".to_string(), false),
            ("Dialogmöten och samverkansråd".to_string(), true)
        ]
    );
    assert_eq!(
        description(&list.body),
        "Dialogmöten mellan Sala kommun och föreningslivet: kommande möten, anmälan, inbjudningar och protokoll."
    );

    // A meeting's registration page: the meeting stands between the section and the page.
    let reg = anon.get(&format!("/sala/moten/{meeting}/anmalan")).await;
    assert_eq!(reg.status, 200);
    let c = crumbs(&reg.body);
    assert_eq!(c.len(), 4, "{c:?}");
    assert_eq!(c[1], ("Möten".to_string(), false));
    assert_eq!(c[2], (title.clone(), false));
    assert!(c[3].1 && c[3].0.contains(&title), "{c:?}");
    // The phone's back link leads to the meeting.
    assert!(reg.body.contains(&format!(
        "<a class=\"ds-link\" href=\"/sala/moten/{meeting}\"><span class=\"ds-sr-only\">Tillbaka till </span>"
    )));

    // The meeting's page describes it by its time and place.
    let page = anon.get(&format!("/sala/moten/{meeting}")).await;
    assert!(description(&page.body).contains(&place), "{}", description(&page.body));

    // An association's page by its mission.
    let (org, mission): (i64, String) = sqlx::query_as(
        "SELECT organisation_id, mission FROM registry_profiles WHERE municipality_id = $1 AND mission <> '' ORDER BY organisation_id LIMIT 1",
    )
    .bind(sala)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let profile = anon.get(&format!("/sala/foreningar/{org}")).await;
    let first_words: String = mission.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(
        description(&profile.body).starts_with(&first_words),
        "{}",
        description(&profile.body)
    );

    // An error page has none.
    let missing = anon.get("/sala/moten/999999").await;
    assert_eq!(missing.status, 404);
    assert!(!missing.body.contains("ds-breadcrumbs"));
    app.stop().await;
}
both!(pages_say_where_they_are_and_what_they_are_about);

/// The start pages with the demo's data, on a desktop and a 390 px phone, in Swedish and
/// English: no axe-core violations (the chart's colours, the date badges, the cards).
async fn start_pages_have_no_accessibility_violations(backend: Backend) {
    use testkit::browser::{Browser, Findings};
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    // Before Dialogmöte 6, so that a coming meeting with its registration link is shown.
    app.clock
        .set(Utc.with_ymd_and_hms(2018, 9, 1, 10, 0, 0).single().unwrap());
    let browser = Browser::start().await;
    let mut found = Findings::default();
    for (width, height) in [(1280, 1000), (390, 844)] {
        browser
            .client()
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        found.visit(&browser, &app, "/", "Sala").await;
        found.visit(&browser, &app, "/sala/", "Anmäl dig").await;
        found.visit(&browser, &app, "/orebro/", "Örebro").await;
    }
    browser.switch_language("English").await;
    found.visit(&browser, &app, "/sala/", "Coming meetings").await;
    found.visit(&browser, &app, "/", "associations").await;
    browser.close().await;
    found.assert_none();
    app.stop().await;
}

testkit::browser!(start_pages_have_no_accessibility_violations);
