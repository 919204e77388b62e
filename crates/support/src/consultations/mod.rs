//! The consultation group (remissgrupp, issue 18). Seed 004 asks for a "Remissgrupp,
//! civilsamhälle och kommunen som diskuterar enstaka frågor".
//!
//! People of civil society (for their association, optional) and of the municipality join the
//! municipality's group with consent ([`routes`]): the page says what is kept (the name, the
//! e-mail address for the invitations, the association), and leaving is one button. The
//! coordinator sees the members and can remove one.
//!
//! - `/{slug}/remissgrupp`: what the group is; join or leave; the coordinator's member list;
//! - `POST /{slug}/remissgrupp/ga-med`, `…/lamna`, `…/medlemmar/ta-bort` (the coordinator's).
//!
//! Consultations (a single issue with questions, documents and a deadline, the group invited by
//! e-mail, answers per organisation, the coordinator's published summary) are not built yet.

pub(crate) mod personal;
mod routes;
pub mod store;

/// The group's pages.
pub fn router() -> platform::web::Routes {
    routes::router()
}
