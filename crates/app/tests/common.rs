//! Checks the binary's tests share.

/// How many pairs of active room bookings overlap (with the rooms' buffers): none, ever.
pub async fn overlapping_bookings(db: &platform::db::Db) -> i64 {
    let (overlaps,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM premises_bookings a JOIN premises_bookings b ON b.room_id = a.room_id \
         AND b.id <> a.id AND b.starts_at < a.blocks_until AND a.starts_at < b.blocks_until \
         WHERE a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed')",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    overlaps
}
