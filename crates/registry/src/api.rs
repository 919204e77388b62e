//! The register as JSON (open data): `GET /api/v1/{slug}/organisations` (the search, a page
//! at a time) and `GET /api/v1/{slug}/organisations/{id}` (a public profile).

use crate::confirmation::domain::last_confirmed;
use crate::domain::{self, Filters};
use crate::{paths, store};
use axum::Json;
use platform::format;
use platform::web::prelude::*;
use serde::Serialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/api/v1/{slug}/organisations", get(api_list))
        .route("/api/v1/{slug}/organisations/{id}", get(api_one))
}

/// An association in the register, in a list.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = registry::Organisation)]
struct ApiOrganisation {
    id: OrganisationId,
    name: String,
    legal_form: &'static str,
    categories: Vec<&'static str>,
    mission: String,
    signed: bool,
    has_premises: bool,
    url: String,
}

/// A page of the register's search.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = registry::OrganisationList)]
struct ApiList {
    municipality: String,
    total: i64,
    page: i64,
    page_size: i64,
    organisations: Vec<ApiOrganisation>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// The register's search (the same filters as the page `/{slug}/foreningar`).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
struct Search {
    /// Words to search for in names and missions.
    q: Option<String>,
    /// A category's code, e.g. `idrott`, `kultur`.
    kategori: Option<String>,
    /// Any value: only those that signed the agreement.
    signerat: Option<String>,
    /// Any value: only those with premises of their own.
    lokal: Option<String>,
    /// An accessibility feature their premises have (may be repeated).
    tillganglighet: Option<String>,
    /// The page, from 1.
    sida: Option<i64>,
}

/// The associations of a municipality's register, searched and filtered, a page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/organisations",
    tag = "registry",
    params(platform::api::Slug, Search),
    responses(
        (status = 200, description = "A page of the search", body = ApiList),
        platform::api::NotFound
    )
)]
async fn api_list(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Query(params): Query<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = Filters::from_params(&params);
    let (found, total) = store::search(&state.db, m.id, &f).await?;
    let next = (f.page * domain::PAGE_SIZE < total && f.page < domain::PAGE_MAX)
        .then(|| paths::api_list(&m, &f.to_query(f.page + 1)));
    let body = ApiList {
        next: next.clone(),
        municipality: m.slug.clone(),
        total,
        page: f.page,
        page_size: domain::PAGE_SIZE,
        organisations: found
            .into_iter()
            .map(|l| ApiOrganisation {
                id: l.id,
                url: paths::organisation(&m, l.id),
                name: l.name,
                legal_form: l.legal_form.code(),
                categories: l.categories.iter().map(|c| c.code()).collect(),
                mission: l.mission,
                signed: l.signed,
                has_premises: l.has_premises,
            })
            .collect(),
    };
    Ok(platform::api::page::json(body, next.as_deref()))
}

/// A contact person who chose to be public.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = registry::Contact)]
struct ApiContact {
    name: String,
    role: String,
    email: String,
    phone: String,
}

/// Premises the association has of its own.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = registry::OwnPremises)]
struct ApiPremises {
    name: String,
    address: String,
    capacity: Option<i64>,
    equipment: String,
    accessibility: Vec<&'static str>,
}

/// An association's public profile.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = registry::Profile)]
struct ApiProfile {
    id: OrganisationId,
    name: String,
    org_number: Option<String>,
    legal_form: &'static str,
    categories: Vec<&'static str>,
    mission: String,
    email: String,
    phone: String,
    website: String,
    social_links: Vec<String>,
    postal_address: String,
    visiting_address: String,
    member_count: Option<i64>,
    target_groups: String,
    signed: bool,
    last_confirmed: String,
    /// Only the contact people who chose to be public.
    contacts: Vec<ApiContact>,
    premises: Vec<ApiPremises>,
}

/// One association's public profile (three queries).
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/organisations/{id}",
    tag = "registry",
    params(platform::api::Slug, ("id" = i64, Path, description = "The association's id")),
    responses(
        (status = 200, description = "The profile", body = ApiProfile),
        platform::api::NotFound
    )
)]
async fn api_one(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
) -> AppResult<Json<ApiProfile>> {
    let profile = crate::web::profile_or_404(&state, &m, id).await?;
    let contacts = store::contacts(&state.db, m.id, id, false).await?;
    let premises = store::premises(&state.db, m.id, id).await?;
    Ok(Json(ApiProfile {
        id,
        last_confirmed: format::date(last_confirmed(profile.confirmed_at, profile.created_at)),
        name: profile.name,
        org_number: profile.org_number,
        legal_form: profile.legal_form.code(),
        categories: profile.categories.iter().map(|c| c.code()).collect(),
        mission: profile.mission,
        email: profile.email,
        phone: profile.phone,
        website: profile.website,
        social_links: profile.social_links,
        postal_address: profile.postal_address,
        visiting_address: profile.visiting_address,
        member_count: profile.member_count,
        target_groups: profile.target_groups,
        signed: profile.signed,
        contacts: contacts
            .into_iter()
            .map(|c| ApiContact {
                name: c.name,
                role: c.role,
                email: c.email,
                phone: c.phone,
            })
            .collect(),
        premises: premises
            .into_iter()
            .map(|x| ApiPremises {
                name: x.name,
                address: x.address,
                capacity: x.capacity,
                equipment: x.equipment,
                accessibility: x.features.iter().map(|f| f.column()).collect(),
            })
            .collect(),
    }))
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(api_list, api_one))]
struct Api;

/// The register's part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}
