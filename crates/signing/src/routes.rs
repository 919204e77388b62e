//! The signing book's pages, its CSV file and its JSON.
//!
//! - `GET /{slug}/signeringsbok`: the signatories in force, with counts per kind (public)
//! - `GET /{slug}/signeringsbok.csv`: the same list for Excel (public)
//! - `GET /api/v1/{slug}/signatures`: the same list as JSON (public)
//! - `GET|POST /{slug}/signeringsbok/signera`: a representative signs for their organisation
//! - `GET|POST /{slug}/signeringsbok/papper`: the coordinator records a paper signature
//! - `GET /{slug}/signeringsbok/historik`: every signature, withdrawn ones too (coordinator)
//! - `GET|POST /{slug}/signeringsbok/{id}/aterkalla`: withdraw a signature (its organisation's
//!   representative or the coordinator)

use crate::domain::{self, Counts, OnlineInput, PaperInput, Problem, Problems, Signature, SignerKind, NAME_MAX};
use crate::ids::SignatureId;
use crate::paths;
use crate::store::{self, HistoryEntry, SignError};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::NaiveDate;
use platform::api::Paging;
use platform::auth::{require_coordinator, require_user, CurrentUser};
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::format;
use platform::layout::{html, html_status, Field, FieldKind, Form, Page};
use platform::tenants::{Municipality, Tenant};
use platform::web::Routes;
use platform::{AppState, DepartmentId, OrganisationId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/signeringsbok", get(list))
        .route("/{slug}/signeringsbok.csv", get(csv))
        .route("/api/v1/{slug}/signatures", get(api_list))
        .route("/{slug}/signeringsbok/signera", get(sign_page).post(sign))
        .route("/{slug}/signeringsbok/papper", get(paper_page).post(record_paper))
        .route("/{slug}/signeringsbok/historik", get(history))
        .route(
            "/{slug}/signeringsbok/{id}/aterkalla",
            get(withdraw_page).post(withdraw),
        )
}

fn book(m: &Municipality) -> String {
    paths::book(&m.slug)
}

fn withdraw_href(m: &Municipality, id: SignatureId) -> String {
    paths::withdraw(&m.slug, id)
}

/// Put the problems found by the domain rules on their fields.
fn mark(form: &mut Form, ctx: &Ctx, problems: &Problems) {
    for (field, p) in problems {
        match p {
            Problem::Rule(why) => form.invalid(&ctx.tr, field, *why),
            p => form.error(field, ctx.t(p.message_id())),
        }
    }
}

// --- The public list ---

struct ListRow {
    name: String,
    kind: String,
    by: String,
    role: String,
    date: String,
    /// The withdrawal page, for those who may withdraw this signature.
    withdraw: Option<String>,
}

#[derive(Template)]
#[template(path = "signing_list.html")]
struct ListPage {
    page: Page,
    intro: String,
    notice: Option<String>,
    /// (href, text)
    actions: Vec<(String, String)>,
    /// (label, count)
    counts: Vec<(String, usize)>,
    total: usize,
    rows: Vec<ListRow>,
    any_withdraw: bool,
    csv_href: String,
    api_href: String,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let signatures = store::in_force(&state.db, m.id).await?;
    let user = ctx.user.as_ref();
    let counts = domain::counts(&signatures);
    let rows: Vec<ListRow> = signatures
        .iter()
        .map(|s| ListRow {
            name: s.signer_name.clone(),
            kind: ctx.t(s.kind.message_id()),
            by: s.signed_by_name.clone(),
            role: s.signed_by_role.clone(),
            date: s.signed_on.to_string(),
            withdraw: user
                .filter(|u| domain::may_withdraw(u, m.id, s))
                .map(|_| withdraw_href(&m, s.id)),
        })
        .collect();
    let mut actions = vec![];
    let represents_here = user.is_some_and(|u| !domain::represented_organisations(u, m.id).is_empty());
    if user.is_none() || represents_here {
        actions.push((paths::sign(&m.slug), ctx.t("signing-action-sign")));
    }
    if user.is_some_and(|u| domain::may_record_paper(u, m.id)) {
        actions.push((paths::paper(&m.slug), ctx.t("signing-action-paper")));
        actions.push((paths::history(&m.slug), ctx.t("signing-action-history")));
    }
    let notice = match q.get("klart").map(String::as_str) {
        Some("signerad") => Some(ctx.t("signing-done-signed")),
        Some("aterkallad") => Some(ctx.t("signing-done-withdrawn")),
        _ => None,
    };
    html(&ListPage {
        page: ctx
            .page_in(&m, ctx.t("signing-title"))
            .described(ctx.ta_name("signing-intro", &m.name)),
        intro: ctx.ta_name("signing-intro", &m.name),
        notice,
        actions,
        counts: SignerKind::ALL
            .iter()
            .map(|k| (ctx.t(k.count_message_id()), counts.of(*k)))
            .collect(),
        total: counts.total,
        any_withdraw: rows.iter().any(|r| r.withdraw.is_some()),
        rows,
        csv_href: paths::csv(&m.slug),
        api_href: paths::api(&m.slug),
    })
}

