//! Activity support from attendance: the rule engine (`domain`), reading attendance files
//! exported by club systems (`import`, CSV and XLSX) and the web attendance card (`card`),
//! keeping attendance per association and computing a period's support (`store`), and the
//! attendance and result pages (`routes`); a period's support for all associations, for the
//! municipality's staff (`period`).

pub mod card;
pub mod domain;
pub mod import;
pub mod period;
pub(crate) mod routes;
pub mod store;
