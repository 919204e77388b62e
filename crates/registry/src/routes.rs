//! The registry's pages, files and JSON.
//!
//! - `GET /{slug}/foreningar`: the public directory with search and filters
//! - `GET /{slug}/foreningar/{id}`: an organisation's public profile (public contacts only)
//! - `GET /api/v1/{slug}/organisations`: the directory as JSON, same filters
//! - `GET|POST /{slug}/foreningar/{id}/redigera`: edit the profile (its representatives, the
//!   coordinator); `POST …/bekrafta`: confirm the data is current
//! - `GET|POST /{slug}/foreningar/{id}/kontakter`, `…/lokaler`: contact people and premises
//! - `GET|POST /{slug}/foreningar/{id}/ansluta`: ask to become a representative;
//!   `GET /{slug}/foreningar/ansokningar`, `POST …/ansokningar/{rid}`: approve or reject
//! - `GET /{slug}/foreningar/inaktuella`: organisations not confirmed in twelve months
//! - `GET /{slug}/foreningar/export.csv|export.xlsx`, `GET|POST /{slug}/foreningar/import`,
//!   `POST /{slug}/foreningar/import/{draft}`: the coordinator's export and import
//! - `GET|POST /{slug}/foreningar/ny`: the coordinator registers an organisation

use crate::domain::{
    self, Category, Column, Feature, FieldError, Filters, LegalForm, OrgNumber, Vocabulary, LINE_MAX, MEMBERS_MAX,
    MISSION_MAX, NAME_MAX, PHONE_MAX, TEXT_MAX,
};
use crate::store::{self, NewContact, NewPremises, ProfileEdit, RegistryError};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use platform::auth::{require_coordinator, require_user, CurrentUser};
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::format;
use platform::i18n::{Lang, Tr};
use platform::layout::{html, html_status, Field, FieldKind, Form, Page};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
use serde::Serialize;
use std::collections::HashMap;

type Params = HashMap<String, String>;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{slug}/foreningar", get(directory))
        .route("/api/v1/{slug}/organisations", get(api_list))
        .route("/api/v1/{slug}/organisations/{id}", get(api_one))
        .route("/{slug}/foreningar/ny", get(new_page).post(create))
        .route("/{slug}/foreningar/ansokningar", get(requests_page))
        .route("/{slug}/foreningar/ansokningar/{rid}", post(decide))
        .route("/{slug}/foreningar/inaktuella", get(stale_page))
        .route("/{slug}/foreningar/paminnelser", post(send_reminders))
        .route("/{slug}/foreningar/export.csv", get(export_csv))
        .route("/{slug}/foreningar/export.xlsx", get(export_xlsx))
        .route("/{slug}/foreningar/import", get(import_page).post(import_check))
        .route("/{slug}/foreningar/import/fil", post(import_file))
        .route("/{slug}/foreningar/import/{draft}", post(import_confirm))
        .route("/{slug}/foreningar/{id}", get(profile_page))
        .route("/{slug}/foreningar/{id}/redigera", get(edit_page).post(edit))
        .route("/{slug}/foreningar/{id}/bekrafta", post(confirm))
        .route(
            "/{slug}/foreningar/{id}/kontakter",
            get(contacts_page).post(add_contact),
        )
        .route("/{slug}/foreningar/{id}/kontakter/{cid}/ta-bort", post(remove_contact))
        .route("/{slug}/foreningar/{id}/lokaler", get(premises_page).post(add_premises))
        .route("/{slug}/foreningar/{id}/lokaler/{pid}/ta-bort", post(remove_premises))
        .route("/{slug}/foreningar/{id}/ansluta", get(join_page).post(join))
}

fn base(m: &Municipality) -> String {
    format!("/{}/foreningar", m.slug)
}

fn href(m: &Municipality, id: i64) -> String {
    format!("/{}/foreningar/{id}", m.slug)
}

/// An id from the path; anything but a number is a 404.
fn id_param(p: &Params, name: &str) -> AppResult<i64> {
    p.get(name)
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or(AppError::NotFound("err-not-found"))
}

fn may_edit(user: &CurrentUser, m: &Municipality, id: i64) -> bool {
    user.is_coordinator(m.id) || user.represents(id)
}

/// The signed-in user who may edit the organisation's profile (which must be the municipality's).
async fn editor<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    m: &Municipality,
    id: i64,
) -> AppResult<(&'a CurrentUser, store::Profile)> {
    let user = require_user(ctx.user.as_ref())?;
    let p = store::profile(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if !may_edit(user, m, id) {
        return Err(AppError::Forbidden);
    }
    Ok((user, p))
}

fn field_message(tr: &Tr, e: FieldError) -> String {
    match e.n {
        Some(n) => tr.ta(e.message_id, &[("n", &n)]),
        None => tr.t(e.message_id),
    }
}

fn mark(form: &mut Form, tr: &Tr, field: &str, e: FieldError) {
    form.error(field, field_message(tr, e));
}

fn get_p<'a>(p: &'a Params, k: &str) -> &'a str {
    p.get(k).map(String::as_str).unwrap_or("")
}

// --- The directory ---

struct Choice {
    value: String,
    label: String,
    on: bool,
}

struct Row {
    href: String,
    name: String,
    categories: String,
    mission: String,
    signed: bool,
    has_premises: bool,
}

#[derive(Template)]
#[template(path = "registry_directory.html")]
struct DirectoryPage {
    page: Page,
    intro: String,
    action: String,
    q: String,
    categories: Vec<Choice>,
    signed: bool,
    premises: bool,
    features: Vec<Choice>,
    rows: Vec<Row>,
    summary: String,
    /// (href or none for a gap, number, current)
    pages: Vec<(Option<String>, i64, bool)>,
    admin: Vec<(String, String)>,
    api_href: String,
}

