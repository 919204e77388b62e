//! Programmes (bidragsformer) and their application periods: configured per municipality, each
//! kind with its own rules; published with their criteria, deadlines and budgets. The
//! coordinator changes a programme's text, rules, requirements, attachments and the questions of
//! its application form without code ([`rules_form`], [`questions`]).

pub mod domain;
pub mod questions;
pub(crate) mod routes;
pub mod rules_form;
pub mod store;
