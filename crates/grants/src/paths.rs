//! Every URL of the grants, built in one place (the routes are declared with the same segments).
//! Each takes the municipality's slug.

use crate::ids::ProgrammeId;

/// The public list of programmes: `/{slug}/bidrag`.
pub fn programmes(slug: &str) -> String {
    format!("/{slug}/bidrag")
}

pub fn programme(slug: &str, id: ProgrammeId) -> String {
    format!("/{slug}/bidrag/{id}")
}

/// The coordinator's form for a new programme.
pub fn new_programme(slug: &str) -> String {
    format!("/{slug}/bidrag/ny")
}

pub fn periods(slug: &str, id: ProgrammeId) -> String {
    format!("/{slug}/bidrag/{id}/perioder")
}

pub fn publish(slug: &str, id: ProgrammeId) -> String {
    format!("/{slug}/bidrag/{id}/publicera")
}

/// The programmes as JSON: `/api/v1/{slug}/grants/programmes`.
pub fn api(slug: &str) -> String {
    format!("/api/v1/{slug}/grants/programmes")
}
