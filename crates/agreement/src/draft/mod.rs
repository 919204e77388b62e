//! The draft and its adoption: the coordinator edits the introduction, the principles in the
//! municipality's own order and the commitments under each, then adopts the draft with the
//! deciding body and the date of the decision.

mod routes;
pub mod store;

pub use routes::router;
