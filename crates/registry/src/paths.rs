//! Every URL of the registry, built in one place.

use crate::ids::{ContactId, ImportDraftId, JoinRequestId, PremisesId};
use platform::tenants::Municipality;
use platform::OrganisationId;

/// The directory: `/{slug}/foreningar`.
pub fn directory(m: &Municipality) -> String {
    format!("/{}/foreningar", m.slug)
}

/// The directory with a query string (without its `?`), or the bare directory.
pub fn directory_query(m: &Municipality, query: &str) -> String {
    format!("{}?{query}", directory(m))
}

/// An organisation's profile in the municipality with this slug.
pub fn organisation_at(slug: &str, id: OrganisationId) -> String {
    format!("/{slug}/foreningar/{id}")
}

pub fn organisation(m: &Municipality, id: OrganisationId) -> String {
    organisation_at(&m.slug, id)
}

/// The profile with the notice of what was just done (`?klart=…`).
pub fn organisation_done(m: &Municipality, id: OrganisationId, done: &str) -> String {
    format!("{}?klart={done}", organisation(m, id))
}

pub fn edit(m: &Municipality, id: OrganisationId) -> String {
    format!("{}/redigera", organisation(m, id))
}

/// The statutes on file: their download (GET) and upload (POST, multipart).
pub fn statutes(m: &Municipality, id: OrganisationId) -> String {
    format!("{}/stadgar", organisation(m, id))
}

pub fn confirm(m: &Municipality, id: OrganisationId) -> String {
    format!("{}/bekrafta", organisation(m, id))
}

pub fn contacts(m: &Municipality, id: OrganisationId) -> String {
    format!("{}/kontakter", organisation(m, id))
}

pub fn remove_contact(m: &Municipality, id: OrganisationId, contact: ContactId) -> String {
    format!("{}/kontakter/{contact}/ta-bort", organisation(m, id))
}

pub fn premises(m: &Municipality, id: OrganisationId) -> String {
    format!("{}/lokaler", organisation(m, id))
}

pub fn remove_premises(m: &Municipality, id: OrganisationId, premises: PremisesId) -> String {
    format!("{}/lokaler/{premises}/ta-bort", organisation(m, id))
}

pub fn join(m: &Municipality, id: OrganisationId) -> String {
    format!("{}/ansluta", organisation(m, id))
}

pub fn new_organisation(m: &Municipality) -> String {
    format!("{}/ny", directory(m))
}

pub fn requests(m: &Municipality) -> String {
    format!("{}/ansokningar", directory(m))
}

pub fn requests_done(m: &Municipality, done: &str) -> String {
    format!("{}?klart={done}", requests(m))
}

pub fn request(m: &Municipality, id: JoinRequestId) -> String {
    format!("{}/{id}", requests(m))
}

pub fn stale(m: &Municipality) -> String {
    format!("{}/inaktuella", directory(m))
}

pub fn reminders(m: &Municipality) -> String {
    format!("{}/paminnelser", directory(m))
}

pub fn export_csv(m: &Municipality) -> String {
    format!("{}/export.csv", directory(m))
}

pub fn export_xlsx(m: &Municipality) -> String {
    format!("{}/export.xlsx", directory(m))
}

pub fn import(m: &Municipality) -> String {
    format!("{}/import", directory(m))
}

pub fn import_file(m: &Municipality) -> String {
    format!("{}/fil", import(m))
}

pub fn import_draft(m: &Municipality, draft: ImportDraftId) -> String {
    format!("{}/{draft}", import(m))
}

/// The directory as JSON, with a query string (without its `?`) if any.
pub fn api_list(m: &Municipality, query: &str) -> String {
    if query.is_empty() {
        format!("/api/v1/{}/organisations", m.slug)
    } else {
        format!("/api/v1/{}/organisations?{query}", m.slug)
    }
}
