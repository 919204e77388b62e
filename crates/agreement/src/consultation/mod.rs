//! Consultations (remisser): the draft's commitments go out for comments by signed-in
//! participants; the coordinator sees them grouped by principle and commitment, closes the
//! consultation and publishes the compilation without names.

pub mod domain;
mod routes;
pub mod store;

pub use routes::router;
