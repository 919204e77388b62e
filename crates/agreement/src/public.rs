//! What other capabilities may ask of the agreement: small functions taking the municipality,
//! returning plain structs. The only way into its tables from outside.

use platform::db::Db;
use platform::MunicipalityId;

/// One event of the agreement's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    /// ISO date.
    pub happened_on: String,
    pub title: String,
    pub body: String,
}

/// The timeline up to and including `until` (an ISO date), earliest first.
pub async fn timeline_until(
    db: &Db,
    municipality_id: MunicipalityId,
    until: &str,
) -> Result<Vec<TimelineEntry>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT happened_on, title, body FROM agreement_timeline WHERE municipality_id = $1 AND happened_on <= $2 \
         ORDER BY happened_on, id",
    )
    .bind(municipality_id)
    .bind(until)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(happened_on, title, body)| TimelineEntry {
            happened_on,
            title,
            body,
        })
        .collect())
}

/// A principle of the agreement in force, by the municipality's own number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principle {
    pub position: i64,
    pub name: String,
}

/// The principles of the agreement in force (the latest adopted version), in order; none when
/// no version is adopted.
pub async fn principles_in_force(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Principle>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT p.position, p.name FROM agreement_principles p WHERE p.municipality_id = $1 AND p.version_id = \
         (SELECT v.id FROM agreement_versions v WHERE v.municipality_id = $2 AND v.status = 'adopted' \
          ORDER BY v.number DESC LIMIT 1) ORDER BY p.position, p.id",
    )
    .bind(municipality_id)
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(position, name)| Principle { position, name })
        .collect())
}
