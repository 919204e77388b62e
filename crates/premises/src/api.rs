//! The premises as JSON (open data): `GET /api/v1/{slug}/premises` (every premises and its
//! rooms) and `GET /api/v1/{slug}/premises/availability` (the search for a free room).

use crate::domain::{self, BookerKind, Equipment, Status};
use crate::ids::{PremisesId, RoomId};
use crate::inventory::store::{self as inventory, Room};
use crate::routes::{base, weeks, Search, PAGE_SIZE};
use crate::store;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Json;
use platform::error::AppResult;
use platform::format::rfc3339;
use platform::tenants::Tenant;
use platform::web::Routes;
use platform::AppState;
use serde::Serialize;
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/api/v1/{slug}/premises", get(api_premises))
        .route("/api/v1/{slug}/premises/availability", get(api_availability))
}

/// A bookable room.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = premises::Room)]
struct ApiRoom {
    id: RoomId,
    name: String,
    capacity: i64,
    /// Codes of its equipment.
    equipment: Vec<&'static str>,
    /// Codes of its accessibility features.
    accessibility: Vec<&'static str>,
    /// How it is booked: directly, or as a request the municipality confirms.
    booking_mode: &'static str,
    buffer_minutes: i64,
    /// Kronor per hour by kind of booker; absent: that kind cannot book.
    prices: std::collections::BTreeMap<&'static str, i64>,
    /// Monday first; null when closed.
    opening_hours: Vec<Option<String>>,
    /// The room's page.
    url: String,
    /// Its taken times as iCalendar.
    calendar: String,
}

/// Premises (a building or place) and its rooms.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = premises::Premises)]
struct ApiPremises {
    id: PremisesId,
    name: String,
    address: String,
    area: String,
    /// The lending organisation, or null for the municipality's own premises.
    organisation: Option<String>,
    rooms: Vec<ApiRoom>,
}

fn api_room(root: &str, r: &Room) -> ApiRoom {
    ApiRoom {
        id: r.id,
        name: r.name.clone(),
        capacity: r.capacity,
        equipment: Equipment::of_bits(r.equipment).into_iter().map(|e| e.code()).collect(),
        accessibility: domain::features_of_bits(r.access)
            .into_iter()
            .map(|f| f.column())
            .collect(),
        booking_mode: r.mode.as_str(),
        buffer_minutes: r.buffer_minutes,
        prices: BookerKind::ALL
            .iter()
            .filter_map(|k| r.prices.for_kind(*k).map(|p| (k.as_str(), p)))
            .collect(),
        opening_hours: r
            .hours
            .0
            .iter()
            .map(|h| h.map(|(o, c)| format!("{}-{}", domain::hhmm(o), domain::hhmm(c))))
            .collect(),
        url: format!("{root}/rum/{}", r.id),
        calendar: format!("{root}/rum/{}/kalender.ics", r.id),
    }
}

