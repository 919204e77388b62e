//! The coordinator's pages of the register: the list with the form for a new agreement, and
//! one agreement's page to change it, keep its documents, end it or remove it. Every change is
//! in the audit trail (the store writes it).
//!
//! - `GET|POST /{slug}/overenskommelse/hantera/sarskilda`: the list; add one
//! - `GET|POST …/hantera/sarskilda/{id}`: change one; `POST …/avsluta`, `POST …/ta-bort`
//! - `POST …/hantera/sarskilda/{id}/dokument` (multipart, the CSRF token in the query): upload
//! - `POST …/hantera/sarskilda/{id}/dokument/{doc}/ta-bort`: remove a document

use super::domain::{self, Checked, Kind, Specific, SpecificError, Status, Typed, ORGANISATION_NAMES};
use super::routes::today;
use super::store;
use crate::domain::{FieldError, NAME_MAX, TEXT_MAX};
use crate::ids::SpecificId;
use crate::paths;
use crate::web::{done, fill, store_error, text, Done};
use platform::web::prelude::*;
use platform::{DepartmentId, OrganisationId};
use serde::{Deserialize, Serialize};

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/overenskommelse/hantera/sarskilda", get(list).post(add))
        .route("/{slug}/overenskommelse/hantera/sarskilda/{id}", get(edit).post(save))
        .route("/{slug}/overenskommelse/hantera/sarskilda/{id}/avsluta", post(end))
        .route("/{slug}/overenskommelse/hantera/sarskilda/{id}/ta-bort", post(remove))
}

/// The choices the form offers: the municipality's departments and the registry's associations.
pub(super) struct Choices {
    departments: Vec<(DepartmentId, String)>,
    organisations: Vec<(OrganisationId, String)>,
}

pub(super) async fn choices(state: &AppState, m: &Municipality) -> AppResult<Choices> {
    let departments = platform::tenants::store::departments(&state.db, m.id)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect();
    let organisations = registry::public::organisation_choices(&state.db, m.id).await?;
    Ok(Choices {
        departments,
        organisations,
    })
}

