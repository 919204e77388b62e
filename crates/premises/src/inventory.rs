//! The premises inventory: the pages where staff and associations list, create and edit their
//! premises and rooms, and add photos.
//!
//! - `GET /{slug}/lokaler/hantera/lokaler`: the premises the user manages
//! - `GET|POST /{slug}/lokaler/ny`, `GET|POST /{slug}/lokaler/{id}/redigera`: premises
//! - `GET|POST /{slug}/lokaler/{id}/rum/nytt`, `GET|POST /{slug}/lokaler/rum/{id}/redigera`: rooms
//! - `POST /{slug}/lokaler/rum/{id}/foton` (multipart), `POST …/foton/{photo}/ta-bort`: photos
//! - `GET /{slug}/lokaler/rum/{id}/foto/{photo}`: a photo's bytes (public)
//!
//! Who manages what is [`store::manages`]: staff and coordinators the municipality's own
//! premises, representatives their organisation's, coordinators every one. Ids of another
//! municipality are 404s, since every query names the municipality of the path.

use crate::domain::{self, Equipment, Hours, Mode, Prices};
use crate::store::{self, Premises, PremisesInput, Room, RoomInput};
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use platform::auth::{require_user, CurrentUser, RoleKind};
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::features::Feature;
use platform::layout::{html, html_status, Field, FieldKind, Form, Page};
use platform::rules::{self, Email, Invalid};
use platform::tenants::{Municipality, Tenant};
use platform::upload::FILE_MAX;
use platform::{AppState, OrganisationId};
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{slug}/lokaler/hantera/lokaler", get(list_page))
        .route("/{slug}/lokaler/ny", get(new_page).post(new_save))
        .route("/{slug}/lokaler/{id}/redigera", get(edit_page).post(edit_save))
        .route("/{slug}/lokaler/{id}/rum/nytt", get(new_room_page).post(new_room_save))
        .route(
            "/{slug}/lokaler/rum/{id}/redigera",
            get(edit_room_page).post(edit_room_save),
        )
        .route(
            "/{slug}/lokaler/rum/{id}/foton",
            post(photo_add).layer(DefaultBodyLimit::max(PHOTO_BODY_MAX)),
        )
        .route("/{slug}/lokaler/rum/{id}/foton/{photo}/ta-bort", post(photo_delete))
        .route("/{slug}/lokaler/rum/{id}/foto/{photo}", get(photo_file))
}

// --- Limits and checks (plain functions) ---

const NAME_MAX: usize = 200;
const ADDRESS_MAX: usize = 200;
const AREA_MAX: usize = 100;
const TEXT_MAX: usize = 4000;
const NOTE_MAX: usize = 1000;
const ALT_MAX: usize = 300;
/// The largest photo form read to its end. A photo may be at most [`FILE_MAX`]; a larger one
/// (a phone's photo is often 2–6 MB) is still read up to this size and dropped, so that the
/// browser shows the page that says the file is too large instead of a broken connection.
const PHOTO_BODY_MAX: usize = 8 * FILE_MAX;
const CAPACITY_MAX: i64 = 100_000;
const PRICE_MAX: i64 = 1_000_000;

/// Why a value of the inventory's forms was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Rule(Invalid),
    Owner,
    Capacity,
    Buffer,
    Mode,
    Hours,
    Price,
}

impl Problem {
    fn message(self, tr: &platform::i18n::Tr) -> String {
        match self {
            Problem::Rule(why) => match why.limit() {
                Some(n) => tr.ta(why.message_id(), &[("n", &n)]),
                None => tr.t(why.message_id()),
            },
            Problem::Owner | Problem::Mode => tr.t("err-choose"),
            Problem::Capacity => tr.t("premises-inv-err-capacity"),
            Problem::Buffer => tr.t("premises-inv-err-buffer"),
            Problem::Hours => tr.t("premises-inv-err-hours"),
            Problem::Price => tr.t("premises-inv-err-price"),
        }
    }
}

type Problems = Vec<(String, Problem)>;

fn optional_line(s: &str, max: usize) -> Result<String, Invalid> {
    if s.trim().is_empty() {
        Ok(String::new())
    } else {
        rules::line(s, max)
    }
}

