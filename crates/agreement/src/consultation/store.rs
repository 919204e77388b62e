//! The consultations' queries: open one on the draft (its commitments copied as they stand),
//! comments, close and publish. Every function takes the municipality; every change runs in one
//! write transaction with its audit entry.

use super::domain::{self, Comment, Consultation, ConsultationStatus, Item};
use crate::domain::{Party, RuleError, VersionStatus};
use crate::ids::{CommentId, ConsultationId, ItemId, VersionId};
use crate::store::{StoreError, StoreResult};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, OnConstraint, Unique, Update};
use platform::{MunicipalityId, UserId};
use sqlx::AnyConnection;
use std::collections::HashMap;

#[derive(sea_query::Iden)]
#[iden = "agreement_consultations"]
enum Consultations {
    Table,
    Id,
    MunicipalityId,
    VersionId,
    Title,
    Intro,
    Status,
    OpenedAt,
    ClosedAt,
    PublishedAt,
}

#[derive(sea_query::Iden)]
#[iden = "agreement_comments"]
pub(crate) enum Comments {
    Table,
    MunicipalityId,
    ConsultationId,
    ItemId,
    UserId,
    Body,
    CreatedAt,
}

/// At most one open consultation per municipality (a partial unique index).
const ONE_OPEN: Unique = Unique {
    table: "agreement_consultations",
    columns: &["municipality_id"],
};

type ConsultationRow = (
    ConsultationId,
    VersionId,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
);
const CONSULTATION_COLUMNS: &str = "id, version_id, title, intro, status, opened_at, closed_at, published_at";

fn consultation_from(r: ConsultationRow) -> Consultation {
    Consultation {
        id: r.0,
        version_id: r.1,
        title: r.2,
        intro: r.3,
        status: r.4.parse().unwrap_or(ConsultationStatus::Closed),
        opened_at: r.5,
        closed_at: r.6,
        published_at: r.7,
    }
}

/// Every consultation of the municipality, newest first.
pub async fn consultations(db: &Db, m: MunicipalityId) -> Result<Vec<Consultation>, sqlx::Error> {
    let rows: Vec<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM agreement_consultations WHERE municipality_id = $1 \
         ORDER BY opened_at DESC, id DESC"
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(consultation_from).collect())
}

pub async fn consultation(db: &Db, m: MunicipalityId, id: ConsultationId) -> Result<Option<Consultation>, sqlx::Error> {
    let row: Option<ConsultationRow> = sqlx::query_as(&format!(
        "SELECT {CONSULTATION_COLUMNS} FROM agreement_consultations WHERE id = $1 AND municipality_id = $2"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(consultation_from))
}

/// Whether a consultation on this version is open (inside a write transaction: adopting).
pub(crate) async fn open_on(
    tx: &mut AnyConnection,
    m: MunicipalityId,
    version_id: VersionId,
) -> Result<bool, sqlx::Error> {
    let (open,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM agreement_consultations WHERE municipality_id = $1 AND version_id = $2 AND status = 'open'",
    )
    .bind(m)
    .bind(version_id)
    .fetch_one(&mut *tx)
    .await?;
    Ok(open > 0)
}

type ItemRow = (ItemId, i64, String, String, String, i64, String, String);

/// The commitments of a consultation as they were sent out (one query).
pub async fn items(db: &Db, m: MunicipalityId, consultation_id: ConsultationId) -> Result<Vec<Item>, sqlx::Error> {
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, principle_position, principle_name, principle_body, party, position, heading, body \
         FROM agreement_consultation_items WHERE municipality_id = $1 AND consultation_id = $2",
    )
    .bind(m)
    .bind(consultation_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Item {
            id: r.0,
            principle_position: r.1,
            principle_name: r.2,
            principle_body: r.3,
            party: r.4.parse().unwrap_or(Party::Municipality),
            position: r.5,
            heading: r.6,
            body: r.7,
        })
        .collect())
}

type CommentRow = (CommentId, ItemId, Option<String>, String, i64);

fn comment_from(r: CommentRow) -> Comment {
    Comment {
        id: r.0,
        item_id: r.1,
        author: r.2,
        body: r.3,
        created_at: r.4,
    }
}

