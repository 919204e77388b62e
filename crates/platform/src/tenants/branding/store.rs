//! The municipality's look as stored on its row of `municipalities`: `brand_colour`, `welcome`,
//! `logo` and `logo_type`. Every change goes through [`db::write`], so it is in the audit trail.

use crate::audit::Change;
use crate::auth::CurrentUser;
use crate::db::{self, Db, Update};
use crate::ids::MunicipalityId;

#[derive(sea_query::Iden)]
#[iden = "municipalities"]
enum Municipalities {
    Table,
    Id,
    BrandColour,
    Welcome,
    Logo,
    LogoType,
}

/// Keep the municipality's colour (`#rrggbb` or '' for none) and welcome text, both checked
/// (`branding::domain`).
pub async fn save_profile(
    db: &Db,
    municipality_id: MunicipalityId,
    colour: &str,
    welcome: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        Update::table(Municipalities::Table)
            .set(Municipalities::BrandColour, colour)
            .set(Municipalities::Welcome, welcome)
            .filter(Municipalities::Id, municipality_id)
            .run(tx)
            .await?;
        let summary = if colour.is_empty() { "-" } else { colour };
        let change = Change::new(
            municipality_id,
            actor,
            "municipality.profile",
            "municipality",
            municipality_id,
            summary,
        );
        Ok(((), change))
    })
    .await
}

/// Keep the municipality's logo (checked: PNG or JPEG), replacing the one it had.
pub async fn save_logo(
    db: &Db,
    municipality_id: MunicipalityId,
    mime: &str,
    bytes: &[u8],
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        Update::table(Municipalities::Table)
            .set(Municipalities::Logo, bytes.to_vec())
            .set(Municipalities::LogoType, mime)
            .filter(Municipalities::Id, municipality_id)
            .run(tx)
            .await?;
        let summary = format!("{mime}, {} bytes", bytes.len());
        let change = Change::new(
            municipality_id,
            actor,
            "municipality.logo",
            "municipality",
            municipality_id,
            summary,
        );
        Ok(((), change))
    })
    .await
}

/// Take the municipality's logo away.
pub async fn remove_logo(
    db: &Db,
    municipality_id: MunicipalityId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        Update::table(Municipalities::Table)
            .set(Municipalities::Logo, Option::<Vec<u8>>::None)
            .set(Municipalities::LogoType, "")
            .filter(Municipalities::Id, municipality_id)
            .run(tx)
            .await?;
        let change = Change::new(
            municipality_id,
            actor,
            "municipality.logo.remove",
            "municipality",
            municipality_id,
            "-",
        );
        Ok(((), change))
    })
    .await
}

/// The municipality's logo: (MIME type, bytes), when it has one.
pub async fn logo(db: &Db, municipality_id: MunicipalityId) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(String, Option<Vec<u8>>)> =
        sqlx::query_as("SELECT logo_type, logo FROM municipalities WHERE id = $1")
            .bind(municipality_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row
        .and_then(|(mime, bytes)| Some((mime, bytes?)))
        .filter(|(mime, _)| !mime.is_empty()))
}
