//! Helpers shared by the meetings' tests.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use meetings::domain::MeetingForm;
use meetings::ids::{MeetingId, SeriesId};
use platform::auth::RoleKind;
use platform::MunicipalityId;
use testkit::{Client, TestApp, PASSWORD};

pub async fn coordinator(app: &TestApp, slug: &str) -> Client {
    let email = format!("samordnare@{slug}.example");
    app.user(&email, Some((RoleKind::Coordinator, Some(slug)))).await;
    let c = app.client();
    c.login(&email, PASSWORD).await;
    c
}

/// Dialogmöte 6 as in seed 001, moved to December 2026 (the tests' clock starts 2026-11-23).
pub fn meeting_six(series: SeriesId, capacity: &str) -> MeetingForm {
    MeetingForm {
        series: series.to_string(),
        number: "6".into(),
        title: "Dialogmöte 6, arbete med handlingsplan".into(),
        theme: "Nu ska vi bilda arbetsgrupper och börja arbeta med handlingsplanen.".into(),
        date: "2026-12-10".into(),
        gathering: "18:30".into(),
        gathering_text: "fika (kaffe/the och smörgås)".into(),
        start: "19:00".into(),
        end: "21:00".into(),
        place: "Täljstenen, Vasagatan 17, 733 38 Sala".into(),
        accessibility: "Lokalen ligger i markplan. Handikapptoalett finns. Hörslinga finns i föreläsningssalen.".into(),
        agenda: "Välkommen\nArbetsgrupper per princip\nÅtersamling".into(),
        contacts: "Jane Allansson, jane.allansson@sala.se, tfn 0224-74 70 13".into(),
        capacity: capacity.into(),
        deadline: "2026-12-08".into(),
        consent_text:
            "Anmälan innebär godkännande av att lämnade kontaktuppgifter registreras för deltagar- och kontaktlista."
                .into(),
        invitation_text: "Välkommen till dialogmöte nr 6!".into(),
        room: String::new(),
    }
}

/// Sala with a series and meeting 6 (stored directly). Returns (municipality id, meeting id).
pub async fn sala_with_meeting(app: &TestApp, capacity: &str) -> (MunicipalityId, MeetingId) {
    let sala = app.municipality("sala", "Sala kommun").await;
    let db = &app.state.db;
    let now = app.state.now();
    let series =
        meetings::store::create_series(db, sala, "Tillsammans för framtidens Sala – dialogmöten", "", None, now)
            .await
            .unwrap();
    let input = meeting_six(series, capacity).check(&[series]).unwrap();
    let id = meetings::store::save_meeting(db, sala, None, &input, None, now)
        .await
        .unwrap()
        .unwrap();
    (sala, id)
}

pub fn person<'a>(name: &'a str, email: &'a str, party: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("organisation", "IKS, Ideell Kultur i Sala"),
        ("party", party),
        ("dietary", "Vegetariskt"),
        ("accessibility", ""),
        ("consent", "on"),
    ]
}

/// Register through the public form and, as the person would, open the confirmation link
/// mailed to the address and confirm (the mail is taken from the queue unsent, so the tests'
/// outboxes hold what they did before). Returns the page after confirming, or the form's
/// answer when there was nothing to confirm (a signed-in person's own address, an error).
pub async fn register(
    app: &TestApp,
    c: &Client,
    meeting: MeetingId,
    name: &str,
    email: &str,
    party: &str,
) -> testkit::Page {
    register_with(app, c, meeting, &person(name, email, party)).await
}

