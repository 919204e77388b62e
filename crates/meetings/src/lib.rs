//! Dialog meetings and the collaboration council (dialogmöten, samverkansråd): series of
//! numbered meetings with theme, time, place and accessibility; registration with capacity, a
//! waiting list and a consent text; confirmation, cancellation and reminder e-mails with a
//! calendar file; participant lists and attendance by party; calendar files and feeds.

pub mod demo;
pub mod domain;
pub use platform::ics;
mod invitation;
pub mod letters;
pub mod mail;
mod minutes;
pub mod privacy;
pub mod reminders;
mod routes;
pub mod store;

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
    jobs: |w| {
        w.handle(mail::JOB_KIND, Arc::new(mail::MailJob))
            .handle(reminders::JOB_KIND, Arc::new(reminders::ReminderJob))
    },
    personal: None,
};

/// This capability's part of the demo data (loaded after the action plan's).
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
