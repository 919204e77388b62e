//! The statutes file of an organisation.
//!
//! - `POST /{slug}/foreningar/{id}/stadgar` (multipart, the CSRF token in the query): upload
//!   new statutes (the profile's editors: its representatives, the coordinator); a refused file
//!   shows the edit page again with the reason beside the file field
//! - `GET /{slug}/foreningar/{id}/stadgar`: download them; only the organisation's
//!   representatives and the municipality's staff (others: 403, or the login page)

use crate::facts::domain::{check_statutes, file_name, StatutesProblem, STATUTES_BODY_MAX, STATUTES_MAX};
use crate::facts::store::{save_statutes, statutes_file, NewStatutes};
use crate::paths;
use crate::profile::routes::current_edit_page;
use crate::web::{editor, may_see_private, profile_or_404, to_app};
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart};
use platform::upload::Upload;
use platform::web::prelude::*;

pub(super) fn router() -> Routes {
    Routes::new().route(
        "/{slug}/foreningar/{id}/stadgar",
        get(download)
            .post(upload)
            .layer(DefaultBodyLimit::max(STATUTES_BODY_MAX)),
    )
}

/// The file of the form's `file` field, or why there is none to keep (see
/// `platform::upload::sent_file`).
async fn sent_file(multipart: &mut Multipart) -> AppResult<Result<Upload, StatutesProblem>> {
    Ok(platform::upload::sent_file(multipart, "file", STATUTES_MAX)
        .await?
        .map_err(|p| match p {
            platform::upload::DocumentProblem::TooLarge => StatutesProblem::TooLarge,
            _ => StatutesProblem::Missing,
        }))
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let (user, profile) = editor(&state, &ctx, &m, id).await?;
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let checked = sent_file(&mut multipart)
        .await?
        .and_then(|u| check_statutes(&u.bytes).map(|mime| (u, mime)));
    match checked {
        Ok((u, mime)) => {
            let name = file_name(&u.file_name);
            let file = NewStatutes {
                file_name: &name,
                mime,
                bytes: &u.bytes,
            };
            save_statutes(&state.db, m.id, id, &file, Some(user), state.now())
                .await
                .map_err(to_app)?;
            Ok(Redirect::to(&format!("{}?klart=stadgar", paths::organisation(&m, id))).into_response())
        }
        Err(problem) => {
            let page = current_edit_page(&state, &ctx, &m, &profile, Some(ctx.t(problem.message_id()))).await?;
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    profile_or_404(&state, &m, id).await?;
    if !may_see_private(user, &m, id) {
        return Err(AppError::Forbidden);
    }
    let (name, mime, bytes) = statutes_file(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    Ok(platform::upload::download(bytes, &mime, &name, false))
}
