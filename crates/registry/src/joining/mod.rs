//! Asking to become an organisation's representative, and the approval or rejection by its
//! representatives or the municipality's coordinator (both sides are told by e-mail).

pub(crate) mod routes;
pub mod store;
