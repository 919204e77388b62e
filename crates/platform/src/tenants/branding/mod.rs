//! A municipality's own look (issue 16): its colour (the header band, white text on it at 4.5:1
//! or more), a short welcome text on its start page, and its logo (PNG or JPEG) in the header,
//! on the platform's front page and on the operator's page. Set by its coordinators at
//! `/{slug}/admin/profil`.

pub mod domain;
pub mod routes;
pub mod store;
