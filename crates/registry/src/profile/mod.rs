//! Editing an organisation's profile (its representatives, the coordinator) with its grant
//! facts, the statutes file, and registering a new organisation (the coordinator).

pub(crate) mod routes;
mod statutes_routes;
pub mod store;

/// The profile's editing routes and the statutes'.
pub(crate) fn router() -> platform::web::Routes {
    routes::router().merge(statutes_routes::router())
}
