//! Associations publish their events (their representatives; the coordinator for any
//! association): the form, the change of an event (only its own association's, or the
//! coordinator), and the association's own list with each event's status. A new or changed
//! event of an association the coordinator does not trust waits for moderation.
//!
//! - `GET|POST /{slug}/evenemang/nytt`: publish one
//! - `GET|POST /{slug}/evenemang/{id}/andra`: change one
//! - `GET /{slug}/evenemang/mina`: the association's events

use super::domain::{self, Audience, Category, Checked, Event, Status, Typed};
use super::store::{self, Saver, StoreError};
use super::view;
use crate::ids::EventId;
use crate::paths;
use platform::web::prelude::*;
use premises::public::{Room, RoomId};
use serde::{Deserialize, Serialize};

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/evenemang/nytt", get(new).post(add))
        .route("/{slug}/evenemang/mina", get(mine))
        .route("/{slug}/evenemang/{id}/andra", get(edit).post(save))
}

/// What just happened, carried in `?klart=` after a redirect (a fixed list, never free text).
#[derive(Deserialize, Default)]
pub(super) struct Done {
    klart: Option<String>,
}

impl Done {
    pub(super) fn message(&self, ctx: &Ctx) -> Option<String> {
        let id = match self.klart.as_deref()? {
            "publicerat" => "openness-events-done-published",
            "granskas" => "openness-events-done-pending",
            "godkant" => "openness-events-done-approved",
            "avslaget" => "openness-events-done-declined",
            "redan" => "openness-events-done-already",
            "betrodd" => "openness-events-done-trusted",
            _ => return None,
        };
        Some(ctx.t(id))
    }
}

/// The associations the person may publish for: the coordinator any of the municipality's,
/// a representative their own. None: not allowed here (a 403, or a login first).
async fn publishers(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
) -> AppResult<(Vec<(OrganisationId, String)>, Saver)> {
    let user = require_user(ctx.user.as_ref())?;
    if user.is_coordinator(m.id) {
        return Ok((
            registry::public::organisation_choices(&state.db, m.id).await?,
            Saver::Coordinator,
        ));
    }
    let own = user.represented_in(m.id);
    if own.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok((own, Saver::Association))
}

fn fields(ctx: &Ctx, orgs: &[(OrganisationId, String)], places: &Places) -> Vec<Field> {
    let rooms = &places.rooms;
    let select = |name: &str, label: &str, options: Vec<(String, String)>| {
        Field::new(name, ctx.t(label), FieldKind::Select).options(options)
    };
    let text = |name: &str, label: &str, max: usize| Field::new(name, ctx.t(label), FieldKind::Text).max_len(max);
    let mut room_choices = vec![(String::new(), ctx.t("openness-events-no-room"))];
    room_choices.extend(rooms.iter().map(|r| (r.id.to_string(), r.place())));
    let mut v = vec![];
    let org_choices: Vec<(String, String)> = orgs.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
    v.push(select("organisation", "openness-events-field-organisation", org_choices).required());
    v.push(text("title", "openness-events-field-title", domain::TITLE_MAX).required());
    v.push(
        Field::new(
            "description",
            ctx.t("openness-events-field-description"),
            FieldKind::TextArea,
        )
        .max_len(domain::DESCRIPTION_MAX),
    );
    v.push(
        text("starts_on", "openness-events-field-starts-on", 10)
            .required()
            .hint(ctx.t("openness-events-hint-date")),
    );
    v.push(
        text("start_time", "openness-events-field-start-time", 5)
            .required()
            .hint(ctx.t("openness-events-hint-time")),
    );
    v.push(
        text("end_time", "openness-events-field-end-time", 5)
            .required()
            .hint(ctx.t("openness-events-hint-time")),
    );
    v.push(text("ends_on", "openness-events-field-ends-on", 10).hint(ctx.t("openness-events-hint-ends-on")));
    v.push(
        text("repeat_until", "openness-events-field-repeat-until", 10).hint(ctx.t("openness-events-hint-repeat-until")),
    );
    v.push(text("skipped", "openness-events-field-skipped", 400).hint(ctx.t("openness-events-hint-skipped")));
    v.push(text("place", "openness-events-field-place", domain::LINE_MAX).hint(ctx.t("openness-events-hint-place")));
    if !rooms.is_empty() {
        v.push(select("room", "openness-events-field-room", room_choices).hint(ctx.t("openness-events-hint-room")));
    }
    if !places.areas.is_empty() {
        let mut areas = vec![(String::new(), ctx.t("openness-events-no-area"))];
        areas.extend(places.areas.iter().map(|a| (a.clone(), a.clone())));
        v.push(select("area", "openness-events-field-area", areas).hint(ctx.t("openness-events-hint-area")));
    }
    v.push(
        text("accessibility", "openness-events-field-accessibility", domain::LINE_MAX)
            .hint(ctx.t("openness-events-hint-accessibility")),
    );
    v.push(
        select(
            "audience",
            "openness-events-field-audience",
            Audience::ALL
                .iter()
                .map(|a| (a.as_str().to_string(), ctx.t(a.message_id())))
                .collect(),
        )
        .required(),
    );
    v.push(
        select(
            "category",
            "openness-events-field-category",
            Category::ALL
                .iter()
                .map(|c| (c.as_str().to_string(), ctx.t(c.message_id())))
                .collect(),
        )
        .required(),
    );
    v.push(text("price", "openness-events-field-price", domain::LINE_MAX).hint(ctx.t("openness-events-hint-price")));
    v.push(text("link", "openness-events-field-link", 1_000).hint(ctx.t("openness-events-hint-link")));
    v.push(
        text("registration_link", "openness-events-field-registration-link", 1_000)
            .hint(ctx.t("openness-events-hint-link")),
    );
    v
}

