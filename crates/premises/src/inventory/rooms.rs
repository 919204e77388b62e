//! The inventory's rooms and their photos.

use super::domain::*;
use super::routes::*;
use super::store::{self, Room};
use crate::domain::{self, Equipment, Hours, Mode};
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use platform::auth::require_user;
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::features::Feature;
use platform::layout::{html, html_status, Field, FieldKind, Form, Page};
use platform::rules::{self};
use platform::tenants::{Municipality, Tenant};
use platform::upload::FILE_MAX;
use platform::AppState;

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
        page: ctx.page_in(m, v.title),
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

pub(super) async fn new_room_page(
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

pub(super) async fn new_room_save(
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

pub(super) async fn edit_room_page(
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

pub(super) async fn edit_room_save(
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

pub(super) async fn photo_add(
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
        _ if photos.list.len() >= PHOTOS_MAX => Err(ctx.tr.ta("premises-inv-photo-limit", &[("n", &PHOTOS_MAX)])),
        (_, true) => Err(ctx.t("err-file-too-large")),
        (None, false) => Err(ctx.t("premises-inv-photo-missing")),
        // Stored without its metadata (EXIF: where and when it was taken): photos are public.
        (Some(bytes), false) => image_type(bytes)
            .zip(super::photo::strip_metadata(bytes))
            .ok_or_else(|| ctx.t("premises-inv-photo-not-image")),
    };
    let alt = rules::line(&sent.alt, ALT_MAX);
    match (kind, alt) {
        (Ok((kind, bytes)), Ok(alt)) => {
            store::add_photo(&state.db, m.id, room.id, kind, &bytes, &alt, Some(user), state.now()).await?;
            Ok(Redirect::to(&format!("{}/rum/{}/redigera?sparat=foto#foton", base(&m), room.id)).into_response())
        }
        (kind, alt) => {
            photos.file_error = kind.err();
            photos.alt_error = alt.err().map(|why| Problem::Rule(why).message(&ctx.tr));
            photos.alt = sent.alt.clone();
            let view = render_room(&state, &ctx, &m, &room, &values_of(&room), &vec![], Some(photos), None).await?;
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
    }
}

pub(super) async fn photo_delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id, photo)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let room = managed_room(&state, user, &m, &id).await?;
    if !store::delete_photo(&state.db, m.id, room.id, id_of(&photo)?, user, state.now()).await? {
        return Err(AppError::NotFound("err-not-found"));
    }
    Ok(Redirect::to(&format!("{}/rum/{}/redigera?sparat=bort#foton", base(&m), room.id)).into_response())
}

/// A photo's bytes, for anyone (the room's public page shows it).
pub(super) async fn photo_file(
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
