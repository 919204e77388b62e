//! The registry's demo data.

use platform::db::Db;

pub async fn load(_db: &Db, _now: i64) -> anyhow::Result<()> {
    Ok(())
}
