//! The coordinator's pages for the text: the overview of versions, the draft (introduction and
//! principles), one principle with its commitments, one commitment, and adopting the draft.
//!
//! - `GET /{slug}/overenskommelse/hantera`: the versions; `POST …/nytt-utkast` starts a draft
//! - `GET …/hantera/utkast`: the draft; `POST …/utkast/inledning`, `POST …/utkast/principer`
//! - `GET|POST …/hantera/princip/{id}`, `POST …/ta-bort`, `POST …/ataganden`
//! - `GET|POST …/hantera/atagande/{id}`, `POST …/ta-bort`
//! - `GET|POST …/hantera/anta`: adopting the draft

use super::store::{self as draft, CommitmentInput, PrincipleInput};
use crate::domain::{self, Party, PrincipleWith, Version, NAME_MAX, TEXT_MAX};
use crate::ids::{CommitmentId, PrincipleId};
use crate::paths;
use crate::store::{self, StoreError};
use crate::web::{done, field_error, fill, store_error, text, Done};
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/overenskommelse/hantera", get(overview))
        .route("/{slug}/overenskommelse/hantera/nytt-utkast", post(start_draft))
        .route("/{slug}/overenskommelse/hantera/utkast", get(draft_page))
        .route("/{slug}/overenskommelse/hantera/utkast/inledning", post(save_intro))
        .route("/{slug}/overenskommelse/hantera/utkast/principer", post(add_principle))
        .route(
            "/{slug}/overenskommelse/hantera/princip/{id}",
            get(principle).post(save_principle),
        )
        .route(
            "/{slug}/overenskommelse/hantera/princip/{id}/ta-bort",
            post(remove_principle),
        )
        .route(
            "/{slug}/overenskommelse/hantera/princip/{id}/ataganden",
            post(add_commitment),
        )
        .route(
            "/{slug}/overenskommelse/hantera/atagande/{id}",
            get(commitment).post(save_commitment),
        )
        .route(
            "/{slug}/overenskommelse/hantera/atagande/{id}/ta-bort",
            post(remove_commitment),
        )
        .route("/{slug}/overenskommelse/hantera/anta", get(adopt_page).post(adopt))
}

/// The six national principles, in the national order, for a municipality's first draft.
pub(crate) const NATIONAL_PRINCIPLES: [&str; 6] = [
    "Självständighet och oberoende",
    "Dialog",
    "Kvalitet",
    "Långsiktighet",
    "Öppenhet och insyn",
    "Mångfald",
];

#[derive(Template)]
#[template(path = "agreement_manage.html")]
struct Overview {
    page: Page,
    base: String,
    manage: String,
    versions: Vec<Version>,
    has_draft: bool,
    notice: Option<String>,
}

impl Overview {
    fn status(&self, v: &Version) -> String {
        self.page.t(v.status.message_id())
    }

    fn adopted(&self, v: &Version) -> String {
        match (&v.adopted_by, &v.adopted_on) {
            (Some(by), Some(on)) => format!("{by}, {on}"),
            _ => String::new(),
        }
    }
}

async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut versions = store::versions(&state.db, m.id).await?;
    versions.reverse();
    html(&Overview {
        page: ctx.page_in(&m, ctx.t("agreement-manage-title")),
        base: paths::base(&m),
        manage: paths::manage(&m),
        has_draft: versions.iter().any(Version::is_draft),
        versions,
        notice: d.message(&ctx),
    })
}

async fn start_draft(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let names: Vec<String> = NATIONAL_PRINCIPLES.iter().map(|s| s.to_string()).collect();
    match draft::start_draft(&state.db, m.id, &names, Some(user), state.now()).await {
        Ok(_) => Ok(done(&paths::draft(&m), "utkast")),
        Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
    }
}

// --- The draft ---

#[derive(Template)]
#[template(path = "agreement_draft.html")]
struct DraftPage {
    page: Page,
    manage: String,
    principles: Vec<PrincipleWith>,
    intro_form: Form,
    principle_form: Form,
    notice: Option<String>,
}

impl DraftPage {
    fn principle_href(&self, id: &PrincipleId) -> String {
        format!("{}/princip/{id}", self.manage)
    }
}

