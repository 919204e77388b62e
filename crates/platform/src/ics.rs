//! iCalendar (RFC 5545) files (meetings, bookings): events in UTC, written with the `icalendar`
//! crate (CRLF line endings, lines folded at 75 octets, text escaped).

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus};

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
        .timezone("Europe/Stockholm")
        .append_property(icalendar::Property::new("METHOD", method.as_str()));
    for (e, sequence) in events {
        let mut ev = icalendar::Event::new();
        let cancelled = e.cancelled || method == Method::Cancel;
        ev.uid(&e.uid)
            .timestamp(utc(now))
            .starts(utc(e.start))
            .ends(utc(e.end))
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
        cal.push(ev.done());
    }
    cal.done().to_string()
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
    fn text_is_escaped_and_times_are_utc() {
        let ics = calendar("Sala", &[event("a,b;c\nd")], 1_537_000_000);
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("DESCRIPTION:a\\,b\\;c\\nd"), "{unfolded}");
        assert!(
            unfolded.contains("LOCATION:Täljstenen\\, Vasagatan 17\\; Sala"),
            "{unfolded}"
        );
        assert!(unfolded.contains("DTSTART:20180920T170000Z"), "{unfolded}");
        assert!(unfolded.contains("DTSTAMP:20180915T082640Z"), "{unfolded}");
        assert!(unfolded.contains("STATUS:CONFIRMED"));
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
