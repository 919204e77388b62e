//! What other capabilities may ask of grants: small functions taking the municipality,
//! returning plain structs. The only way into its tables from outside.

use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};

/// A grant decision as `/{slug}/bidrag/beslut` publishes it (no reasons, no applicant person).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantDecision {
    /// The application decided on: what identifies the decision.
    pub application_id: i64,
    pub organisation_id: OrganisationId,
    pub association: String,
    pub programme: String,
    /// `granted`, `reduced` or `rejected`.
    pub outcome: &'static str,
    /// The decided amount in öre (a year's, for a multi-year grant); 0 for a rejection.
    pub amount_ore: i64,
    pub years: u32,
    pub decided_on: chrono::NaiveDate,
    pub paid: bool,
}

/// Every published grant decision of the municipality, by date and then association (a fixed
/// number of queries): the open-data download of grants.
pub async fn decisions(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<GrantDecision>, sqlx::Error> {
    Ok(crate::decisions::store::all(db, municipality_id)
        .await?
        .into_iter()
        .map(|d| GrantDecision {
            application_id: d.application_id,
            organisation_id: d.organisation_id,
            association: d.association,
            programme: d.programme,
            outcome: d.outcome.code(),
            amount_ore: d.amount_ore,
            years: d.years,
            decided_on: d.decided_on,
            paid: d.paid,
        })
        .collect())
}

/// One published grant decision of the municipality, by its application's id (none when the
/// application is not the municipality's or not decided), with the public page that lists it.
pub async fn decision(
    db: &Db,
    municipality_id: MunicipalityId,
    slug: &str,
    application_id: i64,
) -> Result<Option<(GrantDecision, String)>, sqlx::Error> {
    Ok(decisions(db, municipality_id)
        .await?
        .into_iter()
        .find(|d| d.application_id == application_id)
        .map(|d| {
            let page = crate::paths::decisions_of(slug, chrono::Datelike::year(&d.decided_on));
            (d, page)
        }))
}
