//! The export's and import's queries: every profile in order, the organisationsnummer already
//! registered, import drafts, and the import itself (all rows or none).

use crate::confirmation::reminders;
use crate::exchange::domain::ImportRow;
use crate::ids::ImportDraftId;
use crate::profile;
use crate::store::{by_sort_key, profile_row, Profile, ProfileEdit, RegistryError, PROFILE};
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert};
use platform::{MunicipalityId, UserId};
use std::collections::HashSet;

#[derive(sea_query::Iden)]
#[iden = "registry_import_drafts"]
enum Drafts {
    Table,
    Id,
    MunicipalityId,
    UserId,
    RowsJson,
    CreatedAt,
}

impl From<ImportRow> for ProfileEdit {
    fn from(r: ImportRow) -> Self {
        ProfileEdit {
            name: r.name,
            org_number: Some(r.org_number),
            legal_form: r.legal_form,
            categories: r.categories,
            mission: r.mission,
            email: r.email,
            phone: r.phone,
            website: r.website,
            social_links: vec![],
            postal_address: r.postal_address,
            visiting_address: r.visiting_address,
            member_count: r.member_count,
            target_groups: r.target_groups,
        }
    }
}

/// Every profile of the municipality in Swedish order (for the export).
pub async fn all_profiles(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Profile>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{PROFILE} WHERE p.municipality_id = $1 ORDER BY {}",
        by_sort_key(db)
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(profile_row).collect()
}

/// Import checked rows: all of them or, on any failure, none. Each organisation's creation is
/// audited, and the import as a whole.
pub async fn import(
    db: &Db,
    municipality_id: MunicipalityId,
    rows: Vec<ImportRow>,
    actor: &CurrentUser,
    now: i64,
) -> Result<usize, RegistryError> {
    db::write(db, now, async |tx| {
        let n = rows.len();
        for r in rows {
            let e = ProfileEdit::from(r);
            let id = profile::store::insert(tx, municipality_id, &e, now).await?;
            let change = Change::new(
                municipality_id,
                Some(actor),
                "registry.profile.create",
                "organisation",
                id,
                e.name,
            );
            audit::record(tx, change, now).await?;
        }
        reminders::ensure(tx, now + reminders::DAY, now).await?;
        let change = Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "registry.import",
            entity: "organisation",
            entity_id: None,
            summary: format!("{n}"),
        };
        Ok((n, change))
    })
    .await
}

/// The organisationsnummer already in the municipality's registry.
pub async fn existing_numbers(db: &Db, municipality_id: MunicipalityId) -> Result<HashSet<String>, sqlx::Error> {
    let v: Vec<(String,)> =
        sqlx::query_as("SELECT org_number FROM organisations WHERE municipality_id = $1 AND org_number IS NOT NULL")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(v.into_iter().map(|r| r.0).collect())
}

/// Keep an import's checked rows until the coordinator confirms it; returns the draft's id.
pub async fn save_draft(
    db: &Db,
    municipality_id: MunicipalityId,
    user_id: UserId,
    rows: &[ImportRow],
    now: i64,
) -> Result<ImportDraftId, sqlx::Error> {
    let json = serde_json::to_string(rows).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let mut conn = db.pool.acquire().await?;
    Insert::into(Drafts::Table)
        .set(Drafts::MunicipalityId, municipality_id)
        .set(Drafts::UserId, user_id)
        .set(Drafts::RowsJson, json)
        .set(Drafts::CreatedAt, now)
        .returning_id(&mut conn)
        .await
}

/// Take (read and delete) a draft of this municipality and user.
pub async fn take_draft(
    db: &Db,
    municipality_id: MunicipalityId,
    user_id: UserId,
    id: ImportDraftId,
) -> Result<Option<Vec<ImportRow>>, sqlx::Error> {
    let mut tx = db.write().await?;
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT rows_json FROM registry_import_drafts WHERE id = $1 AND municipality_id = $2 AND user_id = $3",
    )
    .bind(id)
    .bind(municipality_id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await?;
    Delete::from(Drafts::Table)
        .filter(Drafts::Id, id)
        .filter(Drafts::MunicipalityId, municipality_id)
        .run(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(row.and_then(|(j,)| serde_json::from_str(&j).ok()))
}
