//! The registry's tests: one binary, one module per area. HTTP tests run on both databases
//! (`testkit::both!`), browser tests on SQLite only (`testkit::sqlite!`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod browser;
mod common;
mod demo;
mod directory;
mod editing;
mod facts;
mod personal;
mod reminder_button;
mod search_entry;
mod verified;
