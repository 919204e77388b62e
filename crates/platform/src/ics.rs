//! iCalendar (RFC 5545) files (meetings, bookings, events): start and end in Swedish local time
//! (`DTSTART;TZID=Europe/Stockholm:20180920T190000`) with the zone's VTIMEZONE in the calendar,
//! stamps (DTSTAMP) in UTC, written with the `icalendar` crate (CRLF line endings, lines folded
//! at 75 octets, text escaped).

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, EventLike, EventStatus};

/// The zone every start and end is given in.
pub const TZID: &str = "Europe/Stockholm";

/// Europe/Stockholm as the EU has it since 1996: summer time (CEST, +0200) from 02:00 on the
/// last Sunday of March, standard time (CET, +0100) from 03:00 on the last Sunday of October.
/// The `icalendar` crate has no VTIMEZONE component (and would stamp any component with a
/// DTSTAMP and UID, which a VTIMEZONE has not), so it is written here: no line needs folding.
const VTIMEZONE: &str = concat!(
    "BEGIN:VTIMEZONE\r\n",
    "TZID:Europe/Stockholm\r\n",
    "BEGIN:DAYLIGHT\r\n",
    "TZOFFSETFROM:+0100\r\n",
    "TZOFFSETTO:+0200\r\n",
    "TZNAME:CEST\r\n",
    "DTSTART:19700329T020000\r\n",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
    "END:DAYLIGHT\r\n",
    "BEGIN:STANDARD\r\n",
    "TZOFFSETFROM:+0200\r\n",
    "TZOFFSETTO:+0100\r\n",
    "TZNAME:CET\r\n",
    "DTSTART:19701025T030000\r\n",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n",
    "END:STANDARD\r\n",
    "END:VTIMEZONE\r\n",
);

pub struct Event {
    pub uid: String,
    pub start: i64,
    pub end: i64,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: String,
    /// Cancelled meetings stay in feeds with STATUS:CANCELLED.
    pub cancelled: bool,
}

fn utc(unix: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(unix, 0).unwrap_or_default()
}

/// A start or end: Swedish wall-clock time with its TZID, or UTC for the one moment a year
/// that a wall-clock time cannot name (the second pass through the hour that repeats when
/// summer time ends).
fn local(unix: i64) -> CalendarDateTime {
    match crate::format::local_datetime_exact(unix) {
        Some(date_time) => CalendarDateTime::WithTimezone {
            date_time,
            tzid: TZID.into(),
        },
        None => CalendarDateTime::Utc(utc(unix)),
    }
}

/// A calendar with these events. `name` is shown by clients that subscribe; `now` is the
/// DTSTAMP of every event (the state's clock, not the machine's).
pub fn calendar(name: &str, events: &[Event], now: i64) -> String {
    let events: Vec<(&Event, u32)> = events.iter().map(|e| (e, 0)).collect();
    build(name, &events, now, Method::Publish, None)
}

/// A published calendar whose events carry their SEQUENCE (how often their time or place
/// changed), so a client that has an earlier version takes the newer one.
pub fn calendar_sequenced(name: &str, events: &[(Event, u32)], now: i64) -> String {
    let events: Vec<(&Event, u32)> = events.iter().map(|(e, n)| (e, *n)).collect();
    build(name, &events, now, Method::Publish, None)
}

/// What a calendar file sent by mail asks of the calendar that reads it (RFC 5546).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Here is the event (a file to import or a feed).
    Publish,
    /// Put this event in the calendar, or update the one with the same UID.
    Request,
    /// The event with this UID is called off.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// Who a scheduling message is from and to (RFC 5546 wants both in REQUEST and CANCEL).
pub struct Scheduling<'a> {
    pub method: Method,
    /// How many times the event's time or place changed (or it was called off).
    pub sequence: u32,
    /// The organiser's address (without `mailto:`) and name.
    pub organizer: (&'a str, &'a str),
    /// The address the message is sent to.
    pub attendee: &'a str,
}

/// One event as a scheduling message: an invitation or update (REQUEST) or a cancellation
/// (CANCEL, with STATUS:CANCELLED), same UID as before and its SEQUENCE.
pub fn scheduling(name: &str, event: &Event, now: i64, s: &Scheduling<'_>) -> String {
    build(name, &[(event, s.sequence)], now, s.method, Some(s))
}

