//! Openness' tests: one binary. HTTP tests run on SQLite and PostgreSQL; the browser test
//! (accessibility with axe-core) on SQLite only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod browser;
mod browser_events;
mod browser_more;
mod browser_newsletters;
mod common;
mod data;
mod decisions;
mod events;
mod events_calendar;
mod feeds;
mod news;
mod newsletters;
