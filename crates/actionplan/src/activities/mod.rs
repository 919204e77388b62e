//! Goals, activities and their progress: a goal's page, an activity's history with recording
//! progress, the coordinator's edit of dates and links, and the lists of mine and overdue.

pub mod domain;
pub mod routes;
pub mod store;