/// The premises' fields, checked. The owner is not among them: it is chosen once, at creation.
pub fn check_premises(get: impl Fn(&str) -> String) -> Result<PremisesInput, Problems> {
    let mut problems = vec![];
    let mut take = |name: &str, r: Result<String, Invalid>| match r {
        Ok(v) => v,
        Err(why) => {
            problems.push((name.to_string(), Problem::Rule(why)));
            String::new()
        }
    };
    let p = PremisesInput {
        organisation_id: None,
        name: take("name", rules::line(&get("name"), NAME_MAX)),
        address: take("address", optional_line(&get("address"), ADDRESS_MAX)),
        area: take("area", optional_line(&get("area"), AREA_MAX)),
        description: take("description", rules::text(&get("description"), TEXT_MAX)),
        rules: take("rules", rules::text(&get("rules"), TEXT_MAX)),
        contact_email: take(
            "contact_email",
            Email::parse(&get("contact_email")).map(|e| e.as_str().to_string()),
        ),
    };
    if problems.is_empty() {
        Ok(p)
    } else {
        Err(problems)
    }
}

/// A whole number in `min..=max`, or None. Spaces (as in "1 500") are allowed.
fn number(s: &str, min: i64, max: i64) -> Option<i64> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    s.parse::<i64>().ok().filter(|n| (min..=max).contains(n))
}

/// The names of the opening hours' fields, Monday first.
pub const HOURS_FIELDS: [&str; 7] = [
    "hours_1", "hours_2", "hours_3", "hours_4", "hours_5", "hours_6", "hours_7",
];

/// The price fields, one per kind of booker, in the order of [`domain::BookerKind::ALL`].
pub const PRICE_FIELDS: [&str; 3] = ["price_association", "price_private", "price_company"];

