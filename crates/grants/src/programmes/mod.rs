//! Programmes (bidragsformer) and their application periods: configured per municipality, each
//! kind with its own rules; published with their criteria, deadlines and budgets.

pub mod domain;
pub(crate) mod routes;
pub mod store;
