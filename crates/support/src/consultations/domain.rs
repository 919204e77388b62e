//! The rules of a consultation: what the coordinator must give when opening one.

use chrono::NaiveDate;

/// The longest title.
pub const TITLE_MAX: usize = 200;
/// The longest question(s) text.
pub const QUESTION_MAX: usize = 8000;
/// The longest list of document links.
pub const DOCUMENTS_MAX: usize = 4000;

/// A consultation as the coordinator opens it, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub title: String,
    pub question: String,
    /// Links, one a line (each `http://` or `https://`).
    pub documents: String,
    /// The last day to answer.
    pub deadline: NaiveDate,
}

/// Check the form: a title, the question(s), links only among the documents, and a last day
/// from `today` on. The errors by field, each a message id.
pub fn check(
    title: &str,
    question: &str,
    documents: &str,
    deadline: &str,
    today: NaiveDate,
) -> Result<Opened, Vec<(&'static str, &'static str)>> {
    let mut errors = vec![];
    let title = platform::rules::line(title, TITLE_MAX)
        .map_err(|_| errors.push(("title", "support-consultations-title-required")));
    let question = question.trim();
    if question.is_empty() {
        errors.push(("question", "support-consultations-question-required"));
    } else if question.chars().count() > QUESTION_MAX {
        errors.push(("question", "support-consultations-too-long"));
    }
    let lines: Vec<&str> = documents.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if documents.chars().count() > DOCUMENTS_MAX {
        errors.push(("documents", "support-consultations-too-long"));
    } else if lines
        .iter()
        .any(|l| !(l.starts_with("https://") || l.starts_with("http://")) || l.contains(char::is_whitespace))
    {
        errors.push(("documents", "support-consultations-documents-links"));
    }
    let deadline = match NaiveDate::parse_from_str(deadline.trim(), "%Y-%m-%d") {
        Ok(d) if d >= today => Some(d),
        Ok(_) => {
            errors.push(("deadline", "support-consultations-deadline-past"));
            None
        }
        Err(_) => {
            errors.push(("deadline", "support-consultations-deadline-required"));
            None
        }
    };
    match (title, deadline) {
        (Ok(title), Some(deadline)) if errors.is_empty() => Ok(Opened {
            title,
            question: question.to_string(),
            documents: lines.join("\n"),
            deadline,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consultation_needs_a_title_a_question_links_and_a_day_not_past() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let ok = check(
            "Lokalbidrag",
            "Vad tycker ni?",
            " https://a.se/x.pdf \n\n",
            "2026-12-08",
            today,
        )
        .unwrap();
        assert_eq!(ok.documents, "https://a.se/x.pdf");
        let fields = |r: Result<Opened, Vec<(&'static str, &'static str)>>| {
            r.unwrap_err().into_iter().map(|(f, _)| f).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(check("", " ", "inte en länk", "2026-12-07", today)),
            ["title", "question", "documents", "deadline"]
        );
        assert_eq!(fields(check("T", "Q", "", "", today)), ["deadline"]);
    }
}
