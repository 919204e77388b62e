//! The yearly "confirm your data": the twelve-month freshness rule, confirming, the daily
//! reminder job and the coordinator's freshness report.

pub mod domain;
pub mod reminders;
pub(crate) mod routes;
pub mod store;
