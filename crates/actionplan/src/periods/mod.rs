//! Plan periods: the coordinator starts a new period ("Handlingsplan 2027–2028") from the
//! current plan, the unfinished activities go along with their goals and areas, and every
//! earlier period stays readable (read-only) at its own address.

pub mod domain;
pub mod routes;
pub mod store;
