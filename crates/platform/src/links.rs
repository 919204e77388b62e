//! Links between capabilities' things, shown on the page they point to. A capability may call
//! only the capabilities below it (Cargo forbids a cycle), so a meeting's page cannot ask the
//! idea bank which ideas its agenda takes up. Instead the idea bank records, in the same
//! transaction as the change, that its idea points to the meeting ([`set`]); the meeting's page
//! reads what points to it ([`to`]) and shows it ([`Backlink`], `links.html`). The kinds are
//! plain names (`support-idea`, `meetings-meeting`, `actionplan-activity`); a source's kind is
//! also the message id of its name ("Idé").

use crate::db::Db;
use crate::i18n::Tr;
use crate::ids::MunicipalityId;

/// A thing that points to a page, as that page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backlink {
    /// The kind's name in the visitor's language ("Idé").
    pub kind: String,
    pub title: String,
    pub path: String,
}

/// Replace what a source points to: its rows are removed and one is written per target
/// (none: it points nowhere now). In the caller's transaction.
#[allow(clippy::too_many_arguments)]
pub async fn set(
    conn: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    source: &str,
    source_id: i64,
    targets: &[(&str, i64)],
    title: &str,
    path: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM platform_links WHERE municipality_id = $1 AND source = $2 AND source_id = $3")
        .bind(municipality_id)
        .bind(source)
        .bind(source_id)
        .execute(&mut *conn)
        .await?;
    for (target, target_id) in targets {
        sqlx::query(
            "INSERT INTO platform_links (municipality_id, source, source_id, target, target_id, title, path, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(municipality_id)
        .bind(source)
        .bind(source_id)
        .bind(*target)
        .bind(*target_id)
        .bind(title)
        .bind(path)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// What points to a target of the municipality, by kind and title.
pub async fn to(
    db: &Db,
    tr: &Tr,
    municipality_id: MunicipalityId,
    target: &str,
    target_id: i64,
) -> Result<Vec<Backlink>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT source, title, path FROM platform_links WHERE municipality_id = $1 AND target = $2 \
         AND target_id = $3 ORDER BY source, title, source_id",
    )
    .bind(municipality_id)
    .bind(target)
    .bind(target_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(source, title, path)| Backlink {
            kind: tr.t(&source),
            title,
            path,
        })
        .collect())
}
