//! Storage of premises, rooms and photos. Every query names the municipality.

use crate::domain::{Hours, Mode, Prices};
use crate::ids::{PremisesId, RoomId};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{MunicipalityId, OrganisationId};
use sea_query::SimpleExpr;
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

// --- Premises and rooms ---

#[derive(sea_query::Iden)]
#[iden = "premises"]
enum PremisesT {
    Table,
    Id,
    MunicipalityId,
    OrganisationId,
    Name,
    Address,
    Area,
    Description,
    Rules,
    ContactEmail,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "premises_rooms"]
enum Rooms {
    Table,
    Id,
    MunicipalityId,
    PremisesId,
    Name,
    SortKey,
    Capacity,
    Equipment,
    EquipmentNote,
    Access,
    AccessNote,
    BookingMode,
    BufferMinutes,
    PriceAssociation,
    PricePrivate,
    PriceCompany,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "premises_hours"]
enum OpeningHours {
    Table,
    RoomId,
    Weekday,
    Opens,
    Closes,
}

#[derive(sea_query::Iden)]
#[iden = "premises_photos"]
enum Photos {
    Table,
    Id,
    MunicipalityId,
    RoomId,
    ContentType,
    Bytes,
    Alt,
    CreatedAt,
}

#[derive(Clone, Debug)]
pub struct Premises {
    pub id: PremisesId,
    pub organisation_id: Option<OrganisationId>,
    /// The lending organisation's name, or '' for the municipality's own premises.
    pub owner: String,
    pub name: String,
    pub address: String,
    pub area: String,
    pub description: String,
    pub rules: String,
    pub contact_email: String,
}

const PREMISES_COLS: &str = "p.id, p.organisation_id, COALESCE(o.name, ''), p.name, p.address, p.area, \
    p.description, p.rules, p.contact_email";

fn premises_of(r: &AnyRow) -> Result<Premises, sqlx::Error> {
    Ok(Premises {
        id: r.try_get(0)?,
        organisation_id: r.try_get(1)?,
        owner: r.try_get(2)?,
        name: r.try_get(3)?,
        address: r.try_get(4)?,
        area: r.try_get(5)?,
        description: r.try_get(6)?,
        rules: r.try_get(7)?,
        contact_email: r.try_get(8)?,
    })
}

/// All premises of a municipality, by name (Swedish order).
pub async fn premises_all(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Premises>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {PREMISES_COLS} FROM premises p LEFT JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.municipality_id = $1"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v = rows.iter().map(premises_of).collect::<Result<Vec<_>, _>>()?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name));
    Ok(v)
}

pub async fn premises_one(
    db: &Db,
    municipality_id: MunicipalityId,
    id: PremisesId,
) -> Result<Option<Premises>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {PREMISES_COLS} FROM premises p LEFT JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.municipality_id = $1 AND p.id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(premises_of)
    .transpose()
}

/// The distinct areas premises are in, for the search's filter.
pub async fn areas(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT area FROM premises WHERE municipality_id = $1 AND area <> ''")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    let mut v: Vec<String> = rows.into_iter().map(|r| r.0).collect();
    v.sort_by(|a, b| platform::rules::swedish_cmp(a, b));
    Ok(v)
}

#[derive(Clone, Debug, Default)]
pub struct PremisesInput {
    pub organisation_id: Option<OrganisationId>,
    pub name: String,
    pub address: String,
    pub area: String,
    pub description: String,
    pub rules: String,
    pub contact_email: String,
}

