//! The decisions feed (beslut): decisions of the council (kommunfullmäktige), the executive
//! board (kommunstyrelsen) and the committees (nämnder) that concern civil society, as staff
//! record them: body, meeting date, paragraph, title, summary, link to the protocol,
//! attachments, tags (principles of the agreement, a category) and the associations concerned.
//! Seed 003 asks for it ("RSS-Feed för kommunstyrelsens och kommunfullmäktiges beslut").
//!
//! Public: the list with filters and pages, a page per decision, RSS 2.0 and Atom feeds for the
//! municipality, per body and per tag. Staff: `/{slug}/beslut/hantera` and below.

pub mod domain;
mod feed_routes;
pub mod feeds;
mod grants;
mod manage;
mod routes;
pub mod store;
mod uploads;
mod view;

/// The content type of the RSS feeds.
pub const RSS_TYPE: &str = "application/rss+xml";
/// The content type of the Atom feeds.
pub const ATOM_TYPE: &str = "application/atom+xml";

/// The public pages, the feeds and staff's pages.
pub fn router() -> platform::web::Routes {
    routes::router()
        .merge(feed_routes::router())
        .merge(manage::router())
        .merge(grants::router())
        .merge(uploads::router())
}
