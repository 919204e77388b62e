//! The agreement (överenskommelse): versions, principles, commitments, timeline, consultation.
//!
//! A municipality's agreement is a series of versions. The coordinator edits a draft
//! (introduction, principles in the municipality's own order, and under each principle the
//! commitments of the municipality and of civil society), then adopts it with the deciding body
//! and the date of the decision; an adopted version is frozen and public, and older ones stay
//! readable. A public timeline tells the story of the process. A consultation (remiss) sends the
//! draft's commitments out for comments by signed-in participants; the coordinator sees them
//! grouped by principle and commitment, closes it and publishes the compilation without names.
//!
//! Public: `/{slug}/overenskommelse` (in force), `…/version/{n}`, `…/tidslinje`, `…/remiss`,
//! `…/remiss/{id}`, `…/sarskilda` (specific agreements and IOPs) and `…/sarskilda/{id}`; JSON: `/api/v1/{slug}/agreement`, `…/versions/{n}`, `…/timeline`.
//! Coordinator: `/{slug}/overenskommelse/hantera` and below.

mod api;
pub mod consultation;
pub mod demo;
pub mod domain;
pub mod draft;
pub mod ids;
pub mod paths;
mod personal;
pub mod public;
mod routes;
pub mod specific;
pub mod store;
pub mod timeline;
mod web;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};

/// Every page of the agreement: its text (public and the draft's), the timeline, the
/// consultations and the JSON view.
fn router() -> platform::web::Routes {
    routes::router()
        .merge(draft::router())
        .merge(timeline::router())
        .merge(consultation::router())
        .merge(specific::router())
        .merge(api::router())
}

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
    personal: Some(&personal::PERSONAL),
    home: None,
    tally: None,
    api: Some(api::openapi),
};

/// This capability's part of the demo data (loaded once, after the platform's): Sala's adopted
/// agreement with its timeline and an invented IOP in its register of specific agreements,
/// Örebro's adopted agreement, and Luleå's draft with its compiled consultation.
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
