//! The directory's search box: whatever is typed, the FTS5 and tsquery texts built from it hold
//! only the municipality's scope and letters and digits inside their quotes, so user input never
//! reaches the full-text syntax.
#![no_main]
use libfuzzer_sys::fuzz_target;
use registry::domain::{SearchQuery, QUERY_TERMS_MAX};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let Some(q) = SearchQuery::parse(input) else { return };
    assert!(!q.terms.is_empty() && q.terms.len() <= QUERY_TERMS_MAX);
    for t in &q.terms {
        // Lower-casing a letter may add a combining mark (İ → i̇); never a quote or a backslash.
        assert!(!t.contains(['"', '\'', '\\', '*', ':']), "term {t:?}");
    }
    let m = platform::MunicipalityId::new(7);
    let fts = q.fts5(m, "{name body}", &[]);
    assert_eq!(fts.matches('"').count(), 2 * q.terms.len(), "{fts}");
    let ts = q.tsquery(m, "AB", &[]);
    assert_eq!(ts.matches('\'').count(), 2 * q.terms.len(), "{ts}");
    let _ = q.display();
});
