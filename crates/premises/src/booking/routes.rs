//! Booking a room, and what follows: a booking's page, the booker's list, cancellation, and the
//! owner's answers to requests.
//!
//! - `GET|POST /{slug}/lokaler/rum/{id}/boka`: book (signed in); weekly with exception dates
//! - `GET /{slug}/lokaler/bokningar`: my bookings
//! - `GET /{slug}/lokaler/bokningar/{id}` (+ `/bokning.ics`): a booking (booker or owner)
//! - `POST /{slug}/lokaler/bokningar/{id}/avboka`: cancel one or the rest of the series
//! - `GET /{slug}/lokaler/hantera`: requests to answer; `POST …/bokningar/{id}/beslut`

use super::mail::Letters;
use super::store::{self, BookError, Booking, BookingInput, Scope};
use crate::domain::{self, BookerKind, Slot, SlotProblem, Status};
use crate::inventory::store::Room;
use crate::routes::{base, get_room, id_of};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use platform::auth::{require_user, CurrentUser, RoleKind};
use platform::ctx::{Ctx, Input};
use platform::db;
use platform::error::{AppError, AppResult};
use platform::format;
use platform::layout::{html, html_status, Field, FieldKind, Form, FormPage, Page};
use platform::tenants::{Municipality, Tenant};
use platform::web::Routes;
use platform::{AppState, OrganisationId};
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/lokaler/rum/{id}/boka", get(book_page).post(book_save))
        .route("/{slug}/lokaler/bokningar", get(mine_page))
        .route("/{slug}/lokaler/bokningar/{id}", get(booking_page))
        .route("/{slug}/lokaler/bokningar/{id}/bokning.ics", get(booking_ics))
        .route("/{slug}/lokaler/bokningar/{id}/avboka", post(cancel_save))
        .route("/{slug}/lokaler/bokningar/{id}/beslut", post(decide_save))
        .route("/{slug}/lokaler/hantera", get(requests_page))
}

// --- The booking form ---

#[derive(serde::Deserialize, Default, Clone)]
#[serde(default)]
struct BookForm {
    datum: String,
    fran: String,
    till: String,
    personer: String,
    syfte: String,
    bokare: String,
    namn: String,
    upprepa_till: String,
    undantag: String,
    /// "on": shown in the shared event calendar under `offentlig_titel`.
    offentlig: String,
    offentlig_titel: String,
}

/// Who the user may book as: the organisations of this municipality they represent (another
/// municipality's association does not get this one's association price), a private person, a
/// company (only the kinds the room takes).
fn booker_options(ctx: &Ctx, user: &CurrentUser, m: &Municipality, room: &Room) -> Vec<(String, String)> {
    let mut v = vec![];
    if room.prices.association.is_some() {
        for r in &user.roles {
            if let (RoleKind::Representative, Some(id), Some(name), Some(at)) = (
                r.kind,
                r.organisation_id,
                r.organisation_name.as_ref(),
                r.municipality_id,
            ) {
                if at != m.id {
                    continue;
                }
                v.push((format!("org:{id}"), name.clone()));
            }
        }
    }
    for k in [BookerKind::Private, BookerKind::Company] {
        if room.prices.for_kind(k).is_some() {
            v.push((k.as_str().to_string(), ctx.t(k.message_id())));
        }
    }
    v
}

