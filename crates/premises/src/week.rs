//! A room's week as a grid (`GET /{slug}/lokaler/rum/{id}`): on a wide screen the seven days
//! stand side by side, each time placed by its start and length on one hour axis; on a phone,
//! for a screen reader and without CSS, the same markup is a heading per day and a list of times.
//!
//! The Content-Security-Policy allows no inline style, so a time's place is given as classes:
//! its first row and its number of rows each written as a sum of powers of two (`wk-r4 wk-r1`
//! is row 5, `wk-s4` four rows), which `site.css` adds up with `calc()`.

use crate::domain::{self, Hours, Span, Status};
use crate::inventory::store::Room;
use chrono::{Datelike, NaiveDate};
use platform::ctx::Ctx;

/// Minutes per row of the grid.
pub const ROW_MINUTES: i64 = 30;

/// The grid's first and last minute of the day: the week's earliest opening and latest closing,
/// in whole hours; 08:00–22:00 when the room is closed all week.
pub fn axis(hours: &Hours) -> (i64, i64) {
    let open = hours.0.iter().flatten();
    let first = open.clone().map(|(o, _)| *o).min();
    let last = open.map(|(_, c)| *c).max();
    match (first, last) {
        (Some(f), Some(l)) => (f / 60 * 60, ((l + 59) / 60 * 60).min(1440)),
        _ => (8 * 60, 22 * 60),
    }
}

/// A time's place on the grid: its first row (1 is the row that begins at the grid's first
/// minute) and how many rows it spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub row: i64,
    pub span: i64,
}

/// Where the time from `start` to `end` (minutes after local midnight) sits on a grid from
/// `first` to `last`: its ends rounded to the nearest row line (so that two times that meet
/// never share a row), inside the grid, and at least one row long.
pub fn place(first: i64, last: i64, start: i64, end: i64) -> Place {
    let rows = ((last - first) / ROW_MINUTES).max(1);
    let line = |m: i64| ((m - first + ROW_MINUTES / 2).div_euclid(ROW_MINUTES)).clamp(0, rows);
    let from = line(start).min(rows - 1);
    let to = line(end).max(from + 1);
    Place {
        row: from + 1,
        span: to - from,
    }
}

/// The classes that put a place on the grid (see the module's comment).
pub fn classes(p: Place) -> String {
    let bits = |prefix: &str, n: i64| {
        (0..6)
            .map(|b| 1 << b)
            .filter(|b| n & b != 0)
            .map(|b| format!("{prefix}{b}"))
            .collect::<Vec<_>>()
    };
    let mut c = bits("wk-r", p.row);
    c.extend(bits("wk-s", p.span));
    c.join(" ")
}

/// The hour axis's labels: `08:00`, `09:00`… one per whole hour of the grid.
pub fn hour_labels(first: i64, last: i64) -> Vec<String> {
    (first / 60..(last + 59) / 60).map(|h| domain::hhmm(h * 60)).collect()
}

/// Minutes after the start of `date` (local time) of a moment: the next midnight is 1440.
fn minutes_on(date: NaiveDate, unix: i64) -> i64 {
    let days = (domain::local_date(unix) - date).num_days();
    days * 1440 + domain::minutes(&domain::clock(unix)).unwrap_or(0)
}

/// A time in a day's column.
pub(crate) struct SpanView {
    /// `18:00–20:00`
    pub time: String,
    pub free: bool,
    /// The booking form for a free time; empty for a taken one.
    pub href: String,
    /// "Bokad", "Preliminärt bokad"; empty for a free time.
    pub label: String,
    pub place: Place,
    pub classes: String,
}

pub(crate) struct DayView {
    pub id: String,
    pub heading: String,
    pub closed: bool,
    pub today: bool,
    pub spans: Vec<SpanView>,
}

