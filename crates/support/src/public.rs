//! What other capabilities may ask of the support capability: small functions taking the
//! municipality, returning plain structs. The only way into its tables from outside.
//!
//! The meetings and the action plan cannot call it (they would depend on this crate, which
//! depends on them): their pages show the ideas that point to them through `platform::links`,
//! which the idea bank writes. These functions answer the same question for a crate above
//! both (e.g. a yearly follow-up report).

use crate::ids::IdeaId;
use platform::db::Db;
use platform::MunicipalityId;

/// An idea as another page links to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedIdea {
    pub id: IdeaId,
    pub title: String,
    /// `/{slug}/ideer/{id}`.
    pub path: String,
}

/// The visible ideas on the agenda of a meeting (by the meetings' id), by title.
pub async fn ideas_on_agenda(
    db: &Db,
    municipality_id: MunicipalityId,
    slug: &str,
    meeting_id: i64,
) -> Result<Vec<LinkedIdea>, sqlx::Error> {
    linked(db, municipality_id, slug, "meeting_id", meeting_id).await
}

/// The visible ideas an activity of the action plan carries (by its id there), by title.
pub async fn ideas_of_activity(
    db: &Db,
    municipality_id: MunicipalityId,
    slug: &str,
    activity_id: i64,
) -> Result<Vec<LinkedIdea>, sqlx::Error> {
    linked(db, municipality_id, slug, "activity_id", activity_id).await
}

async fn linked(
    db: &Db,
    municipality_id: MunicipalityId,
    slug: &str,
    column: &'static str,
    id: i64,
) -> Result<Vec<LinkedIdea>, sqlx::Error> {
    let rows: Vec<(IdeaId, String)> = sqlx::query_as(&format!(
        "SELECT id, title FROM support_ideas WHERE municipality_id = $1 AND {column} = $2 \
         AND hidden_at IS NULL ORDER BY title, id"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title)| LinkedIdea {
            path: crate::paths::idea(slug, id),
            id,
            title,
        })
        .collect())
}
