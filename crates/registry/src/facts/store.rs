//! Grant facts as stored: the profile's account, board size and annual meeting columns (written
//! with the profile, `profile::store`), and the statutes file in `registry_statutes`. Every
//! function takes the municipality.

use crate::domain::{Giro, GiroKind};
use crate::facts::domain::FactsEdit;
use crate::store::{owns, touch, Profiles, RegistryError};
use chrono::NaiveDate;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{MunicipalityId, OrganisationId};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The statutes on file, one per organisation.
#[derive(sea_query::Iden)]
#[iden = "registry_statutes"]
enum Statutes {
    Table,
    OrganisationId,
    MunicipalityId,
    FileName,
    Mime,
    Bytes,
    UploadedAt,
    UploadedByUserId,
}

/// An organisation's grant facts as stored, with what it is known by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFacts {
    pub organisation_id: OrganisationId,
    pub name: String,
    pub org_number: Option<String>,
    pub signed: bool,
    pub confirmed_at: Option<i64>,
    /// The payout account: its kind and the number as written.
    pub giro: Option<(GiroKind, String)>,
    pub board_members: Option<u32>,
    pub annual_meeting_on: Option<NaiveDate>,
    /// The statutes on file: (file name, uploaded at).
    pub statutes: Option<(String, i64)>,
}

const FACTS: &str = "SELECT p.organisation_id, o.name, o.org_number, CAST(p.signed AS BIGINT) AS signed, \
     p.confirmed_at, p.giro_kind, p.giro_number, p.board_members, p.annual_meeting_on, s.file_name, s.uploaded_at \
     FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id \
     LEFT JOIN registry_statutes s ON s.organisation_id = p.organisation_id \
     WHERE p.municipality_id = $1";

/// Up to this many organisations are named in the query; for more, the municipality's whole
/// list is read and filtered (one query either way, and never near a bind-parameter limit).
const NAMED_MAX: usize = 500;

fn facts_row(r: &AnyRow) -> Result<StoredFacts, sqlx::Error> {
    let signed: i64 = r.try_get("signed")?;
    let kind: Option<String> = r.try_get("giro_kind")?;
    let number: Option<String> = r.try_get("giro_number")?;
    let board: Option<i64> = r.try_get("board_members")?;
    let meeting: Option<String> = r.try_get("annual_meeting_on")?;
    let file_name: Option<String> = r.try_get("file_name")?;
    let uploaded_at: Option<i64> = r.try_get("uploaded_at")?;
    Ok(StoredFacts {
        organisation_id: r.try_get("organisation_id")?,
        name: r.try_get("name")?,
        org_number: r.try_get("org_number")?,
        signed: signed != 0,
        confirmed_at: r.try_get("confirmed_at")?,
        giro: kind
            .and_then(|k| k.parse::<GiroKind>().ok())
            .zip(number.filter(|n| !n.is_empty())),
        board_members: board.and_then(|n| u32::try_from(n).ok()),
        annual_meeting_on: meeting.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        statutes: file_name.zip(uploaded_at),
    })
}

/// The grant facts of the municipality's organisations, in the order of their ids: all of them
/// (`None`) or those named (an organisation of another municipality is not returned). One query.
pub async fn facts(
    db: &Db,
    municipality_id: MunicipalityId,
    of: Option<&[OrganisationId]>,
) -> Result<Vec<StoredFacts>, sqlx::Error> {
    let mut ids: Vec<OrganisationId> = of.map(<[OrganisationId]>::to_vec).unwrap_or_default();
    ids.sort();
    ids.dedup();
    if of.is_some() && ids.is_empty() {
        return Ok(vec![]);
    }
    let named = of.is_some() && ids.len() <= NAMED_MAX;
    let sql = if named {
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
        format!(
            "{FACTS} AND p.organisation_id IN ({}) ORDER BY p.organisation_id",
            marks.join(", ")
        )
    } else {
        format!("{FACTS} ORDER BY p.organisation_id")
    };
    let mut q = sqlx::query(&sql).bind(municipality_id);
    if named {
        for id in &ids {
            q = q.bind(*id);
        }
    }
    let rows = q.fetch_all(&db.pool).await?;
    let all = rows.iter().map(facts_row).collect::<Result<Vec<_>, _>>()?;
    Ok(match of {
        Some(_) if !named => all
            .into_iter()
            .filter(|f| ids.binary_search(&f.organisation_id).is_ok())
            .collect(),
        _ => all,
    })
}

/// One organisation's grant facts, if it is the municipality's.
pub async fn facts_of(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
) -> Result<Option<StoredFacts>, sqlx::Error> {
    Ok(facts(db, municipality_id, Some(&[id])).await?.pop())
}

/// In the caller's transaction: the profile's account, board size and meeting date. Returns
/// the account it had before, so the caller can tell whether it changed.
pub(crate) async fn write_facts(
    tx: &mut sqlx::AnyConnection,
    id: OrganisationId,
    f: &FactsEdit,
) -> Result<Option<(String, String)>, sqlx::Error> {
    let before: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT giro_kind, giro_number FROM registry_profiles WHERE organisation_id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    Update::table(Profiles::Table)
        .set(Profiles::GiroKind, f.giro.as_ref().map(|g| g.kind.code().to_string()))
        .set(Profiles::GiroNumber, f.giro.as_ref().map(|g| g.number().to_string()))
        .set(Profiles::BoardMembers, f.board_members.map(i64::from))
        .set(
            Profiles::AnnualMeetingOn,
            f.annual_meeting_on.map(|d| d.format("%Y-%m-%d").to_string()),
        )
        .filter(Profiles::OrganisationId, id)
        .run(tx)
        .await?;
    Ok(before.and_then(|(k, n)| k.zip(n)))
}

/// How an account reads in the audit trail: `bankgiro 5381-7425`.
pub(crate) fn giro_summary(g: Option<&Giro>) -> String {
    match g {
        Some(g) => format!("{} {}", g.kind.code(), g.number()),
        None => "inget".into(),
    }
}

/// A statutes file to keep, already checked (`facts::domain::check_statutes`).
pub struct NewStatutes<'a> {
    pub file_name: &'a str,
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

/// Keep the organisation's statutes, replacing the ones on file.
pub async fn save_statutes(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    file: &NewStatutes<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), RegistryError> {
    db::write(db, now, async |tx| {
        if !owns(tx, municipality_id, id).await? {
            return Err(RegistryError::NotFound);
        }
        Delete::from(Statutes::Table)
            .filter(Statutes::OrganisationId, id)
            .run(tx)
            .await?;
        Insert::into(Statutes::Table)
            .set(Statutes::OrganisationId, id)
            .set(Statutes::MunicipalityId, municipality_id)
            .set(Statutes::FileName, file.file_name)
            .set(Statutes::Mime, file.mime)
            .set(Statutes::Bytes, file.bytes.to_vec())
            .set(Statutes::UploadedAt, now)
            .set(Statutes::UploadedByUserId, actor.map(|u| u.id))
            .run(tx)
            .await?;
        touch(tx, id, now).await?;
        let change = Change::new(
            municipality_id,
            actor,
            "registry.statutes.upload",
            "organisation",
            id,
            file.file_name,
        );
        Ok(((), change))
    })
    .await
}

/// The statutes file of the municipality's organisation: (file name, MIME type, bytes).
pub async fn statutes_file(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT file_name, mime, bytes FROM registry_statutes WHERE municipality_id = $1 AND organisation_id = $2",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}
