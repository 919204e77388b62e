//! The coordinator's export (CSV and XLSX) and import (CSV pasted or uploaded, checked row by
//! row, previewed as a draft, then imported all or nothing).

pub mod domain;
pub(crate) mod routes;
pub mod store;
