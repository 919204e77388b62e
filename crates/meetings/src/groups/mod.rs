//! Group discussions: the meeting's groups (about five people, each of one party, as in seed
//! 000: "varje part för sig"), the registered participants the coordinator places in them, and
//! the minutes' general comments ("Övriga synpunkter") that answer none of the questions.

mod routes;
pub mod store;

pub use routes::{comment_form, router};
