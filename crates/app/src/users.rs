//! Creating accounts with roles from the command line (the first operator or coordinator of a
//! real installation) and from the demo and synthetic data.

use platform::auth::{hash_password, RoleKind};
use platform::db::Db;
use platform::rules::{self, Email};
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    pub role: Option<RoleKind>,
    pub municipality: Option<&'a str>,
    pub department: Option<&'a str>,
    pub organisation: Option<&'a str>,
}

/// Create a verified account (or find it) and give it the role. Returns the user's id.
pub async fn add(db: &Db, u: &NewUser<'_>, now: i64) -> anyhow::Result<UserId> {
    let email = Email::parse(u.email).map_err(|e| anyhow::anyhow!("--email: {}", describe(e)))?;
    let name = rules::line(u.name, 120).map_err(|e| anyhow::anyhow!("--name: {}", describe(e)))?;
    rules::password(u.password).map_err(|e| anyhow::anyhow!("password: {}", describe(e)))?;
    let hash = hash_password(u.password)?;
    let mut tx = db.write().await?;
    let existing: Option<(UserId,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let user_id = match existing {
        Some((id,)) => id,
        None => {
            let (id,): (UserId,) = sqlx::query_as(
                "INSERT INTO users (email, name, password_hash, email_verified_at, created_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
            )
            .bind(email.as_str())
            .bind(&name)
            .bind(&hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            id
        }
    };
    if let Some(role) = u.role {
        let municipality_id = match (role, u.municipality) {
            (RoleKind::Operator, _) => None,
            (_, None) => anyhow::bail!("--municipality is needed for the role {}", role.as_str()),
            (_, Some(slug)) => {
                let (id,): (MunicipalityId,) = sqlx::query_as("SELECT id FROM municipalities WHERE slug = $1")
                    .bind(slug)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("--municipality: there is no municipality {slug:?}"))?;
                Some(id)
            }
        };
        let department_id = match (u.department, municipality_id) {
            (Some(d), Some(m)) => {
                let row: Option<(DepartmentId,)> =
                    sqlx::query_as("SELECT id FROM departments WHERE municipality_id = $1 AND name = $2")
                        .bind(m)
                        .bind(d)
                        .fetch_optional(&mut *tx)
                        .await?;
                match row {
                    Some((id,)) => Some(id),
                    None => {
                        let (id,): (DepartmentId,) = sqlx::query_as(
                            "INSERT INTO departments (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
                        )
                        .bind(m)
                        .bind(d)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                        Some(id)
                    }
                }
            }
            _ => None,
        };
        let organisation_id = match (role, u.organisation, municipality_id) {
            (RoleKind::Representative, Some(o), Some(m)) => {
                let (id,): (OrganisationId,) =
                    sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
                        .bind(m)
                        .bind(o)
                        .fetch_optional(&mut *tx)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("--organisation: there is no organisation {o:?}"))?;
                Some(id)
            }
            (RoleKind::Representative, None, _) => anyhow::bail!("--organisation is needed for a representative"),
            _ => None,
        };
        let has: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM roles WHERE user_id = $1 AND role = $2 \
             AND COALESCE(municipality_id, 0) = COALESCE($3, 0) AND COALESCE(organisation_id, 0) = COALESCE($4, 0)",
        )
        .bind(user_id)
        .bind(role.as_str())
        .bind(municipality_id)
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
        if has.is_none() {
            sqlx::query(
                "INSERT INTO roles (user_id, role, municipality_id, department_id, organisation_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(user_id)
            .bind(role.as_str())
            .bind(municipality_id)
            .bind(department_id)
            .bind(organisation_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(user_id)
}

fn describe(e: rules::Invalid) -> String {
    match e {
        rules::Invalid::Required => "is required".into(),
        rules::Invalid::TooLong(n) => format!("at most {n} characters"),
        rules::Invalid::TooShort(n) => format!("at least {n} characters"),
        rules::Invalid::Email => "not an e-mail address".into(),
        rules::Invalid::ControlChars => "contains control characters".into(),
        rules::Invalid::Slug => "use a-z, digits and dashes".into(),
    }
}
