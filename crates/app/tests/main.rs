//! app's one test binary: the `overens` command line, the demo, and the architecture rules every
//! crate keeps.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod api;
mod architecture;
mod backup;
mod cli;
mod common;
mod crash;
mod demo;
mod instances;
mod logs;
mod matrix;
mod newsletter_crash;
mod personal;
mod server;
mod start_pages;
