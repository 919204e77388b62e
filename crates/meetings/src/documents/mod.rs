//! Documents of a meeting (the draft under discussion, linked from the invitation), of its
//! minutes (a report, such as a mapping of existing collaboration) and of a working group of the
//! action plan: uploaded by the coordinator under the platform's upload rules, kept in the
//! database, public where what they belong to is, removable. Who uploaded is in the audit trail
//! only; nothing else about a person is kept.

pub mod domain;
mod routes;
pub mod store;

pub use routes::{meeting_links, router, DocLink};
