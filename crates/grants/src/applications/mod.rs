//! Applications: their case numbers, the steps of a case from draft to payout and who may take
//! each, and the checks on attached files (`domain`); reads (`store`) and writes (`write`); the
//! applicants' letters (`mail`); one case as the pages see it (`case`) and its page (`view`).

pub mod case;
pub mod domain;
pub mod form;
pub mod mail;
pub(crate) mod routes;
pub mod store;
pub mod view;
pub mod write;
