//! The draft's writes: start a draft (a copy of the latest adopted version), its introduction,
//! its principles and commitments in the municipality's own order, and adopting it. Each runs
//! in one write transaction with its audit entry ([`db::write`]), and the rules of
//! [`crate::domain`] are checked inside that transaction, so an adopted version stays frozen
//! whatever the web layer does.

use crate::consultation::store as consultations;
use crate::domain::{self, Party, RuleError, Version, VersionStatus};
use crate::ids::{CommitmentId, PrincipleId, VersionId};
use crate::store::{
    version_status, CommitmentRow, Commitments, PrincipleRow, Principles, StoreError, StoreResult, Versions,
    COMMITMENT_COLUMNS, PRINCIPLE_COLUMNS,
};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, OnConstraint, Update};
use platform::MunicipalityId;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Start a new draft: a copy of the latest adopted version, or, when nothing is adopted yet,
/// a version with `first_principles` (names, in order) and nothing else.
pub async fn start_draft(
    db: &Db,
    m: MunicipalityId,
    first_principles: &[String],
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<Version> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let existing: Vec<(VersionId, i64, String, String)> = sqlx::query_as(&format!(
            "SELECT id, number, status, intro FROM agreement_versions WHERE municipality_id = $1{lock}"
        ))
        .bind(m)
        .fetch_all(&mut *tx)
        .await?;
        domain::start_draft(existing.iter().any(|v| v.2 == VersionStatus::Draft.as_str()))?;
        let numbers: Vec<i64> = existing.iter().map(|v| v.1).collect();
        let number = domain::next_version_number(&numbers);
        let source = existing
            .iter()
            .filter(|v| v.2 == VersionStatus::Adopted.as_str())
            .max_by_key(|v| v.1);
        let intro = source.map(|s| s.3.clone()).unwrap_or_default();
        let id: VersionId = Insert::into(Versions::Table)
            .set(Versions::MunicipalityId, m)
            .set(Versions::Number, number)
            .set(Versions::Status, VersionStatus::Draft.as_str())
            .set(Versions::Intro, intro.as_str())
            .set(Versions::CreatedAt, now)
            .set(Versions::UpdatedAt, now)
            .returning_id(tx)
            .await
            // Another draft started at the same moment (the one-draft index, or its number).
            .on_any_unique(|| StoreError::Rule(RuleError::DraftExists))?;
        match source {
            Some(src) => copy_version(tx, m, src.0, id, now).await?,
            None => {
                for (name, position) in first_principles.iter().zip(1i64..) {
                    Insert::into(Principles::Table)
                        .set(Principles::MunicipalityId, m)
                        .set(Principles::VersionId, id)
                        .set(Principles::Position, position)
                        .set(Principles::Name, name.as_str())
                        .set(Principles::Body, "")
                        .set(Principles::CreatedAt, now)
                        .run(tx)
                        .await?;
                }
            }
        }
        let summary = match source {
            Some(s) => format!("v{number} <- v{}", s.1),
            None => format!("v{number}"),
        };
        let version = Version {
            id,
            number,
            status: VersionStatus::Draft,
            intro,
            adopted_by: None,
            adopted_on: None,
            created_at: now,
            updated_at: now,
        };
        let change = Change::new(m, actor, "agreement.draft.start", "agreement_version", id, summary);
        Ok((version, change))
    })
    .await
}

/// Copy the principles and commitments of version `from` into the new version `to`.
async fn copy_version(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    from: VersionId,
    to: VersionId,
    now: i64,
) -> Result<(), sqlx::Error> {
    let principles: Vec<PrincipleRow> = sqlx::query_as(&format!(
        "SELECT {PRINCIPLE_COLUMNS} FROM agreement_principles \
         WHERE municipality_id = $1 AND version_id = $2 ORDER BY position, id"
    ))
    .bind(m)
    .bind(from)
    .fetch_all(&mut *tx)
    .await?;
    let commitments: Vec<CommitmentRow> = sqlx::query_as(&format!(
        "SELECT {COMMITMENT_COLUMNS} FROM agreement_commitments \
         WHERE municipality_id = $1 AND version_id = $2 ORDER BY position, id"
    ))
    .bind(m)
    .bind(from)
    .fetch_all(&mut *tx)
    .await?;
    let mut new_ids: HashMap<PrincipleId, PrincipleId> = HashMap::new();
    for p in principles {
        let pid: PrincipleId = Insert::into(Principles::Table)
            .set(Principles::MunicipalityId, m)
            .set(Principles::VersionId, to)
            .set(Principles::Position, p.2)
            .set(Principles::Name, p.3)
            .set(Principles::Body, p.4)
            .set(Principles::CreatedAt, now)
            .returning_id(tx)
            .await?;
        new_ids.insert(p.0, pid);
    }
    for c in commitments {
        let Some(pid) = new_ids.get(&c.1) else { continue };
        Insert::into(Commitments::Table)
            .set(Commitments::MunicipalityId, m)
            .set(Commitments::VersionId, to)
            .set(Commitments::PrincipleId, *pid)
            .set(Commitments::Party, c.2)
            .set(Commitments::Position, c.3)
            .set(Commitments::Heading, c.4)
            .set(Commitments::Body, c.5)
            .set(Commitments::CreatedAt, now)
            .run(tx)
            .await?;
    }
    Ok(())
}

