//! The request context middleware. For every request it: reads the language, the session and
//! the CSRF cookie (one query for the session, the user and their roles); checks the CSRF token
//! of every form post before any handler runs; and turns an [`ErrorInfo`] left by a handler into
//! a full error page in the visitor's language (or a JSON problem under `/api/`).

use crate::auth::{token_hash, CurrentUser, Role, RoleKind};
use crate::error::{AppError, ErrorInfo};
use crate::i18n::{Lang, Tr};
use crate::ids::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use crate::layout::{render_error_page, Page};
use crate::state::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::{header, request::Parts, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::net::{IpAddr, SocketAddr};

pub const SESSION_COOKIE: &str = "overens_sid";
pub const CSRF_COOKIE: &str = "overens_csrf";
pub const LANG_COOKIE: &str = "overens_lang";
/// Largest form body accepted (uploads have their own limits).
pub const FORM_LIMIT: usize = 256 * 1024;

/// What a handler knows about the request.
#[derive(Clone)]
pub struct Ctx {
    pub tr: Tr,
    pub user: Option<CurrentUser>,
    pub session_hash: Option<String>,
    /// When the signed-in person last gave their password or a login link in this session.
    pub authenticated_at: Option<i64>,
    /// The token forms carry in their `_csrf` field (made when first asked for).
    pub csrf: Csrf,
    pub path: String,
    pub client_ip: Option<IpAddr>,
    pub nav: std::sync::Arc<Vec<crate::state::NavItem>>,
    /// The instance's address, no trailing slash (for a page's absolute URL).
    pub base_url: String,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.tr.lang
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// A message with one `{ $name }` argument.
    pub fn ta_name(&self, id: &str, name: &str) -> String {
        self.tr.ta(id, &[("name", &name)])
    }

    pub fn page(&self, title: impl Into<String>) -> Page {
        Page {
            tr: self.tr.clone(),
            user: self.user.clone(),
            csrf: self.csrf.to_string(),
            path: self.path.clone(),
            title: title.into(),
            municipality: None,
            nav: self.nav.clone(),
            base_url: self.base_url.clone(),
            description: None,
            trail: vec![],
            crumbs: true,
        }
    }

    /// A page of a municipality: its name and navigation in the header.
    pub fn page_in(&self, m: &crate::tenants::Municipality, title: impl Into<String>) -> Page {
        self.page(title).branded(&m.slug, &m.name, m.theme_href(), m.logo_src())
    }

    /// Whether the session's last password or login link is recent enough for a sensitive
    /// action (see [`crate::auth::FRESH_LOGIN_SECS`]).
    pub fn fresh_login(&self, now: i64) -> bool {
        self.authenticated_at
            .is_some_and(|at| crate::auth::fresh_login(at, now))
    }

    /// Key for rate limits by client address (IPv6 per /64).
    pub fn ip_key(&self) -> String {
        self.client_ip
            .map(crate::ratelimit::bucket)
            .unwrap_or_else(|| "unknown".into())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("context middleware missing")))
    }
}

/// A posted form. A body that does not fit the form's fields is a 400 page in the visitor's
/// language, not the framework's plain-text rejection.
pub struct Input<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for Input<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(Input(v)),
            Err(e) => {
                tracing::info!(error = %e, "form rejected");
                Err(AppError::BadRequest("err-bad-form"))
            }
        }
    }
}

/// A request's CSRF token, made the first time something reads it (a page's forms, the check
/// of a post). A visitor without the CSRF cookie gets a new cookie only then: a feed, a picture
/// or `/healthz` asked for without cookies (feed readers, crawlers) costs no random bytes, HMAC
/// or `Set-Cookie`. Reads as the token's text (`&ctx.csrf`, `{}`).
#[derive(Clone)]
pub struct Csrf(std::sync::Arc<CsrfInner>);

struct CsrfInner {
    state: AppState,
    /// The request's CSRF cookie, when it carried a usable one.
    cookie: Option<String>,
    /// The token, and the new cookie's value when the request had none.
    made: std::sync::OnceLock<(String, Option<String>)>,
}

