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

/// Make the search entry of organisations that were inserted into the platform's
/// `organisations` table outside the registry (the demo, grants' synthetic data, tests), with
/// the registry's one normalisation (`store::search_entry`), in the caller's transaction.
/// Until then such an organisation is listed but not found by a search.
pub async fn index_organisations(conn: &mut sqlx::AnyConnection, ids: &[OrganisationId]) -> Result<(), sqlx::Error> {
    crate::store::reindex(conn, ids).await
}

/// What grants' eligibility checks read about associations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantFacts {
    pub organisation_id: OrganisationId,
    pub name: String,
    pub org_number: Option<String>,
    pub board_members: Option<u32>,
    pub statutes_on_file: bool,
    pub giro: Option<(crate::domain::GiroKind, String)>,
    /// Signature of the agreement in force (registry_profiles.signed, kept by signing).
    pub signed: bool,
    pub annual_meeting_on: Option<chrono::NaiveDate>,
    /// The date (Stockholm time) the profile was last confirmed (from confirmed_at).
    pub confirmed_on: Option<chrono::NaiveDate>,
}

/// The grant facts of the named organisations of the municipality, in the order of their ids
/// (each once); an organisation of another municipality, or none, is simply not returned. One
/// query however many are asked for.
pub async fn grant_facts(
    db: &Db,
    municipality_id: MunicipalityId,
    of: &[OrganisationId],
) -> Result<Vec<GrantFacts>, sqlx::Error> {
    let stored = crate::facts::store::facts(db, municipality_id, Some(of)).await?;
    Ok(stored
        .into_iter()
        .map(|f| GrantFacts {
            organisation_id: f.organisation_id,
            name: f.name,
            org_number: f.org_number,
            board_members: f.board_members,
            statutes_on_file: f.statutes.is_some(),
            giro: f.giro,
            signed: f.signed,
            annual_meeting_on: f.annual_meeting_on,
            confirmed_on: f.confirmed_at.and_then(platform::format::local_date),
        })
        .collect())
}

/// The names of the named organisations of the municipality, in the order of their ids (each
/// once); an organisation of another municipality, or none, is simply not returned. One query
/// however many are asked for: up to [`NAMES_NAMED_MAX`] are named in it, for more the
/// municipality's whole list is read and filtered (never near a bind-parameter limit).
pub async fn organisation_names(
    db: &Db,
    municipality_id: MunicipalityId,
    of: &[OrganisationId],
) -> Result<Vec<(OrganisationId, String)>, sqlx::Error> {
    if of.is_empty() {
        return Ok(Vec::new());
    }
    let mut wanted: Vec<OrganisationId> = of.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    let rows: Vec<(OrganisationId, String)> = if wanted.len() <= NAMES_NAMED_MAX {
        let marks: Vec<String> = (0..wanted.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT id, name FROM organisations WHERE municipality_id = $1 AND id IN ({}) ORDER BY id",
            marks.join(", ")
        );
        let mut q = sqlx::query_as(&sql).bind(municipality_id);
        for id in &wanted {
            q = q.bind(*id);
        }
        q.fetch_all(&db.pool).await?
    } else {
        sqlx::query_as::<_, (OrganisationId, String)>(
            "SELECT id, name FROM organisations WHERE municipality_id = $1 ORDER BY id",
        )
        .bind(municipality_id)
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .filter(|(id, _)| wanted.binary_search(id).is_ok())
        .collect()
    };
    Ok(rows)
}

/// Up to this many organisations are named in [`organisation_names`]' query.
pub const NAMES_NAMED_MAX: usize = 500;

