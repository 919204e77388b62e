//! The agreement's queries. Every function takes the municipality's id (the tenant) and only
//! ever touches that municipality's rows. Every change runs in one write transaction with its
//! audit entry, and the rules of [`crate::domain`] are checked inside that transaction, so an
//! adopted version stays frozen whatever the web layer does.

#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use crate::domain::{
    self, Comment, Commitment, Consultation, ConsultationStatus, Item, Party, Principle, PrincipleWith, RuleError,
    TimelineEntry, TimelineKind, Version, VersionStatus,
};
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{Backend, Db, Tx};
use std::collections::HashMap;

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

/// Lock the row read inside a write transaction (PostgreSQL); SQLite's write transaction
/// already holds the only write lock.
fn for_update(db: &Db) -> &'static str {
    match db.backend {
        Backend::Sqlite => "",
        Backend::Postgres => " FOR UPDATE",
    }
}

#[allow(clippy::too_many_arguments)] // the audit entry's fields, each plain
async fn record(
    tx: &mut Tx,
    municipality_id: MunicipalityId,
    actor: Option<&CurrentUser>,
    action: &str,
    entity: &str,
    entity_id: i64,
    summary: String,
    now: i64,
) -> Result<(), sqlx::Error> {
    audit::record(
        tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action,
            entity,
            entity_id: Some(entity_id),
            summary,
        },
        now,
    )
    .await
}

// --- Versions ---

type VersionRow = (i64, i64, String, String, Option<String>, Option<String>, i64, i64);
const VERSION_COLUMNS: &str = "id, number, status, intro, adopted_by, adopted_on, created_at, updated_at";

