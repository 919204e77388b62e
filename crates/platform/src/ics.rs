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
    let mut cal = Calendar::new();
    cal.name(name)
        .timezone("Europe/Stockholm")
        .append_property(icalendar::Property::new("METHOD", "PUBLISH"));
    for e in events {
        let mut ev = icalendar::Event::new();
        ev.uid(&e.uid)
            .timestamp(utc(now))
            .starts(utc(e.start))
            .ends(utc(e.end))
            .summary(&e.summary)
            .status(if e.cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
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
}
