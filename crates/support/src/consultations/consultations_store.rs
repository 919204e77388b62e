//! The queries of the consultations themselves: opening one (in its caller's write
//! transaction, so the invitations are queued in it), the members' addresses to invite, and
//! the municipality's consultations.

use super::domain::Opened;
use crate::ids::ConsultationId;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{Db, Insert};
use platform::MunicipalityId;

#[derive(sea_query::Iden)]
#[iden = "support_consultations"]
pub(crate) enum Consultations {
    Table,
    MunicipalityId,
    Title,
    Question,
    Documents,
    Deadline,
    CreatedAt,
}

/// A consultation in the group's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: ConsultationId,
    pub title: String,
    /// The last day to answer (YYYY-MM-DD).
    pub deadline: String,
    pub published: bool,
}

/// In the caller's write transaction: store an opened consultation; its id and the audit entry.
pub async fn open<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    c: &Opened,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<(ConsultationId, Change<'a>), sqlx::Error> {
    let id: ConsultationId = Insert::into(Consultations::Table)
        .set(Consultations::MunicipalityId, m)
        .set(Consultations::Title, c.title.as_str())
        .set(Consultations::Question, c.question.as_str())
        .set(Consultations::Documents, c.documents.as_str())
        .set(Consultations::Deadline, c.deadline.format("%Y-%m-%d").to_string())
        .set(Consultations::CreatedAt, now)
        .returning_id(tx)
        .await?;
    Ok((
        id,
        Change::new(
            m,
            Some(actor),
            "support.consultation.open",
            "support_consultation",
            id,
            c.title.clone(),
        ),
    ))
}

/// In the caller's transaction: the e-mail addresses of the group's members.
pub async fn member_emails(tx: &mut sqlx::AnyConnection, m: MunicipalityId) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT u.email FROM support_consultation_members c JOIN users u ON u.id = c.user_id \
         WHERE c.municipality_id = $1 AND u.email <> '' ORDER BY c.id",
    )
    .bind(m)
    .fetch_all(&mut *tx)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// The municipality's consultations, the latest deadline first.
pub async fn list(db: &Db, m: MunicipalityId) -> Result<Vec<Listed>, sqlx::Error> {
    let rows: Vec<(ConsultationId, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, title, deadline, published_at FROM support_consultations WHERE municipality_id = $1 \
         ORDER BY deadline DESC, id DESC",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, deadline, published)| Listed {
            id,
            title,
            deadline,
            published: published.is_some(),
        })
        .collect())
}
