//! The cases past their last day, for the escalation job.

use super::*;

/// A case past its last day that the coordinators have not been told of.
#[derive(Clone, Debug)]
pub struct Late {
    pub id: CaseId,
    pub municipality_id: MunicipalityId,
    pub slug: String,
    pub number: String,
    pub topic: String,
    pub due_on: String,
    /// The municipality's coordinators' addresses.
    pub to: Vec<String>,
}

/// Every municipality's cases waiting past their last day (before `today`), not yet escalated.
pub async fn late(db: &Db, today: &str) -> Result<Vec<Late>, sqlx::Error> {
    type LateRow = (CaseId, MunicipalityId, String, i64, i64, String, String);
    let rows: Vec<LateRow> = sqlx::query_as(
        "SELECT c.id, c.municipality_id, m.slug, c.year, c.number, c.topic_name, c.due_on \
         FROM support_door_cases c JOIN municipalities m ON m.id = c.municipality_id \
         WHERE c.status IN ('received', 'assigned') AND c.due_on < $1 AND c.escalated_at IS NULL ORDER BY c.id",
    )
    .bind(today)
    .fetch_all(&db.pool)
    .await?;
    let mut out = vec![];
    for (id, m, slug, year, number, topic, due_on) in rows {
        let to: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT u.email FROM roles r JOIN users u ON u.id = r.user_id \
             WHERE r.municipality_id = $1 AND r.role = 'coordinator' AND u.email <> '' ORDER BY u.email",
        )
        .bind(m)
        .fetch_all(&db.pool)
        .await?;
        out.push(Late {
            id,
            municipality_id: m,
            slug,
            number: domain::case_number(year, number),
            topic,
            due_on,
            to: to.into_iter().map(|r| r.0).collect(),
        });
    }
    Ok(out)
}

/// In the caller's transaction: mark a case escalated; false when another run already did.
pub async fn claim_escalation(tx: &mut sqlx::AnyConnection, id: CaseId, now: i64) -> Result<bool, sqlx::Error> {
    let done = Update::table(Cases::Table)
        .set(Cases::EscalatedAt, now)
        .filter(Cases::Id, id)
        .filter_expr(sea_query::Expr::col(Cases::EscalatedAt).is_null())
        .run(tx)
        .await?;
    Ok(done == 1)
}
