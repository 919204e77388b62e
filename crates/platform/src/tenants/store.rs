use crate::audit::{self, Change};
use crate::auth::{CurrentUser, RoleKind};
use crate::db::{self, Db, Insert, OnConstraint, Unique};
use crate::ids::{DepartmentId, MunicipalityId, UserId};
use crate::rules::swedish_cmp;
use sea_query::Iden;

#[derive(Iden)]
enum Municipalities {
    Table,
    Slug,
    Name,
    Intro,
    ContactName,
    ContactEmail,
    ContactPhone,
    Website,
    CreatedAt,
}

#[derive(Iden)]
enum Departments {
    Table,
    MunicipalityId,
    Name,
    CreatedAt,
}

const MUNICIPALITY_SLUG: Unique = Unique {
    table: "municipalities",
    columns: &["slug"],
};

const DEPARTMENT_NAME: Unique = Unique {
    table: "departments",
    columns: &["municipality_id", "name"],
};

#[derive(Clone, Debug)]
pub struct Municipality {
    pub id: MunicipalityId,
    pub slug: String,
    pub name: String,
    pub intro: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    /// Its colour, `#rrggbb`, or '' for none (`branding`).
    pub brand_colour: String,
    /// Its welcome text (plain text), or ''.
    pub welcome: String,
    /// The size of its logo in bytes, 0 when it has none: the logo's address changes with it.
    pub logo_size: i64,
}

impl Municipality {
    /// The address of its logo (with a version, so a new one is not hidden by a cache).
    pub fn logo_src(&self) -> Option<String> {
        (self.logo_size > 0).then(|| format!("/{}/logotyp?v={}", self.slug, self.logo_size))
    }

    /// The address of the stylesheet with its colour, when it has one.
    pub fn theme_href(&self) -> Option<String> {
        let hex = self.brand_colour.strip_prefix('#')?;
        Some(format!("/{}/tema.css?v={hex}", self.slug))
    }
}

type Row = (
    MunicipalityId,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
);

const COLUMNS: &str = "id, slug, name, intro, contact_name, contact_email, contact_phone, website, \
                       brand_colour, welcome, CAST(COALESCE(length(logo), 0) AS BIGINT)";

fn from_row(r: Row) -> Municipality {
    Municipality {
        id: r.0,
        slug: r.1,
        name: r.2,
        intro: r.3,
        contact_name: r.4,
        contact_email: r.5,
        contact_phone: r.6,
        website: r.7,
        brand_colour: r.8,
        welcome: r.9,
        logo_size: r.10,
    }
}

pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Municipality>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM municipalities WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(from_row))
}

/// Every municipality, in Swedish order.
pub async fn all(db: &Db) -> Result<Vec<Municipality>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM municipalities"))
        .fetch_all(&db.pool)
        .await?;
    let mut v: Vec<Municipality> = rows.into_iter().map(from_row).collect();
    v.sort_by(|a, b| swedish_cmp(&a.name, &b.name));
    Ok(v)
}

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error("a municipality with this address already exists")]
    Taken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub struct NewMunicipality<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub intro: &'a str,
    pub contact_name: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
    pub website: &'a str,
}

pub async fn create(
    db: &Db,
    m: &NewMunicipality<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<MunicipalityId, CreateError> {
    db::write(db, now, async |tx| {
        let id: MunicipalityId = Insert::into(Municipalities::Table)
            .set(Municipalities::Slug, m.slug)
            .set(Municipalities::Name, m.name)
            .set(Municipalities::Intro, m.intro)
            .set(Municipalities::ContactName, m.contact_name)
            .set(Municipalities::ContactEmail, m.contact_email)
            .set(Municipalities::ContactPhone, m.contact_phone)
            .set(Municipalities::Website, m.website)
            .set(Municipalities::CreatedAt, now)
            .returning_id(tx)
            .await
            .on_unique(MUNICIPALITY_SLUG, || CreateError::Taken)?;
        let summary = format!("{} ({})", m.name, m.slug);
        Ok((
            id,
            Change::new(id, actor, "municipality.create", "municipality", id, summary),
        ))
    })
    .await
}

#[derive(Clone, Debug)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
}

