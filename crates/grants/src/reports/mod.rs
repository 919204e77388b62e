//! Reports of decided years, their reminders and recovery (återkrav): where a report stands and
//! who may do what (`domain`), the queries and writes (`store`), the report page (`routes`) and
//! the daily reminder job (`reminders`).
//!
//! For the application page: [`store::status_of`] gives each year's report and payout, and
//! [`crate::paths::report`] the page of a year's report.

pub mod domain;
pub mod reminders;
pub mod routes;
pub mod store;
