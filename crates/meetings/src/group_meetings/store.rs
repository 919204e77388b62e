//! Which series belongs to which working group.

use crate::ids::{MeetingId, SeriesId};
use crate::store::{SeriesError, SERIES_NAME};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, OnConstraint};
use platform::MunicipalityId;

#[derive(sea_query::Iden)]
#[iden = "meetings_series"]
enum Series {
    Table,
    MunicipalityId,
    Name,
    Description,
    RemindDays,
    GroupId,
    CreatedAt,
}

/// The series of the working group's own meetings, if it has one.
pub async fn series_of_group(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: i64,
) -> Result<Option<SeriesId>, sqlx::Error> {
    let row: Option<(SeriesId,)> =
        sqlx::query_as("SELECT id FROM meetings_series WHERE municipality_id = $1 AND group_id = $2")
            .bind(municipality_id)
            .bind(group_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|r| r.0))
}

/// The working group whose series the meeting belongs to, if any.
pub async fn group_of_meeting(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT s.group_id FROM meetings_meetings m JOIN meetings_series s ON s.id = m.series_id \
         WHERE m.municipality_id = $1 AND m.id = $2",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(|r| r.0))
}

/// Start the group's series, named after the group.
pub async fn start(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: i64,
    name: &str,
    description: &str,
    actor: &CurrentUser,
    now: i64,
) -> Result<SeriesId, SeriesError> {
    db::write(db, now, async |tx| {
        let id: SeriesId = Insert::into(Series::Table)
            .set(Series::MunicipalityId, municipality_id)
            .set(Series::Name, name)
            .set(Series::Description, description)
            .set(Series::RemindDays, crate::domain::REMIND_DAYS)
            .set(Series::GroupId, group_id)
            .set(Series::CreatedAt, now)
            .returning_id(tx)
            .await
            .on_unique(SERIES_NAME, || SeriesError::Taken)?;
        let change = Change::new(
            municipality_id,
            Some(actor),
            "meetings.series.create",
            "meetings_series",
            id,
            name,
        );
        Ok((id, change))
    })
    .await
}
