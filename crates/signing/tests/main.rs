//! The signing book's tests: one binary. HTTP and store tests run on SQLite and PostgreSQL; the
//! browser tests (accessibility with axe-core, the keyboard) on SQLite only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod browser;
mod pages;
mod personal;
mod store;
