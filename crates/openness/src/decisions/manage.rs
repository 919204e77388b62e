//! Staff's pages of the decisions feed (the municipality's staff and coordinators): the list
//! with the form for a new decision, and one decision's page to change it, keep its attachments
//! and withdraw it. Every change is in the audit trail (the store writes it).
//!
//! - `GET|POST /{slug}/beslut/hantera`: the list; record one
//! - `GET|POST /{slug}/beslut/hantera/{id}`: change one
//! - `POST /{slug}/beslut/hantera/{id}/aterkalla`: withdraw it (kept, marked), with a reason

use super::domain::{self, Body, Category, Checked, Decision, Typed, ORGANISATION_NAMES, PRINCIPLE_NAMES};
use super::store::{self, StoreError};
use super::view::{self, Labels, Shown};
use crate::ids::DecisionId;
use crate::paths;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/beslut/hantera", get(list).post(add))
        .route("/{slug}/beslut/hantera/{id}", get(edit).post(save))
        .route("/{slug}/beslut/hantera/{id}/aterkalla", post(withdraw))
}

/// What just happened, carried in `?klart=` after a redirect (a fixed list, never free text).
#[derive(Deserialize, Default)]
pub(super) struct Done {
    klart: Option<String>,
}

impl Done {
    pub(super) fn message(&self, ctx: &Ctx) -> Option<String> {
        let id = match self.klart.as_deref()? {
            "sparat" => "openness-done-saved",
            "aterkallat" => "openness-done-withdrawn",
            "redan-aterkallat" => "openness-done-already-withdrawn",
            "bilaga" => "openness-done-attachment",
            "bilaga-borttagen" => "openness-done-attachment-removed",
            _ => return None,
        };
        Some(ctx.t(id))
    }
}

/// After a change: back to a page, saying what was done.
pub(super) fn done(to: &str, what: &str, anchor: &str) -> Response {
    Redirect::to(&format!("{to}?klart={what}{anchor}")).into_response()
}

/// A store error as a response: a missing decision is a 404.
pub(super) fn store_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound | StoreError::AlreadyWithdrawn | StoreError::AlreadyPublished => {
            AppError::NotFound("err-not-found")
        }
        StoreError::Db(e) => e.into(),
    }
}

/// The municipality's associations, the choices for "associations concerned".
pub(super) async fn organisations(state: &AppState, m: &Municipality) -> AppResult<Vec<(OrganisationId, String)>> {
    Ok(registry::public::organisation_choices(&state.db, m.id).await?)
}

fn fields(ctx: &Ctx, labels: &Labels, organisations: &[(OrganisationId, String)]) -> Vec<Field> {
    let mut choices = vec![(String::new(), ctx.t("openness-no-organisation"))];
    choices.extend(organisations.iter().map(|(id, n)| (id.to_string(), n.clone())));
    let mut v = vec![
        Field::new("body", ctx.t("openness-field-body"), FieldKind::Select)
            .required()
            .options(
                Body::ALL
                    .iter()
                    .map(|b| (b.as_str().to_string(), ctx.t(b.message_id())))
                    .collect(),
            )
            .value(Body::Board.as_str()),
        Field::new("committee", ctx.t("openness-field-committee"), FieldKind::Text)
            .hint(ctx.t("openness-hint-committee"))
            .max_len(domain::COMMITTEE_MAX),
        Field::new("meeting_on", ctx.t("openness-field-meeting-on"), FieldKind::Date)
            .required()
            .hint(ctx.t("openness-hint-date")),
        Field::new("paragraph", ctx.t("openness-field-paragraph"), FieldKind::Text)
            .hint(ctx.t("openness-hint-paragraph"))
            .max_len(domain::PARAGRAPH_MAX),
        Field::new("title", ctx.t("openness-field-title"), FieldKind::Text)
            .required()
            .max_len(domain::TITLE_MAX),
        Field::new("summary", ctx.t("openness-field-summary"), FieldKind::TextArea)
            .hint(ctx.tr.ta("openness-hint-summary", &[("n", &domain::SUMMARY_MAX)]))
            .max_len(domain::SUMMARY_MAX),
        Field::new("protocol_url", ctx.t("openness-field-protocol-url"), FieldKind::Text)
            .hint(ctx.t("openness-hint-protocol-url"))
            .max_len(domain::URL_MAX),
        Field::new("category", ctx.t("openness-field-category"), FieldKind::Select)
            .required()
            .options(
                Category::ALL
                    .iter()
                    .map(|c| (c.as_str().to_string(), ctx.t(c.message_id())))
                    .collect(),
            ),
    ];
    for (n, name) in domain::PRINCIPLES.zip(PRINCIPLE_NAMES) {
        v.push(Field::new(
            name,
            labels.tag(&ctx.tr, domain::Tag::Principle(n)),
            FieldKind::Checkbox,
        ));
    }
    for (i, name) in ORGANISATION_NAMES.iter().enumerate() {
        let mut f = Field::new(
            name,
            ctx.tr.ta("openness-field-organisation", &[("n", &(i + 1))]),
            FieldKind::Select,
        )
        .options(choices.clone());
        if i == 0 {
            f = f.hint(ctx.t("openness-hint-organisation"));
        }
        v.push(f);
    }
    v
}

