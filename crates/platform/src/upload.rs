//! Files sent with a form (`enctype="multipart/form-data"`): reading one file field with a size
//! limit, and turning a text file into a string whatever Excel or a text editor saved it as.
//!
//! A multipart form carries its CSRF token in the action's query string (`?_csrf=…`), because
//! the CSRF check runs before the handler and does not read multipart bodies.

use crate::error::AppError;
use axum::extract::Multipart;

/// The largest file a form takes.
pub const FILE_MAX: usize = 1024 * 1024;

/// A file sent in a form.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The file in the field `name`, or `None` when the form has no file there (or an empty one).
/// Other fields are skipped. A file over [`FILE_MAX`] or a malformed body is a 400.
pub async fn file(multipart: &mut Multipart, name: &str) -> Result<Option<Upload>, AppError> {
    file_up_to(multipart, name, FILE_MAX).await
}

/// As [`file`], with a larger limit than [`FILE_MAX`] (attachments; the route then needs an
/// `axum::extract::DefaultBodyLimit` above `max`). A file over `max` is a 400.
pub async fn file_up_to(multipart: &mut Multipart, name: &str, max: usize) -> Result<Option<Upload>, AppError> {
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Ok(None),
            Err(_) => return Err(AppError::BadRequest("err-bad-form")),
        };
        if field.name() != Some(name) {
            continue;
        }
        let file_name = field.file_name().unwrap_or_default().to_string();
        let mut field = field;
        let mut bytes = vec![];
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > max {
                        return Err(AppError::BadRequest("err-file-too-large"));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(_) => return Err(AppError::BadRequest("err-bad-form")),
            }
        }
        if bytes.is_empty() {
            return Ok(None);
        }
        return Ok(Some(Upload { file_name, bytes }));
    }
}

/// The file of a form's `name` field, or why there is none to keep ([`DocumentProblem::Missing`]
/// or [`DocumentProblem::TooLarge`]): a file over `max` is refused, and the rest of the form read
/// and dropped so that the browser gets the answer instead of a broken connection.
pub async fn sent_file(
    multipart: &mut Multipart,
    name: &str,
    max: usize,
) -> Result<Result<Upload, DocumentProblem>, AppError> {
    match file_up_to(multipart, name, max).await {
        Ok(Some(u)) => Ok(Ok(u)),
        Ok(None) => Ok(Err(DocumentProblem::Missing)),
        Err(AppError::BadRequest("err-file-too-large")) => {
            while let Ok(Some(mut field)) = multipart.next_field().await {
                while let Ok(Some(_)) = field.chunk().await {}
            }
            Ok(Err(DocumentProblem::TooLarge))
        }
        Err(e) => Err(e),
    }
}

/// The text of a file: UTF-8 (with or without a byte order mark), else Windows-1252, which is
/// what Swedish Excel saves "CSV" as.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// One byte of Windows-1252: Latin-1, but for the printable characters at 0x80–0x9F.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_in_utf8_and_windows_1252() {
        assert_eq!(decode_text("Åre IF;ö".as_bytes()), "Åre IF;ö");
        assert_eq!(decode_text(b"\xEF\xBB\xBFnamn;nr"), "namn;nr");
        // "Älvsby – Öst" as Swedish Excel saves it.
        assert_eq!(decode_text(b"\xC4lvsby \x96 \xD6st \x80"), "Älvsby – Öst €");
    }
}

/// Why an uploaded document was refused (each capability words it for its own form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentProblem {
    Missing,
    TooLarge,
    /// Not a kind the form takes.
    Type,
}

/// Check a document by its size and by its content's type, never by its name: a PDF or an
/// office document (Word, Excel, PowerPoint, OpenDocument), and with `images` also a PNG,
/// JPEG, GIF or WebP picture. Returns its MIME type.
pub fn check_document(bytes: &[u8], max: usize, images: bool) -> Result<&'static str, DocumentProblem> {
    if bytes.is_empty() {
        return Err(DocumentProblem::Missing);
    }
    if bytes.len() > max {
        return Err(DocumentProblem::TooLarge);
    }
    let t = infer::get(bytes).ok_or(DocumentProblem::Type)?;
    match (t.mime_type(), t.matcher_type()) {
        ("application/pdf", _) | (_, infer::MatcherType::Doc) => Ok(t.mime_type()),
        ("image/png" | "image/jpeg" | "image/gif" | "image/webp", infer::MatcherType::Image) if images => {
            Ok(t.mime_type())
        }
        _ => Err(DocumentProblem::Type),
    }
}

/// A file name fit for a download header: the last part of a path, letters, digits, spaces and
/// `.-_()` kept, anything else `_`, at most 100 characters; `fallback` when nothing is left.
pub fn download_name(sent: &str, fallback: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " .-_()".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        fallback.into()
    } else {
        clean
    }
}

/// A stored file sent back as a download: with the type checked on upload (never sniffed),
/// never run as a page (a sandbox with nothing allowed), kept by shared caches only when
/// `public`, and saved under its name (RFC 6266: the name in ASCII, and in UTF-8 for the rest).
pub fn download(bytes: Vec<u8>, mime: &str, name: &str, public: bool) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    use axum::response::IntoResponse;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(mime).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public {
            "public, max-age=300"
        } else {
            "private, no-store"
        }),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii() && c != '"' { c } else { '_' })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        urlencoding::encode(name)
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

#[cfg(test)]
mod document_tests {
    use super::*;

    #[test]
    fn a_document_is_told_by_its_content() {
        let pdf = b"%PDF-1.4\n%%EOF\n";
        assert_eq!(check_document(pdf, 100, false), Ok("application/pdf"));
        assert_eq!(check_document(b"", 100, false), Err(DocumentProblem::Missing));
        assert_eq!(check_document(pdf, 4, false), Err(DocumentProblem::TooLarge));
        assert_eq!(check_document(b"<html><script>", 100, true), Err(DocumentProblem::Type));
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
        ];
        assert_eq!(check_document(&png, 100, true), Ok("image/png"));
        assert_eq!(check_document(&png, 100, false), Err(DocumentProblem::Type));
    }

    #[test]
    fn a_download_name_keeps_letters_and_drops_paths() {
        assert_eq!(download_name("C:\\Users\\a\\Stadgar 2026.pdf", "x"), "Stadgar 2026.pdf");
        assert_eq!(download_name("../../etc/passwd", "x"), "passwd");
        assert_eq!(download_name("å<ä>ö.pdf", "x"), "å_ä_ö.pdf");
        assert_eq!(download_name("...", "stadgar"), "stadgar");
    }

    #[test]
    fn a_download_is_never_run_as_a_page() {
        let res = download(vec![1], "application/pdf", "Årsmöte \"2026\".pdf", false);
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["cache-control"], "private, no-store");
        assert_eq!(h["content-security-policy"], "default-src 'none'; sandbox");
        assert_eq!(
            h["content-disposition"],
            "attachment; filename=\"_rsm_te _2026_.pdf\"; filename*=UTF-8''%C3%85rsm%C3%B6te%20%222026%22.pdf"
        );
    }
}
