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

/// A dialog meeting as its public page and `/api/v1/{slug}/meetings` show it (no registrations).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicMeeting {
    pub id: MeetingId,
    pub series: String,
    pub number: Option<i64>,
    pub title: String,
    pub theme: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub accessibility: String,
    pub capacity: Option<i64>,
    pub cancelled: bool,
    /// The meeting's page, `/{slug}/moten/{id}`.
    pub path: String,
    /// When it last changed, unix seconds.
    pub updated_at: i64,
}

/// Every meeting of the municipality, called off ones too (marked), earliest first (one
/// query): the open-data download of the meetings.
pub async fn meetings(db: &Db, municipality_id: MunicipalityId, slug: &str) -> Result<Vec<PublicMeeting>, sqlx::Error> {
    type Row = (
        MeetingId,
        String,
        Option<i64>,
        String,
        String,
        i64,
        i64,
        String,
        String,
        Option<i64>,
        Option<i64>,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT m.id, s.name, m.number, m.title, m.theme, m.starts_at, m.ends_at, m.place, m.accessibility, \
         m.capacity, m.cancelled_at, m.updated_at FROM meetings_meetings m JOIN meetings_series s ON s.id = m.series_id \
         WHERE m.municipality_id = $1 ORDER BY m.starts_at, m.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                series,
                number,
                title,
                theme,
                starts_at,
                ends_at,
                place,
                accessibility,
                capacity,
                cancelled,
                updated_at,
            )| {
                PublicMeeting {
                    path: crate::paths::meeting(slug, id),
                    id,
                    series,
                    number,
                    title,
                    theme,
                    starts_at,
                    ends_at,
                    place,
                    accessibility,
                    capacity,
                    cancelled: cancelled.is_some(),
                    updated_at,
                }
            },
        )
        .collect())
}

/// The e-mail addresses of a meeting's registered participants (confirmed or on the waiting
/// list, not those who cancelled), or `None` when the meeting is not the municipality's. Each
/// agreed, when registering, to the meeting's consent text: their details are kept for the
/// meeting's list of participants and contacts, so they may be written to about that meeting.
pub async fn participant_emails(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Option<Vec<String>>, sqlx::Error> {
    let rows: Vec<(Option<String>,)> = sqlx::query_as(
        "SELECT r.email FROM meetings_meetings m LEFT JOIN meetings_registrations r ON r.meeting_id = m.id \
         AND r.status IN ('confirmed', 'waiting') AND r.erased_at IS NULL AND r.email <> '' \
         WHERE m.municipality_id = $1 AND m.id = $2 ORDER BY r.id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(rows.into_iter().filter_map(|r| r.0).collect()))
}
