//! An organisation's contact people (listed only with their consent, public only if they chose
//! so) and its own premises with their accessibility features.

pub(crate) mod routes;
pub mod store;
