//! The action plan (handlingsplan): per principle (område), goals owned by the municipality,
//! civil society or both; activities with time, responsible and follow-up as written, plus
//! structured dates and links, status and dated progress notes; working groups; reminders
//! before follow-up; the public plan with progress per principle, its JSON, and the seed-003
//! table in (paste, CSV, XLSX, with a preview) and out (CSV, XLSX, a printable page); plan
//! periods (a new one carries over the unfinished activities, earlier ones stay read-only).

pub mod activities;
pub mod demo;
pub mod domain;
pub mod editing;
pub mod exchange;
pub mod groups;
pub mod home;
pub mod ids;
pub mod paths;
pub mod periods;
mod personal;
pub mod principles;
pub mod public;
pub mod reminders;
mod routes;
pub mod store;
pub mod table;
mod tables;
mod views;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};
use std::sync::Arc;

pub static MIGRATIONS: Migrations = Migrations {
    name: "actionplan",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "actionplan",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "actionplan",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "handlingsplan",
        message_id: "nav-actionplan",
    }],
    router: routes::router,
    jobs: |w| w.handle(reminders::JOB_KIND, Arc::new(reminders::ReminderJob)),
    personal: Some(&personal::PERSONAL),
    home: Some(home::panels),
    tally: None,
    api: Some(exchange::routes::openapi),
};

/// This capability's part of the demo data (loaded once, after the platform's, the registry's
/// and the signing book's).
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}

/// Whether a file is an XLSX workbook (by its name or its ZIP signature).
pub fn is_xlsx(file_name: &str, bytes: &[u8]) -> bool {
    file_name.to_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04")
}

/// Read a plan table from a file or pasted text: XLSX, CSV (`.csv`, or `;` between cells and no
/// tabs) or tab-separated text.
pub fn parse_file(file_name: &str, bytes: &[u8]) -> Result<table::Parsed, table::TableError> {
    if is_xlsx(file_name, bytes) {
        return table::parse_xlsx(bytes);
    }
    let text = platform::upload::decode_text(bytes);
    let csv = file_name.to_lowercase().ends_with(".csv") || (!text.contains('\t') && text.contains(';'));
    Ok(if csv {
        table::parse_csv(&text)
    } else {
        table::parse_text(&text)
    })
}
