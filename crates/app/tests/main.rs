//! app's one test binary: the `overens` command line, the demo, and the architecture rules every
//! crate keeps.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod architecture;
mod backup;
mod cli;
// The crash test (crash.rs) is not run yet: in about 1 run of 4, on either database, one
// confirmation-link mail stays unsent after the restart (its job 'running' with one attempt).
// Issue 14 stays open until that is understood and the test runs here.
mod crash;
mod demo;
mod instances;
mod matrix;
mod personal;
mod server;