fn book_form(ctx: &Ctx, action: String, options: Vec<(String, String)>, f: &BookForm) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut form = Form::new(
        action,
        t("premises-submit-book"),
        vec![
            Field::new("datum", t("premises-field-date"), FieldKind::Date).required(),
            Field::new("fran", t("premises-field-from"), FieldKind::Text)
                .required()
                .hint(t("premises-field-time-hint")),
            Field::new("till", t("premises-field-to"), FieldKind::Text)
                .required()
                .hint(t("premises-field-time-hint")),
            Field::new("personer", t("premises-field-people"), FieldKind::Number).required(),
            Field::new("bokare", t("premises-field-booker"), FieldKind::Select)
                .required()
                .options(options),
            Field::new("namn", t("premises-field-name"), FieldKind::Text)
                .hint(t("premises-field-name-hint"))
                .autocomplete("name"),
            Field::new("syfte", t("premises-field-purpose"), FieldKind::TextArea)
                .hint(t("premises-field-purpose-hint")),
            Field::new("upprepa_till", t("premises-field-repeat"), FieldKind::Date)
                .hint(t("premises-field-repeat-hint")),
            Field::new("undantag", t("premises-field-exceptions"), FieldKind::TextArea)
                .hint(t("premises-field-exceptions-hint")),
            Field::new("offentlig", t("premises-field-public"), FieldKind::Checkbox)
                .hint(t("premises-field-public-hint")),
            Field::new("offentlig_titel", t("premises-field-public-title"), FieldKind::Text)
                .hint(t("premises-field-public-title-hint")),
        ],
    );
    form.fill(|k| {
        Some(
            match k {
                "datum" => &f.datum,
                "fran" => &f.fran,
                "till" => &f.till,
                "personer" => &f.personer,
                "syfte" => &f.syfte,
                "bokare" => &f.bokare,
                "namn" => &f.namn,
                "upprepa_till" => &f.upprepa_till,
                "undantag" => &f.undantag,
                "offentlig" => &f.offentlig,
                "offentlig_titel" => &f.offentlig_titel,
                _ => return None,
            }
            .clone(),
        )
    });
    form
}

fn room_intro(ctx: &Ctx, room: &Room) -> Vec<String> {
    let mut v = vec![
        format!("{}, {}", room.full_name(), room.address),
        ctx.tr.ta("premises-capacity", &[("n", &room.capacity)]),
        ctx.t(room.mode.message_id()),
    ];
    if room.buffer_minutes > 0 {
        v.push(ctx.tr.ta("premises-buffer-minutes", &[("n", &room.buffer_minutes)]));
    }
    v
}

async fn render_book(ctx: &Ctx, m: &Municipality, room: &Room, form: Form, status: StatusCode) -> AppResult<Response> {
    let room_href = format!("{}/rum/{}", base(m), room.id);
    let mut p = FormPage::new(
        ctx.page_in(m, ctx.tr.ta("premises-book-title", &[("room", &room.full_name())]))
            .via(room_href.clone(), room.full_name()),
    );
    p.intro = room_intro(ctx, room);
    p.form = Some(form);
    p.links = vec![(room_href, ctx.t("premises-back-to-room"))];
    html_status(status, &p)
}

async fn book_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let room = get_room(&state, &m, &id).await?;
    if room.retired_at.is_some() {
        return Err(AppError::NotFound("premises-err-retired"));
    }
    let options = booker_options(&ctx, user, &m, &room);
    if options.is_empty() {
        return Err(AppError::Forbidden);
    }
    let f = BookForm {
        datum: q.get("datum").cloned().unwrap_or_default(),
        fran: q.get("fran").cloned().unwrap_or_default(),
        till: q.get("till").cloned().unwrap_or_default(),
        personer: String::new(),
        namn: user.name.clone(),
        ..BookForm::default()
    };
    let action = format!("{}/rum/{}/boka", base(&m), room.id);
    render_book(&ctx, &m, &room, book_form(&ctx, action, options, &f), StatusCode::OK).await
}

/// A booking form that passed: the slots, who books, and whether it repeats weekly.
type Checked = (Vec<Slot>, BookingInput, bool);

