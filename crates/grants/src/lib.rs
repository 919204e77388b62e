//! Grants to associations (föreningsstöd): the municipality's programmes of every kind
//! (activity support from attendance, premises, start, project and event, operating and
//! multi-year grants), each with its rules, requirements, attachments and application periods
//! with deadlines and budgets, published for everyone.
//!
//! The activity support's rule engine is in [`activity::domain`]; applications, review and
//! decisions in [`applications`]; payout lists for the finance system in [`payouts`]; the
//! public decisions in [`decisions`]; the years' reports, reminders and recovery in [`reports`].

pub mod activity;
pub mod applications;
pub mod decisions;
mod demo;
pub mod eligibility;
pub mod home;
pub mod ids;
pub mod paths;
pub mod payouts;
mod personal;
pub mod programmes;
pub mod public;
pub mod reports;
mod routes;
pub mod synth;
mod tables;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};

pub static MIGRATIONS: Migrations = Migrations {
    name: "grants",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "grants",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "grants",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "bidrag",
        message_id: "nav-grants",
    }],
    router: routes::router,
    jobs: |w| {
        w.handle(
            reports::reminders::JOB_KIND,
            std::sync::Arc::new(reports::reminders::ReminderJob),
        )
    },
    personal: Some(&personal::PERSONAL),
    home: Some(home::panels),
    tally: None,
    api: Some(api),
};

/// This capability's part of the demo data (see [`demo::load`]).
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}

/// The grants' part of the API's document: the programmes and the published decisions.
fn api() -> utoipa::openapi::OpenApi {
    let mut doc = programmes::routes::openapi();
    doc.merge(decisions::routes::openapi());
    doc
}
