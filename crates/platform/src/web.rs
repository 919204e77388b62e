//! What every capability's routes use, in one import: `use platform::web::prelude::*;`.
//!
//! Besides the re-exports, two extractors: [`Id`] reads the `{id}` of the route as a typed id,
//! [`PathParams`] reads all of the route's parameters into a struct; a segment that is not a
//! number (or names nothing) is the Swedish 404 page, never the framework's plain text.

use crate::error::AppError;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// The route's `{id}`, typed: `Id(room): Id<RoomId>`.
pub struct Id<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Id<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        #[derive(serde::Deserialize)]
        struct One<T> {
            id: T,
        }
        let PathParams(One { id }) = PathParams::<One<T>>::from_request_parts(parts, state).await?;
        Ok(Id(id))
    }
}

/// All of the route's parameters by name, e.g. `{slug}/moten/{id}/grupper/{group}` into
/// `struct P { id: MeetingId, group: GroupId }` (parameters the struct does not name are left).
pub struct PathParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathParams<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(v)) => Ok(PathParams(v)),
            Err(_) => Err(AppError::NotFound("err-not-found")),
        }
    }
}

pub mod prelude {
    pub use super::{Id, PathParams};
    pub use crate::auth::{require_coordinator, require_operator, require_staff, require_user, CurrentUser, RoleKind};
    pub use crate::ctx::{Ctx, Input};
    pub use crate::error::{AppError, AppResult};
    pub use crate::ids::{DepartmentId, MunicipalityId, OrganisationId, UserId};
    pub use crate::layout::{html, html_status, Field, FieldKind, Form, FormPage, Page};
    pub use crate::tenants::{Municipality, Tenant};
    pub use crate::AppState;
    pub use askama::Template;
    pub use axum::extract::{Query, State};
    pub use axum::http::StatusCode;
    pub use axum::response::{IntoResponse, Redirect, Response};
    pub use axum::routing::{get, post};
    pub use axum::Router;
}
