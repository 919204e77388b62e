//! Participants' personal data: export and erasure per person (by e-mail address, by the
//! coordinator, or through one's own link), and retention: a chosen number of days after a
//! meeting, its participants' contact details are removed while party, status and attendance
//! stay for the counts.

mod routes;
pub mod store;

pub use routes::router;
