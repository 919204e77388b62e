//! The rules of premises and booking, as plain types and functions: booking modes, kinds of
//! booker and their prices, equipment, opening hours, local (Europe/Stockholm) times across the
//! change to and from summer time, weekly series with exception dates, overlaps with buffers and
//! the free times left in a day.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Europe::Stockholm;
use platform::features::Feature;

/// A booking lasts at most a day.
pub const MAX_DURATION: i64 = 24 * 3600;
/// A room's buffer after each booking is at most four hours.
pub const MAX_BUFFER_MINUTES: i64 = 240;
/// The longest time one booking blocks (its length plus the buffer). The database checks it, and
/// the overlap queries use it to read only the index range that can overlap.
pub const MAX_BLOCK: i64 = MAX_DURATION + MAX_BUFFER_MINUTES * 60;
/// How far ahead a weekly series may run.
pub const MAX_SERIES_DAYS: i64 = 366;

#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Mode {
    /// Booked at once.
    Instant,
    /// Asked for; the owner approves or rejects.
    Request,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
    pub fn parse(s: &str) -> Option<Mode> {
        s.parse().ok()
    }
    pub fn message_id(self) -> &'static str {
        match self {
            Mode::Instant => "premises-mode-instant",
            Mode::Request => "premises-mode-request",
        }
    }
    /// The status a new booking gets.
    pub fn first_status(self) -> Status {
        match self {
            Mode::Instant => Status::Confirmed,
            Mode::Request => Status::Requested,
        }
    }
}

/// Who books, which decides the price tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum BookerKind {
    Association,
    Private,
    Company,
}

impl BookerKind {
    pub const ALL: [BookerKind; 3] = [BookerKind::Association, BookerKind::Private, BookerKind::Company];
    pub fn as_str(self) -> &'static str {
        self.into()
    }
    pub fn parse(s: &str) -> Option<BookerKind> {
        s.parse().ok()
    }
    pub fn message_id(self) -> &'static str {
        match self {
            BookerKind::Association => "premises-kind-association",
            BookerKind::Private => "premises-kind-private",
            BookerKind::Company => "premises-kind-company",
        }
    }
}

/// Price tiers in whole kronor per hour; `None`: that kind of booker cannot book the room.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prices {
    pub association: Option<i64>,
    pub private: Option<i64>,
    pub company: Option<i64>,
}

impl Prices {
    pub fn for_kind(&self, k: BookerKind) -> Option<i64> {
        match k {
            BookerKind::Association => self.association,
            BookerKind::Private => self.private,
            BookerKind::Company => self.company,
        }
    }
    /// What a booking of `seconds` costs, in kronor, rounded up to whole kronor.
    pub fn cost(&self, k: BookerKind, seconds: i64) -> Option<i64> {
        self.for_kind(k).map(|per_hour| (per_hour * seconds + 3599) / 3600)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    Requested,
    Confirmed,
    Rejected,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
    /// A stored status; anything unknown reads as cancelled.
    pub fn parse(s: &str) -> Status {
        s.parse().unwrap_or(Status::Cancelled)
    }
    /// Whether the booking holds its time (a request holds it until it is decided).
    pub fn is_active(self) -> bool {
        matches!(self, Status::Requested | Status::Confirmed)
    }
    pub fn message_id(self) -> &'static str {
        match self {
            Status::Requested => "premises-status-requested",
            Status::Confirmed => "premises-status-confirmed",
            Status::Rejected => "premises-status-rejected",
            Status::Cancelled => "premises-status-cancelled",
        }
    }
}

/// What a room has, stored as a bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Equipment {
    Projector,
    Screen,
    Wifi,
    Sound,
    Whiteboard,
    Kitchen,
    Piano,
    Stage,
}

