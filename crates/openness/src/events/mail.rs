//! The letter to an association when the coordinator approves or declines its event (with the
//! reason when declined): to the one who published it, or, when that account is gone, to the
//! association's contact people in the registry. Written in Swedish; queued by the caller in
//! the moderation's own transaction, so the letter goes exactly when the change is made.

use super::domain::Status;
use super::store::Moderated;
use crate::ids::EventId;
use crate::paths;
use platform::i18n::{Lang, Tr};
use platform::mail::Email;
use platform::web::prelude::*;

/// The letters of one moderation: one per address (none when nobody can be reached).
pub(super) fn moderated(
    state: &AppState,
    m: &Municipality,
    id: EventId,
    what: &Moderated,
    contacts: &[String],
) -> Vec<Email> {
    let tr = Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    };
    let base = state.config.base_url.trim_end_matches('/');
    let (subject, body) = match what.status {
        Status::Declined => (
            tr.ta("openness-events-mail-declined-subject", &[("title", &what.title)]),
            tr.ta(
                "openness-events-mail-declined-body",
                &[
                    ("title", &what.title),
                    ("municipality", &m.name),
                    ("reason", &what.reason),
                    ("url", &format!("{base}{}", paths::event_edit(&m.slug, id))),
                ],
            ),
        ),
        _ => (
            tr.ta("openness-events-mail-approved-subject", &[("title", &what.title)]),
            tr.ta(
                "openness-events-mail-approved-body",
                &[
                    ("title", &what.title),
                    ("municipality", &m.name),
                    ("url", &format!("{base}{}", paths::event(&m.slug, id))),
                ],
            ),
        ),
    };
    let to: Vec<&str> = match &what.publisher_email {
        Some(e) if !e.is_empty() => vec![e.as_str()],
        _ => contacts.iter().map(String::as_str).collect(),
    };
    to.into_iter()
        .map(|address| Email::new(address, subject.clone(), body.clone()))
        .collect()
}