fn intro_form(ctx: &Ctx, m: &Municipality, value: &str) -> Form {
    Form::new(
        paths::intro(m),
        ctx.t("agreement-save-intro"),
        vec![Field::new("intro", ctx.t("agreement-field-intro"), FieldKind::TextArea)
            .value(value)
            .hint(ctx.tr.ta("agreement-hint-text", &[("n", &TEXT_MAX)]))
            .max_len(TEXT_MAX)],
    )
}

fn principle_fields(ctx: &Ctx) -> Vec<Field> {
    vec![
        Field::new("number", ctx.t("agreement-field-number"), FieldKind::Number).hint(ctx.t("agreement-hint-number")),
        Field::new("name", ctx.t("agreement-field-principle-name"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX),
        Field::new("body", ctx.t("agreement-field-principle-body"), FieldKind::TextArea)
            .hint(ctx.tr.ta("agreement-hint-text", &[("n", &TEXT_MAX)]))
            .max_len(TEXT_MAX),
    ]
}

fn principle_add_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        paths::principles(m),
        ctx.t("agreement-add-principle"),
        principle_fields(ctx),
    )
}

async fn render_draft(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    version: Version,
    intro: Option<Form>,
    principle: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let principles = store::contents(&state.db, m.id, version.id).await?;
    let intro_form = intro.unwrap_or_else(|| intro_form(ctx, m, &version.intro));
    let principle_form = principle.unwrap_or_else(|| principle_add_form(ctx, m));
    let status = if intro_form.has_errors() || principle_form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &DraftPage {
            page: ctx.page_in(m, ctx.tr.ta("agreement-draft-title", &[("n", &version.number)])),
            manage: paths::manage(m),
            principles,
            intro_form,
            principle_form,
            notice,
        },
    )
}

/// The draft, or (when there is none) back to the overview.
async fn the_draft(state: &AppState, m: &Municipality) -> AppResult<Result<Version, Response>> {
    match store::draft(&state.db, m.id).await? {
        Some(v) => Ok(Ok(v)),
        None => Ok(Err(Redirect::to(&paths::manage(m)).into_response())),
    }
}

async fn draft_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let version = match the_draft(&state, &m).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    render_draft(&state, &ctx, &m, version, None, None, d.message(&ctx)).await
}

async fn save_intro(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<IntroForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let version = match the_draft(&state, &m).await? {
        Ok(v) => v,
        Err(_) => return store_error(&ctx, &m, domain::RuleError::NoDraft.into(), &paths::manage(&m)),
    };
    let typed = text(&input.intro);
    match domain::optional_text(typed) {
        Ok(intro) => match draft::update_intro(&state.db, m.id, version.id, &intro, Some(user), state.now()).await {
            Ok(()) => Ok(done(&paths::draft(&m), "inledning")),
            Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
        },
        Err(why) => {
            let mut form = intro_form(&ctx, &m, typed);
            field_error(&mut form, &ctx, "intro", why);
            render_draft(&state, &ctx, &m, version, Some(form), None, None).await
        }
    }
}

/// The draft's introduction, as posted.
#[derive(Deserialize)]
struct IntroForm {
    intro: Option<String>,
}

/// A principle, as posted.
#[derive(Deserialize, Serialize)]
struct PrincipleForm {
    number: Option<String>,
    name: Option<String>,
    body: Option<String>,
}

/// A principle's fields, checked: (number, name, text) or the form with its errors.
fn read_principle(ctx: &Ctx, mut form: Form, input: &PrincipleForm) -> Result<(Option<i64>, String, String), Form> {
    fill(&mut form, input);
    let number = domain::number(text(&input.number));
    let name = domain::name(text(&input.name));
    let body = domain::optional_text(text(&input.body));
    match (number, name, body) {
        (Ok(n), Ok(name), Ok(body)) => Ok((n, name, body)),
        (n, name, body) => {
            if let Err(e) = n {
                field_error(&mut form, ctx, "number", e);
            }
            if let Err(e) = name {
                field_error(&mut form, ctx, "name", e);
            }
            if let Err(e) = body {
                field_error(&mut form, ctx, "body", e);
            }
            Err(form)
        }
    }
}

