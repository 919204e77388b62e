//! What the grants capability's eligibility checks need about an association: the account
//! grants are paid to (bankgiro or plusgiro), the size of the board, the date of the last
//! annual meeting and the statutes on file. Edited with the profile (`profile`), read by grants
//! through `public::grant_facts`.

pub(crate) mod demo;
pub mod domain;
pub mod store;
pub(crate) mod view;