fn first_sentence(s: &str) -> String {
    let t: String = s.chars().take(200).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

async fn directory(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(params): Query<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = Filters::from_params(&params);
    let (found, total) = store::search(&state.db, m.id, &f).await?;
    let pages_n = domain::page_count(total);
    let pages = if pages_n > 1 {
        domain::page_links(f.page, pages_n)
            .into_iter()
            .map(|p| match p {
                Some(n) => (Some(format!("{}?{}", base(&m), f.to_query(n))), n, n == f.page),
                None => (None, 0, false),
            })
            .collect()
    } else {
        vec![]
    };
    let mut admin = vec![];
    if let Some(u) = ctx.user.as_ref() {
        if u.is_coordinator(m.id) {
            admin = vec![
                (format!("{}/ny", base(&m)), ctx.t("registry-action-new")),
                (format!("{}/import", base(&m)), ctx.t("registry-action-import")),
                (format!("{}/export.csv", base(&m)), ctx.t("registry-action-export-csv")),
                (
                    format!("{}/export.xlsx", base(&m)),
                    ctx.t("registry-action-export-xlsx"),
                ),
                (format!("{}/inaktuella", base(&m)), ctx.t("registry-action-stale")),
                (format!("{}/ansokningar", base(&m)), ctx.t("registry-action-requests")),
            ];
        } else if u
            .roles
            .iter()
            .any(|r| r.organisation_id.is_some() && r.municipality_id == Some(m.id))
        {
            admin = vec![(format!("{}/ansokningar", base(&m)), ctx.t("registry-action-requests"))];
        }
    }
    let summary = if f.page > pages_n && total > 0 {
        ctx.t("registry-past-last-page")
    } else {
        ctx.tr.tn("registry-found", "n", total)
    };
    let api_query = f.to_query(f.page);
    html(&DirectoryPage {
        page: ctx.page(ctx.t("registry-title")).in_municipality(&m.slug, &m.name),
        intro: ctx.ta_name("registry-intro", &m.name),
        action: base(&m),
        q: f.query.as_ref().map(|q| q.display()).unwrap_or_default(),
        categories: std::iter::once(Choice {
            value: String::new(),
            label: ctx.t("registry-filter-any-category"),
            on: f.category.is_none(),
        })
        .chain(Category::ALL.iter().map(|c| Choice {
            value: c.code().into(),
            label: ctx.t(c.message_id()),
            on: f.category == Some(*c),
        }))
        .collect(),
        signed: f.signed,
        premises: f.premises,
        features: Feature::ALL
            .iter()
            .map(|x| Choice {
                value: x.column().into(),
                label: ctx.t(x.message_id()),
                on: f.features.contains(x),
            })
            .collect(),
        rows: found
            .into_iter()
            .map(|l| Row {
                href: href(&m, l.id),
                categories: l
                    .categories
                    .iter()
                    .map(|c| ctx.t(c.message_id()))
                    .collect::<Vec<_>>()
                    .join(", "),
                mission: first_sentence(&l.mission),
                name: l.name,
                signed: l.signed,
                has_premises: l.has_premises,
            })
            .collect(),
        summary,
        pages,
        admin,
        api_href: if api_query.is_empty() {
            format!("/api/v1/{}/organisations", m.slug)
        } else {
            format!("/api/v1/{}/organisations?{api_query}", m.slug)
        },
    })
}

#[derive(Serialize)]
struct ApiOrganisation {
    id: i64,
    name: String,
    legal_form: &'static str,
    categories: Vec<&'static str>,
    mission: String,
    signed: bool,
    has_premises: bool,
    url: String,
}

#[derive(Serialize)]
struct ApiList {
    municipality: String,
    total: i64,
    page: i64,
    page_size: i64,
    organisations: Vec<ApiOrganisation>,
}

async fn api_list(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Query(params): Query<Vec<(String, String)>>,
) -> AppResult<Json<ApiList>> {
    let f = Filters::from_params(&params);
    let (found, total) = store::search(&state.db, m.id, &f).await?;
    Ok(Json(ApiList {
        municipality: m.slug.clone(),
        total,
        page: f.page,
        page_size: domain::PAGE_SIZE,
        organisations: found
            .into_iter()
            .map(|l| ApiOrganisation {
                id: l.id,
                url: href(&m, l.id),
                name: l.name,
                legal_form: l.legal_form.code(),
                categories: l.categories.iter().map(|c| c.code()).collect(),
                mission: l.mission,
                signed: l.signed,
                has_premises: l.has_premises,
            })
            .collect(),
    }))
}

#[derive(Serialize)]
struct ApiContact {
    name: String,
    role: String,
    email: String,
    phone: String,
}

#[derive(Serialize)]
struct ApiPremises {
    name: String,
    address: String,
    capacity: Option<i64>,
    equipment: String,
    accessibility: Vec<&'static str>,
}

#[derive(Serialize)]
struct ApiProfile {
    id: i64,
    name: String,
    org_number: Option<String>,
    legal_form: &'static str,
    categories: Vec<&'static str>,
    mission: String,
    email: String,
    phone: String,
    website: String,
    social_links: Vec<String>,
    postal_address: String,
    visiting_address: String,
    member_count: Option<i64>,
    target_groups: String,
    signed: bool,
    last_confirmed: String,
    /// Only the contact people who chose to be public.
    contacts: Vec<ApiContact>,
    premises: Vec<ApiPremises>,
}

/// One organisation's public profile as JSON (three queries).
async fn api_one(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Json<ApiProfile>> {
    let id = id_param(&p, "id")?;
    let profile = store::profile(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let contacts = store::contacts(&state.db, m.id, id, false).await?;
    let premises = store::premises(&state.db, m.id, id).await?;
    Ok(Json(ApiProfile {
        id,
        last_confirmed: format::date(domain::last_confirmed(profile.confirmed_at, profile.created_at)),
        name: profile.name,
        org_number: profile.org_number,
        legal_form: profile.legal_form.code(),
        categories: profile.categories.iter().map(|c| c.code()).collect(),
        mission: profile.mission,
        email: profile.email,
        phone: profile.phone,
        website: profile.website,
        social_links: profile.social_links,
        postal_address: profile.postal_address,
        visiting_address: profile.visiting_address,
        member_count: profile.member_count,
        target_groups: profile.target_groups,
        signed: profile.signed,
        contacts: contacts
            .into_iter()
            .map(|c| ApiContact {
                name: c.name,
                role: c.role,
                email: c.email,
                phone: c.phone,
            })
            .collect(),
        premises: premises
            .into_iter()
            .map(|x| ApiPremises {
                name: x.name,
                address: x.address,
                capacity: x.capacity,
                equipment: x.equipment,
                accessibility: x.features.iter().map(|f| f.column()).collect(),
            })
            .collect(),
    }))
}

// --- The profile ---

struct ContactView {
    name: String,
    role: String,
    email: String,
    phone: String,
}

struct PremisesView {
    name: String,
    address: String,
    capacity: String,
    equipment: String,
    features: Vec<String>,
}

#[derive(Template)]
#[template(path = "registry_profile.html")]
struct ProfilePage {
    page: Page,
    notice: Option<String>,
    /// (label, value)
    facts: Vec<(String, String)>,
    mission: String,
    website: String,
    links: Vec<String>,
    signed: bool,
    last_confirmed: String,
    stale: bool,
    contacts: Vec<ContactView>,
    premises: Vec<PremisesView>,
    /// Editing links for representatives and the coordinator.
    edit: Vec<(String, String)>,
    confirm_action: Option<String>,
    join_href: Option<String>,
    back: String,
}

async fn profile_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let profile = store::profile(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let contacts = store::contacts(&state.db, m.id, id, false).await?;
    let premises = store::premises(&state.db, m.id, id).await?;
    let now = state.now();
    let mut facts = vec![];
    if let Some(n) = &profile.org_number {
        facts.push((ctx.t("registry-field-orgnr"), n.clone()));
    }
    facts.push((ctx.t("registry-field-form"), ctx.t(profile.legal_form.message_id())));
    if !profile.categories.is_empty() {
        facts.push((
            ctx.t("registry-field-categories"),
            profile
                .categories
                .iter()
                .map(|c| ctx.t(c.message_id()))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    for (label, v) in [
        ("registry-field-target-groups", &profile.target_groups),
        ("registry-field-visiting", &profile.visiting_address),
        ("registry-field-postal", &profile.postal_address),
        ("registry-field-email", &profile.email),
        ("registry-field-phone", &profile.phone),
    ] {
        if !v.is_empty() {
            facts.push((ctx.t(label), v.clone()));
        }
    }
    if let Some(n) = profile.member_count {
        facts.push((ctx.t("registry-field-members"), n.to_string()));
    }
    let user = ctx.user.as_ref();
    let editing = user.is_some_and(|u| may_edit(u, &m, id));
    let edit = if editing {
        vec![
            (format!("{}/redigera", href(&m, id)), ctx.t("registry-action-edit")),
            (format!("{}/kontakter", href(&m, id)), ctx.t("registry-action-contacts")),
            (format!("{}/lokaler", href(&m, id)), ctx.t("registry-action-premises")),
        ]
    } else {
        vec![]
    };
    let notice = match q.get("klart").map(String::as_str) {
        Some("sparad") => Some(ctx.t("registry-done-saved")),
        Some("bekraftad") => Some(ctx.t("registry-done-confirmed")),
        Some("ansokan") => Some(ctx.t("registry-done-requested")),
        _ => None,
    };
    html(&ProfilePage {
        page: ctx.page(profile.name.clone()).in_municipality(&m.slug, &m.name),
        notice,
        facts,
        mission: profile.mission.clone(),
        website: profile.website.clone(),
        links: profile.social_links.clone(),
        signed: profile.signed,
        last_confirmed: format::date(domain::last_confirmed(profile.confirmed_at, profile.created_at)),
        stale: domain::is_stale(profile.confirmed_at, profile.created_at, now),
        contacts: contacts
            .into_iter()
            .map(|c| ContactView {
                name: c.name,
                role: c.role,
                email: c.email,
                phone: c.phone,
            })
            .collect(),
        premises: premises
            .into_iter()
            .map(|p| PremisesView {
                name: p.name,
                address: p.address,
                capacity: p.capacity.map(|c| c.to_string()).unwrap_or_default(),
                equipment: p.equipment,
                features: p.features.iter().map(|f| ctx.t(f.message_id())).collect(),
            })
            .collect(),
        edit,
        confirm_action: editing.then(|| format!("{}/bekrafta", href(&m, id))),
        join_href: (user.is_some() && !editing).then(|| format!("{}/ansluta", href(&m, id))),
        back: base(&m),
    })
}

// --- Editing ---

#[derive(Template)]
#[template(path = "registry_form.html")]
struct FormPage {
    page: Page,
    intro: Vec<String>,
    notice: Option<String>,
    form: Option<Form>,
    /// Items listed above the form, each with an optional remove action: (text, action).
    items_heading: String,
    items: Vec<(String, Option<String>)>,
    remove_label: String,
    links: Vec<(String, String)>,
}

impl FormPage {
    fn new(page: Page) -> FormPage {
        FormPage {
            page,
            intro: vec![],
            notice: None,
            form: None,
            items_heading: String::new(),
            items: vec![],
            remove_label: String::new(),
            links: vec![],
        }
    }
}

fn checkbox(name: &str, label: String, on: bool) -> Field {
    Field::new(name, label, FieldKind::Checkbox).value(if on { "on" } else { "" })
}

fn profile_form(ctx: &Ctx, action: String, p: Option<&store::Profile>) -> Form {
    let v = |f: &dyn Fn(&store::Profile) -> String| p.map(f).unwrap_or_default();
    let mut fields = vec![
        Field::new("name", ctx.t("registry-field-name"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX)
            .value(v(&|p| p.name.clone()))
            .autocomplete("organization"),
        Field::new("org_number", ctx.t("registry-field-orgnr"), FieldKind::Text)
            .required()
            .hint(ctx.t("registry-field-orgnr-hint"))
            .value(v(&|p| p.org_number.clone().unwrap_or_default())),
        Field::new("legal_form", ctx.t("registry-field-form"), FieldKind::Select)
            .required()
            .options(
                LegalForm::ALL
                    .iter()
                    .map(|f| (f.code().to_string(), ctx.t(f.message_id())))
                    .collect(),
            )
            .value(v(&|p| p.legal_form.code().to_string())),
    ];
    for c in Category::ALL {
        fields.push(checkbox(
            &format!("cat_{}", c.code()),
            ctx.ta_name("registry-field-category", &ctx.t(c.message_id())),
            p.is_some_and(|p| p.categories.contains(&c)),
        ));
    }
    fields.extend([
        Field::new("mission", ctx.t("registry-field-mission"), FieldKind::TextArea)
            .max_len(MISSION_MAX)
            .hint(ctx.t("registry-field-mission-hint"))
            .value(v(&|p| p.mission.clone())),
        Field::new("target_groups", ctx.t("registry-field-target-groups"), FieldKind::Text)
            .max_len(LINE_MAX)
            .value(v(&|p| p.target_groups.clone())),
        Field::new("members", ctx.t("registry-field-members"), FieldKind::Number)
            .value(v(&|p| p.member_count.map(|n| n.to_string()).unwrap_or_default())),
        Field::new("email", ctx.t("registry-field-email"), FieldKind::Email)
            .value(v(&|p| p.email.clone()))
            .autocomplete("email"),
        Field::new("phone", ctx.t("registry-field-phone"), FieldKind::Text)
            .max_len(PHONE_MAX)
            .value(v(&|p| p.phone.clone()))
            .autocomplete("tel"),
        Field::new("website", ctx.t("registry-field-website"), FieldKind::Text)
            .max_len(LINE_MAX)
            .value(v(&|p| p.website.clone()))
            .autocomplete("url"),
        Field::new("social_links", ctx.t("registry-field-links"), FieldKind::TextArea)
            .hint(ctx.t("registry-field-links-hint"))
            .value(v(&|p| p.social_links.join("\n"))),
        Field::new("postal_address", ctx.t("registry-field-postal"), FieldKind::Text)
            .max_len(LINE_MAX)
            .value(v(&|p| p.postal_address.clone())),
        Field::new("visiting_address", ctx.t("registry-field-visiting"), FieldKind::Text)
            .max_len(LINE_MAX)
            .value(v(&|p| p.visiting_address.clone())),
    ]);
    Form::new(action, ctx.t("registry-submit-save"), fields)
}

/// Check an edited profile; the form gets the problems on its fields.
fn read_profile(ctx: &Ctx, input: &Params, form: &mut Form) -> Option<ProfileEdit> {
    let tr = &ctx.tr;
    form.fill(|name| Some(get_p(input, name).to_string()));
    let mut ok = true;
    let mut take = |form: &mut Form, field: &str, r: Result<String, FieldError>| match r {
        Ok(v) => v,
        Err(e) => {
            mark(form, tr, field, e);
            ok = false;
            String::new()
        }
    };
    let name = take(
        form,
        "name",
        platform::rules::line(get_p(input, "name"), NAME_MAX).map_err(Into::into),
    );
    let number = take(
        form,
        "org_number",
        OrgNumber::parse(get_p(input, "org_number"))
            .map(String::from)
            .map_err(Into::into),
    );
    let mission = take(
        form,
        "mission",
        if get_p(input, "mission").trim().is_empty() {
            Ok(String::new())
        } else {
            platform::rules::text(get_p(input, "mission"), MISSION_MAX).map_err(Into::into)
        },
    );
    let target_groups = take(
        form,
        "target_groups",
        domain::opt_line(get_p(input, "target_groups"), LINE_MAX),
    );
    let email = take(form, "email", domain::opt_email(get_p(input, "email")));
    let phone = take(form, "phone", domain::opt_phone(get_p(input, "phone")));
    let website = take(form, "website", domain::opt_url(get_p(input, "website")));
    let postal_address = take(
        form,
        "postal_address",
        domain::opt_line(get_p(input, "postal_address"), LINE_MAX),
    );
    let visiting_address = take(
        form,
        "visiting_address",
        domain::opt_line(get_p(input, "visiting_address"), LINE_MAX),
    );
    let social_links = match domain::links(get_p(input, "social_links")) {
        Ok(v) => v,
        Err(e) => {
            mark(form, tr, "social_links", e);
            ok = false;
            vec![]
        }
    };
    let member_count = match domain::opt_count(get_p(input, "members"), MEMBERS_MAX) {
        Ok(n) => n,
        Err(e) => {
            mark(form, tr, "members", e);
            ok = false;
            None
        }
    };
    let legal_form = match LegalForm::parse(get_p(input, "legal_form")) {
        Some(f) => f,
        None => {
            form.error("legal_form", ctx.t("err-choose"));
            ok = false;
            LegalForm::Annan
        }
    };
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| !get_p(input, &format!("cat_{}", c.code())).is_empty())
        .collect();
    let org_number = OrgNumber::parse(&number).ok();
    (ok && !form.has_errors()).then_some(ProfileEdit {
        name,
        org_number,
        legal_form,
        categories,
        mission,
        email,
        phone,
        website,
        social_links,
        postal_address,
        visiting_address,
        member_count,
        target_groups,
    })
}

fn edit_frame(ctx: &Ctx, m: &Municipality, title: String, back: String, form: Form) -> FormPage {
    let mut page = FormPage::new(ctx.page(title).in_municipality(&m.slug, &m.name));
    page.intro = vec![ctx.t("registry-edit-intro")];
    page.form = Some(form);
    page.links = vec![(back, ctx.t("registry-back-to-profile"))];
    page
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let (_, profile) = editor(&state, &ctx, &m, id).await?;
    let form = profile_form(&ctx, format!("{}/redigera", href(&m, id)), Some(&profile));
    html(&edit_frame(
        &ctx,
        &m,
        ctx.ta_name("registry-edit-title", &profile.name),
        href(&m, id),
        form,
    ))
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let (user, profile) = editor(&state, &ctx, &m, id).await?;
    let mut form = profile_form(&ctx, format!("{}/redigera", href(&m, id)), Some(&profile));
    if let Some(e) = read_profile(&ctx, &input, &mut form) {
        match store::update(&state.db, m.id, id, &e, Some(user), state.now()).await {
            Ok(()) => return Ok(Redirect::to(&format!("{}?klart=sparad", href(&m, id))).into_response()),
            Err(RegistryError::DuplicateNumber) => form.error("org_number", ctx.t("registry-err-orgnr-taken")),
            Err(RegistryError::NotFound) => return Err(AppError::NotFound("err-not-found")),
            Err(RegistryError::AlreadyRequested) => return Err(AppError::BadRequest("err-bad-form")),
            Err(RegistryError::Db(e)) => return Err(e.into()),
        }
    }
    let page = edit_frame(
        &ctx,
        &m,
        ctx.ta_name("registry-edit-title", &profile.name),
        href(&m, id),
        form.clone(),
    );
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

async fn new_page(State(_state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let form = profile_form(&ctx, format!("{}/ny", base(&m)), None);
    html(&edit_frame(&ctx, &m, ctx.t("registry-new-title"), base(&m), form))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = profile_form(&ctx, format!("{}/ny", base(&m)), None);
    if let Some(e) = read_profile(&ctx, &input, &mut form) {
        match store::create(&state.db, m.id, &e, Some(user), state.now()).await {
            Ok(id) => return Ok(Redirect::to(&format!("{}?klart=sparad", href(&m, id))).into_response()),
            Err(RegistryError::DuplicateNumber) => form.error("org_number", ctx.t("registry-err-orgnr-taken")),
            Err(RegistryError::Db(e)) => return Err(e.into()),
            Err(_) => return Err(AppError::BadRequest("err-bad-form")),
        }
    }
    let page = edit_frame(&ctx, &m, ctx.t("registry-new-title"), base(&m), form);
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let (user, _) = editor(&state, &ctx, &m, id).await?;
    match store::confirm(&state.db, m.id, id, user, state.now()).await {
        Ok(()) => Ok(Redirect::to(&format!("{}?klart=bekraftad", href(&m, id))).into_response()),
        Err(RegistryError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::NotFound("err-not-found")),
    }
}

// --- Contacts and premises ---

fn contact_form(ctx: &Ctx, action: String) -> Form {
    Form::new(
        action,
        ctx.t("registry-submit-add-contact"),
        vec![
            Field::new("name", ctx.t("registry-contact-name"), FieldKind::Text)
                .required()
                .max_len(NAME_MAX)
                .autocomplete("off"),
            Field::new("role", ctx.t("registry-contact-role"), FieldKind::Text).max_len(LINE_MAX),
            Field::new("email", ctx.t("registry-field-email"), FieldKind::Email).autocomplete("off"),
            Field::new("phone", ctx.t("registry-field-phone"), FieldKind::Text)
                .max_len(PHONE_MAX)
                .autocomplete("off"),
            Field::new("public", ctx.t("registry-contact-public"), FieldKind::Checkbox)
                .hint(ctx.t("registry-contact-public-hint")),
            Field::new("consent", ctx.t("registry-contact-consent"), FieldKind::Checkbox).required(),
        ],
    )
}

async fn contacts_frame(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    p: &store::Profile,
    form: Form,
) -> AppResult<FormPage> {
    let id = p.organisation_id;
    let all = store::contacts(&state.db, m.id, id, true).await?;
    let mut page = FormPage::new(
        ctx.page(ctx.ta_name("registry-contacts-title", &p.name))
            .in_municipality(&m.slug, &m.name),
    );
    page.intro = vec![ctx.t("registry-contacts-intro")];
    page.items_heading = ctx.t("registry-contacts-heading");
    page.remove_label = ctx.t("registry-remove");
    page.items = all
        .iter()
        .map(|c| {
            let visibility = if c.is_public {
                ctx.t("registry-contact-is-public")
            } else {
                ctx.t("registry-contact-not-public")
            };
            let details: Vec<&str> = [c.role.as_str(), c.email.as_str(), c.phone.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            (
                format!(
                    "{} ({}) {} {}",
                    c.name,
                    visibility,
                    details.join(", "),
                    ctx.ta_name("registry-contact-consent-on", &format::date(c.consent_at))
                ),
                Some(format!("{}/kontakter/{}/ta-bort", href(m, id), c.id)),
            )
        })
        .collect();
    page.form = Some(form);
    page.links = vec![(href(m, id), ctx.t("registry-back-to-profile"))];
    Ok(page)
}

async fn contacts_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let (_, profile) = editor(&state, &ctx, &m, id).await?;
    let form = contact_form(&ctx, format!("{}/kontakter", href(&m, id)));
    html(&contacts_frame(&state, &ctx, &m, &profile, form).await?)
}

async fn add_contact(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let (user, profile) = editor(&state, &ctx, &m, id).await?;
    let mut form = contact_form(&ctx, format!("{}/kontakter", href(&m, id)));
    form.fill(|n| Some(get_p(&input, n).to_string()));
    let tr = &ctx.tr;
    let mut check = |field: &str, r: Result<String, FieldError>| match r {
        Ok(v) => v,
        Err(e) => {
            mark(&mut form, tr, field, e);
            String::new()
        }
    };
    let name = check(
        "name",
        platform::rules::line(get_p(&input, "name"), NAME_MAX).map_err(Into::into),
    );
    let role = check("role", domain::opt_line(get_p(&input, "role"), LINE_MAX));
    let email = check("email", domain::opt_email(get_p(&input, "email")));
    let phone = check("phone", domain::opt_phone(get_p(&input, "phone")));
    if get_p(&input, "consent").is_empty() {
        form.error("consent", ctx.t("registry-err-consent"));
    }
    if !form.has_errors() {
        let c = NewContact {
            name,
            role,
            email,
            phone,
            is_public: !get_p(&input, "public").is_empty(),
        };
        store::add_contact(&state.db, m.id, id, &c, Some(user), state.now())
            .await
            .map_err(to_app)?;
        return Ok(Redirect::to(&format!("{}/kontakter", href(&m, id))).into_response());
    }
    html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &contacts_frame(&state, &ctx, &m, &profile, form).await?,
    )
}

fn to_app(e: RegistryError) -> AppError {
    match e {
        RegistryError::Db(e) => e.into(),
        RegistryError::NotFound => AppError::NotFound("err-not-found"),
        _ => AppError::BadRequest("err-bad-form"),
    }
}

async fn remove_contact(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let cid = id_param(&p, "cid")?;
    let (user, _) = editor(&state, &ctx, &m, id).await?;
    store::remove_contact(&state.db, m.id, id, cid, user, state.now())
        .await
        .map_err(to_app)?;
    Ok(Redirect::to(&format!("{}/kontakter", href(&m, id))).into_response())
}

fn premises_form(ctx: &Ctx, action: String) -> Form {
    let mut fields = vec![
        Field::new("name", ctx.t("registry-premises-name"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX),
        Field::new("address", ctx.t("registry-premises-address"), FieldKind::Text).max_len(LINE_MAX),
        Field::new("capacity", ctx.t("registry-premises-capacity"), FieldKind::Number),
        Field::new("equipment", ctx.t("registry-premises-equipment"), FieldKind::TextArea)
            .max_len(TEXT_MAX)
            .hint(ctx.t("registry-premises-equipment-hint")),
    ];
    for f in Feature::ALL {
        fields.push(checkbox(&format!("feat_{}", f.column()), ctx.t(f.message_id()), false));
    }
    Form::new(action, ctx.t("registry-submit-add-premises"), fields)
}

async fn premises_frame(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    p: &store::Profile,
    form: Form,
) -> AppResult<FormPage> {
    let id = p.organisation_id;
    let all = store::premises(&state.db, m.id, id).await?;
    let mut page = FormPage::new(
        ctx.page(ctx.ta_name("registry-premises-title", &p.name))
            .in_municipality(&m.slug, &m.name),
    );
    page.intro = vec![ctx.t("registry-premises-intro")];
    page.items_heading = ctx.t("registry-premises-heading");
    page.remove_label = ctx.t("registry-remove");
    page.items = all
        .iter()
        .map(|x| {
            let feats: Vec<String> = x.features.iter().map(|f| ctx.t(f.message_id())).collect();
            (
                format!("{} {} {}", x.name, x.address, feats.join(", ")),
                Some(format!("{}/lokaler/{}/ta-bort", href(m, id), x.id)),
            )
        })
        .collect();
    page.form = Some(form);
    page.links = vec![(href(m, id), ctx.t("registry-back-to-profile"))];
    Ok(page)
}

async fn premises_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let (_, profile) = editor(&state, &ctx, &m, id).await?;
    let form = premises_form(&ctx, format!("{}/lokaler", href(&m, id)));
    html(&premises_frame(&state, &ctx, &m, &profile, form).await?)
}

async fn add_premises(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let (user, profile) = editor(&state, &ctx, &m, id).await?;
    let mut form = premises_form(&ctx, format!("{}/lokaler", href(&m, id)));
    form.fill(|n| Some(get_p(&input, n).to_string()));
    let tr = &ctx.tr;
    let mut check = |field: &str, r: Result<String, FieldError>| match r {
        Ok(v) => v,
        Err(e) => {
            mark(&mut form, tr, field, e);
            String::new()
        }
    };
    let name = check(
        "name",
        platform::rules::line(get_p(&input, "name"), NAME_MAX).map_err(Into::into),
    );
    let address = check("address", domain::opt_line(get_p(&input, "address"), LINE_MAX));
    let equipment = check(
        "equipment",
        if get_p(&input, "equipment").trim().is_empty() {
            Ok(String::new())
        } else {
            platform::rules::text(get_p(&input, "equipment"), TEXT_MAX).map_err(Into::into)
        },
    );
    let capacity = match domain::opt_count(get_p(&input, "capacity"), domain::CAPACITY_MAX) {
        Ok(n) => n,
        Err(e) => {
            mark(&mut form, tr, "capacity", e);
            None
        }
    };
    if !form.has_errors() {
        let new = NewPremises {
            name,
            address,
            capacity,
            equipment,
            features: Feature::ALL
                .into_iter()
                .filter(|f| !get_p(&input, &format!("feat_{}", f.column())).is_empty())
                .collect(),
        };
        store::add_premises(&state.db, m.id, id, &new, Some(user), state.now())
            .await
            .map_err(to_app)?;
        return Ok(Redirect::to(&format!("{}/lokaler", href(&m, id))).into_response());
    }
    html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &premises_frame(&state, &ctx, &m, &profile, form).await?,
    )
}

async fn remove_premises(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let pid = id_param(&p, "pid")?;
    let (user, _) = editor(&state, &ctx, &m, id).await?;
    store::remove_premises(&state.db, m.id, id, pid, user, state.now())
        .await
        .map_err(to_app)?;
    Ok(Redirect::to(&format!("{}/lokaler", href(&m, id))).into_response())
}

// --- Joining ---

fn join_form(ctx: &Ctx, action: String) -> Form {
    Form::new(
        action,
        ctx.t("registry-submit-join"),
        vec![
            Field::new("message", ctx.t("registry-join-message"), FieldKind::TextArea)
                .max_len(TEXT_MAX)
                .hint(ctx.t("registry-join-message-hint")),
        ],
    )
}

async fn join_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    require_user(ctx.user.as_ref())?;
    let profile = store::profile(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let mut page = FormPage::new(
        ctx.page(ctx.ta_name("registry-join-title", &profile.name))
            .in_municipality(&m.slug, &m.name),
    );
    page.intro = vec![ctx.t("registry-join-intro")];
    page.form = Some(join_form(&ctx, format!("{}/ansluta", href(&m, id))));
    page.links = vec![(href(&m, id), ctx.t("registry-back-to-profile"))];
    html(&page)
}

async fn join(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let id = id_param(&p, "id")?;
    let user = require_user(ctx.user.as_ref())?;
    let profile = store::profile(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let mut form = join_form(&ctx, format!("{}/ansluta", href(&m, id)));
    form.fill(|n| Some(get_p(&input, n).to_string()));
    let message = get_p(&input, "message");
    let message = if message.trim().is_empty() {
        Ok(String::new())
    } else {
        platform::rules::text(message, TEXT_MAX)
    };
    match message {
        Ok(msg) => match store::request_join(
            &state.db,
            m.id,
            id,
            user,
            &msg,
            &join_emails(&state, &m, &profile, user).await?,
            state.now(),
        )
        .await
        {
            Ok(_) => return Ok(Redirect::to(&format!("{}?klart=ansokan", href(&m, id))).into_response()),
            Err(RegistryError::AlreadyRequested) => form.error("message", ctx.t("registry-err-already-requested")),
            Err(e) => return Err(to_app(e)),
        },
        Err(e) => form.invalid(&ctx.tr, "message", e),
    }
    let mut page = FormPage::new(
        ctx.page(ctx.ta_name("registry-join-title", &profile.name))
            .in_municipality(&m.slug, &m.name),
    );
    page.form = Some(form);
    page.links = vec![(href(&m, id), ctx.t("registry-back-to-profile"))];
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Swedish messages for e-mail (the recipients' language is not known).
fn swedish(state: &AppState) -> Tr {
    Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    }
}

fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.base_url.trim_end_matches('/'))
}

async fn join_emails(
    state: &AppState,
    m: &Municipality,
    p: &store::Profile,
    user: &CurrentUser,
) -> AppResult<Vec<platform::mail::Email>> {
    let tr = swedish(state);
    let to = store::approvers(&state.db, m.id, p.organisation_id).await?;
    let requests = link(state, &format!("{}/ansokningar", base(m)));
    Ok(to
        .into_iter()
        .filter(|a| *a != user.email)
        .map(|to| platform::mail::Email {
            attachment: None,
            to,
            subject: tr.ta("registry-join-mail-subject", &[("name", &p.name)]),
            body: tr.ta(
                "registry-join-mail-body",
                &[("person", &user.name), ("name", &p.name), ("link", &requests)],
            ),
        })
        .collect())
}

struct RequestView {
    organisation: String,
    organisation_href: String,
    person: String,
    email: String,
    message: String,
    date: String,
    action: String,
}

#[derive(Template)]
#[template(path = "registry_requests.html")]
struct RequestsPage {
    page: Page,
    notice: Option<String>,
    requests: Vec<RequestView>,
    back: String,
}

async fn requests_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let coordinator = user.is_coordinator(m.id);
    if !coordinator
        && !user
            .roles
            .iter()
            .any(|r| r.organisation_id.is_some() && r.municipality_id == Some(m.id))
    {
        return Err(AppError::Forbidden);
    }
    let all = store::pending_requests(&state.db, m.id, None).await?;
    let requests = all
        .into_iter()
        .filter(|r| coordinator || user.represents(r.organisation_id))
        .map(|r| RequestView {
            organisation_href: href(&m, r.organisation_id),
            organisation: r.organisation_name,
            person: r.user_name,
            email: r.user_email,
            message: r.message,
            date: format::date(r.created_at),
            action: format!("{}/ansokningar/{}", base(&m), r.id),
        })
        .collect();
    let notice = match q.get("klart").map(String::as_str) {
        Some("godkand") => Some(ctx.t("registry-done-approved")),
        Some("avslagen") => Some(ctx.t("registry-done-rejected")),
        _ => None,
    };
    html(&RequestsPage {
        page: ctx
            .page(ctx.t("registry-requests-title"))
            .in_municipality(&m.slug, &m.name),
        notice,
        requests,
        back: base(&m),
    })
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let rid = id_param(&p, "rid")?;
    let user = require_user(ctx.user.as_ref())?;
    let req = store::request(&state.db, m.id, rid)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if !may_edit(user, &m, req.organisation_id) {
        return Err(AppError::Forbidden);
    }
    let approve = match get_p(&input, "decision") {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::BadRequest("err-bad-form")),
    };
    let tr = swedish(&state);
    let mail = platform::mail::Email {
        attachment: None,
        to: req.user_email.clone(),
        subject: tr.ta("registry-decided-mail-subject", &[("name", &req.organisation_name)]),
        body: tr.ta(
            if approve {
                "registry-approved-mail-body"
            } else {
                "registry-rejected-mail-body"
            },
            &[
                ("name", &req.organisation_name),
                ("link", &link(&state, &href(&m, req.organisation_id))),
            ],
        ),
    };
    store::decide(&state.db, m.id, rid, approve, user, Some(&mail), state.now())
        .await
        .map_err(to_app)?;
    let done = if approve { "godkand" } else { "avslagen" };
    Ok(Redirect::to(&format!("{}/ansokningar?klart={done}", base(&m))).into_response())
}

// --- Freshness ---

#[derive(Template)]
#[template(path = "registry_stale.html")]
struct StalePage {
    page: Page,
    intro: String,
    notice: Option<String>,
    /// (name, href, last confirmed, reminded)
    rows: Vec<(String, String, String, String)>,
    remind_action: String,
    back: String,
}

async fn stale_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<Params>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let rows = store::stale(&state.db, m.id, state.now()).await?;
    html(&StalePage {
        page: ctx
            .page(ctx.t("registry-stale-title"))
            .in_municipality(&m.slug, &m.name),
        intro: ctx.tr.tn("registry-stale-intro", "n", rows.len() as i64),
        notice: q.contains_key("skickat").then(|| ctx.t("registry-done-reminders")),
        rows: rows
            .into_iter()
            .map(|r| {
                (
                    r.name,
                    href(&m, r.id),
                    if r.confirmed {
                        format::date(r.last_confirmed)
                    } else {
                        ctx.ta_name("registry-stale-never", &format::date(r.last_confirmed))
                    },
                    r.reminded_at.map(format::date).unwrap_or_default(),
                )
            })
            .collect(),
        remind_action: format!("{}/paminnelser", base(&m)),
        back: base(&m),
    })
}

async fn send_reminders(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let now = state.now();
    crate::reminders::schedule(&state.db, now, now).await?;
    state.jobs_wakeup.notify_one();
    Ok(Redirect::to(&format!("{}/inaktuella?skickat=1", base(&m))).into_response())
}

// --- Export and import ---

fn export_table(ctx: &Ctx, profiles: &[store::Profile]) -> Vec<Vec<String>> {
    let mut rows = vec![Column::ALL.iter().map(|c| ctx.t(c.message_id())).collect::<Vec<_>>()];
    for p in profiles {
        rows.push(vec![
            p.org_number.clone().unwrap_or_default(),
            p.name.clone(),
            ctx.t(p.legal_form.message_id()),
            p.categories
                .iter()
                .map(|c| ctx.t(c.message_id()))
                .collect::<Vec<_>>()
                .join(", "),
            p.mission.clone(),
            p.email.clone(),
            p.phone.clone(),
            p.website.clone(),
            p.postal_address.clone(),
            p.visiting_address.clone(),
            p.member_count.map(|n| n.to_string()).unwrap_or_default(),
            p.target_groups.clone(),
        ]);
    }
    rows
}

fn attachment(mut res: Response, content_type: &'static str, filename: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn export_csv(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let profiles = store::all_profiles(&state.db, m.id).await?;
    let body = platform::csv::document(&export_table(&ctx, &profiles));
    Ok(attachment(
        body.into_response(),
        "text/csv; charset=utf-8",
        &format!("foreningar-{}.csv", m.slug),
    ))
}

fn xlsx(rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        for (c, v) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            if r == 0 {
                sheet.write_string_with_format(r, c, v, &bold)?;
            } else {
                sheet.write_string(r, c, v)?;
            }
        }
    }
    book.save_to_buffer()
}

async fn export_xlsx(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let profiles = store::all_profiles(&state.db, m.id).await?;
    let bytes = xlsx(&export_table(&ctx, &profiles)).map_err(|e| AppError::Internal(e.into()))?;
    Ok(attachment(
        bytes.into_response(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("foreningar-{}.xlsx", m.slug),
    ))
}

/// Header texts, legal forms and categories in both languages, and their codes.
fn vocabulary(state: &AppState) -> Vocabulary {
    let mut v = Vocabulary::with_codes();
    for lang in [Lang::Sv, Lang::En] {
        let tr = Tr {
            lang,
            catalog: state.catalog.clone(),
        };
        for c in Column::ALL {
            v.columns.insert(tr.t(c.message_id()).to_lowercase(), c);
        }
        for f in LegalForm::ALL {
            v.forms.insert(tr.t(f.message_id()).to_lowercase(), f);
        }
        for c in Category::ALL {
            v.categories.insert(tr.t(c.message_id()).to_lowercase(), c);
        }
    }
    v
}

struct ProblemView {
    line: usize,
    column: String,
    message: String,
    value: String,
}

#[derive(Template)]
#[template(path = "registry_import.html")]
struct ImportPage {
    page: Page,
    intro: Vec<String>,
    form: Form,
    summary: Option<String>,
    problems: Vec<ProblemView>,
    /// (line, name, organisationsnummer) of the rows that would be imported.
    good: Vec<(usize, String, String)>,
    confirm_action: Option<String>,
    /// Where the file upload form posts (with its CSRF token in the query string).
    upload_action: String,
    back: String,
}

fn import_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        format!("{}/import", base(m)),
        ctx.t("registry-submit-check-import"),
        vec![Field::new("csv", ctx.t("registry-import-field"), FieldKind::TextArea)
            .required()
            .hint(ctx.t("registry-import-field-hint"))],
    )
}

