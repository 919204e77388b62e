//! A period's activity support for all the municipality's associations, for its staff: who has
//! attendance in the period's activity dates, what counted and the amount each gets by the
//! rules and within the budget (`domain`, plain values), read in a fixed number of queries
//! (`store`, [`period_support`], which the applications' review also calls to propose
//! amounts), and the staff's page and CSV file (`routes`).

pub mod domain;
pub(crate) mod routes;
pub mod store;

pub use domain::{OrganisationSupport, PeriodSupport};
pub use store::{period_support, SupportError};