/// The version changed now.
async fn touch(tx: &mut AnyConnection, m: MunicipalityId, version_id: VersionId, now: i64) -> Result<(), sqlx::Error> {
    Update::table(Versions::Table)
        .set(Versions::UpdatedAt, now)
        .filter(Versions::Id, version_id)
        .filter(Versions::MunicipalityId, m)
        .run(tx)
        .await?;
    Ok(())
}

/// Change the introduction of a draft.
pub async fn update_intro(
    db: &Db,
    m: MunicipalityId,
    version_id: VersionId,
    intro: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (status, number) = version_status(tx, lock, m, version_id).await?;
        domain::check_editable(status)?;
        Update::table(Versions::Table)
            .set(Versions::Intro, intro)
            .set(Versions::UpdatedAt, now)
            .filter(Versions::Id, version_id)
            .filter(Versions::MunicipalityId, m)
            .run(tx)
            .await?;
        let change = Change::new(
            m,
            actor,
            "agreement.intro.update",
            "agreement_version",
            version_id,
            format!("v{number}"),
        );
        Ok(((), change))
    })
    .await
}

/// Adopt a draft: the body that decided and the date of the decision. Frozen from then on.
pub async fn adopt(
    db: &Db,
    m: MunicipalityId,
    version_id: VersionId,
    adopted_by: &str,
    adopted_on: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (status, number) = version_status(tx, lock, m, version_id).await?;
        let (principles,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM agreement_principles WHERE municipality_id = $1 AND version_id = $2")
                .bind(m)
                .bind(version_id)
                .fetch_one(&mut *tx)
                .await?;
        let open = consultations::open_on(tx, m, version_id).await?;
        let new_status = domain::adopt(status, usize::try_from(principles).unwrap_or(0), open)?;
        Update::table(Versions::Table)
            .set(Versions::Status, new_status.as_str())
            .set(Versions::AdoptedBy, adopted_by)
            .set(Versions::AdoptedOn, adopted_on)
            .set(Versions::AdoptedAt, now)
            .set(Versions::UpdatedAt, now)
            .filter(Versions::Id, version_id)
            .filter(Versions::MunicipalityId, m)
            .filter(Versions::Status, VersionStatus::Draft.as_str())
            .run(tx)
            .await?;
        let summary = format!("v{number}: {adopted_by} {adopted_on}");
        Ok((
            (),
            Change::new(m, actor, "agreement.adopt", "agreement_version", version_id, summary),
        ))
    })
    .await
}

// --- Principles ---

/// Write new positions for the principles of a version, `order` being the whole new order.
async fn write_principle_order(
    tx: &mut AnyConnection,
    version_id: VersionId,
    order: &[PrincipleId],
) -> Result<(), sqlx::Error> {
    let current: Vec<(PrincipleId, i64)> =
        sqlx::query_as("SELECT id, position FROM agreement_principles WHERE version_id = $1")
            .bind(version_id)
            .fetch_all(&mut *tx)
            .await?;
    let current: HashMap<PrincipleId, i64> = current.into_iter().collect();
    for (id, position) in domain::renumber(order, &current) {
        Update::table(Principles::Table)
            .set(Principles::Position, position)
            .filter(Principles::Id, id)
            .run(tx)
            .await?;
    }
    Ok(())
}

async fn principle_order(tx: &mut AnyConnection, version_id: VersionId) -> Result<Vec<PrincipleId>, sqlx::Error> {
    let rows: Vec<(PrincipleId,)> =
        sqlx::query_as("SELECT id FROM agreement_principles WHERE version_id = $1 ORDER BY position, id")
            .bind(version_id)
            .fetch_all(&mut *tx)
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
    m: MunicipalityId,
    version_id: VersionId,
    input: &PrincipleInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<PrincipleId> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (status, number) = version_status(tx, lock, m, version_id).await?;
        domain::check_editable(status)?;
        let order = principle_order(tx, version_id).await?;
        let id: PrincipleId = Insert::into(Principles::Table)
            .set(Principles::MunicipalityId, m)
            .set(Principles::VersionId, version_id)
            .set(Principles::Position, i64::try_from(order.len()).unwrap_or(0) + 1)
            .set(Principles::Name, input.name)
            .set(Principles::Body, input.body)
            .set(Principles::CreatedAt, now)
            .returning_id(tx)
            .await?;
        write_principle_order(tx, version_id, &domain::place(&order, id, input.number)).await?;
        touch(tx, m, version_id, now).await?;
        let summary = format!("v{number}: {}", input.name);
        Ok((
            id,
            Change::new(m, actor, "agreement.principle.add", "agreement_principle", id, summary),
        ))
    })
    .await
}