async fn csv(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let signatures = store::in_force(&state.db, m.id).await?;
    let header: Vec<String> = [
        "signing-col-signer",
        "signing-col-kind",
        "signing-col-signed-by",
        "signing-col-role",
        "signing-col-date",
        "signing-col-channel",
    ]
    .iter()
    .map(|id| ctx.t(id))
    .collect();
    let rows: Vec<Vec<String>> = signatures
        .iter()
        .map(|s| {
            vec![
                s.signer_name.clone(),
                ctx.t(s.kind.message_id()),
                s.signed_by_name.clone(),
                s.signed_by_role.clone(),
                s.signed_on.to_string(),
                ctx.t(s.channel.message_id()),
            ]
        })
        .collect();
    let mut res = platform::csv::document(&[vec![header], rows].concat()).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"signeringsbok-{}.csv\"", m.slug)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// A signature in force.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = signing::Signature)]
struct ApiSignature {
    id: SignatureId,
    /// The name of who signed: an association, a department, a company or anyone else.
    signer: String,
    kind: SignerKind,
    /// The association in the registry, when the signer is one.
    organisation_id: Option<OrganisationId>,
    /// The municipal department, when the signer is one.
    department_id: Option<DepartmentId>,
    /// The person who signed for the signer.
    signed_by: String,
    /// Their role (chair, head of department…).
    role: String,
    signed_on: NaiveDate,
    channel: domain::Channel,
}

/// A municipality's signing book: the signatures in force, a page at a time.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = signing::SignatureList)]
struct ApiList {
    municipality: String,
    /// Signatures in force per kind (all of them, not only this page's).
    counts: Counts,
    signatures: Vec<ApiSignature>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// The signatures in force in a municipality's signing book, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/{slug}/signatures",
    tag = "signing",
    params(platform::api::Slug, platform::api::Paging),
    responses(
        (status = 200, description = "A page of the signatures in force", body = ApiList),
        platform::api::BadRequest,
        platform::api::NotFound
    )
)]
async fn api_list(State(state): State<AppState>, Tenant(m): Tenant, paging: Paging) -> AppResult<Response> {
    let signatures = store::in_force(&state.db, m.id).await?;
    let counts = domain::counts(&signatures);
    let (page, next) = paging.cut(signatures);
    let body = ApiList {
        municipality: m.slug.clone(),
        counts,
        signatures: page
            .into_iter()
            .map(|s| ApiSignature {
                id: s.id,
                signer: s.signer_name,
                kind: s.kind,
                organisation_id: s.organisation_id,
                department_id: s.department_id,
                signed_by: s.signed_by_name,
                role: s.signed_by_role,
                signed_on: s.signed_on,
                channel: s.channel,
            })
            .collect(),
        next: next.clone(),
    };
    Ok(platform::api::page::json(body, next.as_deref()))
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(api_list))]
struct Api;

/// The signing book's part of the API's document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <Api as utoipa::OpenApi>::openapi()
}

// --- Forms: signing, paper signatures, withdrawal ---

/// A signature the person already sees on a form page, with its withdrawal link.
struct Existing {
    text: String,
    withdraw: Option<String>,
    signer: String,
}

#[derive(Template)]
#[template(path = "signing_form.html")]
struct FormPage {
    page: Page,
    notice: Option<String>,
    intro: Vec<String>,
    /// (term, description) about the signature in question.
    facts: Vec<(String, String)>,
    /// (href, text, current) to switch between kinds of signer.
    choices: Vec<(String, String, bool)>,
    existing_heading: String,
    existing: Vec<Existing>,
    form: Option<Form>,
    /// (href, text)
    links: Vec<(String, String)>,
}

