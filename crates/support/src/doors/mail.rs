//! The letters of "En dörr in", in Swedish: the receipt to the asker (the case number, the last
//! day of the service level and the personal link), the answer (with a new link to reply), the
//! responsible's notice of a question waiting for them and the coordinators' notice of a case
//! past its last day. Each is queued by its caller in the
//! change's own transaction.

use crate::paths;
use platform::i18n::{Lang, Tr};
use platform::mail::Email;
use platform::web::prelude::*;

fn tr(state: &AppState) -> Tr {
    Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    }
}

/// The asker's personal link with a fresh token (the caller stores its hash).
pub(super) fn link(state: &AppState, m: &Municipality, token: &str) -> String {
    format!(
        "{}{}",
        state.config.base_url.trim_end_matches('/'),
        paths::door_thread(&m.slug, token)
    )
}

/// The receipt of a new case.
pub(super) fn receipt(state: &AppState, m: &Municipality, to: &str, number: &str, due_on: &str, link: &str) -> Email {
    let tr = tr(state);
    Email::new(
        to,
        tr.ta(
            "support-doors-mail-receipt-subject",
            &[("number", &number), ("municipality", &m.name)],
        ),
        tr.ta(
            "support-doors-mail-receipt-body",
            &[
                ("number", &number),
                ("municipality", &m.name),
                ("due", &due_on),
                ("url", &link),
            ],
        ),
    )
}

/// The municipality's answer.
pub(super) fn answer(state: &AppState, m: &Municipality, to: &str, number: &str, body: &str, link: &str) -> Email {
    let tr = tr(state);
    Email::new(
        to,
        tr.ta(
            "support-doors-mail-answer-subject",
            &[("number", &number), ("municipality", &m.name)],
        ),
        tr.ta(
            "support-doors-mail-answer-body",
            &[
                ("number", &number),
                ("municipality", &m.name),
                ("answer", &body),
                ("url", &link),
            ],
        ),
    )
}

/// The coordinator's notice of a case past its last day.
pub(super) fn escalation(
    state: &AppState,
    to: &str,
    slug: &str,
    number: &str,
    topic: &str,
    due_on: &str,
    id: crate::ids::CaseId,
) -> Email {
    let tr = tr(state);
    let url = format!(
        "{}{}",
        state.config.base_url.trim_end_matches('/'),
        paths::door_case(slug, id)
    );
    Email::new(
        to,
        tr.ta("support-doors-mail-late-subject", &[("number", &number)]),
        tr.ta(
            "support-doors-mail-late-body",
            &[("number", &number), ("topic", &topic), ("due", &due_on), ("url", &url)],
        ),
    )
}

/// The responsible's notice of a question waiting for them: a new case or the asker's reply.
pub(super) fn waiting(
    state: &AppState,
    m: &Municipality,
    to: &str,
    number: &str,
    topic: &str,
    due_on: &str,
    id: crate::ids::CaseId,
) -> Email {
    let tr = tr(state);
    let url = format!(
        "{}{}",
        state.config.base_url.trim_end_matches('/'),
        paths::door_case(&m.slug, id)
    );
    Email::new(
        to,
        tr.ta(
            "support-doors-mail-waiting-subject",
            &[("number", &number), ("topic", &topic)],
        ),
        tr.ta(
            "support-doors-mail-waiting-body",
            &[
                ("number", &number),
                ("topic", &topic),
                ("due", &due_on),
                ("url", &url),
                ("municipality", &m.name),
            ],
        ),
    )
}
