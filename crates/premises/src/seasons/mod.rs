//! Seasonal allocation (säsongsbokning): associations apply for weekly times in the
//! municipality's rooms for a season; staff see conflicting applications side by side, allocate
//! them by a stated priority rule (children and youth first, …) with the right to override each
//! one, and publish, which books the allocated times as weekly series of confirmed bookings and
//! tells every applicant the result.

pub mod domain;
pub mod lifecycle;
mod lifecycle_routes;
pub mod lifecycle_store;
mod routes;
pub mod store;

/// The seasons' pages, and their lifecycle's (closing early, holidays, an applicant's changes).
pub fn router() -> platform::web::Routes {
    routes::router().merge(lifecycle_routes::router())
}