pub async fn departments(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Department>, sqlx::Error> {
    let rows: Vec<(DepartmentId, String)> =
        sqlx::query_as("SELECT id, name FROM departments WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    let mut v: Vec<Department> = rows.into_iter().map(|(id, name)| Department { id, name }).collect();
    v.sort_by(|a, b| swedish_cmp(&a.name, &b.name));
    Ok(v)
}

/// Add a department; `Ok(None)` when the municipality already has one by that name.
pub async fn add_department(
    db: &Db,
    municipality_id: MunicipalityId,
    name: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<DepartmentId>, sqlx::Error> {
    let res = db::write(db, now, async |tx| {
        let id: DepartmentId = Insert::into(Departments::Table)
            .set(Departments::MunicipalityId, municipality_id)
            .set(Departments::Name, name)
            .set(Departments::CreatedAt, now)
            .returning_id(tx)
            .await
            .on_unique(DEPARTMENT_NAME, || AddDepartment::Taken)?;
        Ok((
            id,
            Change::new(municipality_id, actor, "department.create", "department", id, name),
        ))
    })
    .await;
    match res {
        Ok(id) => Ok(Some(id)),
        Err(AddDepartment::Taken) => Ok(None),
        Err(AddDepartment::Db(e)) => Err(e),
    }
}

enum AddDepartment {
    Taken,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for AddDepartment {
    fn from(e: sqlx::Error) -> Self {
        AddDepartment::Db(e)
    }
}

/// A person with a role in the municipality, for the coordinator's list.
#[derive(Clone, Debug)]
pub struct Member {
    pub role_id: i64,
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub role: RoleKind,
    pub department: Option<String>,
    pub organisation: Option<String>,
}

pub async fn members(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Member>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row(i64, UserId, String, String, String, Option<String>, Option<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, u.id, u.name, u.email, r.role, d.name, o.name FROM roles r \
         JOIN users u ON u.id = r.user_id \
         LEFT JOIN departments d ON d.id = r.department_id \
         LEFT JOIN organisations o ON o.id = r.organisation_id \
         WHERE r.municipality_id = $1 OR o.municipality_id = $1",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v: Vec<Member> = rows
        .into_iter()
        .filter_map(|r| {
            Some(Member {
                role_id: r.0,
                user_id: r.1,
                name: r.2,
                email: r.3,
                role: RoleKind::parse(&r.4)?,
                department: r.5,
                organisation: r.6,
            })
        })
        .collect();
    v.sort_by(|a, b| swedish_cmp(&a.name, &b.name));
    Ok(v)
}

#[derive(Debug, PartialEq, Eq)]
pub enum GrantOutcome {
    Granted,
    NoSuchUser,
    /// The account's address is not proven: no roles for it (issue 14, finding 1).
    Unverified,
    AlreadyHas,
    NoSuchDepartment,
}

/// Give an existing account a coordinator or staff role in the municipality.
pub async fn grant_role(
    db: &Db,
    municipality_id: MunicipalityId,
    email: &str,
    role: RoleKind,
    department_id: Option<DepartmentId>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<GrantOutcome, sqlx::Error> {
    let mut tx = db.write().await?;
    let Some((user_id, name)): Option<(UserId, String)> = sqlx::query_as("SELECT id, name FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?
    else {
        return Ok(GrantOutcome::NoSuchUser);
    };
    if !crate::accounts::store::is_verified(&mut tx, user_id).await? {
        return Ok(GrantOutcome::Unverified);
    }
    if let Some(d) = department_id {
        let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM departments WHERE id = $1 AND municipality_id = $2")
            .bind(d)
            .bind(municipality_id)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Ok(GrantOutcome::NoSuchDepartment);
        }
    }
    let existing: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM roles WHERE user_id = $1 AND municipality_id = $2 AND role = $3")
            .bind(user_id)
            .bind(municipality_id)
            .bind(role.as_str())
            .fetch_optional(&mut *tx)
            .await?;
    if existing.is_some() {
        return Ok(GrantOutcome::AlreadyHas);
    }
    let (role_id,): (i64,) = sqlx::query_as(
        "INSERT INTO roles (user_id, role, municipality_id, department_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user_id)
    .bind(role.as_str())
    .bind(municipality_id)
    .bind(department_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "role.grant",
            entity: "role",
            entity_id: Some(role_id),
            summary: format!("{name} <{email}>: {}", role.as_str()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(GrantOutcome::Granted)
}

/// What taking a role away did.
#[derive(Debug, PartialEq, Eq)]
pub enum RevokeOutcome {
    /// The role is gone; the person's name.
    Revoked(String),
    /// The role is not one of the municipality's.
    NotFound,
    /// It is the municipality's last coordinator role: someone must stay who can grant roles.
    LastCoordinator,
}

/// Take a role away: one of the municipality's own (its staff and coordinators, or a
/// representative of one of its organisations), never its last coordinator.
pub async fn revoke_role(
    db: &Db,
    municipality_id: MunicipalityId,
    role_id: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<RevokeOutcome, sqlx::Error> {
    let mut tx = db.write().await?;
    let found: Option<(String, String, String)> = sqlx::query_as(
        "SELECT u.name, u.email, r.role FROM roles r JOIN users u ON u.id = r.user_id \
         LEFT JOIN organisations o ON o.id = r.organisation_id \
         WHERE r.id = $1 AND r.role <> 'operator' AND (r.municipality_id = $2 OR o.municipality_id = $2)",
    )
    .bind(role_id)
    .bind(municipality_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((name, email, role)) = found else {
        return Ok(RevokeOutcome::NotFound);
    };
    if role == RoleKind::Coordinator.as_str() {
        // Counted inside the write transaction, so two coordinators removing each other at
        // once cannot both succeed (SQLite has one writer; PostgreSQL locks the rows).
        let others: Vec<(i64,)> = sqlx::query_as(&format!(
            "SELECT id FROM roles WHERE municipality_id = $1 AND role = 'coordinator'{}",
            db.for_update()
        ))
        .bind(municipality_id)
        .fetch_all(&mut *tx)
        .await?;
        if others.len() <= 1 {
            return Ok(RevokeOutcome::LastCoordinator);
        }
    }
    sqlx::query("DELETE FROM roles WHERE id = $1")
        .bind(role_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "role.revoke",
            entity: "role",
            entity_id: Some(role_id),
            summary: format!("{name} <{email}>: {role}"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(RevokeOutcome::Revoked(name))
}
