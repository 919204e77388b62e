//! What other capabilities may ask of the registry: small functions taking the municipality,
//! returning plain structs. The only way into the registry's tables from outside.

use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};

/// The e-mail addresses of the registry's contact persons in the municipality (every contact
/// consented to be listed when added), optionally only those of the given organisations.
pub async fn contact_emails(
    db: &Db,
    municipality_id: MunicipalityId,
    of: Option<&[OrganisationId]>,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(OrganisationId, String)> = sqlx::query_as(
        "SELECT c.organisation_id, c.email FROM registry_contacts c JOIN organisations o ON o.id = c.organisation_id \
         WHERE o.municipality_id = $1 AND c.email <> '' ORDER BY c.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(o, _)| of.is_none_or(|of| of.contains(o)))
        .map(|(_, e)| e)
        .collect())
}

/// Whether the organisation has a signature in force, as the signing book tells it in its own
/// write transaction when a signature comes or goes. The directory's "signed" filter and its
/// search tags follow (SQLite's index trigger, PostgreSQL's generated search column).
pub async fn set_signed(
    conn: &mut sqlx::AnyConnection,
    organisation_id: OrganisationId,
    signed: bool,
) -> Result<(), sqlx::Error> {
    platform::db::Update::table(crate::store::Profiles::Table)
        .set(crate::store::Profiles::Signed, i64::from(signed))
        .filter(crate::store::Profiles::OrganisationId, organisation_id)
        .run(conn)
        .await?;
    Ok(())
}
