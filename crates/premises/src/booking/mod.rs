//! Booking a room (lokalbokning): single and weekly bookings with exception dates, the booking's
//! page and the booker's list, cancellation, the owner's answers to requests, and the letters
//! each of them sends. The database refuses a double booking (see [`store`]); a private person
//! holds a bounded number of bookings ([`domain`]).

pub mod domain;
pub mod mail;
mod routes;
pub mod store;

pub use routes::router;