async fn add_principle(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<PrincipleForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let version = match the_draft(&state, &m).await? {
        Ok(v) => v,
        Err(_) => return store_error(&ctx, &m, domain::RuleError::NoDraft.into(), &paths::manage(&m)),
    };
    match read_principle(&ctx, principle_add_form(&ctx, &m), &input) {
        Ok((number, name, body)) => {
            let input = PrincipleInput {
                number,
                name: &name,
                body: &body,
            };
            match draft::add_principle(&state.db, m.id, version.id, &input, Some(user), state.now()).await {
                Ok(_) => Ok(done(&format!("{}#principer", paths::draft(&m)), "princip")),
                Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
            }
        }
        Err(form) => render_draft(&state, &ctx, &m, version, None, Some(form), None).await,
    }
}

// --- One principle ---

#[derive(Template)]
#[template(path = "agreement_principle.html")]
struct PrinciplePage {
    page: Page,
    manage: String,
    principle: PrincipleWith,
    edit_form: Form,
    commitment_form: Form,
    remove_action: String,
    notice: Option<String>,
}

impl PrinciplePage {
    fn party_heading(&self, party: &Party) -> String {
        self.page.t(party.message_id())
    }
}

fn principle_edit_form(ctx: &Ctx, m: &Municipality, p: &PrincipleWith) -> Form {
    let mut fields = principle_fields(ctx);
    for f in &mut fields {
        f.value = match f.name.as_str() {
            "number" => p.principle.position.to_string(),
            "name" => p.principle.name.clone(),
            _ => p.principle.body.clone(),
        };
    }
    Form::new(
        paths::principle(m, p.principle.id),
        ctx.t("agreement-save-principle"),
        fields,
    )
}

fn party_options(ctx: &Ctx) -> Vec<(String, String)> {
    Party::ALL
        .iter()
        .map(|p| (p.as_str().to_string(), ctx.t(p.option_message_id())))
        .collect()
}

fn commitment_fields(ctx: &Ctx) -> Vec<Field> {
    vec![
        Field::new("party", ctx.t("agreement-field-party"), FieldKind::Select)
            .required()
            .options(party_options(ctx))
            .value(Party::Municipality.as_str()),
        Field::new("position", ctx.t("agreement-field-number"), FieldKind::Number).hint(ctx.t("agreement-hint-number")),
        Field::new("heading", ctx.t("agreement-field-heading"), FieldKind::Text)
            .hint(ctx.t("agreement-hint-heading"))
            .max_len(NAME_MAX),
        Field::new("text", ctx.t("agreement-field-commitment-body"), FieldKind::TextArea)
            .required()
            .hint(ctx.tr.ta("agreement-hint-text", &[("n", &TEXT_MAX)]))
            .max_len(TEXT_MAX),
    ]
}

fn commitment_add_form(ctx: &Ctx, m: &Municipality, principle_id: PrincipleId) -> Form {
    Form::new(
        paths::commitments(m, principle_id),
        ctx.t("agreement-add-commitment"),
        commitment_fields(ctx),
    )
}

/// A principle of the draft; a principle of an adopted version is refused with 409.
async fn editable_principle(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: PrincipleId,
) -> AppResult<Result<PrincipleWith, Response>> {
    let (p, v) = store::principle_with(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if !v.is_draft() {
        return Ok(Err(store_error(
            ctx,
            m,
            StoreError::Rule(domain::RuleError::Frozen),
            &paths::manage(m),
        )?));
    }
    Ok(Ok(p))
}

async fn render_principle(
    ctx: &Ctx,
    m: &Municipality,
    p: PrincipleWith,
    edit: Option<Form>,
    commitment: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let edit_form = edit.unwrap_or_else(|| principle_edit_form(ctx, m, &p));
    let commitment_form = commitment.unwrap_or_else(|| commitment_add_form(ctx, m, p.principle.id));
    let status = if edit_form.has_errors() || commitment_form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &PrinciplePage {
            page: ctx.page_in(
                m,
                ctx.tr.ta(
                    "agreement-principle-title",
                    &[("n", &p.principle.position), ("name", &p.principle.name)],
                ),
            ),
            manage: paths::manage(m),
            remove_action: paths::remove_principle(m, p.principle.id),
            principle: p,
            edit_form,
            commitment_form,
            notice,
        },
    )
}

