use crate::audit::{self, Change};
use crate::auth::{CurrentUser, RoleKind};
use crate::db::{is_unique_violation, Db};
use crate::rules::swedish_cmp;

#[derive(Clone, Debug)]
pub struct Municipality {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub intro: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
}

type Row = (i64, String, String, String, String, String, String, String);

const COLUMNS: &str = "id, slug, name, intro, contact_name, contact_email, contact_phone, website";

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
) -> Result<i64, CreateError> {
    let mut tx = db.write().await?;
    let res: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO municipalities (slug, name, intro, contact_name, contact_email, contact_phone, website, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(m.slug)
    .bind(m.name)
    .bind(m.intro)
    .bind(m.contact_name)
    .bind(m.contact_email)
    .bind(m.contact_phone)
    .bind(m.website)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let id = match res {
        Ok((id,)) => id,
        Err(e) if is_unique_violation(&e) => return Err(CreateError::Taken),
        Err(e) => return Err(e.into()),
    };
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(id),
            actor,
            action: "municipality.create",
            entity: "municipality",
            entity_id: Some(id),
            summary: format!("{} ({})", m.name, m.slug),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[derive(Clone, Debug)]
pub struct Department {
    pub id: i64,
    pub name: String,
}

pub async fn departments(db: &Db, municipality_id: i64) -> Result<Vec<Department>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM departments WHERE municipality_id = $1")
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
    municipality_id: i64,
    name: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.write().await?;
    let res: Result<(i64,), sqlx::Error> =
        sqlx::query_as("INSERT INTO departments (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(municipality_id)
            .bind(name)
            .bind(now)
            .fetch_one(&mut *tx)
            .await;
    let id = match res {
        Ok((id,)) => id,
        Err(e) if is_unique_violation(&e) => return Ok(None),
        Err(e) => return Err(e),
    };
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "department.create",
            entity: "department",
            entity_id: Some(id),
            summary: name.to_string(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// A person with a role in the municipality, for the coordinator's list.
#[derive(Clone, Debug)]
pub struct Member {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: RoleKind,
    pub department: Option<String>,
    pub organisation: Option<String>,
}

pub async fn members(db: &Db, municipality_id: i64) -> Result<Vec<Member>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row(i64, String, String, String, Option<String>, Option<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT u.id, u.name, u.email, r.role, d.name, o.name FROM roles r \
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
                user_id: r.0,
                name: r.1,
                email: r.2,
                role: RoleKind::parse(&r.3)?,
                department: r.4,
                organisation: r.5,
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
    AlreadyHas,
    NoSuchDepartment,
}

/// Give an existing account a coordinator or staff role in the municipality.
pub async fn grant_role(
    db: &Db,
    municipality_id: i64,
    email: &str,
    role: RoleKind,
    department_id: Option<i64>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<GrantOutcome, sqlx::Error> {
    let mut tx = db.write().await?;
    let Some((user_id, name)): Option<(i64, String)> = sqlx::query_as("SELECT id, name FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?
    else {
        return Ok(GrantOutcome::NoSuchUser);
    };
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
