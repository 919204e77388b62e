//! The municipality's look, set by its coordinators, and what the public pages fetch of it.
//!
//! - `GET POST /{slug}/admin/profil`: the colour and the welcome text (coordinators)
//! - `POST /{slug}/admin/profil/logotyp` (multipart, the CSRF token in the query): a new logo
//! - `POST /{slug}/admin/profil/logotyp/ta-bort`: no logo
//! - `GET /{slug}/logotyp`: the logo (public; 404 when there is none)
//! - `GET /{slug}/tema.css`: the colour as a stylesheet (the Content-Security-Policy allows no
//!   inline style); its address carries the colour, so it may be cached long

use super::domain::{self, ColourProblem, LogoProblem, LOGO_BODY_MAX, LOGO_MAX, WELCOME_MAX};
use super::store;
use crate::i18n::Lang;
use crate::upload::Upload;
use crate::web::prelude::*;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart};
use axum::http::{header, HeaderValue};
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/admin/profil", get(profile).post(save_profile))
        .route(
            "/{slug}/admin/profil/logotyp",
            post(upload_logo).layer(DefaultBodyLimit::max(LOGO_BODY_MAX)),
        )
        .route("/{slug}/admin/profil/logotyp/ta-bort", post(remove_logo))
        .route("/{slug}/logotyp", get(logo))
        .route("/{slug}/tema.css", get(theme))
}

fn path(m: &Municipality) -> String {
    format!("/{}/admin/profil", m.slug)
}

#[derive(Template)]
#[template(path = "admin_profile.html")]
struct ProfilePage {
    page: Page,
    form: Form,
    notice: Option<String>,
    /// The colour in force, shown with its hex value.
    colour: String,
    /// The logo in force: (address, text alternative).
    logo: Option<(String, String)>,
    /// The upload form's action, with its CSRF token (a multipart form).
    logo_action: String,
    remove_action: String,
    logo_error: Option<String>,
}

fn profile_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        path(m),
        ctx.t("brand-save"),
        vec![
            Field::new("colour", ctx.t("brand-colour"), FieldKind::Text)
                .value(m.brand_colour.clone())
                .autocomplete("off")
                .max_len(7)
                .hint(ctx.t("brand-colour-hint")),
            Field::new("welcome", ctx.t("brand-welcome"), FieldKind::TextArea)
                .value(m.welcome.clone())
                .max_len(WELCOME_MAX)
                .hint(ctx.tr.ta("brand-welcome-hint", &[("n", &WELCOME_MAX)])),
        ],
    )
}

fn page_of(ctx: &Ctx, m: &Municipality, form: Form, notice: Option<String>, logo_error: Option<String>) -> ProfilePage {
    ProfilePage {
        page: ctx.page_in(m, ctx.t("brand-title")),
        form,
        notice,
        colour: m.brand_colour.clone(),
        logo: m.logo_src().map(|src| (src, crate::layout::logo_alt(&ctx.tr, &m.name))),
        logo_action: format!("{}/logotyp?_csrf={}", path(m), urlencoding::encode(&ctx.csrf)),
        remove_action: format!("{}/logotyp/ta-bort", path(m)),
        logo_error,
    }
}

async fn profile(ctx: Ctx, Tenant(m): Tenant, Query(q): Query<HashMap<String, String>>) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let notice = match q.get("sparat").map(String::as_str) {
        Some("profil") => Some(ctx.t("brand-saved")),
        Some("logotyp") => Some(ctx.t("brand-logo-saved")),
        Some("utan-logotyp") => Some(ctx.t("brand-logo-removed")),
        _ => None,
    };
    html(&page_of(&ctx, &m, profile_form(&ctx, &m), notice, None))
}

/// The colour and the welcome text, as sent.
#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(default)]
struct ProfileForm {
    colour: String,
    welcome: String,
}

async fn save_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<ProfileForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = profile_form(&ctx, &m);
    form.fill_from(&input);
    let colour = domain::check_colour(&input.colour);
    let welcome = domain::check_welcome(&input.welcome);
    match (colour, welcome) {
        (Ok(colour), Ok(welcome)) => {
            let colour = colour.unwrap_or_default();
            store::save_profile(&state.db, m.id, &colour, &welcome, Some(user), state.now()).await?;
            return Ok(Redirect::to(&format!("{}?sparat=profil", path(&m))).into_response());
        }
        (colour, welcome) => {
            match colour {
                Err(ColourProblem::Format) => form.error("colour", ctx.t("brand-colour-format")),
                Err(ColourProblem::Contrast(ratio)) => {
                    let shown = domain::parse_colour(&input.colour).ok().flatten().unwrap_or_default();
                    let ratio = domain::ratio_text(ratio, ctx.tr.lang == Lang::Sv);
                    let msg = ctx
                        .tr
                        .ta("brand-colour-contrast", &[("colour", &shown), ("ratio", &ratio)]);
                    form.error("colour", msg);
                }
                Ok(_) => {}
            }
            if let Err(why) = welcome {
                form.invalid(&ctx.tr, "welcome", why);
            }
        }
    }
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &page_of(&ctx, &m, form, None, None))
}

/// The file of the form's `file` field, or why there is none to keep (see
/// `platform::upload::sent_file`).
async fn sent_file(multipart: &mut Multipart) -> AppResult<Result<Upload, LogoProblem>> {
    Ok(crate::upload::sent_file(multipart, "file", LOGO_MAX)
        .await?
        .map_err(|p| match p {
            crate::upload::DocumentProblem::TooLarge => LogoProblem::TooLarge,
            _ => LogoProblem::Missing,
        }))
}

async fn upload_logo(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let checked = sent_file(&mut multipart)
        .await?
        .and_then(|u| domain::check_logo(&u.bytes).map(|mime| (u, mime)));
    match checked {
        Ok((u, mime)) => {
            store::save_logo(&state.db, m.id, mime, &u.bytes, Some(user), state.now()).await?;
            Ok(Redirect::to(&format!("{}?sparat=logotyp", path(&m))).into_response())
        }
        Err(problem) => {
            let error = Some(ctx.t(problem.message_id()));
            html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page_of(&ctx, &m, profile_form(&ctx, &m), None, error),
            )
        }
    }
}

async fn remove_logo(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::remove_logo(&state.db, m.id, Some(user), state.now()).await?;
    Ok(Redirect::to(&format!("{}?sparat=utan-logotyp", path(&m))).into_response())
}

/// The logo as a picture: its type as checked on upload (never sniffed), never run as a page,
/// kept by caches for a short while (its address changes with a new logo).
async fn logo(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Response> {
    let (mime, bytes) = store::logo(&state.db, m.id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let mime = if mime == "image/jpeg" {
        "image/jpeg"
    } else {
        "image/png"
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    Ok(res)
}

/// The municipality's colour as a custom property that the header band uses (`site.css`).
async fn theme(Tenant(m): Tenant) -> AppResult<Response> {
    // The colour was checked on the way in; checked again, it can never break out of the rule.
    let colour = domain::parse_colour(&m.brand_colour)
        .ok()
        .flatten()
        .ok_or(AppError::NotFound("err-not-found"))?;
    let mut res = format!(":root{{--overens-brand:{colour}}}\n").into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    Ok(res)
}
