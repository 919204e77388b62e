//! The agreement (överenskommelse): versions, principles, commitments, timeline, consultation.

pub mod demo;
pub mod domain;
mod routes;
pub mod store;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};

pub static MIGRATIONS: Migrations = Migrations {
    name: "agreement",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "agreement",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "agreement",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "overenskommelse",
        message_id: "nav-agreement",
    }],
    router: routes::router,
    jobs: |w| w,
};

/// This capability's part of the demo data (loaded once, after the platform's): Sala's adopted
/// agreement with its timeline, Örebro's adopted agreement, and Luleå's draft with its compiled consultation.
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
