//! What the action plan keeps about an account holder: the progress notes they wrote (with
//! their name as the author), their working-group memberships (with the consent to be listed)
//! and the activities they are linked to as responsible. The account's export lists all three;
//! erasing the account takes their name off their notes (the public history keeps the note,
//! by "–"), ends their memberships and unlinks them from activities and groups they convene.

use crate::tables::{Activities, Groups, Members, Notes};
use futures::future::BoxFuture;
use platform::db::{Db, Delete, Tx, Update};
use platform::state::PersonalData;
use platform::UserId;
use serde_json::{json, Value};

pub static PERSONAL: PersonalData = PersonalData { export, erase };

/// The name a note's author is shown by once their account is erased.
const ERASED: &str = "–";

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<Value, sqlx::Error>> {
    Box::pin(async move {
        let notes: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT m.name, a.text, n.author_name, n.noted_on, n.status_after, n.text FROM actionplan_notes n \
             JOIN actionplan_activities a ON a.id = n.activity_id JOIN municipalities m ON m.id = n.municipality_id \
             WHERE n.author_user_id = $1 ORDER BY n.noted_on, n.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let groups: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT m.name, g.name, x.consent_at FROM actionplan_members x \
             JOIN actionplan_groups g ON g.id = x.group_id JOIN municipalities m ON m.id = x.municipality_id \
             WHERE x.user_id = $1 ORDER BY g.name, g.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let activities: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT m.name, a.text, a.follow_up_text, a.follow_up_on FROM actionplan_activities a \
             JOIN municipalities m ON m.id = a.municipality_id WHERE a.responsible_user_id = $1 ORDER BY a.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        Ok(json!({
            "progress_notes": notes.into_iter().map(|n| json!({
                "municipality": n.0, "activity": n.1, "author": n.2, "noted_on": n.3, "status": n.4, "text": n.5,
            })).collect::<Vec<_>>(),
            "working_groups": groups.into_iter().map(|g| json!({
                "municipality": g.0, "group": g.1, "consent_at": platform::format::datetime(g.2),
            })).collect::<Vec<_>>(),
            "responsible_for": activities.into_iter().map(|a| json!({
                "municipality": a.0, "activity": a.1, "follow_up": a.2, "follow_up_on": a.3,
            })).collect::<Vec<_>>(),
        }))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        Update::table(Notes::Table)
            .set(Notes::AuthorName, ERASED)
            .set(Notes::AuthorUserId, Option::<UserId>::None)
            .filter(Notes::AuthorUserId, user_id)
            .run(tx)
            .await?;
        Delete::from(Members::Table)
            .filter(Members::UserId, user_id)
            .run(tx)
            .await?;
        Update::table(Groups::Table)
            .set(Groups::ConvenerUserId, Option::<UserId>::None)
            .filter(Groups::ConvenerUserId, user_id)
            .run(tx)
            .await?;
        Update::table(Activities::Table)
            .set(Activities::ResponsibleUserId, Option::<UserId>::None)
            .filter(Activities::ResponsibleUserId, user_id)
            .run(tx)
            .await?;
        Ok(())
    })
}
