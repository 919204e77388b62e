//! The applications' pages:
//!
//! - `GET /{slug}/bidrag/mina`: "Mina ansökningar", every application of the associations the
//!   user represents, with its status and what is asked of them next, and the periods open now
//! - `GET|POST /{slug}/bidrag/ansok/{period}`: begin an application for one of one's
//!   associations (a draft; an association has one application per period)
//! - `GET /{slug}/bidrag/ansokan/{id}`: the application, for its association's representatives
//!   and the municipality's staff (anyone else: 404)
//! - `POST …/ansokan/{id}/spara|skicka|medsignera|bilagor` ([`applicant`]): save, submit (a
//!   receipt with the case number by e-mail), co-sign, attach a file (multipart, CSRF token in
//!   the query); `GET …/bilagor/{file}` downloads one
//! - `POST …/ansokan/{id}/ta|anteckning|poang|komplettering|forslag|beslut` ([`review`]): take
//!   the case, an internal note, scores, a completion request, a proposal, the decision
//! - `GET /{slug}/bidrag/handlaggning` and `…/handlaggning/{period}` ([`queue`]): the staff's
//!   periods and a period's queue with its budget use; `POST …/handlaggning/{period}/aktivitetsstod`
//!   ([`activity`]) proposes every open activity-support application from attendance
//! - `GET|POST /{slug}/bidrag/beslutsfattare` ([`deciders`]): the coordinator's delegation of
//!   the decision role and the case numbers' prefix

mod activity;
mod applicant;
mod apply;
mod deciders;
pub(crate) mod forms;
mod queue;
mod review;

use crate::applications::case::{self, Case};
use crate::applications::view::{self, Extra, Section};
use crate::applications::write::WriteError;
use crate::ids::ApplicationId;
use axum::extract::DefaultBodyLimit;
use platform::web::prelude::*;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/bidrag/mina", get(apply::mine))
        .route("/{slug}/bidrag/ansok/{id}", get(apply::start_page).post(apply::start))
        .route("/{slug}/bidrag/ansokan/{id}", get(applicant::show))
        .route("/{slug}/bidrag/ansokan/{id}/spara", post(applicant::save))
        .route("/{slug}/bidrag/ansokan/{id}/skicka", post(applicant::submit))
        .route("/{slug}/bidrag/ansokan/{id}/medsignera", post(applicant::co_sign))
        .route(
            "/{slug}/bidrag/ansokan/{id}/bilagor",
            post(applicant::attach).layer(DefaultBodyLimit::max(applicant::UPLOAD_LIMIT)),
        )
        .route("/{slug}/bidrag/ansokan/{id}/bilagor/{file}", get(applicant::download))
        .route("/{slug}/bidrag/ansokan/{id}/ta", post(review::take))
        .route("/{slug}/bidrag/ansokan/{id}/anteckning", post(review::note))
        .route("/{slug}/bidrag/ansokan/{id}/poang", post(review::score))
        .route("/{slug}/bidrag/ansokan/{id}/komplettering", post(review::completion))
        .route("/{slug}/bidrag/ansokan/{id}/forslag", post(review::propose))
        .route("/{slug}/bidrag/ansokan/{id}/beslut", post(review::decide))
        .route("/{slug}/bidrag/handlaggning", get(queue::overview))
        .route("/{slug}/bidrag/handlaggning/{id}", get(queue::page))
        .route(
            "/{slug}/bidrag/handlaggning/{id}/aktivitetsstod",
            post(activity::propose),
        )
        .route(
            "/{slug}/bidrag/beslutsfattare",
            get(deciders::page).post(deciders::save),
        )
}

/// Renders the case's page with the viewer's sections, `given` in place of their defaults.
async fn page(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    case: &Case,
    user: &CurrentUser,
    mut extra: Extra,
    given: Vec<Section>,
) -> AppResult<Response> {
    extra.sections = forms::sections(ctx, m, case, user, state.today(), given);
    view::render(state, ctx, m, case, extra).await
}

/// Loads the case again (after a change) and renders it with a notice.
async fn reload(state: &AppState, ctx: &Ctx, m: &Municipality, id: ApplicationId, extra: Extra) -> AppResult<Response> {
    let (case, user) = case::load(state, ctx, m, id).await?;
    page(state, ctx, m, &case, user, extra, vec![]).await
}

/// A refused step in words: why the case could not take it.
fn refusal(ctx: &Ctx, e: &WriteError) -> Option<String> {
    use crate::applications::domain::Refusal;
    Some(ctx.t(match e {
        WriteError::Refused(Refusal::NotAllowed) => "grants-refused-not-allowed",
        WriteError::Refused(Refusal::WrongStatus) => "grants-refused-status",
        WriteError::Refused(Refusal::PastDeadline) => "grants-refused-deadline",
        WriteError::AlreadyDecided => "grants-refused-decided",
        _ => return None,
    }))
}

/// A step's outcome: a redirect back to the page after a change, the page with the refusal
/// when the case could not take the step, an error otherwise.
async fn after(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: ApplicationId,
    done: Result<(), WriteError>,
    what: &str,
) -> AppResult<Response> {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("{}?klart={what}", crate::paths::application(&m.slug, id))).into_response()),
        Err(e) => match refusal(ctx, &e) {
            Some(why) => {
                let extra = Extra {
                    problems: vec![why],
                    ..Extra::default()
                };
                reload(state, ctx, m, id, extra).await
            }
            None => Err(e.into()),
        },
    }
}
