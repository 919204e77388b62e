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
