//! "En dörr in" (one way in, issue 18). Seed 004: it should be easy to reach the municipality
//! and get an answer from the responsible person, with "en dörr in" for equal conditions in
//! grants and premises, and help with applications.
//!
//! One contact form for associations and residents, without an account and without
//! JavaScript ([`routes`]): the question becomes a case numbered per municipality and year
//! (`EDI-2026-0001`), routed by its topic to a department or a named person ([`topic_routes`],
//! the coordinator's), with a status ([`domain::Status`]: mottagen, tilldelad, besvarad,
//! stängd). The responsible person answers from the platform ([`staff_routes`]); the answer
//! goes out by e-mail, queued in the same transaction, with a personal link (a secret stored
//! hashed) through which the asker replies and, once the case is closed, says how satisfied
//! they are. The service level is a number of working days (weekends and Swedish public
//! holidays not counted, [`domain::due_on`]); [`escalation`] tells the coordinators once of a
//! case past it. Answered questions can be published, edited to name no one, on the form's
//! page; the coordinator exports the cases as CSV (they are public records).
//!
//! - public: `/{slug}/en-dorr-in`, `/{slug}/en-dorr-in/tack`;
//! - the asker's link: `/{slug}/en-dorr-in/svar/{token}` (reply), `…/betyg`;
//! - staff and the coordinator: `/{slug}/en-dorr-in/arenden` (and `.csv`), `…/arenden/{id}`;
//! - the coordinator: `/{slug}/en-dorr-in/amnen`, routing a case by hand ([`assign_routes`]).

mod assign_routes;
pub(crate) mod demo;
pub mod domain;
pub mod escalation;
mod mail;
pub(crate) mod personal;
mod routes;
mod staff_routes;
pub mod store;
mod topic_routes;

/// The form, the asker's pages, the staff's pages and the coordinator's settings.
pub fn router() -> platform::web::Routes {
    routes::router()
        .merge(staff_routes::router())
        .merge(topic_routes::router())
        .merge(assign_routes::router())
}
