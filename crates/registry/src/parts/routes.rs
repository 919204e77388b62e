//! An organisation's contact people and premises, kept by its representatives and the
//! coordinator.
//!
//! - `GET|POST /{slug}/foreningar/{id}/kontakter`, `POST …/kontakter/{cid}/ta-bort`
//! - `GET|POST /{slug}/foreningar/{id}/lokaler`, `POST …/lokaler/{pid}/ta-bort`
//!
//! The premises form is read as a map: its feature checkboxes are named by the features.

use crate::domain::{self, Feature, LINE_MAX, NAME_MAX, PHONE_MAX, TEXT_MAX};
use crate::ids::{ContactId, PremisesId};
use crate::parts::store::{self, NewContact, NewPremises};
use crate::paths;
use crate::store::{self as profiles, Profile};
use crate::web::{checkbox, checked, editor, to_app, FormPage};
use platform::format;
use platform::web::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;

type Params = HashMap<String, String>;

pub fn router() -> Routes {
    Routes::new()
        .route(
            "/{slug}/foreningar/{id}/kontakter",
            get(contacts_page).post(add_contact),
        )
        .route("/{slug}/foreningar/{id}/kontakter/{cid}/ta-bort", post(remove_contact))
        .route("/{slug}/foreningar/{id}/lokaler", get(premises_page).post(add_premises))
        .route("/{slug}/foreningar/{id}/lokaler/{pid}/ta-bort", post(remove_premises))
}

fn get_p<'a>(p: &'a Params, k: &str) -> &'a str {
    p.get(k).map(String::as_str).unwrap_or("")
}

/// The contact form as sent (a checkbox not ticked is not sent at all).
#[derive(Deserialize)]
struct ContactInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    public: String,
    #[serde(default)]
    consent: String,
}

#[derive(Deserialize)]
struct ContactPath {
    id: OrganisationId,
    cid: ContactId,
}

#[derive(Deserialize)]
struct PremisesPath {
    id: OrganisationId,
    pid: PremisesId,
}

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

/// The page of an organisation's contacts or premises (`part`, which names its messages): the
/// list, each with its remove action, and the form to add one.
fn parts_page(
    ctx: &Ctx,
    m: &Municipality,
    p: &Profile,
    part: &str,
    items: Vec<(String, Option<String>)>,
    form: Form,
) -> FormPage {
    let mut page = FormPage::new(
        ctx.page_in(m, ctx.ta_name(&format!("registry-{part}-title"), &p.name))
            .via(crate::paths::organisation(m, p.organisation_id), p.name.clone()),
    );
    page.intro = vec![ctx.t(&format!("registry-{part}-intro"))];
    page.items_heading = ctx.t(&format!("registry-{part}-heading"));
    page.remove_label = ctx.t("registry-remove");
    page.items = items;
    page.form = Some(form);
    page.links = vec![(
        paths::organisation(m, p.organisation_id),
        ctx.t("registry-back-to-profile"),
    )];
    page
}

async fn contacts_frame(state: &AppState, ctx: &Ctx, m: &Municipality, p: &Profile, form: Form) -> AppResult<FormPage> {
    let id = p.organisation_id;
    let all = profiles::contacts(&state.db, m.id, id, true).await?;
    let items = all
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
                Some(paths::remove_contact(m, id, c.id)),
            )
        })
        .collect();
    Ok(parts_page(ctx, m, p, "contacts", items, form))
}

async fn contacts_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
) -> AppResult<Response> {
    let (_, profile) = editor(&state, &ctx, &m, id).await?;
    let form = contact_form(&ctx, paths::contacts(&m, id));
    html(&contacts_frame(&state, &ctx, &m, &profile, form).await?)
}

