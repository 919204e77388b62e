//! Editing an organisation's profile (its representatives, the coordinator) and registering a
//! new organisation (the coordinator).

pub(crate) mod routes;
pub mod store;