/// The municipality's premises and their rooms that can be booked.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/premises",
    tag = "premises",
    params(platform::api::Slug),
    responses(
        (status = 200, description = "Every premises with its rooms", body = Vec<ApiPremises>),
        platform::api::NotFound
    )
)]
async fn api_premises(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Response> {
    let all = inventory::premises_all(&state.db, m.id).await?;
    let mut rooms = inventory::rooms_all(&state.db, m.id).await?;
    rooms.retain(|r| r.retired_at.is_none());
    let root = format!("{}{}", state.config.base_url.trim_end_matches('/'), base(&m));
    let mut by_premises: HashMap<PremisesId, Vec<ApiRoom>> = HashMap::new();
    for r in &rooms {
        by_premises.entry(r.premises_id).or_default().push(api_room(&root, r));
    }
    let out: Vec<ApiPremises> = all
        .into_iter()
        .map(|p| ApiPremises {
            rooms: by_premises.remove(&p.id).unwrap_or_default(),
            id: p.id,
            name: p.name,
            address: p.address,
            area: p.area,
            organisation: p.organisation_id.map(|_| p.owner),
        })
        .collect();
    Ok(Json(out).into_response())
}

/// A free or taken time of a day.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = premises::Span)]
struct ApiSpan {
    start: String,
    end: String,
    /// "free", "booked" or "preliminary".
    state: &'static str,
}

/// A day of the week asked about.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = premises::Day)]
struct ApiDay {
    date: String,
    times: Vec<ApiSpan>,
}

/// The rooms found, each with every free and taken time of the week.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = premises::Availability)]
struct ApiAvailability {
    /// The ISO week, e.g. `2026-W49`.
    week: String,
    /// The page, from 1.
    page: i64,
    /// Whether a next page has more rooms.
    more: bool,
    /// Each room found with its days: `[room, [day, …]]`.
    rooms: Vec<(ApiRoom, Vec<ApiDay>)>,
}

/// A search that cannot be answered: which parameter, and why (a message id).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = premises::SearchProblem)]
#[allow(dead_code)]
struct SearchProblem {
    error: String,
    field: String,
}

/// The search for a free room (the same parameters as the page `/{slug}/lokaler`).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
struct SearchParams {
    /// The day, `YYYY-MM-DD` (today when not given).
    datum: Option<String>,
    /// From, `HH:MM`.
    fran: Option<String>,
    /// To, `HH:MM`.
    till: Option<String>,
    /// How many people the room must hold.
    personer: Option<String>,
    /// The area (part of the municipality).
    omrade: Option<String>,
    /// An equipment code the room must have (may be repeated).
    utrustning: Option<String>,
    /// An accessibility feature the room must have (may be repeated).
    tillganglighet: Option<String>,
    /// The page, from 1.
    sida: Option<i64>,
}

/// The search's answer as JSON: the same parameters as the search page, and the rooms found
/// with every free and taken time of the week.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/premises/availability",
    tag = "premises",
    params(platform::api::Slug, SearchParams),
    responses(
        (status = 200, description = "The rooms found and their week", body = ApiAvailability),
        (status = 400, description = "A parameter that cannot be read", body = SearchProblem),
        platform::api::NotFound
    )
)]
async fn api_availability(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Query(params): Query<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut s = Search::from_params(&params);
    let (date, need) = s.need(state.today());
    if let Some((field, id)) = s.problems.first() {
        return Ok((
            axum::http::StatusCode::BAD_REQUEST,
            Json(serde_json::json!({ "error": id, "field": field })),
        )
            .into_response());
    }
    let offset = (s.page - 1) * PAGE_SIZE;
    let mut rooms = store::search(&state.db, m.id, &need, PAGE_SIZE + 1, offset).await?;
    let more = rooms.len() as i64 > PAGE_SIZE;
    rooms.truncate(PAGE_SIZE as usize);
    let monday = domain::monday_of(date);
    let mut week = weeks(&state, &rooms, monday).await?;
    let root = format!("{}{}", state.config.base_url.trim_end_matches('/'), base(&m));
    let out = ApiAvailability {
        week: domain::week_code(monday),
        page: s.page,
        more,
        rooms: rooms
            .iter()
            .map(|r| {
                let days = week
                    .remove(&r.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(d, spans)| ApiDay {
                        date: d.to_string(),
                        times: spans
                            .iter()
                            .map(|sp| ApiSpan {
                                start: rfc3339(sp.starts_at),
                                end: rfc3339(sp.ends_at),
                                state: match sp.taken {
                                    None => "free",
                                    Some(Status::Requested) => "preliminary",
                                    Some(_) => "booked",
                                },
                            })
                            .collect(),
                    })
                    .collect();
                (api_room(&root, r), days)
            })
            .collect(),
    };
    Ok(Json(out).into_response())
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(api_premises, api_availability), components(schemas(ApiRoom, ApiDay, ApiSpan)))]
struct Api;

/// The premises' part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}
