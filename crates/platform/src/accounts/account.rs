//! The account page and what a signed-in person does with their account (issue 14, finding 6):
//! the list of their sessions with "log out the others", a new password, a fresh login before
//! sensitive actions (erasure here, role grants in the administration), their data's export and
//! the account's erasure.

use super::{hashing, store};
use crate::auth::{require_user, session_alive, CurrentUser};
use crate::ctx::{cookie, Ctx, Input, SESSION_COOKIE};
use crate::error::{AppError, AppResult};
use crate::layout::{html, html_status, Field, FieldKind, Form, FormPage, Page};
use crate::ratelimit;
use crate::rules;
use crate::state::AppState;
use crate::web::Routes;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/konto", get(account))
        .route("/konto/losenord", post(change_password))
        .route("/konto/logga-ut-andra", post(logout_others))
        .route("/konto/bekrafta", get(fresh_login_page).post(fresh_login))
        .route("/konto/export", get(export))
        .route("/konto/radera", post(erase))
}

/// Where a sensitive action sends someone whose last password or link is too old (see
/// [`crate::auth::FRESH_LOGIN_SECS`]): a fresh login, then back to `next`.
pub fn fresh_login_redirect(next: &str) -> Response {
    Redirect::to(&format!("/konto/bekrafta?next={}", urlencoding::encode(next))).into_response()
}

/// Erasing the account, confirmed.
#[derive(Deserialize, Default)]
#[serde(default)]
struct EraseForm {
    confirm: String,
}

/// A new password for a signed-in person (the current one too, when there is one).
#[derive(Deserialize, Default)]
#[serde(default)]
struct ChangePasswordForm {
    current_password: String,
    password: String,
    password2: String,
}

/// The password again, before a sensitive action, and where to go afterwards.
#[derive(Deserialize, Default)]
#[serde(default)]
struct FreshLoginForm {
    password: String,
    next: String,
}

struct SessionView {
    created: String,
    last_seen: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Page,
    user: CurrentUser,
    notice: Option<String>,
    sessions: Vec<SessionView>,
    logout_others_form: Form,
    has_password: bool,
    password_form: Form,
    erase_form: Form,
    language_form: Form,
}

/// The language of the interface and of mail to the person: chosen here or with the switch at
/// the top of every page (both post to `/sprak`, which keeps it on the account).
fn language_form(ctx: &Ctx, chosen: Option<crate::i18n::Lang>) -> Form {
    let name = |l: crate::i18n::Lang| match l {
        crate::i18n::Lang::Sv => "Svenska".to_string(),
        crate::i18n::Lang::En => "English".to_string(),
    };
    Form::new(
        "/sprak",
        ctx.t("account-language-submit"),
        vec![
            Field::new("lang", ctx.t("account-language"), FieldKind::Select)
                .options(
                    crate::i18n::Lang::ALL
                        .iter()
                        .map(|l| (l.code().to_string(), name(*l)))
                        .collect(),
                )
                .hint(ctx.t("account-language-hint"))
                .value(chosen.unwrap_or(ctx.lang()).code()),
            Field::new("next", String::new(), FieldKind::Hidden).value("/konto"),
        ],
    )
}

fn erase_form(ctx: &Ctx) -> Form {
    Form::new(
        "/konto/radera",
        ctx.t("account-erase-submit"),
        vec![Field::new("confirm", ctx.t("account-erase-confirm"), FieldKind::Checkbox).required()],
    )
}

fn password_form(ctx: &Ctx, has_password: bool) -> Form {
    let mut fields = vec![];
    if has_password {
        fields.push(
            Field::new("current_password", ctx.t("field-current-password"), FieldKind::Password)
                .required()
                .autocomplete("current-password"),
        );
    }
    fields.push(
        Field::new("password", ctx.t("field-new-password"), FieldKind::NewPassword)
            .required()
            .autocomplete("new-password")
            .hint(ctx.tr.ta("password-hint", &[("n", &rules::PASSWORD_MIN)])),
    );
    fields.push(
        Field::new("password2", ctx.t("field-repeat-password"), FieldKind::NewPassword)
            .required()
            .autocomplete("new-password"),
    );
    Form::new("/konto/losenord", ctx.t("account-password-submit"), fields)
}

/// The account page, with the forms as given (fresh ones when `None`).
async fn account_page(
    state: &AppState,
    ctx: &Ctx,
    notice: Option<String>,
    password: Option<Form>,
    erase: Option<Form>,
) -> AppResult<AccountPage> {
    let user = require_user(ctx.user.as_ref())?.clone();
    let has_password = store::by_id(&state.db, user.id)
        .await?
        .is_some_and(|u| u.password_hash.is_some());
    let now = state.now();
    let privileged = crate::auth::is_privileged(&user.roles);
    let sessions = store::sessions_of(&state.db, user.id, now)
        .await?
        .into_iter()
        .filter(|s| session_alive(privileged, s.created_at, s.last_seen_at, now))
        .map(|s| SessionView {
            created: crate::format::datetime(s.created_at),
            last_seen: crate::format::datetime(s.last_seen_at),
            current: ctx.session_hash.as_deref() == Some(s.id_hash.as_str()),
        })
        .collect();
    let language = store::language_of(&state.db, user.id).await?;
    Ok(AccountPage {
        page: ctx.page(ctx.t("account-title")),
        user,
        notice,
        sessions,
        logout_others_form: Form::new("/konto/logga-ut-andra", ctx.t("account-logout-others"), vec![]),
        password_form: password.unwrap_or_else(|| password_form(ctx, has_password)),
        has_password,
        erase_form: erase.unwrap_or_else(|| erase_form(ctx)),
        language_form: language_form(ctx, language),
    })
}

