//! The public decisions' rules, without I/O: which statuses are decisions, their outcome as
//! published, and the year asked for.

use crate::applications::domain::{outcome_of, Outcome, Status};
use chrono::NaiveDate;
use serde::Serialize;

/// The statuses of a decided application.
pub const DECIDED: [Status; 4] = [Status::Granted, Status::Reduced, Status::Rejected, Status::Paid];

/// A decision as published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Published {
    Granted,
    /// Granted with less than applied for.
    Reduced,
    Rejected,
}

impl Published {
    pub fn code(self) -> &'static str {
        match self {
            Published::Granted => "granted",
            Published::Reduced => "reduced",
            Published::Rejected => "rejected",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Published::Granted => "grants-dec-outcome-granted",
            Published::Reduced => "grants-dec-outcome-reduced",
            Published::Rejected => "grants-dec-outcome-rejected",
        }
    }
}

/// The published outcome of a decided application (a paid one by its amounts); `None` for an
/// application that is not decided.
pub fn published(status: Status, applied_ore: i64, decided_ore: i64) -> Option<Published> {
    Some(match status {
        Status::Granted => Published::Granted,
        Status::Reduced => Published::Reduced,
        Status::Rejected => Published::Rejected,
        Status::Paid => match outcome_of(applied_ore, decided_ore) {
            Outcome::Reduced => Published::Reduced,
            Outcome::Granted | Outcome::Rejected => Published::Granted,
        },
        _ => return None,
    })
}

/// The amount published: the decided one (per year for a multi-year grant), 0 for a rejection.
pub fn published_amount(outcome: Published, decided_ore: i64) -> i64 {
    match outcome {
        Published::Rejected => 0,
        _ => decided_ore.max(0),
    }
}

/// The first and last day of a year, as stored dates compare.
pub fn year_bounds(year: i32) -> Option<(String, String)> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
    Some((
        first.format("%Y-%m-%d").to_string(),
        last.format("%Y-%m-%d").to_string(),
    ))
}

/// The year asked for: four digits from 2000 to 2200; anything else is not a year.
pub fn parse_year(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.len() != 4 {
        return None;
    }
    s.parse().ok().filter(|y| (2000..=2200).contains(y))
}

/// The years to choose from: those with decisions and this year, newest first, each once.
pub fn choosable(mut with_decisions: Vec<i32>, this_year: i32) -> Vec<i32> {
    with_decisions.push(this_year);
    with_decisions.sort_unstable_by(|a, b| b.cmp(a));
    with_decisions.dedup();
    with_decisions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paid_application_is_published_by_its_amounts() {
        assert_eq!(published(Status::Paid, 1000, 1000), Some(Published::Granted));
        assert_eq!(published(Status::Paid, 1000, 600), Some(Published::Reduced));
        assert_eq!(published(Status::Rejected, 1000, 0), Some(Published::Rejected));
        assert_eq!(published(Status::Proposed, 1000, 1000), None);
        assert_eq!(published(Status::Draft, 0, 0), None);
    }

    #[test]
    fn a_rejection_is_published_as_zero() {
        assert_eq!(published_amount(Published::Rejected, 5000), 0);
        assert_eq!(published_amount(Published::Reduced, 5000), 5000);
    }

    #[test]
    fn years_are_four_digits_in_range() {
        assert_eq!(parse_year("2027"), Some(2027));
        assert_eq!(parse_year(" 2027 "), Some(2027));
        assert_eq!(parse_year("27"), None);
        assert_eq!(parse_year("1999"), None);
        assert_eq!(parse_year("20x7"), None);
        assert_eq!(parse_year("+202"), None);
        assert_eq!(
            year_bounds(2028),
            Some(("2028-01-01".to_string(), "2028-12-31".to_string()))
        );
        assert_eq!(choosable(vec![2025, 2027, 2025], 2026), vec![2027, 2026, 2025]);
    }
}
