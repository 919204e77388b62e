//! What the support capability keeps about an account holder, for `/konto`: the idea bank's
//! ideas, supports and comments (`ideas::personal`). Later sub-areas add theirs here, so the
//! capability registers one `PersonalData`.

use futures::future::BoxFuture;
use platform::db::{Db, Tx};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        let mut out = crate::ideas::personal::export(db, user_id).await?;
        let doors = crate::doors::personal::export(db, user_id).await?;
        if let (Some(o), serde_json::Value::Object(d)) = (out.as_object_mut(), doors) {
            o.extend(d);
        }
        let group = crate::consultations::personal::export(db, user_id).await?;
        if let (Some(o), serde_json::Value::Object(g)) = (out.as_object_mut(), group) {
            o.extend(g);
        }
        Ok(out)
    })
}

fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        crate::ideas::personal::erase(tx, user_id).await?;
        crate::doors::personal::erase(tx, user_id).await?;
        crate::consultations::personal::erase(tx, user_id).await
    })
}
