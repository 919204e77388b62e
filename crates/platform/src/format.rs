//! Dates and times as Swedes write them: ISO dates, 24-hour clock, Europe/Stockholm time.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Europe::Stockholm;

/// `2026-11-23 09:58` in Swedish local time.
pub fn datetime(unix: i64) -> String {
    local_datetime(unix)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// `2026-11-23` in Swedish local time.
pub fn date(unix: i64) -> String {
    local_date(unix)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The day (Swedish local time) of a moment in unix seconds.
pub fn local_date(unix: i64) -> Option<chrono::NaiveDate> {
    local_datetime(unix).map(|t| t.date())
}

/// The wall-clock time in Sweden (Europe/Stockholm) of a moment in unix seconds.
pub fn local_datetime(unix: i64) -> Option<NaiveDateTime> {
    Stockholm.timestamp_opt(unix, 0).single().map(|t| t.naive_local())
}

/// [`local_datetime`] when reading it back gives this moment again. It does not for the
/// second pass through the hour that repeats when summer time ends (02:00–02:59 on the last
/// Sunday of October), which a reader takes as the first (RFC 5545, 3.3.5).
pub fn local_datetime_exact(unix: i64) -> Option<NaiveDateTime> {
    let local = local_datetime(unix)?;
    let back = Stockholm.from_local_datetime(&local).earliest()?;
    (back.timestamp() == unix).then_some(local)
}

/// `2026-11-23T09:58:00+01:00`: a moment as RFC 3339 in Swedish time (the API's times).
pub fn rfc3339(unix: i64) -> String {
    Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
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

    #[test]
    fn the_repeated_hour_reads_back_only_the_first_time() {
        // 2026-10-25: 00:30 UTC is 02:30 summer time, 01:30 UTC is 02:30 winter time.
        let first = super::local_datetime_exact(1_792_888_200).unwrap();
        assert_eq!(first.format("%H:%M").to_string(), "02:30");
        assert_eq!(super::datetime(1_792_891_800), "2026-10-25 02:30");
        assert_eq!(super::local_datetime_exact(1_792_891_800), None);
    }
}