/// A room's form, checked. `all` holds every posted pair (checkbox groups repeat their name).
pub fn check_room(all: &[(String, String)]) -> Result<RoomInput, Problems> {
    let get = |name: &str| {
        all.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let values = |name: &str| {
        all.iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    let mut problems: Problems = vec![];
    let mut bad = |name: &str, p: Problem| problems.push((name.to_string(), p));
    let name = rules::line(get("name"), NAME_MAX).unwrap_or_else(|why| {
        bad("name", Problem::Rule(why));
        String::new()
    });
    let capacity = number(get("capacity"), 1, CAPACITY_MAX).unwrap_or_else(|| {
        bad("capacity", Problem::Capacity);
        0
    });
    let equipment_note = rules::text(get("equipment_note"), NOTE_MAX).unwrap_or_else(|why| {
        bad("equipment_note", Problem::Rule(why));
        String::new()
    });
    let access_note = rules::text(get("access_note"), NOTE_MAX).unwrap_or_else(|why| {
        bad("access_note", Problem::Rule(why));
        String::new()
    });
    let mode = Mode::parse(get("mode"));
    if mode.is_none() {
        bad("mode", Problem::Mode);
    }
    let buffer = get("buffer_minutes");
    let buffer_minutes = if buffer.trim().is_empty() {
        0
    } else {
        number(buffer, 0, domain::MAX_BUFFER_MINUTES).unwrap_or_else(|| {
            bad("buffer_minutes", Problem::Buffer);
            0
        })
    };
    let mut hours = Hours::default();
    for (i, field) in HOURS_FIELDS.iter().enumerate() {
        match Hours::parse_day(get(field)) {
            Ok(day) => hours.0[i] = day,
            Err(domain::BadHours) => bad(field, Problem::Hours),
        }
    }
    let mut price = |field: &str| {
        let v = get(field);
        if v.trim().is_empty() {
            None
        } else {
            let n = number(v, 0, PRICE_MAX);
            if n.is_none() {
                bad(field, Problem::Price);
            }
            n
        }
    };
    let prices = Prices {
        association: price(PRICE_FIELDS[0]),
        private: price(PRICE_FIELDS[1]),
        company: price(PRICE_FIELDS[2]),
    };
    let input = RoomInput {
        name,
        capacity,
        equipment: Equipment::bits_of(values("equipment")),
        equipment_note,
        access: domain::feature_bits_of(values("access")),
        access_note,
        mode,
        buffer_minutes,
        prices,
        hours,
    };
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(problems)
    }
}

/// The type of an image by its first bytes (JPEG, PNG or WebP), whatever its name says.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

// --- Who may do what ---

fn base(m: &Municipality) -> String {
    format!("/{}/lokaler", m.slug)
}

fn id_of(s: &str) -> AppResult<i64> {
    s.parse::<i64>().map_err(|_| AppError::NotFound("err-not-found"))
}

fn page(ctx: &Ctx, m: &Municipality, title: impl Into<String>) -> Page {
    ctx.page(title).in_municipality(&m.slug, &m.name)
}

/// The organisations of this municipality that the user represents: (id, name).
fn represented(user: &CurrentUser, m: &Municipality) -> Vec<(OrganisationId, String)> {
    let mut v: Vec<(OrganisationId, String)> = user
        .roles
        .iter()
        .filter(|r| r.kind == RoleKind::Representative && r.municipality_id == Some(m.id))
        .filter_map(|r| Some((r.organisation_id?, r.organisation_name.clone().unwrap_or_default())))
        .collect();
    v.sort_by(|a, b| rules::swedish_cmp(&a.1, &b.1));
    v.dedup_by_key(|x| x.0);
    v
}

/// Whom new premises may belong to: (form value, label). `municipality` for the municipality's
/// own (staff only), else the organisation's id.
fn owners(ctx: &Ctx, user: &CurrentUser, m: &Municipality) -> Vec<(String, String)> {
    let mut v = vec![];
    if user.is_staff(m.id) {
        v.push((
            "municipality".to_string(),
            ctx.tr.ta("premises-inv-owner-municipality", &[("name", &m.name)]),
        ));
    }
    v.extend(
        represented(user, m)
            .into_iter()
            .map(|(id, name)| (id.to_string(), name)),
    );
    v
}

/// The premises of the path, if the user manages them (404 in another municipality, 403 else).
async fn managed_premises(state: &AppState, user: &CurrentUser, m: &Municipality, id: &str) -> AppResult<Premises> {
    let p = store::premises_one(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if store::manages(user, m.id, p.organisation_id) {
        Ok(p)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The room of the path, if the user manages its premises.
async fn managed_room(state: &AppState, user: &CurrentUser, m: &Municipality, id: &str) -> AppResult<Room> {
    let r = store::room(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if store::manages(user, m.id, r.organisation_id) {
        Ok(r)
    } else {
        Err(AppError::Forbidden)
    }
}

// --- The list ---

struct Row {
    name: String,
    owner: String,
    address: String,
    edit: String,
    add_room: String,
}

#[derive(Template)]
#[template(path = "premises_inventory.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
    create: Option<String>,
}

async fn list_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let can_create = !owners(&ctx, user, &m).is_empty();
    let mine: Vec<Premises> = store::premises_all(&state.db, m.id)
        .await?
        .into_iter()
        .filter(|p| store::manages(user, m.id, p.organisation_id))
        .collect();
    if mine.is_empty() && !can_create {
        return Err(AppError::Forbidden);
    }
    let rows = mine
        .into_iter()
        .map(|p| Row {
            owner: if p.owner.is_empty() { m.name.clone() } else { p.owner },
            address: p.address,
            edit: format!("{}/{}/redigera", base(&m), p.id),
            add_room: format!("{}/{}/rum/nytt", base(&m), p.id),
            name: p.name,
        })
        .collect();
    html(&ListPage {
        page: page(&ctx, &m, ctx.t("premises-inv-list-title")),
        rows,
        create: can_create.then(|| format!("{}/ny", base(&m))),
    })
}

// --- Premises ---

fn premises_form(ctx: &Ctx, action: String, owners: Option<Vec<(String, String)>>) -> Form {
    let mut fields = vec![];
    if let Some(o) = owners {
        fields.push(
            Field::new("owner", ctx.t("premises-inv-owner"), FieldKind::Select)
                .required()
                .options(o)
                .hint(ctx.t("premises-inv-owner-hint")),
        );
    }
    fields.extend([
        Field::new("name", ctx.t("premises-inv-name"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX)
            .hint(ctx.t("premises-inv-name-hint")),
        Field::new("address", ctx.t("premises-inv-address"), FieldKind::Text)
            .autocomplete("street-address")
            .max_len(ADDRESS_MAX)
            .hint(ctx.t("premises-inv-address-hint")),
        Field::new("area", ctx.t("premises-inv-area"), FieldKind::Text)
            .max_len(AREA_MAX)
            .hint(ctx.t("premises-inv-area-hint")),
        Field::new("description", ctx.t("premises-inv-description"), FieldKind::TextArea).max_len(TEXT_MAX),
        Field::new("rules", ctx.t("premises-inv-rules"), FieldKind::TextArea)
            .max_len(TEXT_MAX)
            .hint(ctx.t("premises-inv-rules-hint")),
        Field::new("contact_email", ctx.t("premises-inv-contact"), FieldKind::Email)
            .required()
            .autocomplete("email")
            .hint(ctx.t("premises-inv-contact-hint")),
    ]);
    Form::new(action, ctx.t("premises-inv-save-premises"), fields)
}

fn mark(form: &mut Form, ctx: &Ctx, problems: &Problems) {
    for (field, p) in problems {
        form.error(field, p.message(&ctx.tr));
    }
}

struct RoomRow {
    name: String,
    capacity: String,
    edit: String,
}

#[derive(Template)]
#[template(path = "premises_inventory_premises.html")]
struct PremisesPage {
    page: Page,
    notice: Option<String>,
    form: Form,
    rooms: Vec<RoomRow>,
    add_room: Option<String>,
    back: String,
}

fn premises_page(ctx: &Ctx, m: &Municipality, title: String, form: Form) -> PremisesPage {
    PremisesPage {
        page: page(ctx, m, title),
        notice: None,
        form,
        rooms: vec![],
        add_room: None,
        back: format!("{}/hantera/lokaler", base(m)),
    }
}

fn form_status(form: &Form) -> StatusCode {
    if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
}

async fn new_page(ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let owners = owners(&ctx, user, &m);
    if owners.is_empty() {
        return Err(AppError::Forbidden);
    }
    let form = premises_form(&ctx, format!("{}/ny", base(&m)), Some(owners));
    html(&premises_page(&ctx, &m, ctx.t("premises-inv-new-title"), form))
}

type Params = HashMap<String, String>;

fn get_p(p: &Params, k: &str) -> String {
    p.get(k).cloned().unwrap_or_default()
}

async fn new_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let owners = owners(&ctx, user, &m);
    if owners.is_empty() {
        return Err(AppError::Forbidden);
    }
    let owner = get_p(&input, "owner");
    let organisation_id = match owner.as_str() {
        "municipality" if user.is_staff(m.id) => Ok(None),
        o => match o.parse::<OrganisationId>() {
            Ok(id) if owners.iter().any(|(v, _)| *v == o) => Ok(Some(id)),
            _ => Err(("owner".to_string(), Problem::Owner)),
        },
    };
    let checked = check_premises(|k| get_p(&input, k));
    match (organisation_id, checked) {
        (Ok(organisation_id), Ok(mut p)) => {
            p.organisation_id = organisation_id;
            let id = store::save_premises(&state.db, m.id, None, &p, Some(user), state.now())
                .await?
                .ok_or(AppError::NotFound("err-not-found"))?;
            Ok(Redirect::to(&format!("{}/{id}/redigera?sparat=ny", base(&m))).into_response())
        }
        (o, c) => {
            let mut problems = o.err().into_iter().collect::<Problems>();
            problems.extend(c.err().unwrap_or_default());
            let mut form = premises_form(&ctx, format!("{}/ny", base(&m)), Some(owners));
            form.fill(|k| input.get(k).cloned());
            mark(&mut form, &ctx, &problems);
            html_status(
                form_status(&form),
                &premises_page(&ctx, &m, ctx.t("premises-inv-new-title"), form),
            )
        }
    }
}

async fn render_premises(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    p: &Premises,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let title = ctx.tr.ta("premises-inv-edit-title", &[("name", &p.name)]);
    let mut view = premises_page(ctx, m, title, form);
    view.notice = notice;
    view.rooms = store::rooms_of(&state.db, m.id, p.id)
        .await?
        .into_iter()
        .map(|r| RoomRow {
            capacity: ctx.tr.ta("premises-inv-capacity-n", &[("n", &r.capacity)]),
            edit: format!("{}/rum/{}/redigera", base(m), r.id),
            name: r.name,
        })
        .collect();
    view.add_room = Some(format!("{}/{}/rum/nytt", base(m), p.id));
    html_status(form_status(&view.form), &view)
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let p = managed_premises(&state, user, &m, &id).await?;
    let mut form = premises_form(&ctx, format!("{}/{}/redigera", base(&m), p.id), None);
    form.fill(|k| {
        Some(match k {
            "name" => p.name.clone(),
            "address" => p.address.clone(),
            "area" => p.area.clone(),
            "description" => p.description.clone(),
            "rules" => p.rules.clone(),
            "contact_email" => p.contact_email.clone(),
            _ => return None,
        })
    });
    let notice = match q.get("sparat").map(String::as_str) {
        Some("ny") => Some(ctx.t("premises-inv-created")),
        Some(_) => Some(ctx.t("premises-inv-saved")),
        None => None,
    };
    render_premises(&state, &ctx, &m, &p, form, notice).await
}

async fn edit_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let p = managed_premises(&state, user, &m, &id).await?;
    match check_premises(|k| get_p(&input, k)) {
        Ok(mut new) => {
            new.organisation_id = p.organisation_id;
            store::save_premises(&state.db, m.id, Some(p.id), &new, Some(user), state.now())
                .await?
                .ok_or(AppError::NotFound("err-not-found"))?;
            Ok(Redirect::to(&format!("{}/{}/redigera?sparat=1", base(&m), p.id)).into_response())
        }
        Err(problems) => {
            let mut form = premises_form(&ctx, format!("{}/{}/redigera", base(&m), p.id), None);
            form.fill(|k| input.get(k).cloned());
            mark(&mut form, &ctx, &problems);
            render_premises(&state, &ctx, &m, &p, form, None).await
        }
    }
}

// --- Rooms ---

/// A checkbox or radio button of a group.
struct Choice {
    id: String,
    value: String,
    label: String,
    on: bool,
}

struct PhotoView {
    src: String,
    alt: String,
    delete: String,
}

/// The photo section of a saved room.
struct Photos {
    list: Vec<PhotoView>,
    upload: String,
    file_error: Option<String>,
    alt_error: Option<String>,
    alt: String,
}

impl Photos {
    fn described_by(&self, id: &str, error: bool) -> String {
        if error {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    }
    fn file_described_by(&self) -> String {
        self.described_by("f-file", self.file_error.is_some())
    }
    fn alt_described_by(&self) -> String {
        self.described_by("f-alt", self.alt_error.is_some())
    }
}

#[derive(Template)]
#[template(path = "premises_room_form.html")]
struct RoomPage {
    page: Page,
    premises_name: String,
    notice: Option<String>,
    /// Every text field of the room, with its errors (the mode's error too).
    form: Form,
    equipment: Vec<Choice>,
    access: Vec<Choice>,
    modes: Vec<Choice>,
    mode_error: Option<String>,
    photos: Option<Photos>,
    back: String,
}

impl RoomPage {
    /// One field of the form, for the template to place (an empty one if there is none).
    fn field(&self, name: &str) -> Field {
        self.form
            .fields
            .iter()
            .find(|f| f.name == name)
            .cloned()
            .unwrap_or_else(|| Field::new(name, String::new(), FieldKind::Text))
    }
    fn fields(&self, names: &[&str]) -> Vec<Field> {
        names.iter().map(|n| self.field(n)).collect()
    }
    fn hours_fields(&self) -> Vec<Field> {
        self.fields(&HOURS_FIELDS)
    }
    fn price_fields(&self) -> Vec<Field> {
        self.fields(&PRICE_FIELDS)
    }
    fn photo_errors(&self) -> Vec<(&'static str, String)> {
        let Some(p) = &self.photos else { return vec![] };
        let mut v = vec![];
        if let Some(e) = &p.file_error {
            v.push(("f-file", format!("{}: {e}", self.page.t("premises-inv-photo-file"))));
        }
        if let Some(e) = &p.alt_error {
            v.push(("f-alt", format!("{}: {e}", self.page.t("premises-inv-photo-alt"))));
        }
        v
    }
}

const WEEKDAYS: [&str; 7] = [
    "premises-inv-day-1",
    "premises-inv-day-2",
    "premises-inv-day-3",
    "premises-inv-day-4",
    "premises-inv-day-5",
    "premises-inv-day-6",
    "premises-inv-day-7",
];

fn room_form(ctx: &Ctx, action: String) -> Form {
    let mut fields = vec![
        Field::new("name", ctx.t("premises-inv-room-name"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX)
            .hint(ctx.t("premises-inv-room-name-hint")),
        Field::new("capacity", ctx.t("premises-inv-capacity"), FieldKind::Number)
            .required()
            .hint(ctx.t("premises-inv-capacity-hint")),
        Field::new(
            "equipment_note",
            ctx.t("premises-inv-equipment-note"),
            FieldKind::TextArea,
        )
        .max_len(NOTE_MAX),
        Field::new("access_note", ctx.t("premises-inv-access-note"), FieldKind::TextArea)
            .max_len(NOTE_MAX)
            .hint(ctx.t("premises-inv-access-note-hint")),
        Field::new("mode", ctx.t("premises-inv-mode"), FieldKind::Hidden).required(),
        Field::new("buffer_minutes", ctx.t("premises-inv-buffer"), FieldKind::Number)
            .hint(ctx.t("premises-inv-buffer-hint")),
    ];
    for (name, label) in HOURS_FIELDS.iter().zip(WEEKDAYS) {
        fields.push(Field::new(name, ctx.t(label), FieldKind::Text).hint(ctx.t("premises-inv-hours-hint")));
    }
    for (name, kind) in PRICE_FIELDS.iter().zip(domain::BookerKind::ALL) {
        fields
            .push(Field::new(name, ctx.t(kind.message_id()), FieldKind::Number).hint(ctx.t("premises-inv-price-hint")));
    }
    Form::new(action, ctx.t("premises-inv-save-room"), fields)
}

/// The form's values as the room has them.
fn values_of(r: &Room) -> Vec<(String, String)> {
    let mut v = vec![
        ("name".to_string(), r.name.clone()),
        ("capacity".to_string(), r.capacity.to_string()),
        ("equipment_note".to_string(), r.equipment_note.clone()),
        ("access_note".to_string(), r.access_note.clone()),
        ("mode".to_string(), r.mode.as_str().to_string()),
        ("buffer_minutes".to_string(), r.buffer_minutes.to_string()),
    ];
    for (i, name) in HOURS_FIELDS.iter().enumerate() {
        v.push((name.to_string(), Hours::format_day(r.hours.0[i])));
    }
    for (name, kind) in PRICE_FIELDS.iter().zip(domain::BookerKind::ALL) {
        v.push((
            name.to_string(),
            r.prices.for_kind(kind).map(|p| p.to_string()).unwrap_or_default(),
        ));
    }
    v.extend(
        Equipment::of_bits(r.equipment)
            .into_iter()
            .map(|e| ("equipment".to_string(), e.code().to_string())),
    );
    v.extend(
        domain::features_of_bits(r.access)
            .into_iter()
            .map(|f| ("access".to_string(), f.column().to_string())),
    );
    v
}

/// A new room's defaults: booked by request, open every day 08–22.
fn new_room_values() -> Vec<(String, String)> {
    let mut v = vec![
        ("mode".to_string(), Mode::Request.as_str().to_string()),
        ("buffer_minutes".to_string(), "0".to_string()),
    ];
    for name in HOURS_FIELDS {
        v.push((name.to_string(), Hours::format_day(Some((8 * 60, 22 * 60)))));
    }
    v
}

struct RoomView<'a> {
    premises: &'a str,
    title: String,
    action: String,
    values: &'a [(String, String)],
    problems: &'a Problems,
    photos: Option<Photos>,
    notice: Option<String>,
    back: String,
}

fn room_page(ctx: &Ctx, m: &Municipality, v: RoomView<'_>) -> RoomPage {
    let has = |name: &str, value: &str| v.values.iter().any(|(k, x)| k == name && x == value);
    let mut form = room_form(ctx, v.action);
    form.fill(|k| v.values.iter().find(|(n, _)| n == k).map(|(_, x)| x.clone()));
    mark(&mut form, ctx, v.problems);
    let equipment = Equipment::ALL
        .into_iter()
        .map(|e| Choice {
            id: format!("f-equipment-{}", e.code()),
            value: e.code().to_string(),
            label: ctx.t(e.message_id()),
            on: has("equipment", e.code()),
        })
        .collect();
    let access = Feature::ALL
        .into_iter()
        .map(|f| Choice {
            id: format!("f-access-{}", f.column()),
            value: f.column().to_string(),
            label: ctx.t(f.message_id()),
            on: has("access", f.column()),
        })
        .collect();
    let modes = [Mode::Request, Mode::Instant]
        .into_iter()
        .enumerate()
        .map(|(i, mode)| Choice {
            // The first button carries the field's id, so the error summary's link reaches it.
            id: if i == 0 {
                "f-mode".to_string()
            } else {
                format!("f-mode-{}", mode.as_str())
            },
            value: mode.as_str().to_string(),
            label: ctx.t(mode.message_id()),
            on: has("mode", mode.as_str()),
        })
        .collect();
    let mode_error = form
        .fields
        .iter()
        .find(|f| f.name == "mode")
        .and_then(|f| f.error.clone());
    RoomPage {
        page: page(ctx, m, v.title),
        premises_name: v.premises.to_string(),
        notice: v.notice,
        form,
        equipment,
        access,
        modes,
        mode_error,
        photos: v.photos,
        back: v.back,
    }
}

async fn photos_of(state: &AppState, m: &Municipality, room: &Room) -> AppResult<Photos> {
    let list = store::photos(&state.db, m.id, room.id)
        .await?
        .into_iter()
        .map(|p| PhotoView {
            src: format!("{}/rum/{}/foto/{}", base(m), room.id, p.id),
            delete: format!("{}/rum/{}/foton/{}/ta-bort", base(m), room.id, p.id),
            alt: p.alt,
        })
        .collect();
    Ok(Photos {
        list,
        upload: String::new(),
        file_error: None,
        alt_error: None,
        alt: String::new(),
    })
}

async fn new_room_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let p = managed_premises(&state, user, &m, &id).await?;
    let values = new_room_values();
    let view = RoomView {
        premises: &p.name,
        title: ctx.tr.ta("premises-inv-new-room-title", &[("name", &p.name)]),
        action: format!("{}/{}/rum/nytt", base(&m), p.id),
        values: &values,
        problems: &vec![],
        photos: None,
        notice: None,
        back: format!("{}/{}/redigera", base(&m), p.id),
    };
    html(&room_page(&ctx, &m, view))
}

async fn new_room_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(values): Input<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let p = managed_premises(&state, user, &m, &id).await?;
    match check_room(&values) {
        Ok(input) => {
            let room = store::save_room(&state.db, m.id, p.id, None, &input, Some(user), state.now())
                .await?
                .ok_or(AppError::NotFound("err-not-found"))?;
            Ok(Redirect::to(&format!("{}/rum/{room}/redigera?sparat=ny", base(&m))).into_response())
        }
        Err(problems) => {
            let view = RoomView {
                premises: &p.name,
                title: ctx.tr.ta("premises-inv-new-room-title", &[("name", &p.name)]),
                action: format!("{}/{}/rum/nytt", base(&m), p.id),
                values: &values,
                problems: &problems,
                photos: None,
                notice: None,
                back: format!("{}/{}/redigera", base(&m), p.id),
            };
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &room_page(&ctx, &m, view))
        }
    }
}