/// Create (`id` None) or update premises. Returns the id, or None when `id` is not in the
/// municipality.
pub async fn save_premises(
    db: &Db,
    municipality_id: MunicipalityId,
    id: Option<PremisesId>,
    p: &PremisesInput,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<PremisesId>, sqlx::Error> {
    let saved = db::write(db, now, async |tx| {
        let id = match id {
            None => {
                Insert::into(PremisesT::Table)
                    .set(PremisesT::MunicipalityId, municipality_id)
                    .set(PremisesT::OrganisationId, p.organisation_id)
                    .set(PremisesT::Name, &p.name)
                    .set(PremisesT::Address, &p.address)
                    .set(PremisesT::Area, &p.area)
                    .set(PremisesT::Description, &p.description)
                    .set(PremisesT::Rules, &p.rules)
                    .set(PremisesT::ContactEmail, &p.contact_email)
                    .set(PremisesT::CreatedAt, now)
                    .set(PremisesT::UpdatedAt, now)
                    .returning_id::<PremisesId>(tx)
                    .await?
            }
            Some(id) => {
                let n = Update::table(PremisesT::Table)
                    .set(PremisesT::Name, &p.name)
                    .set(PremisesT::Address, &p.address)
                    .set(PremisesT::Area, &p.area)
                    .set(PremisesT::Description, &p.description)
                    .set(PremisesT::Rules, &p.rules)
                    .set(PremisesT::ContactEmail, &p.contact_email)
                    .set(PremisesT::UpdatedAt, now)
                    .filter(PremisesT::MunicipalityId, municipality_id)
                    .filter(PremisesT::Id, id)
                    .run(tx)
                    .await?;
                if n == 0 {
                    return Err(sqlx::Error::RowNotFound);
                }
                id
            }
        };
        Ok((
            id,
            Change::new(municipality_id, actor, "premises.save", "premises", id, &p.name),
        ))
    })
    .await;
    not_found_as_none(saved)
}

/// `RowNotFound` (the closure's way to roll back when the row is not the municipality's) as None.
fn not_found_as_none<T>(r: Result<T, sqlx::Error>) -> Result<Option<T>, sqlx::Error> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(sqlx::Error::RowNotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

#[derive(Clone, Debug)]
pub struct Room {
    pub id: RoomId,
    pub premises_id: PremisesId,
    pub premises_name: String,
    pub organisation_id: Option<OrganisationId>,
    pub owner: String,
    pub address: String,
    pub area: String,
    pub name: String,
    pub capacity: i64,
    pub equipment: i64,
    pub equipment_note: String,
    pub access: i64,
    pub access_note: String,
    pub mode: Mode,
    pub buffer_minutes: i64,
    pub prices: Prices,
    pub rules: String,
    pub contact_email: String,
    pub hours: Hours,
    /// When the room (or its premises) was retired: no longer searched or booked.
    pub retired_at: Option<i64>,
}

impl Room {
    /// "Stora salen, Täljstenen".
    pub fn full_name(&self) -> String {
        format!("{}, {}", self.name, self.premises_name)
    }
}

pub(crate) const ROOM_COLS: &str =
    "r.id, r.premises_id, p.name, p.organisation_id, COALESCE(o.name, ''), p.address, p.area, \
    r.name, r.capacity, r.equipment, r.equipment_note, r.access, r.access_note, r.booking_mode, r.buffer_minutes, \
    r.price_association, r.price_private, r.price_company, p.rules, p.contact_email, \
    COALESCE(r.retired_at, p.retired_at)";
pub(crate) const ROOM_FROM: &str =
    "premises_rooms r JOIN premises p ON p.id = r.premises_id LEFT JOIN organisations o ON o.id = p.organisation_id";

pub(crate) fn room_of(r: &AnyRow) -> Result<Room, sqlx::Error> {
    let mode: String = r.try_get(13)?;
    Ok(Room {
        id: r.try_get(0)?,
        premises_id: r.try_get(1)?,
        premises_name: r.try_get(2)?,
        organisation_id: r.try_get(3)?,
        owner: r.try_get(4)?,
        address: r.try_get(5)?,
        area: r.try_get(6)?,
        name: r.try_get(7)?,
        capacity: r.try_get(8)?,
        equipment: r.try_get(9)?,
        equipment_note: r.try_get(10)?,
        access: r.try_get(11)?,
        access_note: r.try_get(12)?,
        mode: Mode::parse(&mode).unwrap_or(Mode::Request),
        buffer_minutes: r.try_get(14)?,
        prices: Prices {
            association: r.try_get(15)?,
            private: r.try_get(16)?,
            company: r.try_get(17)?,
        },
        rules: r.try_get(18)?,
        contact_email: r.try_get(19)?,
        hours: Hours::default(),
        retired_at: r.try_get(20)?,
    })
}

/// The opening hours of the rooms given, one query.
async fn hours_of(db: &Db, rooms: &mut [Room]) -> Result<(), sqlx::Error> {
    if rooms.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "SELECT room_id, weekday, opens, closes FROM premises_hours WHERE room_id IN ({})",
        placeholders(1, rooms.len())
    );
    let mut q = sqlx::query_as::<_, (RoomId, i64, i64, i64)>(&sql);
    for r in rooms.iter() {
        q = q.bind(r.id);
    }
    let rows = q.fetch_all(&db.pool).await?;
    attach_hours(rooms, rows);
    Ok(())
}

/// Put rows of (room, weekday, opens, closes) on their rooms.
fn attach_hours(rooms: &mut [Room], rows: Vec<(RoomId, i64, i64, i64)>) {
    let mut by_room: HashMap<RoomId, Hours> = HashMap::new();
    for (room, wd, o, c) in rows {
        if (1..=7).contains(&wd) {
            by_room.entry(room).or_default().0[(wd - 1) as usize] = Some((o, c));
        }
    }
    for r in rooms.iter_mut() {
        r.hours = by_room.remove(&r.id).unwrap_or_default();
    }
}

pub(crate) fn placeholders(from: usize, n: usize) -> String {
    (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

pub async fn room(db: &Db, municipality_id: MunicipalityId, id: RoomId) -> Result<Option<Room>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {ROOM_COLS} FROM {ROOM_FROM} WHERE r.municipality_id = $1 AND r.id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let mut v = vec![room_of(&row)?];
    hours_of(db, &mut v).await?;
    Ok(v.pop())
}

/// The rooms of one set of premises, by name.
pub async fn rooms_of(
    db: &Db,
    municipality_id: MunicipalityId,
    premises_id: PremisesId,
) -> Result<Vec<Room>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {ROOM_COLS} FROM {ROOM_FROM} WHERE r.municipality_id = $1 AND r.premises_id = $2 \
         ORDER BY r.sort_key, r.id"
    ))
    .bind(municipality_id)
    .bind(premises_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v = rows.iter().map(room_of).collect::<Result<Vec<_>, _>>()?;
    hours_of(db, &mut v).await?;
    Ok(v)
}

