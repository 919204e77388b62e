//! The agreement's text: its versions, principles and commitments, read for the public pages,
//! the JSON view and the coordinator's pages. Every function takes the municipality's id (the
//! tenant) and only ever touches that municipality's rows. The tables are described once here
//! (sea-query `Iden`s); the draft's writes are in [`crate::draft::store`].

use crate::domain::{self, Commitment, Party, Principle, PrincipleWith, RuleError, Version, VersionStatus};
use crate::ids::{CommitmentId, PrincipleId, VersionId};
use platform::db::Db;
use platform::MunicipalityId;
use sqlx::AnyConnection;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Nothing with that id in this municipality.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Rule(#[from] RuleError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(sea_query::Iden)]
#[iden = "agreement_versions"]
pub(crate) enum Versions {
    Table,
    Id,
    MunicipalityId,
    Number,
    Status,
    Intro,
    AdoptedBy,
    AdoptedOn,
    AdoptedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "agreement_principles"]
pub(crate) enum Principles {
    Table,
    Id,
    MunicipalityId,
    VersionId,
    Position,
    Name,
    Body,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "agreement_commitments"]
pub(crate) enum Commitments {
    Table,
    Id,
    MunicipalityId,
    VersionId,
    PrincipleId,
    Party,
    Position,
    Heading,
    Body,
    CreatedAt,
}

// --- Versions ---

type VersionRow = (VersionId, i64, String, String, Option<String>, Option<String>, i64, i64);
const VERSION_COLUMNS: &str = "id, number, status, intro, adopted_by, adopted_on, created_at, updated_at";

fn version_from(r: VersionRow) -> Version {
    Version {
        id: r.0,
        number: r.1,
        status: r.2.parse().unwrap_or(VersionStatus::Adopted),
        intro: r.3,
        adopted_by: r.4,
        adopted_on: r.5,
        created_at: r.6,
        updated_at: r.7,
    }
}

/// Every version of the municipality's agreement, by number.
pub async fn versions(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Version>, sqlx::Error> {
    let rows: Vec<VersionRow> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLUMNS} FROM agreement_versions WHERE municipality_id = $1 ORDER BY number"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(version_from).collect())
}

pub async fn version_by_number(
    db: &Db,
    municipality_id: MunicipalityId,
    number: i64,
) -> Result<Option<Version>, sqlx::Error> {
    let row: Option<VersionRow> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLUMNS} FROM agreement_versions WHERE municipality_id = $1 AND number = $2"
    ))
    .bind(municipality_id)
    .bind(number)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(version_from))
}

/// The municipality's draft, if it has one.
pub async fn draft(db: &Db, municipality_id: MunicipalityId) -> Result<Option<Version>, sqlx::Error> {
    let row: Option<VersionRow> = sqlx::query_as(&format!(
        "SELECT {VERSION_COLUMNS} FROM agreement_versions WHERE municipality_id = $1 AND status = 'draft'"
    ))
    .bind(municipality_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(version_from))
}

