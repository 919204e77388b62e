//! The test harness of Överens: every test gets its own database (an SQLite file in a temporary
//! folder, or a PostgreSQL database created for it and dropped afterwards), the real server on
//! port 0, a clock the test sets, an SMTP server that receives what the platform sends, and a
//! headless Chromium with axe-core, an iCalendar parser to read calendar files back; and for the tests of the binary itself, the `overens`
//! process started, killed and started again.

pub mod browser;
mod client;
mod db;
pub mod html;
pub mod ics;
mod macros;
pub mod process;
pub mod smtp;
mod testapp;

pub use client::{Client, Page};
pub use db::{pg_admin_url, Backend, TestDb};
pub use html::{csrf_token, text};
pub use smtp::SmtpSink;
pub use testapp::{start_time, Configure, Options, TestApp, PASSWORD};