/// Every room of a municipality, by name, with opening hours (two queries).
pub async fn rooms_all(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Room>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {ROOM_COLS} FROM {ROOM_FROM} WHERE r.municipality_id = $1 ORDER BY r.sort_key, r.id"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v = rows.iter().map(room_of).collect::<Result<Vec<_>, _>>()?;
    let hours: Vec<(RoomId, i64, i64, i64)> = sqlx::query_as(
        "SELECT h.room_id, h.weekday, h.opens, h.closes FROM premises_hours h \
         JOIN premises_rooms r ON r.id = h.room_id WHERE r.municipality_id = $1",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    attach_hours(&mut v, hours);
    Ok(v)
}

#[derive(Clone, Debug, Default)]
pub struct RoomInput {
    pub name: String,
    pub capacity: i64,
    pub equipment: i64,
    pub equipment_note: String,
    pub access: i64,
    pub access_note: String,
    pub mode: Option<Mode>,
    pub buffer_minutes: i64,
    pub prices: Prices,
    pub hours: Hours,
}

/// Create (`id` None) or update a room of the premises. None when the premises or room is not
/// the municipality's.
/// The columns a room's form sets, for both the insert and the update.
fn room_values(r: &RoomInput) -> Vec<(Rooms, SimpleExpr)> {
    let mode: &'static str = r.mode.unwrap_or(Mode::Request).into();
    vec![
        (Rooms::Name, r.name.as_str().into()),
        (Rooms::SortKey, platform::rules::sort_key(&r.name).into()),
        (Rooms::Capacity, r.capacity.into()),
        (Rooms::Equipment, r.equipment.into()),
        (Rooms::EquipmentNote, r.equipment_note.as_str().into()),
        (Rooms::Access, r.access.into()),
        (Rooms::AccessNote, r.access_note.as_str().into()),
        (Rooms::BookingMode, mode.into()),
        (Rooms::BufferMinutes, r.buffer_minutes.into()),
        (Rooms::PriceAssociation, r.prices.association.into()),
        (Rooms::PricePrivate, r.prices.private.into()),
        (Rooms::PriceCompany, r.prices.company.into()),
    ]
}

pub async fn save_room(
    db: &Db,
    municipality_id: MunicipalityId,
    premises_id: PremisesId,
    id: Option<RoomId>,
    r: &RoomInput,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<RoomId>, sqlx::Error> {
    let saved = db::write(db, now, async |tx| {
        let owner: Option<(i64,)> = sqlx::query_as("SELECT id FROM premises WHERE municipality_id = $1 AND id = $2")
            .bind(municipality_id)
            .bind(premises_id)
            .fetch_optional(&mut *tx)
            .await?;
        if owner.is_none() {
            return Err(sqlx::Error::RowNotFound);
        }
        let id = match id {
            None => {
                let mut q = Insert::into(Rooms::Table)
                    .set(Rooms::MunicipalityId, municipality_id)
                    .set(Rooms::PremisesId, premises_id)
                    .set(Rooms::CreatedAt, now)
                    .set(Rooms::UpdatedAt, now);
                for (column, value) in room_values(r) {
                    q = q.set(column, value);
                }
                q.returning_id::<RoomId>(tx).await?
            }
            Some(id) => {
                let mut q = Update::table(Rooms::Table).set(Rooms::UpdatedAt, now);
                for (column, value) in room_values(r) {
                    q = q.set(column, value);
                }
                let n = q
                    .filter(Rooms::MunicipalityId, municipality_id)
                    .filter(Rooms::PremisesId, premises_id)
                    .filter(Rooms::Id, id)
                    .run(tx)
                    .await?;
                if n == 0 {
                    return Err(sqlx::Error::RowNotFound);
                }
                Delete::from(OpeningHours::Table)
                    .filter(OpeningHours::RoomId, id)
                    .run(tx)
                    .await?;
                id
            }
        };
        for (i, day) in r.hours.0.iter().enumerate() {
            if let Some((o, c)) = day {
                Insert::into(OpeningHours::Table)
                    .set(OpeningHours::RoomId, id)
                    .set(OpeningHours::Weekday, i as i64 + 1)
                    .set(OpeningHours::Opens, *o)
                    .set(OpeningHours::Closes, *c)
                    .run(tx)
                    .await?;
            }
        }
        let change = Change::new(
            municipality_id,
            actor,
            "premises.room.save",
            "premises_room",
            id,
            &r.name,
        );
        Ok((id, change))
    })
    .await;
    not_found_as_none(saved)
}

// --- Photos ---

#[derive(Clone, Debug)]
pub struct Photo {
    pub id: i64,
    pub alt: String,
}

pub async fn photos(db: &Db, municipality_id: MunicipalityId, room_id: RoomId) -> Result<Vec<Photo>, sqlx::Error> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, alt FROM premises_photos WHERE municipality_id = $1 AND room_id = $2 ORDER BY id")
            .bind(municipality_id)
            .bind(room_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(|(id, alt)| Photo { id, alt }).collect())
}

/// A photo's type and bytes.
pub async fn photo_file(
    db: &Db,
    municipality_id: MunicipalityId,
    room_id: RoomId,
    id: i64,
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT content_type, bytes FROM premises_photos WHERE municipality_id = $1 AND room_id = $2 AND id = $3",
    )
    .bind(municipality_id)
    .bind(room_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// Add a photo to a room (`actor`: who uploaded it; None for demo data). In the audit trail.
#[allow(clippy::too_many_arguments)]
pub async fn add_photo(
    db: &Db,
    municipality_id: MunicipalityId,
    room_id: RoomId,
    content_type: &str,
    bytes: &[u8],
    alt: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    db::write(db, now, async |tx| {
        let id: i64 = Insert::into(Photos::Table)
            .set(Photos::MunicipalityId, municipality_id)
            .set(Photos::RoomId, room_id)
            .set(Photos::ContentType, content_type)
            .set(Photos::Bytes, bytes.to_vec())
            .set(Photos::Alt, alt)
            .set(Photos::CreatedAt, now)
            .returning_id(tx)
            .await?;
        let change = Change::new(
            municipality_id,
            actor,
            "premises.photo.add",
            "premises_photo",
            id,
            format!("room {room_id}: {alt}"),
        );
        Ok::<_, sqlx::Error>((id, change))
    })
    .await
}

/// Remove a room's photo. False when there is no such photo; in the audit trail when there was.
pub async fn delete_photo(
    db: &Db,
    municipality_id: MunicipalityId,
    room_id: RoomId,
    id: i64,
    actor: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let n = Delete::from(Photos::Table)
        .filter(Photos::MunicipalityId, municipality_id)
        .filter(Photos::RoomId, room_id)
        .filter(Photos::Id, id)
        .run(&mut tx)
        .await?;
    if n > 0 {
        let change = Change::new(
            municipality_id,
            Some(actor),
            "premises.photo.delete",
            "premises_photo",
            id,
            format!("room {room_id}"),
        );
        platform::audit::record(&mut tx, change, now).await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

/// When the premises were retired, if they were.
pub async fn premises_retired_at(
    db: &Db,
    municipality_id: MunicipalityId,
    id: PremisesId,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT retired_at FROM premises WHERE municipality_id = $1 AND id = $2")
            .bind(municipality_id)
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.and_then(|r| r.0))
}