fn add_form(ctx: &Ctx, m: &Municipality, labels: &Labels, orgs: &[(OrganisationId, String)]) -> Form {
    Form::new(paths::manage(&m.slug), ctx.t("openness-add"), fields(ctx, labels, orgs))
}

pub(super) fn edit_form(
    ctx: &Ctx,
    m: &Municipality,
    labels: &Labels,
    orgs: &[(OrganisationId, String)],
    d: &Decision,
) -> Form {
    let mut form = Form::new(
        paths::manage_one(&m.slug, d.id),
        ctx.t("openness-save"),
        fields(ctx, labels, orgs),
    );
    form.fill(|name| {
        Some(match name {
            "body" => d.body.as_str().to_string(),
            "committee" => d.committee.clone(),
            "meeting_on" => d.meeting_on.clone(),
            "paragraph" => d.paragraph.clone(),
            "title" => d.title.clone(),
            "summary" => d.summary.clone(),
            "protocol_url" => d.protocol_url.clone(),
            "category" => d.category.as_str().to_string(),
            other => {
                if let Some(i) = PRINCIPLE_NAMES.iter().position(|n| *n == other) {
                    let on = d.principles.contains(&(i64::try_from(i).unwrap_or(0) + 1));
                    return Some(if on { "on".into() } else { String::new() });
                }
                let i = ORGANISATION_NAMES.iter().position(|n| *n == other)?;
                d.organisations.get(i).map(|o| o.0.to_string()).unwrap_or_default()
            }
        })
    });
    form
}

/// A decision, as posted.
#[derive(Deserialize, Serialize, Default)]
struct Posted {
    body: Option<String>,
    committee: Option<String>,
    meeting_on: Option<String>,
    paragraph: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    protocol_url: Option<String>,
    category: Option<String>,
    principle_1: Option<String>,
    principle_2: Option<String>,
    principle_3: Option<String>,
    principle_4: Option<String>,
    principle_5: Option<String>,
    principle_6: Option<String>,
    organisation_1: Option<String>,
    organisation_2: Option<String>,
    organisation_3: Option<String>,
    organisation_4: Option<String>,
}

