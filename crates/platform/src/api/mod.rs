//! The public read API under `/api/v1`: its OpenAPI 3.1 document, gathered from every
//! capability's annotated handlers ([`crate::Capability::api`]) and served at
//! `/api/v1/openapi.json`; a reference page made from that document (`/api`); and what every
//! `/api/v1` route gets from [`crate::web::Routes`]: CORS for reading from any origin (GET, HEAD
//! and OPTIONS only) and an entity tag with conditional GET ([`layered`]).
//!
//! List endpoints page with an opaque cursor ([`page`]).

pub mod page;
mod reference;
mod routes;

pub use page::Paging;
pub use routes::{openapi, router};

use crate::conditional;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use serde::Serialize;
use tower_http::cors::{Any, CorsLayer};
use utoipa::openapi::{InfoBuilder, LicenseBuilder, OpenApi, OpenApiBuilder};
use utoipa::{IntoParams, IntoResponses, ToSchema};

/// A capability's part of the OpenAPI document (its paths and their schemas).
pub type ApiFn = fn() -> OpenApi;

/// The prefix of every route of the read API.
pub const PREFIX: &str = "/api/v1";

/// The whole document: the platform's description and every capability's paths, in the order
/// the capabilities are listed.
pub fn document(pieces: impl IntoIterator<Item = ApiFn>) -> OpenApi {
    let mut doc = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Överens API")
                .version("1")
                .description(Some(
                    "The public data of each municipality's local agreement with civil society: \
                     read only, JSON, no key needed. Every answer carries an ETag (ask again with \
                     If-None-Match for a 304); lists page with `limit` and the opaque `after` \
                     cursor from a page's `next` (also in its `Link: <…>; rel=\"next\"` header).",
                ))
                .license(Some(LicenseBuilder::new().name("EUPL-1.2").build())),
        )
        .build();
    for piece in pieces {
        doc.merge(piece());
    }
    doc
}

/// The `{slug}` of a municipality in a path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct Slug {
    /// The municipality's short name in addresses, e.g. `sala`.
    #[allow(dead_code)]
    #[param(example = "sala")]
    slug: String,
}

/// An error, as RFC 9457 problem details (`application/problem+json`).
#[derive(Serialize, ToSchema)]
#[schema(as = platform::Problem)]
pub struct Problem {
    /// Always `about:blank`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What went wrong, in the visitor's language.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
}

/// 404: no such municipality, or nothing with that id in it.
#[derive(IntoResponses)]
#[response(
    status = 404,
    description = "No such municipality, or nothing with that id in it",
    content_type = "application/problem+json"
)]
pub struct NotFound(#[allow(dead_code)] Problem);

/// 400: a parameter that cannot be read (a cursor, a limit, a date).
#[derive(IntoResponses)]
#[response(
    status = 400,
    description = "A parameter that cannot be read",
    content_type = "application/problem+json"
)]
pub struct BadRequest(#[allow(dead_code)] Problem);

/// What every `/api/v1` route gets: CORS for reading from any origin (never for a write:
/// only GET, HEAD and OPTIONS are allowed, and no credentials), and an entity tag.
pub fn layered(route: MethodRouter<crate::AppState>) -> MethodRouter<crate::AppState> {
    route
        .layer::<_, std::convert::Infallible>(axum::middleware::from_fn(entity_tag))
        .layer::<_, std::convert::Infallible>(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
                .allow_headers([header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE])
                .expose_headers([header::ETAG, header::LINK]),
        )
}

/// The largest answer the entity tag is computed for; a larger one goes out without.
const TAGGED_UP_TO: usize = 16 * 1024 * 1024;

/// An ETag on every successful GET of the API, a 304 without a body when the request's
/// `If-None-Match` names it, and `Cache-Control: no-cache` (keep it, but ask again).
async fn entity_tag(req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    let wanted = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let res = next.run(req).await;
    if res.status() != StatusCode::OK {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, TAGGED_UP_TO).await {
        Ok(b) => b,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let tag = conditional::etag(&bytes);
    if let Ok(v) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, v);
    }
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if conditional::not_modified(wanted.as_deref(), None, &tag, 0) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platforms_piece_has_its_paths_and_the_problem_schema() {
        let doc = serde_json::to_value(document([openapi as ApiFn])).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        for p in ["/api/v1/municipalities", "/api/v1/{slug}", "/api/v1/openapi.json"] {
            assert!(doc["paths"].get(p).is_some(), "{p}");
        }
        let schemas = &doc["components"]["schemas"];
        assert!(schemas.get("platform.Problem").is_some(), "{schemas}");
    }
}
