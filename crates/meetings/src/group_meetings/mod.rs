//! A working group's own meetings: a meeting series that belongs to a working group of the
//! action plan, whose invitations can go to the group's members, besides the dialog meetings.

pub mod routes;
pub mod store;

pub use routes::router;
