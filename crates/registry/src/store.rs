//! The registry's main queries: profiles as read, their contact people and premises, the
//! directory search, and the tables the sub-areas write. Every function takes the
//! municipality's id (the tenant); changes live in the sub-areas (`profile::store`, …), each
//! written with its audit entry in one transaction (`platform::db::write`).

use crate::domain::{self, Category, Feature, Filters, LegalForm, OrgNumber};
use crate::ids::{ContactId, PremisesId};
use platform::db::{Backend, Db, Delete, Unique};
use platform::{MunicipalityId, OrganisationId};
use sqlx::any::AnyRow;
use sqlx::Row;

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
    /// The person's address is not proven: they cannot be approved as a representative.
    #[error("unverified account")]
    Unverified,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

type ContactRow = (ContactId, OrganisationId, String, String, String, String, i64, i64);

/// The platform's organisations, as the registry writes them (name and organisationsnummer).
#[derive(sea_query::Iden)]
pub(crate) enum Organisations {
    Table,
    Id,
    MunicipalityId,
    Name,
    OrgNumber,
    CreatedAt,
}

/// An organisationsnummer is unique within its municipality.
pub(crate) const ORG_NUMBER: Unique = Unique {
    table: "organisations",
    columns: &["municipality_id", "org_number"],
};

/// An organisation's profile (one row per organisation, made by a trigger).
#[derive(sea_query::Iden)]
#[iden = "registry_profiles"]
pub(crate) enum Profiles {
    Table,
    OrganisationId,
    MunicipalityId,
    LegalForm,
    Categories,
    Mission,
    Email,
    Phone,
    Website,
    SocialLinks,
    PostalAddress,
    VisitingAddress,
    MemberCount,
    TargetGroups,
    ConfirmedAt,
    ConfirmedByUserId,
    RemindedAt,
    UpdatedAt,
    SortKey,
    SearchName,
    SearchBody,
    Signed,
    GiroKind,
    GiroNumber,
    BoardMembers,
    AnnualMeetingOn,
}

/// `ORDER BY` of the ASCII sort key: bytewise on both backends.
pub(crate) fn by_sort_key(db: &Db) -> &'static str {
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

/// A profile with its organisation. Whether it has signed is the profile's `signed`, which the
/// registry's triggers on the signing book keep (no read of the signing book's table here).
pub(crate) const PROFILE: &str = "SELECT p.organisation_id, p.municipality_id, o.name, o.org_number, p.legal_form, \
     p.categories, p.mission, p.email, p.phone, p.website, p.social_links, p.postal_address, \
     p.visiting_address, p.member_count, p.target_groups, p.confirmed_at, o.created_at, p.updated_at, \
     CAST(p.signed AS BIGINT) AS signed \
     FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id";

pub(crate) fn profile_row(r: &AnyRow) -> Result<Profile, sqlx::Error> {
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
pub async fn profile(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
) -> Result<Option<Profile>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "{PROFILE} WHERE p.municipality_id = $1 AND p.organisation_id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(profile_row).transpose()
}

/// A contact person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub id: ContactId,
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
    pub id: PremisesId,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub address: String,
    pub capacity: Option<i64>,
    pub equipment: String,
    pub features: Vec<Feature>,
}

