//! The public pages of the event calendar: the list of what is coming (each event once, at its
//! next time; pages of `domain::PAGE_SIZE`), the week (a heading and a list per day) and the
//! month (a table with a caption, the weekdays as column headers and each day's events), all
//! with the same filters and search; a page per event with its schema.org JSON-LD; the
//! calendar as iCalendar to subscribe to, with the same filters.
//!
//! - `GET /{slug}/evenemang?vy=lista|vecka|manad&vecka=2026-W50&manad=2026-12&kategori=…&malgrupp=…&tillganglighet=1&forening=…&omrade=…&q=…&sida=…`
//! - `GET /{slug}/evenemang/{id}`: one event (waiting or declined: its association and staff only)
//! - `GET /{slug}/evenemang/kalender.ics?…`: the same filters; `?forening=` is one association's

use super::domain::{self, Audience, Category, Event, Filter};
use super::schedule;
use super::view::{self, Day, Item};
use crate::ids::EventId;
use crate::paths;
use chrono::{Datelike, Duration};
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/evenemang", get(calendar))
        .route("/{slug}/evenemang/kalender.ics", get(ics))
        .route("/{slug}/evenemang/{id}", get(show))
}

/// How far ahead the list and the iCalendar file look, and how far back the file reaches.
const AHEAD_DAYS: i64 = 366;
const BEHIND_DAYS: i64 = 31;

/// The calendar's query string.
#[derive(Deserialize, Default)]
pub(super) struct CalendarQuery {
    vy: Option<String>,
    vecka: Option<String>,
    manad: Option<String>,
    sida: Option<String>,
    kategori: Option<String>,
    malgrupp: Option<String>,
    tillganglighet: Option<String>,
    forening: Option<String>,
    omrade: Option<String>,
    q: Option<String>,
}

impl CalendarQuery {
    fn filter(&self) -> Filter {
        Filter::read(
            self.kategori.as_deref(),
            self.malgrupp.as_deref(),
            self.tillganglighet.as_deref(),
            self.forening.as_deref(),
            self.q.as_deref(),
        )
        .in_area(self.omrade.as_deref())
    }
}

/// One choice of a filter's select list.
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub on: bool,
}

/// A link to another view, week or month.
pub(super) struct Nav {
    pub href: String,
    pub label: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "openness_events.html")]
