//! The platform's tests: one binary. HTTP tests run on SQLite and PostgreSQL; the browser tests
//! (accessibility with axe-core, the keyboard) on SQLite only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod a11y;
mod accounts;
mod branding;
mod browser;
mod common;
mod face;
mod hardening;
mod mail;
mod ops;
mod retention;
mod security;
mod sessions;
mod takeover;
mod tenants;
