//! When an event happens, without I/O: its start and end in Swedish local time, a weekly
//! recurrence until a date with dates left out, the occurrences of that in a range (with a
//! cap), and the calendar's weeks and months.

use crate::problem::Problem;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Europe::Stockholm;
use platform::rules::Invalid;

/// The longest single event, in days from its first day to its last.
pub const MAX_SPAN_DAYS: i64 = 14;
/// How far a weekly event may repeat, in days from its first date.
pub const MAX_REPEAT_DAYS: i64 = 731;
/// The most occurrences one event yields in any range (105 weeks fit in [`MAX_REPEAT_DAYS`]).
pub const MAX_OCCURRENCES: usize = 110;

/// When an event happens: once, or every week on the first date's weekday until
/// `repeat_until`, leaving out the `skipped` dates. Times are minutes after local midnight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub starts_on: NaiveDate,
    pub start_minute: i64,
    pub ends_on: NaiveDate,
    pub end_minute: i64,
    pub repeat_until: Option<NaiveDate>,
    pub skipped: Vec<NaiveDate>,
}

/// One time an event happens: its date (local) and its start and end in unix seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub start: i64,
    pub end: i64,
}

/// A local date and minutes after midnight as unix seconds. A time the clock passes twice is
/// taken at its first passing; one it skips (the change to summer time) an hour later.
pub fn local(date: NaiveDate, minutes: i64) -> i64 {
    let at = |m: i64| {
        let time = NaiveTime::from_hms_opt(u32::try_from(m / 60).ok()?, u32::try_from(m % 60).ok()?, 0)?;
        Stockholm
            .from_local_datetime(&date.and_time(time))
            .earliest()
            .map(|t| t.timestamp())
    };
    let m = minutes.clamp(0, 1439);
    at(m).or_else(|| at((m + 60).min(1439))).unwrap_or_default()
}

/// The start (local midnight) of a date and of the next one, in unix seconds.
pub fn day_bounds(date: NaiveDate) -> (i64, i64) {
    let next = date.succ_opt().unwrap_or(date);
    (local(date, 0), local(next, 0))
}

/// `18:30` in Swedish local time.
pub fn clock(unix: i64) -> String {
    platform::format::datetime(unix)
        .get(11..)
        .unwrap_or_default()
        .to_string()
}

/// The moment with its offset, as schema.org and ISO 8601 write it: `2026-12-14T18:00:00+01:00`.
pub fn iso(unix: i64) -> String {
    Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_default()
}

/// The local date of a moment.
pub fn local_date(unix: i64) -> NaiveDate {
    platform::format::local_date(unix).unwrap_or_default()
}

/// A time of day as typed: `18:30`, `18.30` or `18`; minutes after midnight.
pub fn minutes(input: &str) -> Option<i64> {
    let s = input.trim();
    let (h, m) = s.split_once([':', '.']).unwrap_or((s, "00"));
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: i64 = h.parse().ok()?;
    let m: i64 = m.parse().ok()?;
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

/// Minutes after midnight as `08:05`.
pub fn hhmm(m: i64) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn date(input: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2200).contains(&d.year()))
}

