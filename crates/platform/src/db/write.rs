//! The one shape of a change to tenant data: open the write transaction, make the change, record
//! it in the audit trail, commit — or, on any error, roll everything back.

use super::Db;
use crate::audit::{self, Change};

/// Run `change` in a write transaction ([`Db::write`]); it returns its result and the audit
/// entry, which is recorded in the same transaction before the commit. An error from `change`
/// (or from the database) rolls the whole transaction back.
///
/// ```ignore
/// let id = db::write(&state.db, now, async |tx| {
///     let id: RoomId = Insert::into(Rooms::Table).set(Rooms::Name, name).returning_id(tx).await?;
///     Ok((id, Change::new(m, actor, "premises.room.create", "premises_room", id, name)))
/// })
/// .await?;
/// ```
pub async fn write<'a, T, E>(
    db: &Db,
    now: i64,
    change: impl AsyncFnOnce(&mut sqlx::AnyConnection) -> Result<(T, Change<'a>), E>,
) -> Result<T, E>
where
    E: From<sqlx::Error>,
{
    let mut tx = db.write().await?;
    let (value, entry) = change(&mut tx).await?;
    audit::record(&mut tx, entry, now).await?;
    tx.commit().await?;
    Ok(value)
}
