//! The plan in and out as the seed-003 table: import (paste or file, a preview, a draft the
//! coordinator confirms) and export (CSV, XLSX, a printable page, JSON). The readers and
//! writers of the table itself are in `crate::table`; the import's writes in `crate::store`.

pub mod domain;
pub mod routes;
