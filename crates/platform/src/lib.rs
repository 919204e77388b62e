//! Överens platform: the shared infrastructure every capability stands on.
//!
//! - [`config`]: settings from flags, environment and file
//! - [`db`]: SQLite or PostgreSQL, migrations per capability
//! - [`tenants`]: municipalities, their home pages and administration
//! - [`accounts`], [`auth`], [`ctx`]: accounts, sessions, roles, CSRF
//! - [`i18n`], [`layout`], [`format`]: Swedish and English, the page frame, forms, dates
//! - [`mail`], [`jobs`], [`audit`]: e-mail through a durable queue, the audit trail
//! - [`rules`]: plain validation rules without I/O

pub mod a11y;
pub mod accounts;
pub mod api;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod conditional;
pub mod config;
pub mod csv;
pub mod ctx;
pub mod db;
pub mod error;
pub mod features;
pub mod format;
pub mod home;
pub mod i18n;
pub mod ics;
pub mod ids;
pub mod jobs;
pub mod layout;
pub mod links;
pub mod mail;
pub mod operator;
pub mod ops;
pub mod ratelimit;
pub mod retention;
pub mod rules;
pub mod site;
pub mod smtp;
pub mod state;
pub mod telemetry;
pub mod tenants;
pub mod upload;
pub mod web;
pub mod xlsx;

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

pub use error::{AppError, AppResult};
pub use ids::{DepartmentId, MunicipalityId, OrganisationId, UserId};
pub use sea_query;
pub use state::{AppState, NavItem};
pub use utoipa;

/// What a capability brings to the platform. A new capability is a new crate that exports one
/// of these; the `overens` binary lists them.
pub struct Capability {
    pub name: &'static str,
    pub migrations: &'static db::Migrations,
    pub messages: &'static i18n::Messages,
    /// Links in a municipality's navigation.
    pub nav: &'static [NavItem],
    /// Its routes (every path pattern recorded, see [`web::Routes`]).
    pub router: fn() -> web::Routes,
    /// Registers the capability's job handlers.
    pub jobs: fn(jobs::Worker) -> jobs::Worker,
    /// What the capability keeps about a person with an account, for `/konto`'s export and
    /// erasure (None: nothing beyond the platform's own tables).
    pub personal: Option<&'static state::PersonalData>,
    /// Its panels on a municipality's start page (None: it shows nothing there).
    pub home: Option<home::HomeFn>,
    /// Its count per municipality on the platform's front page (None: it counts nothing there).
    pub tally: Option<home::TallyFn>,
    /// Its part of the OpenAPI document of `/api/v1` (None: it has no `/api/v1` routes).
    pub api: Option<api::ApiFn>,
}

/// The platform itself, as a capability.
pub static PLATFORM: Capability = Capability {
    name: "platform",
    migrations: &db::MIGRATIONS,
    messages: &i18n::MESSAGES,
    nav: &[NavItem {
        path: "",
        message_id: "nav-home",
    }],
    router: platform_router,
    jobs: |w| {
        w.handle(mail::JOB_KIND, Arc::new(mail::EmailHandler))
            .handle(retention::JOB_KIND, Arc::new(retention::RetentionJob))
    },
    personal: None,
    home: None,
    tally: None,
    api: Some(api::openapi),
};

fn platform_router() -> web::Routes {
    web::Routes::new()
        .merge(site::router())
        .merge(ops::router())
        .merge(a11y::routes::router())
        .merge(accounts::routes::router())
        .merge(operator::router())
        .merge(tenants::routes::router())
        .merge(api::router())
}

/// The OpenAPI document of these capabilities' `/api/v1` routes (served at
/// `/api/v1/openapi.json`, read to people at `/api`).
pub fn api_document(capabilities: &[&Capability]) -> utoipa::openapi::OpenApi {
    api::document(capabilities.iter().filter_map(|c| c.api))
}

