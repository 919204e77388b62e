//! Newsletters (nyhetsbrev; issue 17): the coordinator writes a newsletter in Markdown, picks
//! its audience (public subscribers, the registry's contact persons, the signatories'
//! contacts), previews it, sends a test to their own address and schedules it. The sending job
//! writes one delivery per address and sends them at the configured rate
//! (`newsletter_per_minute`), each message with a one-click unsubscribe (RFC 8058). Anyone may
//! subscribe, with double opt-in. Sent newsletters are public in an archive.
//!
//! - public: `/{slug}/nyhetsbrev` (archive and subscribe form), `/{slug}/nyhetsbrev/{id}`,
//!   `/prenumerera`, the secret links `/bekrafta/{token}` and `/avregistrera/{token}`;
//! - the coordinator: `/{slug}/nyhetsbrev/hantera` and `/hantera/{id}`.

mod choices;
pub(crate) mod demo;
pub mod digest;
pub mod domain;
mod manage;
pub mod paths;
pub(crate) mod personal;
mod routes;
pub mod send;
pub mod store;
pub mod targets;
pub mod weekly;

platform::id!(
    /// A newsletter (`openness_newsletters`).
    pub NewsletterId,
);

/// The public pages and the coordinator's.
pub fn router() -> platform::web::Routes {
    routes::router().merge(manage::router())
}

/// The sending job.
pub fn jobs(w: platform::jobs::Worker) -> platform::jobs::Worker {
    w.handle(send::JOB_KIND, std::sync::Arc::new(send::Sender))
        .handle(weekly::JOB_KIND, std::sync::Arc::new(weekly::Digests))
}
