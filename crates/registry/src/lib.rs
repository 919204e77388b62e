//! The association registry (föreningsregister): organisation profiles kept by their
//! representatives, a public directory with Swedish full-text search and filters, a JSON API,
//! the yearly "confirm your data" reminder and freshness report, and the coordinator's CSV and
//! XLSX export and CSV import.
//!
//! The main area is the directory and the profile as read (`domain`, `store`, `routes`); the
//! sub-areas are `profile` (editing and registering, the statutes file), `facts` (what grants
//! checks: payout account, board, annual meeting, statutes), `parts` (contact people and premises),
//! `joining` (requests to become a representative), `confirmation` (the yearly confirmation,
//! its reminders and the freshness report) and `exchange` (CSV/XLSX export and CSV import).

pub mod api;
pub mod confirmation;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod facts;
pub mod home;
pub mod ids;
pub mod joining;
pub mod parts;
pub mod paths;
mod personal;
pub mod profile;
pub mod public;
mod routes;
pub mod store;
mod web;

pub use ids::{ContactId, ImportDraftId, JoinRequestId, PremisesId};

use confirmation::reminders;
use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};
use std::sync::Arc;

pub static MIGRATIONS: Migrations = Migrations {
    name: "registry",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "registry",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "registry",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "foreningar",
        message_id: "nav-registry",
    }],
    router: routes::router,
    jobs: |w| w.handle(reminders::JOB_KIND, Arc::new(reminders::ReminderJob)),
    personal: Some(&personal::PERSONAL),
    home: None,
    tally: Some(home::tally),
    api: Some(api::openapi),
};

/// This capability's part of the demo data (loaded once, after the platform's).
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
