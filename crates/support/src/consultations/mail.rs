//! The consultation group's letters, in Swedish: the invitation to a new consultation, one to
//! each member, queued by its caller in the opening's transaction.

use crate::paths;
use platform::i18n::{Lang, Tr};
use platform::mail::Email;
use platform::web::prelude::*;

/// The invitation to answer a consultation by its last day.
pub(super) fn invitation(state: &AppState, m: &Municipality, to: &str, title: &str, deadline: &str) -> Email {
    let tr = Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    };
    let url = format!(
        "{}{}",
        state.config.base_url.trim_end_matches('/'),
        paths::consultations(&m.slug)
    );
    Email::new(
        to,
        tr.ta(
            "support-consultations-mail-subject",
            &[("title", &title), ("municipality", &m.name)],
        ),
        tr.ta(
            "support-consultations-mail-body",
            &[
                ("title", &title),
                ("municipality", &m.name),
                ("deadline", &deadline),
                ("url", &url),
            ],
        ),
    )
}
