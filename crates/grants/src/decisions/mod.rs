//! The public decisions: each year's decided applications (association, programme, amount,
//! date and outcome) as a page and as JSON. Reasons are never shown here; the applicant reads
//! them on their own application.

pub mod domain;
pub mod routes;
pub mod store;
