//! The agreement (överenskommelse): versions, principles, commitments, timeline, consultation.

use axum::Router;
use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{AppState, Capability, NavItem};

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
