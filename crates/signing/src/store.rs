//! The signing book's queries. Every function takes the municipality's id (the tenant), and
//! every change is written with its audit entry in one transaction.

use crate::domain::{Channel, OnlineSigning, PaperSigner, PaperSigning, Signature, SignedBy, SignerKind};
use crate::ids::SignatureId;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, OnConstraint, Update};
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use sea_query::{Expr, Iden};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The signing book's one table.
#[derive(Iden)]
pub(crate) enum Signatures {
    Table,
    Id,
    MunicipalityId,
    SignerKind,
    OrganisationId,
    DepartmentId,
    SignerName,
    SignedByName,
    SignedByRole,
    SignedOn,
    Channel,
    RecordedByUserId,
    CreatedAt,
    WithdrawnAt,
    WithdrawnByUserId,
    WithdrawalReason,
}

/// The columns of a [`Signature`], with the signer's current name from the registry.
const SELECT: &str = "SELECT s.id, s.municipality_id, s.signer_kind, s.organisation_id, s.department_id, \
     COALESCE(o.name, d.name, s.signer_name) AS signer_name, s.signed_by_name, s.signed_by_role, s.signed_on, \
     s.channel, s.recorded_by_user_id, s.created_at, s.withdrawn_at, s.withdrawn_by_user_id, s.withdrawal_reason \
     FROM signatures s \
     LEFT JOIN organisations o ON o.id = s.organisation_id \
     LEFT JOIN departments d ON d.id = s.department_id";

fn decode_err(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("signatures.{what}: unexpected value {value:?}").into())
}

fn signature(r: &AnyRow) -> Result<Signature, sqlx::Error> {
    let kind: String = r.try_get("signer_kind")?;
    let channel: String = r.try_get("channel")?;
    let signed_on: String = r.try_get("signed_on")?;
    Ok(Signature {
        id: r.try_get("id")?,
        municipality_id: r.try_get("municipality_id")?,
        kind: kind
            .parse::<SignerKind>()
            .map_err(|_| decode_err("signer_kind", &kind))?,
        organisation_id: r.try_get("organisation_id")?,
        department_id: r.try_get("department_id")?,
        signer_name: r.try_get("signer_name")?,
        signed_by_name: r.try_get("signed_by_name")?,
        signed_by_role: r.try_get("signed_by_role")?,
        signed_on: chrono::NaiveDate::parse_from_str(&signed_on, "%Y-%m-%d")
            .map_err(|_| decode_err("signed_on", &signed_on))?,
        channel: channel
            .parse::<Channel>()
            .map_err(|_| decode_err("channel", &channel))?,
        recorded_by_user_id: r.try_get("recorded_by_user_id")?,
        created_at: r.try_get("created_at")?,
        withdrawn_at: r.try_get("withdrawn_at")?,
        withdrawn_by_user_id: r.try_get("withdrawn_by_user_id")?,
        withdrawal_reason: r.try_get("withdrawal_reason")?,
    })
}

/// The organisation's signature in force, if it has signed (for its public profile).
pub async fn in_force_for_organisation(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
) -> Result<Option<Signature>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "{SELECT} WHERE s.municipality_id = $1 AND s.organisation_id = $2 AND s.withdrawn_at IS NULL"
    ))
    .bind(municipality_id)
    .bind(organisation_id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(signature).transpose()
}

/// The signatures in force of some of the municipality's organisations (one query).
pub async fn in_force_for_organisations(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_ids: &[OrganisationId],
) -> Result<Vec<Signature>, sqlx::Error> {
    if organisation_ids.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (0..organisation_ids.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "{SELECT} WHERE s.municipality_id = $1 AND s.withdrawn_at IS NULL AND s.organisation_id IN ({})",
        placeholders.join(", ")
    );
    let mut q = sqlx::query(&sql).bind(municipality_id);
    for id in organisation_ids {
        q = q.bind(*id);
    }
    let rows = q.fetch_all(&db.pool).await?;
    let mut v = rows.iter().map(signature).collect::<Result<Vec<_>, _>>()?;
    v.sort_by(crate::domain::list_order);
    Ok(v)
}

/// Every signature in force, in the list's order (one query).
pub async fn in_force(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Signature>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE s.municipality_id = $1 AND s.withdrawn_at IS NULL"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v = rows.iter().map(signature).collect::<Result<Vec<_>, _>>()?;
    v.sort_by(crate::domain::list_order);
    Ok(v)
}

