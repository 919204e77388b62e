//! The grants' tests: one binary. HTTP tests run on SQLite and PostgreSQL; the browser tests
//! (accessibility with axe-core) on SQLite only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod activity_period;
mod activity_proposals;
mod applications;
mod applications_browser;
mod attendance;
mod attendance_browser;
mod attendance_card;
mod attendance_hostile;
mod browser;
mod decided;
mod decisions;
mod demo;
mod payouts;
mod payouts_browser;
mod personal;
mod programme_edit;
mod programmes;
mod reports;
mod review;
mod support;
mod synth;
