//! The seed-003 table as an XLSX workbook: any bytes are refused or read, within the limits of
//! `platform::xlsx` (libFuzzer's -rss_limit_mb and -timeout catch a bounding box or a bomb).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = actionplan::parse_file("plan.xlsx", data);
});