impl FormPage {
    fn new(page: Page) -> FormPage {
        FormPage {
            page,
            notice: None,
            intro: vec![],
            facts: vec![],
            choices: vec![],
            existing_heading: String::new(),
            existing: vec![],
            form: None,
            links: vec![],
        }
    }
}

fn signed_by_fields(ctx: &Ctx, name: &str, today: NaiveDate) -> Vec<Field> {
    vec![
        Field::new("signed_by_name", ctx.t("signing-field-signed-by"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX)
            .value(name)
            .autocomplete("name"),
        Field::new("signed_by_role", ctx.t("signing-field-role"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX)
            .hint(ctx.t("signing-field-role-hint"))
            .autocomplete("organization-title"),
        Field::new("signed_on", ctx.t("signing-field-date"), FieldKind::Date)
            .required()
            .value(today.to_string())
            .hint(ctx.t("signing-field-date-hint")),
    ]
}

// Signing online.

#[derive(Deserialize)]
struct SignForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    signed_by_name: String,
    #[serde(default)]
    signed_by_role: String,
    #[serde(default)]
    signed_on: String,
    #[serde(default)]
    agree: Option<String>,
}

fn sign_form(
    ctx: &Ctx,
    m: &Municipality,
    user: &CurrentUser,
    organisations: &[(OrganisationId, String)],
    signed: &[&Signature],
    today: NaiveDate,
) -> Form {
    let mut options = vec![];
    if organisations.len() > 1 {
        options.push((String::new(), ctx.t("signing-choose")));
    }
    for (id, name) in organisations {
        let label = if signed.iter().any(|s| s.organisation_id == Some(*id)) {
            ctx.ta_name("signing-option-signed", name)
        } else {
            name.clone()
        };
        options.push((id.to_string(), label));
    }
    let first_unsigned = organisations
        .iter()
        .find(|(id, _)| !signed.iter().any(|s| s.organisation_id == Some(*id)));
    let mut fields = vec![
        Field::new("organisation", ctx.t("signing-field-organisation"), FieldKind::Select)
            .required()
            .options(options)
            .value(match (organisations.len(), first_unsigned) {
                (1, Some((id, _))) => id.to_string(),
                _ => String::new(),
            }),
    ];
    fields.extend(signed_by_fields(ctx, &user.name, today));
    fields.push(
        Field::new(
            "agree",
            ctx.ta_name("signing-field-agree", &m.name),
            FieldKind::Checkbox,
        )
        .required(),
    );
    Form::new(paths::sign(&m.slug), ctx.t("signing-submit-sign"), fields)
}

/// The sign page: what the user's organisations signed already, and the form (with what was
/// sent and its problems, when it was sent).
async fn render_sign(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    user: &CurrentUser,
    sent: Option<(&SignForm, Problems)>,
) -> AppResult<Response> {
    let organisations = domain::represented_organisations(user, m.id);
    let ids: Vec<OrganisationId> = organisations.iter().map(|o| o.0).collect();
    let signed = store::in_force_for_organisations(&state.db, m.id, &ids).await?;
    let refs: Vec<&Signature> = signed.iter().collect();
    let mut form = sign_form(ctx, m, user, &organisations, &refs, state.today());
    if let Some((input, problems)) = &sent {
        form.fill(|name| match name {
            "organisation" => Some(input.organisation.clone()),
            "signed_by_name" => Some(input.signed_by_name.clone()),
            "signed_by_role" => Some(input.signed_by_role.clone()),
            "signed_on" => Some(input.signed_on.clone()),
            "agree" => Some(input.agree.clone().unwrap_or_default()),
            _ => None,
        });
        mark(&mut form, ctx, problems);
    }
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut page = FormPage::new(ctx.page_in(m, ctx.t("signing-sign-title")));
    page.intro = vec![
        ctx.ta_name("signing-sign-intro", &m.name),
        ctx.t("signing-sign-voluntary"),
    ];
    page.existing_heading = ctx.t("signing-sign-already");
    page.existing = signed
        .iter()
        .map(|s| Existing {
            text: ctx.tr.ta(
                "signing-signed-on-by",
                &[
                    ("name", &s.signer_name),
                    ("date", &s.signed_on),
                    ("by", &s.signed_by_name),
                    ("role", &s.signed_by_role),
                ],
            ),
            withdraw: domain::may_withdraw(user, m.id, s).then(|| withdraw_href(m, s.id)),
            signer: s.signer_name.clone(),
        })
        .collect();
    if signed.len() < organisations.len() || form.has_errors() {
        page.form = Some(form);
    } else {
        page.notice = Some(ctx.t("signing-sign-all-done"));
    }
    page.links = vec![
        (format!("/{}/overenskommelse", m.slug), ctx.t("signing-read-agreement")),
        (book(m), ctx.t("signing-back-to-list")),
    ];
    html_status(status, &page)
}

/// The signed-in representative of an organisation of this municipality, or 403.
fn require_representative<'a>(ctx: &'a Ctx, m: &Municipality) -> AppResult<&'a CurrentUser> {
    let user = require_user(ctx.user.as_ref())?;
    if domain::represented_organisations(user, m.id).is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(user)
}

