//! Municipalities (tenants): the list on `/`, each municipality's home page under `/{slug}/`,
//! its administration (departments, people and roles, the audit trail) and its public JSON.
//! Every query of tenant data takes the municipality's id.

pub mod branding;
pub mod routes;
pub mod store;

pub use store::Municipality;

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use std::collections::HashMap;

/// The municipality named by the `{slug}` in the path; a 404 page when there is none.
#[derive(Clone, Debug)]
pub struct Tenant(pub Municipality);

impl FromRequestParts<AppState> for Tenant {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound("err-no-municipality"))?;
        let slug = params.get("slug").ok_or(AppError::NotFound("err-no-municipality"))?;
        store::by_slug(&state.db, slug)
            .await?
            .map(Tenant)
            .ok_or(AppError::NotFound("err-no-municipality"))
    }
}