/// A saved room's page: its form, its photos and the upload form.
#[allow(clippy::too_many_arguments)]
async fn render_room(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    room: &Room,
    values: &[(String, String)],
    problems: &Problems,
    photos: Option<Photos>,
    notice: Option<String>,
) -> AppResult<RoomPage> {
    let mut photos = match photos {
        Some(p) => p,
        None => photos_of(state, m, room).await?,
    };
    photos.upload = format!(
        "{}/rum/{}/foton?_csrf={}",
        base(m),
        room.id,
        urlencoding::encode(&ctx.csrf)
    );
    let view = RoomView {
        premises: &room.premises_name,
        title: ctx
            .tr
            .ta("premises-inv-edit-room-title", &[("name", &room.full_name())]),
        action: format!("{}/rum/{}/redigera", base(m), room.id),
        values,
        problems,
        photos: Some(photos),
        notice,
        back: format!("{}/{}/redigera", base(m), room.premises_id),
    };
    Ok(room_page(ctx, m, view))
}

async fn edit_room_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let room = managed_room(&state, user, &m, &id).await?;
    let notice = q.get("sparat").map(|s| {
        ctx.t(match s.as_str() {
            "ny" => "premises-inv-room-created",
            "foto" => "premises-inv-photo-added",
            "bort" => "premises-inv-photo-deleted",
            _ => "premises-inv-saved",
        })
    });
    let view = render_room(&state, &ctx, &m, &room, &values_of(&room), &vec![], None, notice).await?;
    html(&view)
}

