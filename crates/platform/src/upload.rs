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