fn build(name: &str, events: &[(&Event, u32)], now: i64, method: Method, s: Option<&Scheduling<'_>>) -> String {
    let mut cal = Calendar::new();
    cal.name(name)
        .timezone(TZID)
        .append_property(icalendar::Property::new("METHOD", method.as_str()));
    // The calendar's own lines, then the zone its events refer to, then the events.
    let mut out = cal.done().to_string();
    if let Some(head) = out.strip_suffix("END:VCALENDAR\r\n") {
        out.truncate(head.len());
    }
    if !events.is_empty() {
        out.push_str(VTIMEZONE);
    }
    for (e, sequence) in events {
        let mut ev = icalendar::Event::new();
        let cancelled = e.cancelled || method == Method::Cancel;
        ev.uid(&e.uid)
            .timestamp(utc(now))
            .starts(local(e.start))
            .ends(local(e.end))
            .summary(&e.summary)
            .status(if cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        if *sequence > 0 || s.is_some() {
            ev.add_property("SEQUENCE", sequence.to_string());
        }
        if let Some(s) = s {
            let mut organizer = icalendar::Property::new("ORGANIZER", format!("mailto:{}", s.organizer.0));
            if !s.organizer.1.is_empty() {
                organizer.add_parameter("CN", s.organizer.1);
            }
            ev.append_property(organizer);
            let mut attendee = icalendar::Property::new("ATTENDEE", format!("mailto:{}", s.attendee));
            attendee.add_parameter("ROLE", "REQ-PARTICIPANT");
            ev.append_property(attendee);
        }
        if !e.location.is_empty() {
            ev.location(&e.location);
        }
        if !e.description.is_empty() {
            ev.description(&e.description);
        }
        if !e.url.is_empty() {
            ev.url(&e.url);
        }
        out.push_str(&ev.done().try_into_string().unwrap_or_default());
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// A calendar file as an HTTP answer (`text/calendar`, shown inline, named `filename`), for
/// links that calendar apps subscribe to as well as for downloads.
pub fn response(body: String, filename: &str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use testkit::ics::{assert_stockholm_zone, local_time, parse, prop};

    fn event(description: &str) -> Event {
        Event {
            uid: "meeting-6@sala.overens".into(),
            start: 1_537_462_800,
            end: 1_537_470_000,
            summary: "Dialogmöte 6, arbete med handlingsplan".into(),
            location: "Täljstenen, Vasagatan 17; Sala".into(),
            description: description.into(),
            url: "https://example.se/sala/moten/6".into(),
            cancelled: false,
        }
    }

    #[test]
    fn long_lines_fold_between_characters_and_end_in_crlf() {
        let ics = calendar("Sala", &[event(&"åäö".repeat(40))], 1_537_000_000);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        assert!(ics.replace("\r\n ", "").contains(&"åäö".repeat(40)));
    }

    #[test]
    fn text_is_escaped_and_stamps_are_utc() {
        let ics = calendar("Sala", &[event("a,b;c\nd")], 1_537_000_000);
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("DESCRIPTION:a\\,b\\;c\\nd"), "{unfolded}");
        assert!(
            unfolded.contains("LOCATION:Täljstenen\\, Vasagatan 17\\; Sala"),
            "{unfolded}"
        );
        assert!(unfolded.contains("DTSTAMP:20180915T082640Z"), "{unfolded}");
        assert!(unfolded.contains("STATUS:CONFIRMED"));
    }

    #[test]
    fn times_are_swedish_summer_and_winter_time_with_their_zone() {
        // 2018-09-20 17:00 UTC is 19:00 summer time (+0200).
        let summer = calendar("Sala", &[event("")], 1_537_000_000);
        assert!(
            summer.contains("\r\nDTSTART;TZID=Europe/Stockholm:20180920T190000\r\n"),
            "{summer}"
        );
        assert!(
            summer.contains("\r\nDTEND;TZID=Europe/Stockholm:20180920T210000\r\n"),
            "{summer}"
        );
        // 2019-01-17 17:00 UTC is 18:00 standard time (+0100).
        let mut january = event("");
        january.start = 1_547_744_400;
        january.end = 1_547_751_600;
        let winter = calendar("Sala", &[january], 1_537_000_000);
        assert!(
            winter.contains("\r\nDTSTART;TZID=Europe/Stockholm:20190117T180000\r\n"),
            "{winter}"
        );
        assert!(
            winter.contains("\r\nDTEND;TZID=Europe/Stockholm:20190117T200000\r\n"),
            "{winter}"
        );
        // No event time in UTC (the VTIMEZONE's own DTSTARTs are 1970).
        assert!(!winter.contains("DTSTART:2") && !winter.contains("DTEND:"), "{winter}");
        // 2026-10-25 01:30 UTC, the second 02:30 of that night, cannot be told from the first
        // by its wall-clock time: it stays in UTC.
        let mut repeated = event("");
        repeated.start = 1_792_891_800;
        repeated.end = 1_792_895_400;
        let ics = calendar("Sala", &[repeated], 1_537_000_000);
        assert!(ics.contains("\r\nDTSTART:20261025T013000Z\r\n"), "{ics}");
        assert!(
            ics.contains("\r\nDTEND;TZID=Europe/Stockholm:20261025T033000\r\n"),
            "{ics}"
        );
    }

    #[test]
    fn every_calendar_with_events_has_one_vtimezone_before_them() {
        let two = calendar("Sala", &[event(""), event("")], 1_537_000_000);
        assert_eq!(two.matches("BEGIN:VTIMEZONE\r\n").count(), 1, "{two}");
        assert!(two.find("END:VTIMEZONE").unwrap() < two.find("BEGIN:VEVENT").unwrap());
        assert!(two.starts_with("BEGIN:VCALENDAR\r\n") && two.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        let s = Scheduling {
            method: Method::Request,
            sequence: 1,
            organizer: ("noreply@sala.se", "Sala kommun"),
            attendee: "anna@example.se",
        };
        let request = scheduling("Sala", &event(""), 1_537_000_000, &s);
        assert_eq!(request.matches("BEGIN:VTIMEZONE\r\n").count(), 1, "{request}");
        let empty = calendar("Sala", &[], 1_537_000_000);
        assert!(
            !empty.contains("VTIMEZONE") && empty.ends_with("END:VCALENDAR\r\n"),
            "{empty}"
        );
    }

    /// The parameters of the first property `name`.
    fn params(props: &[ical::property::Property], name: &str) -> Vec<(String, Vec<String>)> {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.params.clone())
            .unwrap_or_default()
    }

    #[test]
    fn an_independent_parser_reads_back_the_events_and_their_zone() {
        let mut january = event("");
        january.uid = "meeting-7@sala.overens".into();
        january.summary = "Vintermöte".into();
        january.start = 1_547_744_400;
        january.end = 1_547_751_600;
        let ics = calendar("Möten i Sala", &[event(&"åäö".repeat(40)), january], 1_537_000_000);
        let cal = parse(&ics);
        assert_eq!(prop(&cal.properties, "X-WR-CALNAME"), "Möten i Sala");
        assert_eq!(prop(&cal.properties, "X-WR-TIMEZONE"), TZID);

        assert_stockholm_zone(&cal);
        let tz = &cal.timezones[0];
        assert_eq!(tz.transitions.len(), 2);
        for t in &tz.transitions {
            let (name, to) = match t.transition {
                ical::parser::ical::component::IcalTimeZoneTransitionType::DAYLIGHT => ("CEST", "+0200"),
                ical::parser::ical::component::IcalTimeZoneTransitionType::STANDARD => ("CET", "+0100"),
            };
            assert_eq!(prop(&t.properties, "TZNAME"), name);
            assert_eq!(prop(&t.properties, "TZOFFSETTO"), to);
        }

        assert_eq!(cal.events.len(), 2);
        let summer = &cal.events[0].properties;
        let tzid = vec![("TZID".to_string(), vec![TZID.to_string()])];
        assert_eq!(prop(summer, "SUMMARY"), "Dialogmöte 6\\, arbete med handlingsplan");
        assert_eq!(prop(summer, "DESCRIPTION"), "åäö".repeat(40));
        assert_eq!(prop(summer, "DTSTART"), "20180920T190000");
        assert_eq!(params(summer, "DTSTART"), tzid);
        assert_eq!(local_time(summer, "DTEND"), "Europe/Stockholm:20180920T210000");
        assert_eq!(prop(summer, "DTSTAMP"), "20180915T082640Z");
        assert_eq!(params(summer, "DTSTAMP"), vec![]);
        let winter = &cal.events[1].properties;
        assert_eq!(prop(winter, "SUMMARY"), "Vintermöte");
        assert_eq!(prop(winter, "DTSTART"), "20190117T180000");
        assert_eq!(params(winter, "DTSTART"), tzid);
        assert_eq!(local_time(winter, "DTEND"), "Europe/Stockholm:20190117T200000");
    }

    /// The VTIMEZONE's two rules, read back by the independent parser, give the same change of
    /// offset as chrono-tz's Europe/Stockholm in every year from 1996 (the EU's rule) to 2099.
    #[test]
    fn the_vtimezone_agrees_with_the_zone_database() {
        use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone, Weekday};
        let cal = parse(&calendar("Sala", &[event("")], 1_537_000_000));
        let offset = |v: &str| -> i64 {
            let sign = if v.starts_with('-') { -1 } else { 1 };
            sign * (v[1..3].parse::<i64>().unwrap() * 3600 + v[3..5].parse::<i64>().unwrap() * 60)
        };
        let stockholm = |t: i64| -> i64 {
            let at = chrono_tz::Europe::Stockholm.timestamp_opt(t, 0).unwrap();
            at.naive_local().and_utc().timestamp() - t
        };
        for t in &cal.timezones[0].transitions {
            let p = &t.properties;
            let (from, to) = (offset(&prop(p, "TZOFFSETFROM")), offset(&prop(p, "TZOFFSETTO")));
            let first = NaiveDateTime::parse_from_str(&prop(p, "DTSTART"), "%Y%m%dT%H%M%S").unwrap();
            let rule = prop(p, "RRULE");
            assert!(
                rule.starts_with("FREQ=YEARLY;BYMONTH=") && rule.ends_with(";BYDAY=-1SU"),
                "{rule}"
            );
            let month: u32 = rule["FREQ=YEARLY;BYMONTH=".len()..rule.len() - ";BYDAY=-1SU".len()]
                .parse()
                .unwrap();
            assert_eq!(first.month(), month);
            // chrono-tz lists the changes it knows up to 2099.
            for year in 1996..=2099 {
                // The last Sunday of the month, at the rule's wall-clock time before the change.
                let mut day = NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap().pred_opt().unwrap();
                while day.weekday() != Weekday::Sun {
                    day = day.pred_opt().unwrap();
                }
                let change = day.and_time(first.time()).and_utc().timestamp() - from;
                assert_eq!(stockholm(change - 1), from, "{year}-{month}");
                assert_eq!(stockholm(change), to, "{year}-{month}");
            }
        }
    }

    #[test]
    fn a_cancellation_keeps_the_uid_and_raises_the_sequence() {
        let s = Scheduling {
            method: Method::Cancel,
            sequence: 2,
            organizer: ("noreply@sala.se", "Sala kommun"),
            attendee: "anna@example.se",
        };
        let ics = scheduling("Sala", &event(""), 1_537_000_000, &s).replace("\r\n ", "");
        assert!(ics.contains("METHOD:CANCEL"), "{ics}");
        assert!(ics.contains("UID:meeting-6@sala.overens"), "{ics}");
        assert!(ics.contains("SEQUENCE:2"), "{ics}");
        assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
        assert!(ics.contains("ORGANIZER;CN=Sala kommun:mailto:noreply@sala.se"), "{ics}");
        assert!(ics.contains("mailto:anna@example.se"), "{ics}");
        let plain = calendar("Sala", &[event("")], 1_537_000_000);
        assert!(
            plain.contains("METHOD:PUBLISH") && !plain.contains("SEQUENCE"),
            "{plain}"
        );
    }
}