async fn sign_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_representative(&ctx, &m)?;
    render_sign(&state, &ctx, &m, user, None).await
}

async fn sign(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<SignForm>,
) -> AppResult<Response> {
    let user = require_representative(&ctx, &m)?;
    let chosen = domain::chosen_id(&input.organisation).map(OrganisationId::new);
    if chosen.is_some_and(|o| !domain::may_sign(user, m.id, o)) {
        return Err(AppError::Forbidden);
    }
    let today = state.today();
    let result = domain::validate_online(
        &OnlineInput {
            organisation: &input.organisation,
            signed_by_name: &input.signed_by_name,
            signed_by_role: &input.signed_by_role,
            signed_on: &input.signed_on,
            agree: input.agree.is_some(),
        },
        today,
    );
    let problems = match result {
        Ok(signing) => match store::sign_online(&state.db, m.id, user, &signing, state.now()).await {
            Ok(_) => return Ok(Redirect::to(&format!("{}?klart=signerad", book(&m))).into_response()),
            Err(SignError::AlreadySigned) => vec![("organisation", Problem::AlreadySigned)],
            Err(SignError::UnknownSigner) => return Err(AppError::Forbidden),
            Err(SignError::NotInForce) => return Err(AppError::NotFound("err-not-found")),
            Err(SignError::Db(e)) => return Err(e.into()),
        },
        Err(problems) => problems,
    };
    render_sign(&state, &ctx, &m, user, Some((&input, problems))).await
}

// Paper signatures.

#[derive(Deserialize)]
struct PaperForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    signer_name: String,
    #[serde(default)]
    signed_by_name: String,
    #[serde(default)]
    signed_by_role: String,
    #[serde(default)]
    signed_on: String,
}

/// (value, label) options for a select of registry entries.
fn labelled<I: ToString>(list: Vec<(I, String)>) -> Vec<(String, String)> {
    list.into_iter().map(|(id, n)| (id.to_string(), n)).collect()
}

/// The paper form for one kind of signer: only the fields that kind needs.
async fn paper_form(state: &AppState, ctx: &Ctx, m: &Municipality, kind: SignerKind) -> AppResult<Form> {
    let mut fields = vec![Field::new("kind", String::new(), FieldKind::Hidden).value(kind.as_str())];
    match kind {
        SignerKind::Association | SignerKind::Department => {
            let (name, label, list) = if kind == SignerKind::Association {
                (
                    "organisation",
                    "signing-field-organisation",
                    labelled(store::organisations(&state.db, m.id).await?),
                )
            } else {
                (
                    "department",
                    "signing-field-department",
                    labelled(store::departments(&state.db, m.id).await?),
                )
            };
            let mut options = vec![(String::new(), ctx.t("signing-choose"))];
            options.extend(list);
            fields.push(
                Field::new(name, ctx.t(label), FieldKind::Select)
                    .required()
                    .options(options),
            );
        }
        SignerKind::Company | SignerKind::Other => {
            let (label, hint) = if kind == SignerKind::Company {
                ("signing-field-company", "signing-field-company-hint")
            } else {
                ("signing-field-other", "signing-field-other-hint")
            };
            fields.push(
                Field::new("signer_name", ctx.t(label), FieldKind::Text)
                    .required()
                    .max_len(NAME_MAX)
                    .hint(ctx.t(hint)),
            );
        }
    }
    fields.extend(signed_by_fields(ctx, "", state.today()));
    if let Some(f) = fields.iter_mut().find(|f| f.name == "signed_by_name") {
        f.autocomplete = Some("off");
    }
    Ok(Form::new(paths::paper(&m.slug), ctx.t("signing-submit-paper"), fields))
}

