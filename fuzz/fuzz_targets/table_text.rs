//! The seed-003 table as pasted text (tab-separated, spreadsheet quotes): any bytes, decoded as
//! an upload is, must be read without panicking, and every problem's line must be in the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = platform::upload::decode_text(data);
    let parsed = actionplan::table::parse_text(&text);
    let lines = text.matches('\n').count() + 1;
    for p in &parsed.problems {
        assert!(p.line >= 1 && p.line <= lines, "problem on line {} of {lines}", p.line);
    }
});