async fn principle(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<PrincipleId>,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    match editable_principle(&state, &ctx, &m, id).await? {
        Ok(p) => render_principle(&ctx, &m, p, None, None, d.message(&ctx)).await,
        Err(r) => Ok(r),
    }
}

async fn save_principle(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<PrincipleId>,
    Input(input): Input<PrincipleForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let p = match editable_principle(&state, &ctx, &m, id).await? {
        Ok(p) => p,
        Err(r) => return Ok(r),
    };
    match read_principle(&ctx, principle_edit_form(&ctx, &m, &p), &input) {
        Ok((number, name, body)) => {
            let input = PrincipleInput {
                number,
                name: &name,
                body: &body,
            };
            match draft::update_principle(&state.db, m.id, id, &input, Some(user), state.now()).await {
                Ok(()) => Ok(done(&paths::principle(&m, id), "princip")),
                Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
            }
        }
        Err(form) => render_principle(&ctx, &m, p, Some(form), None, None).await,
    }
}

async fn remove_principle(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<PrincipleId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match draft::remove_principle(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&format!("{}#principer", paths::draft(&m)), "princip-borttagen")),
        Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
    }
}

// --- Commitments ---

/// A commitment, as posted.
#[derive(Deserialize, Serialize)]
struct CommitmentForm {
    party: Option<String>,
    position: Option<String>,
    heading: Option<String>,
    text: Option<String>,
}

/// A commitment's fields, checked, or the form with its errors.
fn read_commitment(
    ctx: &Ctx,
    mut form: Form,
    input: &CommitmentForm,
) -> Result<(Party, Option<i64>, String, String), Form> {
    fill(&mut form, input);
    let party = text(&input.party)
        .parse::<Party>()
        .map_err(|_| domain::FieldError::Choice);
    let number = domain::number(text(&input.position));
    let heading = domain::optional_name(text(&input.heading));
    let body = domain::required_text(text(&input.text), TEXT_MAX);
    match (party, number, heading, body) {
        (Ok(party), Ok(n), Ok(h), Ok(b)) => Ok((party, n, h, b)),
        (party, n, h, b) => {
            for (name, e) in [
                ("party", party.err()),
                ("position", n.err()),
                ("heading", h.err()),
                ("text", b.err()),
            ] {
                if let Some(e) = e {
                    field_error(&mut form, ctx, name, e);
                }
            }
            Err(form)
        }
    }
}

async fn add_commitment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<PrincipleId>,
    Input(input): Input<CommitmentForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let p = match editable_principle(&state, &ctx, &m, id).await? {
        Ok(p) => p,
        Err(r) => return Ok(r),
    };
    match read_commitment(&ctx, commitment_add_form(&ctx, &m, id), &input) {
        Ok((party, number, heading, body)) => {
            let input = CommitmentInput {
                party,
                number,
                heading: &heading,
                body: &body,
            };
            match draft::add_commitment(&state.db, m.id, id, &input, Some(user), state.now()).await {
                Ok(_) => Ok(done(&format!("{}#ataganden", paths::principle(&m, id)), "atagande")),
                Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
            }
        }
        Err(form) => render_principle(&ctx, &m, p, None, Some(form), None).await,
    }
}

fn commitment_page(ctx: &Ctx, m: &Municipality, principle_id: PrincipleId, form: Form) -> AppResult<Response> {
    let mut fp = FormPage::new(ctx.page_in(m, ctx.t("agreement-commitment-title")));
    let status = form.status();
    fp.form = Some(form);
    fp.links = vec![(paths::principle(m, principle_id), ctx.t("agreement-back-to-principle"))];
    html_status(status, &fp)
}

fn commitment_edit_form(ctx: &Ctx, m: &Municipality, c: &domain::Commitment) -> Form {
    let mut fields = commitment_fields(ctx);
    for f in &mut fields {
        f.value = match f.name.as_str() {
            "party" => c.party.as_str().to_string(),
            "position" => c.position.to_string(),
            "heading" => c.heading.clone(),
            _ => c.body.clone(),
        };
    }
    Form::new(paths::commitment(m, c.id), ctx.t("agreement-save-commitment"), fields)
}

