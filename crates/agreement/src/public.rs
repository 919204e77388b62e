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