/// The `n` latest signatures in force, by the date signed (latest first), and how many are in
/// force in all (the start page; two queries).
pub async fn latest(db: &Db, municipality_id: MunicipalityId, n: i64) -> Result<(Vec<Signature>, i64), sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE s.municipality_id = $1 AND s.withdrawn_at IS NULL ORDER BY s.signed_on DESC, s.id DESC LIMIT $2"
    ))
    .bind(municipality_id)
    .bind(n)
    .fetch_all(&db.pool)
    .await?;
    let latest = rows.iter().map(signature).collect::<Result<Vec<_>, _>>()?;
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM signatures WHERE municipality_id = $1 AND withdrawn_at IS NULL")
            .bind(municipality_id)
            .fetch_one(&db.pool)
            .await?;
    Ok((latest, total))
}

/// How many signatures are in force in each municipality that has any (the front page).
pub async fn in_force_per_municipality(db: &Db) -> Result<Vec<(MunicipalityId, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT municipality_id, COUNT(*) FROM signatures WHERE withdrawn_at IS NULL GROUP BY municipality_id",
    )
    .fetch_all(&db.pool)
    .await
}

/// One signature of the municipality, in force or withdrawn.
pub async fn get(db: &Db, municipality_id: MunicipalityId, id: SignatureId) -> Result<Option<Signature>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} WHERE s.municipality_id = $1 AND s.id = $2"))
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(signature).transpose()
}

/// A line of the history: the signature and the names of who recorded and who withdrew it.
#[derive(Clone, Debug)]
pub struct HistoryEntry {
    pub signature: Signature,
    pub recorded_by: Option<String>,
    pub withdrawn_by: Option<String>,
}

