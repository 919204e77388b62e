//! Plain rules of the platform, without I/O: what counts as a valid e-mail address, password,
//! name or municipality slug, where a login may send you next, how Swedish sorts, and how long
//! a failed job waits before its next try.

use std::cmp::Ordering;

/// Why a value was refused; each maps to a message id in the Fluent files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    Required,
    TooLong(usize),
    TooShort(usize),
    Email,
    ControlChars,
    Slug,
}

impl Invalid {
    pub fn message_id(self) -> &'static str {
        match self {
            Invalid::Required => "err-required",
            Invalid::TooLong(_) => "err-too-long",
            Invalid::TooShort(_) => "err-too-short",
            Invalid::Email => "err-email",
            Invalid::ControlChars => "err-control-chars",
            Invalid::Slug => "err-slug",
        }
    }

    /// The number a message shows (a length limit), if any.
    pub fn limit(self) -> Option<usize> {
        match self {
            Invalid::TooLong(n) | Invalid::TooShort(n) => Some(n),
            _ => None,
        }
    }
}

/// A name in the Swedish genitive: "Salas", but "Borås" (a name ending in s, x or z takes no
/// further s).
pub fn genitive(name: &str) -> String {
    match name.chars().last() {
        Some('s' | 'x' | 'z' | 'S' | 'X' | 'Z') => name.to_string(),
        _ => format!("{name}s"),
    }
}

/// A lower-cased, syntactically valid e-mail address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(input: &str) -> Result<Email, Invalid> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.chars().count() > Self::MAX {
            return Err(Invalid::TooLong(Self::MAX));
        }
        let lower = s.to_lowercase();
        let Some((local, domain)) = lower.rsplit_once('@') else {
            return Err(Invalid::Email);
        };
        let ok = !local.is_empty()
            && local.len() <= 64
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !lower
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>(),;:\"[]\\".contains(c))
            && !local.contains('@')
            && lower.parse::<lettre::Address>().is_ok();
        if ok {
            Ok(Email(lower))
        } else {
            Err(Invalid::Email)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Free text on one line (names, titles): trimmed, required, bounded, no control characters.
pub fn line(input: &str, max: usize) -> Result<String, Invalid> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Invalid::Required);
    }
    if s.chars().count() > max {
        return Err(Invalid::TooLong(max));
    }
    if s.chars().any(char::is_control) {
        return Err(Invalid::ControlChars);
    }
    Ok(s.to_string())
}

/// Free text over several lines: trimmed, bounded; newlines and tabs allowed, other control
/// characters not. Empty is allowed (the caller decides whether it is required).
pub fn text(input: &str, max: usize) -> Result<String, Invalid> {
    let s = input.trim().replace("\r\n", "\n");
    if s.chars().count() > max {
        return Err(Invalid::TooLong(max));
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Invalid::ControlChars);
    }
    Ok(s)
}

/// Free text over several lines that must be given: as [`text`], and not empty.
pub fn required_text(input: &str, max: usize) -> Result<String, Invalid> {
    match text(input, max)? {
        s if s.is_empty() => Err(Invalid::Required),
        s => Ok(s),
    }
}

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 200;

/// A password long enough to resist guessing; its content is otherwise the person's own.
pub fn password(input: &str) -> Result<&str, Invalid> {
    let n = input.chars().count();
    if n == 0 {
        Err(Invalid::Required)
    } else if n < PASSWORD_MIN {
        Err(Invalid::TooShort(PASSWORD_MIN))
    } else if n > PASSWORD_MAX {
        Err(Invalid::TooLong(PASSWORD_MAX))
    } else {
        Ok(input)
    }
}

/// Paths on the instance that are not municipalities.
pub const RESERVED_SLUGS: &[&str] = &[
    "api",
    "static",
    "konto",
    "drift",
    "healthz",
    "sprak",
    "tillganglighet",
    "personuppgifter",
    "admin",
    "favicon.ico",
    "robots.txt",
];

/// A municipality's address part: lower-case a–z, digits and dashes, 2–40 characters
/// (Örebro → `orebro`), not one of the instance's own paths.
pub fn slug(input: &str) -> Result<String, Invalid> {
    let s = input.trim();
    let ok = (2..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !RESERVED_SLUGS.contains(&s);
    if ok {
        Ok(s.to_string())
    } else {
        Err(Invalid::Slug)
    }
}

/// Suggest a slug from a Swedish name: "Örebro" → "orebro", "Upplands Väsby" → "upplands-vasby".
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Where to go after logging in: only a path on this site, never another host.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.starts_with("/\\")
                && !p.chars().any(|c| c.is_control())
                && p.len() <= 500 =>
        {
            p.to_string()
        }
        _ => "/konto".to_string(),
    }
}

