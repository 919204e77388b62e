//! `/api/v1/openapi.json` (the document) and `/api` (the page that reads it to people).

use super::reference::{self, Endpoint};
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::layout::{html, Page};
use crate::state::AppState;
use crate::web::Routes;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Json;
use utoipa::OpenApi;

pub fn router() -> Routes {
    Routes::new()
        .route("/api", get(page))
        .route("/api/v1/openapi.json", get(document))
}

/// The OpenAPI 3.1 document of every `/api/v1` endpoint.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "platform",
    responses((status = 200, description = "This document (OpenAPI 3.1)", body = Object))
)]
pub(crate) async fn document(State(state): State<AppState>) -> Response {
    Json(state.api.as_ref()).into_response()
}

#[derive(Template)]
#[template(path = "api_reference.html")]
struct ReferencePage {
    page: Page,
    version: String,
    endpoints: Vec<Endpoint>,
}

async fn page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let doc = serde_json::to_value(state.api.as_ref()).map_err(|e| AppError::Internal(e.into()))?;
    html(&ReferencePage {
        page: ctx.page(ctx.t("api-title")),
        version: doc["openapi"].as_str().unwrap_or("").to_string(),
        endpoints: reference::endpoints(&doc),
    })
}

/// The platform's own endpoints: the municipalities and this document.
#[derive(OpenApi)]
#[openapi(
    paths(crate::tenants::routes::api_list, crate::tenants::routes::api_one, document),
    components(schemas(super::Problem))
)]
struct PlatformApi;

/// The platform's part of the document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    PlatformApi::openapi()
}
