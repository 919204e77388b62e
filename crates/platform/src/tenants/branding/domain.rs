//! The rules of a municipality's look: its colour (`#rrggbb`, on which white text must reach
//! WCAG 2.1's 4.5:1), its welcome text and its logo (PNG or JPEG, never SVG, which can carry
//! script). Plain functions, no I/O.

use crate::rules::{self, Invalid};
use crate::upload::{check_document, DocumentProblem};

/// The least contrast of white text on the colour (WCAG 2.1, 1.4.3, normal text).
pub const CONTRAST_MIN: f64 = 4.5;

/// The longest welcome text, in characters.
pub const WELCOME_MAX: usize = 500;

/// The largest logo, in bytes.
pub const LOGO_MAX: usize = 200 * 1024;

/// A request with a logo: the file and the multipart form around it.
pub const LOGO_BODY_MAX: usize = LOGO_MAX + 64 * 1024;

/// Why a colour was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColourProblem {
    /// Not written as `#rrggbb`.
    Format,
    /// White text on it is too faint: the contrast measured.
    Contrast(f64),
}

/// A colour as the form takes it: `#rrggbb` in either case, stored in lower case; an empty
/// field is no colour (`Ok(None)`).
pub fn parse_colour(input: &str) -> Result<Option<String>, ColourProblem> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let hex = s.strip_prefix('#').ok_or(ColourProblem::Format)?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(ColourProblem::Format);
    }
    Ok(Some(format!("#{}", hex.to_ascii_lowercase())))
}

/// The red, green and blue of a colour already parsed (`#rrggbb`).
fn channels(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    let byte = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2.1 relative luminance of a colour (`#rrggbb`): 0 for black, 1 for white.
pub fn luminance(colour: &str) -> Option<f64> {
    let linear = |c: u8| {
        let s = f64::from(c) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = channels(colour)?;
    Some(0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b))
}

/// WCAG 2.1 contrast ratio of two colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// A colour the municipality may use: white text on it (the header band) and it on white (links)
/// must reach 4.5:1. `Ok(None)` is no colour.
pub fn check_colour(input: &str) -> Result<Option<String>, ColourProblem> {
    let Some(colour) = parse_colour(input)? else {
        return Ok(None);
    };
    let ratio = contrast(&colour, "#ffffff").ok_or(ColourProblem::Format)?;
    if ratio < CONTRAST_MIN {
        return Err(ColourProblem::Contrast(ratio));
    }
    Ok(Some(colour))
}

/// A contrast ratio as people read it, rounded down to one decimal (so that a refused colour
/// never shows as 4,5): "1,5" in Swedish, "1.5" in English.
pub fn ratio_text(ratio: f64, decimal_comma: bool) -> String {
    let tenths = (ratio * 10.0).floor() / 10.0;
    let s = format!("{tenths:.1}");
    if decimal_comma {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The welcome text as kept: trimmed plain text of at most [`WELCOME_MAX`] characters.
pub fn check_welcome(input: &str) -> Result<String, Invalid> {
    rules::text(input, WELCOME_MAX)
}

/// The welcome text in paragraphs: a blank line or a line break starts a new one.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Why a logo was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoProblem {
    Missing,
    TooLarge,
    /// Not a PNG or JPEG picture.
    Type,
}

impl LogoProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            LogoProblem::Missing => "brand-logo-missing",
            LogoProblem::TooLarge => "brand-logo-too-large",
            LogoProblem::Type => "brand-logo-type",
        }
    }
}

