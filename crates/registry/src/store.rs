//! The registry's queries. Every function takes the municipality's id (the tenant); every
//! change is written with its audit entry in one transaction.

#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use crate::domain::{self, Category, Feature, Filters, ImportRow, LegalForm, OrgNumber};
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{is_unique_violation, Backend, Db};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashSet;

/// Why a change was refused.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("not found")]
    NotFound,
    /// The organisationsnummer is another organisation's in this municipality.
    #[error("duplicate organisationsnummer")]
    DuplicateNumber,
    /// A join request of this person for this organisation is already waiting.
    #[error("already requested")]
    AlreadyRequested,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

type ContactRow = (i64, i64, String, String, String, String, i64, i64);
type StaleRow = (i64, String, Option<i64>, i64, Option<i64>);
type RequestRow = (i64, i64, String, i64, String, String, String, i64);

fn map_unique(e: sqlx::Error) -> RegistryError {
    if is_unique_violation(&e) {
        RegistryError::DuplicateNumber
    } else {
        RegistryError::Db(e)
    }
}

/// `ORDER BY` of the ASCII sort key: bytewise on both backends.
fn by_sort_key(db: &Db) -> &'static str {
    match db.backend {
        Backend::Sqlite => "p.sort_key, p.organisation_id",
        Backend::Postgres => "p.sort_key COLLATE \"C\", p.organisation_id",
    }
}

/// An organisation's profile as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub organisation_id: OrganisationId,
    pub municipality_id: MunicipalityId,
    pub name: String,
    pub org_number: Option<String>,
    pub legal_form: LegalForm,
    pub categories: Vec<Category>,
    pub mission: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub social_links: Vec<String>,
    pub postal_address: String,
    pub visiting_address: String,
    pub member_count: Option<i64>,
    pub target_groups: String,
    pub confirmed_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Whether the organisation's signature of the agreement is in force.
    pub signed: bool,
}

const PROFILE: &str = "SELECT p.organisation_id, p.municipality_id, o.name, o.org_number, p.legal_form, \
     p.categories, p.mission, p.email, p.phone, p.website, p.social_links, p.postal_address, \
     p.visiting_address, p.member_count, p.target_groups, p.confirmed_at, o.created_at, p.updated_at, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM signatures s WHERE s.organisation_id = p.organisation_id \
        AND s.municipality_id = p.municipality_id AND s.withdrawn_at IS NULL) THEN 1 ELSE 0 END AS BIGINT) AS signed \
     FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id";

fn profile_row(r: &AnyRow) -> Result<Profile, sqlx::Error> {
    let form: String = r.try_get("legal_form")?;
    let links: String = r.try_get("social_links")?;
    let signed: i64 = r.try_get("signed")?;
    Ok(Profile {
        organisation_id: r.try_get("organisation_id")?,
        municipality_id: r.try_get("municipality_id")?,
        name: r.try_get("name")?,
        org_number: r.try_get("org_number")?,
        legal_form: LegalForm::parse(&form).unwrap_or(LegalForm::Annan),
        categories: Category::from_bits(r.try_get("categories")?),
        mission: r.try_get("mission")?,
        email: r.try_get("email")?,
        phone: r.try_get("phone")?,
        website: r.try_get("website")?,
        social_links: links.lines().filter(|l| !l.is_empty()).map(str::to_string).collect(),
        postal_address: r.try_get("postal_address")?,
        visiting_address: r.try_get("visiting_address")?,
        member_count: r.try_get("member_count")?,
        target_groups: r.try_get("target_groups")?,
        confirmed_at: r.try_get("confirmed_at")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        signed: signed != 0,
    })
}

/// One organisation's profile in the municipality.
pub async fn profile(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Profile>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "{PROFILE} WHERE p.municipality_id = $1 AND p.organisation_id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(profile_row).transpose()
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

/// A contact person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub id: i64,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub is_public: bool,
    pub consent_at: i64,
}

/// Premises an organisation has of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Premises {
    pub id: i64,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub address: String,
    pub capacity: Option<i64>,
    pub equipment: String,
    pub features: Vec<Feature>,
}

