//! The rules of a season's lifecycle (issue 15), as plain functions: the holiday dates a
//! coordinator lists for a season ("2027-04-02 Långfredag", one a line), which of them a weekly
//! time skips, and whether an applicant may still change or withdraw an application.

use super::domain::Decision;
use chrono::{Datelike, NaiveDate, Weekday};

/// A holiday of a season: a date no weekly booking allocated from the season takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    /// What the day is ("Långfredag"); may be empty.
    pub name: String,
}

/// Why a list of holidays was refused: the line that is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HolidayProblem {
    /// Not "YYYY-MM-DD name".
    NotADate(String),
    /// Outside the season.
    Outside(NaiveDate),
    /// A name longer than 100 characters.
    NameTooLong(NaiveDate),
}

/// Parse the holidays, one a line: the date first, then what the day is. Empty lines are
/// skipped; a date given twice is kept once (with its first name). Every date must fall within
/// the season. Returns them by date.
pub fn parse_holidays(text: &str, first: NaiveDate, last: NaiveDate) -> Result<Vec<Holiday>, Vec<HolidayProblem>> {
    let mut out: Vec<Holiday> = vec![];
    let mut problems = vec![];
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (date, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let Some(date) = crate::domain::parse_date(date.trim_end_matches([',', ':'])) else {
            problems.push(HolidayProblem::NotADate(line.to_string()));
            continue;
        };
        let name = name.trim().to_string();
        if date < first || date > last {
            problems.push(HolidayProblem::Outside(date));
        } else if name.chars().count() > 100 {
            problems.push(HolidayProblem::NameTooLong(date));
        } else if !out.iter().any(|h| h.date == date) {
            out.push(Holiday { date, name });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    out.sort_by_key(|h| h.date);
    Ok(out)
}

/// The holidays as the coordinator's form shows them, one a line.
pub fn holidays_text(h: &[Holiday]) -> String {
    h.iter()
        .map(|h| format!("{} {}", h.date, h.name).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The holidays a weekly time on `day` from `from` to `last` skips: those on that weekday
/// within the period (the others do not concern it).
pub fn skipped(holidays: &[Holiday], day: Weekday, from: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    holidays
        .iter()
        .map(|h| h.date)
        .filter(|d| d.weekday() == day && *d >= from && *d <= last)
        .collect()
}

/// Why an applicant may no longer change or withdraw an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locked {
    /// The last day to apply has passed, or the coordinator closed the season.
    Closed,
    /// Staff decided on it (allocated or rejected it).
    Decided,
}

impl Locked {
    pub fn message_id(self) -> &'static str {
        match self {
            Locked::Closed => "seasons-err-change-closed",
            Locked::Decided => "seasons-err-change-decided",
        }
    }
}

/// Whether an applicant may still change or withdraw an application: only while the season
/// takes applications, and only while staff have not decided on it (allocated, or rejected,
/// saved or published).
pub fn may_change(season_open: bool, status: Decision, decided: bool) -> Result<(), Locked> {
    if decided || status != Decision::Pending {
        Err(Locked::Decided)
    } else if !season_open {
        Err(Locked::Closed)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::parse_date(s).unwrap_or_default()
    }

    #[test]
    fn holidays_one_a_line() {
        let h = parse_holidays(
            "2027-04-05 Annandag påsk\n\n2027-04-02 Långfredag\n2027-04-02 igen\n2027-05-13",
            d("2027-01-11"),
            d("2027-06-13"),
        )
        .unwrap_or_default();
        assert_eq!(h.len(), 3);
        assert_eq!(
            h[0],
            Holiday {
                date: d("2027-04-02"),
                name: "Långfredag".into()
            }
        );
        assert_eq!(h[2].name, "");
        assert_eq!(
            holidays_text(&h),
            "2027-04-02 Långfredag\n2027-04-05 Annandag påsk\n2027-05-13"
        );
        let e = parse_holidays("påsk\n2026-12-24 Julafton", d("2027-01-11"), d("2027-06-13")).unwrap_err();
        assert_eq!(
            e,
            [
                HolidayProblem::NotADate("påsk".into()),
                HolidayProblem::Outside(d("2026-12-24"))
            ]
        );
    }

    #[test]
    fn a_weekly_time_skips_the_holidays_on_its_day() {
        let h = parse_holidays(
            "2027-04-02 Långfredag\n2027-04-05 Annandag påsk",
            d("2027-01-01"),
            d("2027-06-30"),
        )
        .unwrap_or_default();
        assert_eq!(
            skipped(&h, Weekday::Fri, d("2027-01-15"), d("2027-06-11")),
            [d("2027-04-02")]
        );
        assert_eq!(
            skipped(&h, Weekday::Mon, d("2027-04-12"), d("2027-06-14")),
            Vec::<NaiveDate>::new()
        );
    }

    #[test]
    fn changes_until_the_deadline_and_before_allocation() {
        assert_eq!(may_change(true, Decision::Pending, false), Ok(()));
        assert_eq!(may_change(false, Decision::Pending, false), Err(Locked::Closed));
        assert_eq!(may_change(true, Decision::Allocated, false), Err(Locked::Decided));
        assert_eq!(may_change(true, Decision::Rejected, false), Err(Locked::Decided));
        assert_eq!(may_change(false, Decision::Rejected, true), Err(Locked::Decided));
    }
}
