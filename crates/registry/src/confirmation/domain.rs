//! The freshness rule: an organisation's data goes stale twelve calendar months after it was
//! last confirmed (or registered), and its representatives are reminded at most every 30 days.

use chrono::{DateTime, Months, Utc};

/// Twelve calendar months before `now`: data last confirmed before this is stale.
pub fn stale_cutoff(now: i64) -> i64 {
    let t = DateTime::<Utc>::from_timestamp(now, 0).unwrap_or_default();
    t.checked_sub_months(Months::new(12))
        .map(|d| d.timestamp())
        .unwrap_or(now)
}

/// When the data was last confirmed: the last confirmation, or when the organisation was
/// registered if nobody has confirmed it yet.
pub fn last_confirmed(confirmed_at: Option<i64>, created_at: i64) -> i64 {
    confirmed_at.unwrap_or(created_at)
}

/// Whether an organisation's data has gone unconfirmed for more than twelve months.
pub fn is_stale(confirmed_at: Option<i64>, created_at: i64, now: i64) -> bool {
    last_confirmed(confirmed_at, created_at) < stale_cutoff(now)
}

/// No two reminders to the same organisation within this many seconds (30 days).
pub const REMINDER_GAP: i64 = 30 * 24 * 3600;

/// Whether a reminder may be sent now, given the last one.
pub fn may_remind(reminded_at: Option<i64>, now: i64) -> bool {
    reminded_at.is_none_or(|r| now - r >= REMINDER_GAP)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn freshness_is_twelve_calendar_months() {
        use chrono::TimeZone;
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap().timestamp();
        let year_ago = Utc.with_ymd_and_hms(2025, 11, 23, 9, 0, 0).unwrap().timestamp();
        assert_eq!(stale_cutoff(now), year_ago);
        assert!(
            !is_stale(Some(year_ago), 0, now),
            "exactly twelve months is still fresh"
        );
        assert!(is_stale(Some(year_ago - 1), 0, now));
        assert!(
            !is_stale(None, now - 100, now),
            "never confirmed: counted from registration"
        );
        assert!(is_stale(None, year_ago - 10, now));
        assert!(may_remind(None, now));
        assert!(!may_remind(Some(now - REMINDER_GAP + 1), now));
        assert!(may_remind(Some(now - REMINDER_GAP), now));
    }
}