/// The organisation's contact people; only those who chose to be public unless `all`.
pub async fn contacts(db: &Db, municipality_id: MunicipalityId, id: i64, all: bool) -> Result<Vec<Contact>, sqlx::Error> {
    let rows: Vec<ContactRow> = sqlx::query_as(
        "SELECT c.id, c.organisation_id, c.name, c.role, c.email, c.phone, c.is_public, c.consent_at \
         FROM registry_contacts c JOIN organisations o ON o.id = c.organisation_id \
         WHERE o.municipality_id = $1 AND c.organisation_id = $2 AND (c.is_public = 1 OR $3 = 1) \
         ORDER BY c.position, c.id",
    )
    .bind(municipality_id)
    .bind(id)
    .bind(i64::from(all))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Contact {
            id: r.0,
            organisation_id: r.1,
            name: r.2,
            role: r.3,
            email: r.4,
            phone: r.5,
            is_public: r.6 != 0,
            consent_at: r.7,
        })
        .collect())
}

/// The organisation's premises.
pub async fn premises(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Vec<Premises>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.* FROM registry_premises r JOIN organisations o ON o.id = r.organisation_id \
         WHERE o.municipality_id = $1 AND r.organisation_id = $2 ORDER BY r.position, r.id",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let mut features = vec![];
            for f in Feature::ALL {
                let v: i64 = r.try_get(f.column())?;
                if v != 0 {
                    features.push(f);
                }
            }
            Ok(Premises {
                id: r.try_get("id")?,
                organisation_id: r.try_get("organisation_id")?,
                name: r.try_get("name")?,
                address: r.try_get("address")?,
                capacity: r.try_get("capacity")?,
                equipment: r.try_get("equipment")?,
                features,
            })
        })
        .collect()
}

// --- The directory ---

/// A line of the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    pub id: i64,
    pub name: String,
    pub legal_form: LegalForm,
    pub categories: Vec<Category>,
    pub mission: String,
    pub signed: bool,
    pub has_premises: bool,
}