async fn edit_room_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(values): Input<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let room = managed_room(&state, user, &m, &id).await?;
    match check_room(&values) {
        Ok(input) => {
            store::save_room(
                &state.db,
                m.id,
                room.premises_id,
                Some(room.id),
                &input,
                Some(user),
                state.now(),
            )
            .await?
            .ok_or(AppError::NotFound("err-not-found"))?;
            Ok(Redirect::to(&format!("{}/rum/{}/redigera?sparat=1", base(&m), room.id)).into_response())
        }
        Err(problems) => {
            let view = render_room(&state, &ctx, &m, &room, &values, &problems, None, None).await?;
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
    }
}

// --- Photos ---

/// What the upload form sent.
#[derive(Default)]
struct Sent {
    file: Option<Vec<u8>>,
    too_large: bool,
    alt: String,
}

/// Read the upload form: the file (at most [`FILE_MAX`] bytes are kept; the rest of a larger
/// one is read and dropped, so the browser gets the answer rather than a broken connection)
/// and the alternative text.
async fn read_upload(multipart: &mut Multipart) -> AppResult<Sent> {
    let mut sent = Sent::default();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Ok(sent),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                sent.too_large = true;
                return Ok(sent);
            }
            Err(_) => return Err(AppError::BadRequest("err-bad-form")),
        };
        match field.name() {
            Some("file") => {
                let mut bytes = vec![];
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            if bytes.len() + chunk.len() > FILE_MAX {
                                sent.too_large = true;
                                bytes.clear();
                            } else if !sent.too_large {
                                bytes.extend_from_slice(&chunk);
                            }
                        }
                        Ok(None) => break,
                        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                            sent.too_large = true;
                            return Ok(sent);
                        }
                        Err(_) => return Err(AppError::BadRequest("err-bad-form")),
                    }
                }
                if !sent.too_large && !bytes.is_empty() {
                    sent.file = Some(bytes);
                }
            }
            Some("alt") => {
                sent.alt = field.text().await.map_err(|_| AppError::BadRequest("err-bad-form"))?;
            }
            _ => {}
        }
    }
}

