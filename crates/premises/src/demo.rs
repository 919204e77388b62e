//! Demo premises: Sala's Täljstenen (Vasagatan 17, where the dialog meetings are held) and a
//! few association premises, with bookings.

use platform::db::Db;

pub async fn load(_db: &Db, _now: i64) -> anyhow::Result<()> {
    Ok(())
}