/// The version a principle belongs to, checked editable, inside the transaction.
async fn editable_principle(
    tx: &mut AnyConnection,
    lock: &str,
    m: MunicipalityId,
    id: PrincipleId,
) -> StoreResult<(VersionId, i64)> {
    let row: Option<(VersionId,)> =
        sqlx::query_as("SELECT version_id FROM agreement_principles WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(m)
            .fetch_optional(&mut *tx)
            .await?;
    let (version_id,) = row.ok_or(StoreError::NotFound)?;
    let (status, number) = version_status(tx, lock, m, version_id).await?;
    domain::check_editable(status)?;
    Ok((version_id, number))
}

/// Change a principle's number, name and text.
pub async fn update_principle(
    db: &Db,
    m: MunicipalityId,
    id: PrincipleId,
    input: &PrincipleInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (version_id, number) = editable_principle(tx, lock, m, id).await?;
        Update::table(Principles::Table)
            .set(Principles::Name, input.name)
            .set(Principles::Body, input.body)
            .filter(Principles::Id, id)
            .filter(Principles::MunicipalityId, m)
            .run(tx)
            .await?;
        if input.number.is_some() {
            let order = principle_order(tx, version_id).await?;
            write_principle_order(tx, version_id, &domain::place(&order, id, input.number)).await?;
        }
        touch(tx, m, version_id, now).await?;
        let summary = format!("v{number}: {}", input.name);
        Ok((
            (),
            Change::new(
                m,
                actor,
                "agreement.principle.update",
                "agreement_principle",
                id,
                summary,
            ),
        ))
    })
    .await
}

/// Remove a principle with its commitments; the ones after it move up.
pub async fn remove_principle(
    db: &Db,
    m: MunicipalityId,
    id: PrincipleId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (version_id, number) = editable_principle(tx, lock, m, id).await?;
        let (name,): (String,) = sqlx::query_as("SELECT name FROM agreement_principles WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        db::Delete::from(Commitments::Table)
            .filter(Commitments::PrincipleId, id)
            .filter(Commitments::MunicipalityId, m)
            .run(tx)
            .await?;
        db::Delete::from(Principles::Table)
            .filter(Principles::Id, id)
            .filter(Principles::MunicipalityId, m)
            .run(tx)
            .await?;
        let order = principle_order(tx, version_id).await?;
        write_principle_order(tx, version_id, &order).await?;
        touch(tx, m, version_id, now).await?;
        let summary = format!("v{number}: {name}");
        Ok((
            (),
            Change::new(
                m,
                actor,
                "agreement.principle.remove",
                "agreement_principle",
                id,
                summary,
            ),
        ))
    })
    .await
}

// --- Commitments ---

pub struct CommitmentInput<'a> {
    pub party: Party,
    /// The number within the party's list; `None` puts it last.
    pub number: Option<i64>,
    pub heading: &'a str,
    pub body: &'a str,
}

