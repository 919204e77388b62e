use super::hashing;
use super::store::{self, LinkState, Purpose};
use crate::auth::token_hash;
use crate::ctx::{cookie, Ctx, Input, LANG_COOKIE, SESSION_COOKIE};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::layout::{html, html_status, Field, FieldKind, Form, FormPage};
use crate::mail::{self, Email as Mail};
use crate::ratelimit::{self, Limit};
use crate::rules::{self, Email};
use crate::state::AppState;
use crate::web::Routes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::CookieJar;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/konto/logga-in", get(login_page).post(login))
        .route("/konto/logga-ut", post(logout))
        .route("/konto/registrera", get(register_page).post(register))
        .route("/konto/verifiera/{token}", get(verify_page).post(verify))
        .route("/konto/engangslank", get(link_request_page).post(link_request))
        .route("/konto/lank/{token}", get(link_page).post(link_login))
        .route("/konto/glomt-losenord", get(reset_request_page).post(reset_request))
        .route("/konto/aterstall/{token}", get(reset_page).post(reset))
        .route("/sprak", post(set_language))
        .merge(super::account::router())
}

/// Logging in with a password, and where to go afterwards.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    next: String,
}

/// A new account.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct RegisterForm {
    name: String,
    email: String,
    password: String,
    consent: String,
}

/// An address to send a one-time link to (log-in or new password).
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct EmailForm {
    email: String,
}

/// A new password, typed twice.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    password: String,
    password2: String,
}

/// The interface language, and the page to go back to.
#[derive(Deserialize, Default)]
#[serde(default)]
struct LanguageForm {
    lang: String,
    next: String,
}

async fn check_limit(state: &AppState, limit: Limit, keys: &[String]) -> AppResult<()> {
    ratelimit::check(state, limit, keys).await
}

/// Log a user in: a new session and its cookie, then on to `next`.
async fn start_session(state: &AppState, user_id: crate::ids::UserId, next: &str) -> AppResult<Response> {
    let token = state.random.token(32);
    let now = state.now();
    store::create_session(
        &state.db,
        user_id,
        &token_hash(&token),
        now,
        now + state.config.session_days * 86400,
    )
    .await?;
    let mut c = cookie(state, SESSION_COOKIE, token);
    c.set_max_age(time_days(state.config.session_days));
    let mut jar = CookieJar::new().add(c);
    // The language kept on the account follows the person to every browser they sign in on.
    if let Some(lang) = store::language_of(&state.db, user_id).await? {
        let mut l = cookie(state, LANG_COOKIE, lang.code().to_string());
        l.set_max_age(time_days(365));
        jar = jar.add(l);
    }
    Ok((jar, Redirect::to(next)).into_response())
}

fn time_days(days: i64) -> time::Duration {
    time::Duration::days(days)
}

fn link_url(state: &AppState, path: &str, token: &str) -> String {
    format!("{}{path}/{token}", state.config.base_url)
}

/// The cookie that ties a verification link to the browser that proved the password (by
/// registering with it or logging in with it): only there does the password survive verification.
const VERIFY_COOKIE: &str = "overens_verify";

/// The value of [`VERIFY_COOKIE`] for a verification link's token.
fn verify_binding(state: &AppState, token: &str) -> String {
    token_hash(&format!(
        "{}:verify-binding:{token}",
        String::from_utf8_lossy(&state.secret)
    ))
}

/// The cookie for a verification link just sent to the browser that proved the password.
fn verify_cookie(state: &AppState, token: &str) -> CookieJar {
    let mut c = cookie(state, VERIFY_COOKIE, verify_binding(state, token));
    c.set_max_age(time::Duration::seconds(Purpose::Verify.lifetime()));
    CookieJar::new().add(c)
}