/// Read a schedule as typed; every refused field with its reason. An empty end date is the
/// start date; an empty `repeat_until` means once.
pub fn read(
    starts_on: &str,
    start_time: &str,
    ends_on: &str,
    end_time: &str,
    repeat_until: &str,
    skipped: &str,
) -> Result<Schedule, Vec<(&'static str, Problem)>> {
    let mut errors: Vec<(&'static str, Problem)> = vec![];
    let required = |name: &'static str, s: &str, errors: &mut Vec<(&'static str, Problem)>, p: &'static str| {
        if s.trim().is_empty() {
            errors.push((name, Problem::Rule(Invalid::Required)));
        } else {
            errors.push((name, Problem::Id(p)));
        }
    };
    let first = date(starts_on);
    if first.is_none() {
        required("starts_on", starts_on, &mut errors, "openness-events-err-date");
    }
    let start_minute = minutes(start_time);
    if start_minute.is_none() {
        required("start_time", start_time, &mut errors, "openness-events-err-time");
    }
    let end_minute = minutes(end_time);
    if end_minute.is_none() {
        required("end_time", end_time, &mut errors, "openness-events-err-time");
    }
    let last_day = if ends_on.trim().is_empty() {
        first
    } else {
        let d = date(ends_on);
        if d.is_none() {
            errors.push(("ends_on", Problem::Id("openness-events-err-date")));
        }
        d
    };
    let until = if repeat_until.trim().is_empty() {
        None
    } else {
        let d = date(repeat_until);
        if d.is_none() {
            errors.push(("repeat_until", Problem::Id("openness-events-err-date")));
        }
        d
    };
    let mut left_out = vec![];
    for part in skipped
        .split([',', ';', ' ', '\n', '\r'])
        .filter(|p| !p.trim().is_empty())
    {
        match date(part) {
            Some(d) => left_out.push(d),
            None => {
                errors.push(("skipped", Problem::Id("openness-events-err-skipped")));
                break;
            }
        }
    }
    left_out.sort();
    left_out.dedup();
    let (Some(first), Some(sm), Some(last_day), Some(em)) = (first, start_minute, last_day, end_minute) else {
        return Err(errors);
    };
    let span = (last_day - first).num_days();
    if !(0..=MAX_SPAN_DAYS).contains(&span) || (span == 0 && em <= sm) {
        errors.push(("end_time", Problem::Id("openness-events-err-end")));
    }
    if let Some(u) = until {
        if u < first || (u - first).num_days() > MAX_REPEAT_DAYS {
            errors.push(("repeat_until", Problem::Id("openness-events-err-until")));
        }
    }
    let weekday = first.weekday();
    let inside = |d: &NaiveDate| until.is_some_and(|u| *d > first && *d <= u) && d.weekday() == weekday;
    if !left_out.iter().all(inside) {
        errors.push(("skipped", Problem::Id("openness-events-err-skipped")));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Schedule {
        starts_on: first,
        start_minute: sm,
        ends_on: last_day,
        end_minute: em,
        repeat_until: until,
        skipped: left_out,
    })
}

impl Schedule {
    /// Days from an occurrence's first day to its last.
    fn span_days(&self) -> i64 {
        (self.ends_on - self.starts_on).num_days()
    }

    /// The occurrence that begins on `date`.
    fn on(&self, date: NaiveDate) -> Occurrence {
        let last = date + Duration::days(self.span_days());
        let start = local(date, self.start_minute);
        Occurrence {
            date,
            start,
            end: local(last, self.end_minute).max(start + 60),
        }
    }

    /// The occurrences that overlap `from..to` (unix seconds), earliest first, at most
    /// [`MAX_OCCURRENCES`]. A weekly event keeps its local time across summer time.
    pub fn occurrences(&self, from: i64, to: i64) -> Vec<Occurrence> {
        let last = self.repeat_until.unwrap_or(self.starts_on);
        let mut out = vec![];
        let mut d = self.starts_on;
        while d <= last && out.len() < MAX_OCCURRENCES && (d - self.starts_on).num_days() <= MAX_REPEAT_DAYS {
            if !self.skipped.contains(&d) {
                let o = self.on(d);
                if o.start >= to {
                    break;
                }
                if o.end > from {
                    out.push(o);
                }
            }
            d += Duration::days(7);
        }
        out
    }

    /// The first start and the last end of every occurrence (what the store keeps to find the
    /// events of a range).
    pub fn bounds(&self) -> (i64, i64) {
        let all = self.occurrences(i64::MIN, i64::MAX);
        let first = all.first().map_or(self.on(self.starts_on).start, |o| o.start);
        let last = all.last().map_or(self.on(self.starts_on).end, |o| o.end);
        (first, last)
    }

    pub fn repeats(&self) -> bool {
        self.repeat_until.is_some()
    }

    /// The skipped dates as stored and typed: `2026-12-24, 2026-12-31`.
    pub fn skipped_text(&self) -> String {
        self.skipped
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `2026-W50` as the Monday of that ISO week.
pub fn parse_week(s: &str) -> Option<NaiveDate> {
    let (y, w) = s.trim().split_once("-W")?;
    NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, Weekday::Mon)
}

/// The Monday of the week a date is in.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The ISO week of a Monday: `2026-W50`.
pub fn week_code(monday: NaiveDate) -> String {
    let w = monday.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// `2026-12` as the first day of that month.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.trim().split_once('-')?;
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1).filter(|d| (2000..=2200).contains(&d.year()))
}

pub fn month_code(first: NaiveDate) -> String {
    first.format("%Y-%m").to_string()
}

/// The first day of the month after the one `first` begins.
pub fn next_month(first: NaiveDate) -> NaiveDate {
    first.checked_add_months(chrono::Months::new(1)).unwrap_or(first)
}

pub fn previous_month(first: NaiveDate) -> NaiveDate {
    first.checked_sub_months(chrono::Months::new(1)).unwrap_or(first)
}