struct CalendarView {
    page: Page,
    action: String,
    mode: &'static str,
    /// The view and its week or month, kept when the filters are sent.
    keep: Vec<(&'static str, String)>,
    categories: Vec<Choice>,
    audiences: Vec<Choice>,
    organisations: Vec<Choice>,
    areas: Vec<Choice>,
    accessible: bool,
    search: String,
    views: Vec<Nav>,
    heading: String,
    previous: Option<Nav>,
    next: Option<Nav>,
    summary: String,
    rows: Vec<Item>,
    days: Vec<Day>,
    weeks: Vec<Vec<Day>>,
    weekdays: Vec<String>,
    ics: String,
    publish: Option<String>,
    mine: Option<String>,
    review: Option<String>,
}

async fn choices(state: &AppState, ctx: &Ctx, m: &Municipality, f: &Filter) -> AppResult<[Vec<Choice>; 4]> {
    let all = |id: &str, on: bool| Choice {
        value: String::new(),
        label: ctx.t(id),
        on,
    };
    let mut categories = vec![all("openness-events-filter-all-categories", f.category.is_none())];
    categories.extend(Category::ALL.iter().map(|c| Choice {
        value: c.as_str().into(),
        label: ctx.t(c.message_id()),
        on: f.category == Some(*c),
    }));
    let mut audiences = vec![all("openness-events-filter-all-audiences", f.audience.is_none())];
    audiences.extend(Audience::ALL.iter().map(|a| Choice {
        value: a.as_str().into(),
        label: ctx.t(a.message_id()),
        on: f.audience == Some(*a),
    }));
    let mut organisations = vec![all(
        "openness-events-filter-all-organisations",
        f.organisation.is_none(),
    )];
    organisations.extend(
        registry::public::organisation_choices(&state.db, m.id)
            .await?
            .into_iter()
            .map(|(id, name)| Choice {
                value: id.to_string(),
                label: name,
                on: f.organisation == Some(id),
            }),
    );
    let mut areas = vec![all("openness-events-filter-all-areas", f.area.is_none())];
    areas.extend(
        premises::public::areas(&state.db, m.id)
            .await?
            .into_iter()
            .map(|a| Choice {
                on: f.area.as_deref() == Some(a.as_str()),
                value: a.clone(),
                label: a,
            }),
    );
    Ok([categories, audiences, organisations, areas])
}

async fn calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<CalendarQuery>,
) -> AppResult<Response> {
    let f = q.filter();
    let now = state.now();
    let today = schedule::local_date(now);
    let action = paths::events(&m.slug);
    let link = |extra: &[(&str, String)]| format!("{action}{}", f.query(extra));
    let mode = match q.vy.as_deref() {
        Some("vecka") => "vecka",
        Some("manad") => "manad",
        _ => "lista",
    };
    let mut v = CalendarView {
        page: ctx
            .page_in(&m, ctx.t("openness-events-title"))
            .described(ctx.tr.ta("openness-events-description", &[("name", &m.name)])),
        mode,
        keep: vec![],
        categories: vec![],
        audiences: vec![],
        organisations: vec![],
        areas: vec![],
        accessible: f.accessible,
        search: f.search.clone(),
        views: vec![],
        heading: String::new(),
        previous: None,
        next: None,
        summary: String::new(),
        rows: vec![],
        days: vec![],
        weeks: vec![],
        weekdays: view::weekday_names(&ctx.tr),
        ics: format!(
            "{}{}{}",
            state.config.base_url.trim_end_matches('/'),
            paths::events_ics(&m.slug),
            f.query(&[])
        ),
        publish: None,
        mine: None,
        review: None,
        action: action.clone(),
    };
    let [categories, audiences, organisations, areas] = choices(&state, &ctx, &m, &f).await?;
    (v.categories, v.audiences, v.organisations, v.areas) = (categories, audiences, organisations, areas);
    v.views = [
        ("lista", "openness-events-view-list"),
        ("vecka", "openness-events-view-week"),
        ("manad", "openness-events-view-month"),
    ]
    .into_iter()
    .map(|(key, id)| Nav {
        href: if key == "lista" {
            link(&[])
        } else {
            link(&[("vy", key.into())])
        },
        label: ctx.t(id),
        current: key == mode,
    })
    .collect();
    match mode {
        "vecka" => {
            let monday = q
                .vecka
                .as_deref()
                .and_then(schedule::parse_week)
                .unwrap_or_else(|| schedule::monday_of(today));
            let end = monday + Duration::days(7);
            let items = view::items(
                &state,
                &ctx.tr,
                &m,
                &f,
                schedule::local(monday, 0),
                schedule::local(end, 0),
                false,
            )
            .await?;
            v.summary = ctx.tr.tn(
                "openness-events-count",
                "n",
                i64::try_from(items.len()).unwrap_or(i64::MAX),
            );
            v.days = (0..7)
                .map(|i| view::day(&ctx.tr, monday + Duration::days(i), None, today, &items))
                .collect();
            let week = |d: chrono::NaiveDate| schedule::week_code(d);
            v.heading = ctx.tr.ta(
                "openness-events-week-heading",
                &[
                    ("week", &format!("{}", monday.iso_week().week())),
                    ("year", &monday.iso_week().year().to_string()),
                ],
            );
            let nav = |d: chrono::NaiveDate, id: &str| Nav {
                href: link(&[("vy", "vecka".into()), ("vecka", week(d))]),
                label: ctx.t(id),
                current: false,
            };
            v.previous = Some(nav(monday - Duration::days(7), "openness-events-previous-week"));
            v.next = Some(nav(end, "openness-events-next-week"));
            v.keep = vec![("vy", "vecka".into()), ("vecka", week(monday))];
        }
        "manad" => {
            let first = q
                .manad
                .as_deref()
                .and_then(schedule::parse_month)
                .or_else(|| today.with_day(1))
                .unwrap_or(today);
            let weeks = schedule::month_weeks(first);
            let (from, to) = match (weeks.first(), weeks.last()) {
                (Some(a), Some(b)) => (schedule::local(a[0], 0), schedule::day_bounds(b[6]).1),
                _ => (0, 0),
            };
            let items = view::items(&state, &ctx.tr, &m, &f, from, to, false).await?;
            let next = schedule::next_month(first);
            let inside = items.iter().filter(|i| i.date >= first && i.date < next).count();
            v.summary = ctx
                .tr
                .tn("openness-events-count", "n", i64::try_from(inside).unwrap_or(i64::MAX));
            v.weeks = weeks
                .iter()
                .map(|w| {
                    w.iter()
                        .map(|d| view::day(&ctx.tr, *d, Some(first), today, &items))
                        .collect()
                })
                .collect();
            v.heading = view::month_title(&ctx.tr, first);
            let nav = |d: chrono::NaiveDate, id: &str| Nav {
                href: link(&[("vy", "manad".into()), ("manad", schedule::month_code(d))]),
                label: ctx.t(id),
                current: false,
            };
            v.previous = Some(nav(schedule::previous_month(first), "openness-events-previous-month"));
            v.next = Some(nav(next, "openness-events-next-month"));
            v.keep = vec![("vy", "manad".into()), ("manad", schedule::month_code(first))];
        }
        _ => {
            let items = view::items(&state, &ctx.tr, &m, &f, now, now + AHEAD_DAYS * 86_400, true).await?;
            let total = items.len();
            let pages = total.div_ceil(domain::PAGE_SIZE).max(1);
            let current = q
                .sida
                .as_deref()
                .and_then(|s| s.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, pages);
            v.summary = ctx
                .tr
                .tn("openness-events-count", "n", i64::try_from(total).unwrap_or(i64::MAX));
            v.rows = items
                .into_iter()
                .skip((current - 1) * domain::PAGE_SIZE)
                .take(domain::PAGE_SIZE)
                .collect();
            v.heading = ctx.t("openness-events-upcoming");
            let nav = |p: usize, id: &str| Nav {
                href: link(&[("sida", p.to_string())]),
                label: ctx.t(id),
                current: false,
            };
            v.previous = (current > 1).then(|| nav(current - 1, "openness-events-previous-page"));
            v.next = (current < pages).then(|| nav(current + 1, "openness-events-next-page"));
        }
    }
    if let Some(u) = ctx.user.as_ref() {
        if u.is_coordinator(m.id) || !u.represented_in(m.id).is_empty() {
            v.publish = Some(paths::event_new(&m.slug));
            v.mine = Some(paths::events_mine(&m.slug));
        }
        if u.is_coordinator(m.id) {
            v.review = Some(paths::events_review(&m.slug));
        }
    }
    html(&v)
}

