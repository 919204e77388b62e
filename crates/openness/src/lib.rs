//! Openness (öppenhet och insyn, principle 5 of every seed municipality): what the municipality
//! decides and does, made visible to civil society.
//!
//! Sub-areas (issue 17; newsletters and the open-data API come later, each as a folder of its
//! own beside these):
//! - `decisions/`: the decisions feed. Staff record the decisions of the council
//!   (kommunfullmäktige), the executive board (kommunstyrelsen) and the committees (nämnder) that
//!   concern civil society; the public reads them at `/{slug}/beslut` (filters by body, tag and
//!   year) and `/{slug}/beslut/{id}`, and follows them as RSS 2.0 (`/{slug}/beslut/rss`) and
//!   Atom (`/{slug}/beslut/atom`), for the whole municipality, per body (`?organ=`) and per tag
//!   (`?tagg=`), with conditional GET.
//! - `events/`: the shared event calendar. Associations publish their events, the coordinator
//!   moderates them (or trusts an association); the public reads them at `/{slug}/evenemang`
//!   as a list, a week or a month, a page per event with schema.org JSON-LD, and subscribes
//!   to them as iCalendar (`/{slug}/evenemang/kalender.ics`). Dialog meetings are in it too.
//! - `news/`: news and good examples. The coordinator and staff publish news; associations'
//!   representatives write stories ("goda exempel") that the coordinator approves or declines
//!   (`/{slug}/nyheter/mina`, `/{slug}/nyheter/hantera`); the public reads them at
//!   `/{slug}/nyheter` and follows them as Atom (`/{slug}/nyheter/atom`).
//! - `newsletters/`: newsletters. The coordinator writes, tests and schedules them for chosen
//!   groups; a job sends them at a configured rate with one-click unsubscribe; anyone subscribes
//!   with double opt-in; the sent ones are public at `/{slug}/nyhetsbrev`.
//!
//! - `data/`: open data. Eight datasets of the municipality (associations, signatories, the
//!   action plan, meetings, decisions, events, grant decisions, premises) to download as CSV
//!   and JSON under CC0 1.0 at `/{slug}/data`, and their DCAT-AP-SE catalogue in RDF/XML
//!   (`/{slug}/data/katalog`) for Sweden's data portal to harvest.
//!
//! Of a person it keeps who sent a story and who published an event (`personal`, which gathers
//! `news::personal` and `events::personal`: export, and erasure that keeps a published story or
//! event, its association's, without the name).

pub mod conditional;
pub mod data;
pub mod decisions;
mod demo;
pub mod events;
pub mod ids;
pub mod news;
pub mod newsletters;
pub mod paths;
mod personal;
mod principles;
pub mod problem;
pub mod public;
pub mod synth;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};

/// Every page of the capability.
fn router() -> platform::web::Routes {
    decisions::router()
        .merge(news::router())
        .merge(events::router())
        .merge(newsletters::router())
        .merge(data::router())
}

pub static MIGRATIONS: Migrations = Migrations {
    name: "openness",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "openness",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "openness",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[
        NavItem {
            path: "beslut",
            message_id: "openness-nav-decisions",
        },
        NavItem {
            path: "nyheter",
            message_id: "openness-nav-news",
        },
        NavItem {
            path: "evenemang",
            message_id: "openness-nav-events",
        },
        NavItem {
            path: "nyhetsbrev",
            message_id: "openness-nav-newsletters",
        },
        NavItem {
            path: "data",
            message_id: "openness-nav-data",
        },
    ],
    router,
    jobs: newsletters::jobs,
    personal: Some(&personal::PERSONAL),
    home: None,
    tally: None,
    api: None,
};

/// This capability's part of the demo data: Sala's decisions on the agreement from seed 001,
/// a news item and a good example (invented, and said so).
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    demo::load(db, now).await
}