async fn editable_commitment(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: CommitmentId,
) -> AppResult<Result<domain::Commitment, Response>> {
    let (c, _, v) = store::commitment(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if !v.is_draft() {
        return Ok(Err(store_error(
            ctx,
            m,
            StoreError::Rule(domain::RuleError::Frozen),
            &paths::manage(m),
        )?));
    }
    Ok(Ok(c))
}

async fn commitment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<CommitmentId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    match editable_commitment(&state, &ctx, &m, id).await? {
        Ok(c) => commitment_page(&ctx, &m, c.principle_id, commitment_edit_form(&ctx, &m, &c)),
        Err(r) => Ok(r),
    }
}

async fn save_commitment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<CommitmentId>,
    Input(input): Input<CommitmentForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let c = match editable_commitment(&state, &ctx, &m, id).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    match read_commitment(&ctx, commitment_edit_form(&ctx, &m, &c), &input) {
        Ok((party, number, heading, body)) => {
            let input = CommitmentInput {
                party,
                number,
                heading: &heading,
                body: &body,
            };
            match draft::update_commitment(&state.db, m.id, id, &input, Some(user), state.now()).await {
                Ok(()) => Ok(done(
                    &format!("{}#ataganden", paths::principle(&m, c.principle_id)),
                    "atagande",
                )),
                Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
            }
        }
        Err(form) => commitment_page(&ctx, &m, c.principle_id, form),
    }
}

async fn remove_commitment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<CommitmentId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match draft::remove_commitment(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(principle_id) => Ok(done(
            &format!("{}#ataganden", paths::principle(&m, principle_id)),
            "atagande-borttaget",
        )),
        Err(e) => store_error(&ctx, &m, e, &paths::manage(&m)),
    }
}

// --- Adopting ---

/// The decision, as posted.
#[derive(Deserialize, Serialize)]
struct AdoptForm {
    adopted_by: Option<String>,
    adopted_on: Option<String>,
}

fn adopt_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        paths::adopt(m),
        ctx.t("agreement-adopt-submit"),
        vec![
            Field::new("adopted_by", ctx.t("agreement-field-adopted-by"), FieldKind::Text)
                .required()
                .hint(ctx.t("agreement-hint-adopted-by"))
                .max_len(NAME_MAX),
            Field::new("adopted_on", ctx.t("agreement-field-adopted-on"), FieldKind::Date)
                .required()
                .hint(ctx.t("agreement-hint-date")),
        ],
    )
}

fn adopt_page_with(ctx: &Ctx, m: &Municipality, version: &Version, form: Form) -> AppResult<Response> {
    let mut fp = FormPage::new(ctx.page_in(m, ctx.tr.ta("agreement-adopt-title", &[("n", &version.number)])));
    fp.intro = vec![ctx.t("agreement-adopt-intro")];
    let status = form.status();
    fp.form = Some(form);
    fp.links = vec![(paths::draft(m), ctx.t("agreement-back-to-draft"))];
    html_status(status, &fp)
}

async fn adopt_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    match the_draft(&state, &m).await? {
        Ok(v) => adopt_page_with(&ctx, &m, &v, adopt_form(&ctx, &m)),
        Err(r) => Ok(r),
    }
}

async fn adopt(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<AdoptForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let version = match the_draft(&state, &m).await? {
        Ok(v) => v,
        Err(_) => return store_error(&ctx, &m, domain::RuleError::NoDraft.into(), &paths::manage(&m)),
    };
    let mut form = adopt_form(&ctx, &m);
    fill(&mut form, &input);
    let by = domain::name(text(&input.adopted_by));
    let on = domain::date(text(&input.adopted_on));
    match (by, on) {
        (Ok(by), Ok(on)) => match draft::adopt(&state.db, m.id, version.id, &by, &on, Some(user), state.now()).await {
            Ok(()) => Ok(done(&paths::manage(&m), "antagen")),
            Err(e) => store_error(&ctx, &m, e, &paths::draft(&m)),
        },
        (by, on) => {
            if let Err(e) = by {
                field_error(&mut form, &ctx, "adopted_by", e);
            }
            if let Err(e) = on {
                field_error(&mut form, &ctx, "adopted_on", e);
            }
            adopt_page_with(&ctx, &m, &version, form)
        }
    }
}
