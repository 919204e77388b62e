//! Activity support from attendance: the rule engine (`domain`) and reading attendance files
//! exported by club systems (`import`). Storing attendance cards and a period's computation
//! come with the applications.

pub mod domain;
pub mod import;
