//! The published questions and answers.

use super::*;

/// Publish a question and its answer (edited to name no one) from an answered case.
pub async fn publish_faq(
    db: &Db,
    m: MunicipalityId,
    id: CaseId,
    question: &str,
    answer: &str,
    actor: &CurrentUser,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        if !matches!(status_of(tx, m, id).await?, Status::Answered | Status::Closed) {
            return Err(StoreError::NotNow);
        }
        insert_faq(tx, m, id, question, answer, now).await?;
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.door.faq.publish",
                "support_door_case",
                id,
                String::new(),
            ),
        ))
    })
    .await
}

/// In the caller's transaction: the question and answer itself.
pub(crate) async fn insert_faq(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: CaseId,
    question: &str,
    answer: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    Insert::into(Faq::Table)
        .set(Faq::MunicipalityId, m)
        .set(Faq::CaseId, id)
        .set(Faq::Question, question)
        .set(Faq::Answer, answer)
        .set(Faq::CreatedAt, now)
        .run(tx)
        .await?;
    Ok(())
}

/// The municipality's published questions and answers, the newest first: (id, question,
/// answer).
pub async fn faq(db: &Db, m: MunicipalityId) -> Result<Vec<(FaqId, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, question, answer FROM support_door_faq WHERE municipality_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await
}

/// Take a published question and answer down (one that should not have been published).
pub async fn remove_faq(db: &Db, m: MunicipalityId, id: FaqId, actor: &CurrentUser, now: i64) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let done = Delete::from(Faq::Table)
            .filter(Faq::Id, id)
            .filter(Faq::MunicipalityId, m)
            .run(tx)
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.door.faq.remove",
                "support_door_faq",
                id,
                String::new(),
            ),
        ))
    })
    .await
}
