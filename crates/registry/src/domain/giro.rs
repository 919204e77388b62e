//! Bankgiro and plusgiro numbers, the accounts municipal grants are paid to. Both end in a Luhn
//! check digit over all their digits (the same sum as the organisationsnummer's; see
//! `../shared/research/swedish-systems.md`, §3): a bankgiro has 7 or 8 digits (`NNN-NNNN`,
//! `NNNN-NNNN`), a plusgiro 2 to 8 (`NNNNNN-N`, the dash before the check digit).

use serde::{Deserialize, Serialize};

/// Which giro an account number belongs to; the code is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum GiroKind {
    Bankgiro,
    Plusgiro,
}

impl GiroKind {
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            GiroKind::Bankgiro => "registry-giro-bankgiro",
            GiroKind::Plusgiro => "registry-giro-plusgiro",
        }
    }
}

/// A bankgiro or plusgiro number that passed its checks, in its usual written form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Giro {
    pub kind: GiroKind,
    number: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiroError {
    Required,
    /// Not digits (spaces and one dash allowed), or the wrong number of them for the kind.
    Format,
    /// The last digit does not match the Luhn check.
    Checksum,
}

impl GiroError {
    pub fn message_id(self) -> &'static str {
        match self {
            GiroError::Required => "err-required",
            GiroError::Format => "registry-err-giro-format",
            GiroError::Checksum => "registry-err-giro-checksum",
        }
    }
}

/// The Luhn check digit of `digits`: weights 2, 1, 2, … from the right, digits of products
/// summed. The one sum for organisationsnummer (over its nine first digits), bankgiro and plusgiro.
pub fn luhn_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Whether the digits' last one is the Luhn check digit of the others.
pub fn luhn_valid(digits: &[u8]) -> bool {
    digits
        .split_last()
        .is_some_and(|(check, body)| luhn_digit(body) == *check)
}

impl Giro {
    /// Reads a number as written (`5402-9681`, `54029681`, `4 10 54 - 7`); the dash and spaces
    /// are ignored, the digits counted and checked.
    pub fn parse(kind: GiroKind, input: &str) -> Result<Giro, GiroError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(GiroError::Required);
        }
        if s.chars().filter(|c| *c == '-').count() > 1 || !s.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
        {
            return Err(GiroError::Format);
        }
        let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let len_ok = match kind {
            GiroKind::Bankgiro => (7..=8).contains(&digits.len()),
            GiroKind::Plusgiro => (2..=8).contains(&digits.len()),
        };
        if !len_ok {
            return Err(GiroError::Format);
        }
        if !luhn_valid(&digits) {
            return Err(GiroError::Checksum);
        }
        let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let number = match kind {
            // NNN-NNNN or NNNN-NNNN: the last four after the dash.
            GiroKind::Bankgiro => format!("{}-{}", &text[..text.len() - 4], &text[text.len() - 4..]),
            // The dash before the check digit.
            GiroKind::Plusgiro => format!("{}-{}", &text[..text.len() - 1], &text[text.len() - 1..]),
        };
        Ok(Giro { kind, number })
    }

    /// The number as written, with its dash.
    pub fn number(&self) -> &str {
        &self.number
    }
}

impl std::fmt::Display for Giro {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bankgiro_numbers_are_seven_or_eight_digits_with_a_luhn_digit() {
        // The example of the research notes (banktools-se).
        let g = Giro::parse(GiroKind::Bankgiro, "5402-9681").unwrap();
        assert_eq!(g.number(), "5402-9681");
        assert_eq!(
            Giro::parse(GiroKind::Bankgiro, " 54029681 ").unwrap().number(),
            "5402-9681"
        );
        assert_eq!(Giro::parse(GiroKind::Bankgiro, "5402-9682"), Err(GiroError::Checksum));
        // Seven digits: 297367 doubled from the right sums to 25, so the check digit is 5.
        let seven = Giro::parse(GiroKind::Bankgiro, "297-3675").unwrap();
        assert_eq!(seven.number(), "297-3675");
        assert_eq!(Giro::parse(GiroKind::Bankgiro, "12345"), Err(GiroError::Format));
        assert_eq!(Giro::parse(GiroKind::Bankgiro, "123456789"), Err(GiroError::Format));
        assert_eq!(Giro::parse(GiroKind::Bankgiro, "5402-96-81"), Err(GiroError::Format));
        assert_eq!(Giro::parse(GiroKind::Bankgiro, "54O2-9681"), Err(GiroError::Format));
        assert_eq!(Giro::parse(GiroKind::Bankgiro, "  "), Err(GiroError::Required));
    }

    #[test]
    fn plusgiro_numbers_are_two_to_eight_digits_with_the_dash_before_the_check_digit() {
        assert_eq!(
            Giro::parse(GiroKind::Plusgiro, "410 54 68-5").unwrap().number(),
            "4105468-5"
        );
        assert_eq!(Giro::parse(GiroKind::Plusgiro, "18").unwrap().number(), "1-8");
        assert_eq!(Giro::parse(GiroKind::Plusgiro, "4105468-4"), Err(GiroError::Checksum));
        assert_eq!(Giro::parse(GiroKind::Plusgiro, "0"), Err(GiroError::Format));
        assert_eq!(Giro::parse(GiroKind::Plusgiro, "123456789"), Err(GiroError::Format));
    }

    #[test]
    fn the_luhn_sum_starts_doubling_next_to_the_check_digit() {
        // 5402968 → doubled from the right: 8→16→7, 6, 9→18→9, 2, 0, 4, 5→10→1: 7+6+9+2+0+4+1 = 29 → 1.
        assert!(luhn_valid(&[5, 4, 0, 2, 9, 6, 8, 1]));
        assert!(!luhn_valid(&[5, 4, 0, 2, 9, 6, 8, 2]));
        assert!(!luhn_valid(&[]));
        assert!(luhn_valid(&[0]));
    }
}
