//! The grants' tests: one binary. HTTP tests run on SQLite and PostgreSQL; the browser tests
//! (accessibility with axe-core) on SQLite only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod activity_period;
mod attendance;
mod attendance_browser;
mod attendance_card;
mod browser;
mod programmes;
