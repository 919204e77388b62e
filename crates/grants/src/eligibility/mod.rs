//! The automatic eligibility checks of an application: what the programme requires against
//! what the registry knows about the association (`domain`).

pub mod domain;
