//! The group's page: what the group is and what it keeps, joining with consent, leaving with
//! one button, and the coordinator's member list with a removal button per member.
//!
//! - `GET /{slug}/remissgrupp`: public; a signed-in person sees the join form or the way out
//! - `POST /{slug}/remissgrupp/ga-med`: join (the consent box must be ticked)
//! - `POST /{slug}/remissgrupp/lamna`: leave
//! - `POST /{slug}/remissgrupp/medlemmar/ta-bort`: the coordinator removes a member

use super::consultations_store::{self as consultations, Listed};
use super::store::{self, Member, StoreError};
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;

/// The longest association name kept.
const LINE_MAX: usize = 200;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/remissgrupp", get(page))
        .route("/{slug}/remissgrupp/ga-med", post(join))
        .route("/{slug}/remissgrupp/lamna", post(leave))
        .route("/{slug}/remissgrupp/medlemmar/ta-bort", post(remove))
}

pub(super) fn store_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound => AppError::NotFound("err-not-found"),
        StoreError::Db(e) => e.into(),
    }
}

#[derive(Template)]
#[template(path = "support_consultations_group.html")]
struct GroupView {
    page: Page,
    notice: Option<String>,
    /// The join form, for a signed-in person who is not a member.
    form: Option<Form>,
    /// A member's association (maybe empty) and the action to leave.
    membership: Option<(String, String)>,
    /// The login's address for a visitor.
    login: Option<String>,
    /// The coordinator's list: (member, date joined) and the removal action.
    members: Option<(Vec<(Member, String)>, String)>,
    /// The consultations, for members and the coordinator.
    consultations: Vec<Listed>,
    /// The coordinator's way to open a consultation.
    open: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
struct Joined {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    consent: String,
}

fn join_form(ctx: &Ctx, m: &Municipality, typed: &Joined) -> Form {
    let mut form = Form::new(
        paths::consultation_join(&m.slug),
        ctx.t("support-consultations-join"),
        vec![
            Field::new(
                "organisation",
                ctx.t("support-consultations-organisation"),
                FieldKind::Text,
            )
            .hint(ctx.t("support-consultations-organisation-hint"))
            .autocomplete("organization")
            .max_len(LINE_MAX),
            Field::new("consent", ctx.t("support-consultations-consent"), FieldKind::Checkbox)
                .required()
                .hint(
                    ctx.tr
                        .ta("support-consultations-consent-hint", &[("municipality", &m.name)]),
                ),
        ],
    );
    form.fill_from(typed);
    form
}

async fn view(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let user = ctx.user.as_ref();
    let membership = match user {
        Some(u) => store::membership(&state.db, m.id, u.id).await?,
        None => None,
    };
    let form = match (user, &membership) {
        (Some(_), None) => Some(form.unwrap_or_else(|| join_form(ctx, m, &Joined::default()))),
        _ => None,
    };
    let members = match user {
        Some(u) if u.is_coordinator(m.id) => Some((
            store::members(&state.db, m.id)
                .await?
                .into_iter()
                .map(|p| {
                    let joined = platform::format::date(p.consented_at);
                    (p, joined)
                })
                .collect(),
            paths::consultation_remove(&m.slug),
        )),
        _ => None,
    };
    let coordinator = user.is_some_and(|u| u.is_coordinator(m.id));
    let listed = if coordinator || membership.is_some() {
        consultations::list(&state.db, m.id).await?
    } else {
        vec![]
    };
    let code = if form.as_ref().is_some_and(Form::has_errors) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        code,
        &GroupView {
            page: ctx
                .page_in(m, ctx.t("support-consultations-title"))
                .described(ctx.tr.ta("support-consultations-description", &[("name", &m.name)])),
            notice,
            form,
            membership: membership.map(|o| (o, paths::consultation_leave(&m.slug))),
            login: user
                .is_none()
                .then(|| format!("/konto/logga-in?next={}", paths::consultations(&m.slug))),
            members,
            consultations: listed,
            open: coordinator.then(|| paths::consultation_new(&m.slug)),
        },
    )
}

#[derive(Deserialize, Default)]
struct Done {
    klart: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let notice = match done.klart.as_deref() {
        Some("med") => Some(ctx.t("support-consultations-joined")),
        Some("ut") => Some(ctx.t("support-consultations-left")),
        Some("bort") => Some(ctx.t("support-consultations-removed")),
        Some("remiss") => Some(ctx.t("support-consultations-opened")),
        _ => None,
    };
    view(&state, &ctx, &m, None, notice).await
}

fn back(m: &Municipality, what: &str) -> Response {
    Redirect::to(&format!("{}?klart={what}", paths::consultations(&m.slug))).into_response()
}

async fn join(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(typed): Input<Joined>,
) -> AppResult<Response> {
    let u = require_user(ctx.user.as_ref())?;
    // The association is optional: an empty field is no association.
    let organisation = if typed.organisation.trim().is_empty() {
        Ok(String::new())
    } else {
        platform::rules::line(&typed.organisation, LINE_MAX)
    };
    match (organisation, typed.consent == "on") {
        (Ok(organisation), true) => {
            store::join(&state.db, m.id, u, &organisation, state.now())
                .await
                .map_err(store_error)?;
            Ok(back(&m, "med"))
        }
        (organisation, _) => {
            let mut form = join_form(&ctx, &m, &typed);
            if let Err(why) = organisation {
                form.invalid(&ctx.tr, "organisation", why);
            }
            if typed.consent != "on" {
                form.error("consent", ctx.t("support-consultations-consent-required"));
            }
            view(&state, &ctx, &m, Some(form), None).await
        }
    }
}

async fn leave(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let u = require_user(ctx.user.as_ref())?;
    // Leaving twice (a second tab) is not an error.
    match store::remove(&state.db, m.id, u.id, u, state.now()).await {
        Ok(()) | Err(StoreError::NotFound) => Ok(back(&m, "ut")),
        Err(e) => Err(store_error(e)),
    }
}

#[derive(Deserialize)]
struct Removed {
    member: Option<String>,
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<Removed>,
) -> AppResult<Response> {
    let u = require_coordinator(ctx.user.as_ref(), m.id)?;
    let user = f
        .member
        .as_deref()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .map(UserId::new)
        .ok_or(AppError::BadRequest("err-bad-form"))?;
    store::remove(&state.db, m.id, user, u, state.now())
        .await
        .map_err(store_error)?;
    Ok(back(&m, "bort"))
}
