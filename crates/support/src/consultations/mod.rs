//! The consultation group (remissgrupp, issue 18). Seed 004 asks for a "Remissgrupp,
//! civilsamhälle och kommunen som diskuterar enstaka frågor".
//!
//! People of civil society (for their association, optional) and of the municipality join the
//! municipality's group with consent ([`routes`]): the page says what is kept (the name, the
//! e-mail address for the invitations, the association), and leaving is one button. The
//! coordinator sees the members and can remove one.
//!
//! - `/{slug}/remissgrupp`: what the group is; join or leave; the coordinator's member list;
//! - `POST /{slug}/remissgrupp/ga-med`, `…/lamna`, `…/medlemmar/ta-bort` (the coordinator's);
//! - `/{slug}/remissgrupp/ny`: the coordinator opens a consultation on a single issue (its
//!   question(s), documents as links, the last day to answer, [`domain::check`]); every member
//!   is invited by e-mail in the same transaction ([`open_routes`]). Members and the
//!   coordinator see the consultations listed on the group's page.
//!
//! Answering (per organisation, until the last day), the coordinator's compiled and published
//! summary and the public pages of a consultation are not built yet.

pub mod consultations_store;
pub mod domain;
mod mail;
mod open_routes;
pub(crate) mod personal;
mod routes;
pub mod store;

/// The group's pages.
pub fn router() -> platform::web::Routes {
    routes::router().merge(open_routes::router())
}
