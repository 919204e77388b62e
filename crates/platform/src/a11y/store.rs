//! Accessibility feedback in the database, and the mail to the coordinators.

use super::Feedback;
use crate::db::Db;
use crate::mail::{self, Email};
use crate::MunicipalityId;

#[derive(Clone, Debug)]
pub struct Received {
    pub id: i64,
    pub page: String,
    pub message: String,
    pub reply_to: String,
    pub lang: String,
    pub created_at: i64,
}

/// Where the municipality's feedback goes: its coordinators' addresses, or the municipality's
/// contact address when it has no coordinator yet.
pub async fn recipients(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT u.email FROM roles r JOIN users u ON u.id = r.user_id \
         WHERE r.municipality_id = $1 AND r.role = 'coordinator' ORDER BY u.email",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut to: Vec<String> = rows.into_iter().map(|(e,)| e).collect();
    if to.is_empty() {
        let contact: Option<(String,)> =
            sqlx::query_as("SELECT contact_email FROM municipalities WHERE id = $1 AND contact_email <> ''")
                .bind(municipality_id)
                .fetch_optional(&db.pool)
                .await?;
        to.extend(contact.map(|(e,)| e));
    }
    Ok(to)
}

/// Keep the feedback and queue one mail per recipient, in one transaction.
pub async fn save(
    db: &Db,
    municipality_id: MunicipalityId,
    feedback: &Feedback,
    lang: &str,
    mails: &[Email],
    now: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO a11y_feedback (municipality_id, page, message, reply_to, lang, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(municipality_id)
    .bind(&feedback.page)
    .bind(&feedback.message)
    .bind(feedback.reply_to.as_ref().map(|e| e.as_str()).unwrap_or_default())
    .bind(lang)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    for m in mails {
        mail::queue(&mut tx, Some(municipality_id), m, now).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The municipality's feedback, newest first.
pub async fn list(db: &Db, municipality_id: MunicipalityId, limit: i64) -> Result<Vec<Received>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, page, message, reply_to, lang, created_at FROM a11y_feedback \
         WHERE municipality_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
    )
    .bind(municipality_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Received {
            id: r.0,
            page: r.1,
            message: r.2,
            reply_to: r.3,
            lang: r.4,
            created_at: r.5,
        })
        .collect())
}
