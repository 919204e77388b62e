//! Editing a profile and registering a new organisation.
//!
//! - `GET|POST /{slug}/foreningar/{id}/redigera`: edit the profile (its representatives, the
//!   coordinator)
//! - `GET|POST /{slug}/foreningar/ny`: the coordinator registers an organisation
//!
//! The form is read as a map: its category checkboxes are named by the categories
//! (`cat_kultur`, …). The edit form also holds the grant facts (payout account, board, last
//! annual meeting; `facts`), and its page the statutes upload (`statutes_routes`).

use crate::domain::{
    self, Category, GiroKind, LegalForm, OrgNumber, LINE_MAX, MEMBERS_MAX, MISSION_MAX, NAME_MAX, PHONE_MAX,
};
use crate::facts::domain::{self as facts, FactsEdit, GiroField};
use crate::facts::store::{facts_of, StoredFacts};
use crate::paths;
use crate::profile::store;
use crate::store::{Profile, ProfileEdit, RegistryError};
use crate::web::{checkbox, checked, editor, mark};
use platform::web::prelude::*;
use std::collections::HashMap;

type Params = HashMap<String, String>;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/foreningar/ny", get(new_page).post(create))
        .route("/{slug}/foreningar/{id}/redigera", get(edit_page).post(edit))
}

fn get_p<'a>(p: &'a Params, k: &str) -> &'a str {
    p.get(k).map(String::as_str).unwrap_or("")
}

