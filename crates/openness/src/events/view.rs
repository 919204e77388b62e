//! How the calendar is shown: the events' occurrences, the dialog meetings (from the
//! meetings capability's public function) and the premises' bookings marked public (from the
//! premises' `public::calendar`) as one list of items, by day for the week and in a
//! month's table; the schema.org JSON-LD of an event page; the iCalendar file.

use super::domain::{Audience, Category, Event, Filter};
use super::schedule::{self, Occurrence};
use super::store;
use crate::paths;
use chrono::NaiveDate;
use platform::i18n::Tr;
use platform::web::prelude::*;

/// One time something happens in the calendar: an occurrence of an event, or a meeting.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub uid: String,
    pub title: String,
    pub href: String,
    pub start: i64,
    pub end: i64,
    pub date: NaiveDate,
    /// "18:00–20:00".
    pub time: String,
    /// "2026-12-14 18:00–20:00".
    pub when: String,
    pub place: String,
    pub organiser: String,
    pub category: String,
    pub audience: String,
    pub accessibility: String,
    /// The price, or "free of charge" ("" for a booking of the premises, which says neither).
    pub price: String,
    /// "Every week until …", for a weekly event.
    pub repeats: Option<String>,
    pub description: String,
}

/// "18:00–20:00", or with the end's date when it ends on another day.
pub(super) fn span(start: i64, end: i64) -> (String, String) {
    let (d0, d1) = (schedule::local_date(start), schedule::local_date(end));
    let time = if d0 == d1 {
        format!("{}–{}", schedule::clock(start), schedule::clock(end))
    } else {
        format!(
            "{}–{} {}",
            schedule::clock(start),
            d1.format("%Y-%m-%d"),
            schedule::clock(end)
        )
    };
    (time.clone(), format!("{} {time}", d0.format("%Y-%m-%d")))
}

pub(super) fn price_text(tr: &Tr, price: &str) -> String {
    if price.trim().is_empty() {
        tr.t("openness-events-free")
    } else {
        price.to_string()
    }
}

pub(super) fn repeats_text(tr: &Tr, e: &Event) -> Option<String> {
    let until = e.schedule.repeat_until?;
    Some(tr.ta(
        "openness-events-repeats",
        &[("until", &until.format("%Y-%m-%d").to_string())],
    ))
}

pub(super) fn event_item(tr: &Tr, slug: &str, e: &Event, o: Occurrence) -> Item {
    let (time, when) = span(o.start, o.end);
    Item {
        uid: format!("event-{}-{}@{slug}.overens", e.id, o.date.format("%Y%m%d")),
        title: e.title.clone(),
        href: paths::event(slug, e.id),
        start: o.start,
        end: o.end,
        date: o.date,
        time,
        when,
        place: e.place.clone(),
        organiser: e.organisation.clone(),
        category: tr.t(e.category.message_id()),
        audience: tr.t(e.audience.message_id()),
        accessibility: e.accessibility.clone(),
        price: price_text(tr, &e.price),
        repeats: repeats_text(tr, e),
        description: e.description.clone(),
    }
}

/// What the calendar holds between `from` and `to` that passes the filters, earliest first:
/// every occurrence, or (`first_only`) each event once at its first occurrence in the range.
pub(super) async fn items(
    state: &AppState,
    tr: &Tr,
    m: &Municipality,
    f: &Filter,
    from: i64,
    to: i64,
    first_only: bool,
) -> AppResult<Vec<Item>> {
    let mut out = vec![];
    for e in store::in_range(&state.db, m.id, f, from, to).await? {
        let occurrences = e.schedule.occurrences(from, to);
        let take = if first_only { 1 } else { occurrences.len() };
        for o in occurrences.into_iter().take(take) {
            out.push(event_item(tr, &m.slug, &e, o));
        }
    }
    let meetings = meetings::public::calendar(&state.db, m.id, &m.slug, from, to).await?;
    for mt in meetings {
        if !f.admits(Category::Dialog, Audience::Alla, &mt.accessibility, None, "")
            || !f.finds(&[&mt.title, &mt.theme, &mt.place])
        {
            continue;
        }
        let (time, when) = span(mt.starts_at, mt.ends_at);
        out.push(Item {
            uid: format!("meeting-{}@{}.overens", mt.id, m.slug),
            title: mt.title,
            href: mt.path,
            start: mt.starts_at,
            end: mt.ends_at,
            date: schedule::local_date(mt.starts_at),
            time,
            when,
            place: mt.place,
            organiser: m.name.clone(),
            category: tr.t(Category::Dialog.message_id()),
            audience: tr.t(Audience::Alla.message_id()),
            accessibility: mt.accessibility,
            price: tr.t("openness-events-free"),
            repeats: None,
            description: mt.theme,
        });
    }
    for b in premises::public::calendar(&state.db, m.id, from, to).await? {
        if let Some(item) = booking_item(tr, m, f, b) {
            out.push(item);
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.title.cmp(&b.title)));
    Ok(out)
}

