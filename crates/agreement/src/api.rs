//! The agreement as JSON (open data): the version in force, each adopted version, the timeline.
//! Drafts are never part of it.
//!
//! - `GET /api/v1/{slug}/agreement`: the version in force and the list of adopted versions
//! - `GET /api/v1/{slug}/agreement/versions/{n}`: one adopted version
//! - `GET /api/v1/{slug}/agreement/timeline`: the timeline of the process

use crate::domain::{self, Party, PrincipleWith, Version};
use crate::routes::Number;
use crate::timeline::{domain::TimelineEntry, store as timeline_store};
use crate::{paths, store};
use axum::Json;
use platform::api::Paging;
use platform::web::prelude::*;
use serde::Serialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/api/v1/{slug}/agreement", get(current))
        .route("/api/v1/{slug}/agreement/versions/{n}", get(version))
        .route("/api/v1/{slug}/agreement/timeline", get(timeline))
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = agreement::VersionRef)]
struct ApiVersionRef {
    number: i64,
    /// Who adopted it (e.g. the municipal council).
    adopted_by: Option<String>,
    /// When, `YYYY-MM-DD`.
    adopted_on: Option<String>,
    /// The version's own address in the API.
    href: String,
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = agreement::Commitment)]
struct ApiCommitment {
    number: i64,
    heading: String,
    text: String,
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = agreement::Principle)]
struct ApiPrinciple {
    number: i64,
    name: String,
    text: String,
    municipality_commitments: Vec<ApiCommitment>,
    civil_society_commitments: Vec<ApiCommitment>,
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = agreement::Version)]
struct ApiVersion {
    number: i64,
    /// `in_force` or `replaced` (drafts are never shown).
    status: &'static str,
    adopted_by: Option<String>,
    adopted_on: Option<String>,
    introduction: String,
    principles: Vec<ApiPrinciple>,
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = agreement::Agreement)]
struct ApiAgreement {
    municipality: String,
    /// The version in force, `null` when nothing is adopted yet.
    current: Option<ApiVersion>,
    versions: Vec<ApiVersionRef>,
}

fn commitments(p: &PrincipleWith, party: Party) -> Vec<ApiCommitment> {
    p.of(party)
        .iter()
        .map(|c| ApiCommitment {
            number: c.position,
            heading: c.heading.clone(),
            text: c.body.clone(),
        })
        .collect()
}

fn api_version(v: &Version, principles: &[PrincipleWith]) -> ApiVersion {
    ApiVersion {
        number: v.number,
        status: v.status.as_str(),
        adopted_by: v.adopted_by.clone(),
        adopted_on: v.adopted_on.clone(),
        introduction: v.intro.clone(),
        principles: principles
            .iter()
            .map(|p| ApiPrinciple {
                number: p.principle.position,
                name: p.principle.name.clone(),
                text: p.principle.body.clone(),
                municipality_commitments: commitments(p, Party::Municipality),
                civil_society_commitments: commitments(p, Party::CivilSociety),
            })
            .collect(),
    }
}

fn version_ref(m: &Municipality, v: &Version) -> ApiVersionRef {
    ApiVersionRef {
        number: v.number,
        adopted_by: v.adopted_by.clone(),
        adopted_on: v.adopted_on.clone(),
        href: paths::api_version(m, v.number),
    }
}

/// The agreement in force and the list of adopted versions.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/agreement",
    tag = "agreement",
    params(platform::api::Slug),
    responses(
        (status = 200, description = "The agreement", body = ApiAgreement),
        platform::api::NotFound
    )
)]
async fn current(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Json<ApiAgreement>> {
    let versions = store::versions(&state.db, m.id).await?;
    let current = match domain::current(&versions) {
        Some(v) => {
            let principles = store::contents(&state.db, m.id, v.id).await?;
            Some(api_version(v, &principles))
        }
        None => None,
    };
    Ok(Json(ApiAgreement {
        municipality: m.slug.clone(),
        current,
        versions: versions
            .iter()
            .filter(|v| !v.is_draft())
            .map(|v| version_ref(&m, v))
            .collect(),
    }))
}

/// One adopted version of the agreement, with its principles and commitments.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/agreement/versions/{n}",
    tag = "agreement",
    params(platform::api::Slug, ("n" = i64, Path, description = "The version's number, 1 for the first")),
    responses(
        (status = 200, description = "The version", body = ApiVersion),
        platform::api::NotFound
    )
)]
async fn version(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    PathParams(Number { n }): PathParams<Number>,
) -> AppResult<Json<ApiVersion>> {
    let v = store::version_by_number(&state.db, m.id, n)
        .await?
        .filter(|v| !v.is_draft())
        .ok_or(AppError::NotFound("err-not-found"))?;
    let principles = store::contents(&state.db, m.id, v.id).await?;
    Ok(Json(api_version(&v, &principles)))
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = agreement::TimelineEntry)]
struct ApiEntry {
    date: String,
    kind: &'static str,
    title: String,
    text: String,
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = agreement::Timeline)]
struct ApiTimeline {
    municipality: String,
    entries: Vec<ApiEntry>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// The timeline of the agreement's process (drafts, consultation, adoption, follow-up).
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/agreement/timeline",
    tag = "agreement",
    params(platform::api::Slug, platform::api::Paging),
    responses(
        (status = 200, description = "A page of the timeline", body = ApiTimeline),
        platform::api::BadRequest,
        platform::api::NotFound
    )
)]
async fn timeline(State(state): State<AppState>, Tenant(m): Tenant, paging: Paging) -> AppResult<Response> {
    let entries: Vec<TimelineEntry> = timeline_store::timeline(&state.db, m.id).await?;
    let (entries, next) = paging.cut(entries);
    let body = ApiTimeline {
        municipality: m.slug.clone(),
        next: next.clone(),
        entries: entries
            .into_iter()
            .map(|e| ApiEntry {
                date: e.happened_on,
                kind: e.kind.as_str(),
                title: e.title,
                text: e.body,
            })
            .collect(),
    };
    Ok(platform::api::page::json(body, next.as_deref()))
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(current, version, timeline))]
struct Api;

/// The agreement's part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}