impl Equipment {
    pub const ALL: [Equipment; 8] = [
        Equipment::Projector,
        Equipment::Screen,
        Equipment::Wifi,
        Equipment::Sound,
        Equipment::Whiteboard,
        Equipment::Kitchen,
        Equipment::Piano,
        Equipment::Stage,
    ];
    pub fn code(self) -> &'static str {
        self.into()
    }
    pub fn parse(s: &str) -> Option<Equipment> {
        s.parse().ok()
    }
    pub fn bit(self) -> i64 {
        1 << (self as u8)
    }
    pub fn message_id(self) -> &'static str {
        match self {
            Equipment::Projector => "premises-eq-projector",
            Equipment::Screen => "premises-eq-screen",
            Equipment::Wifi => "premises-eq-wifi",
            Equipment::Sound => "premises-eq-sound",
            Equipment::Whiteboard => "premises-eq-whiteboard",
            Equipment::Kitchen => "premises-eq-kitchen",
            Equipment::Piano => "premises-eq-piano",
            Equipment::Stage => "premises-eq-stage",
        }
    }
    pub fn of_bits(bits: i64) -> Vec<Equipment> {
        Equipment::ALL.into_iter().filter(|e| bits & e.bit() != 0).collect()
    }
    /// The bit set of the codes given (unknown codes are ignored).
    pub fn bits_of<'a>(codes: impl IntoIterator<Item = &'a str>) -> i64 {
        codes
            .into_iter()
            .filter_map(Equipment::parse)
            .fold(0, |acc, e| acc | e.bit())
    }
}

/// The registry's accessibility features as a room's bit set.
pub fn feature_bit(f: Feature) -> i64 {
    1 << Feature::ALL.iter().position(|x| *x == f).unwrap_or(0)
}

pub fn features_of_bits(bits: i64) -> Vec<Feature> {
    Feature::ALL
        .into_iter()
        .filter(|f| bits & feature_bit(*f) != 0)
        .collect()
}

pub fn feature_bits_of<'a>(codes: impl IntoIterator<Item = &'a str>) -> i64 {
    codes
        .into_iter()
        .filter_map(Feature::parse)
        .fold(0, |acc, f| acc | feature_bit(f))
}

/// Opening hours that could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadHours;

/// Opening hours: minutes after local midnight per ISO weekday (index 0 = Monday).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hours(pub [Option<(i64, i64)>; 7]);

impl Hours {
    pub fn on(&self, day: Weekday) -> Option<(i64, i64)> {
        self.0[day.num_days_from_monday() as usize]
    }
    /// Whether the room is open for the whole of `start..end` minutes on that weekday.
    pub fn covers(&self, day: Weekday, start: i64, end: i64) -> bool {
        self.on(day).is_some_and(|(o, c)| o <= start && end <= c)
    }
    /// Parse one weekday's hours: `08:00-22:00` (also with `–` or `.`), or empty for closed.
    pub fn parse_day(s: &str) -> Result<Option<(i64, i64)>, BadHours> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        let (a, b) = s.split_once(['-', '–']).ok_or(BadHours)?;
        let o = minutes(a).ok_or(BadHours)?;
        let c = minutes(b).ok_or(BadHours)?;
        if o < c {
            Ok(Some((o, c)))
        } else {
            Err(BadHours)
        }
    }
    pub fn format_day(d: Option<(i64, i64)>) -> String {
        d.map(|(o, c)| format!("{}–{}", hhmm(o), hhmm(c))).unwrap_or_default()
    }
}

/// `18:30`, `18.30` or `1830` as minutes after midnight; `24:00` is the end of the day.
pub fn minutes(s: &str) -> Option<i64> {
    let s = s.trim().replace('.', ":");
    let (h, m) = match s.split_once(':') {
        Some((h, m)) => (h, m),
        None if s.len() == 4 && s.is_ascii() => s.split_at(2),
        None if !s.is_empty() && s.len() <= 2 => (s.as_str(), "00"),
        None => return None,
    };
    let h: i64 = h.parse().ok()?;
    let m: i64 = m.parse().ok()?;
    if (0..24).contains(&h) && (0..60).contains(&m) || (h == 24 && m == 0) {
        Some(h * 60 + m)
    } else {
        None
    }
}

/// Minutes after midnight as `08:05`.
pub fn hhmm(m: i64) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Why a local time cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeProblem {
    /// The clock skips it (the change to summer time: 02:00–03:00 on the last Sunday of March).
    Skipped,
}

