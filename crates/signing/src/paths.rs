//! Every URL of the signing book, built in one place (the routes are declared in routes.rs with
//! the same segments). Each takes the municipality's slug.

use crate::ids::SignatureId;

/// The public book: `/{slug}/signeringsbok`.
pub fn book(slug: &str) -> String {
    format!("/{slug}/signeringsbok")
}

pub fn csv(slug: &str) -> String {
    format!("/{slug}/signeringsbok.csv")
}

pub fn api(slug: &str) -> String {
    format!("/api/v1/{slug}/signatures")
}

pub fn sign(slug: &str) -> String {
    format!("/{slug}/signeringsbok/signera")
}

pub fn paper(slug: &str) -> String {
    format!("/{slug}/signeringsbok/papper")
}

/// The paper form with a kind of signer chosen (`?kind=…`).
pub fn paper_kind(slug: &str, kind: &str) -> String {
    format!("/{slug}/signeringsbok/papper?kind={kind}")
}

pub fn history(slug: &str) -> String {
    format!("/{slug}/signeringsbok/historik")
}

pub fn withdraw(slug: &str, id: SignatureId) -> String {
    format!("/{slug}/signeringsbok/{id}/aterkalla")
}
