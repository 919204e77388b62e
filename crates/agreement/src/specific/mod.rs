//! The register of specific agreements beside the local agreement (seed 001: "Överenskommelser
//! om samarbeten som gäller en specifik fråga eller ett specifikt område kan göras mellan en
//! eller flera organisationer/föreningar och de delar av Sala kommun som berörs", and IOP,
//! idéburet offentligt partnerskap): kind, title, subject, parties (the municipality or one of
//! its departments, associations of the registry and other parties in free text), period,
//! status, documents and a description. Coordinators keep it; the public reads the published.

pub mod demo;
pub mod domain;
pub mod files;
mod manage;
mod routes;
pub mod store;
mod uploads;

/// The public pages and the coordinator's.
pub fn router() -> platform::web::Routes {
    routes::router().merge(manage::router()).merge(uploads::router())
}