/// The status and number of a version, read inside a write transaction; `lock` is
/// [`Db::for_update`].
pub(crate) async fn version_status(
    tx: &mut AnyConnection,
    lock: &str,
    municipality_id: MunicipalityId,
    version_id: VersionId,
) -> StoreResult<(VersionStatus, i64)> {
    let row: Option<(String, i64)> = sqlx::query_as(&format!(
        "SELECT status, number FROM agreement_versions WHERE id = $1 AND municipality_id = $2{lock}"
    ))
    .bind(version_id)
    .bind(municipality_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (status, number) = row.ok_or(StoreError::NotFound)?;
    Ok((status.parse().map_err(|_| StoreError::NotFound)?, number))
}

// --- Principles and commitments ---

pub(crate) type PrincipleRow = (PrincipleId, VersionId, i64, String, String);
pub(crate) type CommitmentRow = (CommitmentId, PrincipleId, String, i64, String, String);
pub(crate) const PRINCIPLE_COLUMNS: &str = "id, version_id, position, name, body";
pub(crate) const COMMITMENT_COLUMNS: &str = "id, principle_id, party, position, heading, body";

fn principle_from(r: PrincipleRow) -> Principle {
    Principle {
        id: r.0,
        version_id: r.1,
        position: r.2,
        name: r.3,
        body: r.4,
    }
}

fn commitment_from(r: CommitmentRow) -> Commitment {
    Commitment {
        id: r.0,
        principle_id: r.1,
        party: r.2.parse().unwrap_or(Party::Municipality),
        position: r.3,
        heading: r.4,
        body: r.5,
    }
}

/// A version's principles with their commitments: two queries, however many there are.
pub async fn contents(
    db: &Db,
    municipality_id: MunicipalityId,
    version_id: VersionId,
) -> Result<Vec<PrincipleWith>, sqlx::Error> {
    let principles: Vec<PrincipleRow> = sqlx::query_as(&format!(
        "SELECT {PRINCIPLE_COLUMNS} FROM agreement_principles WHERE municipality_id = $1 AND version_id = $2"
    ))
    .bind(municipality_id)
    .bind(version_id)
    .fetch_all(&db.pool)
    .await?;
    let commitments: Vec<CommitmentRow> = sqlx::query_as(&format!(
        "SELECT {COMMITMENT_COLUMNS} FROM agreement_commitments WHERE municipality_id = $1 AND version_id = $2"
    ))
    .bind(municipality_id)
    .bind(version_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(domain::assemble(
        principles.into_iter().map(principle_from).collect(),
        commitments.into_iter().map(commitment_from).collect(),
    ))
}

/// A principle's row joined with its version's.
type PrincipleVersionRow = (
    PrincipleId,
    VersionId,
    i64,
    String,
    String,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
    i64,
);

/// One principle with the status of its version.
pub async fn principle(
    db: &Db,
    municipality_id: MunicipalityId,
    id: PrincipleId,
) -> Result<Option<(Principle, Version)>, sqlx::Error> {
    let row: Option<PrincipleVersionRow> = sqlx::query_as(
        "SELECT p.id, p.version_id, p.position, p.name, p.body, \
                    v.number, v.status, v.intro, v.adopted_by, v.adopted_on, v.created_at, v.updated_at \
             FROM agreement_principles p JOIN agreement_versions v ON v.id = p.version_id \
             WHERE p.id = $1 AND p.municipality_id = $2",
    )
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| {
        (
            principle_from((r.0, r.1, r.2, r.3, r.4)),
            version_from((r.1, r.5, r.6, r.7, r.8, r.9, r.10, r.11)),
        )
    }))
}

/// A principle with its commitments (for its editing page).
pub async fn principle_with(
    db: &Db,
    municipality_id: MunicipalityId,
    id: PrincipleId,
) -> Result<Option<(PrincipleWith, Version)>, sqlx::Error> {
    let Some((p, v)) = principle(db, municipality_id, id).await? else {
        return Ok(None);
    };
    let commitments: Vec<CommitmentRow> = sqlx::query_as(&format!(
        "SELECT {COMMITMENT_COLUMNS} FROM agreement_commitments WHERE municipality_id = $1 AND principle_id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let mut grouped = domain::assemble(vec![p], commitments.into_iter().map(commitment_from).collect());
    Ok(grouped.pop().map(|g| (g, v)))
}

/// One commitment with its principle and version.
pub async fn commitment(
    db: &Db,
    municipality_id: MunicipalityId,
    id: CommitmentId,
) -> Result<Option<(Commitment, Principle, Version)>, sqlx::Error> {
    let row: Option<CommitmentRow> = sqlx::query_as(&format!(
        "SELECT {COMMITMENT_COLUMNS} FROM agreement_commitments WHERE id = $1 AND municipality_id = $2"
    ))
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let c = commitment_from(row);
    Ok(principle(db, municipality_id, c.principle_id)
        .await?
        .map(|(p, v)| (c, p, v)))
}