/// A booking of the premises marked public, as the calendar shows it (category "other", for
/// everyone, the room's accessibility), if it passes the filters.
fn booking_item(tr: &Tr, m: &Municipality, f: &Filter, b: premises::public::PublicBooking) -> Option<Item> {
    let place = b.room.place();
    let accessibility = b
        .room
        .features
        .iter()
        .map(|x| tr.t(x.message_id()))
        .collect::<Vec<_>>()
        .join(", ");
    if !f.admits(Category::Other, Audience::Alla, &accessibility, None, &b.area) || !f.finds(&[&b.title, &place]) {
        return None;
    }
    let (time, when) = span(b.starts_at, b.ends_at);
    Some(Item {
        uid: format!("booking-{}@{}.overens", b.id, m.slug),
        title: b.title,
        href: premises::public::room_path(&m.slug, b.room.id),
        start: b.starts_at,
        end: b.ends_at,
        date: schedule::local_date(b.starts_at),
        time,
        when,
        place,
        organiser: tr.t("openness-events-booking"),
        category: tr.t(Category::Other.message_id()),
        audience: tr.t(Audience::Alla.message_id()),
        accessibility,
        price: String::new(),
        repeats: None,
        description: String::new(),
    })
}

/// A day of the week view or a cell of the month's table.
pub(super) struct Day {
    pub date: NaiveDate,
    /// "måndag 14 december".
    pub heading: String,
    pub number: u32,
    /// Whether the day is in the month shown (the table's first and last weeks reach outside).
    pub inside: bool,
    pub today: bool,
    pub items: Vec<Item>,
}

const WEEKDAYS: [&str; 7] = [
    "openness-events-day-mon",
    "openness-events-day-tue",
    "openness-events-day-wed",
    "openness-events-day-thu",
    "openness-events-day-fri",
    "openness-events-day-sat",
    "openness-events-day-sun",
];

/// The names of the weekdays, Monday first.
pub(super) fn weekday_names(tr: &Tr) -> Vec<String> {
    WEEKDAYS.iter().map(|id| tr.t(id)).collect()
}

pub(super) fn day(tr: &Tr, date: NaiveDate, month: Option<NaiveDate>, today: NaiveDate, all: &[Item]) -> Day {
    use chrono::Datelike;
    let weekday = tr.t(WEEKDAYS[date.weekday().num_days_from_monday() as usize]);
    let month_name = tr.t(&format!("openness-events-month-{}", date.month()));
    Day {
        heading: format!("{weekday} {} {month_name}", date.day()),
        number: date.day(),
        inside: month.is_none_or(|m| m.month() == date.month() && m.year() == date.year()),
        today: date == today,
        items: all.iter().filter(|i| i.date == date).cloned().collect(),
        date,
    }
}

/// "december 2026".
pub(super) fn month_title(tr: &Tr, first: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {}",
        tr.t(&format!("openness-events-month-{}", first.month())),
        first.year()
    )
}

/// The schema.org `Event` of an event's occurrence as JSON-LD, safe inside a `<script>`:
/// serialized by serde_json, with `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026` so
/// no text can close the script element.
pub(super) fn json_ld(e: &Event, o: Occurrence, url: &str, organiser_url: &str) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "startDate": schedule::iso(o.start),
        "endDate": schedule::iso(o.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": e.place, "address": e.place},
        "organizer": {"@type": "Organization", "name": e.organisation, "url": organiser_url},
        "url": url,
        "isAccessibleForFree": e.price.trim().is_empty(),
    });
    if !e.description.is_empty() {
        v["description"] = e.description.clone().into();
    }
    if !e.price.trim().is_empty() {
        let mut offer = serde_json::json!({"@type": "Offer", "description": e.price, "priceCurrency": "SEK"});
        let digits: String = e.price.trim().chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            offer["price"] = digits.into();
        }
        let link = if e.registration_link.is_empty() {
            url
        } else {
            &e.registration_link
        };
        offer["url"] = link.into();
        v["offers"] = offer;
    }
    serde_json::to_string(&v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The calendar's items as an iCalendar file.
pub(super) fn ics(name: &str, base: &str, items: &[Item], now: i64) -> String {
    let events: Vec<platform::ics::Event> = items
        .iter()
        .map(|i| platform::ics::Event {
            uid: i.uid.clone(),
            start: i.start,
            end: i.end,
            summary: i.title.clone(),
            location: i.place.clone(),
            description: [i.organiser.as_str(), i.description.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n"),
            url: format!("{base}{}", i.href),
            cancelled: false,
        })
        .collect();
    platform::ics::calendar(name, &events, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::domain::Status;
    use crate::ids::EventId;
    use platform::OrganisationId;

    #[test]
    fn json_ld_cannot_close_its_script() {
        let s = schedule::read("2026-12-14", "18:00", "", "20:00", "", "").unwrap();
        let o = s.occurrences(i64::MIN, i64::MAX)[0];
        let e = Event {
            id: EventId::new(1),
            organisation: "IKS & vänner".into(),
            status: Status::Approved,
            decline_reason: String::new(),
            updated_at: 0,
            typed: crate::events::domain::Checked {
                organisation_id: OrganisationId::new(2),
                title: "</script><script>alert(1)</script>".into(),
                description: String::new(),
                schedule: s,
                place: "Täljstenen".into(),
                room_id: None,
                accessibility: String::new(),
                audience: Audience::Alla,
                category: Category::Culture,
                price: "50 kr".into(),
                link: String::new(),
                registration_link: String::new(),
                area: String::new(),
            },
        };
        let text = json_ld(&e, o, "https://x.se/sala/evenemang/1", "https://x.se/sala/foreningar/2");
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["name"], "</script><script>alert(1)</script>");
        assert_eq!(v["startDate"], "2026-12-14T18:00:00+01:00");
        assert_eq!(v["offers"]["price"], "50");
        assert_eq!(v["organizer"]["name"], "IKS & vänner");
    }
}