fn paper_page_frame(ctx: &Ctx, m: &Municipality, kind: SignerKind) -> FormPage {
    let mut page = FormPage::new(ctx.page_in(m, ctx.t("signing-paper-title")));
    page.intro = vec![ctx.t("signing-paper-intro")];
    page.choices = SignerKind::ALL
        .iter()
        .map(|k| {
            (
                paths::paper_kind(&m.slug, k.as_str()),
                ctx.t(k.message_id()),
                *k == kind,
            )
        })
        .collect();
    page.links = vec![
        (book(m), ctx.t("signing-back-to-list")),
        (paths::history(&m.slug), ctx.t("signing-action-history")),
    ];
    page
}

async fn paper_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let kind = q
        .get("kind")
        .and_then(|k| k.parse::<SignerKind>().ok())
        .unwrap_or(SignerKind::Association);
    let mut page = paper_page_frame(&ctx, &m, kind);
    page.form = Some(paper_form(&state, &ctx, &m, kind).await?);
    html(&page)
}

async fn record_paper(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<PaperForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let kind = input
        .kind
        .parse::<SignerKind>()
        .map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let result = domain::validate_paper(
        &PaperInput {
            kind: &input.kind,
            organisation: &input.organisation,
            department: &input.department,
            signer_name: &input.signer_name,
            signed_by_name: &input.signed_by_name,
            signed_by_role: &input.signed_by_role,
            signed_on: &input.signed_on,
        },
        state.today(),
    );
    let signer_field = match kind {
        SignerKind::Association => "organisation",
        SignerKind::Department => "department",
        SignerKind::Company | SignerKind::Other => "signer_name",
    };
    let problems = match result {
        Ok(signing) => {
            match store::record_paper(&state.db, m.id, &signing, Some(user.id), Some(user), state.now()).await {
                Ok(id) => {
                    let name = store::get(&state.db, m.id, id)
                        .await?
                        .map(|s| s.signer_name)
                        .unwrap_or_default();
                    let mut page = paper_page_frame(&ctx, &m, kind);
                    page.notice = Some(ctx.ta_name("signing-done-recorded", &name));
                    page.form = Some(paper_form(&state, &ctx, &m, kind).await?);
                    return html(&page);
                }
                Err(SignError::AlreadySigned) => vec![(signer_field, Problem::AlreadySigned)],
                Err(SignError::UnknownSigner) => vec![(signer_field, Problem::Choose)],
                Err(SignError::NotInForce) => return Err(AppError::NotFound("err-not-found")),
                Err(SignError::Db(e)) => return Err(e.into()),
            }
        }
        Err(problems) => problems,
    };
    let mut form = paper_form(&state, &ctx, &m, kind).await?;
    form.fill(|name| match name {
        "organisation" => Some(input.organisation.clone()),
        "department" => Some(input.department.clone()),
        "signer_name" => Some(input.signer_name.clone()),
        "signed_by_name" => Some(input.signed_by_name.clone()),
        "signed_by_role" => Some(input.signed_by_role.clone()),
        "signed_on" => Some(input.signed_on.clone()),
        _ => None,
    });
    mark(&mut form, &ctx, &problems);
    let mut page = paper_page_frame(&ctx, &m, kind);
    page.form = Some(form);
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

// The history.

struct HistoryRow {
    name: String,
    kind: String,
    by: String,
    date: String,
    channel: String,
    recorded: String,
    withdrawn: Option<String>,
    reason: Option<String>,
    withdraw: Option<String>,
}

#[derive(Template)]
#[template(path = "signing_history.html")]
struct HistoryPage {
    page: Page,
    rows: Vec<HistoryRow>,
}

async fn history(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let entries = store::history(&state.db, m.id).await?;
    let rows = entries
        .into_iter()
        .map(
            |HistoryEntry {
                 signature: s,
                 recorded_by,
                 withdrawn_by,
             }| HistoryRow {
                name: s.signer_name.clone(),
                kind: ctx.t(s.kind.message_id()),
                by: format!("{}, {}", s.signed_by_name, s.signed_by_role),
                date: s.signed_on.to_string(),
                channel: ctx.t(s.channel.message_id()),
                recorded: format!(
                    "{}{}",
                    format::datetime(s.created_at),
                    recorded_by.map(|n| format!(", {n}")).unwrap_or_default()
                ),
                withdrawn: s.withdrawn_at.map(|at| {
                    format!(
                        "{}{}",
                        format::datetime(at),
                        withdrawn_by.map(|n| format!(", {n}")).unwrap_or_default()
                    )
                }),
                reason: s.withdrawal_reason.clone(),
                withdraw: domain::may_withdraw(user, m.id, &s).then(|| withdraw_href(&m, s.id)),
            },
        )
        .collect();
    html(&HistoryPage {
        page: ctx.page_in(&m, ctx.t("signing-history-title")),
        rows,
    })
}

// Withdrawal.

#[derive(Deserialize)]
struct WithdrawForm {
    #[serde(default)]
    reason: String,
}

/// The signature named in the path, and a user who may withdraw it: 404 when the municipality
/// has no such signature in force, 403 when the user may not withdraw it.
async fn withdrawable<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    m: &Municipality,
    id: &str,
) -> AppResult<(&'a CurrentUser, Signature)> {
    let user = require_user(ctx.user.as_ref())?;
    let id = domain::chosen_id(id)
        .map(SignatureId::new)
        .ok_or(AppError::NotFound("err-not-found"))?;
    let s = store::get(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if !user.is_coordinator(m.id) && !s.organisation_id.is_some_and(|o| domain::may_sign(user, m.id, o)) {
        return Err(AppError::Forbidden);
    }
    if !s.in_force() {
        return Err(AppError::NotFound("signing-err-not-in-force"));
    }
    Ok((user, s))
}

fn withdraw_form(ctx: &Ctx, m: &Municipality, id: SignatureId) -> Form {
    Form::new(
        withdraw_href(m, id),
        ctx.t("signing-submit-withdraw"),
        vec![Field::new("reason", ctx.t("signing-field-reason"), FieldKind::TextArea)
            .max_len(domain::REASON_MAX)
            .hint(ctx.t("signing-field-reason-hint"))],
    )
}

fn withdraw_frame(ctx: &Ctx, m: &Municipality, s: &Signature, form: Form) -> FormPage {
    let mut page = FormPage::new(ctx.page_in(m, ctx.t("signing-withdraw-title")));
    page.intro = vec![ctx.ta_name("signing-withdraw-intro", &s.signer_name)];
    page.facts = vec![
        (ctx.t("signing-col-signer"), s.signer_name.clone()),
        (ctx.t("signing-col-kind"), ctx.t(s.kind.message_id())),
        (ctx.t("signing-col-signed-by"), s.signed_by_name.clone()),
        (ctx.t("signing-col-role"), s.signed_by_role.clone()),
        (ctx.t("signing-col-date"), s.signed_on.to_string()),
        (ctx.t("signing-col-channel"), ctx.t(s.channel.message_id())),
    ];
    page.form = Some(form);
    page.links = vec![(book(m), ctx.t("signing-back-to-list"))];
    page
}

async fn withdraw_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (_, s) = withdrawable(&state, &ctx, &m, &id).await?;
    html(&withdraw_frame(&ctx, &m, &s, withdraw_form(&ctx, &m, s.id)))
}

async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(input): Input<WithdrawForm>,
) -> AppResult<Response> {
    let (user, s) = withdrawable(&state, &ctx, &m, &id).await?;
    match domain::withdrawal_reason(&input.reason) {
        Ok(reason) => match store::withdraw(&state.db, m.id, s.id, reason.as_deref(), user, state.now()).await {
            Ok(()) => Ok(Redirect::to(&format!("{}?klart=aterkallad", book(&m))).into_response()),
            Err(SignError::NotInForce) => Err(AppError::NotFound("signing-err-not-in-force")),
            Err(SignError::Db(e)) => Err(e.into()),
            Err(e) => Err(AppError::Internal(e.into())),
        },
        Err(problem) => {
            let mut form = withdraw_form(&ctx, &m, s.id);
            form.fill(|_| Some(input.reason.clone()));
            mark(&mut form, &ctx, &vec![("reason", problem)]);
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &withdraw_frame(&ctx, &m, &s, form))
        }
    }
}
