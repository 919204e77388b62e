//! Every URL of newsletters, built in one place (the routers name the same paths).

use super::NewsletterId;

/// The public archive of sent newsletters, with the subscribe form.
pub fn archive(slug: &str) -> String {
    format!("/{slug}/nyhetsbrev")
}

/// One sent newsletter's public page.
pub fn one(slug: &str, id: NewsletterId) -> String {
    format!("/{slug}/nyhetsbrev/{id}")
}

/// Where the subscribe form posts.
pub fn subscribe(slug: &str) -> String {
    format!("/{slug}/nyhetsbrev/prenumerera")
}

/// The secret link of the confirmation mail.
pub fn confirm(slug: &str, token: &str) -> String {
    format!("/{slug}/nyhetsbrev/bekrafta/{token}")
}

/// The secret unsubscribe link of every newsletter mail (`List-Unsubscribe`).
pub fn unsubscribe(slug: &str, token: &str) -> String {
    format!("/{slug}/nyhetsbrev/avregistrera/{token}")
}

/// The coordinator's list, with the form for a new newsletter.
pub fn manage(slug: &str) -> String {
    format!("/{slug}/nyhetsbrev/hantera")
}

/// The coordinator's page of one newsletter: edit, preview, test, schedule.
pub fn manage_one(slug: &str, id: NewsletterId) -> String {
    format!("/{slug}/nyhetsbrev/hantera/{id}")
}
