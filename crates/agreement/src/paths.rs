//! Every URL of the agreement, built in one place (the routers name the same paths).

use crate::ids::{CommitmentId, ConsultationId, DocumentId, ItemId, PrincipleId, SpecificId, TimelineEntryId};
use platform::tenants::Municipality;

/// The agreement in force: `/{slug}/overenskommelse`; the public pages start here.
pub fn base(m: &Municipality) -> String {
    format!("/{}/overenskommelse", m.slug)
}

/// An adopted version at its own address.
pub fn version(m: &Municipality, number: i64) -> String {
    format!("{}/version/{number}", base(m))
}

/// The public timeline.
pub fn timeline(m: &Municipality) -> String {
    format!("{}/tidslinje", base(m))
}

/// The public consultation page (the open one, or the latest compilation).
pub fn consultation(m: &Municipality) -> String {
    format!("{}/remiss", base(m))
}

/// One published compilation.
pub fn compilation(m: &Municipality, id: ConsultationId) -> String {
    format!("{}/remiss/{id}", base(m))
}

/// Where a comment on one commitment of the open consultation is posted.
pub fn comment(m: &Municipality, item: ItemId) -> String {
    format!("{}/remiss/synpunkt/{item}", base(m))
}

/// The coordinator's pages start here.
pub fn manage(m: &Municipality) -> String {
    format!("{}/hantera", base(m))
}

pub fn new_draft(m: &Municipality) -> String {
    format!("{}/nytt-utkast", manage(m))
}

pub fn draft(m: &Municipality) -> String {
    format!("{}/utkast", manage(m))
}

pub fn intro(m: &Municipality) -> String {
    format!("{}/utkast/inledning", manage(m))
}

pub fn principles(m: &Municipality) -> String {
    format!("{}/utkast/principer", manage(m))
}

pub fn principle(m: &Municipality, id: PrincipleId) -> String {
    format!("{}/princip/{id}", manage(m))
}

pub fn remove_principle(m: &Municipality, id: PrincipleId) -> String {
    format!("{}/ta-bort", principle(m, id))
}

pub fn commitments(m: &Municipality, principle_id: PrincipleId) -> String {
    format!("{}/ataganden", principle(m, principle_id))
}

pub fn commitment(m: &Municipality, id: CommitmentId) -> String {
    format!("{}/atagande/{id}", manage(m))
}

pub fn adopt(m: &Municipality) -> String {
    format!("{}/anta", manage(m))
}

pub fn timeline_manage(m: &Municipality) -> String {
    format!("{}/tidslinje", manage(m))
}

pub fn timeline_entry(m: &Municipality, id: TimelineEntryId) -> String {
    format!("{}/tidslinje/{id}", manage(m))
}

pub fn consultations_manage(m: &Municipality) -> String {
    format!("{}/remiss", manage(m))
}

pub fn consultation_manage(m: &Municipality, id: ConsultationId) -> String {
    format!("{}/remiss/{id}", manage(m))
}

/// The public register of specific agreements and IOPs.
pub fn specifics(m: &Municipality) -> String {
    format!("{}/sarskilda", base(m))
}

/// One specific agreement's public page.
pub fn specific(m: &Municipality, id: SpecificId) -> String {
    format!("{}/{id}", specifics(m))
}

/// A document of a specific agreement, to download.
pub fn specific_document(m: &Municipality, id: SpecificId, doc: DocumentId) -> String {
    format!("{}/dokument/{doc}", specific(m, id))
}

/// The coordinator's register: the list and the form for a new one.
pub fn specifics_manage(m: &Municipality) -> String {
    format!("{}/sarskilda", manage(m))
}

/// The coordinator's page of one specific agreement (edit, documents, end, remove).
pub fn specific_manage(m: &Municipality, id: SpecificId) -> String {
    format!("{}/{id}", specifics_manage(m))
}

/// The JSON view of one adopted version.
pub fn api_version(m: &Municipality, number: i64) -> String {
    format!("/api/v1/{}/agreement/versions/{number}", m.slug)
}

/// The sign-in page, coming back to `next` afterwards.
pub fn login(next: &str) -> String {
    let encoded: String = next
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("/konto/logga-in?next={encoded}")
}
