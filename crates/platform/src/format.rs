//! Dates and times as Swedes write them: ISO dates, 24-hour clock, Europe/Stockholm time.

use chrono::TimeZone;
use chrono_tz::Europe::Stockholm;

/// `2026-11-23 09:58` in Swedish local time.
pub fn datetime(unix: i64) -> String {
    match Stockholm.timestamp_opt(unix, 0).single() {
        Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        None => String::new(),
    }
}

/// `2026-11-23` in Swedish local time.
pub fn date(unix: i64) -> String {
    local_date(unix)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The day (Swedish local time) of a moment in unix seconds.
pub fn local_date(unix: i64) -> Option<chrono::NaiveDate> {
    Stockholm.timestamp_opt(unix, 0).single().map(|t| t.date_naive())
}

#[cfg(test)]
mod tests {
    #[test]
    fn stockholm_time_follows_summer_time() {
        // 2026-07-01 10:00 UTC is 12:00 in summer; 2026-01-01 10:00 UTC is 11:00 in winter.
        assert_eq!(super::datetime(1_782_900_000), "2026-07-01 12:00");
        assert_eq!(super::datetime(1_767_261_600), "2026-01-01 11:00");
        assert_eq!(super::date(1_767_261_600), "2026-01-01");
        // 2026-06-30 22:30 UTC is already 1 July in Stockholm.
        assert_eq!(
            super::local_date(1_782_858_600),
            chrono::NaiveDate::from_ymd_opt(2026, 7, 1)
        );
    }
}
