//! The signing book (signeringsbok): signatures of organisations, departments and companies.
//!
//! A representative signs online for an organisation they represent; the coordinator records
//! the paper book's signatures (associations, municipal departments, municipal companies and
//! others); the public sees the signatories in force as a page, a CSV file and JSON; a
//! signature is withdrawn, never deleted, so the history stays.
//!
//! Other capabilities ask [`in_force_for_organisation`] whether an organisation has signed.

mod demo;
pub mod domain;
pub mod home;
pub mod ids;
pub mod paths;
mod personal;
pub mod public;
mod routes;
pub mod store;

pub use domain::{Channel, Signature, SignerKind};
pub use ids::SignatureId;
pub use store::in_force_for_organisation;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};

pub static MIGRATIONS: Migrations = Migrations {
    name: "signing",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "signing",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "signing",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "signeringsbok",
        message_id: "nav-signing",
    }],
    router: routes::router,
    jobs: |w| w,
    personal: Some(&personal::PERSONAL),
    home: Some(home::panels),
    tally: Some(home::tally),
    api: Some(routes::openapi),
};

/// This capability's part of the demo data (see [`demo::load`]).
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