/// The Swedish alphabet's order for one character: a–z, then å, ä, ö. Accented letters sort
/// with their base letter (é as e), ü with y, æ with ä and ø with ö, as Swedish dictionaries do.
fn swedish_key(c: char) -> (u32, u32) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = match lower {
        'á' | 'à' | 'â' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' => 'o',
        'ú' | 'ù' | 'û' => 'u',
        'ü' => 'y',
        'æ' => 'ä',
        'ø' => 'ö',
        'ç' => 'c',
        other => other,
    };
    let primary = match base {
        'å' => 'z' as u32 + 1,
        'ä' => 'z' as u32 + 2,
        'ö' => 'z' as u32 + 3,
        c => c as u32,
    };
    // Ties are broken by the exact character, then case (lower case first).
    (primary, lower as u32 * 2 + u32::from(c != lower))
}

/// Compare two strings in Swedish order (å, ä, ö last; case-insensitive first).
pub fn swedish_cmp(a: &str, b: &str) -> Ordering {
    let primary = |s: &str| s.chars().map(|c| swedish_key(c).0).collect::<Vec<_>>();
    primary(a).cmp(&primary(b)).then_with(|| {
        let secondary = |s: &str| s.chars().map(|c| swedish_key(c).1).collect::<Vec<_>>();
        secondary(a).cmp(&secondary(b))
    })
}

/// Swedish alphabetical order as a plain ASCII key that both databases sort bytewise:
/// a–z, then å, ä, ö; accents sort with their base letter. Digits and spaces are kept.
pub fn sort_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let k = match c {
            'a'..='z' | '0'..='9' => c,
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'á' | 'à' | 'â' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' => 'o',
            'ú' | 'ù' | 'û' => 'u',
            'ü' => 'y',
            'ç' => 'c',
            c if c.is_whitespace() => ' ',
            _ => continue,
        };
        if k == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(k);
    }
    out.trim_end().to_string()
}

/// Seconds to wait before a failed job's next try: 30 s doubling per attempt, at most 6 hours.
pub fn backoff_seconds(attempts: i64) -> i64 {
    let exp = attempts.clamp(1, 20) - 1;
    (30i64 << exp).min(6 * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse("  Jane.Allansson@Sala.se ").unwrap().as_str(),
            "jane.allansson@sala.se"
        );
        for bad in [
            "",
            "jane",
            "jane@",
            "@sala.se",
            "jane@sala",
            "ja ne@sala.se",
            "jane@@sala.se",
            "jane@sala..se",
            "<x>@sala.se",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Email::parse(&format!("{}@sala.se", "a".repeat(300))),
            Err(Invalid::TooLong(254))
        );
    }

    #[test]
    fn lines_and_texts() {
        assert_eq!(line("  Sala  ", 10).unwrap(), "Sala");
        assert_eq!(line("   ", 10), Err(Invalid::Required));
        assert_eq!(line("abcdefghijk", 10), Err(Invalid::TooLong(10)));
        assert_eq!(line("a\u{0}b", 10), Err(Invalid::ControlChars));
        assert_eq!(text("rad 1\r\nrad 2", 100).unwrap(), "rad 1\nrad 2");
        assert_eq!(line("åäö", 3).unwrap(), "åäö", "limits count characters, not bytes");
    }

    #[test]
    fn passwords() {
        assert_eq!(password("kort"), Err(Invalid::TooShort(10)));
        assert!(password("tillräckligt lång").is_ok());
        assert_eq!(password(&"x".repeat(201)), Err(Invalid::TooLong(200)));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("sala").unwrap(), "sala");
        for bad in ["Sala", "s", "örebro", "-sala", "konto", "api", "sa la"] {
            assert!(slug(bad).is_err(), "{bad}");
        }
        assert_eq!(slugify("Örebro"), "orebro");
        assert_eq!(slugify("Upplands Väsby"), "upplands-vasby");
        assert_eq!(slugify("Luleå"), "lulea");
    }

    #[test]
    fn next_paths_stay_on_the_site() {
        assert_eq!(safe_next(Some("/sala/")), "/sala/");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
        ] {
            assert_eq!(safe_next(Some(bad)), "/konto", "{bad}");
        }
        assert_eq!(safe_next(None), "/konto");
    }

    #[test]
    fn swedish_order_puts_a_ring_a_umlaut_o_umlaut_last() {
        let mut v = vec![
            "Örebro",
            "Ängelholm",
            "Åre",
            "Sala",
            "Luleå",
            "Alingsås",
            "Zinkgruvan",
            "östra",
            "Ekerö",
            "Émile",
        ];
        v.sort_by(|a, b| swedish_cmp(a, b));
        assert_eq!(
            v,
            [
                "Alingsås",
                "Ekerö",
                "Émile",
                "Luleå",
                "Sala",
                "Zinkgruvan",
                "Åre",
                "Ängelholm",
                "Örebro",
                "östra"
            ]
        );
        assert_eq!(
            swedish_cmp("Müller", "Myller"),
            Ordering::Greater,
            "ü sorts as y, after it on ties"
        );
        assert_eq!(swedish_cmp("Mü", "Mz"), Ordering::Less);
    }

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(backoff_seconds(1), 30);
        assert_eq!(backoff_seconds(2), 60);
        assert_eq!(backoff_seconds(5), 480);
        assert_eq!(backoff_seconds(50), 6 * 3600);
    }
}