fn import_frame(ctx: &Ctx, m: &Municipality, form: Form) -> ImportPage {
    let columns: Vec<String> = Column::ALL.iter().map(|c| ctx.t(c.message_id())).collect();
    ImportPage {
        page: ctx
            .page(ctx.t("registry-import-title"))
            .in_municipality(&m.slug, &m.name),
        intro: vec![
            ctx.t("registry-import-intro"),
            ctx.ta_name("registry-import-columns", &columns.join("; ")),
        ],
        form,
        summary: None,
        problems: vec![],
        good: vec![],
        confirm_action: None,
        upload_action: format!("{}/import/fil?_csrf={}", base(m), urlencoding::encode(&ctx.csrf)),
        back: base(m),
    }
}

async fn import_page(ctx: Ctx, Tenant(m): Tenant, Query(q): Query<Params>) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut page = import_frame(&ctx, &m, import_form(&ctx, &m));
    if let Some(n) = q.get("importerade").and_then(|n| n.parse::<i64>().ok()) {
        page.summary = Some(ctx.tr.tn("registry-import-done", "n", n));
    }
    html(&page)
}

async fn import_check(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let text = get_p(&input, "csv");
    let mut form = import_form(&ctx, &m);
    form.fill(|n| Some(get_p(&input, n).to_string()));
    preview(&state, &ctx, &m, user, text, form).await
}

