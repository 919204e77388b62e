//! An association's attendance file, CSV or XLSX (chosen by the first byte, as an upload named
//! .csv or .xlsx would be): refused or read, never a panic; what is read holds what the rules
//! promise (a meeting has a length, people have names).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = if data.first() == Some(&b'P') {
        "narvaro.xlsx"
    } else {
        "narvaro.csv"
    };
    if let Ok(meetings) = grants::activity::import::read_file(name, data, 50) {
        for m in &meetings {
            assert!(m.minutes > 0, "a meeting without a length");
            for p in m.participants.iter().chain(&m.leaders) {
                assert!(!p.name.trim().is_empty(), "a person without a name");
            }
        }
    }
});