fn fields(ctx: &Ctx, m: &Municipality, c: &Choices) -> Vec<Field> {
    let mut departments = vec![(
        String::new(),
        ctx.tr.ta("agreement-specific-whole-municipality", &[("name", &m.name)]),
    )];
    departments.extend(c.departments.iter().map(|(id, n)| (id.to_string(), n.clone())));
    let mut organisations = vec![(String::new(), ctx.t("agreement-specific-no-organisation"))];
    organisations.extend(c.organisations.iter().map(|(id, n)| (id.to_string(), n.clone())));
    let mut v = vec![
        Field::new("kind", ctx.t("agreement-specific-field-kind"), FieldKind::Select)
            .required()
            .options(
                Kind::ALL
                    .iter()
                    .map(|k| (k.as_str().to_string(), ctx.t(k.message_id())))
                    .collect(),
            )
            .value(Kind::Specific.as_str()),
        Field::new("title", ctx.t("agreement-specific-field-title"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX),
        Field::new("subject", ctx.t("agreement-specific-field-subject"), FieldKind::Text)
            .required()
            .hint(ctx.t("agreement-specific-hint-subject"))
            .max_len(domain::SUBJECT_MAX),
        Field::new(
            "department",
            ctx.t("agreement-specific-field-department"),
            FieldKind::Select,
        )
        .required()
        .options(departments),
    ];
    for (i, name) in ORGANISATION_NAMES.iter().enumerate() {
        let mut f = Field::new(
            name,
            ctx.tr.ta("agreement-specific-field-organisation", &[("n", &(i + 1))]),
            FieldKind::Select,
        )
        .options(organisations.clone());
        if i == 0 {
            f = f.hint(ctx.t("agreement-specific-hint-organisation"));
        }
        v.push(f);
    }
    v.extend([
        Field::new(
            "other_parties",
            ctx.t("agreement-specific-field-other-parties"),
            FieldKind::TextArea,
        )
        .hint(ctx.t("agreement-specific-hint-other-parties"))
        .max_len(domain::PARTIES_MAX),
        Field::new(
            "starts_on",
            ctx.t("agreement-specific-field-starts-on"),
            FieldKind::Date,
        )
        .required()
        .hint(ctx.t("agreement-hint-date")),
        Field::new("ends_on", ctx.t("agreement-specific-field-ends-on"), FieldKind::Date)
            .hint(ctx.t("agreement-specific-hint-ends-on")),
        Field::new(
            "description",
            ctx.t("agreement-specific-field-description"),
            FieldKind::TextArea,
        )
        .hint(ctx.tr.ta("agreement-hint-text", &[("n", &TEXT_MAX)]))
        .max_len(TEXT_MAX),
        Field::new(
            "published",
            ctx.t("agreement-specific-field-published"),
            FieldKind::Checkbox,
        )
        .hint(ctx.t("agreement-specific-hint-published")),
    ]);
    v
}

fn add_form(ctx: &Ctx, m: &Municipality, c: &Choices) -> Form {
    Form::new(
        paths::specifics_manage(m),
        ctx.t("agreement-specific-add"),
        fields(ctx, m, c),
    )
}

pub(super) fn edit_form(ctx: &Ctx, m: &Municipality, c: &Choices, s: &Specific) -> Form {
    let mut form = Form::new(
        paths::specific_manage(m, s.id),
        ctx.t("agreement-specific-save"),
        fields(ctx, m, c),
    );
    form.fill(|name| {
        Some(match name {
            "kind" => s.kind.as_str().to_string(),
            "title" => s.title.clone(),
            "subject" => s.subject.clone(),
            "department" => s.department_id.map(|d| d.to_string()).unwrap_or_default(),
            "other_parties" => s.other_parties.clone(),
            "starts_on" => s.starts_on.clone(),
            "ends_on" => s.ends_on.clone().unwrap_or_default(),
            "description" => s.description.clone(),
            "published" => {
                if s.published {
                    "on".into()
                } else {
                    String::new()
                }
            }
            other => {
                let i = ORGANISATION_NAMES.iter().position(|n| *n == other)?;
                s.organisations.get(i).map(|o| o.0.to_string()).unwrap_or_default()
            }
        })
    });
    form
}

/// An agreement, as posted.
#[derive(Deserialize, Serialize)]
struct Posted {
    kind: Option<String>,
    title: Option<String>,
    subject: Option<String>,
    department: Option<String>,
    organisation_1: Option<String>,
    organisation_2: Option<String>,
    organisation_3: Option<String>,
    organisation_4: Option<String>,
    other_parties: Option<String>,
    starts_on: Option<String>,
    ends_on: Option<String>,
    description: Option<String>,
    published: Option<String>,
}

/// Check what was posted; on errors, the form filled with it and the reasons beside the fields.
fn read(ctx: &Ctx, mut form: Form, p: &Posted, c: &Choices) -> Result<Checked, Form> {
    fill(&mut form, p);
    form.fill(|n| (n == "published").then(|| p.published.clone().unwrap_or_default()));
    let typed = Typed {
        kind: text(&p.kind),
        title: text(&p.title),
        subject: text(&p.subject),
        department: text(&p.department),
        organisations: vec![
            text(&p.organisation_1),
            text(&p.organisation_2),
            text(&p.organisation_3),
            text(&p.organisation_4),
        ],
        other_parties: text(&p.other_parties),
        starts_on: text(&p.starts_on),
        ends_on: text(&p.ends_on),
        published: p.published.as_deref() == Some("on"),
        description: text(&p.description),
    };
    let departments: Vec<DepartmentId> = c.departments.iter().map(|d| d.0).collect();
    let organisations: Vec<OrganisationId> = c.organisations.iter().map(|o| o.0).collect();
    domain::check(&typed, &departments, &organisations).map_err(|errors| {
        for (name, e) in errors {
            match e {
                SpecificError::Field(FieldError::Rule(i)) => form.invalid(&ctx.tr, name, i),
                other => form.error(name, ctx.t(other.message_id())),
            }
        }
        form
    })
}

#[derive(Template)]
#[template(path = "agreement_specific_manage.html")]
struct ListPage {
    page: Page,
    public: String,
    manage: String,
    rows: Vec<Specific>,
    form: Form,
    notice: Option<String>,
}

impl ListPage {
    fn period(&self, s: &Specific) -> String {
        super::routes::period(&self.page, s)
    }
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let rows = store::all(&state.db, m.id, &m.name, &today(state)).await?;
    html_status(
        form.status(),
        &ListPage {
            page: ctx.page_in(m, ctx.t("agreement-specific-manage-title")),
            public: paths::specifics(m),
            manage: paths::manage(m),
            rows,
            form,
            notice,
        },
    )
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let c = choices(&state, &m).await?;
    render_list(&state, &ctx, &m, add_form(&ctx, &m, &c), d.message(&ctx)).await
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let c = choices(&state, &m).await?;
    match read(&ctx, add_form(&ctx, &m, &c), &p, &c) {
        Ok(checked) => match store::add(&state.db, m.id, &checked, Some(user), state.now()).await {
            Ok(id) => Ok(done(&paths::specific_manage(&m, id), "sarskild")),
            Err(e) => store_error(&ctx, &m, e, &paths::specifics_manage(&m)),
        },
        Err(form) => render_list(&state, &ctx, &m, form, None).await,
    }
}

#[derive(Template)]
#[template(path = "agreement_specific_edit.html")]
struct EditPage {
    page: Page,
    s: Specific,
    form: Form,
    notice: Option<String>,
    back: String,
    public: Option<String>,
    action: String,
    upload_action: String,
    document_error: Option<String>,
}

impl EditPage {
    fn can_end(&self) -> bool {
        self.s.published && self.s.status != Status::Ended
    }
}

pub(super) async fn specific_or_404(state: &AppState, m: &Municipality, id: SpecificId) -> AppResult<Specific> {
    store::one(&state.db, m.id, id, &m.name, &today(state))
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

pub(super) fn edit_page(
    ctx: &Ctx,
    m: &Municipality,
    s: Specific,
    form: Form,
    notice: Option<String>,
    document_error: Option<String>,
) -> AppResult<Response> {
    let status = if document_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        form.status()
    };
    let action = paths::specific_manage(m, s.id);
    html_status(
        status,
        &EditPage {
            page: ctx.page_in(m, ctx.tr.ta("agreement-specific-edit-title", &[("title", &s.title)])),
            back: paths::specifics_manage(m),
            public: s.published.then(|| paths::specific(m, s.id)),
            upload_action: format!("{action}/dokument?_csrf={}", urlencoding::encode(&ctx.csrf)),
            action,
            s,
            form,
            notice,
            document_error,
        },
    )
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SpecificId>,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let s = specific_or_404(&state, &m, id).await?;
    let c = choices(&state, &m).await?;
    let form = edit_form(&ctx, &m, &c, &s);
    edit_page(&ctx, &m, s, form, d.message(&ctx), None)
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SpecificId>,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let s = specific_or_404(&state, &m, id).await?;
    let c = choices(&state, &m).await?;
    match read(&ctx, edit_form(&ctx, &m, &c, &s), &p, &c) {
        Ok(checked) => match store::update(&state.db, m.id, id, &checked, Some(user), state.now()).await {
            Ok(()) => Ok(done(&paths::specific_manage(&m, id), "sarskild")),
            Err(e) => store_error(&ctx, &m, e, &paths::specifics_manage(&m)),
        },
        Err(form) => edit_page(&ctx, &m, s, form, None, None),
    }
}

async fn end(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SpecificId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let back = paths::specific_manage(&m, id);
    match store::end(&state.db, m.id, id, &today(&state), Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "sarskild-avslutad")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SpecificId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let back = paths::specifics_manage(&m);
    match store::remove(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "sarskild-borttagen")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}
