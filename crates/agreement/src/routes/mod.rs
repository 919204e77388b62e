//! The agreement's web pages: public pages under `/{slug}/overenskommelse`, the coordinator's
//! pages under `/{slug}/overenskommelse/hantera`, and the JSON view under `/api/v1/{slug}/agreement`.

mod api;
mod consultation;
mod manage;
mod public;
mod timeline;

use crate::domain::FieldError;
use crate::store::StoreError;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use platform::ctx::Ctx;
use platform::error::{AppError, AppResult};
use platform::layout::{html_status, Form, Page};
use platform::tenants::Municipality;
use platform::AppState;
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{slug}/overenskommelse", get(public::current))
        .route("/{slug}/overenskommelse/version/{n}", get(public::version))
        .route("/{slug}/overenskommelse/tidslinje", get(public::timeline))
        .route("/{slug}/overenskommelse/remiss", get(public::consultation))
        .route("/{slug}/overenskommelse/remiss/{id}", get(public::consultation_by_id))
        .route("/{slug}/overenskommelse/remiss/synpunkt/{item}", post(public::comment))
        .route("/{slug}/overenskommelse/hantera", get(manage::overview))
        .route("/{slug}/overenskommelse/hantera/nytt-utkast", post(manage::start_draft))
        .route("/{slug}/overenskommelse/hantera/utkast", get(manage::draft))
        .route(
            "/{slug}/overenskommelse/hantera/utkast/inledning",
            post(manage::save_intro),
        )
        .route(
            "/{slug}/overenskommelse/hantera/utkast/principer",
            post(manage::add_principle),
        )
        .route(
            "/{slug}/overenskommelse/hantera/princip/{id}",
            get(manage::principle).post(manage::save_principle),
        )
        .route(
            "/{slug}/overenskommelse/hantera/princip/{id}/ta-bort",
            post(manage::remove_principle),
        )
        .route(
            "/{slug}/overenskommelse/hantera/princip/{id}/ataganden",
            post(manage::add_commitment),
        )
        .route(
            "/{slug}/overenskommelse/hantera/atagande/{id}",
            get(manage::commitment).post(manage::save_commitment),
        )
        .route(
            "/{slug}/overenskommelse/hantera/atagande/{id}/ta-bort",
            post(manage::remove_commitment),
        )
        .route(
            "/{slug}/overenskommelse/hantera/anta",
            get(manage::adopt_page).post(manage::adopt),
        )
        .route(
            "/{slug}/overenskommelse/hantera/tidslinje",
            get(timeline::list).post(timeline::add),
        )
        .route(
            "/{slug}/overenskommelse/hantera/tidslinje/{id}",
            get(timeline::edit).post(timeline::save),
        )
        .route(
            "/{slug}/overenskommelse/hantera/tidslinje/{id}/ta-bort",
            post(timeline::remove),
        )
        .route(
            "/{slug}/overenskommelse/hantera/remiss",
            get(consultation::overview).post(consultation::open),
        )
        .route("/{slug}/overenskommelse/hantera/remiss/{id}", get(consultation::detail))
        .route(
            "/{slug}/overenskommelse/hantera/remiss/{id}/stang",
            post(consultation::close),
        )
        .route(
            "/{slug}/overenskommelse/hantera/remiss/{id}/publicera",
            post(consultation::publish),
        )
        .route("/api/v1/{slug}/agreement", get(api::current))
        .route("/api/v1/{slug}/agreement/versions/{n}", get(api::version))
        .route("/api/v1/{slug}/agreement/timeline", get(api::timeline))
}

/// The agreement's pages of a municipality start here.
pub(crate) fn base(m: &Municipality) -> String {
    format!("/{}/overenskommelse", m.slug)
}

pub(crate) fn manage_base(m: &Municipality) -> String {
    format!("/{}/overenskommelse/hantera", m.slug)
}

pub(crate) fn page(ctx: &Ctx, m: &Municipality, title: String) -> Page {
    ctx.page(title).in_municipality(&m.slug, &m.name)
}

/// A numeric id from the path; anything else is a missing page.
pub(crate) fn path_id(params: &HashMap<String, String>, name: &str) -> AppResult<i64> {
    params
        .get(name)
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or(AppError::NotFound("err-not-found"))
}

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

/// A form with errors comes back with 422; one without, with 200.
pub(crate) fn form_status(form: &Form) -> StatusCode {
    if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
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
                page: page(ctx, m, ctx.t(rule.message_id())),
                explanation: ctx.t("agreement-refused-explanation"),
                back: back.to_string(),
                back_text: ctx.t("agreement-back"),
            },
        ),
    }
}

/// The value of a posted field, or an empty string.
pub(crate) fn field<'a>(input: &'a HashMap<String, String>, key: &str) -> &'a str {
    input.get(key).map(String::as_str).unwrap_or("")
}