/// Make a one-time link for the user and queue the e-mail that carries it, in one transaction.
/// Returns the link's token.
async fn send_link(state: &AppState, ctx: &Ctx, user: &store::UserRow, purpose: Purpose) -> AppResult<String> {
    let token = state.random.token(32);
    let now = state.now();
    let (path, subject, body) = match purpose {
        Purpose::Verify => ("/konto/verifiera", "mail-verify-subject", "mail-verify-body"),
        Purpose::Login => ("/konto/lank", "mail-login-subject", "mail-login-body"),
        Purpose::Reset => ("/konto/aterstall", "mail-reset-subject", "mail-reset-body"),
    };
    let link = link_url(state, path, &token);
    let mut tx = state.db.write().await?;
    store::create_link(&mut tx, user.id, purpose, &token_hash(&token), now).await?;
    let mail = Mail {
        attachment: None,
        headers: vec![],
        html: None,
        to: user.email.clone(),
        subject: ctx.t(subject),
        body: ctx.tr.ta(body, &[("name", &user.name), ("link", &link)]),
    };
    mail::queue(&mut tx, None, &mail, now).await?;
    tx.commit().await?;
    state.jobs_wakeup.notify_one();
    Ok(token)
}

// ---------------------------------------------------------------- login

fn login_form(ctx: &Ctx, next: &str) -> Form {
    Form::new(
        "/konto/logga-in",
        ctx.t("login-submit"),
        vec![
            Field::new("email", ctx.t("field-email"), FieldKind::Email)
                .required()
                .autocomplete("email"),
            Field::new("password", ctx.t("field-password"), FieldKind::Password)
                .required()
                .autocomplete("current-password"),
            Field::new("next", String::new(), FieldKind::Hidden).value(next),
        ],
    )
}

fn login_page_with(ctx: &Ctx, form: Form) -> FormPage {
    let mut p = FormPage::new(ctx.page(ctx.t("login-title")));
    p.form = Some(form);
    p.links = vec![
        ("/konto/engangslank".into(), ctx.t("login-by-link")),
        ("/konto/glomt-losenord".into(), ctx.t("login-forgot")),
        ("/konto/registrera".into(), ctx.t("login-no-account")),
    ];
    p
}

async fn login_page(ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> AppResult<Response> {
    let next = rules::safe_next(q.get("next").map(String::as_str));
    let mut page = login_page_with(&ctx, login_form(&ctx, &next));
    if q.contains_key("next") && ctx.user.is_none() {
        page.intro = vec![ctx.t("login-to-continue")];
    }
    html(&page)
}

async fn login(State(state): State<AppState>, ctx: Ctx, Input(input): Input<LoginForm>) -> AppResult<Response> {
    let next = rules::safe_next(Some(&input.next));
    let mut form = login_form(&ctx, &next);
    form.fill_from(&input);
    let email = Email::parse(&input.email);
    let mut keys = vec![format!("ip:{}", ctx.ip_key())];
    if let Ok(e) = &email {
        keys.push(format!("email:{}", e.as_str()));
    }
    check_limit(&state, state.limits.login, &keys).await?;
    let password = input.password.clone();
    match &email {
        Err(why) => form.invalid(&ctx.tr, "email", *why),
        Ok(_) if password.is_empty() => form.invalid(&ctx.tr, "password", rules::Invalid::Required),
        Ok(e) => {
            let user = store::by_email(&state.db, e.as_str()).await?;
            let hash = user.as_ref().and_then(|u| u.password_hash.clone());
            let ok = hashing::verify(&state, password, hash).await?;
            match user {
                Some(u) if ok && u.email_verified_at.is_some() => return start_session(&state, u.id, &next).await,
                Some(u) if ok => {
                    let token = send_link(&state, &ctx, &u, Purpose::Verify).await?;
                    form.error("email", ctx.t("login-unverified"));
                    let page = html_status(StatusCode::UNPROCESSABLE_ENTITY, &login_page_with(&ctx, form))?;
                    return Ok((verify_cookie(&state, &token), page).into_response());
                }
                _ => form.error("password", ctx.t("login-wrong")),
            }
        }
    }
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &login_page_with(&ctx, form))
}

async fn logout(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if let Some(h) = &ctx.session_hash {
        store::delete_session(&state.db, h).await?;
    }
    let mut c = cookie(&state, SESSION_COOKIE, String::new());
    c.make_removal();
    Ok((CookieJar::new().add(c), Redirect::to("/")).into_response())
}

// ---------------------------------------------------------------- registration

