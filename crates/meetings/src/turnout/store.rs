//! The registrations the turnout counts.

use super::domain::Registration;
use crate::ids::MeetingId;
use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};

/// The municipality's confirmed registrations (of one meeting, or of all), with the
/// association each names and whether the person came.
pub async fn registrations(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting: Option<MeetingId>,
) -> Result<Vec<Registration>, sqlx::Error> {
    let rows: Vec<(MeetingId, Option<OrganisationId>, Option<i64>)> = sqlx::query_as(
        "SELECT meeting_id, organisation_id, attended FROM meetings_registrations \
         WHERE municipality_id = $1 AND status = 'confirmed' AND ($2 = 0 OR meeting_id = $2)",
    )
    .bind(municipality_id)
    .bind(meeting.map_or(0, MeetingId::get))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(meeting, organisation, attended)| Registration {
            meeting,
            organisation,
            attended: attended.map(|a| a == 1),
        })
        .collect())
}
