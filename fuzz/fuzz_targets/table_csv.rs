//! The seed-003 table as CSV: any bytes are read without panicking, and the plan read can be
//! written out again (the export's writer on whatever the reader made).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = platform::upload::decode_text(data);
    let parsed = actionplan::table::parse_csv(&text);
    let _ = actionplan::table::to_csv(&parsed.plan, "Sala");
});