async fn add_contact(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
    Input(input): Input<ContactInput>,
) -> AppResult<Response> {
    let (user, profile) = editor(&state, &ctx, &m, id).await?;
    let mut form = contact_form(&ctx, paths::contacts(&m, id));
    form.fill(|n| {
        Some(match n {
            "name" => input.name.clone(),
            "role" => input.role.clone(),
            "email" => input.email.clone(),
            "phone" => input.phone.clone(),
            "public" => input.public.clone(),
            "consent" => input.consent.clone(),
            _ => String::new(),
        })
    });
    let tr = &ctx.tr;
    let name = checked(
        &mut form,
        tr,
        "name",
        platform::rules::line(&input.name, NAME_MAX).map_err(Into::into),
    );
    let role = checked(&mut form, tr, "role", domain::opt_line(&input.role, LINE_MAX));
    let email = checked(&mut form, tr, "email", domain::opt_email(&input.email));
    let phone = checked(&mut form, tr, "phone", domain::opt_phone(&input.phone));
    if input.consent.is_empty() {
        form.error("consent", ctx.t("registry-err-consent"));
    }
    if !form.has_errors() {
        let c = NewContact {
            name,
            role,
            email,
            phone,
            is_public: !input.public.is_empty(),
        };
        store::add_contact(&state.db, m.id, id, &c, Some(user), state.now())
            .await
            .map_err(to_app)?;
        return Ok(Redirect::to(&paths::contacts(&m, id)).into_response());
    }
    html_status(form.status(), &contacts_frame(&state, &ctx, &m, &profile, form).await?)
}

async fn remove_contact(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(ContactPath { id, cid }): PathParams<ContactPath>,
) -> AppResult<Response> {
    let (user, _) = editor(&state, &ctx, &m, id).await?;
    store::remove_contact(&state.db, m.id, id, cid, user, state.now())
        .await
        .map_err(to_app)?;
    Ok(Redirect::to(&paths::contacts(&m, id)).into_response())
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

async fn premises_frame(state: &AppState, ctx: &Ctx, m: &Municipality, p: &Profile, form: Form) -> AppResult<FormPage> {
    let id = p.organisation_id;
    let all = profiles::premises(&state.db, m.id, id).await?;
    let items = all
        .iter()
        .map(|x| {
            let feats: Vec<String> = x.features.iter().map(|f| ctx.t(f.message_id())).collect();
            (
                format!("{} {} {}", x.name, x.address, feats.join(", ")),
                Some(paths::remove_premises(m, id, x.id)),
            )
        })
        .collect();
    Ok(parts_page(ctx, m, p, "premises", items, form))
}

async fn premises_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
) -> AppResult<Response> {
    let (_, profile) = editor(&state, &ctx, &m, id).await?;
    let form = premises_form(&ctx, paths::premises(&m, id));
    html(&premises_frame(&state, &ctx, &m, &profile, form).await?)
}

async fn add_premises(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
    Input(input): Input<Params>,
) -> AppResult<Response> {
    let (user, profile) = editor(&state, &ctx, &m, id).await?;
    let mut form = premises_form(&ctx, paths::premises(&m, id));
    form.fill(|n| Some(get_p(&input, n).to_string()));
    let tr = &ctx.tr;
    let name = checked(
        &mut form,
        tr,
        "name",
        platform::rules::line(get_p(&input, "name"), NAME_MAX).map_err(Into::into),
    );
    let address = checked(
        &mut form,
        tr,
        "address",
        domain::opt_line(get_p(&input, "address"), LINE_MAX),
    );
    let equipment = checked(
        &mut form,
        tr,
        "equipment",
        if get_p(&input, "equipment").trim().is_empty() {
            Ok(String::new())
        } else {
            platform::rules::text(get_p(&input, "equipment"), TEXT_MAX).map_err(Into::into)
        },
    );
    let capacity = checked(
        &mut form,
        tr,
        "capacity",
        domain::opt_count(get_p(&input, "capacity"), domain::CAPACITY_MAX),
    );
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
        return Ok(Redirect::to(&paths::premises(&m, id)).into_response());
    }
    html_status(form.status(), &premises_frame(&state, &ctx, &m, &profile, form).await?)
}

async fn remove_premises(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(PremisesPath { id, pid }): PathParams<PremisesPath>,
) -> AppResult<Response> {
    let (user, _) = editor(&state, &ctx, &m, id).await?;
    store::remove_premises(&state.db, m.id, id, pid, user, state.now())
        .await
        .map_err(to_app)?;
    Ok(Redirect::to(&paths::premises(&m, id)).into_response())
}
