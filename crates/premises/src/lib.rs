//! Premises and booking (lokaler, lokalbokning): the municipality's and associations' premises
//! with bookable rooms (capacity, equipment, accessibility, rules, opening hours, photos, price
//! tiers, instant booking or request and approval); search by need with free times; a week view
//! per room; single and weekly bookings with exception dates; approval, rejection with a reason
//! and cancellation, each with an e-mail (and an .ics file); a calendar feed per room; seasonal
//! allocation; and never a double booking, which the database itself refuses.

pub mod api;
pub mod booking;
pub mod demo;
pub mod domain;
pub mod ids;
pub mod inventory;
mod personal;
pub mod public;
mod routes;
pub mod seasons;
pub mod store;
pub mod synth;
mod week;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};

pub static MIGRATIONS: Migrations = Migrations {
    name: "premises",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "premises",
    sv: concat!(
        include_str!("../locales/sv.ftl"),
        include_str!("../locales/inventory.sv.ftl"),
        include_str!("../locales/seasons.sv.ftl")
    ),
    en: concat!(
        include_str!("../locales/en.ftl"),
        include_str!("../locales/inventory.en.ftl"),
        include_str!("../locales/seasons.en.ftl")
    ),
};

pub static CAPABILITY: Capability = Capability {
    name: "premises",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "lokaler",
        message_id: "nav-premises",
    }],
    router,
    jobs: |w| w,
    personal: Some(&personal::PERSONAL),
    home: None,
    tally: None,
    api: Some(api::openapi),
};

/// Every page of the capability: search, rooms and booking, the inventory's administration
/// and seasonal allocation.
fn router() -> platform::web::Routes {
    routes::router()
        .merge(api::router())
        .merge(booking::router())
        .merge(inventory::router())
        .merge(seasons::router())
}

/// This capability's part of the demo data (loaded after the meetings').
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