fn register_form(ctx: &Ctx) -> Form {
    Form::new(
        "/konto/registrera",
        ctx.t("register-submit"),
        vec![
            Field::new("name", ctx.t("field-name"), FieldKind::Text)
                .required()
                .autocomplete("name")
                .max_len(120),
            Field::new("email", ctx.t("field-email"), FieldKind::Email)
                .required()
                .autocomplete("email"),
            Field::new("password", ctx.t("field-new-password"), FieldKind::NewPassword)
                .required()
                .autocomplete("new-password")
                .hint(ctx.tr.ta("password-hint", &[("n", &rules::PASSWORD_MIN)])),
            Field::new("consent", ctx.t("register-consent"), FieldKind::Checkbox)
                .required()
                .hint(ctx.t("register-consent-hint")),
        ],
    )
}

fn register_page_with(ctx: &Ctx, form: Form) -> FormPage {
    let mut p = FormPage::new(ctx.page(ctx.t("register-title")));
    p.intro = vec![ctx.t("register-intro")];
    p.form = Some(form);
    p.links = vec![
        ("/personuppgifter".into(), ctx.t("footer-privacy")),
        ("/konto/logga-in".into(), ctx.t("register-have-account")),
    ];
    p
}

async fn register_page(ctx: Ctx) -> AppResult<Response> {
    html(&register_page_with(&ctx, register_form(&ctx)))
}

async fn register(State(state): State<AppState>, ctx: Ctx, Input(input): Input<RegisterForm>) -> AppResult<Response> {
    check_limit(&state, state.limits.register, &[format!("ip:{}", ctx.ip_key())]).await?;
    let mut form = register_form(&ctx);
    form.fill_from(&input);
    let name = rules::line(&input.name, 120);
    let email = Email::parse(&input.email);
    let password = rules::password(&input.password);
    if let Err(why) = &name {
        form.invalid(&ctx.tr, "name", *why);
    }
    if let Err(why) = &email {
        form.invalid(&ctx.tr, "email", *why);
    }
    if let Err(why) = &password {
        form.invalid(&ctx.tr, "password", *why);
    }
    if input.consent != "on" {
        form.error("consent", ctx.t("register-consent-required"));
    }
    let (Ok(name), Ok(email), Ok(password), false) = (name, email, password, form.has_errors()) else {
        return html_status(form.status(), &register_page_with(&ctx, form));
    };
    let hash = hashing::hash(&state, password.to_string()).await?;
    let now = state.now();
    let mut tx = state.db.write().await?;
    let created = store::create(&mut tx, email.as_str(), &name, Some(&hash), None, now).await?;
    tx.commit().await?;
    let mut jar = CookieJar::new();
    match created {
        Some(id) => {
            let user = store::UserRow {
                id,
                email: email.as_str().to_string(),
                name,
                password_hash: None,
                email_verified_at: None,
            };
            let token = send_link(&state, &ctx, &user, Purpose::Verify).await?;
            jar = verify_cookie(&state, &token);
        }
        None => {
            // The address has an account: tell its owner, and answer as for a new one, so the
            // page does not reveal who has an account.
            let mut tx = state.db.write().await?;
            let mail = Mail {
                attachment: None,
                headers: vec![],
                html: None,
                to: email.as_str().to_string(),
                subject: ctx.t("mail-exists-subject"),
                body: ctx.tr.ta(
                    "mail-exists-body",
                    &[("link", &format!("{}/konto/glomt-losenord", state.config.base_url))],
                ),
            };
            mail::queue(&mut tx, None, &mail, now).await?;
            tx.commit().await?;
            state.jobs_wakeup.notify_one();
        }
    }
    let mut p = FormPage::new(ctx.page(ctx.t("register-done-title")));
    p.intro = vec![ctx.ta_name("register-done", email.as_str())];
    Ok((jar, html(&p)?).into_response())
}

// ---------------------------------------------------------------- links

fn link_error(state: LinkState) -> AppError {
    match state {
        LinkState::Unknown => AppError::NotFound("err-link-unknown"),
        LinkState::Expired => AppError::BadRequest("err-link-expired"),
        LinkState::Used => AppError::BadRequest("err-link-used"),
        LinkState::Valid(_) => AppError::Internal(anyhow::anyhow!("valid link treated as error")),
    }
}

