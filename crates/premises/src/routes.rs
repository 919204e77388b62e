//! The premises' public pages, calendar feeds and JSON.
//!
//! - `GET /{slug}/lokaler`: search by need (date and time, people, equipment, accessibility,
//!   area); each room found with its free times in that week
//! - `GET /{slug}/lokaler/rum/{id}`: a room, its details and its week (`?vecka=2026-W48`)
//! - `GET /{slug}/lokaler/rum/{id}/kalender.ics`: the room's calendar feed
//! - `GET /api/v1/{slug}/premises`, `GET /api/v1/{slug}/premises/availability`

use crate::booking::store as bookings;
use crate::domain::{self, BookerKind, Equipment, Span, Status};
use crate::ids::RoomId;
use crate::inventory::store::{self as inventory, Room};
use crate::store::{self, Need};
use crate::week::DayView;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use chrono::{Datelike, Duration, NaiveDate};
use platform::ctx::Ctx;
use platform::error::{AppError, AppResult};
use platform::features::Feature;
use platform::layout::{html, Page};
use platform::tenants::{Municipality, Tenant};
use platform::web::Routes;
use platform::AppState;
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/lokaler", get(search_page))
        .route("/{slug}/lokaler/rum/{id}", get(room_page))
        .route("/{slug}/lokaler/rum/{id}/kalender.ics", get(room_feed))
}

pub(crate) fn base(m: &Municipality) -> String {
    format!("/{}/lokaler", m.slug)
}

pub(crate) fn id_of<T: std::str::FromStr>(s: &str) -> AppResult<T> {
    s.parse::<T>().map_err(|_| AppError::NotFound("err-not-found"))
}

