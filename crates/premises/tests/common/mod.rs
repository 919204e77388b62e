//! Helpers shared by the premises' tests.

use platform::auth::RoleKind;
use platform::features::Feature;
use platform::{MunicipalityId, OrganisationId};
use premises::domain::{Equipment, Hours, Mode, Prices};
pub use premises::ids::{PremisesId, RoomId};
use premises::inventory::store::{self, PremisesInput, RoomInput};
use testkit::{Client, TestApp, PASSWORD};

/// A signed-in client for a new account with this role in the municipality.
pub async fn signed_in(app: &TestApp, email: &str, role: RoleKind, slug: &str) -> Client {
    app.user(email, Some((role, Some(slug)))).await;
    let c = app.client();
    c.login(email, PASSWORD).await;
    c
}

/// A signed-in representative of an organisation. Returns (client, organisation id).
pub async fn representative(app: &TestApp, email: &str, slug: &str, organisation: &str) -> (Client, OrganisationId) {
    let (_, org) = app.representative(email, slug, organisation).await;
    let c = app.client();
    c.login(email, PASSWORD).await;
    (c, org)
}

/// Open every day from 00:00 to 24:00 (the tests choose any time).
pub fn all_day() -> Hours {
    Hours([Some((0, 1440)); 7])
}

pub struct RoomSpec {
    pub mode: Mode,
    pub buffer: i64,
    pub capacity: i64,
    pub hours: Hours,
    pub organisation: Option<OrganisationId>,
}

impl Default for RoomSpec {
    fn default() -> Self {
        RoomSpec {
            mode: Mode::Instant,
            buffer: 0,
            capacity: 40,
            hours: all_day(),
            organisation: None,
        }
    }
}

/// Sala's Täljstenen with one room as specified (stored directly). Returns (premises, room).
pub async fn room(app: &TestApp, municipality: MunicipalityId, name: &str, spec: RoomSpec) -> (PremisesId, RoomId) {
    let db = &app.state.db;
    let now = app.state.now();
    let p = store::save_premises(
        db,
        municipality,
        None,
        &PremisesInput {
            organisation_id: spec.organisation,
            name: format!("{name} (lokal)"),
            address: "Vasagatan 17, 733 38 Sala".into(),
            area: "Sala tätort".into(),
            contact_email: "lokaler@sala.example".into(),
            ..PremisesInput::default()
        },
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let r = store::save_room(
        db,
        municipality,
        p,
        None,
        &RoomInput {
            name: name.into(),
            capacity: spec.capacity,
            equipment: Equipment::Projector.bit() | Equipment::Wifi.bit(),
            access: premises::domain::feature_bit(Feature::HearingLoop)
                | premises::domain::feature_bit(Feature::StepFree),
            mode: Some(spec.mode),
            buffer_minutes: spec.buffer,
            prices: Prices {
                association: Some(0),
                private: Some(200),
                company: Some(500),
            },
            hours: spec.hours,
            ..RoomInput::default()
        },
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    (p, r)
}

/// Book through the form: (date, from, to, people, booker, repeat until, exceptions).
pub async fn book(c: &Client, slug: &str, room: RoomId, fields: &[(&str, &str)]) -> testkit::Page {
    let path = format!("/{slug}/lokaler/rum/{room}/boka");
    c.submit(&path, &path, fields).await
}

/// A private person's single booking.
pub async fn book_private(c: &Client, room: RoomId, date: &str, from: &str, to: &str) -> testkit::Page {
    book(
        c,
        "sala",
        room,
        &[
            ("datum", date),
            ("fran", from),
            ("till", to),
            ("personer", "10"),
            ("bokare", "private"),
            ("namn", "Anna Berg"),
        ],
    )
    .await
}

/// A company's single booking (not bound by a private person's limits).
pub async fn book_company(c: &Client, room: RoomId, date: &str, from: &str, to: &str) -> testkit::Page {
    book(
        c,
        "sala",
        room,
        &[
            ("datum", date),
            ("fran", from),
            ("till", to),
            ("personer", "10"),
            ("bokare", "company"),
            ("namn", "Berg AB"),
        ],
    )
    .await
}

/// The active bookings of a room: (start, end, end of block), by start.
pub async fn active(app: &TestApp, room: RoomId) -> Vec<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT starts_at, ends_at, blocks_until FROM premises_bookings \
         WHERE room_id = $1 AND status IN ('requested', 'confirmed') ORDER BY starts_at",
    )
    .bind(room)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

/// Unix seconds of a local (Stockholm) date and time.
pub fn at(date: &str, time: &str) -> i64 {
    premises::domain::local(
        premises::domain::parse_date(date).unwrap(),
        premises::domain::minutes(time).unwrap(),
    )
    .unwrap()
}