/// The page a link opens: a button, so that a mail scanner fetching the link uses nothing.
async fn confirm_page(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    purpose: Purpose,
    title: &str,
    intro: &str,
    form: Form,
) -> AppResult<Response> {
    match store::check_link(&state.db, &token_hash(token), purpose, state.now()).await? {
        LinkState::Valid(_) => {
            let mut p = FormPage::new(ctx.page(ctx.t(title)));
            p.intro = vec![ctx.t(intro)];
            p.form = Some(form);
            html(&p)
        }
        other => Err(link_error(other)),
    }
}

async fn verify_page(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let form = Form::new(format!("/konto/verifiera/{token}"), ctx.t("verify-submit"), vec![]);
    confirm_page(
        &state,
        &ctx,
        &token,
        Purpose::Verify,
        "verify-title",
        "verify-intro",
        form,
    )
    .await
}

async fn verify(State(state): State<AppState>, jar: CookieJar, Path(token): Path<String>) -> AppResult<Response> {
    let now = state.now();
    let same_browser = jar
        .get(VERIFY_COOKIE)
        .is_some_and(|c| c.value() == verify_binding(&state, &token));
    let mut tx = state.db.write().await?;
    match store::consume_link(&mut tx, &token_hash(&token), Purpose::Verify, now).await? {
        LinkState::Valid(uid) => {
            let dropped = store::verify_by_link(&mut tx, uid, now, same_browser).await?;
            tx.commit().await?;
            let next = if dropped {
                "/konto?valkommen=1&valj-losenord=1"
            } else {
                "/konto?valkommen=1"
            };
            start_session(&state, uid, next).await
        }
        other => Err(link_error(other)),
    }
}

fn email_only_form(ctx: &Ctx, action: &str, submit: &str) -> Form {
    Form::new(
        action,
        ctx.t(submit),
        vec![Field::new("email", ctx.t("field-email"), FieldKind::Email)
            .required()
            .autocomplete("email")],
    )
}

async fn link_request_page(ctx: Ctx) -> AppResult<Response> {
    let mut p = FormPage::new(ctx.page(ctx.t("link-title")));
    p.intro = vec![ctx.t("link-intro")];
    p.form = Some(email_only_form(&ctx, "/konto/engangslank", "link-submit"));
    html(&p)
}

/// Shared by "send me a login link" and "I forgot my password": the same answer whether or not
/// the address has an account.
async fn request_link(state: &AppState, ctx: &Ctx, input: &EmailForm, purpose: Purpose) -> AppResult<Response> {
    let (action, title, intro, submit) = match purpose {
        Purpose::Reset => (
            "/konto/glomt-losenord",
            "reset-request-title",
            "reset-request-intro",
            "reset-request-submit",
        ),
        _ => ("/konto/engangslank", "link-title", "link-intro", "link-submit"),
    };
    let mut form = email_only_form(ctx, action, submit);
    form.fill_from(input);
    let email = match Email::parse(&input.email) {
        Ok(e) => e,
        Err(why) => {
            form.invalid(&ctx.tr, "email", why);
            let mut p = FormPage::new(ctx.page(ctx.t(title)));
            p.intro = vec![ctx.t(intro)];
            p.form = Some(form);
            return html_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
        }
    };
    check_limit(
        state,
        state.limits.register,
        &[format!("ip:{}", ctx.ip_key()), format!("link:{}", email.as_str())],
    )
    .await?;
    if let Some(user) = store::by_email(&state.db, email.as_str()).await? {
        send_link(state, ctx, &user, purpose).await?;
    }
    let mut p = FormPage::new(ctx.page(ctx.t("link-sent-title")));
    p.intro = vec![ctx.ta_name("link-sent", email.as_str())];
    html(&p)
}

async fn link_request(State(state): State<AppState>, ctx: Ctx, Input(input): Input<EmailForm>) -> AppResult<Response> {
    request_link(&state, &ctx, &input, Purpose::Login).await
}

async fn link_page(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let form = Form::new(format!("/konto/lank/{token}"), ctx.t("login-submit"), vec![]);
    confirm_page(
        &state,
        &ctx,
        &token,
        Purpose::Login,
        "link-login-title",
        "link-login-intro",
        form,
    )
    .await
}