pub(crate) async fn get_room(state: &AppState, m: &Municipality, id: &str) -> AppResult<Room> {
    inventory::room(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

// --- What a search asks for ---

/// The search form's values as given (for refilling the form) and as understood.
#[derive(Clone, Debug, Default)]
pub(crate) struct Search {
    pub date: String,
    pub from: String,
    pub to: String,
    pub people: String,
    pub area: String,
    pub equipment: Vec<String>,
    pub access: Vec<String>,
    pub page: i64,
    /// Problems with the values, as (field, message id).
    pub problems: Vec<(&'static str, &'static str)>,
}

impl Search {
    pub fn from_params(params: &[(String, String)]) -> Search {
        let mut s = Search {
            page: 1,
            ..Search::default()
        };
        for (k, v) in params {
            let v = v.trim().to_string();
            match k.as_str() {
                "datum" => s.date = v,
                "fran" => s.from = v,
                "till" => s.to = v,
                "personer" => s.people = v,
                "omrade" => s.area = v,
                "utrustning" if Equipment::parse(&v).is_some() && !s.equipment.contains(&v) => s.equipment.push(v),
                "tillganglighet" if Feature::parse(&v).is_some() && !s.access.contains(&v) => s.access.push(v),
                "sida" => s.page = v.parse::<i64>().unwrap_or(1).clamp(1, 10_000),
                _ => {}
            }
        }
        s
    }

    /// The day asked about (today when none is given) and the need.
    pub fn need(&mut self, today: NaiveDate) -> (NaiveDate, Need) {
        let date = if self.date.is_empty() {
            today
        } else {
            match domain::parse_date(&self.date) {
                Some(d) => d,
                None => {
                    self.problems.push(("datum", "premises-err-date"));
                    today
                }
            }
        };
        let people = if self.people.is_empty() {
            1
        } else {
            match self.people.parse::<i64>() {
                Ok(n) if (1..=100_000).contains(&n) => n,
                _ => {
                    self.problems.push(("personer", "premises-err-people"));
                    1
                }
            }
        };
        let span = match (self.from.is_empty(), self.to.is_empty()) {
            (true, true) => None,
            _ => match (domain::minutes(&self.from), domain::minutes(&self.to)) {
                (Some(f), Some(t)) if f < t => Some((date, f, t)),
                (Some(_), Some(_)) => {
                    self.problems.push(("till", "premises-err-end-before-start"));
                    None
                }
                (None, _) => {
                    self.problems.push(("fran", "premises-err-time"));
                    None
                }
                (_, None) => {
                    self.problems.push(("till", "premises-err-time"));
                    None
                }
            },
        };
        (
            date,
            Need {
                people,
                equipment: Equipment::bits_of(self.equipment.iter().map(String::as_str)),
                access: domain::feature_bits_of(self.access.iter().map(String::as_str)),
                area: self.area.clone(),
                span,
            },
        )
    }

    /// The query string for another page of the same search.
    pub fn query(&self, page: i64) -> String {
        let mut q: Vec<(&str, &str)> = vec![];
        for (k, v) in [
            ("datum", &self.date),
            ("fran", &self.from),
            ("till", &self.to),
            ("personer", &self.people),
            ("omrade", &self.area),
        ] {
            if !v.is_empty() {
                q.push((k, v));
            }
        }
        for e in &self.equipment {
            q.push(("utrustning", e));
        }
        for a in &self.access {
            q.push(("tillganglighet", a));
        }
        let page = page.to_string();
        q.push(("sida", &page));
        q.iter()
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

pub(crate) const PAGE_SIZE: i64 = 20;

/// A week of rooms: the days from `monday` and each room's free and taken times, from one
/// query for all the rooms' bookings.
pub(crate) async fn weeks(
    state: &AppState,
    rooms: &[Room],
    monday: NaiveDate,
) -> AppResult<HashMap<RoomId, Vec<(NaiveDate, Vec<Span>)>>> {
    let from = domain::local(monday, 0).map_err(|_| AppError::BadRequest("premises-err-date"))?;
    let to = domain::local(monday + Duration::days(7), 0).map_err(|_| AppError::BadRequest("premises-err-date"))?;
    let ids: Vec<RoomId> = rooms.iter().map(|r| r.id).collect();
    let mut conn = state.db.pool.acquire().await?;
    let busy = bookings::busy(&mut conn, &ids, from, to).await?;
    let mut by_room: HashMap<RoomId, Vec<(i64, i64, i64, Status)>> = HashMap::new();
    for (room, s, e, u, st) in busy {
        by_room.entry(room).or_default().push((s, e, u, st));
    }
    let mut out = HashMap::new();
    for r in rooms {
        let b = by_room.remove(&r.id).unwrap_or_default();
        let days = (0..7)
            .map(|i| {
                let d = monday + Duration::days(i);
                (d, domain::day_spans(d, &r.hours, &b, r.buffer_minutes, 1800))
            })
            .collect();
        out.insert(r.id, days);
    }
    Ok(out)
}

// --- The search page ---

pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub on: bool,
}

struct Found {
    href: String,
    name: String,
    premises: String,
    address: String,
    facts: String,
    equipment: String,
    access: String,
    mode: String,
    /// (day heading, free times as text)
    free: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "premises_search.html")]
struct SearchPage {
    page: Page,
    action: String,
    date: String,
    from: String,
    to: String,
    people: String,
    area: String,
    areas: Vec<String>,
    equipment: Vec<Choice>,
    access: Vec<Choice>,
    errors: Vec<(String, String)>,
    summary: String,
    found: Vec<Found>,
    prev: Option<String>,
    next: Option<String>,
    links: Vec<(String, String)>,
}

impl SearchPage {
    /// How many equipment and accessibility filters are ticked: the panel that holds them is
    /// open when any is.
    fn ticked(&self) -> usize {
        self.equipment.iter().chain(&self.access).filter(|c| c.on).count()
    }
}

/// The free times still to come, as "08:00–17:30, 21:30–22:00" (a time that has begun is
/// shown from now, rounded up to the quarter hour).
fn free_text(spans: &[Span], now: i64) -> String {
    spans
        .iter()
        .filter(|s| s.taken.is_none() && s.ends_at > now + 900)
        .map(|s| {
            let start = s.starts_at.max((now + 899) / 900 * 900);
            format!("{}–{}", domain::clock(start), domain::clock_end(s.ends_at))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn equipment_text(ctx: &Ctx, bits: i64) -> String {
    Equipment::of_bits(bits)
        .into_iter()
        .map(|e| ctx.t(e.message_id()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn access_text(ctx: &Ctx, bits: i64) -> String {
    domain::features_of_bits(bits)
        .into_iter()
        .map(|f| ctx.t(f.message_id()))
        .collect::<Vec<_>>()
        .join(", ")
}

async fn search_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(params): Query<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut s = Search::from_params(&params);
    let (date, need) = s.need(state.today());
    let offset = (s.page - 1) * PAGE_SIZE;
    let mut rooms = store::search(&state.db, m.id, &need, PAGE_SIZE + 1, offset).await?;
    let more = rooms.len() as i64 > PAGE_SIZE;
    rooms.truncate(PAGE_SIZE as usize);
    let monday = domain::monday_of(date);
    let week = weeks(&state, &rooms, monday).await?;
    let lang = ctx.lang().code();
    let now = state.now();
    let found = rooms
        .iter()
        .map(|r| Found {
            href: format!("{}/rum/{}?vecka={}", base(&m), r.id, domain::week_code(monday)),
            name: r.name.clone(),
            premises: if r.owner.is_empty() {
                r.premises_name.clone()
            } else {
                format!("{} ({})", r.premises_name, r.owner)
            },
            address: r.address.clone(),
            facts: ctx.tr.ta("premises-capacity", &[("n", &r.capacity)]),
            equipment: equipment_text(&ctx, r.equipment),
            access: access_text(&ctx, r.access),
            mode: ctx.t(r.mode.message_id()),
            free: week
                .get(&r.id)
                .map(|days| {
                    days.iter()
                        .map(|(d, spans)| {
                            let free = free_text(spans, now);
                            (
                                domain::day_heading(*d, lang),
                                if free.is_empty() {
                                    ctx.t("premises-no-free-time")
                                } else {
                                    free
                                },
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect::<Vec<_>>();
    let summary = if found.is_empty() {
        ctx.t("premises-found-none")
    } else {
        ctx.tr.ta(
            "premises-found",
            &[
                ("from", &(offset + 1)),
                ("to", &(offset + found.len() as i64)),
                ("week", &monday.iso_week().week()),
            ],
        )
    };
    let mut links = vec![];
    if let Some(u) = ctx.user.as_ref() {
        links.push((format!("{}/bokningar", base(&m)), ctx.t("premises-my-bookings")));
        links.push((format!("{}/sasong", base(&m)), ctx.t("premises-seasons-link")));
        let manages_any = u.is_staff(m.id) || u.roles.iter().any(|r| r.organisation_id.is_some());
        if manages_any {
            links.push((format!("{}/hantera", base(&m)), ctx.t("premises-requests-title")));
            links.push((
                format!("{}/hantera/lokaler", base(&m)),
                ctx.t("premises-manage-premises"),
            ));
        }
    }
    let areas = inventory::areas(&state.db, m.id).await?;
    let errors = s.problems.iter().map(|(f, id)| (format!("f-{f}"), ctx.t(id))).collect();
    html(&SearchPage {
        page: ctx
            .page_in(&m, ctx.t("premises-title"))
            .described(ctx.tr.ta("premises-description", &[("name", &m.name)])),
        action: base(&m),
        date: if s.date.is_empty() {
            date.to_string()
        } else {
            s.date.clone()
        },
        from: s.from.clone(),
        to: s.to.clone(),
        people: s.people.clone(),
        area: s.area.clone(),
        areas,
        equipment: Equipment::ALL
            .iter()
            .map(|e| Choice {
                value: e.code().to_string(),
                label: ctx.t(e.message_id()),
                on: s.equipment.iter().any(|x| x == e.code()),
            })
            .collect(),
        access: Feature::ALL
            .iter()
            .map(|f| Choice {
                value: f.column().to_string(),
                label: ctx.t(f.message_id()),
                on: s.access.iter().any(|x| x == f.column()),
            })
            .collect(),
        errors,
        summary,
        found,
        prev: (s.page > 1).then(|| format!("{}?{}", base(&m), s.query(s.page - 1))),
        next: more.then(|| format!("{}?{}", base(&m), s.query(s.page + 1))),
        links,
    })
}

// --- A room and its week ---

#[derive(Template)]
#[template(path = "premises_room.html")]
struct RoomPage {
    page: Page,
    room: Room,
    owner: String,
    equipment: String,
    access: String,
    mode: String,
    buffer: String,
    prices: Vec<(String, String)>,
    hours: Vec<(String, String)>,
    photos: Vec<(String, String)>,
    week_heading: String,
    prev_week: String,
    next_week: String,
    days: Vec<DayView>,
    /// The hour axis's labels, shown beside the days on a wide screen.
    axis: Vec<String>,
    feed: String,
    edit: Option<String>,
    back: String,
}

async fn room_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let room = get_room(&state, &m, &id).await?;
    let monday = q
        .get("vecka")
        .and_then(|w| domain::parse_week(w))
        .unwrap_or_else(|| domain::monday_of(state.today()));
    let week = weeks(&state, std::slice::from_ref(&room), monday).await?;
    let lang = ctx.lang().code();
    let now = state.now();
    let room_base = format!("{}/rum/{}", base(&m), room.id);
    let (days, axis) = week
        .get(&room.id)
        .map(|days| crate::week::days(&ctx, &room, days, &room_base, now, state.today()))
        .unwrap_or_default();
    let photos = inventory::photos(&state.db, m.id, room.id)
        .await?
        .into_iter()
        .map(|p| (format!("{room_base}/foto/{}", p.id), p.alt))
        .collect();
    let prices = BookerKind::ALL
        .iter()
        .map(|k| {
            (
                ctx.t(k.message_id()),
                match room.prices.for_kind(*k) {
                    None => ctx.t("premises-price-none"),
                    Some(0) => ctx.t("premises-price-free"),
                    Some(p) => ctx.tr.ta("premises-price-per-hour", &[("kr", &p)]),
                },
            )
        })
        .collect();
    let hours = (0..7)
        .map(|i| {
            let d = monday + Duration::days(i);
            let name = domain::day_heading(d, lang);
            let weekday = name.split(' ').next().unwrap_or_default().to_string();
            let h = room.hours.0[i as usize];
            (
                weekday,
                if h.is_some() {
                    domain::Hours::format_day(h)
                } else {
                    ctx.t("premises-closed")
                },
            )
        })
        .collect();
    let edit = ctx
        .user
        .as_ref()
        .filter(|u| crate::inventory::domain::manages(u, m.id, room.organisation_id))
        .map(|_| format!("{room_base}/redigera"));
    html(&RoomPage {
        page: ctx.page_in(&m, room.full_name()).described(ctx.tr.ta(
            "premises-room-description",
            &[("address", &room.address), ("n", &room.capacity)],
        )),
        owner: if room.owner.is_empty() {
            m.name.clone()
        } else {
            room.owner.clone()
        },
        equipment: equipment_text(&ctx, room.equipment),
        access: access_text(&ctx, room.access),
        mode: ctx.t(room.mode.message_id()),
        buffer: if room.buffer_minutes > 0 {
            ctx.tr.ta("premises-buffer-minutes", &[("n", &room.buffer_minutes)])
        } else {
            ctx.t("premises-buffer-none")
        },
        prices,
        hours,
        photos,
        week_heading: ctx.tr.ta(
            "premises-week-heading",
            &[
                ("week", &monday.iso_week().week()),
                ("from", &domain::day_heading(monday, lang)),
                ("to", &domain::day_heading(monday + Duration::days(6), lang)),
            ],
        ),
        prev_week: format!("{room_base}?vecka={}", domain::week_code(monday - Duration::days(7))),
        next_week: format!("{room_base}?vecka={}", domain::week_code(monday + Duration::days(7))),
        days,
        axis,
        feed: format!("{room_base}/kalender.ics"),
        edit,
        back: base(&m),
        room,
    })
}

/// The room's calendar: its active bookings from a month back to a year ahead. The public sees
/// that a time is taken, not who took it.
async fn room_feed(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let room = get_room(&state, &m, &id).await?;
    let now = state.now();
    let bookings = bookings::room_bookings(&state.db, m.id, room.id, now - 31 * 86400, now + 366 * 86400).await?;
    let letters = crate::booking::mail::Letters::new(&state, &m.slug);
    let place = format!("{}, {}", room.full_name(), room.address);
    let tr = &letters.tr;
    let events: Vec<_> = bookings
        .iter()
        .map(|b| {
            let summary = match b.status {
                Status::Requested => tr.t("premises-taken-preliminary"),
                _ => tr.t("premises-taken"),
            };
            let mut e = letters.event(b.id, b.starts_at, b.ends_at, &place, &summary, false);
            e.url = format!("{}/lokaler/rum/{}", letters.base, room.id);
            e
        })
        .collect();
    let body = platform::ics::calendar(&room.full_name(), &events, now);
    Ok(platform::ics::response(body, "lokal.ics"))
}
