//! The bookings' e-mail, in Swedish (the municipality's language), queued in the transaction
//! that causes it: a confirmation with the booking as an .ics file, a receipt for a request (and a
//! note to the premises' contact), and word of approval, rejection with its reason, or
//! cancellation (the .ics then cancels the events in the booker's calendar).

use super::store::{Booking, BookingInput};
use crate::domain::Status;
use crate::inventory::store::Room;
use platform::format;
use platform::i18n::{Lang, Tr};
use platform::ics::{self, Event};
use platform::mail::{queue, Email};
use platform::AppState;
use platform::MunicipalityId;

/// What every letter of one municipality needs.
pub struct Letters {
    pub tr: Tr,
    /// `https://host/{slug}` without a trailing slash.
    pub base: String,
    pub slug: String,
}

impl Letters {
    pub fn new(state: &AppState, slug: &str) -> Letters {
        Letters {
            tr: Tr {
                lang: Lang::Sv,
                catalog: state.catalog.clone(),
            },
            base: format!("{}/{slug}", state.config.base_url.trim_end_matches('/')),
            slug: slug.to_string(),
        }
    }

    pub fn booking_url(&self, id: i64) -> String {
        format!("{}/lokaler/bokningar/{id}", self.base)
    }

    /// A booking's calendar event; the UID is stable, so a later cancellation replaces it.
    pub fn event(&self, id: i64, starts_at: i64, ends_at: i64, place: &str, summary: &str, cancelled: bool) -> Event {
        Event {
            uid: format!("booking-{id}@{}.overens", self.slug),
            start: starts_at,
            end: ends_at,
            summary: summary.to_string(),
            location: place.to_string(),
            description: String::new(),
            url: self.booking_url(id),
            cancelled,
        }
    }
}

/// "2026-11-24 kl 18:00–20:00", one line per time.
fn times_text(times: &[(i64, i64, i64)]) -> String {
    times
        .iter()
        .map(|(_, s, e)| {
            format!(
                "{} kl {}–{}",
                format::date(*s),
                crate::domain::clock(*s),
                crate::domain::clock_end(*e)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A message with its arguments (plain strings, so that no borrowed `dyn Display` is held
/// across an await).
fn say(l: &Letters, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &dyn std::fmt::Display)> = args.iter().map(|(k, v)| (*k, v as _)).collect();
    l.tr.ta(id, &args)
}

/// After a booking or request: to the booker, and for a request to the premises' contact.
#[allow(clippy::too_many_arguments)]
pub async fn booked(
    conn: &mut sqlx::AnyConnection,
    l: &Letters,
    municipality_id: MunicipalityId,
    room: &Room,
    input: &BookingInput,
    times: &[(i64, i64, i64)],
    status: Status,
    now: i64,
) -> Result<(), sqlx::Error> {
    let Some((first, _, _)) = times.first() else {
        return Ok(());
    };
    let place = format!("{}, {}", room.full_name(), room.address);
    let args = [
        ("room", room.full_name()),
        ("times", times_text(times)),
        ("link", l.booking_url(*first)),
        ("name", input.booker_name.clone()),
    ];
    let confirmed = status == Status::Confirmed;
    let (subject, body) = if confirmed {
        ("premises-mail-confirmed-subject", "premises-mail-confirmed-body")
    } else {
        ("premises-mail-requested-subject", "premises-mail-requested-body")
    };
    let mut mail = Email::new(input.email.clone(), say(l, subject, &args), say(l, body, &args));
    if confirmed {
        let events: Vec<Event> = times
            .iter()
            .map(|(id, s, e)| l.event(*id, *s, *e, &place, &room.full_name(), false))
            .collect();
        mail = mail.with_calendar("bokning.ics", ics::calendar(&room.full_name(), &events, now));
    }
    queue(conn, Some(municipality_id), &mail, now).await?;
    if !confirmed && !room.contact_email.is_empty() {
        let to_owner = Email::new(
            room.contact_email.clone(),
            say(l, "premises-mail-new-request-subject", &args),
            format!(
                "{}\n\n{}/lokaler/hantera",
                say(l, "premises-mail-new-request-body", &args),
                l.base
            ),
        );
        queue(conn, Some(municipality_id), &to_owner, now).await?;
    }
    Ok(())
}

/// After a decision or cancellation: to the booker, with the times it concerns.
#[allow(clippy::too_many_arguments)]
pub async fn changed(
    conn: &mut sqlx::AnyConnection,
    l: &Letters,
    municipality_id: MunicipalityId,
    b: &Booking,
    times: &[(i64, i64, i64)],
    to: Status,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let room = format!("{}, {}", b.room_name, b.premises_name);
    let args = [
        ("room", room.clone()),
        ("times", times_text(times)),
        ("link", l.booking_url(b.id)),
        ("reason", reason.to_string()),
    ];
    let (subject, body) = match to {
        Status::Confirmed => ("premises-mail-approved-subject", "premises-mail-approved-body"),
        Status::Rejected => ("premises-mail-rejected-subject", "premises-mail-rejected-body"),
        _ => ("premises-mail-cancelled-subject", "premises-mail-cancelled-body"),
    };
    let mut mail = Email::new(b.email.clone(), say(l, subject, &args), say(l, body, &args));
    if matches!(to, Status::Confirmed | Status::Cancelled) {
        let events: Vec<Event> = times
            .iter()
            .map(|(id, s, e)| l.event(*id, *s, *e, &room, &room, to == Status::Cancelled))
            .collect();
        mail = mail.with_calendar("bokning.ics", ics::calendar(&room, &events, now));
    }
    queue(conn, Some(municipality_id), &mail, now).await?;
    Ok(())
}

/// After a room (or premises) `what` is retired: to one booker, every future time of theirs that was
/// cancelled with it, each line naming its room; the .ics removes them from their calendar.
pub async fn retired(
    conn: &mut sqlx::AnyConnection,
    l: &Letters,
    municipality_id: MunicipalityId,
    what: &str,
    email: &str,
    bookings: &[&Booking],
    now: i64,
) -> Result<(), sqlx::Error> {
    let Some(first) = bookings.first() else {
        return Ok(());
    };
    let room = format!("{}, {}", first.room_name, first.premises_name);
    let lines: Vec<String> = bookings
        .iter()
        .map(|b| format!("{}, {}", times_text(&[(b.id, b.starts_at, b.ends_at)]), b.room_name))
        .collect();
    let args = [
        ("room", room.clone()),
        ("what", what.to_string()),
        ("times", lines.join("\n")),
        ("link", format!("{}/lokaler", l.base)),
    ];
    let events: Vec<Event> = bookings
        .iter()
        .map(|b| {
            let place = format!("{}, {}", b.room_name, b.premises_name);
            l.event(b.id, b.starts_at, b.ends_at, &place, &place, true)
        })
        .collect();
    let mail = Email::new(
        email.to_string(),
        say(l, "premises-mail-retired-subject", &args),
        say(l, "premises-mail-retired-body", &args),
    )
    .with_calendar("bokning.ics", ics::calendar(&room, &events, now));
    queue(conn, Some(municipality_id), &mail, now).await?;
    Ok(())
}