async fn link_login(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    let now = state.now();
    let mut tx = state.db.write().await?;
    match store::consume_link(&mut tx, &token_hash(&token), Purpose::Login, now).await? {
        LinkState::Valid(uid) => {
            // Opening the link proves the address, but not who chose the password, if one
            // was set before (issue 14, finding 1): that one goes.
            let dropped = store::verify_by_link(&mut tx, uid, now, false).await?;
            tx.commit().await?;
            start_session(&state, uid, if dropped { "/konto?valj-losenord=1" } else { "/konto" }).await
        }
        other => Err(link_error(other)),
    }
}

async fn reset_request_page(ctx: Ctx) -> AppResult<Response> {
    let mut p = FormPage::new(ctx.page(ctx.t("reset-request-title")));
    p.intro = vec![ctx.t("reset-request-intro")];
    p.form = Some(email_only_form(&ctx, "/konto/glomt-losenord", "reset-request-submit"));
    html(&p)
}

async fn reset_request(State(state): State<AppState>, ctx: Ctx, Input(input): Input<EmailForm>) -> AppResult<Response> {
    request_link(&state, &ctx, &input, Purpose::Reset).await
}

fn reset_form(ctx: &Ctx, token: &str) -> Form {
    Form::new(
        format!("/konto/aterstall/{token}"),
        ctx.t("reset-submit"),
        vec![
            Field::new("password", ctx.t("field-new-password"), FieldKind::NewPassword)
                .required()
                .autocomplete("new-password")
                .hint(ctx.tr.ta("password-hint", &[("n", &rules::PASSWORD_MIN)])),
            Field::new("password2", ctx.t("field-repeat-password"), FieldKind::NewPassword)
                .required()
                .autocomplete("new-password"),
        ],
    )
}

async fn reset_page(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let form = reset_form(&ctx, &token);
    confirm_page(&state, &ctx, &token, Purpose::Reset, "reset-title", "reset-intro", form).await
}

async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Input(input): Input<PasswordForm>,
) -> AppResult<Response> {
    let hashed = token_hash(&token);
    if let other @ (LinkState::Unknown | LinkState::Expired | LinkState::Used) =
        store::check_link(&state.db, &hashed, Purpose::Reset, state.now()).await?
    {
        return Err(link_error(other));
    }
    let mut form = reset_form(&ctx, &token);
    let password = input.password.clone();
    match rules::password(&password) {
        Err(why) => form.invalid(&ctx.tr, "password", why),
        Ok(_) if password != input.password2 => form.error("password2", ctx.t("reset-mismatch")),
        Ok(_) => {}
    }
    if form.has_errors() {
        let mut p = FormPage::new(ctx.page(ctx.t("reset-title")));
        p.intro = vec![ctx.t("reset-intro")];
        p.form = Some(form);
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let hash = hashing::hash(&state, password).await?;
    let now = state.now();
    let mut tx = state.db.write().await?;
    match store::consume_link(&mut tx, &hashed, Purpose::Reset, now).await? {
        LinkState::Valid(uid) => {
            store::set_password(&mut tx, uid, &hash).await?;
            store::mark_verified(&mut tx, uid, now).await?;
            tx.commit().await?;
            start_session(&state, uid, "/konto?nytt-losenord=1").await
        }
        other => Err(link_error(other)),
    }
}

/// The interface's language, in a cookie; a signed-in person's choice is also kept on the
/// account, so that mail to them is written in it.
async fn set_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Input(input): Input<LanguageForm>,
) -> AppResult<Response> {
    let lang = Lang::parse(&input.lang).ok_or(AppError::BadRequest("err-bad-language"))?;
    if let Some(user) = ctx.user.as_ref() {
        store::set_language(&state.db, user, lang, state.now()).await?;
    }
    let next = rules::safe_next(Some(&input.next));
    let mut c = cookie(&state, LANG_COOKIE, lang.code().to_string());
    c.set_max_age(time_days(365));
    Ok((CookieJar::new().add(c), Redirect::to(&next)).into_response())
}