async fn photo_add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let room = managed_room(&state, user, &m, &id).await?;
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let sent = read_upload(&mut multipart).await?;
    let mut photos = photos_of(&state, &m, &room).await?;
    let kind = match (&sent.file, sent.too_large) {
        (_, true) => Err(ctx.t("err-file-too-large")),
        (None, false) => Err(ctx.t("premises-inv-photo-missing")),
        (Some(bytes), false) => image_type(bytes).ok_or_else(|| ctx.t("premises-inv-photo-not-image")),
    };
    let alt = rules::line(&sent.alt, ALT_MAX);
    match (kind, alt, &sent.file) {
        (Ok(kind), Ok(alt), Some(bytes)) => {
            store::add_photo(&state.db, m.id, room.id, kind, bytes, &alt, state.now()).await?;
            Ok(Redirect::to(&format!("{}/rum/{}/redigera?sparat=foto#foton", base(&m), room.id)).into_response())
        }
        (kind, alt, _) => {
            photos.file_error = kind.err();
            photos.alt_error = alt.err().map(|why| Problem::Rule(why).message(&ctx.tr));
            photos.alt = sent.alt.clone();
            let view = render_room(&state, &ctx, &m, &room, &values_of(&room), &vec![], Some(photos), None).await?;
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
    }
}

