//! Dialog meetings and the collaboration council (dialogmöten, samverkansråd): series of
//! numbered meetings with theme, time, place (free text or a room of the premises) and
//! accessibility; registration with capacity, a waiting list and a consent text; confirmation,
//! cancellation and reminder e-mails with a calendar file; participant lists and attendance by
//! party; calendar files and feeds; invitations; minutes and group answers.
//!
//! Areas: the meetings themselves (`domain`, `store`, `routes`), `registration`, `minutes`,
//! `invitation`, `privacy`; letters are built in `letters` and queued by the routes and jobs
//! (`reminders`) with `platform::mail` in the transaction of the change they tell of. Other
//! capabilities are asked through their `public` modules (registry, signing, agreement,
//! actionplan, premises).

pub mod api;
pub mod changes;
pub mod corrections;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod group_meetings;
pub mod groups;
pub mod home;
pub mod ids;
pub mod topics;
pub mod turnout;
pub use platform::ics;
pub mod invitation;
pub mod lead_time;
pub mod letters;
pub mod minutes;
pub mod paths;
mod personal;
pub mod privacy;
pub mod public;
pub mod registration;
pub mod reminders;
mod routes;
pub mod store;
mod views;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};
use std::sync::Arc;

pub static MIGRATIONS: Migrations = Migrations {
    name: "meetings",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "meetings",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "meetings",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "moten",
        message_id: "nav-meetings",
    }],
    router: routes::router,
    jobs: |w| w.handle(reminders::JOB_KIND, Arc::new(reminders::ReminderJob)),
    personal: Some(&personal::PERSONAL),
    home: Some(home::panels),
    tally: Some(home::tally),
    api: Some(api::openapi),
};

/// This capability's part of the demo data (loaded after the action plan's).
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