/// The room's week: a column per day, and the hour axis's labels.
pub(crate) fn days(
    ctx: &Ctx,
    room: &Room,
    week: &[(NaiveDate, Vec<Span>)],
    room_base: &str,
    now: i64,
    today: NaiveDate,
) -> (Vec<DayView>, Vec<String>) {
    let lang = ctx.lang().code();
    let (first, last) = axis(&room.hours);
    let days = week
        .iter()
        .map(|(d, spans)| DayView {
            id: format!("dag-{d}"),
            heading: domain::day_heading(*d, lang),
            closed: room.hours.on(d.weekday()).is_none(),
            today: *d == today,
            spans: spans
                .iter()
                // A retired room shows its bookings, never a free time to book.
                .filter(|s| s.taken.is_some() || (s.ends_at > now && room.retired_at.is_none()))
                .map(|s| {
                    let place = place(first, last, minutes_on(*d, s.starts_at), minutes_on(*d, s.ends_at));
                    let time = format!("{}–{}", domain::clock(s.starts_at), domain::clock_end(s.ends_at));
                    let (href, label) = match s.taken {
                        None => {
                            let from = domain::clock(s.starts_at.max((now + 899) / 900 * 900));
                            (format!("{room_base}/boka?datum={d}&fran={from}"), String::new())
                        }
                        Some(st) => (
                            String::new(),
                            ctx.t(match st {
                                Status::Requested => "premises-taken-preliminary",
                                _ => "premises-taken",
                            }),
                        ),
                    };
                    SpanView {
                        time,
                        free: s.taken.is_none(),
                        href,
                        label,
                        place,
                        classes: classes(place),
                    }
                })
                .collect(),
        })
        .collect();
    (days, hour_labels(first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_is_placed_by_its_start_and_length() {
        // 10:00–12:00 on a grid from 08:00: the fifth half-hour row, four rows long.
        assert_eq!(place(480, 1320, 600, 720), Place { row: 5, span: 4 });
        assert_eq!(place(480, 1320, 480, 510), Place { row: 1, span: 1 });
        // A whole day on a grid from midnight.
        assert_eq!(place(0, 1440, 0, 1440), Place { row: 1, span: 48 });
        // Ends between rows go to the nearest line; two times that meet share none.
        let a = place(480, 1320, 480, 615);
        let b = place(480, 1320, 615, 720);
        assert_eq!(a, Place { row: 1, span: 5 });
        assert_eq!(b.row, a.row + a.span);
        // A short time is still one row; a time outside the grid stays inside it.
        assert_eq!(place(480, 1320, 600, 605), Place { row: 5, span: 1 });
        assert_eq!(place(480, 1320, 1320, 1380), Place { row: 28, span: 1 });
        assert_eq!(place(480, 1320, 0, 540), Place { row: 1, span: 2 });
    }

    #[test]
    fn the_axis_runs_from_the_earliest_opening_to_the_latest_closing() {
        let mut h = Hours::default();
        assert_eq!(axis(&h), (480, 1320), "closed all week: 08–22");
        h.0[0] = Some((9 * 60 + 30, 17 * 60));
        h.0[5] = Some((10 * 60, 20 * 60 + 15));
        assert_eq!(axis(&h), (540, 1260));
        h.0[6] = Some((0, 1440));
        assert_eq!(axis(&h), (0, 1440));
        assert_eq!(hour_labels(540, 600), ["09:00"]);
        assert_eq!(hour_labels(480, 1320).len(), 14);
    }

    #[test]
    fn classes_add_up_to_the_place() {
        assert_eq!(classes(Place { row: 5, span: 4 }), "wk-r1 wk-r4 wk-s4");
        assert_eq!(classes(Place { row: 48, span: 48 }), "wk-r16 wk-r32 wk-s16 wk-s32");
        assert_eq!(
            classes(Place { row: 1, span: 63 }),
            "wk-r1 wk-s1 wk-s2 wk-s4 wk-s8 wk-s16 wk-s32"
        );
    }

    #[test]
    fn a_moment_is_minutes_after_its_day_began() {
        let d = domain::parse_date("2027-03-28").unwrap_or_default();
        let at = |date: NaiveDate, m| domain::local(date, m).unwrap_or_default();
        assert_eq!(minutes_on(d, at(d, 60)), 60);
        // The night of the change to summer time: 04:00 is still 240 on the clock.
        assert_eq!(minutes_on(d, at(d, 240)), 240);
        assert_eq!(minutes_on(d, at(d, 1440)), 1440);
    }
}
