//! The idea bank (idébank, issue 18). Seed 003: "Civilsamhället ska: Inventera och dokumentera
//! idéer om utveckling för samhället"; seed 000's groups asked for more time for exactly that.
//!
//! Anyone signed in submits an idea (title, description, a principle of the agreement in force,
//! a category, an area); others support it, once each (and may withdraw), and comment. The
//! coordinator moves it through its statuses ([`domain::Status`]: ny, under beredning, på
//! dagordningen för dialogmöte N, blir aktivitet i handlingsplanen, genomförd, avslutad with a
//! reason; the moves allowed are [`domain::next`]) and hides an idea or a comment that should not
//! be shown. The submitter gets a letter at every status change ([`mail`]).
//!
//! An idea links to the meeting whose agenda takes it up and to the activity it became, read
//! through `meetings::public` and `actionplan::public` (never their tables). Those pages link
//! back without depending on this crate (Cargo forbids the cycle): the store records the idea's
//! links in `platform::links` in the same transaction as the status change (and removes them
//! when the idea is hidden or moves on), and the meeting's and the activity's pages read
//! `platform::links::to` for themselves.
//!
//! - public: `/{slug}/ideer` (filters, sorting), `/{slug}/ideer/{id}`, `/{slug}/ideer/atom`;
//! - signed in: `/{slug}/ideer/ny`, supporting and commenting on an idea's page;
//! - the coordinator: the status form and the hide buttons on an idea's page.

pub mod domain;
pub mod feed;
mod mail;
mod moderation_routes;
pub(crate) mod personal;
mod routes;
pub mod store;
pub mod view;

/// The public pages, the feed and the coordinator's forms.
pub fn router() -> platform::web::Routes {
    routes::router()
        .merge(feed::router())
        .merge(moderation_routes::router())
}