fn text(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// Check what was posted; on errors, the form filled with it and the reasons beside the fields.
fn read(ctx: &Ctx, mut form: Form, p: &Posted, orgs: &[(OrganisationId, String)]) -> Result<Checked, Form> {
    let on = |v: &Option<String>| v.as_deref() == Some("on");
    let principles = [
        &p.principle_1,
        &p.principle_2,
        &p.principle_3,
        &p.principle_4,
        &p.principle_5,
        &p.principle_6,
    ];
    let values = serde_json::to_value(p).unwrap_or_default();
    form.fill(|k| {
        if let Some(i) = PRINCIPLE_NAMES.iter().position(|n| *n == k) {
            return Some(if on(principles[i]) { "on".into() } else { String::new() });
        }
        values.get(k).and_then(|v| v.as_str()).map(str::to_string)
    });
    let typed = Typed {
        body: text(&p.body),
        committee: text(&p.committee),
        meeting_on: text(&p.meeting_on),
        paragraph: text(&p.paragraph),
        title: text(&p.title),
        summary: text(&p.summary),
        protocol_url: text(&p.protocol_url),
        category: text(&p.category),
        principles: principles.iter().map(|v| on(v)).collect(),
        organisations: vec![
            text(&p.organisation_1),
            text(&p.organisation_2),
            text(&p.organisation_3),
            text(&p.organisation_4),
        ],
    };
    let ids: Vec<OrganisationId> = orgs.iter().map(|o| o.0).collect();
    domain::check(&typed, &ids).map_err(|errors| {
        crate::problem::mark(&mut form, &ctx.tr, errors);
        form
    })
}

#[derive(Template)]
#[template(path = "openness_decisions_manage.html")]
struct ListPage {
    page: Page,
    public: String,
    rows: Vec<Shown>,
    form: Form,
    notice: Option<String>,
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    labels: &Labels,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let rows = store::latest(&state.db, m.id, &domain::Filter::default(), domain::MANAGE_SIZE)
        .await?
        .into_iter()
        .map(|d| view::shown(&ctx.tr, labels, &m.slug, d))
        .collect();
    html_status(
        form.status(),
        &ListPage {
            page: ctx.page_in(m, ctx.t("openness-manage-title")),
            public: paths::decisions(&m.slug),
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
    require_staff(ctx.user.as_ref(), m.id)?;
    let labels = Labels::of(&state, &m).await?;
    let orgs = organisations(&state, &m).await?;
    let form = add_form(&ctx, &m, &labels, &orgs);
    render_list(&state, &ctx, &m, &labels, form, d.message(&ctx)).await
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let labels = Labels::of(&state, &m).await?;
    let orgs = organisations(&state, &m).await?;
    match read(&ctx, add_form(&ctx, &m, &labels, &orgs), &p, &orgs) {
        Ok(checked) => {
            let id = store::add(&state.db, m.id, &checked, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(done(&paths::manage_one(&m.slug, id), "sparat", ""))
        }
        Err(form) => render_list(&state, &ctx, &m, &labels, form, None).await,
    }
}

#[derive(Template)]
#[template(path = "openness_decision_edit.html")]
struct EditPage {
    page: Page,
    s: Shown,
    form: Form,
    notice: Option<String>,
    back: String,
    public: String,
    action: String,
    upload_action: String,
    refused: Refused,
}

/// Why a form of the edit page other than the decision's own was refused (a 422).
#[derive(Default)]
pub(super) struct Refused {
    /// The attachment form's file.
    pub attachment: Option<String>,
    /// The withdrawal's reason.
    pub reason: Option<String>,
}

pub(super) async fn decision_or_404(state: &AppState, m: &Municipality, id: DecisionId) -> AppResult<Decision> {
    store::one(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

/// The edit page of a decision; a refused upload or withdrawal says why beside its form.
pub(super) fn edit_page(
    ctx: &Ctx,
    m: &Municipality,
    labels: &Labels,
    d: Decision,
    form: Form,
    notice: Option<String>,
    refused: Refused,
) -> AppResult<Response> {
    let status = if refused.attachment.is_some() || refused.reason.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        form.status()
    };
    let action = paths::manage_one(&m.slug, d.id);
    html_status(
        status,
        &EditPage {
            page: ctx.page_in(m, ctx.tr.ta("openness-edit-title", &[("title", &d.title)])),
            back: paths::manage(&m.slug),
            public: paths::decision(&m.slug, d.id),
            upload_action: format!("{action}/bilagor?_csrf={}", urlencoding::encode(&ctx.csrf)),
            action,
            s: view::shown(&ctx.tr, labels, &m.slug, d),
            form,
            notice,
            refused,
        },
    )
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<DecisionId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let d = decision_or_404(&state, &m, id).await?;
    let labels = Labels::of(&state, &m).await?;
    let orgs = organisations(&state, &m).await?;
    let form = edit_form(&ctx, &m, &labels, &orgs, &d);
    edit_page(&ctx, &m, &labels, d, form, done.message(&ctx), Refused::default())
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<DecisionId>,
    Input(p): Input<Posted>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let d = decision_or_404(&state, &m, id).await?;
    let labels = Labels::of(&state, &m).await?;
    let orgs = organisations(&state, &m).await?;
    match read(&ctx, edit_form(&ctx, &m, &labels, &orgs, &d), &p, &orgs) {
        Ok(checked) => {
            store::update(&state.db, m.id, id, &checked, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(done(&paths::manage_one(&m.slug, id), "sparat", ""))
        }
        Err(form) => edit_page(&ctx, &m, &labels, d, form, None, Refused::default()),
    }
}

/// A withdrawal, as posted.
#[derive(Deserialize)]
struct Withdrawal {
    reason: Option<String>,
}

async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<DecisionId>,
    Input(w): Input<Withdrawal>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let back = paths::manage_one(&m.slug, id);
    let reason = match platform::rules::text(text(&w.reason), domain::REASON_MAX) {
        Ok(r) => r,
        Err(i) => {
            let d = decision_or_404(&state, &m, id).await?;
            let labels = Labels::of(&state, &m).await?;
            let orgs = organisations(&state, &m).await?;
            let form = edit_form(&ctx, &m, &labels, &orgs, &d);
            let why = ctx.tr.ta(i.message_id(), &[("n", &i.limit().unwrap_or(0))]);
            let refused = Refused {
                reason: Some(why),
                ..Refused::default()
            };
            return edit_page(&ctx, &m, &labels, d, form, None, refused);
        }
    };
    match store::withdraw(&state.db, m.id, id, &reason, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "aterkallat", "")),
        Err(StoreError::AlreadyWithdrawn) => Ok(done(&back, "redan-aterkallat", "")),
        Err(e) => Err(store_error(e)),
    }
}