/// Build the state for a set of capabilities: the message catalog, the mailer and the secret.
pub async fn build_state(
    config: config::Config,
    db: db::Db,
    clock: Arc<dyn clock::Clock>,
    random: Arc<dyn clock::Random>,
    capabilities: &[&Capability],
) -> anyhow::Result<AppState> {
    let messages: Vec<&i18n::Messages> = capabilities.iter().map(|c| c.messages).collect();
    let catalog = i18n::Catalog::new(&messages)?;
    let secret = state::load_secret(&db, random.as_ref()).await?;
    let mailer = mail::Mailer::from_config(&config)?;
    let migrations = capabilities
        .iter()
        .flat_map(|c| match db.backend {
            db::Backend::Sqlite => c.migrations.sqlite.iter(),
            db::Backend::Postgres => c.migrations.postgres.iter(),
        })
        .filter(|m| m.migration_type.is_up_migration())
        .map(|m| m.version)
        .collect();
    Ok(AppState::new(state::AppStateInner {
        ops: Arc::new(telemetry::Ops::new(migrations)?),
        limits: Arc::new(ratelimit::RateLimits::new(
            config.login_per_minute,
            config.register_per_hour,
            config.meeting_register_per_hour,
        )),
        password_hashing: Arc::new(tokio::sync::Semaphore::new(config.password_hashing)),
        db,
        config: Arc::new(config),
        clock,
        random,
        catalog: Arc::new(catalog),
        secret: Arc::new(secret),
        mailer: Arc::new(mailer),
        jobs_wakeup: Arc::new(tokio::sync::Notify::new()),
        nav: Arc::new(capabilities.iter().flat_map(|c| c.nav.iter().cloned()).collect()),
        personal: Arc::new(
            capabilities
                .iter()
                .filter_map(|c| c.personal.map(|p| (c.name, p)))
                .collect(),
        ),
        home: Arc::new(capabilities.iter().filter_map(|c| c.home).collect()),
        tallies: Arc::new(capabilities.iter().filter_map(|c| c.tally).collect()),
        api: Arc::new(api_document(capabilities)),
    }))
}

/// The job worker with every capability's handlers.
pub fn worker(capabilities: &[&Capability]) -> jobs::Worker {
    capabilities.iter().fold(jobs::Worker::new(), |w, c| (c.jobs)(w))
}

/// The span of a request: its method and the route it matched (`/konto/lank/{token}`), never
/// the path itself, which may carry a token or personal data (issue 14, finding 7).
fn request_span(req: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("(no route)", |m| m.as_str());
    tracing::info_span!("request", method = %req.method(), route)
}

async fn not_found() -> AppError {
    AppError::NotFound("err-not-found")
}

/// Whether a response is compressed (gzip, when the browser asks): the stylesheet and SVG
/// pictures, which are the same for everyone and most of a first visit's bytes. Never a page: a
/// page carries a CSRF token beside what the visitor typed, and compressing the two together
/// lets an eavesdropper guess the token from the sizes (BREACH).
fn same_for_everyone(
    _: axum::http::StatusCode,
    _: axum::http::Version,
    headers: &axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/css") || t.starts_with("image/svg+xml"))
}

/// The path pattern of every route of these capabilities (e.g. `/{slug}/moten/{id}`), in the
/// order they are added: what the route × role matrix test enumerates.
pub fn route_paths(capabilities: &[&Capability]) -> Vec<&'static str> {
    capabilities
        .iter()
        .flat_map(|c| (c.router)().paths().to_vec())
        .collect()
}

/// The whole web application: every capability's routes, the context middleware (session,
/// language, CSRF, error pages), security headers, tracing and time limits.
pub fn app(state: AppState, capabilities: &[&Capability]) -> Router {
    let mut router = Router::new();
    for c in capabilities {
        router = router.merge((c.router)().into_router());
    }
    let csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
               form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    let mut router = router
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), ctx::middleware))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::track))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    if state.config.secure() {
        router = router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    router
        .layer(CompressionLayer::new().compress_when(same_for_everyone))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(CatchPanicLayer::new())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .with_state(state)
}
