//! What a document may be: a PDF, an office document (Word, Excel, PowerPoint, OpenDocument) or
//! an image, told by its content and not its name (the platform's upload rules, as grants'
//! attachments), at most 10 MB; and where it belongs.

use crate::ids::MeetingId;

/// The largest document, 10 MB.
pub const DOCUMENT_MAX: usize = 10 * 1024 * 1024;

/// The largest upload form read to its end: a file a little over the limit still gets its
/// answer.
pub const DOCUMENT_BODY_MAX: usize = DOCUMENT_MAX + 2 * 1024 * 1024;

/// What a document is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parent {
    /// The meeting (the invitation links to these): the draft under discussion, an agenda.
    Meeting(MeetingId),
    /// The meeting's minutes: a report presented, a compilation.
    Minutes(MeetingId),
    /// A working group of the action plan.
    Group(i64),
}

impl Parent {
    pub fn part(self) -> &'static str {
        match self {
            Parent::Meeting(_) => "meeting",
            Parent::Minutes(_) => "minutes",
            Parent::Group(_) => "group",
        }
    }
}

/// Why a document was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing,
    TooLarge,
    /// Not a PDF, an office document or an image.
    Type,
}

impl Problem {
    pub fn message_id(self) -> &'static str {
        match self {
            Problem::Missing => "meetings-document-missing",
            Problem::TooLarge => "meetings-document-too-large",
            Problem::Type => "meetings-document-type",
        }
    }
}

/// Checks a document by its size and content (the platform's rule: a PDF, an office document or
/// an image); returns its MIME type.
pub fn check(bytes: &[u8]) -> Result<&'static str, Problem> {
    platform::upload::check_document(bytes, DOCUMENT_MAX, true).map_err(|p| match p {
        platform::upload::DocumentProblem::Missing => Problem::Missing,
        platform::upload::DocumentProblem::TooLarge => Problem::TooLarge,
        platform::upload::DocumentProblem::Type => Problem::Type,
    })
}

/// A file name fit for a download header (`dokument` when nothing of the name is left).
pub fn file_name(sent: &str) -> String {
    platform::upload::download_name(sent, "dokument")
}

/// The title shown for a document: the one given, else the file's name without its extension.
pub fn title(given: &str, file_name: &str) -> String {
    let given = given.trim();
    if !given.is_empty() {
        return given.to_string();
    }
    match file_name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => file_name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_pdfs_office_files_or_images_by_content() {
        assert_eq!(check(b"%PDF-1.4\n%%EOF\n"), Ok("application/pdf"));
        assert_eq!(check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Ok("image/png"));
        assert_eq!(check(b"<html><script>alert(1)</script>"), Err(Problem::Type));
        assert_eq!(check(b"MZ\x90\0\x03\0\0\0"), Err(Problem::Type));
        assert_eq!(check(b""), Err(Problem::Missing));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(DOCUMENT_MAX + 1, b' ');
        assert_eq!(check(&big), Err(Problem::TooLarge));
    }

    #[test]
    fn names_and_titles() {
        assert_eq!(
            file_name("C:\\Mina dokument\\Kartläggning \"2017\".pdf"),
            "Kartläggning _2017_.pdf"
        );
        assert_eq!(file_name("../../.env"), "env");
        assert_eq!(file_name(""), "dokument");
        assert_eq!(
            title("", "Förslag till handlingsplan.pdf"),
            "Förslag till handlingsplan"
        );
        assert_eq!(title(" Rapport ", "x.pdf"), "Rapport");
    }
}
