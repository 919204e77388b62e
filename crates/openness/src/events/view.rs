//! How the calendar is shown: the events' occurrences, the dialog meetings (from the
//! meetings capability's public function) and the premises' bookings marked public (from the
//! premises' `public::calendar`) as one list of items, by day for the week and in a
//! month's table; the schema.org JSON-LD of an event page; the iCalendar file.

use super::domain::{Audience, Category, Event, Filter};
use super::schedule::{self, Occurrence};
use super::{occurrences, store};
use crate::paths;
use chrono::NaiveDate;
use platform::i18n::Tr;
use platform::web::prelude::*;
use std::collections::HashMap;

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

pub(super) fn repeats_text(tr: &Tr, e: &Event) -> Option<String> {
    let until = e.schedule.repeat_until?;
    Some(tr.ta(
        "openness-events-repeats",
        &[("until", &until.format("%Y-%m-%d").to_string())],
    ))
}

/// The words every item of a page repeats, translated once for the page.
pub(super) struct Labels {
    categories: Vec<(Category, String)>,
    audiences: Vec<(Audience, String)>,
    free: String,
    booking: String,
}

impl Labels {
    pub(super) fn new(tr: &Tr) -> Labels {
        Labels {
            categories: Category::ALL.iter().map(|c| (*c, tr.t(c.message_id()))).collect(),
            audiences: Audience::ALL.iter().map(|a| (*a, tr.t(a.message_id()))).collect(),
            free: tr.t("openness-events-free"),
            booking: tr.t("openness-events-booking"),
        }
    }

    fn category(&self, c: Category) -> String {
        self.categories
            .iter()
            .find(|x| x.0 == c)
            .map(|x| x.1.clone())
            .unwrap_or_default()
    }

    fn audience(&self, a: Audience) -> String {
        self.audiences
            .iter()
            .find(|x| x.0 == a)
            .map(|x| x.1.clone())
            .unwrap_or_default()
    }

    fn price(&self, price: &str) -> String {
        if price.trim().is_empty() {
            self.free.clone()
        } else {
            price.to_string()
        }
    }
}

pub(super) fn event_item(tr: &Tr, labels: &Labels, slug: &str, e: &Event, o: Occurrence) -> Item {
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
        category: labels.category(e.category),
        audience: labels.audience(e.audience),
        accessibility: e.accessibility.clone(),
        price: labels.price(&e.price),
        repeats: repeats_text(tr, e),
        description: e.description.clone(),
    }
}

/// What the calendar holds between `from` and `to` that passes the filters, earliest first:
/// every occurrence (the iCalendar file).
pub(super) async fn items(
    state: &AppState,
    tr: &Tr,
    m: &Municipality,
    f: &Filter,
    from: i64,
    to: i64,
) -> AppResult<Vec<Item>> {
    let labels = Labels::new(tr);
    let mut out = vec![];
    for e in store::in_range(&state.db, m.id, f, from, to).await? {
        for o in e.schedule.occurrences(from, to) {
            out.push(event_item(tr, &labels, &m.slug, &e, o));
        }
    }
    out.extend(others(state, tr, &labels, m, f, from, to).await?);
    sort(&mut out);
    Ok(out)
}

fn sort(items: &mut [Item]) {
    items.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.title.cmp(&b.title)));
}

/// The occurrences' items, with their events read in one query.
async fn occurrence_items(
    state: &AppState,
    tr: &Tr,
    labels: &Labels,
    m: &Municipality,
    rows: &[occurrences::Occurrence],
) -> AppResult<Vec<Item>> {
    let ids: Vec<_> = rows.iter().map(|o| o.event_id).collect();
    let events: HashMap<_, _> = store::approved_by_ids(&state.db, m.id, &ids)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    Ok(rows
        .iter()
        .filter_map(|o| {
            let e = events.get(&o.event_id)?;
            let at = Occurrence {
                date: o.date(),
                start: o.starts_at,
                end: o.ends_at,
            };
            Some(event_item(tr, labels, &m.slug, e, at))
        })
        .collect())
}

/// Write the occurrences of events stored before they were kept (a no-op but for one cheap
/// query once they all are).
async fn indexed(state: &AppState, m: &Municipality) -> AppResult<()> {
    while occurrences::index_pending(&state.db, m.id, 2000).await? > 0 {}
    Ok(())
}

/// An item of the week or the month: its time, title and place, which is all they show.
fn brief_item(slug: &str, b: occurrences::Brief) -> Item {
    let (time, when) = span(b.starts_at, b.ends_at);
    Item {
        uid: String::new(),
        href: paths::event(slug, b.event_id),
        start: b.starts_at,
        end: b.ends_at,
        date: b.date(),
        time,
        when,
        title: b.title,
        place: b.place,
        organiser: String::new(),
        category: String::new(),
        audience: String::new(),
        accessibility: String::new(),
        price: String::new(),
        repeats: None,
        description: String::new(),
    }
}