async fn photo_delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id, photo)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let room = managed_room(&state, user, &m, &id).await?;
    if !store::delete_photo(&state.db, m.id, room.id, id_of(&photo)?).await? {
        return Err(AppError::NotFound("err-not-found"));
    }
    Ok(Redirect::to(&format!("{}/rum/{}/redigera?sparat=bort#foton", base(&m), room.id)).into_response())
}

/// A photo's bytes, for anyone (the room's public page shows it).
async fn photo_file(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Path((_, id, photo)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (kind, bytes) = store::photo_file(&state.db, m.id, id_of(&id)?, id_of(&photo)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let kind = match kind.as_str() {
        "image/jpeg" => "image/jpeg",
        "image/png" => "image/png",
        _ => "image/webp",
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(k, x)| (k.to_string(), x.to_string())).collect()
    }

    #[test]
    fn images_are_known_by_their_first_bytes() {
        assert_eq!(image_type(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some("image/jpeg"));
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("image/png"));
        assert_eq!(image_type(b"RIFF\x24\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(image_type(b"RIFF\x24\0\0\0WAVEfmt "), None);
        assert_eq!(image_type(b"hej, det h\xc3\xa4r \xc3\xa4r text"), None);
        assert_eq!(image_type(b"\x89PN"), None);
        assert_eq!(image_type(b""), None);
    }

    #[test]
    fn a_room_with_every_field() {
        let r = check_room(&pairs(&[
            ("name", " Stora salen "),
            ("capacity", "120"),
            ("equipment", "projector"),
            ("equipment", "kitchen"),
            ("equipment_note", "Projektorn finns i skåpet."),
            ("access", "step_free"),
            ("access", "hearing_loop"),
            ("access_note", ""),
            ("mode", "instant"),
            ("buffer_minutes", "30"),
            ("hours_1", "08:00–22:00"),
            ("hours_2", "8-17"),
            ("hours_7", ""),
            ("price_association", "0"),
            ("price_private", "1 500"),
            ("price_company", ""),
        ]))
        .unwrap();
        assert_eq!(r.name, "Stora salen");
        assert_eq!(r.capacity, 120);
        assert_eq!(
            Equipment::of_bits(r.equipment),
            [Equipment::Projector, Equipment::Kitchen]
        );
        assert_eq!(
            domain::features_of_bits(r.access),
            [Feature::StepFree, Feature::HearingLoop]
        );
        assert_eq!(r.mode, Some(Mode::Instant));
        assert_eq!(r.buffer_minutes, 30);
        assert_eq!(r.hours.0[0], Some((480, 1320)));
        assert_eq!(r.hours.0[1], Some((480, 1020)));
        assert_eq!(r.hours.0[6], None);
        assert_eq!(
            r.prices,
            Prices {
                association: Some(0),
                private: Some(1500),
                company: None
            }
        );
    }

    #[test]
    fn a_room_with_mistakes_names_each_field() {
        let e = check_room(&pairs(&[
            ("name", ""),
            ("capacity", "0"),
            ("mode", "sometimes"),
            ("buffer_minutes", "241"),
            ("hours_1", "22-08"),
            ("hours_3", "morgon"),
            ("price_private", "-5"),
            ("price_company", "10.5"),
        ]))
        .unwrap_err();
        let fields: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "capacity",
                "mode",
                "buffer_minutes",
                "hours_1",
                "hours_3",
                "price_private",
                "price_company"
            ]
        );
    }

    #[test]
    fn premises_need_a_name_and_a_contact() {
        let e = check_premises(|k| {
            if k == "address" {
                "Vasagatan 17".into()
            } else {
                String::new()
            }
        })
        .unwrap_err();
        assert_eq!(
            e,
            [
                ("name".to_string(), Problem::Rule(Invalid::Required)),
                ("contact_email".to_string(), Problem::Rule(Invalid::Required))
            ]
        );
        let ok = check_premises(|k| match k {
            "name" => "Täljstenen".into(),
            "contact_email" => "Lokaler@Sala.se".into(),
            _ => String::new(),
        })
        .unwrap();
        assert_eq!(ok.contact_email, "lokaler@sala.se");
    }
}
