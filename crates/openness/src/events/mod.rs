//! The shared event calendar (evenemang; seed 004 asks for "Gemensam evenemangskalender?"):
//! associations' representatives publish their events (once, or weekly until a date with dates
//! left out); the coordinator approves or declines them, and may trust an association to
//! publish directly. The dialog meetings of the meetings capability are in the calendar too
//! (through `meetings::public::calendar`), and so are the premises' bookings their bookers
//! marked public (through `premises::public::calendar`; private bookings never). An event may
//! name its area (district), one of those the premises are in (`premises::public::areas`), and
//! the calendar filters by it.
//!
//! Public: the list, the week and the month with filters and search, a page per event with
//! schema.org JSON-LD, and the calendar as iCalendar (`platform::ics`) for the municipality, per
//! filter and per association. Associations: `/{slug}/evenemang/nytt`, `/mina`, `/{id}/andra`.
//! The coordinator: `/{slug}/evenemang/granska`.

pub(crate) mod demo;
pub mod domain;
mod mail;
mod moderation_routes;
pub mod occurrences;
pub(crate) mod personal;
mod publish_routes;
mod routes;
pub mod schedule;
pub mod store;
mod view;

/// The public pages, the associations' pages and the coordinator's moderation.
pub fn router() -> platform::web::Routes {
    routes::router()
        .merge(publish_routes::router())
        .merge(moderation_routes::router())
}