/// The first `per_day` items of each of `days` that pass the filters, by time, and whether
/// the day has more.
pub(super) async fn first_of_days(
    state: &AppState,
    tr: &Tr,
    labels: &Labels,
    m: &Municipality,
    f: &Filter,
    days: &[NaiveDate],
    per_day: usize,
) -> AppResult<HashMap<NaiveDate, (Vec<Item>, bool)>> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(HashMap::new());
    };
    indexed(state, m).await?;
    let n = i64::try_from(per_day + 1).unwrap_or(i64::MAX);
    let rows = occurrences::first_of_days(&state.db, m.id, f, days, n).await?;
    let mut all: Vec<Item> = rows.into_iter().map(|b| brief_item(&m.slug, b)).collect();
    let (from, to) = (schedule::local(*first, 0), schedule::day_bounds(*last).1);
    all.extend(others(state, tr, labels, m, f, from, to).await?);
    sort(&mut all);
    let mut out: HashMap<NaiveDate, (Vec<Item>, bool)> = days.iter().map(|d| (*d, (vec![], false))).collect();
    for i in all {
        if let Some((list, more)) = out.get_mut(&i.date) {
            if list.len() < per_day {
                list.push(i);
            } else {
                *more = true;
            }
        }
    }
    Ok(out)
}

/// A page of what is coming (each event once, at its next time; the meetings and public
/// bookings until `last_day`), and whether there is a next page.
#[allow(clippy::too_many_arguments)]
pub(super) async fn coming(
    state: &AppState,
    tr: &Tr,
    labels: &Labels,
    m: &Municipality,
    f: &Filter,
    now: i64,
    last_day: NaiveDate,
    page: usize,
) -> AppResult<(Vec<Item>, bool)> {
    indexed(state, m).await?;
    let today = schedule::local_date(now);
    // The page's events are among the first `page * PAGE_SIZE + 1` of the events alone.
    let upto = page * super::domain::PAGE_SIZE + 1;
    let rows = occurrences::coming(
        &state.db,
        m.id,
        f,
        now,
        today,
        last_day,
        i64::try_from(upto).unwrap_or(i64::MAX),
        0,
    )
    .await?;
    let mut all = occurrence_items(state, tr, labels, m, &rows).await?;
    let to = schedule::day_bounds(last_day).1;
    all.extend(
        others(state, tr, labels, m, f, now, to)
            .await?
            .into_iter()
            .filter(|i| i.date >= today),
    );
    Ok(page_of(all, page))
}

/// A page of one day's items, and whether there is a next page.
pub(super) async fn of_day(
    state: &AppState,
    tr: &Tr,
    labels: &Labels,
    m: &Municipality,
    f: &Filter,
    day: NaiveDate,
    page: usize,
) -> AppResult<(Vec<Item>, bool)> {
    indexed(state, m).await?;
    let upto = page * super::domain::PAGE_SIZE + 1;
    let rows = occurrences::of_day(&state.db, m.id, f, day, i64::try_from(upto).unwrap_or(i64::MAX), 0).await?;
    let mut all = occurrence_items(state, tr, labels, m, &rows).await?;
    let (from, to) = schedule::day_bounds(day);
    all.extend(
        others(state, tr, labels, m, f, from, to)
            .await?
            .into_iter()
            .filter(|i| i.date == day),
    );
    Ok(page_of(all, page))
}

/// Page `page` (from 1) of the items in time order, and whether more follow.
fn page_of(mut all: Vec<Item>, page: usize) -> (Vec<Item>, bool) {
    sort(&mut all);
    let size = super::domain::PAGE_SIZE;
    let skip = (page.max(1) - 1) * size;
    let more = all.len() > skip + size;
    (all.into_iter().skip(skip).take(size).collect(), more)
}

/// The dialog meetings and the public bookings between `from` and `to` that pass the filters.
async fn others(
    state: &AppState,
    tr: &Tr,
    labels: &Labels,
    m: &Municipality,
    f: &Filter,
    from: i64,
    to: i64,
) -> AppResult<Vec<Item>> {
    let mut out = vec![];
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
            category: labels.category(Category::Dialog),
            audience: labels.audience(Audience::Alla),
            accessibility: mt.accessibility,
            price: labels.free.clone(),
            repeats: None,
            description: mt.theme,
        });
    }
    for b in premises::public::calendar(&state.db, m.id, from, to).await? {
        if let Some(item) = booking_item(tr, labels, m, f, b) {
            out.push(item);
        }
    }
    Ok(out)
}

/// A booking of the premises marked public, as the calendar shows it (category "other", for
/// everyone, the room's accessibility), if it passes the filters.
fn booking_item(
    tr: &Tr,
    labels: &Labels,
    m: &Municipality,
    f: &Filter,
    b: premises::public::PublicBooking,
) -> Option<Item> {
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
        organiser: labels.booking.clone(),
        category: labels.category(Category::Other),
        audience: labels.audience(Audience::Alla),
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
    /// The day's own page, when it has more than are shown.
    pub more: Option<String>,
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

/// The names of the weekdays (Monday first) and the months (January first), translated once
/// for a page.
pub(super) struct Names {
    pub weekdays: Vec<String>,
    pub months: Vec<String>,
}

impl Names {
    pub(super) fn new(tr: &Tr) -> Names {
        Names {
            weekdays: weekday_names(tr),
            months: (1..=12).map(|n| tr.t(&format!("openness-events-month-{n}"))).collect(),
        }
    }
}

pub(super) fn day(
    names: &Names,
    date: NaiveDate,
    month: Option<NaiveDate>,
    today: NaiveDate,
    items: Vec<Item>,
    more: Option<String>,
) -> Day {
    use chrono::Datelike;
    let pick = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
    let weekday = pick(&names.weekdays, date.weekday().num_days_from_monday() as usize);
    let month_name = pick(&names.months, date.month0() as usize);
    Day {
        heading: format!("{weekday} {} {month_name}", date.day()),
        number: date.day(),
        inside: month.is_none_or(|m| m.month() == date.month() && m.year() == date.year()),
        today: date == today,
        items,
        more,
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
