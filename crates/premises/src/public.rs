//! What other capabilities may ask of the premises: small functions taking the municipality,
//! returning plain structs. The only way into its tables from outside.

pub use crate::ids::RoomId;
use platform::db::Db;
use platform::features::Feature;
use platform::MunicipalityId;

/// A room as a place for something another capability arranges (a meeting, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Room {
    pub id: RoomId,
    pub name: String,
    pub premises: String,
    pub address: String,
    pub features: Vec<Feature>,
}

impl Room {
    /// "Föreläsningssalen, Täljstenen, Vasagatan 17, 733 38 Sala".
    pub fn place(&self) -> String {
        [self.name.as_str(), self.premises.as_str(), self.address.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

type Row = (RoomId, String, String, String, i64);

fn room((id, name, premises, address, access): Row) -> Room {
    Room {
        id,
        name,
        premises,
        address,
        features: crate::domain::features_of_bits(access),
    }
}

/// The municipality's rooms in use (not retired), by premises and then by room.
pub async fn rooms(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Room>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, r.name, p.name, p.address, r.access FROM premises_rooms r JOIN premises p ON p.id = r.premises_id \
         WHERE r.municipality_id = $1 AND r.retired_at IS NULL AND p.retired_at IS NULL \
         ORDER BY p.name, r.sort_key, r.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(room).collect())
}

/// One room of the municipality, if it is one.
pub async fn room_of(db: &Db, municipality_id: MunicipalityId, id: RoomId) -> Result<Option<Room>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT r.id, r.name, p.name, p.address, r.access FROM premises_rooms r JOIN premises p ON p.id = r.premises_id \
         WHERE r.municipality_id = $1 AND r.id = $2",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(room))
}

/// A booking its booker marked public, as the shared event calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicBooking {
    pub id: i64,
    pub title: String,
    pub room: Room,
    /// The premises' area (district), "" when none was given.
    pub area: String,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// A room's public page, `/{slug}/lokaler/rum/{id}`.
pub fn room_path(slug: &str, id: RoomId) -> String {
    format!("/{slug}/lokaler/rum/{id}")
}

/// The municipality's confirmed bookings marked public that overlap `from..to` (unix seconds),
/// earliest first. Private bookings, requests and cancelled ones never. One query.
pub async fn calendar(
    db: &Db,
    municipality_id: MunicipalityId,
    from: i64,
    to: i64,
) -> Result<Vec<PublicBooking>, sqlx::Error> {
    type Row = (i64, String, i64, i64, RoomId, String, String, String, i64, String);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT b.id, b.public_title, b.starts_at, b.ends_at, r.id, r.name, p.name, p.address, r.access, p.area \
         FROM premises_bookings b JOIN premises_rooms r ON r.id = b.room_id JOIN premises p ON p.id = r.premises_id \
         WHERE b.municipality_id = $1 AND b.public_title IS NOT NULL AND b.status = 'confirmed' \
         AND b.starts_at < $3 AND b.ends_at > $2 ORDER BY b.starts_at, b.id",
    )
    .bind(municipality_id)
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, starts_at, ends_at, room_id, name, premises, address, access, area)| PublicBooking {
                id,
                title,
                area,
                room: room((room_id, name, premises, address, access)),
                starts_at,
                ends_at,
            },
        )
        .collect())
}

/// A room in use with its premises, as `/api/v1/{slug}/premises` shows it: the open-data
/// download of the premises (no contact address).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomFacts {
    pub id: RoomId,
    pub name: String,
    pub premises: String,
    /// The lending association's name, or '' for the municipality's own premises.
    pub owner: String,
    pub address: String,
    pub area: String,
    pub capacity: i64,
    /// `Equipment::code` of each piece.
    pub equipment: Vec<&'static str>,
    pub features: Vec<Feature>,
    /// `instant` or `request`.
    pub booking_mode: String,
    /// The later of the room's and its premises' last change, unix seconds.
    pub updated_at: i64,
    /// The room's page, `/{slug}/lokaler/rum/{id}`.
    pub path: String,
}

/// The municipality's rooms in use, by premises and then by room (one query).
pub async fn room_facts(db: &Db, municipality_id: MunicipalityId, slug: &str) -> Result<Vec<RoomFacts>, sqlx::Error> {
    type Row = (
        RoomId,
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        String,
        i64,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, r.name, p.name, COALESCE(o.name, ''), p.address, p.area, r.capacity, r.equipment, r.access, \
         r.booking_mode, r.updated_at, p.updated_at FROM premises_rooms r JOIN premises p ON p.id = r.premises_id \
         LEFT JOIN organisations o ON o.id = p.organisation_id \
         WHERE r.municipality_id = $1 AND r.retired_at IS NULL AND p.retired_at IS NULL \
         ORDER BY p.name, r.sort_key, r.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                name,
                premises,
                owner,
                address,
                area,
                capacity,
                equipment,
                access,
                booking_mode,
                room_at,
                premises_at,
            )| {
                RoomFacts {
                    path: format!("/{slug}/lokaler/rum/{id}"),
                    id,
                    name,
                    premises,
                    owner,
                    address,
                    area,
                    capacity,
                    equipment: crate::domain::Equipment::of_bits(equipment)
                        .into_iter()
                        .map(|e| e.code())
                        .collect(),
                    features: crate::domain::features_of_bits(access),
                    booking_mode,
                    updated_at: room_at.max(premises_at),
                }
            },
        )
        .collect())
}

/// The areas (districts) the municipality's premises in use are in, as their owners wrote them,
/// in Swedish order; none empty. The shared event calendar's area filter offers these.
pub async fn areas(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT area FROM premises WHERE municipality_id = $1 AND retired_at IS NULL AND area <> ''",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v: Vec<String> = rows.into_iter().map(|r| r.0.trim().to_string()).collect();
    v.sort_by(|a, b| platform::rules::swedish_cmp(a, b));
    v.dedup();
    Ok(v)
}
