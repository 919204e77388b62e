//! The public timeline of the process (seed 001 "Kort bakgrund"): meetings, decisions,
//! signings and other steps, by date.

pub mod domain;
mod routes;
pub mod store;

pub use routes::router;
