//! The accessibility statement (tillgänglighetsredogörelse) of each municipality's pages,
//! after DIGG's template for the law on accessibility to digital public services (DOS-lagen):
//! the body and the service, the compliance status, what is not accessible and why, what is
//! claimed as a disproportionate burden and what is outside the law, the dates of assessment
//! and update, the method, a feedback form that works without an account and reaches the
//! municipality's coordinators, and the link to DIGG's report form.
//!
//! The statement's facts are plain data here ([`STATEMENT`]); the texts are Fluent messages
//! (Swedish and English).

pub mod routes;
pub mod store;

use crate::rules::{self, Email, Invalid};

/// DIGG's form for reporting a lack of accessibility (DOS-lagen 18 §).
pub const DIGG_REPORT_URL: &str =
    "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet";

/// How well the service complies (DIGG: helt, delvis or inte förenlig).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compliance {
    Full,
    Partial,
    None,
}

impl Compliance {
    pub fn message_id(self) -> &'static str {
        match self {
            Compliance::Full => "a11y-compliance-full",
            Compliance::Partial => "a11y-compliance-partial",
            Compliance::None => "a11y-compliance-none",
        }
    }
}

/// Content that is not accessible: the WCAG 2.1 criteria it fails, and the message ids of what
/// it is and why.
pub struct Problem {
    pub criteria: &'static str,
    pub what: &'static str,
    pub why: &'static str,
}

/// The statement's facts, the same for every municipality on this version of Överens.
pub struct Statement {
    pub compliance: Compliance,
    /// When the pages were last assessed (ISO date).
    pub assessed: &'static str,
    /// When the statement was last updated (ISO date).
    pub updated: &'static str,
    pub problems: &'static [Problem],
    /// Message ids of content claimed as a disproportionate burden (12 §); empty for none.
    pub burden: &'static [&'static str],
    /// Message ids of content outside the law's scope (9 §).
    pub out_of_scope: &'static [&'static str],
}

pub const STATEMENT: Statement = Statement {
    compliance: Compliance::Partial,
    assessed: "2026-12-08",
    updated: "2026-12-08",
    problems: &[
        Problem {
            criteria: "1.1.1, 1.3.1, 2.4.2",
            what: "a11y-problem-documents",
            why: "a11y-problem-documents-why",
        },
        Problem {
            criteria: "1.1.1",
            what: "a11y-problem-photos",
            why: "a11y-problem-photos-why",
        },
        Problem {
            criteria: "1.3.1, 4.1.2",
            what: "a11y-problem-spreadsheets",
            why: "a11y-problem-spreadsheets-why",
        },
        Problem {
            criteria: "3.1.2",
            what: "a11y-problem-language",
            why: "a11y-problem-language-why",
        },
    ],
    burden: &[],
    out_of_scope: &["a11y-scope-third-party", "a11y-scope-old-files"],
};

pub const MESSAGE_MAX: usize = 4000;
pub const PAGE_MAX: usize = 300;

/// Feedback as sent, checked.
#[derive(Debug, PartialEq, Eq)]
pub struct Feedback {
    pub page: String,
    pub message: String,
    /// An address for an answer, when the sender wants one.
    pub reply_to: Option<Email>,
}

/// The form's fields, checked: the message is required; the page and the reply address are not.
/// Returns the field and why on the first problem.
pub fn feedback(page: &str, message: &str, reply_to: &str) -> Result<Feedback, (&'static str, Invalid)> {
    let message = rules::text(message, MESSAGE_MAX).map_err(|e| ("message", e))?;
    if message.is_empty() {
        return Err(("message", Invalid::Required));
    }
    let page = match rules::line(page, PAGE_MAX) {
        Ok(p) => p,
        Err(Invalid::Required) => String::new(),
        Err(e) => return Err(("page", e)),
    };
    let reply_to = if reply_to.trim().is_empty() {
        None
    } else {
        Some(Email::parse(reply_to).map_err(|e| ("reply_to", e))?)
    };
    Ok(Feedback {
        page,
        message,
        reply_to,
    })
}

/// A filled honeypot (a field people never see) marks the sender as a robot.
pub fn is_robot(honeypot: Option<&str>) -> bool {
    honeypot.is_some_and(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_needs_a_message_and_a_valid_reply_address_if_any() {
        let ok = feedback(" /sala/lokaler ", "Veckovyn går inte att läsa med skärmläsare.", "").unwrap();
        assert_eq!(ok.page, "/sala/lokaler");
        assert_eq!(ok.reply_to, None);
        assert_eq!(feedback("", "  ", ""), Err(("message", Invalid::Required)));
        assert_eq!(feedback("", "Hej", "inte en adress"), Err(("reply_to", Invalid::Email)));
        let with = feedback("", "Hej", "Isa@Exempel.se").unwrap();
        assert_eq!(with.reply_to.unwrap().as_str(), "isa@exempel.se");
        let long = "x".repeat(MESSAGE_MAX + 1);
        assert_eq!(feedback("", &long, ""), Err(("message", Invalid::TooLong(MESSAGE_MAX))));
        assert_eq!(feedback("a\u{7}b", "Hej", ""), Err(("page", Invalid::ControlChars)));
    }

    #[test]
    fn a_filled_honeypot_is_a_robot() {
        assert!(!is_robot(None));
        assert!(!is_robot(Some("")));
        assert!(is_robot(Some("https://spam.example")));
    }

    #[test]
    fn the_statement_has_what_digg_asks_for() {
        assert_eq!(STATEMENT.compliance, Compliance::Partial);
        assert!(!STATEMENT.problems.is_empty());
        assert!(!STATEMENT.out_of_scope.is_empty());
        assert!(STATEMENT.assessed <= STATEMENT.updated);
        assert!(DIGG_REPORT_URL.starts_with("https://www.digg.se/"));
    }
}
