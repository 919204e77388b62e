//! What other capabilities may ask of openness: the latest decisions of a municipality (for a
//! digest or a start-page panel).

use crate::decisions::domain::Filter;
use crate::decisions::store;
use crate::ids::DecisionId;
use platform::db::Db;
use platform::MunicipalityId;

/// A decision as another capability lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionSummary {
    pub id: DecisionId,
    pub title: String,
    /// The meeting's day, `YYYY-MM-DD`.
    pub meeting_on: String,
    pub withdrawn: bool,
}

/// The municipality's latest `limit` decisions by meeting date.
pub async fn latest_decisions(db: &Db, m: MunicipalityId, limit: i64) -> Result<Vec<DecisionSummary>, sqlx::Error> {
    Ok(store::latest(db, m, &Filter::default(), limit)
        .await?
        .into_iter()
        .map(|d| DecisionSummary {
            id: d.id,
            withdrawn: d.withdrawn(),
            title: d.title,
            meeting_on: d.meeting_on,
        })
        .collect())
}
