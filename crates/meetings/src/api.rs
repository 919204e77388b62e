//! The dialog meetings as JSON (open data): `GET /api/v1/{slug}/meetings`.

use crate::ids::{MeetingId, SeriesId};
use crate::{paths, store};
use platform::api::Paging;
use platform::format;
use platform::format::rfc3339;
use platform::web::prelude::*;
use serde::Serialize;

pub fn router() -> Routes {
    Routes::new().route("/api/v1/{slug}/meetings", get(api))
}

/// A dialog meeting.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = meetings::Meeting)]
struct ApiMeeting {
    id: MeetingId,
    series: String,
    series_id: SeriesId,
    number: Option<i64>,
    title: String,
    theme: String,
    /// When people gather before the start (RFC 3339, Swedish time), if said.
    gathering_at: Option<String>,
    /// RFC 3339, Swedish time.
    starts_at: String,
    /// RFC 3339, Swedish time.
    ends_at: String,
    place: String,
    accessibility: String,
    capacity: Option<i64>,
    seats_left: Option<i64>,
    registered: i64,
    waiting: i64,
    /// The last day to register, `YYYY-MM-DD`.
    registration_deadline: Option<String>,
    registration_open: bool,
    /// Called off (the meeting is not held).
    cancelled: bool,
    /// The meeting's page.
    url: String,
    /// The meeting as iCalendar.
    ics: String,
    /// The invitation's page.
    invitation: String,
    /// The minutes' page, once published.
    minutes: Option<String>,
}

/// A municipality's dialog meetings, a page at a time.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = meetings::MeetingList)]
struct ApiDoc {
    municipality: String,
    meetings: Vec<ApiMeeting>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// A municipality's dialog meetings, in the order of their start.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/meetings",
    tag = "meetings",
    params(platform::api::Slug, platform::api::Paging),
    responses(
        (status = 200, description = "A page of the meetings", body = ApiDoc),
        platform::api::BadRequest,
        platform::api::NotFound
    )
)]
async fn api(State(state): State<AppState>, Tenant(m): Tenant, paging: Paging) -> AppResult<Response> {
    let now = state.now();
    let all = store::meetings(&state.db, m.id, None).await?;
    let (all, next) = paging.cut(all);
    let root = state.config.base_url.trim_end_matches('/').to_string();
    let body = ApiDoc {
        municipality: m.slug.clone(),
        next: next.clone(),
        meetings: all
            .into_iter()
            .map(|mt| ApiMeeting {
                id: mt.id,
                url: format!("{root}{}", paths::meeting(&m.slug, mt.id)),
                ics: format!("{root}{}", paths::ics(&m.slug, mt.id)),
                invitation: format!("{root}{}", paths::invitation(&m.slug, mt.id)),
                minutes: (mt.minutes_published > 0).then(|| format!("{root}{}", paths::minutes(&m.slug, mt.id))),
                series: mt.series_name.clone(),
                series_id: mt.series_id,
                number: mt.number,
                theme: mt.theme.clone(),
                gathering_at: mt.gathering_at.map(rfc3339),
                starts_at: rfc3339(mt.starts_at),
                ends_at: rfc3339(mt.ends_at),
                place: mt.place.clone(),
                accessibility: mt.accessibility.clone(),
                capacity: mt.capacity,
                seats_left: mt.seats_left(),
                registered: mt.confirmed,
                waiting: mt.waiting,
                registration_deadline: mt.registration_deadline.map(format::date),
                registration_open: mt.registration_open(now),
                cancelled: mt.cancelled_at.is_some(),
                title: mt.title,
            })
            .collect(),
    };
    Ok(platform::api::page::json(body, next.as_deref()))
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(api))]
struct Api;

/// The meetings' part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}
