//! What the meetings keep about an account holder: the registrations made with the account's
//! e-mail address (name, organisation, dietary and accessibility needs, attendance) and the group
//! answers they wrote down, and the agenda topics they proposed for an association. The account's
//! export lists all three; erasing the account clears the registrations' contact details (the
//! counts stay) and forgets who wrote the answers (the groups' words stay in the minutes) and who
//! proposed the topics (the association's proposals stay).

use crate::privacy::store::{erase_address, export_address};
use futures::future::BoxFuture;
use platform::db::{Db, Tx};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

async fn email_of(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0).filter(|e| !e.is_empty()))
}

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        let mut conn = db.pool.acquire().await?;
        let registrations = match email_of(&mut conn, user_id).await? {
            Some(email) => export_address(db, &email).await?,
            None => vec![],
        };
        let answers: Vec<(String, String, String, String, i64)> = sqlx::query_as(
            "SELECT m.title, q.text, a.group_name, a.text, a.created_at FROM meetings_answers a \
             JOIN meetings_questions q ON q.id = a.question_id JOIN meetings_meetings m ON m.id = q.meeting_id \
             WHERE a.written_by_user_id = $1 ORDER BY a.id",
        )
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?;
        let topics = crate::topics::store::of_person(db, user_id).await?;
        Ok(serde_json::json!({
            "registrations": registrations,
            "topics_proposed": topics
                .into_iter()
                .map(|(title, organisation, status, at)| serde_json::json!({
                    "title": title, "organisation_id": organisation.get(), "status": status,
                    "proposed": platform::format::datetime(at),
                }))
                .collect::<Vec<_>>(),
            "group_answers": answers
                .into_iter()
                .map(|(meeting, question, group, text, at)| serde_json::json!({
                    "meeting": meeting, "question": question, "group": group, "text": text,
                    "written": platform::format::datetime(at),
                }))
                .collect::<Vec<_>>(),
        }))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        if let Some(email) = email_of(tx, user_id).await? {
            erase_address(tx, None, &email, now).await?;
        }
        crate::topics::store::forget_person(tx, user_id).await?;
        sqlx::query("UPDATE meetings_answers SET written_by_user_id = NULL WHERE written_by_user_id = $1")
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    })
}
