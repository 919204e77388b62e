//! The letter to an idea's submitter when the coordinator moves it to another status: the new
//! status, the meeting or activity that takes it up (with its address), the reason when it is
//! closed. Written in Swedish; queued by the caller in the status change's own transaction, so
//! the letter goes exactly when the change is made.

use super::store::Changed;
use super::view::{meeting_status, MeetingLink};
use crate::ids::IdeaId;
use crate::paths;
use platform::i18n::{Lang, Tr};
use platform::mail::Email;
use platform::web::prelude::*;

/// What the letter says the idea is linked to (read by the caller from the owners' public
/// functions).
pub(super) enum Link<'a> {
    None,
    Meeting(&'a MeetingLink),
    /// The activity's text and its page.
    Activity(&'a str, String),
}

/// The submitter's letter, or none when the submitter cannot be reached (account erased).
pub(super) fn status_changed(
    state: &AppState,
    m: &Municipality,
    id: IdeaId,
    what: &Changed,
    link: &Link<'_>,
) -> Option<Email> {
    let to = what.submitter_email.as_deref()?;
    let tr = Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    };
    let base = state.config.base_url.trim_end_matches('/');
    let status = match link {
        Link::Meeting(mt) => meeting_status(&tr, mt),
        _ => tr.t(what.status.message_id()),
    };
    let mut detail = String::new();
    match link {
        Link::Meeting(mt) => {
            detail = tr.ta("support-ideas-mail-meeting", &[("url", &format!("{base}{}", mt.path))]);
        }
        Link::Activity(text, path) => {
            detail = tr.ta(
                "support-ideas-mail-activity",
                &[("activity", text), ("url", &format!("{base}{path}"))],
            );
        }
        Link::None => {}
    }
    if !what.reason.is_empty() {
        detail = tr.ta("support-ideas-mail-reason", &[("reason", &what.reason)]);
    }
    let subject = tr.ta("support-ideas-mail-subject", &[("title", &what.title)]);
    let body = tr.ta(
        "support-ideas-mail-body",
        &[
            ("title", &what.title),
            ("municipality", &m.name),
            ("status", &status),
            ("detail", &detail),
            ("url", &format!("{base}{}", paths::idea(&m.slug, id))),
        ],
    );
    Some(Email::new(to, subject, body))
}