/// Every comment of a consultation, with the authors' names (for the coordinator).
pub async fn comments(
    db: &Db,
    m: MunicipalityId,
    consultation_id: ConsultationId,
) -> Result<Vec<Comment>, sqlx::Error> {
    let rows: Vec<CommentRow> = sqlx::query_as(
        "SELECT c.id, c.item_id, u.name, c.body, c.created_at FROM agreement_comments c \
         LEFT JOIN users u ON u.id = c.user_id \
         WHERE c.municipality_id = $1 AND c.consultation_id = $2",
    )
    .bind(m)
    .bind(consultation_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(comment_from).collect())
}

/// The comments of a consultation without names: everyone's (`only` = `None`, for the
/// published compilation) or one person's own (while it is open, each sees only theirs).
pub async fn comments_without_names(
    db: &Db,
    m: MunicipalityId,
    consultation_id: ConsultationId,
    only: Option<UserId>,
) -> Result<Vec<Comment>, sqlx::Error> {
    let whose = if only.is_some() { " AND user_id = $3" } else { "" };
    let sql = format!(
        "SELECT id, item_id, body, created_at FROM agreement_comments \
         WHERE municipality_id = $1 AND consultation_id = $2{whose}"
    );
    let mut query = sqlx::query_as(&sql).bind(m).bind(consultation_id);
    if let Some(user_id) = only {
        query = query.bind(user_id);
    }
    let rows: Vec<(CommentId, ItemId, String, i64)> = query.fetch_all(&db.pool).await?;
    Ok(rows
        .into_iter()
        .map(|r| comment_from((r.0, r.1, None, r.2, r.3)))
        .collect())
}

/// The number of comments per consultation of the municipality.
pub async fn comment_counts(db: &Db, m: MunicipalityId) -> Result<HashMap<ConsultationId, i64>, sqlx::Error> {
    let rows: Vec<(ConsultationId, i64)> = sqlx::query_as(
        "SELECT consultation_id, COUNT(*) FROM agreement_comments WHERE municipality_id = $1 GROUP BY consultation_id",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Open a consultation on the draft: the draft's commitments are copied as they stand now.
pub async fn open_consultation(
    db: &Db,
    m: MunicipalityId,
    title: &str,
    intro: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<ConsultationId> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let draft: Option<(VersionId, i64)> = sqlx::query_as(&format!(
            "SELECT id, number FROM agreement_versions WHERE municipality_id = $1 AND status = 'draft'{lock}"
        ))
        .bind(m)
        .fetch_optional(&mut *tx)
        .await?;
        let (open,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM agreement_consultations WHERE municipality_id = $1 AND status = 'open'",
        )
        .bind(m)
        .fetch_one(&mut *tx)
        .await?;
        let commitments: i64 = match draft {
            Some((version_id, _)) => {
                let (n,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM agreement_commitments WHERE municipality_id = $1 AND version_id = $2",
                )
                .bind(m)
                .bind(version_id)
                .fetch_one(&mut *tx)
                .await?;
                n
            }
            None => 0,
        };
        domain::open_consultation(
            draft.map(|_| VersionStatus::Draft),
            usize::try_from(commitments).unwrap_or(0),
            open > 0,
        )?;
        let (version_id, number) = draft.ok_or(RuleError::NoDraft)?;
        let id: ConsultationId = Insert::into(Consultations::Table)
            .set(Consultations::MunicipalityId, m)
            .set(Consultations::VersionId, version_id)
            .set(Consultations::Title, title)
            .set(Consultations::Intro, intro)
            .set(Consultations::Status, ConsultationStatus::Open.as_str())
            .set(Consultations::OpenedAt, now)
            .returning_id(tx)
            .await
            // Another consultation opened at the same moment.
            .on_unique(ONE_OPEN, || StoreError::Rule(RuleError::ConsultationOpen))?;
        sqlx::query(
            "INSERT INTO agreement_consultation_items \
             (municipality_id, consultation_id, commitment_id, principle_position, principle_name, principle_body, \
              party, position, heading, body) \
             SELECT c.municipality_id, $1, c.id, p.position, p.name, p.body, c.party, c.position, c.heading, c.body \
             FROM agreement_commitments c JOIN agreement_principles p ON p.id = c.principle_id \
             WHERE c.municipality_id = $2 AND c.version_id = $3",
        )
        .bind(id)
        .bind(m)
        .bind(version_id)
        .execute(&mut *tx)
        .await?;
        let summary = format!("v{number}: {title}");
        Ok((
            id,
            Change::new(
                m,
                actor,
                "agreement.consultation.open",
                "agreement_consultation",
                id,
                summary,
            ),
        ))
    })
    .await
}