/// A date and minutes after local midnight in Swedish time, as unix seconds. Minutes may be
/// 1440 (the next midnight). A time the clock passes twice (the change back from summer time)
/// is taken at its first passing; a time the clock skips is refused.
pub fn local(date: NaiveDate, minutes: i64) -> Result<i64, TimeProblem> {
    let (date, minutes) = if minutes >= 1440 {
        (date.succ_opt().ok_or(TimeProblem::Skipped)?, minutes - 1440)
    } else {
        (date, minutes)
    };
    let time = NaiveTime::from_hms_opt((minutes / 60) as u32, (minutes % 60) as u32, 0).ok_or(TimeProblem::Skipped)?;
    Stockholm
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.timestamp())
        .ok_or(TimeProblem::Skipped)
}

/// The local date of a moment.
pub fn local_date(unix: i64) -> NaiveDate {
    Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// `18:30` in Swedish local time.
pub fn clock(unix: i64) -> String {
    Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default()
}

/// The end of a time as a clock: a time that ends at midnight ends at `24:00`, not `00:00`.
pub fn clock_end(unix: i64) -> String {
    match clock(unix).as_str() {
        "00:00" => "24:00".to_string(),
        c => c.to_string(),
    }
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The Monday of the week a date is in.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// `2026-W48` as the Monday of that ISO week.
pub fn parse_week(s: &str) -> Option<NaiveDate> {
    let (y, w) = s.trim().split_once("-W")?;
    NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, Weekday::Mon)
}

pub fn week_code(monday: NaiveDate) -> String {
    let w = monday.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Whether two blocked times meet. A booking blocks from its start to its end plus the room's
/// buffer; end points are open, so one booking may start exactly when another's block ends.
pub fn overlaps(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// One booking's times: start, end and the end of its block (end plus the room's buffer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub date: NaiveDate,
    pub starts_at: i64,
    pub ends_at: i64,
    pub blocks_until: i64,
}

/// Why a booking's times were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlotProblem {
    /// End not after start, or longer than a day.
    BadSpan,
    /// The time does not exist on that date (summer time starts).
    Skipped(NaiveDate),
    /// Outside the room's opening hours on that date.
    Closed(NaiveDate),
    /// In the past.
    Past,
    /// A series' last date before its first, or more than a year on.
    BadPeriod,
    /// An exception date outside the series or not on its weekday.
    BadException(NaiveDate),
    /// Every date of the series is an exception.
    Empty,
}

/// The slot of one booking on `date` from `start` to `end` minutes (local time).
pub fn slot(date: NaiveDate, start: i64, end: i64, buffer_minutes: i64, hours: &Hours) -> Result<Slot, SlotProblem> {
    if end <= start || end > 1440 {
        return Err(SlotProblem::BadSpan);
    }
    if !hours.covers(date.weekday(), start, end) {
        return Err(SlotProblem::Closed(date));
    }
    let starts_at = local(date, start).map_err(|_| SlotProblem::Skipped(date))?;
    let ends_at = local(date, end).map_err(|_| SlotProblem::Skipped(date))?;
    if ends_at <= starts_at || ends_at - starts_at > MAX_DURATION {
        return Err(SlotProblem::BadSpan);
    }
    Ok(Slot {
        date,
        starts_at,
        ends_at,
        blocks_until: ends_at + buffer_minutes.clamp(0, MAX_BUFFER_MINUTES) * 60,
    })
}

/// The slots of a weekly series: every week from `first` (its weekday) to `last`, leaving out
/// the exception dates. Each date's times are taken in local time, so a series at 18:00 stays
/// at 18:00 across the change to and from summer time. Every problem is reported, so the
/// booker can fix them all at once (for instance by adding the dates as exceptions).
pub fn weekly(
    first: NaiveDate,
    last: NaiveDate,
    start: i64,
    end: i64,
    exceptions: &[NaiveDate],
    buffer_minutes: i64,
    hours: &Hours,
) -> Result<Vec<Slot>, Vec<SlotProblem>> {
    if last < first || (last - first).num_days() > MAX_SERIES_DAYS {
        return Err(vec![SlotProblem::BadPeriod]);
    }
    let mut problems = vec![];
    for e in exceptions {
        if *e < first || *e > last || e.weekday() != first.weekday() {
            problems.push(SlotProblem::BadException(*e));
        }
    }
    let mut slots = vec![];
    let mut d = first;
    while d <= last {
        if !exceptions.contains(&d) {
            match slot(d, start, end, buffer_minutes, hours) {
                Ok(s) => slots.push(s),
                Err(p) => problems.push(p),
            }
        }
        d += Duration::days(7);
    }
    if problems.is_empty() && slots.is_empty() {
        problems.push(SlotProblem::Empty);
    }
    if problems.is_empty() {
        Ok(slots)
    } else {
        problems.dedup();
        Err(problems)
    }
}

/// Exception dates written one per line or separated by commas.
pub fn parse_dates(s: &str) -> Result<Vec<NaiveDate>, String> {
    let mut v = vec![];
    for part in s.split([',', '\n', ';', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
        v.push(parse_date(part).ok_or_else(|| part.to_string())?);
    }
    v.sort();
    v.dedup();
    Ok(v)
}

/// A time in a day's view: free or taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub starts_at: i64,
    pub ends_at: i64,
    /// `None`: free; else the status of the booking that holds it.
    pub taken: Option<Status>,
}

/// A day of a room: its opening hours split into free and taken times. `busy` holds the room's
/// active bookings (start, end, end of block, status), in any order. A free time that ends at a
/// booking is shortened by the room's buffer, since a booking there needs its buffer too; free
/// times shorter than `min_free` seconds are left out.
pub fn day_spans(
    date: NaiveDate,
    hours: &Hours,
    busy: &[(i64, i64, i64, Status)],
    buffer_minutes: i64,
    min_free: i64,
) -> Vec<Span> {
    let Some((o, c)) = hours.on(date.weekday()) else {
        return vec![];
    };
    let (Ok(open), Ok(close)) = (local(date, o), local(date, c)) else {
        return vec![];
    };
    let buffer = buffer_minutes.clamp(0, MAX_BUFFER_MINUTES) * 60;
    let mut b: Vec<_> = busy
        .iter()
        .filter(|(s, _, until, _)| *s < close && *until > open)
        .copied()
        .collect();
    b.sort_by_key(|x| x.0);
    let mut out = vec![];
    let mut cursor = open;
    for (s, e, until, status) in b {
        let free_end = (s - buffer).min(close);
        if free_end - cursor >= min_free.max(1) {
            out.push(Span {
                starts_at: cursor,
                ends_at: free_end,
                taken: None,
            });
        }
        let shown_start = s.max(open);
        let shown_end = e.min(close);
        if shown_end > shown_start {
            out.push(Span {
                starts_at: shown_start,
                ends_at: shown_end,
                taken: Some(status),
            });
        }
        cursor = cursor.max(until);
    }
    if close - cursor >= min_free.max(1) {
        out.push(Span {
            starts_at: cursor,
            ends_at: close,
            taken: None,
        });
    }
    out
}

/// Swedish (and English) weekday and month names for headings such as "måndag 23 november".
pub fn day_heading(date: NaiveDate, lang: &str) -> String {
    const SV_DAYS: [&str; 7] = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];
    const EN_DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const SV_MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let wd = date.weekday().num_days_from_monday() as usize;
    let m = date.month0() as usize;
    if lang == "en" {
        format!("{} {} {}", EN_DAYS[wd], date.day(), EN_MONTHS[m])
    } else {
        format!("{} {} {}", SV_DAYS[wd], date.day(), SV_MONTHS[m])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn open_all() -> Hours {
        Hours([Some((0, 1440)); 7])
    }

    #[test]
    fn times_of_day() {
        assert_eq!(minutes("18:30"), Some(1110));
        // Found by fuzzing (fuzz/fuzz_targets/form_fields.rs): four bytes that are not four
        // characters were split inside a character, and the booking form's time panicked.
        assert_eq!(minutes("\n\n\0Öf"), None);
        assert_eq!(minutes("aÖb"), None);
        assert_eq!(minutes("18.30"), Some(1110));
        assert_eq!(minutes("1830"), Some(1110));
        assert_eq!(minutes("8"), Some(480));
        assert_eq!(minutes("24:00"), Some(1440));
        assert_eq!(minutes("24:30"), None);
        assert_eq!(minutes("12:60"), None);
        assert_eq!(minutes("kväll"), None);
        assert_eq!(hhmm(485), "08:05");
        assert_eq!(Hours::parse_day("08:00–22:00"), Ok(Some((480, 1320))));
        assert_eq!(Hours::parse_day(""), Ok(None));
        assert_eq!(Hours::parse_day("22:00-08:00"), Err(BadHours));
    }

    #[test]
    fn edges_touch_but_do_not_overlap() {
        assert!(!overlaps((10, 20), (20, 30)));
        assert!(!overlaps((20, 30), (10, 20)));
        assert!(overlaps((10, 21), (20, 30)));
        assert!(overlaps((10, 30), (15, 20)));
        assert!(overlaps((15, 20), (10, 30)));
    }

    #[test]
    fn summer_time_starts_and_ends_in_stockholm() {
        // 2026-03-29: clocks go from 02:00 to 03:00. 02:30 does not exist.
        assert_eq!(local(d("2026-03-29"), 150), Err(TimeProblem::Skipped));
        // 01:00 to 04:00 that night is two hours of real time.
        let s = slot(d("2026-03-29"), 60, 240, 0, &open_all()).unwrap();
        assert_eq!(s.ends_at - s.starts_at, 2 * 3600);
        // 2026-10-25: clocks go from 03:00 back to 02:00; 01:00 to 04:00 lasts four hours.
        let s = slot(d("2026-10-25"), 60, 240, 0, &open_all()).unwrap();
        assert_eq!(s.ends_at - s.starts_at, 4 * 3600);
        // 02:30 that night is taken at its first passing (summer time, UTC+2).
        assert_eq!(local(d("2026-10-25"), 150).unwrap(), 1_792_888_200);
        // A weekly series at 18:00 stays at 18:00 local: 17:00 UTC in winter, 16:00 UTC in summer.
        let slots = weekly(d("2026-03-22"), d("2026-04-05"), 1080, 1200, &[], 0, &open_all()).unwrap();
        let utc_hours: Vec<_> = slots.iter().map(|s| (s.starts_at % 86400) / 3600).collect();
        assert_eq!(utc_hours, [17, 16, 16]);
        assert!(slots.iter().all(|s| clock(s.starts_at) == "18:00"));
    }

    #[test]
    fn a_series_over_the_skipped_hour_names_the_date() {
        let e = weekly(d("2026-03-15"), d("2026-04-05"), 150, 200, &[], 0, &open_all()).unwrap_err();
        assert_eq!(e, [SlotProblem::Skipped(d("2026-03-29"))]);
        // With that date as an exception the series is fine.
        let ok = weekly(
            d("2026-03-15"),
            d("2026-04-05"),
            150,
            200,
            &[d("2026-03-29")],
            0,
            &open_all(),
        )
        .unwrap();
        assert_eq!(ok.len(), 3);
    }

    #[test]
    fn weekly_series_with_exceptions() {
        let ex = parse_dates("2026-12-22, 2026-12-29").unwrap();
        let s = weekly(d("2026-12-01"), d("2027-01-12"), 1080, 1200, &ex, 15, &open_all()).unwrap();
        let dates: Vec<_> = s.iter().map(|s| s.date.to_string()).collect();
        assert_eq!(
            dates,
            ["2026-12-01", "2026-12-08", "2026-12-15", "2027-01-05", "2027-01-12"]
        );
        assert!(s.iter().all(|s| s.blocks_until == s.ends_at + 900));
        // An exception on another weekday or outside the period is refused.
        let e = weekly(
            d("2026-12-01"),
            d("2026-12-15"),
            1080,
            1200,
            &[d("2026-12-02")],
            0,
            &open_all(),
        )
        .unwrap_err();
        assert_eq!(e, [SlotProblem::BadException(d("2026-12-02"))]);
        // All dates left out.
        let e = weekly(
            d("2026-12-01"),
            d("2026-12-01"),
            1080,
            1200,
            &[d("2026-12-01")],
            0,
            &open_all(),
        )
        .unwrap_err();
        assert_eq!(e, [SlotProblem::Empty]);
        // Last before first, or more than a year.
        assert!(weekly(d("2026-12-08"), d("2026-12-01"), 1080, 1200, &[], 0, &open_all()).is_err());
        assert!(weekly(d("2026-12-01"), d("2028-12-01"), 1080, 1200, &[], 0, &open_all()).is_err());
        assert_eq!(parse_dates("2026-13-01"), Err("2026-13-01".to_string()));
    }

    #[test]
    fn opening_hours_bound_a_booking() {
        let mut h = Hours::default();
        h.0[0] = Some((480, 1320)); // Monday 08–22
        let monday = d("2026-11-23");
        assert!(slot(monday, 480, 600, 0, &h).is_ok());
        assert_eq!(slot(monday, 420, 600, 0, &h), Err(SlotProblem::Closed(monday)));
        assert_eq!(slot(monday, 1260, 1380, 0, &h), Err(SlotProblem::Closed(monday)));
        assert_eq!(
            slot(d("2026-11-24"), 600, 660, 0, &h),
            Err(SlotProblem::Closed(d("2026-11-24")))
        );
        assert_eq!(slot(monday, 600, 600, 0, &h), Err(SlotProblem::BadSpan));
    }

    #[test]
    fn free_and_taken_times_of_a_day() {
        let mut h = Hours::default();
        h.0[0] = Some((480, 1320));
        let monday = d("2026-11-23");
        let at = |m| local(monday, m).unwrap();
        // One booking 10–12 with a 30-minute buffer.
        let busy = [(at(600), at(720), at(750), Status::Confirmed)];
        let spans = day_spans(monday, &h, &busy, 30, 1800);
        let shown: Vec<_> = spans
            .iter()
            .map(|s| (clock(s.starts_at), clock(s.ends_at), s.taken.is_some()))
            .collect();
        assert_eq!(
            shown,
            [
                ("08:00".into(), "09:30".into(), false),
                ("10:00".into(), "12:00".into(), true),
                ("12:30".into(), "22:00".into(), false),
            ]
        );
        // Closed days have nothing.
        assert!(day_spans(d("2026-11-24"), &h, &busy, 0, 0).is_empty());
    }

    #[test]
    fn prices_by_kind() {
        let p = Prices {
            association: Some(0),
            private: Some(150),
            company: None,
        };
        assert_eq!(p.cost(BookerKind::Association, 7200), Some(0));
        assert_eq!(p.cost(BookerKind::Private, 5400), Some(225));
        assert_eq!(p.cost(BookerKind::Company, 3600), None);
    }

    #[test]
    fn bit_sets_and_weeks() {
        let bits = Equipment::bits_of(["projector", "kitchen", "nonsense"]);
        assert_eq!(Equipment::of_bits(bits), [Equipment::Projector, Equipment::Kitchen]);
        let f = feature_bits_of(["hearing_loop", "step_free"]);
        assert_eq!(features_of_bits(f), [Feature::StepFree, Feature::HearingLoop]);
        assert_eq!(parse_week("2026-W48"), Some(d("2026-11-23")));
        assert_eq!(week_code(d("2026-11-23")), "2026-W48");
        assert_eq!(week_code(d("2027-01-04")), "2027-W01");
        assert_eq!(monday_of(d("2026-11-29")), d("2026-11-23"));
        assert_eq!(day_heading(d("2026-11-23"), "sv"), "måndag 23 november");
        assert_eq!(day_heading(d("2026-11-23"), "en"), "Monday 23 November");
    }
}