/// The municipality's organisation that bears this name, compared as the directory sorts
/// (case, accents, punctuation and spacing aside), in the caller's transaction: how a name
/// written by hand (a meeting registration's "Förening eller organisation") finds the
/// association. `None` for a blank name, no match, or more than one.
pub async fn organisation_named(
    conn: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    name: &str,
) -> Result<Option<OrganisationId>, sqlx::Error> {
    let wanted = platform::rules::sort_key(name);
    if wanted.is_empty() {
        return Ok(None);
    }
    let rows: Vec<(OrganisationId, String)> =
        sqlx::query_as("SELECT id, name FROM organisations WHERE municipality_id = $1 ORDER BY id")
            .bind(municipality_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut found = rows
        .into_iter()
        .filter(|(_, n)| platform::rules::sort_key(n) == wanted)
        .map(|(id, _)| id);
    Ok(match (found.next(), found.next()) {
        (Some(id), None) => Some(id),
        _ => None,
    })
}

/// How many associations the municipality's registry holds: the whole that a meeting's
/// turnout is a share of.
pub async fn association_count(db: &Db, municipality_id: MunicipalityId) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM organisations WHERE municipality_id = $1")
        .bind(municipality_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(n)
}

/// Every organisation of the municipality as (id, name), in Swedish alphabetical order: the
/// choices when another capability lets a coordinator name an association.
pub async fn organisation_choices(
    db: &Db,
    municipality_id: MunicipalityId,
) -> Result<Vec<(OrganisationId, String)>, sqlx::Error> {
    let mut rows: Vec<(OrganisationId, String)> =
        sqlx::query_as("SELECT id, name FROM organisations WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    rows.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1));
    Ok(rows)
}

/// The municipality's associations as [`organisation_choices`] gives them, unless there are
/// more than `limit` (None then: a list that long is no choice; a page offers a search
/// instead). Reads at most `limit + 1` rows.
pub async fn organisation_choices_upto(
    db: &Db,
    municipality_id: MunicipalityId,
    limit: i64,
) -> Result<Option<Vec<(OrganisationId, String)>>, sqlx::Error> {
    // One row of JSON rather than up to `limit + 1` rows through the driver (the event
    // calendar asks on every request; `platform::db::json_rows`).
    let sql = platform::db::json_rows(
        db.backend,
        "id, name",
        "",
        "SELECT id, name FROM organisations WHERE municipality_id = $1 LIMIT $2",
    );
    let (text,): (String,) = sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(limit.saturating_add(1))
        .fetch_one(&db.pool)
        .await?;
    let mut rows: Vec<(OrganisationId, String)> = platform::db::parse_json_rows(&text)?;
    if i64::try_from(rows.len()).unwrap_or(i64::MAX) > limit {
        return Ok(None);
    }
    rows.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1));
    Ok(Some(rows))
}

/// An association as the directory shows it to anyone: its public fields only (no contact
/// person, no e-mail address or telephone number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub id: OrganisationId,
    pub name: String,
    pub org_number: Option<String>,
    /// `LegalForm::code`, e.g. `ideell-forening`.
    pub legal_form: &'static str,
    /// `Category::code` of each category.
    pub categories: Vec<&'static str>,
    pub mission: String,
    pub website: String,
    pub signed: bool,
    pub has_premises: bool,
    /// When the profile last changed, unix seconds.
    pub updated_at: i64,
}

/// Every association of the municipality's directory, in Swedish alphabetical order (one query):
/// the open-data download of the registry.
pub async fn directory(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<DirectoryEntry>, sqlx::Error> {
    type Row = (
        OrganisationId,
        String,
        Option<String>,
        String,
        i64,
        String,
        String,
        i64,
        i64,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT o.id, o.name, o.org_number, p.legal_form, p.categories, p.mission, p.website, p.signed, \
         p.has_premises, p.updated_at FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.municipality_id = $1 ORDER BY p.sort_key, o.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, org_number, form, categories, mission, website, signed, has_premises, updated_at)| {
                DirectoryEntry {
                    id,
                    name,
                    org_number,
                    legal_form: crate::domain::LegalForm::parse(&form)
                        .unwrap_or(crate::domain::LegalForm::Annan)
                        .code(),
                    categories: crate::domain::Category::from_bits(categories)
                        .iter()
                        .map(|c| c.code())
                        .collect(),
                    mission,
                    website,
                    signed: signed != 0,
                    has_premises: has_premises != 0,
                    updated_at,
                }
            },
        )
        .collect())
}

/// The registry's categories of associations as (code, message id), in the registry's order:
/// the choices of a newsletter to one category.
pub fn categories() -> Vec<(&'static str, &'static str)> {
    crate::domain::Category::ALL
        .iter()
        .map(|c| (c.code(), c.message_id()))
        .collect()
}

/// The e-mail addresses of the contact persons of the municipality's associations of one
/// category (its code, as `categories` gives it; an unknown code has none). One query.
pub async fn category_contact_emails(
    db: &Db,
    municipality_id: MunicipalityId,
    category: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let Some(c) = crate::domain::Category::parse(category) else {
        return Ok(vec![]);
    };
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT c.email FROM registry_contacts c JOIN registry_profiles p ON p.organisation_id = c.organisation_id \
         WHERE p.municipality_id = $1 AND (p.categories & $2) <> 0 AND c.email <> '' ORDER BY c.id",
    )
    .bind(municipality_id)
    .bind(c.bit())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}
