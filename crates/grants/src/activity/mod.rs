//! Activity support from attendance: the rule engine (`domain`), reading attendance files
//! exported by club systems (`import`, CSV and XLSX) and the web attendance card (`card`),
//! keeping attendance per association and computing a period's support (`store`), and the
//! attendance and result pages (`routes`).

pub mod card;
pub mod domain;
pub mod import;
pub(crate) mod routes;
pub mod store;
