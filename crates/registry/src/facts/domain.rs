//! The rules of an association's grant facts, without I/O: the payout account (a bankgiro or
//! plusgiro number, checked by [`Giro::parse`]), the size of the board, the date of the last
//! annual meeting (not in the future), and the statutes file (PDF or an office document, told
//! by its content, at most 10 MB).

use crate::domain::{opt_count, FieldError, Giro, GiroError, GiroKind};
use chrono::NaiveDate;

/// The most board members the form takes.
pub const BOARD_MAX: i64 = 99;

/// The largest statutes file, 10 MB.
pub const STATUTES_MAX: usize = 10 * 1024 * 1024;

/// The largest upload form read to its end: a statutes file a little over the limit is still
/// read and refused with a message on the page, rather than a broken connection.
pub const STATUTES_BODY_MAX: usize = STATUTES_MAX + 2 * 1024 * 1024;

/// The grant facts as edited, every field checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FactsEdit {
    pub giro: Option<Giro>,
    pub board_members: Option<u32>,
    pub annual_meeting_on: Option<NaiveDate>,
}

impl From<GiroError> for FieldError {
    fn from(e: GiroError) -> Self {
        FieldError::id(e.message_id())
    }
}

/// Which field of the account a problem belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiroField {
    Kind,
    Number,
}

/// The payout account from the form's kind (`""` for none, `bankgiro`, `plusgiro`) and number:
/// no kind and no number is no account; a number needs a kind, and a kind a valid number.
pub fn giro(kind: &str, number: &str) -> Result<Option<Giro>, (GiroField, FieldError)> {
    let kind = kind.trim();
    if kind.is_empty() {
        return if number.trim().is_empty() {
            Ok(None)
        } else {
            Err((GiroField::Kind, FieldError::id("registry-err-giro-kind")))
        };
    }
    let kind: GiroKind = kind
        .parse()
        .map_err(|_| (GiroField::Kind, FieldError::id("err-choose")))?;
    Giro::parse(kind, number)
        .map(Some)
        .map_err(|e| (GiroField::Number, e.into()))
}

/// The number of board members, 0 to [`BOARD_MAX`], or none.
pub fn board_members(input: &str) -> Result<Option<u32>, FieldError> {
    Ok(opt_count(input, BOARD_MAX)?.and_then(|n| u32::try_from(n).ok()))
}

/// The date of the last annual meeting (`YYYY-MM-DD`, as a date field sends it), not after
/// `today`, or none.
pub fn annual_meeting_on(input: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| FieldError::id("registry-err-date"))?;
    if d > today {
        return Err(FieldError::id("registry-err-date-future"));
    }
    Ok(Some(d))
}

/// Why a statutes file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatutesProblem {
    Missing,
    TooLarge,
    /// Not a PDF or an office document.
    Type,
}

impl StatutesProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            StatutesProblem::Missing => "registry-statutes-missing",
            StatutesProblem::TooLarge => "registry-statutes-too-large",
            StatutesProblem::Type => "registry-statutes-type",
        }
    }
}

/// Checks a statutes file by its size and its content (the name's extension is not trusted):
/// a PDF or an office document (Word, OpenDocument, …). Returns its MIME type.
pub fn check_statutes(bytes: &[u8]) -> Result<&'static str, StatutesProblem> {
    platform::upload::check_document(bytes, STATUTES_MAX, false).map_err(|p| match p {
        platform::upload::DocumentProblem::Missing => StatutesProblem::Missing,
        platform::upload::DocumentProblem::TooLarge => StatutesProblem::TooLarge,
        platform::upload::DocumentProblem::Type => StatutesProblem::Type,
    })
}

/// A file name fit for a download header (`stadgar` when nothing of the name is left).
pub fn file_name(sent: &str) -> String {
    platform::upload::download_name(sent, "stadgar")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_account_needs_a_kind_and_a_valid_number_or_neither() {
        assert_eq!(giro("", " "), Ok(None));
        let g = giro("bankgiro", "5381 7425").unwrap().unwrap();
        assert_eq!((g.kind, g.number()), (GiroKind::Bankgiro, "5381-7425"));
        assert_eq!(giro("plusgiro", "4105468-5").unwrap().unwrap().number(), "4105468-5");
        assert_eq!(
            giro("bankgiro", "5381-7426"),
            Err((GiroField::Number, FieldError::id("registry-err-giro-checksum")))
        );
        assert_eq!(
            giro("", "5381-7425"),
            Err((GiroField::Kind, FieldError::id("registry-err-giro-kind")))
        );
        assert_eq!(
            giro("swish", "123"),
            Err((GiroField::Kind, FieldError::id("err-choose")))
        );
        assert_eq!(
            giro("plusgiro", ""),
            Err((GiroField::Number, FieldError::id("err-required")))
        );
    }

    #[test]
    fn board_size_and_meeting_date_have_limits() {
        assert_eq!(board_members(""), Ok(None));
        assert_eq!(board_members("7"), Ok(Some(7)));
        assert_eq!(board_members("0"), Ok(Some(0)));
        assert!(board_members("100").is_err());
        assert!(board_members("-1").is_err());
        let today = day("2026-11-23");
        assert_eq!(annual_meeting_on("", today), Ok(None));
        assert_eq!(annual_meeting_on("2026-03-14", today), Ok(Some(day("2026-03-14"))));
        assert_eq!(annual_meeting_on("2026-11-23", today), Ok(Some(today)));
        assert_eq!(
            annual_meeting_on("2026-11-24", today),
            Err(FieldError::id("registry-err-date-future"))
        );
        assert_eq!(
            annual_meeting_on("14/3 2026", today),
            Err(FieldError::id("registry-err-date"))
        );
    }

    #[test]
    fn statutes_are_pdf_or_office_documents_by_content() {
        assert_eq!(check_statutes(b"%PDF-1.4\n%%EOF\n"), Ok("application/pdf"));
        assert_eq!(check_statutes(b"stadgar i text"), Err(StatutesProblem::Type));
        assert_eq!(check_statutes(b""), Err(StatutesProblem::Missing));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(STATUTES_MAX + 1, b' ');
        assert_eq!(check_statutes(&big), Err(StatutesProblem::TooLarge));
        // A PNG is not a document.
        assert_eq!(
            check_statutes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(StatutesProblem::Type)
        );
    }

    #[test]
    fn file_names_are_made_safe_for_a_header() {
        assert_eq!(file_name("Stadgar 2025.pdf"), "Stadgar 2025.pdf");
        assert_eq!(file_name("C:\\Users\\anna\\stadgar.pdf"), "stadgar.pdf");
        assert_eq!(file_name("a\"b;c.pdf"), "a_b_c.pdf");
        assert_eq!(file_name(""), "stadgar");
        assert_eq!(file_name("../.."), "stadgar");
        assert_eq!(file_name("Föreningens stadgar.pdf"), "Föreningens stadgar.pdf");
    }
}
