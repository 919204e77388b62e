//! The registry's organisation import (CSV, as spreadsheets save it): any text is checked
//! without panicking, never more rows than the limit, and a row that passed has a valid
//! organisationsnummer and a name.
#![no_main]
use libfuzzer_sys::fuzz_target;
use registry::domain::OrgNumber;
use registry::exchange::domain::{check_import, Column, Vocabulary, IMPORT_ROWS_MAX};
use std::collections::HashSet;

fuzz_target!(|data: &[u8]| {
    let text = platform::upload::decode_text(data);
    let mut vocab = Vocabulary::with_codes();
    for c in Column::ALL {
        vocab.columns.insert(c.message_id().to_lowercase(), c);
    }
    let _ = registry::exchange::domain::parse_csv(&text);
    let check = check_import(&text, &vocab, &HashSet::new());
    assert!(check.rows.len() <= IMPORT_ROWS_MAX);
    for row in &check.rows {
        assert!(
            OrgNumber::parse(row.org_number.as_str()).is_ok(),
            "{:?}",
            row.org_number
        );
        assert!(!row.name.trim().is_empty());
    }
});
