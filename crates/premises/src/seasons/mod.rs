//! Seasonal allocation (säsongsbokning): associations apply for weekly times in the
//! municipality's rooms for a season; staff see conflicting applications side by side, allocate
//! them by a stated priority rule (children and youth first, …) with the right to override each
//! one, and publish, which books the allocated times as weekly series of confirmed bookings and
//! tells every applicant the result.

pub mod domain;
mod routes;
pub mod store;

pub use routes::router;