/// Every signature ever made in the municipality, newest first (one query).
pub async fn history(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<HistoryEntry>, sqlx::Error> {
    let sql = SELECT.replacen(
        " FROM signatures s",
        ", ru.name AS recorded_by, wu.name AS withdrawn_by FROM signatures s \
         LEFT JOIN users ru ON ru.id = s.recorded_by_user_id \
         LEFT JOIN users wu ON wu.id = s.withdrawn_by_user_id",
        1,
    );
    let rows = sqlx::query(&format!(
        "{sql} WHERE s.municipality_id = $1 ORDER BY s.created_at DESC, s.id DESC"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(HistoryEntry {
                signature: signature(r)?,
                recorded_by: r.try_get("recorded_by")?,
                withdrawn_by: r.try_get("withdrawn_by")?,
            })
        })
        .collect()
}

/// (id, name) of the municipality's organisations, in Swedish order.
pub async fn organisations(
    db: &Db,
    municipality_id: MunicipalityId,
) -> Result<Vec<(OrganisationId, String)>, sqlx::Error> {
    let mut v: Vec<(OrganisationId, String)> =
        sqlx::query_as("SELECT id, name FROM organisations WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    Ok(v)
}

/// (id, name) of the municipality's departments, in Swedish order.
pub async fn departments(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<(DepartmentId, String)>, sqlx::Error> {
    let mut v: Vec<(DepartmentId, String)> =
        sqlx::query_as("SELECT id, name FROM departments WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    Ok(v)
}

/// Why a signature could not be stored or withdrawn.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    /// The organisation or department (or the company or other signer of that name) already
    /// has a signature in force.
    #[error("already signed")]
    AlreadySigned,
    /// The organisation or department is not one of the municipality's.
    #[error("no such signer in this municipality")]
    UnknownSigner,
    /// The signature does not exist in the municipality, or is withdrawn already.
    #[error("no such signature in force")]
    NotInForce,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// What a new signature holds.
struct NewSignature<'a> {
    kind: SignerKind,
    organisation_id: Option<OrganisationId>,
    department_id: Option<DepartmentId>,
    by: &'a SignedBy,
    channel: Channel,
    recorded_by_user_id: Option<UserId>,
}

/// Store a signature with its audit entry in one write transaction. The organisation or
/// department must be the municipality's; "already signed" comes from the partial unique
/// indexes (any of them: organisation, department, or company/other by name), so two
/// signatures sent at the same moment end as one signature and one refusal.
async fn insert(
    db: &Db,
    municipality_id: MunicipalityId,
    new: NewSignature<'_>,
    free_name: Option<&str>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<SignatureId, SignError> {
    db::write(db, now, async |tx| {
        let name: Option<(String,)> = match (new.organisation_id, new.department_id) {
            (Some(o), _) => {
                sqlx::query_as("SELECT name FROM organisations WHERE id = $1 AND municipality_id = $2")
                    .bind(o)
                    .bind(municipality_id)
                    .fetch_optional(&mut *tx)
                    .await?
            }
            (None, Some(d)) => {
                sqlx::query_as("SELECT name FROM departments WHERE id = $1 AND municipality_id = $2")
                    .bind(d)
                    .bind(municipality_id)
                    .fetch_optional(&mut *tx)
                    .await?
            }
            (None, None) => free_name.map(|n| (n.to_string(),)),
        };
        let Some((signer_name,)) = name else {
            return Err(SignError::UnknownSigner);
        };
        let id: SignatureId = db::Insert::into(Signatures::Table)
            .set(Signatures::MunicipalityId, municipality_id)
            .set(Signatures::SignerKind, new.kind.as_str())
            .set(Signatures::OrganisationId, new.organisation_id)
            .set(Signatures::DepartmentId, new.department_id)
            .set(Signatures::SignerName, signer_name.as_str())
            .set(Signatures::SignedByName, new.by.name.as_str())
            .set(Signatures::SignedByRole, new.by.role.as_str())
            .set(Signatures::SignedOn, new.by.on.format("%Y-%m-%d").to_string())
            .set(Signatures::Channel, new.channel.as_str())
            .set(Signatures::RecordedByUserId, new.recorded_by_user_id)
            .set(Signatures::CreatedAt, now)
            .returning_id(tx)
            .await
            .on_any_unique(|| SignError::AlreadySigned)?;
        if let Some(o) = new.organisation_id {
            registry::public::set_signed(tx, o, true).await?;
        }
        let action = match new.channel {
            Channel::Online => "signature.sign",
            Channel::Paper => "signature.record_paper",
        };
        let summary = format!(
            "{signer_name} ({}): {}, {}, {}",
            new.kind.as_str(),
            new.by.name,
            new.by.role,
            new.by.on
        );
        Ok((
            id,
            Change::new(municipality_id, actor, action, "signature", id, summary),
        ))
    })
    .await
}

/// A representative's signature for their organisation (whether they represent it is checked
/// before, by `domain::may_sign`).
pub async fn sign_online(
    db: &Db,
    municipality_id: MunicipalityId,
    user: &CurrentUser,
    s: &OnlineSigning,
    now: i64,
) -> Result<SignatureId, SignError> {
    insert(
        db,
        municipality_id,
        NewSignature {
            kind: SignerKind::Association,
            organisation_id: Some(s.organisation_id),
            department_id: None,
            by: &s.by,
            channel: Channel::Online,
            recorded_by_user_id: Some(user.id),
        },
        None,
        Some(user),
        now,
    )
    .await
}

/// A paper signature recorded by the coordinator (`recorded_by` is the coordinator's id;
/// `actor` is who the audit trail names, none for the demo data).
pub async fn record_paper(
    db: &Db,
    municipality_id: MunicipalityId,
    s: &PaperSigning,
    recorded_by: Option<UserId>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<SignatureId, SignError> {
    let (organisation_id, department_id, free_name) = match &s.signer {
        PaperSigner::Organisation(id) => (Some(*id), None, None),
        PaperSigner::Department(id) => (None, Some(*id), None),
        PaperSigner::Company(n) | PaperSigner::Other(n) => (None, None, Some(n.as_str())),
    };
    insert(
        db,
        municipality_id,
        NewSignature {
            kind: s.signer.kind(),
            organisation_id,
            department_id,
            by: &s.by,
            channel: Channel::Paper,
            recorded_by_user_id: recorded_by,
        },
        free_name,
        actor,
        now,
    )
    .await
}

/// Withdraw a signature in force; the row stays, with when, by whom and why.
pub async fn withdraw(
    db: &Db,
    municipality_id: MunicipalityId,
    id: SignatureId,
    reason: Option<&str>,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), SignError> {
    db::write(db, now, async |tx| {
        let done = Update::table(Signatures::Table)
            .set(Signatures::WithdrawnAt, now)
            .set(Signatures::WithdrawnByUserId, actor.id)
            .set(Signatures::WithdrawalReason, reason)
            .filter(Signatures::Id, id)
            .filter(Signatures::MunicipalityId, municipality_id)
            .filter_expr(Expr::col(Signatures::WithdrawnAt).is_null())
            .run(tx)
            .await?;
        if done != 1 {
            return Err(SignError::NotInForce);
        }
        let (name, organisation): (String, Option<OrganisationId>) =
            sqlx::query_as("SELECT signer_name, organisation_id FROM signatures WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        if let Some(o) = organisation {
            let (left,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM signatures WHERE organisation_id = $1 AND withdrawn_at IS NULL")
                    .bind(o)
                    .fetch_one(&mut *tx)
                    .await?;
            registry::public::set_signed(tx, o, left > 0).await?;
        }
        let summary = match reason {
            Some(r) => format!("{name}: {r}"),
            None => name,
        };
        Ok((
            (),
            Change::new(
                municipality_id,
                Some(actor),
                "signature.withdraw",
                "signature",
                id,
                summary,
            ),
        ))
    })
    .await
}