/// The organisation's contact people; only those who chose to be public unless `all`.
pub async fn contacts(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    all: bool,
) -> Result<Vec<Contact>, sqlx::Error> {
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
pub async fn premises(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
) -> Result<Vec<Premises>, sqlx::Error> {
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
    pub id: OrganisationId,
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
    let (sql, binds) = search_statement(db, municipality_id, f);
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

/// The database's plan for [`search`] (SQLite's `EXPLAIN QUERY PLAN` details, PostgreSQL's
/// `EXPLAIN (COSTS OFF)` lines), for checks that the plan stays the good one.
pub async fn search_plan(db: &Db, municipality_id: MunicipalityId, f: &Filters) -> Result<Vec<String>, sqlx::Error> {
    let (sql, binds) = search_statement(db, municipality_id, f);
    let explain = match db.backend {
        Backend::Sqlite => format!("EXPLAIN QUERY PLAN {sql}"),
        Backend::Postgres => format!("EXPLAIN (COSTS OFF) {sql}"),
    };
    let mut query = sqlx::query(&explain).bind(municipality_id);
    for b in binds {
        query = query.bind(b);
    }
    let rows = query
        .bind(domain::PAGE_SIZE)
        .bind(f.offset())
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| match db.backend {
            Backend::Sqlite => r.try_get::<String, _>("detail"),
            Backend::Postgres => r.try_get::<String, _>(0),
        })
        .collect()
}

/// The search's SQL and its text binds (after the municipality; the page size and offset follow).
fn search_statement(db: &Db, municipality_id: MunicipalityId, f: &Filters) -> (String, Vec<String>) {
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
            // Every indexed word carries the municipality, so the matches are the municipality's;
            // `+ 0` keeps the municipality's index out of the plan, which with statistics from an
            // operator's ANALYZE would scan the whole municipality and probe the matches (as on
            // PostgreSQL below).
            wheres[0] = "p.municipality_id + 0 = $1".to_string();
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
    (sql, binds)
}

// --- Profiles as written ---

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

/// What search indexes of a profile: (name, body). See [`search_entry`].
pub fn search_texts(e: &ProfileEdit) -> (String, String) {
    search_entry(
        &e.name,
        &e.categories,
        &e.mission,
        &e.target_groups,
        &e.visiting_address,
    )
}

/// The one normalisation of an organisation's search entry (`search_name`, `search_body`, from
/// which SQLite's FTS5 triggers and PostgreSQL's generated `search_index` are made): every path
/// that writes a profile (registering, editing, import, the synthetic data, the demo, and
/// organisations made outside the registry through [`reindex`]) comes here, so the same name is
/// found by the same queries whichever way it came in.
pub fn search_entry(
    name: &str,
    categories: &[Category],
    mission: &str,
    target_groups: &str,
    visiting_address: &str,
) -> (String, String) {
    let cats: Vec<&str> = categories.iter().map(|c| c.search_words()).collect();
    (
        domain::search_doc(&[name]),
        domain::search_doc(&[&cats.join(" "), mission, target_groups, visiting_address]),
    )
}

/// Write the search entry and sort key of organisations whose rows were made outside the
/// registry (the platform's `organisations` table; the trigger makes their profile row with an
/// empty entry), from their name and profile as stored. In the caller's transaction.
pub(crate) async fn reindex(conn: &mut sqlx::AnyConnection, ids: &[OrganisationId]) -> Result<(), sqlx::Error> {
    for chunk in ids.chunks(200) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT o.id, o.name, p.categories, p.mission, p.target_groups, p.visiting_address \
             FROM organisations o JOIN registry_profiles p ON p.organisation_id = o.id WHERE o.id IN ({})",
            marks.join(", ")
        );
        let mut q = sqlx::query_as::<_, (OrganisationId, String, i64, String, String, String)>(&sql);
        for id in chunk {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(&mut *conn).await?;
        for (id, name, categories, mission, target_groups, visiting) in rows {
            let (search_name, search_body) = search_entry(
                &name,
                &Category::from_bits(categories),
                &mission,
                &target_groups,
                &visiting,
            );
            platform::db::Update::table(Profiles::Table)
                .set(Profiles::SortKey, domain::sort_key(&name))
                .set(Profiles::SearchName, search_name)
                .set(Profiles::SearchBody, search_body)
                .filter(Profiles::OrganisationId, id)
                .run(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// Whether the organisation is the municipality's.
pub(crate) async fn owns(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    id: OrganisationId,
) -> Result<bool, sqlx::Error> {
    let r: Option<(i64,)> = sqlx::query_as("SELECT id FROM organisations WHERE id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(municipality_id)
        .fetch_optional(&mut *tx)
        .await?;
    Ok(r.is_some())
}

/// Mark the organisation's profile changed now (its contacts or premises were).
pub(crate) async fn touch(tx: &mut sqlx::AnyConnection, id: OrganisationId, now: i64) -> Result<(), sqlx::Error> {
    platform::db::Update::table(Profiles::Table)
        .set(Profiles::UpdatedAt, now)
        .filter(Profiles::OrganisationId, id)
        .run(tx)
        .await?;
    Ok(())
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
    Delete::from(Profiles::Table)
        .filter_expr(sea_query::Expr::col(Profiles::OrganisationId).is_in(rows.iter().map(|r| r.organisation_id)))
        .run(conn)
        .await?;
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
