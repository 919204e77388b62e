//! Topics for the agenda: an association's representative proposes a topic for a coming
//! meeting; the coordinator takes it up at a meeting, where the meeting's page lists it with
//! the association that proposed it, or declines it with an answer the association reads.

pub mod domain;
pub mod routes;
pub mod store;

pub use routes::router;