async fn consultation_status(
    tx: &mut AnyConnection,
    lock: &str,
    m: MunicipalityId,
    id: ConsultationId,
) -> StoreResult<(ConsultationStatus, String)> {
    let row: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT status, title FROM agreement_consultations WHERE id = $1 AND municipality_id = $2{lock}"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let (status, title) = row.ok_or(StoreError::NotFound)?;
    Ok((status.parse().map_err(|_| StoreError::NotFound)?, title))
}

/// Close an open consultation: no more comments.
pub async fn close_consultation(
    db: &Db,
    m: MunicipalityId,
    id: ConsultationId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (status, title) = consultation_status(tx, lock, m, id).await?;
        let next = domain::close_consultation(status)?;
        Update::table(Consultations::Table)
            .set(Consultations::Status, next.as_str())
            .set(Consultations::ClosedAt, now)
            .filter(Consultations::Id, id)
            .filter(Consultations::MunicipalityId, m)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(
                m,
                actor,
                "agreement.consultation.close",
                "agreement_consultation",
                id,
                title,
            ),
        ))
    })
    .await
}

/// Publish the compilation of a closed consultation.
pub async fn publish_consultation(
    db: &Db,
    m: MunicipalityId,
    id: ConsultationId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let (status, title) = consultation_status(tx, lock, m, id).await?;
        let next = domain::publish_consultation(status)?;
        Update::table(Consultations::Table)
            .set(Consultations::Status, next.as_str())
            .set(Consultations::PublishedAt, now)
            .filter(Consultations::Id, id)
            .filter(Consultations::MunicipalityId, m)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(
                m,
                actor,
                "agreement.consultation.publish",
                "agreement_consultation",
                id,
                title,
            ),
        ))
    })
    .await
}

/// The consultation a commitment sent out on consultation belongs to, in this municipality.
pub async fn item_consultation(
    db: &Db,
    m: MunicipalityId,
    item_id: ItemId,
) -> Result<Option<ConsultationId>, sqlx::Error> {
    let row: Option<(ConsultationId,)> = sqlx::query_as(
        "SELECT consultation_id FROM agreement_consultation_items WHERE id = $1 AND municipality_id = $2",
    )
    .bind(item_id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.0))
}

/// Comment on a commitment of an open consultation. Returns the consultation's id.
pub async fn add_comment(
    db: &Db,
    m: MunicipalityId,
    item_id: ItemId,
    author: Option<&CurrentUser>,
    body: &str,
    now: i64,
) -> StoreResult<ConsultationId> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let row: Option<(ConsultationId,)> = sqlx::query_as(
            "SELECT consultation_id FROM agreement_consultation_items WHERE id = $1 AND municipality_id = $2",
        )
        .bind(item_id)
        .bind(m)
        .fetch_optional(&mut *tx)
        .await?;
        let (consultation_id,) = row.ok_or(StoreError::NotFound)?;
        let (status, _) = consultation_status(tx, lock, m, consultation_id).await?;
        if !domain::can_comment(status) {
            return Err(RuleError::ConsultationNotOpen.into());
        }
        let id: CommentId = Insert::into(Comments::Table)
            .set(Comments::MunicipalityId, m)
            .set(Comments::ConsultationId, consultation_id)
            .set(Comments::ItemId, item_id)
            .set(Comments::UserId, author.map(|u| u.id))
            .set(Comments::Body, body)
            .set(Comments::CreatedAt, now)
            .returning_id(tx)
            .await?;
        let summary = format!("#{consultation_id}/{item_id}");
        Ok((
            consultation_id,
            Change::new(m, author, "agreement.comment.add", "agreement_comment", id, summary),
        ))
    })
    .await
}