async fn account(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let mut notices = vec![];
    if q.contains_key("valkommen") {
        notices.push(ctx.t("account-verified"));
    }
    if q.contains_key("valj-losenord") {
        notices.push(ctx.t("account-choose-password-notice"));
    }
    if q.contains_key("nytt-losenord") {
        notices.push(ctx.t("account-password-changed"));
    }
    if q.contains_key("utloggad") {
        notices.push(ctx.t("account-others-logged-out"));
    }
    let notice = (!notices.is_empty()).then(|| notices.join(" "));
    html(&account_page(&state, &ctx, notice, None, None).await?)
}

async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Input(input): Input<ChangePasswordForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?.clone();
    ratelimit::check(&state, state.limits.login, &[format!("user:{}", user.id)]).await?;
    let current = store::by_id(&state.db, user.id).await?.and_then(|u| u.password_hash);
    let has_password = current.is_some();
    if !has_password && !ctx.fresh_login(state.now()) {
        // Choosing a first password needs a recent login link, as any sensitive change.
        return Ok(fresh_login_redirect("/konto"));
    }
    let mut form = password_form(&ctx, has_password);
    if has_password && !hashing::verify(&state, input.current_password.clone(), current).await? {
        form.error("current_password", ctx.t("account-password-wrong"));
    }
    match rules::password(&input.password) {
        Err(why) => form.invalid(&ctx.tr, "password", why),
        Ok(_) if input.password != input.password2 => form.error("password2", ctx.t("reset-mismatch")),
        Ok(_) => {}
    }
    if form.has_errors() {
        let page = account_page(&state, &ctx, None, Some(form), None).await?;
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let hash = hashing::hash(&state, input.password.clone()).await?;
    let mut tx = state.db.write().await?;
    store::change_password(&mut tx, user.id, &hash, ctx.session_hash.as_deref(), state.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/konto?nytt-losenord=1").into_response())
}

async fn logout_others(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    store::delete_other_sessions(&state.db, user.id, ctx.session_hash.as_deref()).await?;
    Ok(Redirect::to("/konto?utloggad=1").into_response())
}

fn fresh_login_form(ctx: &Ctx, next: &str) -> Form {
    Form::new(
        "/konto/bekrafta",
        ctx.t("fresh-login-submit"),
        vec![
            Field::new("password", ctx.t("field-password"), FieldKind::Password)
                .required()
                .autocomplete("current-password"),
            Field::new("next", String::new(), FieldKind::Hidden).value(next),
        ],
    )
}

fn fresh_login_page_with(ctx: &Ctx, form: Form) -> FormPage {
    let mut p = FormPage::new(ctx.page(ctx.t("fresh-login-title")));
    p.intro = vec![ctx.t("fresh-login-intro")];
    p.form = Some(form);
    p.links = vec![("/konto/engangslank".into(), ctx.t("fresh-login-by-link"))];
    p
}

async fn fresh_login_page(ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> AppResult<Response> {
    require_user(ctx.user.as_ref())?;
    let next = rules::safe_next(q.get("next").map(String::as_str));
    html(&fresh_login_page_with(&ctx, fresh_login_form(&ctx, &next)))
}

async fn fresh_login(
    State(state): State<AppState>,
    ctx: Ctx,
    Input(input): Input<FreshLoginForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?.clone();
    ratelimit::check(
        &state,
        state.limits.login,
        &[format!("ip:{}", ctx.ip_key()), format!("email:{}", user.email)],
    )
    .await?;
    let next = rules::safe_next(Some(&input.next));
    let hash = store::by_id(&state.db, user.id).await?.and_then(|u| u.password_hash);
    if hashing::verify(&state, input.password.clone(), hash).await? {
        if let Some(h) = &ctx.session_hash {
            store::touch_authenticated(&state.db, h, state.now()).await?;
        }
        return Ok(Redirect::to(&next).into_response());
    }
    let mut form = fresh_login_form(&ctx, &next);
    form.error("password", ctx.t("account-password-wrong"));
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &fresh_login_page_with(&ctx, form))
}

async fn export(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let mut data = store::export(&state.db, user.id).await?;
    for (name, p) in state.personal.iter() {
        data[*name] = (p.export)(&state.db, user.id).await?;
    }
    let body = serde_json::to_string_pretty(&data).map_err(|e| AppError::Internal(e.into()))?;
    let mut res = body.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    res.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"mina-uppgifter.json\""),
    );
    Ok(res)
}

async fn erase(State(state): State<AppState>, ctx: Ctx, Input(input): Input<EraseForm>) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?.clone();
    if !ctx.fresh_login(state.now()) {
        return Ok(fresh_login_redirect("/konto"));
    }
    if input.confirm != "on" {
        let mut form = erase_form(&ctx);
        form.error("confirm", ctx.t("account-erase-confirm-required"));
        let page = account_page(&state, &ctx, None, None, Some(form)).await?;
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    store::erase(&state.db, user.id, &state.personal, state.now()).await?;
    let mut c = cookie(&state, SESSION_COOKIE, String::new());
    c.make_removal();
    let mut p = FormPage::new(ctx.page(ctx.t("account-erased-title")));
    p.page.user = None;
    p.intro = vec![ctx.t("account-erased")];
    Ok((CookieJar::new().add(c), html(&p)?).into_response())
}
