//! Editing the plan on the web, piece by piece: goals added, edited, moved (up, down, to another
//! area) and removed; activities added, moved (up, down, to another goal) and removed. The
//! coordinator's; every change goes into the audit trail with the change.

pub mod domain;
pub mod routes;
pub mod store;
