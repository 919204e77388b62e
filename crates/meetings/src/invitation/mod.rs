//! The invitation letter (seed 001): a public page, a printable page, and an e-mail the
//! coordinator sends to chosen lists, each with its own unsubscribe link.

mod routes;
pub mod store;

pub use routes::{router, unsubscribe_token};
