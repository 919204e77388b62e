//! Which of the agreement's principles each area of the plan works on (issue 15). An area names
//! one or more principles by their number in the agreement in force (asked of
//! `agreement::public`); the plan shows them beside the area, and each principle has a page
//! listing the areas that work on it.

pub mod domain;
mod routes;
pub mod store;

pub use routes::router;