/// One page of the directory and the number of matches, in one query. With a search, name
/// matches come first, then the better text matches; otherwise Swedish alphabetical order.
///
/// The page is chosen first, over the profiles' narrow columns only, and then joined to the
/// organisations and the long texts: sorting every match with its description, to keep
/// twenty, cost more than the search. With a text query the search index answers the
/// category, signed and premises filters too (its tags), so only what passes them is ranked.
pub async fn search(db: &Db, municipality_id: MunicipalityId, f: &Filters) -> Result<(Vec<Listing>, i64), sqlx::Error> {
    let tags = f.tags();
    let mut from = String::from("registry_profiles p");
    let mut wheres = vec!["p.municipality_id = $1".to_string()];
    let mut binds: Vec<String> = vec![];
    let mut rank = String::from("0");
    let mut with = String::new();
    let by_name = by_sort_key(db);
    match (&f.query, db.backend) {
        (Some(q), Backend::Sqlite) => {
            binds.push(q.fts5(municipality_id, "{name body}", &tags));
            binds.push(q.fts5(municipality_id, "name", &tags));
            // The full-text matches are computed once (MATERIALIZED): joined row by row,
            // FTS5 would run the query again for every profile of the municipality.
            with = "f AS MATERIALIZED (SELECT rowid AS id, bm25(registry_fts, 10.0, 1.0, 0.0) AS rank \
                    FROM registry_fts WHERE registry_fts MATCH $2), \
                    n AS MATERIALIZED (SELECT rowid AS id FROM registry_fts WHERE registry_fts MATCH $3), "
                .to_string();
            from = "f JOIN registry_profiles p ON p.organisation_id = f.id LEFT JOIN n ON n.id = f.id".to_string();
            rank = "(CASE WHEN n.id IS NULL THEN 1000000.0 ELSE 0.0 END) + f.rank".to_string();
        }
        (Some(q), Backend::Postgres) => {
            binds.push(q.tsquery(municipality_id, "AB", &tags));
            binds.push(q.tsquery(municipality_id, "A", &tags));
            binds.push(q.tsquery(municipality_id, "AB", &[]));
            // The three queries are parsed once (q), not once per matching row.
            with = "q AS MATERIALIZED (SELECT to_tsquery('simple'::regconfig, $2) AS full_q, \
                    to_tsquery('simple'::regconfig, $3) AS name_q, to_tsquery('simple'::regconfig, $4) AS text_q), "
                .to_string();
            from = "q CROSS JOIN registry_profiles p".to_string();
            // Every word of the query carries the municipality, so the GIN index alone finds
            // the municipality's matches; `+ 0` keeps the municipality's B-tree index out of the
            // plan (ANDing its thousand entries with the matches cost more than the search),
            // while the condition still holds for every row.
            wheres[0] = "p.municipality_id + 0 = $1".to_string();
            wheres.push("p.search_index @@ q.full_q".to_string());
            // ts_rank is below 1 (normalisation 32): a name match always comes first.
            rank =
                "(CASE WHEN p.search_index @@ q.name_q THEN -2.0 ELSE 0.0 END) - ts_rank(p.search_index, q.text_q, 32)"
                    .to_string();
        }
        (None, _) => {
            if let Some(c) = f.category {
                wheres.push(format!("(p.categories & {}) <> 0", c.bit()));
            }
            if f.signed {
                wheres.push("p.signed = 1".to_string());
            }
            if f.premises || !f.features.is_empty() {
                wheres.push("p.has_premises = 1".to_string());
            }
        }
    }
    if !f.features.is_empty() {
        // One premises with every feature asked for (the tags only say "has premises").
        let cond: String = f
            .features
            .iter()
            .map(|x| format!(" AND r.{} = 1", x.column()))
            .collect();
        wheres.push(format!(
            "EXISTS (SELECT 1 FROM registry_premises r WHERE r.organisation_id = p.organisation_id{cond})"
        ));
    }
    let n = binds.len();
    let sql = format!(
        "WITH {with}page AS MATERIALIZED (\
            SELECT p.organisation_id AS id, {rank} AS rank, p.sort_key, COUNT(*) OVER () AS total \
            FROM {from} WHERE {} ORDER BY 2, {by_name} LIMIT ${} OFFSET ${}) \
         SELECT p.organisation_id, o.name, p.legal_form, p.categories, p.mission, p.signed, p.has_premises, \
                page.total \
         FROM page JOIN registry_profiles p ON p.organisation_id = page.id \
         JOIN organisations o ON o.id = p.organisation_id \
         ORDER BY page.rank, {}",
        wheres.join(" AND "),
        n + 2,
        n + 3,
        by_name
            .replace("p.sort_key", "page.sort_key")
            .replace("p.organisation_id", "page.id"),
    );
    let mut query = sqlx::query(&sql).bind(municipality_id);
    for b in binds {
        query = query.bind(b);
    }
    let rows = query
        .bind(domain::PAGE_SIZE)
        .bind(f.offset())
        .fetch_all(&db.pool)
        .await?;
    let mut total = 0;
    let mut out = vec![];
    for r in &rows {
        total = r.try_get("total")?;
        let form: String = r.try_get("legal_form")?;
        let signed: i64 = r.try_get("signed")?;
        let has_premises: i64 = r.try_get("has_premises")?;
        out.push(Listing {
            id: r.try_get("organisation_id")?,
            name: r.try_get("name")?,
            legal_form: LegalForm::parse(&form).unwrap_or(LegalForm::Annan),
            categories: Category::from_bits(r.try_get("categories")?),
            mission: r.try_get("mission")?,
            signed: signed != 0,
            has_premises: has_premises != 0,
        });
    }
    if rows.is_empty() && f.page > 1 {
        // Past the last page: count what there is, so the page can say so.
        let (_, t) = Box::pin(search(db, municipality_id, &Filters { page: 1, ..f.clone() })).await?;
        total = t;
    }
    Ok((out, total))
}

// --- Changes ---