/// A logo by its content, never its name: a PNG or a JPEG of at most [`LOGO_MAX`] bytes (not
/// SVG, which may carry script; not GIF or WebP). Returns its MIME type.
pub fn check_logo(bytes: &[u8]) -> Result<&'static str, LogoProblem> {
    match check_document(bytes, LOGO_MAX, true) {
        Ok(mime @ ("image/png" | "image/jpeg")) => Ok(mime),
        Ok(_) | Err(DocumentProblem::Type) => Err(LogoProblem::Type),
        Err(DocumentProblem::Missing) => Err(LogoProblem::Missing),
        Err(DocumentProblem::TooLarge) => Err(LogoProblem::TooLarge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn white_on(c: &str) -> f64 {
        contrast("#ffffff", c).unwrap()
    }

    #[test]
    fn contrast_of_known_colours() {
        assert!((white_on("#000000") - 21.0).abs() < 1e-9);
        assert!((white_on("#ffffff") - 1.0).abs() < 1e-9);
        assert!((white_on("#767676") - 4.54).abs() < 0.01, "{}", white_on("#767676"));
        assert!(white_on("#777777") < CONTRAST_MIN, "{}", white_on("#777777"));
        assert!((luminance("#ffffff").unwrap() - 1.0).abs() < 1e-9);
        assert_eq!(luminance("#000000"), Some(0.0));
        // The order of the two colours does not matter.
        assert_eq!(contrast("#1d5a8a", "#ffffff"), contrast("#ffffff", "#1d5a8a"));
    }

    #[test]
    fn a_colour_is_six_hex_digits_kept_in_lower_case() {
        assert_eq!(parse_colour(" #1D5A8A "), Ok(Some("#1d5a8a".into())));
        assert_eq!(parse_colour(""), Ok(None));
        for bad in ["1d5a8a", "#fff", "#1d5a8g", "#1d5a8a0", "red", "#ééé"] {
            assert_eq!(parse_colour(bad), Err(ColourProblem::Format), "{bad}");
        }
    }

    #[test]
    fn only_colours_white_text_reads_on_are_taken() {
        assert_eq!(check_colour("#767676"), Ok(Some("#767676".into())));
        assert_eq!(check_colour("#000000"), Ok(Some("#000000".into())));
        assert_eq!(check_colour("  "), Ok(None));
        let Err(ColourProblem::Contrast(r)) = check_colour("#FFCC00") else {
            panic!("#ffcc00 is too light for white text");
        };
        assert_eq!(ratio_text(r, true), "1,5");
        assert_eq!(ratio_text(r, false), "1.5");
        let Err(ColourProblem::Contrast(r)) = check_colour("#777777") else {
            panic!("#777777 is just below 4.5:1");
        };
        assert_eq!(ratio_text(r, true), "4,4", "never shown as the 4,5 it misses");
        assert_eq!(check_colour("#77777"), Err(ColourProblem::Format));
    }

    #[test]
    fn the_welcome_text_is_short_plain_text_in_paragraphs() {
        assert_eq!(
            check_welcome("  Välkommen!\r\n\r\nHär  "),
            Ok("Välkommen!\n\nHär".into())
        );
        assert_eq!(check_welcome(&"å".repeat(500)).map(|s| s.chars().count()), Ok(500));
        assert_eq!(check_welcome(&"å".repeat(501)), Err(Invalid::TooLong(500)));
        assert_eq!(
            paragraphs("Välkommen!\n\nHär <b>möts</b> vi.\nRad två"),
            ["Välkommen!", "Här <b>möts</b> vi.", "Rad två"]
        );
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn a_logo_is_a_png_or_a_jpeg_by_its_content() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
        ];
        assert_eq!(check_logo(&png), Ok("image/png"));
        assert_eq!(
            check_logo(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F']),
            Ok("image/jpeg")
        );
        assert_eq!(check_logo(b"GIF89a\x01\x00\x01\x00"), Err(LogoProblem::Type));
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assert_eq!(check_logo(svg), Err(LogoProblem::Type));
        assert_eq!(check_logo(b"%PDF-1.4\n%%EOF\n"), Err(LogoProblem::Type));
        assert_eq!(check_logo(b""), Err(LogoProblem::Missing));
        let mut big = png.to_vec();
        big.resize(LOGO_MAX + 1, 0);
        assert_eq!(check_logo(&big), Err(LogoProblem::TooLarge));
    }

    #[test]
    fn names_in_the_genitive() {
        assert_eq!(rules::genitive("Sala"), "Salas");
        assert_eq!(rules::genitive("Borås"), "Borås");
        assert_eq!(rules::genitive("Luleå"), "Luleås");
    }
}
