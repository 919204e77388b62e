//! Open data (öppna data): the municipality's public data as downloadable datasets, and a
//! catalogue of them that Sweden's data portal harvests.
//!
//! Eight datasets, each in CSV and JSON, each under CC0 1.0: the associations of the registry
//! (public fields only), the signatories of the agreement, the current action plan, the
//! dialog meetings, the decisions feed, the approved events, the published grant decisions and
//! the rooms of the premises. Each comes from the capability that keeps it, through its
//! `public.rs` (openness' own decisions and events through their stores): `gather`, turned into
//! a table by `rows`, written by `domain`.
//!
//! - `GET /{slug}/data`: the page listing the datasets with their links, licence and dates
//! - `GET /{slug}/data/{dataset}.csv`, `GET /{slug}/data/{dataset}.json`: a download, with
//!   conditional GET (an entity tag; [`crate::conditional`])
//! - `GET /{slug}/data/katalog`: the DCAT-AP-SE catalogue in RDF/XML (`catalogue`)

pub mod catalogue;
pub mod domain;
mod gather;
mod routes;
pub mod rows;

/// The page, the downloads and the catalogue.
pub fn router() -> platform::web::Routes {
    routes::router()
}

/// The addresses of open data.
pub mod paths {
    use super::domain::{Dataset, Format};

    /// The page listing the datasets: `/{slug}/data`.
    pub fn page(slug: &str) -> String {
        format!("/{slug}/data")
    }

    /// A dataset in a format: `/{slug}/data/foreningar.csv`.
    pub fn download(slug: &str, d: Dataset, f: Format) -> String {
        format!("/{slug}/data/{}.{}", d.slug(), f.extension())
    }

    /// The DCAT-AP-SE catalogue: `/{slug}/data/katalog`.
    pub fn catalogue(slug: &str) -> String {
        format!("/{slug}/data/katalog")
    }
}