/// A profile as edited (or imported): every field already checked by the domain rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileEdit {
    pub name: String,
    pub org_number: Option<OrgNumber>,
    pub legal_form: LegalForm,
    pub categories: Vec<Category>,
    pub mission: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub social_links: Vec<String>,
    pub postal_address: String,
    pub visiting_address: String,
    pub member_count: Option<i64>,
    pub target_groups: String,
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

/// What search indexes of a profile: (name, body).
pub fn search_texts(e: &ProfileEdit) -> (String, String) {
    let cats: Vec<&str> = e.categories.iter().map(|c| c.search_words()).collect();
    (
        domain::search_doc(&[&e.name]),
        domain::search_doc(&[&cats.join(" "), &e.mission, &e.target_groups, &e.visiting_address]),
    )
}

async fn write_profile(tx: &mut sqlx::AnyConnection, id: i64, e: &ProfileEdit, now: i64) -> Result<(), sqlx::Error> {
    let (search_name, search_body) = search_texts(e);
    sqlx::query(
        "UPDATE registry_profiles SET legal_form = $1, categories = $2, mission = $3, email = $4, phone = $5, \
         website = $6, social_links = $7, postal_address = $8, visiting_address = $9, member_count = $10, \
         target_groups = $11, updated_at = $12, sort_key = $13, search_name = $14, search_body = $15 \
         WHERE organisation_id = $16",
    )
    .bind(e.legal_form.code())
    .bind(Category::to_bits(&e.categories))
    .bind(&e.mission)
    .bind(&e.email)
    .bind(&e.phone)
    .bind(&e.website)
    .bind(e.social_links.join("\n"))
    .bind(&e.postal_address)
    .bind(&e.visiting_address)
    .bind(e.member_count)
    .bind(&e.target_groups)
    .bind(now)
    .bind(domain::sort_key(&e.name))
    .bind(search_name)
    .bind(search_body)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Change an organisation's profile (name and organisationsnummer included).
pub async fn update(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    e: &ProfileEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), RegistryError> {
    let mut tx = db.write().await?;
    let done =
        sqlx::query("UPDATE organisations SET name = $1, org_number = $2 WHERE id = $3 AND municipality_id = $4")
            .bind(&e.name)
            .bind(e.org_number.as_ref().map(OrgNumber::as_str))
            .bind(id)
            .bind(municipality_id)
            .execute(&mut *tx)
            .await
            .map_err(map_unique)?;
    if done.rows_affected() != 1 {
        return Err(RegistryError::NotFound);
    }
    write_profile(&mut tx, id, e, now).await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "registry.profile.update",
            entity: "organisation",
            entity_id: Some(id),
            summary: e.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(map_unique)?;
    Ok(())
}

async fn insert_one(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    e: &ProfileEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, RegistryError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO organisations (municipality_id, name, org_number, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(municipality_id)
    .bind(&e.name)
    .bind(e.org_number.as_ref().map(OrgNumber::as_str))
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(map_unique)?;
    write_profile(tx, id, e, now).await?;
    audit::record(
        tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "registry.profile.create",
            entity: "organisation",
            entity_id: Some(id),
            summary: e.name.clone(),
        },
        now,
    )
    .await?;
    Ok(id)
}

/// Register a new organisation with its profile.
pub async fn create(
    db: &Db,
    municipality_id: MunicipalityId,
    e: &ProfileEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, RegistryError> {
    let mut tx = db.write().await?;
    let id = insert_one(&mut tx, municipality_id, e, actor, now).await?;
    crate::reminders::ensure(&mut tx, now + crate::reminders::DAY, now).await?;
    tx.commit().await.map_err(map_unique)?;
    Ok(id)
}

/// Import checked rows: all of them or, on any failure, none.
pub async fn import(
    db: &Db,
    municipality_id: MunicipalityId,
    rows: Vec<ImportRow>,
    actor: &CurrentUser,
    now: i64,
) -> Result<usize, RegistryError> {
    let mut tx = db.write().await?;
    let n = rows.len();
    for r in rows {
        insert_one(&mut tx, municipality_id, &ProfileEdit::from(r), Some(actor), now).await?;
    }
    crate::reminders::ensure(&mut tx, now + crate::reminders::DAY, now).await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "registry.import",
            entity: "organisation",
            entity_id: None,
            summary: format!("{n}"),
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(map_unique)?;
    Ok(n)
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
) -> Result<i64, sqlx::Error> {
    let json = serde_json::to_string(rows).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO registry_import_drafts (municipality_id, user_id, rows_json, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(municipality_id)
    .bind(user_id)
    .bind(json)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(id)
}

/// Take (read and delete) a draft of this municipality and user.
pub async fn take_draft(
    db: &Db,
    municipality_id: MunicipalityId,
    user_id: UserId,
    id: i64,
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
    sqlx::query("DELETE FROM registry_import_drafts WHERE id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(row.and_then(|(j,)| serde_json::from_str(&j).ok()))
}

/// A new contact person (consent is recorded as given now).
#[derive(Clone, Debug)]
pub struct NewContact {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub is_public: bool,
}

/// Whether the organisation is the municipality's.
async fn owns(tx: &mut sqlx::AnyConnection, municipality_id: MunicipalityId, id: i64) -> Result<bool, sqlx::Error> {
    let r: Option<(i64,)> = sqlx::query_as("SELECT id FROM organisations WHERE id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(municipality_id)
        .fetch_optional(&mut *tx)
        .await?;
    Ok(r.is_some())
}

async fn touch(tx: &mut sqlx::AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE registry_profiles SET updated_at = $1 WHERE organisation_id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn add_contact(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    c: &NewContact,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, RegistryError> {
    let mut tx = db.write().await?;
    if !owns(&mut tx, municipality_id, id).await? {
        return Err(RegistryError::NotFound);
    }
    let (cid,): (i64,) = sqlx::query_as(
        "INSERT INTO registry_contacts (organisation_id, position, name, role, email, phone, is_public, consent_at, created_at) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM registry_contacts WHERE organisation_id = $1), \
         $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(id)
    .bind(&c.name)
    .bind(&c.role)
    .bind(&c.email)
    .bind(&c.phone)
    .bind(i64::from(c.is_public))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, id, now).await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "registry.contact.add",
            entity: "organisation",
            entity_id: Some(id),
            summary: c.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(cid)
}

pub async fn remove_contact(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    contact_id: i64,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    let part = Part {
        table: "registry_contacts",
        action: "registry.contact.remove",
        label: "contact",
    };
    remove_part(db, municipality_id, id, contact_id, part, actor, now).await
}

/// A contact person or premises of an organisation: its table and how its removal is audited.
struct Part {
    table: &'static str,
    action: &'static str,
    label: &'static str,
}

/// Remove one row of an organisation's part (contacts, premises), audited, or `NotFound` when
/// the organisation is not this municipality's or the row is not the organisation's.
async fn remove_part(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    part_id: i64,
    part: Part,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    let mut tx = db.write().await?;
    if !owns(&mut tx, municipality_id, id).await? {
        return Err(RegistryError::NotFound);
    }
    let done = sqlx::query(&format!(
        "DELETE FROM {} WHERE id = $1 AND organisation_id = $2",
        part.table
    ))
    .bind(part_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(RegistryError::NotFound);
    }
    touch(&mut tx, id, now).await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: part.action,
            entity: "organisation",
            entity_id: Some(id),
            summary: format!("{} {part_id}", part.label),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// New premises of an organisation.
#[derive(Clone, Debug)]
pub struct NewPremises {
    pub name: String,
    pub address: String,
    pub capacity: Option<i64>,
    pub equipment: String,
    pub features: Vec<Feature>,
}

pub async fn add_premises(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    p: &NewPremises,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, RegistryError> {
    let mut tx = db.write().await?;
    if !owns(&mut tx, municipality_id, id).await? {
        return Err(RegistryError::NotFound);
    }
    let has = |f: Feature| i64::from(p.features.contains(&f));
    let (pid,): (i64,) = sqlx::query_as(
        "INSERT INTO registry_premises (organisation_id, position, name, address, capacity, equipment, \
         step_free, ground_floor, lift, accessible_toilet, hearing_loop, parking, created_at) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM registry_premises WHERE organisation_id = $1), \
         $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(id)
    .bind(&p.name)
    .bind(&p.address)
    .bind(p.capacity)
    .bind(&p.equipment)
    .bind(has(Feature::StepFree))
    .bind(has(Feature::GroundFloor))
    .bind(has(Feature::Lift))
    .bind(has(Feature::AccessibleToilet))
    .bind(has(Feature::HearingLoop))
    .bind(has(Feature::Parking))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, id, now).await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "registry.premises.add",
            entity: "organisation",
            entity_id: Some(id),
            summary: p.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(pid)
}

pub async fn remove_premises(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    premises_id: i64,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    let part = Part {
        table: "registry_premises",
        action: "registry.premises.remove",
        label: "premises",
    };
    remove_part(db, municipality_id, id, premises_id, part, actor, now).await
}

/// A representative (or the coordinator) confirms that the data is current.
pub async fn confirm(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    let mut tx = db.write().await?;
    let done = sqlx::query(
        "UPDATE registry_profiles SET confirmed_at = $1, confirmed_by_user_id = $2 \
         WHERE organisation_id = $3 AND municipality_id = $4",
    )
    .bind(now)
    .bind(actor.id)
    .bind(id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(RegistryError::NotFound);
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "registry.profile.confirm",
            entity: "organisation",
            entity_id: Some(id),
            summary: String::new(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An organisation whose data has not been confirmed for twelve months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub id: i64,
    pub name: String,
    pub last_confirmed: i64,
    pub confirmed: bool,
    pub reminded_at: Option<i64>,
}

/// The freshness report: organisations not confirmed in twelve months, oldest first.
pub async fn stale(db: &Db, municipality_id: MunicipalityId, now: i64) -> Result<Vec<Stale>, sqlx::Error> {
    let rows: Vec<StaleRow> = sqlx::query_as(
        "SELECT o.id, o.name, p.confirmed_at, o.created_at, p.reminded_at \
         FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.municipality_id = $1 AND COALESCE(p.confirmed_at, o.created_at) < $2 \
         ORDER BY COALESCE(p.confirmed_at, o.created_at), o.id",
    )
    .bind(municipality_id)
    .bind(domain::stale_cutoff(now))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Stale {
            id: r.0,
            name: r.1,
            last_confirmed: domain::last_confirmed(r.2, r.3),
            confirmed: r.2.is_some(),
            reminded_at: r.4,
        })
        .collect())
}

/// A reminder to send: organisation, its municipality, and the addresses of its representatives.
#[derive(Clone, Debug)]
pub struct Reminder {
    pub organisation_id: OrganisationId,
    pub municipality_id: MunicipalityId,
    pub municipality_slug: String,
    pub name: String,
    pub to: Vec<String>,
}

/// Every organisation (all municipalities: this is the yearly job) whose data has gone
/// unconfirmed for twelve months and that was not reminded in the last 30 days, with its
/// representatives' addresses (one query); marks them reminded and queues the e-mail through
/// `send` in the same transaction.
pub async fn due_reminders(db: &Db, now: i64, limit: i64) -> Result<Vec<Reminder>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT o.id, o.municipality_id, m.slug, o.name, u.email \
         FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id \
         JOIN municipalities m ON m.id = o.municipality_id \
         LEFT JOIN roles r ON r.organisation_id = o.id AND r.role = 'representative' \
         LEFT JOIN users u ON u.id = r.user_id \
         WHERE p.organisation_id IN (SELECT p2.organisation_id FROM registry_profiles p2 \
            JOIN organisations o2 ON o2.id = p2.organisation_id \
            WHERE COALESCE(p2.confirmed_at, o2.created_at) < $1 AND (p2.reminded_at IS NULL OR p2.reminded_at <= $2) \
            ORDER BY p2.organisation_id LIMIT $3) \
         ORDER BY o.id, u.email",
    )
    .bind(domain::stale_cutoff(now))
    .bind(now - domain::REMINDER_GAP)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<Reminder> = vec![];
    for (id, mid, slug, name, email) in rows {
        if out.last().map(|r| r.organisation_id) != Some(id) {
            out.push(Reminder {
                organisation_id: id,
                municipality_id: mid,
                municipality_slug: slug,
                name,
                to: vec![],
            });
        }
        if let (Some(e), Some(last)) = (email, out.last_mut()) {
            last.to.push(e);
        }
    }
    Ok(out)
}

/// Mark an organisation reminded and queue its e-mails, in one transaction.
pub async fn remind(db: &Db, r: &Reminder, emails: &[platform::mail::Email], now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    sqlx::query("UPDATE registry_profiles SET reminded_at = $1 WHERE organisation_id = $2")
        .bind(now)
        .bind(r.organisation_id)
        .execute(&mut *tx)
        .await?;
    for e in emails {
        platform::mail::queue(&mut tx, Some(r.municipality_id), e, now).await?;
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(r.municipality_id),
            actor: None,
            action: "registry.reminder",
            entity: "organisation",
            entity_id: Some(r.organisation_id),
            summary: format!("{} ({})", r.name, emails.len()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// --- Joining an organisation ---

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinRequest {
    pub id: i64,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub user_id: UserId,
    pub user_name: String,
    pub user_email: String,
    pub message: String,
    pub created_at: i64,
}

/// Who may approve a request to join the organisation: its representatives and the
/// municipality's coordinators (their e-mail addresses, one query).
pub async fn approvers(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Vec<String>, sqlx::Error> {
    let v: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT u.email FROM roles r JOIN users u ON u.id = r.user_id \
         WHERE r.municipality_id = $1 AND ((r.role = 'representative' AND r.organisation_id = $2) \
         OR r.role = 'coordinator') ORDER BY u.email",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(v.into_iter().map(|r| r.0).collect())
}

/// A person asks to become a representative; `notify` (to the approvers) is queued with it.
pub async fn request_join(
    db: &Db,
    municipality_id: MunicipalityId,
    id: i64,
    user: &CurrentUser,
    message: &str,
    notify: &[platform::mail::Email],
    now: i64,
) -> Result<i64, RegistryError> {
    let mut tx = db.write().await?;
    if !owns(&mut tx, municipality_id, id).await? {
        return Err(RegistryError::NotFound);
    }
    let (rid,): (i64,) = sqlx::query_as(
        "INSERT INTO registry_join_requests (organisation_id, municipality_id, user_id, message, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(id)
    .bind(municipality_id)
    .bind(user.id)
    .bind(message)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            RegistryError::AlreadyRequested
        } else {
            RegistryError::Db(e)
        }
    })?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(user),
            action: "registry.join.request",
            entity: "organisation",
            entity_id: Some(id),
            summary: user.email.clone(),
        },
        now,
    )
    .await?;
    for e in notify {
        platform::mail::queue(&mut tx, Some(municipality_id), e, now).await?;
    }
    tx.commit().await.map_err(|e| {
        if is_unique_violation(&e) {
            RegistryError::AlreadyRequested
        } else {
            RegistryError::Db(e)
        }
    })?;
    Ok(rid)
}

/// Pending requests in the municipality, of one organisation or all.
pub async fn pending_requests(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: Option<OrganisationId>,
) -> Result<Vec<JoinRequest>, sqlx::Error> {
    let rows: Vec<RequestRow> = sqlx::query_as(
        "SELECT j.id, j.organisation_id, o.name, u.id, u.name, u.email, j.message, j.created_at \
         FROM registry_join_requests j JOIN organisations o ON o.id = j.organisation_id \
         JOIN users u ON u.id = j.user_id \
         WHERE j.municipality_id = $1 AND j.status = 'pending' AND ($2 = 0 OR j.organisation_id = $2) \
         ORDER BY j.created_at, j.id",
    )
    .bind(municipality_id)
    .bind(organisation_id.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| JoinRequest {
            id: r.0,
            organisation_id: r.1,
            organisation_name: r.2,
            user_id: r.3,
            user_name: r.4,
            user_email: r.5,
            message: r.6,
            created_at: r.7,
        })
        .collect())
}

pub async fn request(db: &Db, municipality_id: MunicipalityId, request_id: i64) -> Result<Option<JoinRequest>, sqlx::Error> {
    let all = pending_requests(db, municipality_id, None).await?;
    Ok(all.into_iter().find(|r| r.id == request_id))
}

/// Approve (granting the representative role) or reject a pending request.
pub async fn decide(
    db: &Db,
    municipality_id: MunicipalityId,
    request_id: i64,
    approve: bool,
    actor: &CurrentUser,
    notify: Option<&platform::mail::Email>,
    now: i64,
) -> Result<JoinRequest, RegistryError> {
    let req = request(db, municipality_id, request_id)
        .await?
        .ok_or(RegistryError::NotFound)?;
    let mut tx = db.write().await?;
    let done = sqlx::query(
        "UPDATE registry_join_requests SET status = $1, decided_at = $2, decided_by_user_id = $3 \
         WHERE id = $4 AND municipality_id = $5 AND status = 'pending'",
    )
    .bind(if approve { "approved" } else { "rejected" })
    .bind(now)
    .bind(actor.id)
    .bind(request_id)
    .bind(municipality_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(RegistryError::NotFound);
    }
    if approve {
        let has: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM roles WHERE user_id = $1 AND role = 'representative' AND organisation_id = $2",
        )
        .bind(req.user_id)
        .bind(req.organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
        if has.is_none() {
            sqlx::query(
                "INSERT INTO roles (user_id, role, municipality_id, organisation_id, created_at) \
                 VALUES ($1, 'representative', $2, $3, $4)",
            )
            .bind(req.user_id)
            .bind(municipality_id)
            .bind(req.organisation_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: if approve {
                "registry.join.approve"
            } else {
                "registry.join.reject"
            },
            entity: "organisation",
            entity_id: Some(req.organisation_id),
            summary: req.user_email.clone(),
        },
        now,
    )
    .await?;
    if let Some(e) = notify {
        platform::mail::queue(&mut tx, Some(municipality_id), e, now).await?;
    }
    tx.commit().await?;
    Ok(req)
}

// --- Bulk loading (synthetic data) ---

/// A profile written in bulk, for the synthetic benchmark data.
#[derive(Clone, Debug)]
pub struct BulkProfile {
    pub organisation_id: OrganisationId,
    pub municipality_id: MunicipalityId,
    pub edit: ProfileEdit,
    pub confirmed_at: Option<i64>,
    pub updated_at: i64,
}

/// Write many profiles at once in the caller's transaction (the organisations exist already):
/// the rows the trigger made are replaced, so the search index follows. At most 300 at a time.
pub async fn bulk_profiles(conn: &mut sqlx::AnyConnection, rows: &[BulkProfile]) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = (1..=rows.len()).map(|i| format!("${i}")).collect();
    let delete = format!(
        "DELETE FROM registry_profiles WHERE organisation_id IN ({})",
        ids.join(", ")
    );
    let mut d = sqlx::query(&delete);
    for r in rows {
        d = d.bind(r.organisation_id);
    }
    d.execute(&mut *conn).await?;
    const COLS: usize = 12;
    let values: Vec<String> = (0..rows.len())
        .map(|r| {
            let cells: Vec<String> = (1..=COLS).map(|c| format!("${}", r * COLS + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO registry_profiles (organisation_id, municipality_id, legal_form, categories, mission, \
         target_groups, member_count, confirmed_at, updated_at, sort_key, search_name, search_body) VALUES {}",
        values.join(", ")
    );
    let mut ins = sqlx::query(&sql);
    for r in rows {
        let (search_name, search_body) = search_texts(&r.edit);
        ins = ins
            .bind(r.organisation_id)
            .bind(r.municipality_id)
            .bind(r.edit.legal_form.code())
            .bind(Category::to_bits(&r.edit.categories))
            .bind(r.edit.mission.clone())
            .bind(r.edit.target_groups.clone())
            .bind(r.edit.member_count)
            .bind(r.confirmed_at)
            .bind(r.updated_at)
            .bind(domain::sort_key(&r.edit.name))
            .bind(search_name)
            .bind(search_body);
    }
    ins.execute(&mut *conn).await?;
    Ok(())
}