async fn commitment_order(
    tx: &mut AnyConnection,
    principle_id: PrincipleId,
    party: Party,
) -> Result<Vec<CommitmentId>, sqlx::Error> {
    let rows: Vec<(CommitmentId,)> = sqlx::query_as(
        "SELECT id FROM agreement_commitments WHERE principle_id = $1 AND party = $2 ORDER BY position, id",
    )
    .bind(principle_id)
    .bind(party.as_str())
    .fetch_all(&mut *tx)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

async fn write_commitment_order(
    tx: &mut AnyConnection,
    principle_id: PrincipleId,
    party: Party,
    order: &[CommitmentId],
) -> Result<(), sqlx::Error> {
    let current: Vec<(CommitmentId, i64)> =
        sqlx::query_as("SELECT id, position FROM agreement_commitments WHERE principle_id = $1 AND party = $2")
            .bind(principle_id)
            .bind(party.as_str())
            .fetch_all(&mut *tx)
            .await?;
    let current: HashMap<CommitmentId, i64> = current.into_iter().collect();
    for (id, position) in domain::renumber(order, &current) {
        Update::table(Commitments::Table)
            .set(Commitments::Position, position)
            .filter(Commitments::Id, id)
            .run(tx)
            .await?;
    }
    Ok(())
}

/// Add a commitment under a principle of a draft.
pub async fn add_commitment(
    db: &Db,
    m: MunicipalityId,
    principle_id: PrincipleId,
    input: &CommitmentInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<CommitmentId> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (version_id, number) = editable_principle(tx, lock, m, principle_id).await?;
        let order = commitment_order(tx, principle_id, input.party).await?;
        let id: CommitmentId = Insert::into(Commitments::Table)
            .set(Commitments::MunicipalityId, m)
            .set(Commitments::VersionId, version_id)
            .set(Commitments::PrincipleId, principle_id)
            .set(Commitments::Party, input.party.as_str())
            .set(Commitments::Position, i64::try_from(order.len()).unwrap_or(0) + 1)
            .set(Commitments::Heading, input.heading)
            .set(Commitments::Body, input.body)
            .set(Commitments::CreatedAt, now)
            .returning_id(tx)
            .await?;
        let order = domain::place(&order, id, input.number);
        write_commitment_order(tx, principle_id, input.party, &order).await?;
        touch(tx, m, version_id, now).await?;
        let summary = format!("v{number}: {}", summary_of(input.body));
        Ok((
            id,
            Change::new(
                m,
                actor,
                "agreement.commitment.add",
                "agreement_commitment",
                id,
                summary,
            ),
        ))
    })
    .await
}

/// The start of a text, for the audit trail.
fn summary_of(text: &str) -> String {
    let mut s: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        s.push('…');
    }
    s
}

/// A commitment's version, principle and party, checked editable, inside the transaction.
async fn editable_commitment(
    tx: &mut AnyConnection,
    lock: &str,
    m: MunicipalityId,
    id: CommitmentId,
) -> StoreResult<(VersionId, PrincipleId, Party, i64)> {
    let row: Option<(VersionId, PrincipleId, String)> = sqlx::query_as(
        "SELECT version_id, principle_id, party FROM agreement_commitments WHERE id = $1 AND municipality_id = $2",
    )
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let (version_id, principle_id, party) = row.ok_or(StoreError::NotFound)?;
    let (status, number) = version_status(tx, lock, m, version_id).await?;
    domain::check_editable(status)?;
    let party = party.parse().map_err(|_| StoreError::NotFound)?;
    Ok((version_id, principle_id, party, number))
}

/// Change a commitment: its party, number, heading and text.
pub async fn update_commitment(
    db: &Db,
    m: MunicipalityId,
    id: CommitmentId,
    input: &CommitmentInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (version_id, principle_id, old_party, number) = editable_commitment(tx, lock, m, id).await?;
        Update::table(Commitments::Table)
            .set(Commitments::Party, input.party.as_str())
            .set(Commitments::Heading, input.heading)
            .set(Commitments::Body, input.body)
            .filter(Commitments::Id, id)
            .filter(Commitments::MunicipalityId, m)
            .run(tx)
            .await?;
        let moved = old_party != input.party;
        if moved {
            let rest = commitment_order(tx, principle_id, old_party).await?;
            write_commitment_order(tx, principle_id, old_party, &rest).await?;
        }
        if moved || input.number.is_some() {
            let order = commitment_order(tx, principle_id, input.party).await?;
            // A commitment moved to the other party without a number goes last there.
            let wanted = if moved && input.number.is_none() {
                None
            } else {
                input.number
            };
            let order = domain::place(&order, id, wanted);
            write_commitment_order(tx, principle_id, input.party, &order).await?;
        }
        touch(tx, m, version_id, now).await?;
        let summary = format!("v{number}: {}", summary_of(input.body));
        Ok((
            (),
            Change::new(
                m,
                actor,
                "agreement.commitment.update",
                "agreement_commitment",
                id,
                summary,
            ),
        ))
    })
    .await
}

/// Remove a commitment; the ones after it move up. Returns its principle.
pub async fn remove_commitment(
    db: &Db,
    m: MunicipalityId,
    id: CommitmentId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<PrincipleId> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (version_id, principle_id, party, number) = editable_commitment(tx, lock, m, id).await?;
        let (body,): (String,) = sqlx::query_as("SELECT body FROM agreement_commitments WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        db::Delete::from(Commitments::Table)
            .filter(Commitments::Id, id)
            .filter(Commitments::MunicipalityId, m)
            .run(tx)
            .await?;
        let order = commitment_order(tx, principle_id, party).await?;
        write_commitment_order(tx, principle_id, party, &order).await?;
        touch(tx, m, version_id, now).await?;
        let summary = format!("v{number}: {}", summary_of(&body));
        Ok((
            principle_id,
            Change::new(
                m,
                actor,
                "agreement.commitment.remove",
                "agreement_commitment",
                id,
                summary,
            ),
        ))
    })
    .await
}
