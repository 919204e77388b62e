//! Demo data: Sala's dialog meetings and Örebro's collaboration council (seeds 000–002).

use platform::db::Db;

pub async fn load(_db: &Db, _now: i64) -> anyhow::Result<()> {
    Ok(())
}