fn version_from(r: VersionRow) -> Version {
    Version {
        id: r.0,
        number: r.1,
        status: VersionStatus::parse(&r.2).unwrap_or(VersionStatus::Adopted),
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

pub async fn version_by_number(db: &Db, municipality_id: MunicipalityId, number: i64) -> Result<Option<Version>, sqlx::Error> {
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

type PrincipleRow = (i64, i64, i64, String, String);
type CommitmentRow = (i64, i64, String, i64, String, String);

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
        party: Party::parse(&r.2).unwrap_or(Party::Municipality),
        position: r.3,
        heading: r.4,
        body: r.5,
    }
}

/// A version's principles with their commitments: two queries, however many there are.
pub async fn contents(db: &Db, municipality_id: MunicipalityId, version_id: i64) -> Result<Vec<PrincipleWith>, sqlx::Error> {
    let principles: Vec<PrincipleRow> = sqlx::query_as(
        "SELECT id, version_id, position, name, body FROM agreement_principles \
         WHERE municipality_id = $1 AND version_id = $2",
    )
    .bind(municipality_id)
    .bind(version_id)
    .fetch_all(&db.pool)
    .await?;
    let commitments: Vec<CommitmentRow> = sqlx::query_as(
        "SELECT id, principle_id, party, position, heading, body FROM agreement_commitments \
         WHERE municipality_id = $1 AND version_id = $2",
    )
    .bind(municipality_id)
    .bind(version_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(domain::assemble(
        principles.into_iter().map(principle_from).collect(),
        commitments.into_iter().map(commitment_from).collect(),
    ))
}

/// The status of a version, read with a lock inside a write transaction.
async fn version_status(
    db: &Db,
    tx: &mut Tx,
    municipality_id: MunicipalityId,
    version_id: i64,
) -> StoreResult<(VersionStatus, i64)> {
    let row: Option<(String, i64)> = sqlx::query_as(&format!(
        "SELECT status, number FROM agreement_versions WHERE id = $1 AND municipality_id = $2{}",
        for_update(db)
    ))
    .bind(version_id)
    .bind(municipality_id)
    .fetch_optional(&mut **tx)
    .await?;
    let (status, number) = row.ok_or(StoreError::NotFound)?;
    Ok((VersionStatus::parse(&status).ok_or(StoreError::NotFound)?, number))
}

/// Start a new draft: a copy of the latest adopted version, or, when nothing is adopted yet,
/// a version with `first_principles` (names, in order) and nothing else.
pub async fn start_draft(
    db: &Db,
    municipality_id: MunicipalityId,
    first_principles: &[String],
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<Version> {
    let mut tx = db.write().await?;
    let existing: Vec<(i64, i64, String, String)> = sqlx::query_as(&format!(
        "SELECT id, number, status, intro FROM agreement_versions WHERE municipality_id = $1{}",
        for_update(db)
    ))
    .bind(municipality_id)
    .fetch_all(&mut *tx)
    .await?;
    domain::start_draft(existing.iter().any(|v| v.2 == "draft"))?;
    let numbers: Vec<i64> = existing.iter().map(|v| v.1).collect();
    let number = domain::next_version_number(&numbers);
    let source = existing.iter().filter(|v| v.2 == "adopted").max_by_key(|v| v.1);
    let intro = source.map(|s| s.3.clone()).unwrap_or_default();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO agreement_versions (municipality_id, number, status, intro, created_at, updated_at) \
         VALUES ($1, $2, 'draft', $3, $4, $4) RETURNING id",
    )
    .bind(municipality_id)
    .bind(number)
    .bind(&intro)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        // Another draft started at the same moment (the one-draft index).
        if platform::db::is_unique_violation(&e) {
            StoreError::Rule(RuleError::DraftExists)
        } else {
            StoreError::Db(e)
        }
    })?;
    match source {
        Some(src) => {
            let principles: Vec<PrincipleRow> = sqlx::query_as(
                "SELECT id, version_id, position, name, body FROM agreement_principles \
                 WHERE municipality_id = $1 AND version_id = $2 ORDER BY position, id",
            )
            .bind(municipality_id)
            .bind(src.0)
            .fetch_all(&mut *tx)
            .await?;
            let commitments: Vec<CommitmentRow> = sqlx::query_as(
                "SELECT id, principle_id, party, position, heading, body FROM agreement_commitments \
                 WHERE municipality_id = $1 AND version_id = $2 ORDER BY position, id",
            )
            .bind(municipality_id)
            .bind(src.0)
            .fetch_all(&mut *tx)
            .await?;
            let mut new_ids: HashMap<i64, i64> = HashMap::new();
            for p in principles {
                let (pid,): (i64,) = sqlx::query_as(
                    "INSERT INTO agreement_principles (municipality_id, version_id, position, name, body, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(municipality_id)
                .bind(id)
                .bind(p.2)
                .bind(&p.3)
                .bind(&p.4)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                new_ids.insert(p.0, pid);
            }
            for c in commitments {
                let Some(pid) = new_ids.get(&c.1) else { continue };
                sqlx::query(
                    "INSERT INTO agreement_commitments \
                     (municipality_id, version_id, principle_id, party, position, heading, body, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(municipality_id)
                .bind(id)
                .bind(*pid)
                .bind(&c.2)
                .bind(c.3)
                .bind(&c.4)
                .bind(&c.5)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
        }
        None => {
            for (name, position) in first_principles.iter().zip(1i64..) {
                sqlx::query(
                    "INSERT INTO agreement_principles (municipality_id, version_id, position, name, body, created_at) \
                     VALUES ($1, $2, $3, $4, '', $5)",
                )
                .bind(municipality_id)
                .bind(id)
                .bind(position)
                .bind(name)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    let summary = match source {
        Some(s) => format!("v{number} <- v{}", s.1),
        None => format!("v{number}"),
    };
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.draft.start",
        "agreement_version",
        id,
        summary,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Version {
        id,
        number,
        status: VersionStatus::Draft,
        intro,
        adopted_by: None,
        adopted_on: None,
        created_at: now,
        updated_at: now,
    })
}

async fn touch(tx: &mut Tx, version_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE agreement_versions SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(version_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Change the introduction of a draft.
pub async fn update_intro(
    db: &Db,
    municipality_id: MunicipalityId,
    version_id: i64,
    intro: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let (status, number) = version_status(db, &mut tx, municipality_id, version_id).await?;
    domain::check_editable(status)?;
    sqlx::query("UPDATE agreement_versions SET intro = $1, updated_at = $2 WHERE id = $3 AND municipality_id = $4")
        .bind(intro)
        .bind(now)
        .bind(version_id)
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.intro.update",
        "agreement_version",
        version_id,
        format!("v{number}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adopt a draft: the body that decided and the date of the decision. Frozen from then on.
pub async fn adopt(
    db: &Db,
    municipality_id: MunicipalityId,
    version_id: i64,
    adopted_by: &str,
    adopted_on: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let (status, number) = version_status(db, &mut tx, municipality_id, version_id).await?;
    let (principles,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM agreement_principles WHERE municipality_id = $1 AND version_id = $2")
            .bind(municipality_id)
            .bind(version_id)
            .fetch_one(&mut *tx)
            .await?;
    let (open,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM agreement_consultations WHERE municipality_id = $1 AND version_id = $2 AND status = 'open'",
    )
    .bind(municipality_id)
    .bind(version_id)
    .fetch_one(&mut *tx)
    .await?;
    let new_status = domain::adopt(status, usize::try_from(principles).unwrap_or(0), open > 0)?;
    sqlx::query(
        "UPDATE agreement_versions SET status = $1, adopted_by = $2, adopted_on = $3, adopted_at = $4, updated_at = $4 \
         WHERE id = $5 AND municipality_id = $6 AND status = 'draft'",
    )
    .bind(new_status.as_str())
    .bind(adopted_by)
    .bind(adopted_on)
    .bind(now)
    .bind(version_id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.adopt",
        "agreement_version",
        version_id,
        format!("v{number}: {adopted_by} {adopted_on}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// --- Principles ---

/// A principle's row joined with its version's.
type PrincipleVersionRow = (
    i64,
    i64,
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
pub async fn principle(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<(Principle, Version)>, sqlx::Error> {
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
    id: i64,
) -> Result<Option<(PrincipleWith, Version)>, sqlx::Error> {
    let Some((p, v)) = principle(db, municipality_id, id).await? else {
        return Ok(None);
    };
    let commitments: Vec<CommitmentRow> = sqlx::query_as(
        "SELECT id, principle_id, party, position, heading, body FROM agreement_commitments \
         WHERE municipality_id = $1 AND principle_id = $2",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let mut grouped = domain::assemble(vec![p], commitments.into_iter().map(commitment_from).collect());
    Ok(grouped.pop().map(|g| (g, v)))
}

/// Write new positions for the principles of a version, `order` being the whole new order.
async fn write_principle_order(tx: &mut Tx, version_id: i64, order: &[i64]) -> Result<(), sqlx::Error> {
    let current: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, position FROM agreement_principles WHERE version_id = $1")
            .bind(version_id)
            .fetch_all(&mut **tx)
            .await?;
    let current: HashMap<i64, i64> = current.into_iter().collect();
    for (id, position) in domain::renumber(order, &current) {
        sqlx::query("UPDATE agreement_principles SET position = $1 WHERE id = $2")
            .bind(position)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn principle_order(tx: &mut Tx, version_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM agreement_principles WHERE version_id = $1 ORDER BY position, id")
            .bind(version_id)
            .fetch_all(&mut **tx)
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub struct PrincipleInput<'a> {
    /// The number the principle should have; `None` puts it last.
    pub number: Option<i64>,
    pub name: &'a str,
    pub body: &'a str,
}

/// Add a principle to a draft at the given number (the others move down).
pub async fn add_principle(
    db: &Db,
    municipality_id: MunicipalityId,
    version_id: i64,
    input: &PrincipleInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<i64> {
    let mut tx = db.write().await?;
    let (status, number) = version_status(db, &mut tx, municipality_id, version_id).await?;
    domain::check_editable(status)?;
    let order = principle_order(&mut tx, version_id).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO agreement_principles (municipality_id, version_id, position, name, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(municipality_id)
    .bind(version_id)
    .bind(i64::try_from(order.len()).unwrap_or(0) + 1)
    .bind(input.name)
    .bind(input.body)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    write_principle_order(&mut tx, version_id, &domain::place(&order, id, input.number)).await?;
    touch(&mut tx, version_id, now).await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.principle.add",
        "agreement_principle",
        id,
        format!("v{number}: {}", input.name),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The version a principle belongs to, checked editable, inside the transaction.
async fn editable_principle(db: &Db, tx: &mut Tx, municipality_id: MunicipalityId, id: i64) -> StoreResult<(i64, i64)> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT version_id FROM agreement_principles WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality_id)
            .fetch_optional(&mut **tx)
            .await?;
    let (version_id,) = row.ok_or(StoreError::NotFound)?;
    let (status, number) = version_status(db, tx, municipality_id, version_id).await?;
    domain::check_editable(status)?;
    Ok((version_id, number))
}

/// Change a principle's number, name and text.
pub async fn update_principle(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    input: &PrincipleInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let (version_id, number) = editable_principle(db, &mut tx, municipality_id, id).await?;
    sqlx::query("UPDATE agreement_principles SET name = $1, body = $2 WHERE id = $3 AND municipality_id = $4")
        .bind(input.name)
        .bind(input.body)
        .bind(id)
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    if input.number.is_some() {
        let order = principle_order(&mut tx, version_id).await?;
        write_principle_order(&mut tx, version_id, &domain::place(&order, id, input.number)).await?;
    }
    touch(&mut tx, version_id, now).await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.principle.update",
        "agreement_principle",
        id,
        format!("v{number}: {}", input.name),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Remove a principle with its commitments; the ones after it move up.
pub async fn remove_principle(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let (version_id, number) = editable_principle(db, &mut tx, municipality_id, id).await?;
    let (name,): (String,) = sqlx::query_as("SELECT name FROM agreement_principles WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM agreement_commitments WHERE principle_id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM agreement_principles WHERE id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    let order = principle_order(&mut tx, version_id).await?;
    write_principle_order(&mut tx, version_id, &order).await?;
    touch(&mut tx, version_id, now).await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.principle.remove",
        "agreement_principle",
        id,
        format!("v{number}: {name}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// --- Commitments ---

/// One commitment with its principle and version.
pub async fn commitment(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
) -> Result<Option<(Commitment, Principle, Version)>, sqlx::Error> {
    let row: Option<(i64, i64, String, i64, String, String)> = sqlx::query_as(
        "SELECT id, principle_id, party, position, heading, body FROM agreement_commitments \
         WHERE id = $1 AND municipality_id = $2",
    )
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

pub struct CommitmentInput<'a> {
    pub party: Party,
    /// The number within the party's list; `None` puts it last.
    pub number: Option<i64>,
    pub heading: &'a str,
    pub body: &'a str,
}

async fn commitment_order(tx: &mut Tx, principle_id: i64, party: Party) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM agreement_commitments WHERE principle_id = $1 AND party = $2 ORDER BY position, id",
    )
    .bind(principle_id)
    .bind(party.as_str())
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

async fn write_commitment_order(
    tx: &mut Tx,
    principle_id: i64,
    party: Party,
    order: &[i64],
) -> Result<(), sqlx::Error> {
    let current: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, position FROM agreement_commitments WHERE principle_id = $1 AND party = $2")
            .bind(principle_id)
            .bind(party.as_str())
            .fetch_all(&mut **tx)
            .await?;
    let current: HashMap<i64, i64> = current.into_iter().collect();
    for (id, position) in domain::renumber(order, &current) {
        sqlx::query("UPDATE agreement_commitments SET position = $1 WHERE id = $2")
            .bind(position)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Add a commitment under a principle of a draft.
pub async fn add_commitment(
    db: &Db,
    municipality_id: MunicipalityId,
    principle_id: i64,
    input: &CommitmentInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<i64> {
    let mut tx = db.write().await?;
    let (version_id, number) = editable_principle(db, &mut tx, municipality_id, principle_id).await?;
    let order = commitment_order(&mut tx, principle_id, input.party).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO agreement_commitments \
         (municipality_id, version_id, principle_id, party, position, heading, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(municipality_id)
    .bind(version_id)
    .bind(principle_id)
    .bind(input.party.as_str())
    .bind(i64::try_from(order.len()).unwrap_or(0) + 1)
    .bind(input.heading)
    .bind(input.body)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    write_commitment_order(
        &mut tx,
        principle_id,
        input.party,
        &domain::place(&order, id, input.number),
    )
    .await?;
    touch(&mut tx, version_id, now).await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.commitment.add",
        "agreement_commitment",
        id,
        format!("v{number}: {}", summary_of(input.body)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The start of a text, for the audit trail.
fn summary_of(text: &str) -> String {
    let mut s: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        s.push('…');
    }
    s
}

/// A commitment's principle and party, checked editable, inside the transaction.
async fn editable_commitment(
    db: &Db,
    tx: &mut Tx,
    municipality_id: MunicipalityId,
    id: i64,
) -> StoreResult<(i64, i64, Party, i64)> {
    let row: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT version_id, principle_id, party FROM agreement_commitments WHERE id = $1 AND municipality_id = $2",
    )
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&mut **tx)
    .await?;
    let (version_id, principle_id, party) = row.ok_or(StoreError::NotFound)?;
    let (status, number) = version_status(db, tx, municipality_id, version_id).await?;
    domain::check_editable(status)?;
    Ok((
        version_id,
        principle_id,
        Party::parse(&party).ok_or(StoreError::NotFound)?,
        number,
    ))
}

/// Change a commitment: its party, number, heading and text.
pub async fn update_commitment(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    input: &CommitmentInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let (version_id, principle_id, old_party, number) = editable_commitment(db, &mut tx, municipality_id, id).await?;
    sqlx::query(
        "UPDATE agreement_commitments SET party = $1, heading = $2, body = $3 WHERE id = $4 AND municipality_id = $5",
    )
    .bind(input.party.as_str())
    .bind(input.heading)
    .bind(input.body)
    .bind(id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    if old_party != input.party {
        let rest = commitment_order(&mut tx, principle_id, old_party).await?;
        write_commitment_order(&mut tx, principle_id, old_party, &rest).await?;
    }
    if old_party != input.party || input.number.is_some() {
        let order = commitment_order(&mut tx, principle_id, input.party).await?;
        // A commitment moved to the other party without a number goes last there.
        let wanted = if old_party != input.party && input.number.is_none() {
            None
        } else {
            input.number
        };
        let order = domain::place(&order, id, wanted);
        write_commitment_order(&mut tx, principle_id, input.party, &order).await?;
    }
    touch(&mut tx, version_id, now).await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.commitment.update",
        "agreement_commitment",
        id,
        format!("v{number}: {}", summary_of(input.body)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Remove a commitment; the ones after it move up.
pub async fn remove_commitment(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<i64> {
    let mut tx = db.write().await?;
    let (version_id, principle_id, party, number) = editable_commitment(db, &mut tx, municipality_id, id).await?;
    let (body,): (String,) = sqlx::query_as("SELECT body FROM agreement_commitments WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM agreement_commitments WHERE id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    let order = commitment_order(&mut tx, principle_id, party).await?;
    write_commitment_order(&mut tx, principle_id, party, &order).await?;
    touch(&mut tx, version_id, now).await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.commitment.remove",
        "agreement_commitment",
        id,
        format!("v{number}: {}", summary_of(&body)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(principle_id)
}

// --- Timeline ---

type TimelineRow = (i64, String, String, String, String);

fn timeline_from(r: TimelineRow) -> TimelineEntry {
    TimelineEntry {
        id: r.0,
        happened_on: r.1,
        kind: TimelineKind::parse(&r.2).unwrap_or(TimelineKind::Other),
        title: r.3,
        body: r.4,
    }
}

/// The timeline, in the order things happened.
pub async fn timeline(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<TimelineEntry>, sqlx::Error> {
    let rows: Vec<TimelineRow> = sqlx::query_as(
        "SELECT id, happened_on, kind, title, body FROM agreement_timeline WHERE municipality_id = $1 \
         ORDER BY happened_on, id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v: Vec<TimelineEntry> = rows.into_iter().map(timeline_from).collect();
    domain::sort_timeline(&mut v);
    Ok(v)
}

pub async fn timeline_entry(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<TimelineEntry>, sqlx::Error> {
    let row: Option<TimelineRow> = sqlx::query_as(
        "SELECT id, happened_on, kind, title, body FROM agreement_timeline WHERE id = $1 AND municipality_id = $2",
    )
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(timeline_from))
}

pub struct TimelineInput<'a> {
    pub happened_on: &'a str,
    pub kind: TimelineKind,
    pub title: &'a str,
    pub body: &'a str,
}

pub async fn add_timeline_entry(
    db: &Db,
    municipality_id: MunicipalityId,
    input: &TimelineInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<i64> {
    let mut tx = db.write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO agreement_timeline (municipality_id, happened_on, kind, title, body, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(municipality_id)
    .bind(input.happened_on)
    .bind(input.kind.as_str())
    .bind(input.title)
    .bind(input.body)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.timeline.add",
        "agreement_timeline",
        id,
        format!("{} {}", input.happened_on, input.title),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update_timeline_entry(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    input: &TimelineInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let done = sqlx::query(
        "UPDATE agreement_timeline SET happened_on = $1, kind = $2, title = $3, body = $4, updated_at = $5 \
         WHERE id = $6 AND municipality_id = $7",
    )
    .bind(input.happened_on)
    .bind(input.kind.as_str())
    .bind(input.title)
    .bind(input.body)
    .bind(now)
    .bind(id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.timeline.update",
        "agreement_timeline",
        id,
        format!("{} {}", input.happened_on, input.title),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_timeline_entry(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT happened_on, title FROM agreement_timeline WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality_id)
            .fetch_optional(&mut *tx)
            .await?;
    let (on, title) = row.ok_or(StoreError::NotFound)?;
    sqlx::query("DELETE FROM agreement_timeline WHERE id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.timeline.remove",
        "agreement_timeline",
        id,
        format!("{on} {title}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// --- Consultations ---

type ConsultationRow = (i64, i64, String, String, String, i64, Option<i64>, Option<i64>);
const CONSULTATION_COLUMNS: &str = "id, version_id, title, intro, status, opened_at, closed_at, published_at";

fn consultation_from(r: ConsultationRow) -> Consultation {
    Consultation {
        id: r.0,
        version_id: r.1,
        title: r.2,
        intro: r.3,
        status: ConsultationStatus::parse(&r.4).unwrap_or(ConsultationStatus::Closed),
        opened_at: r.5,
        closed_at: r.6,
        published_at: r.7,
    }
}

/// Every consultation of the municipality, newest first.
pub async fn consultations(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Consultation>, sqlx::Error> {
    let rows: Vec<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM agreement_consultations WHERE municipality_id = $1 \
         ORDER BY opened_at DESC, id DESC"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(consultation_from).collect())
}

pub async fn consultation(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Consultation>, sqlx::Error> {
    let row: Option<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM agreement_consultations WHERE id = $1 AND municipality_id = $2"
    ))
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(consultation_from))
}

type ItemRow = (i64, i64, String, String, String, i64, String, String);

/// The commitments of a consultation as they were sent out (one query).
pub async fn items(db: &Db, municipality_id: MunicipalityId, consultation_id: i64) -> Result<Vec<Item>, sqlx::Error> {
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, principle_position, principle_name, principle_body, party, position, heading, body \
         FROM agreement_consultation_items WHERE municipality_id = $1 AND consultation_id = $2",
    )
    .bind(municipality_id)
    .bind(consultation_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Item {
            id: r.0,
            principle_position: r.1,
            principle_name: r.2,
            principle_body: r.3,
            party: Party::parse(&r.4).unwrap_or(Party::Municipality),
            position: r.5,
            heading: r.6,
            body: r.7,
        })
        .collect())
}

type CommentRow = (i64, i64, Option<String>, String, i64);

fn comment_from(r: CommentRow) -> Comment {
    Comment {
        id: r.0,
        item_id: r.1,
        author: r.2,
        body: r.3,
        created_at: r.4,
    }
}

/// Every comment of a consultation, with the authors' names (for the coordinator).
pub async fn comments(db: &Db, municipality_id: MunicipalityId, consultation_id: i64) -> Result<Vec<Comment>, sqlx::Error> {
    let rows: Vec<CommentRow> = sqlx::query_as(
        "SELECT c.id, c.item_id, u.name, c.body, c.created_at FROM agreement_comments c \
         LEFT JOIN users u ON u.id = c.user_id \
         WHERE c.municipality_id = $1 AND c.consultation_id = $2",
    )
    .bind(municipality_id)
    .bind(consultation_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(comment_from).collect())
}

/// Every comment of a consultation without names (for the published compilation).
pub async fn anonymous_comments(
    db: &Db,
    municipality_id: MunicipalityId,
    consultation_id: i64,
) -> Result<Vec<Comment>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(
        "SELECT id, item_id, body, created_at FROM agreement_comments \
         WHERE municipality_id = $1 AND consultation_id = $2",
    )
    .bind(municipality_id)
    .bind(consultation_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| comment_from((r.0, r.1, None, r.2, r.3)))
        .collect())
}

/// One person's own comments in a consultation.
pub async fn own_comments(
    db: &Db,
    municipality_id: MunicipalityId,
    consultation_id: i64,
    user_id: UserId,
) -> Result<Vec<Comment>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(
        "SELECT id, item_id, body, created_at FROM agreement_comments \
         WHERE municipality_id = $1 AND consultation_id = $2 AND user_id = $3",
    )
    .bind(municipality_id)
    .bind(consultation_id)
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| comment_from((r.0, r.1, None, r.2, r.3)))
        .collect())
}

/// The number of comments per consultation of the municipality.
pub async fn comment_counts(db: &Db, municipality_id: MunicipalityId) -> Result<HashMap<i64, i64>, sqlx::Error> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT consultation_id, COUNT(*) FROM agreement_comments WHERE municipality_id = $1 GROUP BY consultation_id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Open a consultation on the draft: the draft's commitments are copied as they stand now.
pub async fn open_consultation(
    db: &Db,
    municipality_id: MunicipalityId,
    title: &str,
    intro: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<i64> {
    let mut tx = db.write().await?;
    let draft: Option<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT id, number FROM agreement_versions WHERE municipality_id = $1 AND status = 'draft'{}",
        for_update(db)
    ))
    .bind(municipality_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (open,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM agreement_consultations WHERE municipality_id = $1 AND status = 'open'")
            .bind(municipality_id)
            .fetch_one(&mut *tx)
            .await?;
    let commitments: i64 = match draft {
        Some((version_id, _)) => {
            let (n,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM agreement_commitments WHERE municipality_id = $1 AND version_id = $2",
            )
            .bind(municipality_id)
            .bind(version_id)
            .fetch_one(&mut *tx)
            .await?;
            n
        }
        None => 0,
    };
    domain::open_consultation(
        draft.map(|_| VersionStatus::Draft),
        usize::try_from(commitments).unwrap_or(0),
        open > 0,
    )?;
    let (version_id, number) = draft.ok_or(RuleError::NoDraft)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO agreement_consultations (municipality_id, version_id, title, intro, status, opened_at) \
         VALUES ($1, $2, $3, $4, 'open', $5) RETURNING id",
    )
    .bind(municipality_id)
    .bind(version_id)
    .bind(title)
    .bind(intro)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        // Another consultation opened at the same moment (the one-open index).
        if platform::db::is_unique_violation(&e) {
            StoreError::Rule(RuleError::ConsultationOpen)
        } else {
            StoreError::Db(e)
        }
    })?;
    sqlx::query(
        "INSERT INTO agreement_consultation_items \
         (municipality_id, consultation_id, commitment_id, principle_position, principle_name, principle_body, \
          party, position, heading, body) \
         SELECT c.municipality_id, $1, c.id, p.position, p.name, p.body, c.party, c.position, c.heading, c.body \
         FROM agreement_commitments c JOIN agreement_principles p ON p.id = c.principle_id \
         WHERE c.municipality_id = $2 AND c.version_id = $3",
    )
    .bind(id)
    .bind(municipality_id)
    .bind(version_id)
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.consultation.open",
        "agreement_consultation",
        id,
        format!("v{number}: {title}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn consultation_status(
    db: &Db,
    tx: &mut Tx,
    municipality_id: MunicipalityId,
    id: i64,
) -> StoreResult<(ConsultationStatus, String)> {
    let row: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT status, title FROM agreement_consultations WHERE id = $1 AND municipality_id = $2{}",
        for_update(db)
    ))
    .bind(id)
    .bind(municipality_id)
    .fetch_optional(&mut **tx)
    .await?;
    let (status, title) = row.ok_or(StoreError::NotFound)?;
    Ok((ConsultationStatus::parse(&status).ok_or(StoreError::NotFound)?, title))
}

/// Close an open consultation: no more comments.
pub async fn close_consultation(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let (status, title) = consultation_status(db, &mut tx, municipality_id, id).await?;
    let next = domain::close_consultation(status)?;
    sqlx::query(
        "UPDATE agreement_consultations SET status = $1, closed_at = $2 WHERE id = $3 AND municipality_id = $4",
    )
    .bind(next.as_str())
    .bind(now)
    .bind(id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.consultation.close",
        "agreement_consultation",
        id,
        title,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publish the compilation of a closed consultation.
pub async fn publish_consultation(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let mut tx = db.write().await?;
    let (status, title) = consultation_status(db, &mut tx, municipality_id, id).await?;
    let next = domain::publish_consultation(status)?;
    sqlx::query(
        "UPDATE agreement_consultations SET status = $1, published_at = $2 WHERE id = $3 AND municipality_id = $4",
    )
    .bind(next.as_str())
    .bind(now)
    .bind(id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        municipality_id,
        actor,
        "agreement.consultation.publish",
        "agreement_consultation",
        id,
        title,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The consultation a commitment sent out on consultation belongs to, in this municipality.
pub async fn item_consultation(db: &Db, municipality_id: MunicipalityId, item_id: i64) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT consultation_id FROM agreement_consultation_items WHERE id = $1 AND municipality_id = $2",
    )
    .bind(item_id)
    .bind(municipality_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.0))
}

/// Comment on a commitment of an open consultation. Returns the consultation's id.
pub async fn add_comment(
    db: &Db,
    municipality_id: MunicipalityId,
    item_id: i64,
    author: Option<&CurrentUser>,
    body: &str,
    now: i64,
) -> StoreResult<i64> {
    let mut tx = db.write().await?;
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT consultation_id FROM agreement_consultation_items WHERE id = $1 AND municipality_id = $2",
    )
    .bind(item_id)
    .bind(municipality_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (consultation_id,) = row.ok_or(StoreError::NotFound)?;
    let (status, _) = consultation_status(db, &mut tx, municipality_id, consultation_id).await?;
    if !domain::can_comment(status) {
        return Err(RuleError::ConsultationNotOpen.into());
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO agreement_comments (municipality_id, consultation_id, item_id, user_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(municipality_id)
    .bind(consultation_id)
    .bind(item_id)
    .bind(author.map(|u| u.id))
    .bind(body)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    record(
        &mut tx,
        municipality_id,
        author,
        "agreement.comment.add",
        "agreement_comment",
        id,
        format!("#{consultation_id}/{item_id}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(consultation_id)
}
