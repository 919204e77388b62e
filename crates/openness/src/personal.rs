//! What openness keeps about an account holder, for `/konto`: the stories they sent
//! (`news::personal`), the events they published (`events::personal`) and their newsletter
//! subscriptions and deliveries (`newsletters::personal`). The export holds both;
//! erasure removes the person from both, in the account's one transaction.

use futures::future::BoxFuture;
use platform::db::{Db, Tx};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        let mut all = (crate::news::personal::PERSONAL.export)(db, user_id).await?;
        let events = crate::events::personal::export(db, user_id).await?;
        let newsletters = crate::newsletters::personal::export(db, user_id).await?;
        if let Some(all) = all.as_object_mut() {
            for part in [events, newsletters] {
                if let serde_json::Value::Object(part) = part {
                    all.extend(part);
                }
            }
        }
        Ok(all)
    })
}

fn erase(tx: &mut Tx, user_id: UserId, now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        (crate::news::personal::PERSONAL.erase)(&mut *tx, user_id, now).await?;
        crate::events::personal::erase(&mut *tx, user_id, now).await?;
        crate::newsletters::personal::erase(&mut *tx, user_id, now).await
    })
}
