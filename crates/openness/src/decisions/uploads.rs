//! The attachments of a decision, on staff's page of it.
//!
//! - `POST /{slug}/beslut/hantera/{id}/bilagor` (multipart, the CSRF token in the query): upload
//!   a PDF or office file; a refused file shows the page again with the reason beside the field
//! - `POST /{slug}/beslut/hantera/{id}/bilaga/{file}/ta-bort`: remove one

use super::domain;
use super::manage::{decision_or_404, done, edit_form, edit_page, organisations, store_error, Refused};
use super::routes::FilePath;
use super::store::{self, NewAttachment};
use super::view::Labels;
use crate::ids::DecisionId;
use crate::paths;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart};
use platform::upload::DocumentProblem;
use platform::web::prelude::*;

pub(super) fn router() -> Routes {
    Routes::new()
        .route(
            "/{slug}/beslut/hantera/{id}/bilagor",
            post(upload).layer(DefaultBodyLimit::max(domain::ATTACHMENT_BODY_MAX)),
        )
        .route("/{slug}/beslut/hantera/{id}/bilaga/{file}/ta-bort", post(remove))
}

fn problem_message_id(p: DocumentProblem) -> &'static str {
    match p {
        DocumentProblem::Missing => "openness-err-attachment-missing",
        DocumentProblem::TooLarge => "openness-err-attachment-too-large",
        DocumentProblem::Type => "openness-err-attachment-type",
    }
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<DecisionId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let d = decision_or_404(&state, &m, id).await?;
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let checked = platform::upload::sent_file(&mut multipart, "file", domain::ATTACHMENT_MAX)
        .await?
        .and_then(|u| platform::upload::check_document(&u.bytes, domain::ATTACHMENT_MAX, false).map(|mime| (u, mime)));
    match checked {
        Ok((u, mime)) => {
            let name = platform::upload::download_name(&u.file_name, "bilaga");
            let file = NewAttachment {
                file_name: &name,
                mime,
                bytes: &u.bytes,
            };
            store::add_attachment(&state.db, m.id, id, &file, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(done(&paths::manage_one(&m.slug, id), "bilaga", "#bilagor"))
        }
        Err(problem) => {
            let labels = Labels::of(&state, &m).await?;
            let orgs = organisations(&state, &m).await?;
            let form = edit_form(&ctx, &m, &labels, &orgs, &d);
            let refused = Refused {
                attachment: Some(ctx.t(problem_message_id(problem))),
                ..Refused::default()
            };
            edit_page(&ctx, &m, &labels, d, form, None, refused)
        }
    }
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(FilePath { id, file }): PathParams<FilePath>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    store::remove_attachment(&state.db, m.id, id, file, Some(user), state.now())
        .await
        .map_err(store_error)?;
    Ok(done(&paths::manage_one(&m.slug, id), "bilaga-borttagen", "#bilagor"))
}