/// Check the form against the room's rules: the slots to book and who books, or the problems
/// as (field, message).
fn check(
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Municipality,
    room: &Room,
    f: &BookForm,
    now: i64,
) -> Result<Checked, Vec<(&'static str, String)>> {
    let mut errs: Vec<(&'static str, String)> = vec![];
    let date = domain::parse_date(&f.datum);
    if date.is_none() {
        errs.push(("datum", ctx.t("premises-err-date")));
    }
    let from = domain::minutes(&f.fran);
    if from.is_none() {
        errs.push(("fran", ctx.t("premises-err-time")));
    }
    let to = domain::minutes(&f.till);
    if to.is_none() {
        errs.push(("till", ctx.t("premises-err-time")));
    }
    if let (Some(a), Some(b)) = (from, to) {
        if b <= a {
            errs.push(("till", ctx.t("premises-err-end-before-start")));
        }
    }
    let people = match f.personer.trim().parse::<i64>() {
        Ok(n) if n >= 1 && n <= room.capacity => n,
        Ok(n) if n > room.capacity => {
            errs.push(("personer", ctx.tr.ta("premises-err-too-many", &[("n", &room.capacity)])));
            0
        }
        _ => {
            errs.push(("personer", ctx.t("premises-err-people")));
            0
        }
    };
    let (kind, organisation_id, org_name) = match f.bokare.as_str() {
        s if s.starts_with("org:") => {
            let id = s[4..].parse::<OrganisationId>().ok();
            let role = user.roles.iter().find(|r| {
                r.kind == RoleKind::Representative
                    && r.organisation_id == id
                    && id.is_some()
                    && r.municipality_id == Some(m.id)
            });
            match role {
                Some(r) if room.prices.association.is_some() => {
                    (Some(BookerKind::Association), id, r.organisation_name.clone())
                }
                _ => (None, None, None),
            }
        }
        s => (
            BookerKind::parse(s).filter(|k| *k != BookerKind::Association && room.prices.for_kind(*k).is_some()),
            None,
            None,
        ),
    };
    if kind.is_none() {
        errs.push(("bokare", ctx.t("premises-err-booker")));
    }
    let purpose = platform::rules::text(&f.syfte, 2000).unwrap_or_default();
    if f.syfte.chars().count() > 2000 {
        errs.push(("syfte", ctx.t("premises-err-too-long")));
    }
    let name = match (&org_name, f.namn.trim()) {
        (Some(o), _) => o.clone(),
        (None, "") => user.name.clone(),
        (None, n) => n.chars().take(200).collect(),
    };
    let last = if f.upprepa_till.trim().is_empty() {
        None
    } else {
        match domain::parse_date(&f.upprepa_till) {
            Some(d) => Some(d),
            None => {
                errs.push(("upprepa_till", ctx.t("premises-err-date")));
                None
            }
        }
    };
    let exceptions = match domain::parse_dates(&f.undantag) {
        Ok(v) => v,
        Err(bad) => {
            errs.push(("undantag", ctx.tr.ta("premises-err-exception-date", &[("date", &bad)])));
            vec![]
        }
    };
    if !exceptions.is_empty() && last.is_none() {
        errs.push(("undantag", ctx.t("premises-err-exceptions-without-series")));
    }
    let public_title = match super::domain::public_title(f.offentlig == "on", &f.offentlig_titel) {
        Ok(t) => t,
        Err(p) => {
            errs.push((
                "offentlig_titel",
                ctx.t(match p {
                    super::domain::PublicTitle::Missing => "premises-err-public-title",
                    super::domain::PublicTitle::Bad => "premises-err-public-title-bad",
                }),
            ));
            None
        }
    };
    if !errs.is_empty() {
        return Err(errs);
    }
    let (Some(date), Some(from), Some(to), Some(kind)) = (date, from, to, kind) else {
        return Err(vec![("datum", ctx.t("premises-err-date"))]);
    };
    let slots = match last {
        None => domain::slot(date, from, to, room.buffer_minutes, &room.hours).map(|s| vec![s]),
        Some(last) => domain::weekly(date, last, from, to, &exceptions, room.buffer_minutes, &room.hours)
            .map_err(|mut v| v.remove(0)),
    };
    let slots = match slots {
        Ok(s) => s,
        Err(p) => return Err(vec![slot_problem(ctx, &p)]),
    };
    if slots.iter().any(|s| s.starts_at < now) {
        return Err(vec![("datum", ctx.t("premises-err-past"))]);
    }
    Ok((
        slots,
        BookingInput {
            user_id: Some(user.id),
            organisation_id,
            kind,
            booker_name: name,
            email: user.email.clone(),
            purpose,
            attendees: people,
            public_title,
        },
        last.is_some(),
    ))
}

fn slot_problem(ctx: &Ctx, p: &SlotProblem) -> (&'static str, String) {
    match p {
        SlotProblem::BadSpan => ("till", ctx.t("premises-err-span")),
        SlotProblem::Skipped(d) => ("fran", ctx.tr.ta("premises-err-skipped", &[("date", d)])),
        SlotProblem::Closed(d) => ("fran", ctx.tr.ta("premises-err-closed", &[("date", d)])),
        SlotProblem::Past => ("datum", ctx.t("premises-err-past")),
        SlotProblem::BadPeriod => ("upprepa_till", ctx.t("premises-err-period")),
        SlotProblem::BadException(d) => ("undantag", ctx.tr.ta("premises-err-exception", &[("date", d)])),
        SlotProblem::Empty => ("undantag", ctx.t("premises-err-all-excepted")),
    }
}

async fn book_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<BookForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let room = get_room(&state, &m, &id).await?;
    if room.retired_at.is_some() {
        return Err(AppError::NotFound("premises-err-retired"));
    }
    let options = booker_options(&ctx, user, &m, &room);
    if options.is_empty() {
        return Err(AppError::Forbidden);
    }
    let action = format!("{}/rum/{}/boka", base(&m), room.id);
    let mut form = book_form(&ctx, action, options, &f);
    let (slots, input, weekly) = match check(&ctx, user, &m, &room, &f, state.now()) {
        Ok(v) => v,
        Err(errs) => {
            for (field, msg) in errs {
                form.error(field, msg);
            }
            return render_book(&ctx, &m, &room, form, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let letters = Letters::new(&state, &m.slug);
    // A weekly booking is a series when it has more than one date or leaves dates out.
    let series = weekly && (slots.len() > 1 || f.undantag.split([',', '\n', ';', ' ']).any(|s| !s.trim().is_empty()));
    let now = state.now();
    let private = (input.kind == BookerKind::Private).then_some(user.id);
    // The limits, the bookings and their letters in one transaction; tried again (a few times)
    // when PostgreSQL fails it for a deadlock or a serialization failure with another writer.
    let mut attempt = 1;
    let booked = loop {
        let tried = db::write(&state.db, now, async |tx| {
            if let Some(user_id) = private {
                store::check_private(tx, m.id, user_id, &slots, now).await?;
            }
            let (booked, change) = store::book(tx, m.id, &room, &input, &slots, series, now).await?;
            super::mail::booked(tx, &letters, m.id, &room, &input, &booked.times, booked.status, now).await?;
            Ok::<_, BookError>((booked, change))
        })
        .await;
        match tried {
            Err(BookError::Db(e)) if store::is_transient(&e) && attempt < store::ATTEMPTS => {
                tracing::info!(attempt, error = %e, "premises: booking tried again");
                attempt += 1;
            }
            done => break done,
        }
    };
    match booked {
        Ok(booked) => {
            state.jobs_wakeup.notify_one();
            let first = booked.first_id().ok_or(AppError::BadRequest("err-bad-form"))?;
            Ok(Redirect::to(&format!("{}/bokningar/{first}?ny=1", base(&m))).into_response())
        }
        Err(BookError::Taken(dates)) => {
            let dates = dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
            form.error("datum", ctx.tr.ta("premises-err-taken", &[("dates", &dates)]));
            render_book(&ctx, &m, &room, form, StatusCode::CONFLICT).await
        }
        Err(BookError::Limit(limit)) => {
            form.error("datum", limit.message(&ctx.tr));
            render_book(&ctx, &m, &room, form, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(BookError::Db(e)) => Err(e.into()),
    }
}

// --- A booking ---

async fn get_booking(state: &AppState, m: &Municipality, id: &str) -> AppResult<Booking> {
    store::booking(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

/// The booker and the room's owner may see and cancel a booking; only the owner decides.
fn may_see(user: &CurrentUser, m: &Municipality, b: &Booking) -> bool {
    b.user_id == Some(user.id) || crate::inventory::domain::manages(user, m.id, b.organisation_id)
}

#[derive(Template)]
#[template(path = "premises_booking.html")]
struct BookingPage {
    page: Page,
    notice: Option<String>,
    /// (label, value)
    facts: Vec<(String, String)>,
    status: String,
    reason: String,
    /// Other times of the series: (when, status)
    series: Vec<(String, String)>,
    ics: String,
    cancel: Option<String>,
    can_cancel_series: bool,
    decide: Option<String>,
    links: Vec<(String, String)>,
}

fn when(b: &Booking) -> String {
    format!(
        "{} {}–{}",
        format::date(b.starts_at),
        domain::clock(b.starts_at),
        domain::clock_end(b.ends_at)
    )
}

async fn booking_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let b = get_booking(&state, &m, &id).await?;
    if !may_see(user, &m, &b) {
        return Err(AppError::NotFound("err-not-found"));
    }
    let series = match b.series_id {
        Some(s) => store::series_bookings(&state.db, m.id, s).await?,
        None => vec![],
    };
    let notice = q.contains_key("ny").then(|| {
        ctx.t(match b.status {
            Status::Confirmed => "premises-done-booked",
            _ => "premises-done-requested",
        })
    });
    let mut facts = vec![
        (
            ctx.t("premises-label-room"),
            format!("{}, {}", b.room_name, b.premises_name),
        ),
        (ctx.t("premises-label-when"), when(&b)),
        (
            ctx.t("premises-label-booker"),
            format!("{} ({})", b.booker_name, ctx.t(b.booker_kind.message_id())),
        ),
        (ctx.t("premises-label-people"), b.attendees.to_string()),
    ];
    if !b.purpose.is_empty() {
        facts.push((ctx.t("premises-label-purpose"), b.purpose.clone()));
    }
    facts.push((
        ctx.t("premises-label-public"),
        match &b.public_title {
            Some(t) => ctx.tr.ta("premises-public-yes", &[("title", t)]),
            None => ctx.t("premises-public-no"),
        },
    ));
    let active = b.status.is_active() && b.ends_at > state.now();
    let here = format!("{}/bokningar/{}", base(&m), b.id);
    let manages = crate::inventory::domain::manages(user, m.id, b.organisation_id);
    html(&BookingPage {
        page: ctx.page_in(&m, ctx.tr.ta("premises-booking-title", &[("room", &b.room_name)])),
        notice,
        facts,
        status: ctx.t(b.status.message_id()),
        reason: b.reason.clone(),
        series: series
            .iter()
            .filter(|x| x.id != b.id)
            .map(|x| (when(x), ctx.t(x.status.message_id())))
            .collect(),
        ics: format!("{here}/bokning.ics"),
        cancel: active.then(|| format!("{here}/avboka")),
        can_cancel_series: active && b.series_id.is_some(),
        decide: (manages && b.status == Status::Requested).then(|| format!("{here}/beslut")),
        links: vec![
            (format!("{}/bokningar", base(&m)), ctx.t("premises-my-bookings")),
            (
                format!("{}/rum/{}", base(&m), b.room_id),
                ctx.t("premises-back-to-room"),
            ),
        ],
    })
}

async fn booking_ics(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let b = get_booking(&state, &m, &id).await?;
    if !may_see(user, &m, &b) {
        return Err(AppError::NotFound("err-not-found"));
    }
    let letters = Letters::new(&state, &m.slug);
    let place = format!("{}, {}", b.room_name, b.premises_name);
    let event = letters.event(b.id, b.starts_at, b.ends_at, &place, &place, !b.status.is_active());
    let body = platform::ics::calendar(&place, &[event], state.now());
    Ok(platform::ics::response(body, "bokning.ics"))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct CancelForm {
    omfattning: String,
}

async fn cancel_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<CancelForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let b = get_booking(&state, &m, &id).await?;
    if !may_see(user, &m, &b) {
        return Err(AppError::NotFound("err-not-found"));
    }
    if b.ends_at <= state.now() {
        return Err(AppError::BadRequest("premises-err-past"));
    }
    let scope = if f.omfattning == "serie" {
        Scope::Series
    } else {
        Scope::One
    };
    let letters = Letters::new(&state, &m.slug);
    let now = state.now();
    db::write(&state.db, now, async |tx| {
        let (changed, change) = store::cancel(tx, m.id, &b, scope, user, now).await?;
        if changed.n > 0 {
            super::mail::changed(tx, &letters, m.id, &b, &changed.ids, Status::Cancelled, "", now).await?;
        }
        Ok::<_, sqlx::Error>(((), change))
    })
    .await?;
    state.jobs_wakeup.notify_one();
    Ok(Redirect::to(&format!("{}/bokningar/{}", base(&m), b.id)).into_response())
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DecideForm {
    beslut: String,
    skal: String,
}

async fn decide_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<DecideForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let b = get_booking(&state, &m, &id).await?;
    if !crate::inventory::domain::manages(user, m.id, b.organisation_id) {
        return Err(if b.user_id == Some(user.id) {
            AppError::Forbidden
        } else {
            AppError::NotFound("err-not-found")
        });
    }
    let approve = match f.beslut.as_str() {
        "godkann" => true,
        "avsla" => false,
        _ => return Err(AppError::BadRequest("err-bad-form")),
    };
    let reason = f.skal.trim();
    if !approve && reason.is_empty() {
        return render_requests(&state, &ctx, &m, user, Some((b.id, ctx.t("premises-err-reason"))), None).await;
    }
    let reason: String = reason.chars().take(1000).collect();
    let letters = Letters::new(&state, &m.slug);
    let now = state.now();
    let to = if approve { Status::Confirmed } else { Status::Rejected };
    let n = db::write(&state.db, now, async |tx| {
        let (changed, change) = store::decide(tx, m.id, &b, approve, &reason, user, now).await?;
        if changed.n > 0 {
            super::mail::changed(tx, &letters, m.id, &b, &changed.ids, to, &reason, now).await?;
        }
        Ok::<_, sqlx::Error>((changed.n, change))
    })
    .await?;
    state.jobs_wakeup.notify_one();
    let notice = ctx.tr.ta(
        if approve {
            "premises-done-approved"
        } else {
            "premises-done-rejected"
        },
        &[("n", &n), ("name", &b.booker_name)],
    );
    render_requests(&state, &ctx, &m, user, None, Some(notice)).await
}

// --- Requests to answer, and the booker's own list ---

struct Request {
    id: i64,
    href: String,
    room: String,
    when: String,
    booker: String,
    people: i64,
    purpose: String,
    series: bool,
    action: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "premises_requests.html")]
struct RequestsPage {
    page: Page,
    notice: Option<String>,
    requests: Vec<Request>,
    links: Vec<(String, String)>,
}

async fn render_requests(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    user: &CurrentUser,
    error: Option<(i64, String)>,
    notice: Option<String>,
) -> AppResult<Response> {
    let orgs: Vec<OrganisationId> = user
        .roles
        .iter()
        .filter(|r| r.kind == RoleKind::Representative)
        .filter_map(|r| r.organisation_id)
        .collect();
    let staff = user.is_staff(m.id);
    if !staff && orgs.is_empty() {
        return Err(AppError::Forbidden);
    }
    // A coordinator manages every association's premises too (`inventory::domain::manages`).
    let coordinator = user.is_coordinator(m.id);
    let all = store::requests(&state.db, m.id, staff, coordinator, &orgs).await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut links = vec![(base(m), ctx.t("premises-title"))];
    links.push((
        format!("{}/hantera/lokaler", base(m)),
        ctx.t("premises-manage-premises"),
    ));
    links.push((format!("{}/sasong", base(m)), ctx.t("premises-seasons-link")));
    html_status(
        status,
        &RequestsPage {
            page: ctx.page_in(m, ctx.t("premises-requests-title")),
            notice,
            requests: all
                .iter()
                .map(|b| Request {
                    id: b.id,
                    href: format!("{}/bokningar/{}", base(m), b.id),
                    room: format!("{}, {}", b.room_name, b.premises_name),
                    when: when(b),
                    booker: format!("{} ({})", b.booker_name, ctx.t(b.booker_kind.message_id())),
                    people: b.attendees,
                    purpose: b.purpose.clone(),
                    series: b.series_id.is_some(),
                    action: format!("{}/bokningar/{}/beslut", base(m), b.id),
                    error: error.as_ref().filter(|(id, _)| *id == b.id).map(|(_, e)| e.clone()),
                })
                .collect(),
            links,
        },
    )
}

async fn requests_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    render_requests(&state, &ctx, &m, user, None, None).await
}

#[derive(Template)]
#[template(path = "premises_mine.html")]
struct MinePage {
    page: Page,
    /// (href, room, when, status)
    bookings: Vec<(String, String, String, String)>,
    search: String,
}

async fn mine_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let all = store::bookings_of_user(&state.db, m.id, user.id, state.now() - 86400).await?;
    html(&MinePage {
        page: ctx.page_in(&m, ctx.t("premises-my-bookings")),
        bookings: all
            .iter()
            .map(|b| {
                (
                    format!("{}/bokningar/{}", base(&m), b.id),
                    format!("{}, {}", b.room_name, b.premises_name),
                    when(b),
                    ctx.t(b.status.message_id()),
                )
            })
            .collect(),
        search: base(&m),
    })
}