fn profile_form(ctx: &Ctx, action: String, p: Option<&Profile>) -> Form {
    let v = |f: &dyn Fn(&Profile) -> String| p.map(f).unwrap_or_default();
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
    let name = checked(
        form,
        tr,
        "name",
        platform::rules::line(get_p(input, "name"), NAME_MAX).map_err(Into::into),
    );
    let number = checked(
        form,
        tr,
        "org_number",
        OrgNumber::parse(get_p(input, "org_number"))
            .map(String::from)
            .map_err(Into::into),
    );
    let mission = checked(
        form,
        tr,
        "mission",
        if get_p(input, "mission").trim().is_empty() {
            Ok(String::new())
        } else {
            platform::rules::text(get_p(input, "mission"), MISSION_MAX).map_err(Into::into)
        },
    );
    let target_groups = checked(
        form,
        tr,
        "target_groups",
        domain::opt_line(get_p(input, "target_groups"), LINE_MAX),
    );
    let email = checked(form, tr, "email", domain::opt_email(get_p(input, "email")));
    let phone = checked(form, tr, "phone", domain::opt_phone(get_p(input, "phone")));
    let website = checked(form, tr, "website", domain::opt_url(get_p(input, "website")));
    let postal_address = checked(
        form,
        tr,
        "postal_address",
        domain::opt_line(get_p(input, "postal_address"), LINE_MAX),
    );
    let visiting_address = checked(
        form,
        tr,
        "visiting_address",
        domain::opt_line(get_p(input, "visiting_address"), LINE_MAX),
    );
    let social_links = checked(form, tr, "social_links", domain::links(get_p(input, "social_links")));
    let member_count = checked(
        form,
        tr,
        "members",
        domain::opt_count(get_p(input, "members"), MEMBERS_MAX),
    );
    let legal_form = match LegalForm::parse(get_p(input, "legal_form")) {
        Some(f) => f,
        None => {
            form.error("legal_form", ctx.t("err-choose"));
            LegalForm::Annan
        }
    };
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| !get_p(input, &format!("cat_{}", c.code())).is_empty())
        .collect();
    let org_number = OrgNumber::parse(&number).ok();
    (!form.has_errors()).then_some(ProfileEdit {
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

// --- Grant facts on the edit form ---

/// The payout account, board size and last annual meeting, after the profile's own fields.
fn facts_fields(ctx: &Ctx, f: Option<&StoredFacts>) -> Vec<Field> {
    let giro = f.and_then(|f| f.giro.clone());
    let kinds = [GiroKind::Bankgiro, GiroKind::Plusgiro]
        .into_iter()
        .map(|k| (k.code().to_string(), ctx.t(k.message_id())));
    vec![
        Field::new("giro_kind", ctx.t("registry-field-giro-kind"), FieldKind::Select)
            .options(
                std::iter::once((String::new(), ctx.t("registry-giro-none")))
                    .chain(kinds)
                    .collect(),
            )
            .value(giro.as_ref().map(|(k, _)| k.code()).unwrap_or_default()),
        Field::new("giro_number", ctx.t("registry-field-giro-number"), FieldKind::Text)
            .hint(ctx.t("registry-field-giro-number-hint"))
            .max_len(20)
            .value(giro.map(|(_, n)| n).unwrap_or_default()),
        Field::new("board_members", ctx.t("registry-field-board"), FieldKind::Number)
            .hint(ctx.tr.ta("registry-field-board-hint", &[("n", &facts::BOARD_MAX)]))
            .value(
                f.and_then(|f| f.board_members)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
        Field::new(
            "annual_meeting_on",
            ctx.t("registry-field-annual-meeting"),
            FieldKind::Date,
        )
        .hint(ctx.t("registry-field-annual-meeting-hint"))
        .value(
            f.and_then(|f| f.annual_meeting_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
    ]
}

/// The edit form: the profile's fields, then the grant facts.
fn edit_form(ctx: &Ctx, m: &Municipality, profile: &Profile, f: Option<&StoredFacts>) -> Form {
    let mut form = profile_form(ctx, paths::edit(m, profile.organisation_id), Some(profile));
    form.fields.extend(facts_fields(ctx, f));
    form
}

/// Check the grant facts of a sent edit form (already filled in); problems go on their fields.
fn read_facts(ctx: &Ctx, input: &Params, today: chrono::NaiveDate, form: &mut Form) -> FactsEdit {
    let tr = &ctx.tr;
    let giro = match facts::giro(get_p(input, "giro_kind"), get_p(input, "giro_number")) {
        Ok(g) => g,
        Err((field, e)) => {
            let name = match field {
                GiroField::Kind => "giro_kind",
                GiroField::Number => "giro_number",
            };
            mark(form, tr, name, e);
            None
        }
    };
    FactsEdit {
        giro,
        board_members: checked(
            form,
            tr,
            "board_members",
            facts::board_members(get_p(input, "board_members")),
        ),
        annual_meeting_on: checked(
            form,
            tr,
            "annual_meeting_on",
            facts::annual_meeting_on(get_p(input, "annual_meeting_on"), today),
        ),
    }
}

// --- Pages ---

/// The statutes part of the edit page: what is on file and the upload form.
pub(crate) struct StatutesView {
    /// The upload form's action, with its CSRF token (a multipart form).
    pub action: String,
    /// (download link, file name, uploaded on)
    pub current: Option<(String, String, String)>,
    pub error: Option<String>,
}

/// The edit page (or the new organisation's): the form and, when editing, the statutes.
#[derive(Template)]
#[template(path = "registry_edit.html")]
pub(crate) struct EditPage {
    page: Page,
    intro: Vec<String>,
    form: Form,
    statutes: Option<StatutesView>,
    back: String,
    back_label: String,
}

fn new_frame(ctx: &Ctx, m: &Municipality, form: Form) -> EditPage {
    EditPage {
        page: ctx.page_in(m, ctx.t("registry-new-title")),
        intro: vec![ctx.t("registry-edit-intro")],
        form,
        statutes: None,
        back: paths::directory(m),
        back_label: ctx.t("registry-back-to-directory"),
    }
}

/// The edit page of a profile with this form, and a problem with a statutes upload if any.
pub(crate) fn edit_frame(
    ctx: &Ctx,
    m: &Municipality,
    profile: &Profile,
    f: Option<&StoredFacts>,
    form: Form,
    statutes_error: Option<String>,
) -> EditPage {
    let id = profile.organisation_id;
    EditPage {
        page: ctx
            .page_in(m, ctx.ta_name("registry-edit-title", &profile.name))
            .via(crate::paths::organisation(m, id), profile.name.clone()),
        intro: vec![ctx.t("registry-edit-intro")],
        form,
        statutes: Some(StatutesView {
            action: format!("{}?_csrf={}", paths::statutes(m, id), urlencoding::encode(&ctx.csrf)),
            current: f
                .and_then(|f| f.statutes.as_ref())
                .map(|(name, at)| (paths::statutes(m, id), name.clone(), platform::format::date(*at))),
            error: statutes_error,
        }),
        back: paths::organisation(m, id),
        back_label: ctx.t("registry-back-to-profile"),
    }
}

/// The edit page as it is now, with the profile's stored values.
pub(crate) async fn current_edit_page(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    profile: &Profile,
    statutes_error: Option<String>,
) -> AppResult<EditPage> {
    let f = facts_of(&state.db, m.id, profile.organisation_id).await?;
    let form = edit_form(ctx, m, profile, f.as_ref());
    Ok(edit_frame(ctx, m, profile, f.as_ref(), form, statutes_error))
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
) -> AppResult<Response> {
    let (_, profile) = editor(&state, &ctx, &m, id).await?;
    html(&current_edit_page(&state, &ctx, &m, &profile, None).await?)
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let (user, profile) = editor(&state, &ctx, &m, id).await?;
    let stored = facts_of(&state.db, m.id, id).await?;
    let mut form = edit_form(&ctx, &m, &profile, stored.as_ref());
    let edited = read_profile(&ctx, &input, &mut form);
    let f = read_facts(&ctx, &input, state.today(), &mut form);
    if let (Some(e), false) = (edited, form.has_errors()) {
        match store::update_with_facts(&state.db, m.id, id, &e, &f, Some(user), state.now()).await {
            Ok(()) => return Ok(Redirect::to(&paths::organisation_done(&m, id, "sparad")).into_response()),
            Err(RegistryError::DuplicateNumber) => form.error("org_number", ctx.t("registry-err-orgnr-taken")),
            Err(RegistryError::NotFound) => return Err(AppError::NotFound("err-not-found")),
            Err(e @ (RegistryError::AlreadyRequested | RegistryError::Unverified | RegistryError::Db(_))) => {
                return Err(crate::web::to_app(e))
            }
        }
    }
    let status = form.status();
    html_status(status, &edit_frame(&ctx, &m, &profile, stored.as_ref(), form, None))
}

async fn new_page(ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let form = profile_form(&ctx, paths::new_organisation(&m), None);
    html(&new_frame(&ctx, &m, form))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = profile_form(&ctx, paths::new_organisation(&m), None);
    if let Some(e) = read_profile(&ctx, &input, &mut form) {
        match store::create(&state.db, m.id, &e, Some(user), state.now()).await {
            Ok(id) => return Ok(Redirect::to(&paths::organisation_done(&m, id, "sparad")).into_response()),
            Err(RegistryError::DuplicateNumber) => form.error("org_number", ctx.t("registry-err-orgnr-taken")),
            Err(RegistryError::Db(e)) => return Err(e.into()),
            Err(_) => return Err(AppError::BadRequest("err-bad-form")),
        }
    }
    let status = form.status();
    html_status(status, &new_frame(&ctx, &m, form))
}