/// Whether the visitor may see an event that is not (yet) public: its association's
/// representatives and the municipality's staff.
pub(super) fn may_see(ctx: &Ctx, m: &Municipality, e: &Event) -> bool {
    e.is_public()
        || ctx
            .user
            .as_ref()
            .is_some_and(|u| u.is_staff(m.id) || u.represents(e.organisation_id))
}

#[derive(Template)]
#[template(path = "openness_event.html")]
struct EventView {
    page: Page,
    e: Event,
    item: Item,
    /// The coming dates of a weekly event.
    dates: Vec<String>,
    json_ld: String,
    organiser_href: String,
    status: Option<String>,
    back: String,
    edit: Option<String>,
}

async fn show(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, Id(id): Id<EventId>) -> AppResult<Response> {
    let e = super::store::one(&state.db, m.id, id)
        .await?
        .filter(|e| may_see(&ctx, &m, e))
        .ok_or(AppError::NotFound("err-not-found"))?;
    let now = state.now();
    let all = e.schedule.occurrences(i64::MIN, i64::MAX);
    let coming: Vec<_> = all.iter().filter(|o| o.end > now).copied().collect();
    let Some(next) = coming.first().or(all.last()).copied() else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let base = state.config.base_url.trim_end_matches('/');
    let url = format!("{base}{}", paths::event(&m.slug, id));
    let organiser_href = format!("/{}/foreningar/{}", m.slug, e.organisation_id);
    let json_ld = view::json_ld(&e, next, &url, &format!("{base}{organiser_href}"));
    let item = view::event_item(&ctx.tr, &m.slug, &e, next);
    let editable = ctx
        .user
        .as_ref()
        .is_some_and(|u| u.is_coordinator(m.id) || u.represents(e.organisation_id));
    let status = (!e.is_public()).then(|| ctx.t(e.status.message_id()));
    html(&EventView {
        page: ctx
            .page_in(&m, e.title.clone())
            .via(paths::events(&m.slug), ctx.t("openness-events-title"))
            .described(format!("{} · {} · {}", item.when, item.place, e.organisation)),
        dates: if e.schedule.repeats() {
            coming.iter().take(26).map(|o| view::span(o.start, o.end).1).collect()
        } else {
            vec![]
        },
        json_ld,
        organiser_href,
        status,
        back: paths::events(&m.slug),
        edit: editable.then(|| paths::event_edit(&m.slug, id)),
        item,
        e,
    })
}

async fn ics(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<CalendarQuery>,
) -> AppResult<Response> {
    let f = q.filter();
    let now = state.now();
    let items = view::items(
        &state,
        &ctx.tr,
        &m,
        &f,
        now - BEHIND_DAYS * 86_400,
        now + AHEAD_DAYS * 86_400,
        false,
    )
    .await?;
    let mut name = ctx.tr.ta("openness-events-ics-name", &[("name", &m.name)]);
    if let Some(o) = f.organisation {
        if let Some((_, org)) = registry::public::organisation_names(&state.db, m.id, &[o]).await?.pop() {
            name = format!("{name}: {org}");
        }
    }
    if let Some(area) = &f.area {
        name = format!("{name}, {area}");
    }
    let base = state.config.base_url.trim_end_matches('/');
    Ok(platform::ics::response(
        view::ics(&name, base, &items, now),
        "evenemang.ics",
    ))
}
