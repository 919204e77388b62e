//! The links between areas and principles: every function takes the municipality; a change
//! runs in one write transaction with its audit entry.

use crate::ids::AreaId;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert};
use platform::MunicipalityId;

#[derive(sea_query::Iden)]
#[iden = "actionplan_area_principles"]
enum AreaPrinciples {
    Table,
    AreaId,
    MunicipalityId,
    Position,
}

/// Every link of the municipality: (area, principle's number).
pub async fn links(db: &Db, m: MunicipalityId) -> Result<Vec<(AreaId, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT area_id, position FROM actionplan_area_principles WHERE municipality_id = $1 ORDER BY area_id, position",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await
}

/// How many activities of each area of the current plan have each status (the start page).
pub async fn status_counts(db: &Db, m: MunicipalityId) -> Result<Vec<super::domain::AreaCount>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT ar.id, ar.number, ar.name, a.status, COUNT(*) FROM actionplan_activities a \
         JOIN actionplan_goals g ON g.id = a.goal_id JOIN actionplan_areas ar ON ar.id = g.area_id \
         WHERE a.municipality_id = $1 AND {} GROUP BY ar.id, ar.number, ar.name, a.status",
        crate::activities::store::IN_CURRENT_PLAN
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await
}

/// An area of the municipality: (number, name).
pub async fn area(db: &Db, m: MunicipalityId, id: AreaId) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT number, name FROM actionplan_areas WHERE id = $1 AND municipality_id = $2")
        .bind(id)
        .bind(m)
        .fetch_optional(&db.pool)
        .await
}

/// Set the principles an area works on (replacing those it had). An area that is not the
/// municipality's is `sqlx::Error::RowNotFound`.
pub async fn set(
    db: &Db,
    m: MunicipalityId,
    id: AreaId,
    positions: &[i64],
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        let found: Option<(String,)> =
            sqlx::query_as("SELECT name FROM actionplan_areas WHERE id = $1 AND municipality_id = $2")
                .bind(id)
                .bind(m)
                .fetch_optional(&mut *tx)
                .await?;
        let (name,) = found.ok_or(sqlx::Error::RowNotFound)?;
        Delete::from(AreaPrinciples::Table)
            .filter(AreaPrinciples::AreaId, id)
            .filter(AreaPrinciples::MunicipalityId, m)
            .run(tx)
            .await?;
        for p in positions {
            Insert::into(AreaPrinciples::Table)
                .set(AreaPrinciples::AreaId, id)
                .set(AreaPrinciples::MunicipalityId, m)
                .set(AreaPrinciples::Position, *p)
                .run(tx)
                .await?;
        }
        let list: Vec<String> = positions.iter().map(i64::to_string).collect();
        let summary = format!("{name}: {}", list.join(", "));
        Ok((
            (),
            Change::new(m, actor, "actionplan.area.principles", "actionplan_area", id, summary),
        ))
    })
    .await
}