/// As [`register`], with the form's fields as given (`email` among them).
pub async fn register_with(app: &TestApp, c: &Client, meeting: MeetingId, fields: &[(&str, &str)]) -> testkit::Page {
    let email = fields.iter().find(|f| f.0 == "email").map(|f| f.1).unwrap_or_default();
    let path = format!("/sala/moten/{meeting}/anmalan");
    let answer = c.submit(&path, &path, fields).await;
    if answer.status != 200 || answer.body.contains("/avanmalan/") {
        return answer;
    }
    let queued: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, payload FROM jobs WHERE kind = 'email' AND status = 'pending' ORDER BY id DESC")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let found = queued.into_iter().find_map(|(id, payload)| {
        let mail: serde_json::Value = serde_json::from_str(&payload).ok()?;
        if !mail["to"].as_str()?.eq_ignore_ascii_case(email) {
            return None;
        }
        let body = mail["body"].as_str()?;
        let at = body.find("/sala/moten/bekrafta/")?;
        Some((
            id,
            body[at..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect::<String>(),
        ))
    });
    // No link: the address was already registered (its owner got a mail saying so).
    let Some((id, link)) = found else {
        return answer;
    };
    sqlx::query("DELETE FROM jobs WHERE id = $1")
        .bind(id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let page = c.get(&link).await;
    c.post_raw(&link, &[("_csrf", page.csrf().as_str())]).await
}

/// The cancellation link (a path) on a page or in a mail.
pub fn cancel_path(text: &str) -> String {
    let at = text.find("/sala/moten/avanmalan/").expect("a cancellation link");
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-_".contains(*c))
        .collect()
}

pub async fn statuses(app: &TestApp, meeting: MeetingId) -> (i64, i64, i64) {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM meetings_registrations WHERE meeting_id = $1 GROUP BY status")
            .bind(meeting)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let n = |s: &str| rows.iter().find(|r| r.0 == s).map(|r| r.1).unwrap_or(0);
    (n("confirmed"), n("waiting"), n("cancelled"))
}

/// Calendars read back with a real iCalendar parser (`parse_ics` panics when one is not valid).
pub use testkit::ics::{assert_stockholm_zone, local_time, parse as parse_ics, prop};

/// The bytes of a file the coordinator downloads (a client of its own, logged in).
pub async fn coordinator_bytes(app: &TestApp, slug: &str, path: &str) -> Vec<u8> {
    let c = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let login = c
        .get(app.url("/konto/logga-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = testkit::csrf_token(&login).unwrap();
    let email = format!("samordnare@{slug}.example");
    c.post(app.url("/konto/logga-in"))
        .form(&[
            ("_csrf", token.as_str()),
            ("email", &email),
            ("password", PASSWORD),
            ("next", "/konto"),
        ])
        .send()
        .await
        .unwrap();
    let res = c.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    res.bytes().await.unwrap().to_vec()
}

/// One activity in a municipality's action plan (the smallest plan that holds it). Returns its id.
pub async fn activity(app: &TestApp, municipality_id: MunicipalityId, text: &str) -> i64 {
    let pool = &app.state.db.pool;
    let now = app.state.now();
    let (plan,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_plans (municipality_id, title, created_at, updated_at) VALUES ($1, 'Handlingsplan', $2, $2) RETURNING id",
    )
    .bind(municipality_id)
    .bind(now)
    .fetch_one(pool)
    .await
    .unwrap();
    let (area,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_areas (municipality_id, plan_id, number, name, created_at) VALUES ($1, $2, 1, 'Självständighet', $3) RETURNING id",
    )
    .bind(municipality_id)
    .bind(plan)
    .bind(now)
    .fetch_one(pool)
    .await
    .unwrap();
    let (goal,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_goals (municipality_id, area_id, owner, text, position, created_at) VALUES ($1, $2, 'both', 'Mål', 1, $3) RETURNING id",
    )
    .bind(municipality_id)
    .bind(area)
    .bind(now)
    .fetch_one(pool)
    .await
    .unwrap();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO actionplan_activities (municipality_id, goal_id, position, text, created_at, updated_at) VALUES ($1, $2, 1, $3, $4, $4) RETURNING id",
    )
    .bind(municipality_id)
    .bind(goal)
    .bind(text)
    .bind(now)
    .fetch_one(pool)
    .await
    .unwrap();
    id
}
