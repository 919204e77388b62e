//! The chosen parts of a newsletter's audience beside its groups: one dialog meeting's
//! participants (`meeting:12`) or one registry category's contacts (`category:idrott`), stored
//! among the groups in the newsletter's comma-separated `audience`. Plain rules, no I/O.

use std::fmt;

/// One chosen part of an audience.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// The registered participants of the meeting with this id.
    Meeting(i64),
    /// The contacts of the associations of the registry category with this code.
    Category(String),
}

impl Target {
    /// Read one stored token; `None` for anything else (a group, an unknown word, a bad id).
    pub fn parse(token: &str) -> Option<Target> {
        let (kind, value) = token.trim().split_once(':')?;
        let value = value.trim();
        match kind.trim() {
            "meeting" => value.parse().ok().filter(|id: &i64| *id > 0).map(Target::Meeting),
            "category" if is_code(value) => Some(Target::Category(value.to_string())),
            _ => None,
        }
    }
}

/// A category code is a short word of lower-case letters and dashes (no comma or colon can
/// slip into the stored list).
fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Meeting(id) => write!(f, "meeting:{id}"),
            Target::Category(code) => write!(f, "category:{code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        for t in [
            Target::Meeting(12),
            Target::Category("idrott".into()),
            Target::Category("barn-unga".into()),
        ] {
            assert_eq!(Target::parse(&t.to_string()), Some(t));
        }
        assert_eq!(Target::parse(" meeting : 7 "), Some(Target::Meeting(7)));
    }

    #[test]
    fn other_tokens_are_not_targets() {
        for bad in [
            "subscribers",
            "meeting:",
            "meeting:-3",
            "meeting:0",
            "meeting:x",
            "category:",
            "category:Idrott",
            "category:a b",
            "plats:1",
        ] {
            assert_eq!(Target::parse(bad), None, "{bad}");
        }
    }
}
