//! What the agreement's pages share: the notice after a redirect, the 409 page for a change the
//! rules refuse, and the filling of a form from a typed posted form.

use crate::domain::FieldError;
use crate::store::StoreError;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

/// What just happened, carried in `?klart=` after a redirect (a fixed list, never free text).
#[derive(Deserialize, Default)]
pub(crate) struct Done {
    klart: Option<String>,
}

impl Done {
    pub(crate) fn message(&self, ctx: &Ctx) -> Option<String> {
        let id = match self.klart.as_deref()? {
            "utkast" => "agreement-done-draft",
            "inledning" => "agreement-done-intro",
            "princip" => "agreement-done-principle",
            "princip-borttagen" => "agreement-done-principle-removed",
            "atagande" => "agreement-done-commitment",
            "atagande-borttaget" => "agreement-done-commitment-removed",
            "antagen" => "agreement-done-adopted",
            "handelse" => "agreement-done-timeline",
            "handelse-borttagen" => "agreement-done-timeline-removed",
            "remiss-oppnad" => "agreement-done-consultation-opened",
            "remiss-stangd" => "agreement-done-consultation-closed",
            "remiss-publicerad" => "agreement-done-consultation-published",
            "synpunkt" => "agreement-done-comment",
            "sarskild" => "agreement-specific-done-saved",
            "sarskild-avslutad" => "agreement-specific-done-ended",
            "sarskild-borttagen" => "agreement-specific-done-removed",
            "dokument" => "agreement-specific-done-document",
            "dokument-borttaget" => "agreement-specific-done-document-removed",
            _ => return None,
        };
        Some(ctx.t(id))
    }
}

/// After a change: back to a page, saying what was done.
pub(crate) fn done(to: &str, what: &str) -> Response {
    let (path, anchor) = match to.split_once('#') {
        Some((p, a)) => (p, format!("#{a}")),
        None => (to, String::new()),
    };
    Redirect::to(&format!("{path}?klart={what}{anchor}")).into_response()
}

/// Show a field's validation error on a form.
pub(crate) fn field_error(form: &mut Form, ctx: &Ctx, name: &str, e: FieldError) {
    match e {
        FieldError::Rule(i) => form.invalid(&ctx.tr, name, i),
        other => form.error(name, ctx.t(other.message_id())),
    }
}

/// Keep what the person typed: every field of the posted form that was sent.
pub(crate) fn fill<T: Serialize>(form: &mut Form, posted: &T) {
    let values = serde_json::to_value(posted).unwrap_or_default();
    form.fill(|k| values.get(k).and_then(|v| v.as_str()).map(str::to_string));
}

/// A posted field, or an empty string when it was not sent.
pub(crate) fn text(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

#[derive(Template)]
#[template(path = "agreement_refused.html")]
struct Refused {
    page: Page,
    explanation: String,
    back: String,
    back_text: String,
}

/// A store error as a response: a missing row is a 404; a change the rules refuse (an edit of
/// an adopted version, a comment on a closed consultation) is a 409 page saying why.
pub(crate) fn store_error(ctx: &Ctx, m: &Municipality, e: StoreError, back: &str) -> AppResult<Response> {
    match e {
        StoreError::NotFound => Err(AppError::NotFound("err-not-found")),
        StoreError::Db(e) => Err(e.into()),
        StoreError::Rule(rule) => html_status(
            StatusCode::CONFLICT,
            &Refused {
                page: ctx.page_in(m, ctx.t(rule.message_id())),
                explanation: ctx.t("agreement-refused-explanation"),
                back: back.to_string(),
                back_text: ctx.t("agreement-back"),
            },
        ),
    }
}