/// An event, as posted.
#[derive(Deserialize, Serialize, Default)]
struct Posted {
    organisation: Option<String>,
    title: Option<String>,
    description: Option<String>,
    starts_on: Option<String>,
    start_time: Option<String>,
    ends_on: Option<String>,
    end_time: Option<String>,
    repeat_until: Option<String>,
    skipped: Option<String>,
    place: Option<String>,
    room: Option<String>,
    accessibility: Option<String>,
    audience: Option<String>,
    category: Option<String>,
    price: Option<String>,
    link: Option<String>,
    registration_link: Option<String>,
    area: Option<String>,
}

fn t(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// Check what was posted; the place of a chosen room is the room's. On errors, the form filled
/// with what was typed and the reasons beside the fields.
fn read(
    ctx: &Ctx,
    mut form: Form,
    p: &Posted,
    orgs: &[(OrganisationId, String)],
    places: &Places,
) -> Result<Checked, Form> {
    let rooms = &places.rooms;
    form.fill_from(p);
    let typed = Typed {
        organisation: t(&p.organisation),
        title: t(&p.title),
        description: t(&p.description),
        starts_on: t(&p.starts_on),
        start_time: t(&p.start_time),
        ends_on: t(&p.ends_on),
        end_time: t(&p.end_time),
        repeat_until: t(&p.repeat_until),
        skipped: t(&p.skipped),
        place: t(&p.place),
        room: t(&p.room),
        accessibility: t(&p.accessibility),
        audience: t(&p.audience),
        category: t(&p.category),
        price: t(&p.price),
        link: t(&p.link),
        registration_link: t(&p.registration_link),
        area: t(&p.area),
    };
    let org_ids: Vec<OrganisationId> = orgs.iter().map(|o| o.0).collect();
    let room_ids: Vec<RoomId> = rooms.iter().map(|r| r.id).collect();
    match domain::check(&typed, &org_ids, &room_ids, &places.areas) {
        Ok(mut c) => {
            if let Some(r) = c.room_id.and_then(|id| rooms.iter().find(|r| r.id == id)) {
                if c.place.is_empty() {
                    c.place = r.place();
                }
            }
            Ok(c)
        }
        Err(errors) => {
            crate::problem::mark(&mut form, &ctx.tr, errors);
            Err(form)
        }
    }
}

#[derive(Template)]
#[template(path = "openness_event_form.html")]
struct FormView {
    page: Page,
    intro: String,
    form: Form,
    back: String,
}

fn form_page(ctx: &Ctx, m: &Municipality, title: String, intro: String, form: Form) -> AppResult<Response> {
    html_status(
        form.status(),
        &FormView {
            page: ctx
                .page_in(m, title)
                .via(paths::events(&m.slug), ctx.t("openness-events-title")),
            intro,
            form,
            back: paths::events(&m.slug),
        },
    )
}

/// Where an event may be: the municipality's rooms, and the areas its premises are in.
struct Places {
    rooms: Vec<Room>,
    areas: Vec<String>,
}

async fn places(state: &AppState, m: &Municipality) -> AppResult<Places> {
    Ok(Places {
        rooms: premises::public::rooms(&state.db, m.id).await?,
        areas: premises::public::areas(&state.db, m.id).await?,
    })
}

/// What the form says first: whether the event (or the change, `editing`) waits for review.
fn intro(ctx: &Ctx, saver: Saver, editing: bool) -> String {
    ctx.t(match (saver, editing) {
        (Saver::Coordinator, false) => "openness-events-new-intro-coordinator",
        (Saver::Association, false) => "openness-events-new-intro",
        (Saver::Coordinator, true) => "openness-events-edit-intro-coordinator",
        (Saver::Association, true) => "openness-events-edit-intro",
    })
}

async fn new(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let (orgs, saver) = publishers(&state, &ctx, &m).await?;
    let places = places(&state, &m).await?;
    let form = Form::new(
        paths::event_new(&m.slug),
        ctx.t("openness-events-publish"),
        fields(&ctx, &orgs, &places),
    );
    form_page(
        &ctx,
        &m,
        ctx.t("openness-events-new-title"),
        intro(&ctx, saver, false),
        form,
    )
}

/// Where an association goes after saving: its list, saying whether the event is public.
fn saved(m: &Municipality, status: Status) -> Response {
    let what = if status == Status::Approved {
        "publicerat"
    } else {
        "granskas"
    };
    Redirect::to(&format!("{}?klart={what}", paths::events_mine(&m.slug))).into_response()
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let (orgs, saver) = publishers(&state, &ctx, &m).await?;
    let places = places(&state, &m).await?;
    let form = Form::new(
        paths::event_new(&m.slug),
        ctx.t("openness-events-publish"),
        fields(&ctx, &orgs, &places),
    );
    match read(&ctx, form, &p, &orgs, &places) {
        Ok(c) => {
            let (_, status) = store::add(&state.db, m.id, &c, saver, ctx.user.as_ref(), state.now())
                .await
                .map_err(store_error)?;
            Ok(saved(&m, status))
        }
        Err(form) => form_page(
            &ctx,
            &m,
            ctx.t("openness-events-new-title"),
            intro(&ctx, saver, false),
            form,
        ),
    }
}

pub(super) fn store_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound | StoreError::NotPending => AppError::NotFound("err-not-found"),
        StoreError::Db(e) => e.into(),
    }
}

