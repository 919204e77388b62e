//! What other capabilities may ask of the meetings: small functions taking the municipality,
//! returning plain structs. The only way into the meetings' tables from outside.

use crate::ids::MeetingId;
use platform::db::Db;
use platform::MunicipalityId;

/// A dialog meeting as a shared calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarMeeting {
    pub id: MeetingId,
    pub title: String,
    pub theme: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub accessibility: String,
    /// The meeting's page, `/{slug}/moten/{id}`.
    pub path: String,
}

/// The municipality's meetings that are not called off and overlap `from..to` (unix seconds),
/// earliest first.
pub async fn calendar(
    db: &Db,
    municipality_id: MunicipalityId,
    slug: &str,
    from: i64,
    to: i64,
) -> Result<Vec<CalendarMeeting>, sqlx::Error> {
    let rows: Vec<(MeetingId, String, String, i64, i64, String, String)> = sqlx::query_as(
        "SELECT id, title, theme, starts_at, ends_at, place, accessibility FROM meetings_meetings \
         WHERE municipality_id = $1 AND cancelled_at IS NULL AND ends_at > $2 AND starts_at < $3 \
         ORDER BY starts_at, id",
    )
    .bind(municipality_id)
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, theme, starts_at, ends_at, place, accessibility)| CalendarMeeting {
                path: crate::paths::meeting(slug, id),
                id,
                title,
                theme,
                starts_at,
                ends_at,
                place,
                accessibility,
            },
        )
        .collect())
}
