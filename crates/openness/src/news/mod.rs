//! News and good examples (nyheter och goda exempel): the municipality's news, published by its
//! coordinator or staff, and the associations' stories of what they do, which the coordinator
//! approves before they are shown. Seed 003 asks that the municipality helps "synliggöra
//! civilsamhällets olika verksamheter" and shows "goda exempel på mångfald".
//!
//! Each item has a title, a lead, a body in Markdown (rendered to safe HTML, [`markdown`]), an
//! optional image (PNG or JPEG) with a required text alternative, tags (principles of the
//! agreement, a category) and a day of publication.
//!
//! - public: `/{slug}/nyheter` (news and approved stories, the newest first, filters by kind and
//!   tag, pages), `/{slug}/nyheter/{id}`, its image, the Atom feed `/{slug}/nyheter/atom`;
//! - staff and coordinators: `/{slug}/nyheter/hantera` (publish news, approve or decline
//!   stories, change any item);
//! - representatives: `/{slug}/nyheter/mina` ("mina berättelser": write, change and send their
//!   association's stories, and see where each one is).

pub mod domain;
mod edit;
mod feed;
mod image;
mod manage;
pub mod markdown;
mod mine;
pub mod paths;
pub(crate) mod personal;
mod routes;
pub mod store;
mod view;

platform::id!(
    /// A news item or a story (`openness_news`).
    pub NewsId,
);

/// The public pages, the feed, staff's and the representatives' pages.
pub fn router() -> platform::web::Routes {
    routes::router()
        .merge(feed::router())
        .merge(manage::router())
        .merge(mine::router())
        .merge(image::router())
}
