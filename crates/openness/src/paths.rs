//! Every URL of the openness capability, built in one place (the routers name the same paths).

use crate::ids::{AttachmentId, DecisionId, EventId};

/// The public list of decisions: `/{slug}/beslut`.
pub fn decisions(slug: &str) -> String {
    format!("/{slug}/beslut")
}

/// One decision's public page.
pub fn decision(slug: &str, id: DecisionId) -> String {
    format!("/{slug}/beslut/{id}")
}

/// An attachment of a decision, to download.
pub fn attachment(slug: &str, id: DecisionId, file: AttachmentId) -> String {
    format!("/{slug}/beslut/{id}/bilaga/{file}")
}

/// The RSS 2.0 feed (a filter in the query: `?organ=…` or `?tagg=…`).
pub fn rss(slug: &str) -> String {
    format!("/{slug}/beslut/rss")
}

/// The Atom feed (the same filters as [`rss`]).
pub fn atom(slug: &str) -> String {
    format!("/{slug}/beslut/atom")
}

/// Staff's list with the form for a new decision.
pub fn manage(slug: &str) -> String {
    format!("/{slug}/beslut/hantera")
}

/// Staff's page of one decision: edit, attachments, withdrawal.
pub fn manage_one(slug: &str, id: DecisionId) -> String {
    format!("/{slug}/beslut/hantera/{id}")
}

/// The shared event calendar: `/{slug}/evenemang` (the list, `?vy=vecka` and `?vy=manad`).
pub fn events(slug: &str) -> String {
    format!("/{slug}/evenemang")
}

/// One event's public page.
pub fn event(slug: &str, id: EventId) -> String {
    format!("/{slug}/evenemang/{id}")
}

/// The calendar as iCalendar, to subscribe to (the list's filters in the query).
pub fn events_ics(slug: &str) -> String {
    format!("/{slug}/evenemang/kalender.ics")
}

/// The form to publish an event.
pub fn event_new(slug: &str) -> String {
    format!("/{slug}/evenemang/nytt")
}

/// The form to change an event.
pub fn event_edit(slug: &str, id: EventId) -> String {
    format!("/{slug}/evenemang/{id}/andra")
}

/// An association's own events, with their status.
pub fn events_mine(slug: &str) -> String {
    format!("/{slug}/evenemang/mina")
}

/// The coordinator's moderation: events waiting, and the trusted associations.
pub fn events_review(slug: &str) -> String {
    format!("/{slug}/evenemang/granska")
}
