//! The documents of an agreement, on the coordinator's page of it.
//!
//! - `POST /{slug}/overenskommelse/hantera/sarskilda/{id}/dokument` (multipart, the CSRF token
//!   in the query): upload a PDF or office file; a refused file shows the page again with the
//!   reason beside the file field
//! - `POST …/hantera/sarskilda/{id}/dokument/{doc}/ta-bort`: remove one

use super::domain::{self, DocumentProblem};
use super::files::{self, NewDocument};
use super::manage::{choices, edit_form, edit_page, specific_or_404};
use super::routes::DocPath;
use crate::ids::SpecificId;
use crate::paths;
use crate::web::{done, store_error};
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart};
use platform::upload::Upload;
use platform::web::prelude::*;

pub(super) fn router() -> Routes {
    Routes::new()
        .route(
            "/{slug}/overenskommelse/hantera/sarskilda/{id}/dokument",
            post(upload).layer(DefaultBodyLimit::max(domain::DOCUMENT_BODY_MAX)),
        )
        .route(
            "/{slug}/overenskommelse/hantera/sarskilda/{id}/dokument/{doc}/ta-bort",
            post(remove_document),
        )
}

/// The file of the form's `file` field, or why there is none to keep (see
/// `platform::upload::sent_file`).
async fn sent_file(multipart: &mut Multipart) -> AppResult<Result<Upload, DocumentProblem>> {
    Ok(platform::upload::sent_file(multipart, "file", domain::DOCUMENT_MAX)
        .await?
        .map_err(|p| match p {
            platform::upload::DocumentProblem::TooLarge => DocumentProblem::TooLarge,
            _ => DocumentProblem::Missing,
        }))
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SpecificId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let s = specific_or_404(&state, &m, id).await?;
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let checked = sent_file(&mut multipart)
        .await?
        .and_then(|u| domain::check_document(&u.bytes).map(|mime| (u, mime)));
    match checked {
        Ok((u, mime)) => {
            let name = domain::file_name(&u.file_name);
            let file = NewDocument {
                file_name: &name,
                mime,
                bytes: &u.bytes,
            };
            let back = paths::specific_manage(&m, id);
            match files::add_document(&state.db, m.id, id, &file, Some(user), state.now()).await {
                Ok(_) => Ok(done(&format!("{back}#dokument"), "dokument")),
                Err(e) => store_error(&ctx, &m, e, &back),
            }
        }
        Err(problem) => {
            let c = choices(&state, &m).await?;
            let form = edit_form(&ctx, &m, &c, &s);
            edit_page(&ctx, &m, s, form, None, Some(ctx.t(problem.message_id())))
        }
    }
}

async fn remove_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(DocPath { id, doc }): PathParams<DocPath>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let back = paths::specific_manage(&m, id);
    match files::remove_document(&state.db, m.id, id, doc, Some(user), state.now()).await {
        Ok(()) => Ok(done(&format!("{back}#dokument"), "dokument-borttaget")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}
