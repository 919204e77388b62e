//! The audit trail: every change to tenant data records who, when and what, in the same
//! transaction as the change.

use crate::auth::CurrentUser;
use crate::ids::MunicipalityId;

pub struct Change<'a> {
    pub municipality_id: Option<MunicipalityId>,
    pub actor: Option<&'a CurrentUser>,
    /// e.g. `department.create`
    pub action: &'a str,
    /// e.g. `department`
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    /// A short human-readable description (stored as written).
    pub summary: String,
}

impl<'a> Change<'a> {
    /// A change to one entity of a municipality.
    pub fn new(
        municipality_id: MunicipalityId,
        actor: Option<&'a CurrentUser>,
        action: &'a str,
        entity: &'a str,
        entity_id: impl Into<i64>,
        summary: impl Into<String>,
    ) -> Change<'a> {
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action,
            entity,
            entity_id: Some(entity_id.into()),
            summary: summary.into(),
        }
    }
}

pub async fn record(conn: &mut sqlx::AnyConnection, change: Change<'_>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (municipality_id, actor_user_id, actor_name, at, action, entity, entity_id, summary) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(change.municipality_id)
    .bind(change.actor.map(|u| u.id))
    .bind(change.actor.map(|u| u.name.clone()).unwrap_or_else(|| "system".into()))
    .bind(now)
    .bind(change.action)
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.summary)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub at: i64,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub summary: String,
}

/// The latest entries of one municipality.
pub async fn list(db: &crate::db::Db, municipality_id: MunicipalityId, limit: i64) -> Result<Vec<Entry>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT at, actor_name, action, entity, entity_id, summary FROM audit_log \
         WHERE municipality_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(municipality_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Entry {
            at: r.0,
            actor_name: r.1,
            action: r.2,
            entity: r.3,
            entity_id: r.4,
            summary: r.5,
        })
        .collect())
}
