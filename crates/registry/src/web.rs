//! What the registry's routes share: who may edit a profile, the page of a form with the items
//! above it, field messages, the mapping of refusals to error pages, and e-mail links.

use crate::domain::FieldError;
use crate::store::{self, RegistryError};
use platform::i18n::{Lang, Tr};
use platform::web::prelude::*;
use serde::Deserialize;

/// What was just done (`?klart=…`), for the notice on the page it leads to.
#[derive(Deserialize)]
pub(crate) struct Done {
    pub klart: Option<String>,
}

/// Whether the user may edit the organisation's profile: its representatives and the
/// municipality's coordinators.
pub(crate) fn may_edit(user: &CurrentUser, m: &Municipality, id: OrganisationId) -> bool {
    user.is_coordinator(m.id) || user.represents(id)
}

/// Whether the user may see what a profile keeps from the public (its payout account and its
/// statutes): the organisation's representatives and the municipality's staff.
pub(crate) fn may_see_private(user: &CurrentUser, m: &Municipality, id: OrganisationId) -> bool {
    user.is_staff(m.id) || user.represents(id)
}

/// The signed-in user who may edit the organisation's profile (which must be the municipality's).
pub(crate) async fn editor<'a>(
    state: &AppState,
    ctx: &'a Ctx,
    m: &Municipality,
    id: OrganisationId,
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

/// The organisation of the municipality, or the 404 page.
pub(crate) async fn profile_or_404(
    state: &AppState,
    m: &Municipality,
    id: OrganisationId,
) -> AppResult<store::Profile> {
    store::profile(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

pub(crate) fn field_message(tr: &Tr, e: FieldError) -> String {
    match e.n {
        Some(n) => tr.ta(e.message_id, &[("n", &n)]),
        None => tr.t(e.message_id),
    }
}

pub(crate) fn mark(form: &mut Form, tr: &Tr, field: &str, e: FieldError) {
    form.error(field, field_message(tr, e));
}

/// The checked value of a field, or its default with the problem marked on the form.
pub(crate) fn checked<T: Default>(form: &mut Form, tr: &Tr, field: &str, r: Result<T, FieldError>) -> T {
    r.unwrap_or_else(|e| {
        mark(form, tr, field, e);
        T::default()
    })
}

/// A checkbox, ticked or not.
pub(crate) fn checkbox(name: &str, label: String, on: bool) -> Field {
    Field::new(name, label, FieldKind::Checkbox).value(if on { "on" } else { "" })
}

/// A refusal of the store as an error page.
pub(crate) fn to_app(e: RegistryError) -> AppError {
    match e {
        RegistryError::Db(e) => e.into(),
        RegistryError::NotFound => AppError::NotFound("err-not-found"),
        RegistryError::Unverified => AppError::BadRequest("registry-unverified"),
        _ => AppError::BadRequest("err-bad-form"),
    }
}

/// Swedish messages for e-mail (the recipients' language is not known).
pub(crate) fn swedish(state: &AppState) -> Tr {
    Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    }
}

/// An absolute link for an e-mail.
pub(crate) fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.base_url.trim_end_matches('/'))
}

/// A form page with a list of items above the form (contacts, premises), each with an optional
/// remove action.
#[derive(Template)]
#[template(path = "registry_form.html")]
pub(crate) struct FormPage {
    pub page: Page,
    pub intro: Vec<String>,
    pub notice: Option<String>,
    pub form: Option<Form>,
    /// Items listed above the form, each with an optional remove action: (text, action).
    pub items_heading: String,
    pub items: Vec<(String, Option<String>)>,
    pub remove_label: String,
    pub links: Vec<(String, String)>,
}

impl FormPage {
    pub fn new(page: Page) -> FormPage {
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
