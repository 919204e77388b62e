//! The application state every handler and job receives: no globals, so tests can vary any part.

use crate::clock::{Clock, Random};
use crate::config::Config;
use crate::db::Db;
use crate::i18n::Catalog;
use crate::ratelimit::RateLimits;
use crate::smtp::Mailer;
use std::sync::Arc;
use tokio::sync::Notify;

/// A link in a municipality's navigation, contributed by a capability.
#[derive(Clone, Debug)]
pub struct NavItem {
    /// Path below `/{slug}/`, e.g. `"overenskommelse"`; empty for the municipality's home.
    pub path: &'static str,
    pub message_id: &'static str,
}

/// The state, shared: one reference count to move per clone. axum clones the state for every
/// middleware and extractor of every request; with a dozen `Arc` fields each clone and drop was
/// a dozen atomic operations on cache lines both cores write (≈6 % of a light page's CPU).
#[derive(Clone)]
pub struct AppState(Arc<AppStateInner>);

impl AppState {
    pub fn new(inner: AppStateInner) -> AppState {
        AppState(Arc::new(inner))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppStateInner;

    fn deref(&self) -> &AppStateInner {
        &self.0
    }
}

/// What [`AppState`] holds.
pub struct AppStateInner {
    pub db: Db,
    pub config: Arc<Config>,
    pub clock: Arc<dyn Clock>,
    pub random: Arc<dyn Random>,
    pub catalog: Arc<Catalog>,
    /// Key for CSRF tokens, kept in the database so that forms survive a restart.
    pub secret: Arc<Vec<u8>>,
    pub limits: Arc<RateLimits>,
    /// Slots for Argon2 password hashing (the `password_hashing` setting; see
    /// [`crate::accounts::hashing`]).
    pub password_hashing: Arc<tokio::sync::Semaphore>,
    pub mailer: Arc<Mailer>,
    /// Wakes the job worker when something is queued.
    pub jobs_wakeup: Arc<Notify>,
    pub nav: Arc<Vec<NavItem>>,
    /// The capabilities that keep personal data of account holders, by name.
    pub personal: Arc<Vec<(&'static str, &'static PersonalData)>>,
    /// The capabilities' panels on a municipality's start page (see [`crate::home`]).
    pub home: Arc<Vec<crate::home::HomeFn>>,
    /// The capabilities' counts per municipality on the front page.
    pub tallies: Arc<Vec<crate::home::TallyFn>>,
    /// Metrics and what readiness expects (`/metrics`, `/readyz`).
    pub ops: Arc<crate::telemetry::Ops>,
    /// The OpenAPI document of `/api/v1` (see [`crate::api`]).
    pub api: Arc<utoipa::openapi::OpenApi>,
}

/// A person's data export, by their user id.
pub type ExportFn = for<'a> fn(
    &'a crate::db::Db,
    crate::ids::UserId,
) -> futures::future::BoxFuture<'a, Result<serde_json::Value, sqlx::Error>>;
/// Erase (or make anonymous) a person's data inside the account's erasure transaction: (user id, now).
pub type EraseFn = for<'a> fn(
    &'a mut crate::db::Tx,
    crate::ids::UserId,
    i64,
) -> futures::future::BoxFuture<'a, Result<(), sqlx::Error>>;

/// How a capability exports and erases what it keeps about an account holder.
pub struct PersonalData {
    pub export: ExportFn,
    pub erase: EraseFn,
}

impl AppStateInner {
    pub fn now(&self) -> i64 {
        self.clock.now().timestamp()
    }

    /// The key for what must stay unguessable even to someone holding a copy of the database
    /// (the hashes kept of erased addresses): the `pepper` setting, or the database's secret
    /// when none is set.
    pub fn pepper(&self) -> &[u8] {
        match self.config.pepper.as_deref() {
            Some(p) => p.as_bytes(),
            None => &self.secret,
        }
    }

    /// Today's date in Sweden (Europe/Stockholm), by the state's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock
            .now()
            .with_timezone(&chrono_tz::Europe::Stockholm)
            .date_naive()
    }
}

/// The instance's secret: read from the database, made once when missing.
pub async fn load_secret(db: &Db, random: &dyn Random) -> Result<Vec<u8>, sqlx::Error> {
    let fresh = random.token(32);
    sqlx::query("INSERT INTO instance_settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING")
        .bind(&fresh)
        .execute(&db.pool)
        .await?;
    let (v,): (String,) = sqlx::query_as("SELECT value FROM instance_settings WHERE key = 'secret'")
        .fetch_one(&db.pool)
        .await?;
    Ok(v.into_bytes())
}