impl Csrf {
    fn new(state: &AppState, cookie: Option<String>) -> Csrf {
        Csrf(std::sync::Arc::new(CsrfInner {
            state: state.clone(),
            cookie,
            made: std::sync::OnceLock::new(),
        }))
    }

    /// The token; makes it (and the cookie, when the request had none) on first use.
    pub fn token(&self) -> &str {
        let inner = &*self.0;
        &inner
            .made
            .get_or_init(|| match &inner.cookie {
                Some(c) => (csrf_token(&inner.state.secret, c), None),
                None => {
                    let v = inner.state.random.token(32);
                    (csrf_token(&inner.state.secret, &v), Some(v))
                }
            })
            .0
    }

    /// The cookie to set: a new one, when the token was made for a request without one.
    fn new_cookie(&self) -> Option<&str> {
        self.0.made.get().and_then(|(_, c)| c.as_deref())
    }
}

impl std::ops::Deref for Csrf {
    type Target = str;

    fn deref(&self) -> &str {
        self.token()
    }
}

impl std::fmt::Display for Csrf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.token())
    }
}

fn csrf_token(secret: &[u8], cookie: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(b"csrf:");
    mac.update(cookie.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn cookie<'a>(state: &AppState, name: &'a str, value: String) -> Cookie<'a> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(state.config.secure())
        .same_site(SameSite::Lax)
        .build()
}

/// The signed-in person and when they last proved who they are, for a session cookie; `None`
/// for an unknown session or one past its end (idle or absolute, see [`crate::auth`]), which is
/// deleted. A live session's last use moves forward (at most one write a minute).
async fn load_user(state: &AppState, sid: &str) -> Result<Option<(CurrentUser, i64)>, sqlx::Error> {
    type Row = (
        i64,
        i64,
        i64,
        UserId,
        String,
        String,
        Option<String>,
        Option<MunicipalityId>,
        Option<String>,
        Option<String>,
        Option<DepartmentId>,
        Option<String>,
        Option<OrganisationId>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.created_at, s.last_seen_at, s.authenticated_at, u.id, u.name, u.email, r.role, r.municipality_id, m.slug, m.name, \
                r.department_id, d.name, r.organisation_id, o.name \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN roles r ON r.user_id = u.id \
         LEFT JOIN municipalities m ON m.id = r.municipality_id \
         LEFT JOIN departments d ON d.id = r.department_id \
         LEFT JOIN organisations o ON o.id = r.organisation_id \
         WHERE s.id_hash = $1 AND s.expires_at > $2 \
         ORDER BY r.id",
    )
    .bind(token_hash(sid))
    .bind(state.now())
    .fetch_all(&state.db.pool)
    .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let (created_at, last_seen_at, authenticated_at) = (first.0, first.1, first.2);
    let mut user = CurrentUser {
        id: first.3,
        name: first.4.clone(),
        email: first.5.clone(),
        roles: vec![],
    };
    for r in rows {
        if let Some(kind) = r.6.as_deref().and_then(RoleKind::parse) {
            user.roles.push(Role {
                kind,
                municipality_id: r.7,
                municipality_slug: r.8,
                municipality_name: r.9,
                department_id: r.10,
                department_name: r.11,
                organisation_id: r.12,
                organisation_name: r.13,
            });
        }
    }
    let now = state.now();
    let hash = token_hash(sid);
    if !crate::auth::session_alive(crate::auth::is_privileged(&user.roles), created_at, last_seen_at, now) {
        crate::accounts::store::delete_session(&state.db, &hash).await?;
        return Ok(None);
    }
    if now - last_seen_at >= 60 {
        crate::accounts::store::touch_session(&state.db, &hash, now).await?;
    }
    Ok(Some((user, authenticated_at)))
}

fn client_ip(state: &AppState, req: &Request) -> Option<IpAddr> {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    crate::ratelimit::client_ip(peer, &forwarded, &state.config.trusted_proxies)
}

pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    let lang = jar
        .get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .unwrap_or_default();
    let tr = Tr {
        lang,
        catalog: state.catalog.clone(),
    };
    let path = req.uri().path().to_string();
    let is_api = path.starts_with("/api/");
    let is_read = matches!(*req.method(), Method::GET | Method::HEAD);
    let mut set_cookies: Vec<Cookie<'static>> = vec![];

    let csrf = Csrf::new(
        &state,
        jar.get(CSRF_COOKIE)
            .map(|c| c.value())
            .filter(|v| v.len() >= 32)
            .map(str::to_string),
    );

    let sid = jar.get(SESSION_COOKIE).map(|c| c.value().to_string());
    let (user, authenticated_at) = match &sid {
        Some(s) => match load_user(&state, s).await {
            Ok(Some((u, at))) => (Some(u), Some(at)),
            Ok(None) => (None, None),
            Err(e) => {
                let f = Failure {
                    state: &state,
                    tr: &tr,
                    user: None,
                    csrf: "",
                    path: &path,
                    is_api,
                    is_read,
                };
                return error_response(f, AppError::from(e).info());
            }
        },
        None => (None, None),
    };
    if sid.is_some() && user.is_none() {
        // An expired or unknown session: forget the cookie.
        let mut c = cookie(&state, SESSION_COOKIE, String::new());
        c.make_removal();
        set_cookies.push(c.into_owned());
    }
    let ctx = Ctx {
        tr: tr.clone(),
        session_hash: sid.as_deref().filter(|_| user.is_some()).map(token_hash),
        authenticated_at,
        user,
        csrf: csrf.clone(),
        path: path.clone(),
        client_ip: client_ip(&state, &req),
        nav: state.nav.clone(),
        base_url: state.config.base_url.trim_end_matches('/').to_string(),
    };

    // CSRF: every state-changing request from a browser carries the token. Only an API call
    // without a session cookie is exempt: it acts for nobody, so there is nothing to forge.
    let mut req = req;
    let csrf_exempt = is_api && sid.is_none();
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) && !csrf_exempt {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let header_token = req
            .headers()
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mut one_click = false;
        let given = if content_type.starts_with("application/x-www-form-urlencoded") {
            let (parts, body) = req.into_parts();
            let bytes = match to_bytes(body, FORM_LIMIT).await {
                Ok(b) => b,
                Err(_) => {
                    let f = Failure {
                        state: &state,
                        tr: &tr,
                        user: ctx.user.as_ref(),
                        csrf: csrf.token(),
                        path: &path,
                        is_api,
                        is_read,
                    };
                    return error_response(
                        f,
                        ErrorInfo {
                            status: StatusCode::PAYLOAD_TOO_LARGE,
                            message_id: "err-too-large",
                            login_required: false,
                            retry_after: None,
                        },
                    );
                }
            };
            let token = form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == "_csrf")
                .map(|(_, v)| v.into_owned());
            one_click = is_one_click(&path, &bytes);
            req = Request::from_parts(parts, Body::from(bytes));
            token.or(header_token)
        } else if content_type.starts_with("multipart/form-data") {
            // A form that sends a file carries its token in the action's query string (see
            // crate::upload); the body is left to the handler.
            req.uri()
                .query()
                .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "_csrf"))
                .map(|(_, v)| v.into_owned())
                .or(header_token)
        } else {
            header_token
        };
        if !one_click && !given.is_some_and(|g| constant_time_eq(&g, csrf.token())) {
            tracing::info!(path, "csrf token missing or wrong");
            let f = Failure {
                state: &state,
                tr: &tr,
                user: ctx.user.as_ref(),
                csrf: csrf.token(),
                path: &path,
                is_api,
                is_read,
            };
            return error_response(f, AppError::Csrf.info());
        }
    }

    req.extensions_mut().insert(ctx.clone());
    let mut res = next.run(req).await;

    if let Some(info) = res.extensions().get::<ErrorInfo>().cloned() {
        let f = Failure {
            state: &state,
            tr: &tr,
            user: ctx.user.as_ref(),
            csrf: csrf.token(),
            path: &path,
            is_api,
            is_read,
        };
        let cors = if is_api {
            cors_headers(res.headers())
        } else {
            Default::default()
        };
        res = error_response(f, info);
        res.headers_mut().extend(cors);
    }
    if let Some(v) = csrf.new_cookie() {
        let mut c = cookie(&state, CSRF_COOKIE, v.to_string());
        c.set_same_site(SameSite::Strict);
        set_cookies.insert(0, c.into_owned());
    }
    for c in set_cookies {
        if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// The CORS headers a route's layer put on its answer (the read API's, `crate::api::layered`),
/// kept when the error answer replaces it, so a browser client on another site can read the
/// problem too. A page outside the API has none, and gets none.
fn cors_headers(headers: &axum::http::HeaderMap) -> axum::http::HeaderMap {
    headers
        .iter()
        .filter(|(name, _)| name.as_str().starts_with("access-control-") || *name == header::VARY)
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

/// What an error page needs to know of the request.
struct Failure<'a> {
    state: &'a AppState,
    tr: &'a Tr,
    user: Option<&'a CurrentUser>,
    csrf: &'a str,
    path: &'a str,
    is_api: bool,
    is_read: bool,
}

fn error_response(f: Failure<'_>, info: ErrorInfo) -> Response {
    let Failure {
        state,
        tr,
        user,
        csrf,
        path,
        is_api,
        is_read,
    } = f;
    if info.login_required && !is_api && is_read {
        // Reading a page that needs a login: to the login page, and back afterwards.
        let next = urlencoding::encode(path);
        return Redirect::to(&format!("/konto/logga-in?next={next}")).into_response();
    }
    let info = if info.login_required {
        // A form posted without a session (expired, or never logged in): say so plainly.
        ErrorInfo {
            status: StatusCode::FORBIDDEN,
            ..info
        }
    } else {
        info
    };
    let message = tr.t(info.message_id);
    let mut res = if is_api {
        let body = serde_json::json!({
            "type": "about:blank",
            "title": tr.t(info.message_id),
            "status": info.status.as_u16(),
        });
        let mut r = (info.status, axum::Json(body)).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        r
    } else {
        let page = Page::bare(state, tr.clone(), user.cloned(), csrf.to_string(), path.to_string());
        (
            info.status,
            render_error_page(page, info.status, message, info.login_required),
        )
            .into_response()
    };
    if let Some(s) = info.retry_after {
        if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_tokens_depend_on_secret_and_cookie() {
        let a = csrf_token(b"secret-1", "cookie-value");
        assert_eq!(a, csrf_token(b"secret-1", "cookie-value"));
        assert_ne!(a, csrf_token(b"secret-2", "cookie-value"));
        assert_ne!(a, csrf_token(b"secret-1", "other-cookie"));
        assert!(constant_time_eq(&a, &a.clone()));
        assert!(!constant_time_eq(&a, "short"));
    }
}

/// A one-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click`, without
/// cookies or token, to the secret link of a `List-Unsubscribe` header, whose path ends in
/// `/avregistrera/{token}`. The secret in the path is what authorises it, as for the GET of the
/// same link, so no CSRF token is asked; the route itself must act only on that body.
pub fn is_one_click(path: &str, body: &[u8]) -> bool {
    let mut segments = path.trim_end_matches('/').rsplit('/');
    let token = segments.next().unwrap_or("");
    body == b"List-Unsubscribe=One-Click" && !token.is_empty() && segments.next() == Some("avregistrera")
}

#[cfg(test)]
mod one_click_tests {
    use super::is_one_click;

    #[test]
    fn only_the_one_click_body_to_an_unsubscribe_link() {
        let body = b"List-Unsubscribe=One-Click";
        assert!(is_one_click("/sala/nyhetsbrev/avregistrera/abc", body));
        assert!(!is_one_click("/sala/nyhetsbrev/avregistrera/", body));
        assert!(!is_one_click("/sala/nyhetsbrev/hantera/1/skicka", body));
        assert!(!is_one_click(
            "/sala/nyhetsbrev/avregistrera/abc",
            b"List-Unsubscribe=One-Click&x=1"
        ));
    }
}
