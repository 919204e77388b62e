//! The action plan's one test binary: HTTP tests on both databases, browser tests on SQLite,
//! the seed-003 table through the importer and exporter, and a person's data through /konto.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod browser;
mod common;
mod editing;
mod hostile_files;
mod periods;
mod periods_browser;
mod personal;
mod plan;
mod principles;
mod seed003;
mod table_seed003;
