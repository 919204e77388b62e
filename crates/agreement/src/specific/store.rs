//! The register's queries: every function takes the municipality; every change runs in one
//! write transaction with its audit entry. The associations' names come from the registry's
//! public functions, the departments' from the platform.

use super::domain::{self, Checked, Document, Kind, Specific};
use crate::ids::{DocumentId, SpecificId};
use crate::store::{StoreError, StoreResult};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{DepartmentId, MunicipalityId, OrganisationId};
use std::collections::HashMap;

#[derive(sea_query::Iden)]
#[iden = "agreement_specific"]
enum Specifics {
    Table,
    Id,
    MunicipalityId,
    Kind,
    Title,
    Subject,
    DepartmentId,
    OtherParties,
    StartsOn,
    EndsOn,
    Published,
    Ended,
    Description,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "agreement_specific_organisations"]
enum Parties {
    Table,
    SpecificId,
    MunicipalityId,
    OrganisationId,
}

type Row = (
    SpecificId,
    String,
    String,
    String,
    Option<DepartmentId>,
    String,
    String,
    Option<String>,
    i64,
    i64,
    String,
);
const COLUMNS: &str =
    "id, kind, title, subject, department_id, other_parties, starts_on, ends_on, published, ended, description";

/// The municipality's specific agreements, the latest first, with their parties and documents
/// (four queries, however many there are). `municipality_name` names the municipal party when
/// no department is; `today` (ISO) gives the status.
pub async fn all(
    db: &Db,
    m: MunicipalityId,
    municipality_name: &str,
    today: &str,
) -> Result<Vec<Specific>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM agreement_specific WHERE municipality_id = $1 ORDER BY starts_on DESC, id DESC"
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    assemble(db, m, rows, municipality_name, today).await
}

/// One specific agreement of the municipality.
pub async fn one(
    db: &Db,
    m: MunicipalityId,
    id: SpecificId,
    municipality_name: &str,
    today: &str,
) -> Result<Option<Specific>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM agreement_specific WHERE id = $1 AND municipality_id = $2"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(assemble(db, m, vec![row], municipality_name, today).await?.pop())
}

async fn assemble(
    db: &Db,
    m: MunicipalityId,
    rows: Vec<Row>,
    municipality_name: &str,
    today: &str,
) -> Result<Vec<Specific>, sqlx::Error> {
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let links: Vec<(SpecificId, OrganisationId)> = sqlx::query_as(
        "SELECT specific_id, organisation_id FROM agreement_specific_organisations WHERE municipality_id = $1 \
         ORDER BY specific_id, organisation_id",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    let ids: Vec<OrganisationId> = links.iter().map(|l| l.1).collect();
    let names: HashMap<OrganisationId, String> = registry::public::organisation_names(db, m, &ids)
        .await?
        .into_iter()
        .collect();
    let mut parties: HashMap<SpecificId, Vec<(OrganisationId, String)>> = HashMap::new();
    for (s, o) in links {
        if let Some(n) = names.get(&o) {
            parties.entry(s).or_default().push((o, n.clone()));
        }
    }
    for v in parties.values_mut() {
        v.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1));
    }
    let departments: HashMap<DepartmentId, String> = platform::tenants::store::departments(db, m)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect();
    let docs: Vec<(DocumentId, SpecificId, String, i64)> = sqlx::query_as(
        "SELECT id, specific_id, file_name, size FROM agreement_specific_documents WHERE municipality_id = $1 ORDER BY id",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    let mut documents: HashMap<SpecificId, Vec<Document>> = HashMap::new();
    for (id, s, file_name, size) in docs {
        documents.entry(s).or_default().push(Document { id, file_name, size });
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let (published, ended) = (r.8 != 0, r.9 != 0);
            Specific {
                id: r.0,
                kind: r.1.parse().unwrap_or(Kind::Specific),
                title: r.2,
                subject: r.3,
                department_id: r.4,
                municipal_party: r
                    .4
                    .and_then(|d| departments.get(&d).cloned())
                    .unwrap_or_else(|| municipality_name.to_string()),
                organisations: parties.remove(&r.0).unwrap_or_default(),
                other_parties: r.5,
                status: domain::status(published, ended, &r.6, r.7.as_deref(), today),
                starts_on: r.6,
                ends_on: r.7,
                published,
                ended,
                description: r.10,
                documents: documents.remove(&r.0).unwrap_or_default(),
            }
        })
        .collect())
}

