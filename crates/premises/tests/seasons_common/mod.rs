//! Helpers shared by the seasons' HTTP and browser tests.

use platform::auth::RoleKind;
use platform::MunicipalityId;
use premises::domain::{Hours, Mode, Prices};
use premises::inventory::store::{PremisesInput, RoomInput};
use testkit::{Client, TestApp, PASSWORD};

pub struct Sala {
    pub id: MunicipalityId,
    pub room: premises::ids::RoomId,
    pub staff: Client,
    pub season: i64,
}

pub async fn login(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    c.login(email, PASSWORD).await;
    c
}

/// Sala with Täljstenen's Stora salen (40 people, open 08–22 every day, booked on request),
/// an association's own premises, a staff member and the spring season 2027.
pub async fn sala(app: &TestApp) -> Sala {
    let id = app.municipality("sala", "Sala kommun").await;
    let db = &app.state.db;
    let now = app.state.now();
    let premises = premises::inventory::store::save_premises(
        db,
        id,
        None,
        &PremisesInput {
            name: "Täljstenen".into(),
            address: "Vasagatan 17, Sala".into(),
            ..Default::default()
        },
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let room = premises::inventory::store::save_room(
        db,
        id,
        premises,
        None,
        &RoomInput {
            name: "Stora salen".into(),
            capacity: 40,
            mode: Some(Mode::Request),
            prices: Prices {
                association: Some(0),
                ..Default::default()
            },
            hours: Hours([Some((480, 1320)); 7]),
            ..Default::default()
        },
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    app.user("lokaler@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let staff = login(app, "lokaler@sala.example").await;
    let created = staff
        .submit(
            "/sala/lokaler/sasong",
            "/sala/lokaler/sasong",
            &[
                ("name", "Vårsäsong 2027"),
                ("first_date", "2027-01-11"),
                ("last_date", "2027-03-28"),
                ("apply_until", "2026-12-15"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.text());
    let season = created.location.unwrap().rsplit('/').next().unwrap().parse().unwrap();
    Sala {
        id,
        room,
        staff,
        season,
    }
}

/// A representative of the organisation applies; returns the page after posting.
#[allow(clippy::too_many_arguments)]
pub async fn apply(
    c: &Client,
    s: &Sala,
    weekday: &str,
    start: &str,
    end: &str,
    group: &str,
    attendees: &str,
    email: &str,
) -> testkit::Page {
    let path = format!("/sala/lokaler/sasong/{}/ansok", s.season);
    let form = c.get(&path).await;
    assert_eq!(form.status, 200, "{}", form.text());
    // The organisation is the one preselected (the representative's only one).
    let org = form
        .body
        .split("name=\"organisation\"")
        .nth(1)
        .and_then(|r| r.split("value=\"").nth(1))
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let room = s.room.to_string();
    let token = form.csrf();
    c.post_raw(
        &path,
        &[
            ("_csrf", token.as_str()),
            ("organisation", org.as_str()),
            ("room", room.as_str()),
            ("weekday", weekday),
            ("start", start),
            ("end", end),
            ("target_group", group),
            ("attendees", attendees),
            ("email", email),
            ("note", ""),
        ],
    )
    .await
}

pub async fn application_id(app: &TestApp, booker: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM premises_applications WHERE booker_name = $1")
        .bind(booker)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

pub async fn representative(app: &TestApp, email: &str, org: &str) -> Client {
    app.representative(email, "sala", org).await;
    login(app, email).await
}
