//! Turnout: the share of the registry's associations that took part in each meeting and in at
//! least one meeting of a year (seed 004: "minst en representant från minst 90% av
//! föreningarna?"). A registration counts for an association when the organisation written on
//! it is one the registry knows by that name (`registry::public::organisation_named`).

pub mod domain;
pub mod routes;
pub mod store;

pub use routes::router;
