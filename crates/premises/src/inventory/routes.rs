//! The inventory's list of premises and the premises' forms, and what the room and photo pages
//! share with them.

use super::domain::*;
use super::store::{self, Premises, Room};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use platform::auth::{require_user, CurrentUser, RoleKind};
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::layout::{html, html_status, Field, FieldKind, Form, Page};
use platform::rules::{self};
use platform::tenants::{Municipality, Tenant};
use platform::{AppState, OrganisationId};
use std::collections::HashMap;

// --- Who may do what ---

pub(super) use crate::routes::{base, id_of};

/// The organisations of this municipality that the user represents: (id, name).
pub(super) fn represented(user: &CurrentUser, m: &Municipality) -> Vec<(OrganisationId, String)> {
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
pub(super) fn owners(ctx: &Ctx, user: &CurrentUser, m: &Municipality) -> Vec<(String, String)> {
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
pub(super) async fn managed_premises(
    state: &AppState,
    user: &CurrentUser,
    m: &Municipality,
    id: &str,
) -> AppResult<Premises> {
    let p = store::premises_one(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if manages(user, m.id, p.organisation_id) {
        Ok(p)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The room of the path, if the user manages its premises.
pub(super) async fn managed_room(state: &AppState, user: &CurrentUser, m: &Municipality, id: &str) -> AppResult<Room> {
    let r = store::room(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if manages(user, m.id, r.organisation_id) {
        Ok(r)
    } else {
        Err(AppError::Forbidden)
    }
}

// --- The list ---

pub(super) struct Row {
    name: String,
    owner: String,
    address: String,
    edit: String,
    add_room: String,
}

#[derive(Template)]
#[template(path = "premises_inventory.html")]
pub(super) struct ListPage {
    page: Page,
    rows: Vec<Row>,
    create: Option<String>,
}

pub(super) async fn list_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let can_create = !owners(&ctx, user, &m).is_empty();
    let mine: Vec<Premises> = store::premises_all(&state.db, m.id)
        .await?
        .into_iter()
        .filter(|p| manages(user, m.id, p.organisation_id))
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
        page: ctx.page_in(&m, ctx.t("premises-inv-list-title")),
        rows,
        create: can_create.then(|| format!("{}/ny", base(&m))),
    })
}

// --- Premises ---

pub(super) fn premises_form(ctx: &Ctx, action: String, owners: Option<Vec<(String, String)>>) -> Form {
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

pub(super) fn mark(form: &mut Form, ctx: &Ctx, problems: &Problems) {
    for (field, p) in problems {
        form.error(field, p.message(&ctx.tr));
    }
}

pub(super) struct RoomRow {
    name: String,
    capacity: String,
    edit: String,
}

#[derive(Template)]
#[template(path = "premises_inventory_premises.html")]
pub(super) struct PremisesPage {
    page: Page,
    notice: Option<String>,
    form: Form,
    rooms: Vec<RoomRow>,
    add_room: Option<String>,
    back: String,
}

pub(super) fn premises_page(ctx: &Ctx, m: &Municipality, title: String, form: Form) -> PremisesPage {
    PremisesPage {
        page: ctx.page_in(m, title),
        notice: None,
        form,
        rooms: vec![],
        add_room: None,
        back: format!("{}/hantera/lokaler", base(m)),
    }
}

pub(super) async fn new_page(ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let owners = owners(&ctx, user, &m);
    if owners.is_empty() {
        return Err(AppError::Forbidden);
    }
    let form = premises_form(&ctx, format!("{}/ny", base(&m)), Some(owners));
    html(&premises_page(&ctx, &m, ctx.t("premises-inv-new-title"), form))
}

pub(super) type Params = HashMap<String, String>;

pub(super) async fn new_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<PremisesForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let owners = owners(&ctx, user, &m);
    if owners.is_empty() {
        return Err(AppError::Forbidden);
    }
    let organisation_id = match input.owner.as_str() {
        "municipality" if user.is_staff(m.id) => Ok(None),
        o => match o.parse::<OrganisationId>() {
            Ok(id) if owners.iter().any(|(v, _)| *v == o) => Ok(Some(id)),
            _ => Err(("owner".to_string(), Problem::Owner)),
        },
    };
    let checked = check_premises(&input);
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
            form.fill_from(&input);
            mark(&mut form, &ctx, &problems);
            html_status(
                form.status(),
                &premises_page(&ctx, &m, ctx.t("premises-inv-new-title"), form),
            )
        }
    }
}

pub(super) async fn render_premises(
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
    html_status(view.form.status(), &view)
}

pub(super) async fn edit_page(
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

pub(super) async fn edit_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(input): Input<PremisesForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let p = managed_premises(&state, user, &m, &id).await?;
    match check_premises(&input) {
        Ok(mut new) => {
            new.organisation_id = p.organisation_id;
            store::save_premises(&state.db, m.id, Some(p.id), &new, Some(user), state.now())
                .await?
                .ok_or(AppError::NotFound("err-not-found"))?;
            Ok(Redirect::to(&format!("{}/{}/redigera?sparat=1", base(&m), p.id)).into_response())
        }
        Err(problems) => {
            let mut form = premises_form(&ctx, format!("{}/{}/redigera", base(&m), p.id), None);
            form.fill_from(&input);
            mark(&mut form, &ctx, &problems);
            render_premises(&state, &ctx, &m, &p, form, None).await
        }
    }
}
