//! The public pages of the event calendar: the list of what is coming (each event once, at its
//! next time; pages of `domain::PAGE_SIZE`), the week (a heading and a list per day) and the
//! month (a table with a caption, the weekdays as column headers and each day's events), all
//! with the same filters and search; a page per event with its schema.org JSON-LD; the
//! calendar as iCalendar to subscribe to, with the same filters.
//!
//! - `GET /{slug}/evenemang?vy=lista|vecka|manad&vecka=2026-W50&manad=2026-12&kategori=…&malgrupp=…&tillganglighet=1&forening=…&omrade=…&q=…&sida=…`
//! - `GET /{slug}/evenemang/{id}`: one event (waiting or declined: its association and staff only)
//! - `GET /{slug}/evenemang/kalender.ics?…`: the same filters; `?forening=` is one association's

use super::domain::{Audience, Category, Event, Filter};
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
/// How many items a day of the month's table and of the week shows; a day with more links to
/// its own page (`?vy=dag&dag=`), which pages through them.
const MONTH_PER_DAY: usize = 3;
const WEEK_PER_DAY: usize = 20;
/// The last page the list and a day go to (each page reads the ones before it).
const MAX_PAGE: usize = 50;
/// The most associations the filter lists.
const ORGANISATION_CHOICES: i64 = 30;

/// The calendar's query string.
#[derive(Deserialize, Default)]
pub(super) struct CalendarQuery {
    vy: Option<String>,
    vecka: Option<String>,
    manad: Option<String>,
    dag: Option<String>,
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
    // A long list of associations is no choice: past `ORGANISATION_CHOICES` the search finds
    // them by name, and the list holds only the one chosen (from an association's page).
    let listed = match registry::public::organisation_choices_upto(&state.db, m.id, ORGANISATION_CHOICES).await? {
        Some(all) => all,
        None => match f.organisation {
            Some(o) => registry::public::organisation_names(&state.db, m.id, &[o]).await?,
            None => vec![],
        },
    };
    organisations.extend(listed.into_iter().map(|(id, name)| Choice {
        value: id.to_string(),
        label: name,
        on: f.organisation == Some(id),
    }));
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
        Some("dag") => "dag",
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
    let labels = view::Labels::new(&ctx.tr);
    let names = view::Names::new(&ctx.tr);
    let page_no = q
        .sida
        .as_deref()
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_PAGE);
    let day_link = |d: chrono::NaiveDate| link(&[("vy", "dag".into()), ("dag", d.format("%Y-%m-%d").to_string())]);
    match mode {
        "vecka" => {
            let monday = q
                .vecka
                .as_deref()
                .and_then(schedule::parse_week)
                .unwrap_or_else(|| schedule::monday_of(today));
            let end = monday + Duration::days(7);
            let dates: Vec<_> = (0..7).map(|i| monday + Duration::days(i)).collect();
            let mut shown = view::first_of_days(&state, &ctx.tr, &labels, &m, &f, &dates, WEEK_PER_DAY).await?;
            v.days = dates
                .iter()
                .map(|d| {
                    let (items, more) = shown.remove(d).unwrap_or_default();
                    view::day(&names, *d, None, today, items, more.then(|| day_link(*d)))
                })
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
            let next = schedule::next_month(first);
            let dates: Vec<_> = weeks
                .iter()
                .flatten()
                .copied()
                .filter(|d| *d >= first && *d < next)
                .collect();
            let mut shown = view::first_of_days(&state, &ctx.tr, &labels, &m, &f, &dates, MONTH_PER_DAY).await?;
            v.weeks = weeks
                .iter()
                .map(|w| {
                    w.iter()
                        .map(|d| {
                            let (items, more) = shown.remove(d).unwrap_or_default();
                            view::day(&names, *d, Some(first), today, items, more.then(|| day_link(*d)))
                        })
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
        "dag" => {
            let date = q
                .dag
                .as_deref()
                .and_then(|s| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
                .filter(|d| (2000..=2200).contains(&d.year()))
                .unwrap_or(today);
            let (rows, more) = view::of_day(&state, &ctx.tr, &labels, &m, &f, date, page_no).await?;
            v.rows = rows;
            v.heading = format!(
                "{} {}",
                view::day(&names, date, None, today, vec![], None).heading,
                date.year()
            );
            let code = date.format("%Y-%m-%d").to_string();
            let nav = |p: usize, id: &str| Nav {
                href: link(&[("vy", "dag".into()), ("dag", code.clone()), ("sida", p.to_string())]),
                label: ctx.t(id),
                current: false,
            };
            v.previous = (page_no > 1).then(|| nav(page_no - 1, "openness-events-previous-page"));
            v.next = more.then(|| nav(page_no + 1, "openness-events-next-page"));
            v.keep = vec![("vy", "dag".into()), ("dag", code.clone())];
        }
        _ => {
            let last = today + Duration::days(AHEAD_DAYS);
            let (rows, more) = view::coming(&state, &ctx.tr, &labels, &m, &f, now, last, page_no).await?;
            v.rows = rows;
            v.heading = ctx.t("openness-events-upcoming");
            let nav = |p: usize, id: &str| Nav {
                href: link(&[("sida", p.to_string())]),
                label: ctx.t(id),
                current: false,
            };
            v.previous = (page_no > 1).then(|| nav(page_no - 1, "openness-events-previous-page"));
            v.next = more.then(|| nav(page_no + 1, "openness-events-next-page"));
        }
    }
    if v.rows.is_empty() && matches!(mode, "lista" | "dag") {
        v.summary = ctx.tr.tn("openness-events-count", "n", 0);
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
    let item = view::event_item(&ctx.tr, &view::Labels::new(&ctx.tr), &m.slug, &e, next);
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
