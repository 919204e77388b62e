//! Payouts: the decided years that may be paid, in lists by the day they became payable, for
//! the finance system (CSV and XLSX) and marked as paid. When a year may be paid, its reference
//! and account are in `domain`; the files in `export`; the queries in `store`; the staff's page
//! in `routes`.

pub mod domain;
pub mod export;
pub mod routes;
pub mod store;
