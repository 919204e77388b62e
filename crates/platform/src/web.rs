//! What every capability's routes use, in one import: `use platform::web::prelude::*;`.
//!
//! Besides the re-exports, two extractors: [`Id`] reads the `{id}` of the route as a typed id,
//! [`PathParams`] reads all of the route's parameters into a struct; a segment that is not a
//! number (or names nothing) is the Swedish 404 page, never the framework's plain text.

use crate::error::AppError;
use crate::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::routing::MethodRouter;
use axum::Router;
use serde::de::DeserializeOwned;

/// A capability's routes: axum's router plus the path pattern of every route added to it, in
/// order. axum cannot list a router's routes; the route × role matrix test
/// (`crates/app/tests/matrix.rs`) enumerates them from here, so a route added anywhere is a
/// route the test checks. Used exactly like `Router`: `Routes::new().route(path, get(page))`.
#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    paths: Vec<&'static str>,
}

impl Routes {
    pub fn new() -> Routes {
        Routes::default()
    }

    /// Add a route, as [`Router::route`]. A route of the read API (`/api/v1…`) gets its CORS
    /// and entity tag here ([`crate::api::layered`]), so no capability can forget them.
    pub fn route(mut self, path: &'static str, method_router: MethodRouter<AppState>) -> Routes {
        let method_router = if path.starts_with(crate::api::PREFIX) {
            crate::api::layered(method_router)
        } else {
            method_router
        };
        self.router = self.router.route(path, method_router);
        self.paths.push(path);
        self
    }

    /// Add another set of routes, as [`Router::merge`].
    pub fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.paths.extend(other.paths);
        self
    }

    /// The path pattern of every route, in the order they were added.
    pub fn paths(&self) -> &[&'static str] {
        &self.paths
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

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
    pub use super::{Id, PathParams, Routes};
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
}