/// The event to change and who changes it: 404 when it is not the municipality's, 403 when
/// the person is neither the coordinator nor its association's representative.
async fn editable(state: &AppState, ctx: &Ctx, m: &Municipality, id: EventId) -> AppResult<(Event, Saver)> {
    let user = require_user(ctx.user.as_ref())?;
    let e = store::one(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if user.is_coordinator(m.id) {
        Ok((e, Saver::Coordinator))
    } else if user.represents(e.organisation_id) {
        Ok((e, Saver::Association))
    } else {
        Err(AppError::Forbidden)
    }
}

fn edit_form(ctx: &Ctx, m: &Municipality, e: &Event, places: &Places) -> Form {
    let orgs = [(e.organisation_id, e.organisation.clone())];
    let mut form = Form::new(
        paths::event_edit(&m.slug, e.id),
        ctx.t("openness-events-save"),
        fields(ctx, &orgs, places),
    );
    let s = &e.schedule;
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    form.fill(|name| {
        Some(match name {
            "organisation" => e.organisation_id.to_string(),
            "title" => e.title.clone(),
            "description" => e.description.clone(),
            "starts_on" => date(s.starts_on),
            "start_time" => super::schedule::hhmm(s.start_minute),
            "ends_on" if s.ends_on != s.starts_on => date(s.ends_on),
            "end_time" => super::schedule::hhmm(s.end_minute),
            "repeat_until" => s.repeat_until.map(date).unwrap_or_default(),
            "skipped" => s.skipped_text(),
            "place" => e.place.clone(),
            "room" => e.room_id.map(|r| r.to_string()).unwrap_or_default(),
            "accessibility" => e.accessibility.clone(),
            "audience" => e.audience.as_str().into(),
            "category" => e.category.as_str().into(),
            "price" => e.price.clone(),
            "link" => e.link.clone(),
            "registration_link" => e.registration_link.clone(),
            "area" => e.area.clone(),
            _ => return None,
        })
    });
    form
}

async fn edit(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, Id(id): Id<EventId>) -> AppResult<Response> {
    let (e, saver) = editable(&state, &ctx, &m, id).await?;
    let places = places(&state, &m).await?;
    let form = edit_form(&ctx, &m, &e, &places);
    let title = ctx.tr.ta("openness-events-edit-title", &[("title", &e.title)]);
    form_page(&ctx, &m, title, intro(&ctx, saver, true), form)
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<EventId>,
    Input(mut p): Input<Posted>,
) -> AppResult<Response> {
    let (e, saver) = editable(&state, &ctx, &m, id).await?;
    let places = places(&state, &m).await?;
    // The association stays the event's.
    p.organisation = Some(e.organisation_id.to_string());
    let orgs = [(e.organisation_id, e.organisation.clone())];
    match read(&ctx, edit_form(&ctx, &m, &e, &places), &p, &orgs, &places) {
        Ok(c) => {
            let status = store::update(&state.db, m.id, id, &c, saver, ctx.user.as_ref(), state.now())
                .await
                .map_err(store_error)?;
            Ok(saved(&m, status))
        }
        Err(form) => {
            let title = ctx.tr.ta("openness-events-edit-title", &[("title", &e.title)]);
            form_page(&ctx, &m, title, intro(&ctx, saver, true), form)
        }
    }
}

/// An event in the association's own list.
pub(super) struct Row {
    pub e: Event,
    pub when: String,
    pub status: String,
    pub href: String,
    pub edit: String,
}

pub(super) fn row(ctx: &Ctx, m: &Municipality, e: Event) -> Row {
    let first = e.schedule.occurrences(i64::MIN, i64::MAX);
    let when = match (first.first(), view::repeats_text(&ctx.tr, &e)) {
        (Some(o), Some(r)) => format!("{} · {r}", view::span(o.start, o.end).1),
        (Some(o), None) => view::span(o.start, o.end).1,
        _ => String::new(),
    };
    Row {
        status: ctx.t(e.status.message_id()),
        href: paths::event(&m.slug, e.id),
        edit: paths::event_edit(&m.slug, e.id),
        when,
        e,
    }
}

#[derive(Template)]
#[template(path = "openness_events_mine.html")]
struct MineView {
    page: Page,
    notice: Option<String>,
    rows: Vec<Row>,
    publish: String,
    calendar: String,
}

async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let (orgs, _) = publishers(&state, &ctx, &m).await?;
    let ids: Vec<OrganisationId> = orgs.iter().map(|o| o.0).collect();
    let rows = store::of_organisations(&state.db, m.id, &ids)
        .await?
        .into_iter()
        .map(|e| row(&ctx, &m, e))
        .collect();
    html(&MineView {
        page: ctx
            .page_in(&m, ctx.t("openness-events-mine-title"))
            .via(paths::events(&m.slug), ctx.t("openness-events-title")),
        notice: done.message(&ctx),
        rows,
        publish: paths::event_new(&m.slug),
        calendar: paths::events(&m.slug),
    })
}
