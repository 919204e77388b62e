//! The parsers behind the forms: text fields, slugs, the next-page parameter, dates, times and
//! organisationsnummer. Any input is refused or read; what is read keeps its promise.
#![no_main]
use libfuzzer_sys::fuzz_target;
use platform::rules;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(v) = rules::line(s, 200) {
        assert!(v.chars().count() <= 200 && !v.contains(['\n', '\r']), "{v:?}");
    }
    if let Ok(v) = rules::text(s, 2000) {
        assert!(v.chars().count() <= 2000);
    }
    if let Ok(v) = rules::slug(s) {
        assert!(
            v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{v:?}"
        );
    }
    let _ = rules::slugify(s);
    let _ = rules::password(s);
    let _ = rules::sort_key(s);
    let next = rules::safe_next(Some(s));
    assert!(
        next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\"),
        "{next:?}"
    );
    if let Some(m) = premises::domain::minutes(s) {
        assert!((0..=1440).contains(&m), "{m}");
    }
    let _ = premises::domain::parse_date(s);
    let _ = premises::domain::parse_dates(s);
    let _ = registry::domain::OrgNumber::parse(s);
});
