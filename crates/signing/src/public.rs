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

/// A signature in force as the public list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signatory {
    /// The organisation's, department's or company's name.
    pub signer: String,
    /// `association`, `department`, `company` or `other`.
    pub kind: &'static str,
    pub organisation_id: Option<OrganisationId>,
    /// The person who signed on the signer's behalf, and their role (both on the public list).
    pub signed_by: String,
    pub role: String,
    pub signed_on: chrono::NaiveDate,
    /// `online` or `paper`.
    pub channel: &'static str,
    /// When it was recorded, unix seconds.
    pub created_at: i64,
}

/// Every signature in force, in the public list's order (one query): the open-data download
/// of the signing book.
pub async fn signatories(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Signatory>, sqlx::Error> {
    Ok(crate::store::in_force(db, municipality_id)
        .await?
        .into_iter()
        .map(|s| Signatory {
            kind: s.kind.into(),
            channel: s.channel.into(),
            signer: s.signer_name,
            organisation_id: s.organisation_id,
            signed_by: s.signed_by_name,
            role: s.signed_by_role,
            signed_on: s.signed_on,
            created_at: s.created_at,
        })
        .collect())
}
