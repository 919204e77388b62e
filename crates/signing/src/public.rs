//! What other capabilities may ask of the signing book: small functions taking the
//! municipality, returning plain structs. The only way into its tables from outside.

use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};

/// The organisations whose signature of the municipality's agreement is in force.
pub async fn signatory_organisations(
    db: &Db,
    municipality_id: MunicipalityId,
) -> Result<Vec<OrganisationId>, sqlx::Error> {
    let rows: Vec<(OrganisationId,)> = sqlx::query_as(
        "SELECT organisation_id FROM signatures \
         WHERE municipality_id = $1 AND withdrawn_at IS NULL AND organisation_id IS NOT NULL ORDER BY id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}
