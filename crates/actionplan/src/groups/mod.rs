//! Working groups: a group per area (or the whole plan) with a convener; people join with
//! consent to be listed to the members and the coordinator, and leave again.

pub mod domain;
pub mod routes;
pub mod store;
