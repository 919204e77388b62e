//! Reading calendar files back with an independent iCalendar parser (the `ical` crate), so a
//! file is checked by other code than wrote it.

pub use ical;
use ical::parser::ical::component::IcalCalendar;
use ical::property::Property;

/// The one calendar in `body`; panics when the parser finds it invalid or finds more than one.
pub fn parse(body: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("a valid calendar");
    assert!(parser.next().is_none(), "only one calendar");
    cal
}

/// The value of the first property `name`, as written (text still escaped), or "".
pub fn prop(props: &[Property], name: &str) -> String {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .unwrap_or_default()
}

/// A start or end as `TZID:local time` (`Europe/Stockholm:20261210T183000`), or the bare value
/// when it has no TZID (UTC).
pub fn local_time(props: &[Property], name: &str) -> String {
    let value = prop(props, name);
    let tzid = props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.params.as_ref())
        .and_then(|ps| ps.iter().find(|(k, _)| k == "TZID"))
        .map(|(_, v)| v.join(","));
    match tzid {
        Some(tzid) => format!("{tzid}:{value}"),
        None => value,
    }
}

/// The calendar has exactly one time zone: Europe/Stockholm with its summer (+0200) and
/// standard (+0100) time.
pub fn assert_stockholm_zone(cal: &IcalCalendar) {
    assert_eq!(cal.timezones.len(), 1, "one VTIMEZONE");
    let tz = &cal.timezones[0];
    assert_eq!(prop(&tz.properties, "TZID"), "Europe/Stockholm");
    let mut offsets: Vec<String> = tz
        .transitions
        .iter()
        .map(|t| prop(&t.properties, "TZOFFSETTO"))
        .collect();
    offsets.sort();
    assert_eq!(offsets, ["+0100", "+0200"]);
}
