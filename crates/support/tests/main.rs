//! The support capability's tests: one binary. HTTP tests run on SQLite and PostgreSQL; the
//! browser tests (accessibility with axe-core, the keyboard) on SQLite only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod browser;
mod common;
mod consultations;
mod consultations_browser;
mod doors;
mod doors_browser;
mod doors_common;
mod doors_staff;
mod ideas;
mod moderation;
