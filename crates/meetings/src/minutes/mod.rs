//! Minutes (minnesanteckningar) and group discussions: what was said and decided, who does what,
//! the groups' answers to the meeting's questions; public once published.

mod routes;
pub mod store;

pub use routes::router;
