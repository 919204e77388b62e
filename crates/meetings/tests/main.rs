//! The meetings' tests: one binary, its modules below. HTTP tests run on SQLite and PostgreSQL
//! (`testkit::both!`), browser tests on SQLite (`testkit::sqlite!`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod browser;
mod browser_changes;
mod browser_minutes;
mod calendar_mail;
mod changes;
mod common;
mod confirm;
mod corrections;
mod demo;
mod documents;
mod group_meetings;
mod groups;
mod invitation;
mod links;
mod minutes;
mod personal;
mod privacy;
mod registration;
mod settings;
mod topics;
mod turnout;