/// The weeks (Monday to Sunday) a month's table shows: from the week of its first day to the
/// week of its last.
pub fn month_weeks(first: NaiveDate) -> Vec<[NaiveDate; 7]> {
    let end = next_month(first);
    let mut weeks = vec![];
    let mut monday = monday_of(first);
    while monday < end {
        let mut days = [monday; 7];
        for (i, d) in days.iter_mut().enumerate() {
            *d = monday + Duration::days(i64::try_from(i).unwrap_or(0));
        }
        weeks.push(days);
        monday += Duration::days(7);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_weekly_event_leaves_out_its_exceptions_and_keeps_local_time() {
        let s = read(
            "2026-10-15",
            "18:00",
            "",
            "19:30",
            "2026-11-19",
            "2026-10-29, 2026-11-12",
        )
        .unwrap();
        let all = s.occurrences(i64::MIN, i64::MAX);
        let dates: Vec<String> = all.iter().map(|o| o.date.to_string()).collect();
        assert_eq!(dates, ["2026-10-15", "2026-10-22", "2026-11-05", "2026-11-19"]);
        // Summer time ends on 25 October: still 18:00 local on both sides.
        assert!(all.iter().all(|o| clock(o.start) == "18:00" && clock(o.end) == "19:30"));
        assert_eq!(iso(all[0].start), "2026-10-15T18:00:00+02:00");
        assert_eq!(iso(all[2].start), "2026-11-05T18:00:00+01:00");
        // A range picks the occurrences that overlap it.
        let (from, _) = day_bounds(d("2026-11-01"));
        let (_, to) = day_bounds(d("2026-11-05"));
        assert_eq!(s.occurrences(from, to).len(), 1);
        assert_eq!(s.bounds(), (all[0].start, all[3].end));
    }

    #[test]
    fn occurrences_are_capped() {
        let s = Schedule {
            starts_on: d("2026-01-05"),
            start_minute: 600,
            ends_on: d("2026-01-05"),
            end_minute: 660,
            repeat_until: Some(d("2099-01-01")),
            skipped: vec![],
        };
        // A stored schedule that reaches past the two years the form allows stops there
        // (105 weeks), and never yields more than the cap.
        let n = s.occurrences(i64::MIN, i64::MAX).len();
        assert_eq!(n, 105);
        assert!(n <= MAX_OCCURRENCES);
    }

    #[test]
    fn bad_schedules_are_refused_with_their_field() {
        let names = |r: Result<Schedule, Vec<(&'static str, Problem)>>| -> Vec<&'static str> {
            r.unwrap_err().into_iter().map(|e| e.0).collect()
        };
        assert_eq!(names(read("", "18:00", "", "19:00", "", "")), ["starts_on"]);
        assert_eq!(names(read("2026-12-14", "25:00", "", "19:00", "", "")), ["start_time"]);
        assert_eq!(names(read("2026-12-14", "18:00", "", "17:00", "", "")), ["end_time"]);
        assert_eq!(
            names(read("2026-12-14", "18:00", "", "19:00", "2029-01-01", "")),
            ["repeat_until"]
        );
        // An exception on another weekday, or without a recurrence.
        assert_eq!(
            names(read("2026-12-14", "18:00", "", "19:00", "2027-01-31", "2026-12-22")),
            ["skipped"]
        );
        assert_eq!(
            names(read("2026-12-14", "18:00", "", "19:00", "", "2026-12-21")),
            ["skipped"]
        );
        // Over midnight with an end date is fine.
        let s = read("2026-12-31", "22:00", "2027-01-01", "01:00", "", "").unwrap();
        assert_eq!(s.occurrences(i64::MIN, i64::MAX)[0].end - s.bounds().0, 3 * 3600);
        assert_eq!(minutes("9"), Some(540));
        assert_eq!(minutes("18.30"), Some(1110));
        assert_eq!(minutes("1830"), None);
    }

    #[test]
    fn weeks_and_months() {
        assert_eq!(parse_week("2026-W50"), Some(d("2026-12-07")));
        assert_eq!(week_code(d("2026-12-07")), "2026-W50");
        assert_eq!(monday_of(d("2026-12-13")), d("2026-12-07"));
        let first = parse_month("2026-12").unwrap();
        let weeks = month_weeks(first);
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], d("2026-11-30"));
        assert_eq!(weeks[4][6], d("2027-01-03"));
        assert_eq!(month_code(next_month(first)), "2027-01");
        assert_eq!(parse_month("2026-13"), None);
    }
}