/// The same check for a CSV file sent with the upload form (UTF-8 or Windows-1252, as Excel
/// saves it); the file's text is shown in the paste field so that it can be corrected there.
async fn import_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    mut multipart: axum::extract::Multipart,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = import_form(&ctx, &m);
    let Some(upload) = platform::upload::file(&mut multipart, "file").await? else {
        form.error("csv", ctx.t("registry-import-no-file"));
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &import_frame(&ctx, &m, form));
    };
    let text = platform::upload::decode_text(&upload.bytes);
    form.fill(|n| (n == "csv").then(|| text.clone()));
    preview(&state, &ctx, &m, user, &text, form).await
}

/// Check an import and show what would be created and every row that cannot be; nothing is
/// saved but the draft that the confirmation imports.
async fn preview(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    user: &CurrentUser,
    text: &str,
    mut form: Form,
) -> AppResult<Response> {
    let existing = store::existing_numbers(&state.db, m.id).await?;
    let check = domain::check_import(text, &vocabulary(state), &existing);
    if let Some(e) = check.fatal {
        mark(&mut form, &ctx.tr, "csv", e);
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &import_frame(ctx, m, form));
    }
    let mut page = import_frame(ctx, m, form);
    page.summary = Some(ctx.tr.ta(
        "registry-import-summary",
        &[("good", &check.rows.len()), ("bad", &check.problems.len())],
    ));
    page.problems = check
        .problems
        .iter()
        .map(|p| ProblemView {
            line: p.line,
            column: p.column.map(|c| ctx.t(c.message_id())).unwrap_or_default(),
            message: field_message(&ctx.tr, p.error),
            value: p.value.clone(),
        })
        .collect();
    page.good = check
        .rows
        .iter()
        .map(|r| (r.line, r.name.clone(), r.org_number.to_string()))
        .collect();
    if !check.rows.is_empty() {
        let draft = store::save_draft(&state.db, m.id, user.id, &check.rows, state.now()).await?;
        page.confirm_action = Some(format!("{}/import/{draft}", base(m)));
    }
    html(&page)
}

async fn import_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(p): Path<Params>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let draft = id_param(&p, "draft")?;
    let rows = store::take_draft(&state.db, m.id, user.id, draft)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    match store::import(&state.db, m.id, rows, user, state.now()).await {
        Ok(n) => Ok(Redirect::to(&format!("{}/import?importerade={n}", base(&m))).into_response()),
        Err(RegistryError::DuplicateNumber) => {
            let mut form = import_form(&ctx, &m);
            form.error("csv", ctx.t("registry-import-dup-registry"));
            html_status(StatusCode::CONFLICT, &import_frame(&ctx, &m, form))
        }
        Err(e) => Err(to_app(e)),
    }
}
