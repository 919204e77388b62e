//! The association registry (föreningsregister): profiles, directory and search, import and export.

use axum::Router;
use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{AppState, Capability, NavItem};

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
    router,
    jobs: |w| w,
};

fn router() -> Router<AppState> {
    Router::new()
}

/// This capability's part of the demo data (loaded once, after the platform's).
pub async fn demo(_db: &Db, _now: i64) -> anyhow::Result<()> {
    Ok(())
}
