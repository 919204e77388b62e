//! The premises' tests: one binary, one module per area. HTTP tests run on SQLite and
//! PostgreSQL (`testkit::both!`), browser tests on SQLite only (`testkit::sqlite!`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod booking;
mod browser;
mod browser_inventory;
mod browser_retire;
mod browser_seasons;
mod common;
mod demo;
mod inventory;
mod limits;
mod no_double_booking;
mod requests_coordinator;
mod retire;
mod seasons;
mod seasons_common;
mod seasons_lifecycle;
mod week_grid;
