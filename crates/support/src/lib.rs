//! Development and support (utveckling och stöd, issue 18): how the municipality and civil
//! society help each other grow. Seed 003 asks civil society to "Inventera och dokumentera idéer
//! om utveckling för samhället" and to "Skapa fadder- och mentorssystem för nya/andra
//! föreningar"; seed 004 asks for "En dörr in" and a "Remissgrupp".
//!
//! The crate has no main area, only sub-areas (as grants and openness), each a folder:
//! - `ideas/`: the idea bank (idébank). Anyone signed in submits an idea (title, description,
//!   a principle of the agreement in force, a category, an area); others support it (once each,
//!   and may withdraw) and comment; the coordinator moderates (hides an idea or a comment) and
//!   moves it through its statuses (ny, under beredning, på dagordningen för ett dialogmöte,
//!   blir aktivitet i handlingsplanen, genomförd, avslutad with a reason), and the submitter is
//!   told of each change by e-mail. Public at `/{slug}/ideer` (filters and sorting by support),
//!   `/{slug}/ideer/{id}` and the Atom feed `/{slug}/ideer/atom`.
//!
//! - `doors/`: "En dörr in", one contact form for associations and residents (no account
//!   needed); each question a numbered case routed by its topic to a department or a person,
//!   answered from the platform by e-mail with a personal link for the asker's replies; a
//!   service level in working days with an escalation job; an FAQ; a CSV export.
//!
//! - `consultations/`: the consultation group (remissgrupp): members of civil society and the
//!   municipality join with consent and leave with one button; the coordinator sees and removes
//!   members; the coordinator opens a consultation (question, document links, last day) and
//!   every member is invited by e-mail (answers and the published summary are still to come).
//!
//! Mentors and buddies will be a folder beside them.
//!
//! Of a person it keeps the ideas they submitted, their supports and their comments
//! (`personal`: export; erasure removes the name from ideas and comments and the supports).

pub mod consultations;
mod demo;
pub mod doors;
mod home;
pub mod ideas;
pub mod ids;
pub mod paths;
mod personal;
pub mod public;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::Capability;

/// Every page of the capability.
fn router() -> platform::web::Routes {
    ideas::router().merge(doors::router()).merge(consultations::router())
}

pub static MIGRATIONS: Migrations = Migrations {
    name: "support",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "support",
    sv: concat!(
        include_str!("../locales/sv.ftl"),
        "\n",
        include_str!("../locales/doors.sv.ftl"),
        "\n",
        include_str!("../locales/consultations.sv.ftl")
    ),
    en: concat!(
        include_str!("../locales/en.ftl"),
        "\n",
        include_str!("../locales/doors.en.ftl"),
        "\n",
        include_str!("../locales/consultations.en.ftl")
    ),
};

pub static CAPABILITY: Capability = Capability {
    name: "support",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    // The navigation already has many links: the idea bank is reached from the municipality's
    // start page (its panel, `home`) instead.
    nav: &[],
    router,
    jobs: |w| {
        w.handle(
            doors::escalation::JOB_KIND,
            std::sync::Arc::new(doors::escalation::EscalationJob),
        )
    },
    personal: Some(&personal::PERSONAL),
    home: Some(home::panels),
    tally: None,
    api: None,
};

/// This capability's part of the demo data: Sala's ideas from seed 000's group answers, one on
/// the agenda of dialog meeting 6 and one that became an activity of the action plan; "En dörr
/// in"'s topics routed to Sala's departments and a few cases in each status.
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await?;
    doors::demo::load(db, now).await
}