async fn set_parties(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: SpecificId,
    organisations: &[OrganisationId],
) -> Result<(), sqlx::Error> {
    Delete::from(Parties::Table)
        .filter(Parties::SpecificId, id)
        .run(tx)
        .await?;
    for o in organisations {
        Insert::into(Parties::Table)
            .set(Parties::SpecificId, id)
            .set(Parties::MunicipalityId, m)
            .set(Parties::OrganisationId, *o)
            .run(tx)
            .await?;
    }
    Ok(())
}

/// Add a specific agreement.
pub async fn add(
    db: &Db,
    m: MunicipalityId,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<SpecificId> {
    db::write(db, now, async |tx| {
        let id: SpecificId = Insert::into(Specifics::Table)
            .set(Specifics::MunicipalityId, m)
            .set(Specifics::Kind, c.kind.as_str())
            .set(Specifics::Title, c.title.as_str())
            .set(Specifics::Subject, c.subject.as_str())
            .set(Specifics::DepartmentId, c.department_id)
            .set(Specifics::OtherParties, c.other_parties.as_str())
            .set(Specifics::StartsOn, c.starts_on.as_str())
            .set(Specifics::EndsOn, c.ends_on.clone())
            .set(Specifics::Published, i64::from(c.published))
            .set(Specifics::Description, c.description.as_str())
            .set(Specifics::CreatedAt, now)
            .set(Specifics::UpdatedAt, now)
            .returning_id(tx)
            .await?;
        set_parties(tx, m, id, &c.organisations).await?;
        let summary = format!("{} ({})", c.title, c.kind.as_str());
        Ok((
            id,
            Change::new(m, actor, "agreement.specific.add", "agreement_specific", id, summary),
        ))
    })
    .await
}

/// Change a specific agreement (all but its documents and whether it was ended).
pub async fn update(
    db: &Db,
    m: MunicipalityId,
    id: SpecificId,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let changed = Update::table(Specifics::Table)
            .set(Specifics::Kind, c.kind.as_str())
            .set(Specifics::Title, c.title.as_str())
            .set(Specifics::Subject, c.subject.as_str())
            .set(Specifics::DepartmentId, c.department_id)
            .set(Specifics::OtherParties, c.other_parties.as_str())
            .set(Specifics::StartsOn, c.starts_on.as_str())
            .set(Specifics::EndsOn, c.ends_on.clone())
            .set(Specifics::Published, i64::from(c.published))
            .set(Specifics::Description, c.description.as_str())
            .set(Specifics::UpdatedAt, now)
            .filter(Specifics::Id, id)
            .filter(Specifics::MunicipalityId, m)
            .run(tx)
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        set_parties(tx, m, id, &c.organisations).await?;
        let summary = format!("{} ({})", c.title, c.kind.as_str());
        Ok((
            (),
            Change::new(m, actor, "agreement.specific.update", "agreement_specific", id, summary),
        ))
    })
    .await
}

/// The title and last day of one of the municipality's agreements, inside a write.
pub(super) async fn title_of(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: SpecificId,
) -> StoreResult<(String, String, Option<String>)> {
    let row: Option<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT title, starts_on, ends_on FROM agreement_specific WHERE id = $1 AND municipality_id = $2",
    )
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    row.ok_or(StoreError::NotFound)
}

/// End an agreement on `today` (or on its own last day, if that came earlier).
pub async fn end(
    db: &Db,
    m: MunicipalityId,
    id: SpecificId,
    today: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let (title, starts_on, ends_on) = title_of(tx, m, id).await?;
        let last = domain::ended_on(ends_on.as_deref(), today).max(starts_on);
        Update::table(Specifics::Table)
            .set(Specifics::Ended, 1i64)
            .set(Specifics::EndsOn, last.clone())
            .set(Specifics::UpdatedAt, now)
            .filter(Specifics::Id, id)
            .filter(Specifics::MunicipalityId, m)
            .run(tx)
            .await?;
        let summary = format!("{title} ({last})");
        Ok((
            (),
            Change::new(m, actor, "agreement.specific.end", "agreement_specific", id, summary),
        ))
    })
    .await
}

/// Remove an agreement with its documents and parties.
pub async fn remove(
    db: &Db,
    m: MunicipalityId,
    id: SpecificId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let (title, _, _) = title_of(tx, m, id).await?;
        sqlx::query("DELETE FROM agreement_specific_documents WHERE specific_id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(m)
            .execute(&mut *tx)
            .await?;
        Delete::from(Parties::Table)
            .filter(Parties::SpecificId, id)
            .run(tx)
            .await?;
        Delete::from(Specifics::Table)
            .filter(Specifics::Id, id)
            .filter(Specifics::MunicipalityId, m)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(m, actor, "agreement.specific.remove", "agreement_specific", id, title),
        ))
    })
    .await
}
