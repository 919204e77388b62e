//! The booking's own rules (the shared ones, slots and weekly series, are in [`crate::domain`]).
//!
//! How much one private person may hold: a rule as a plain function, so that nobody books a
//! room every week for a year with a click (instant booking). Associations book seasons and
//! companies pay the full price; the limit is for private persons. The numbers are constants
//! (no municipality setting yet): ten upcoming bookings in a municipality, 180 days ahead.

use crate::domain::Slot;

/// The upcoming bookings a private person may hold in one municipality, the new ones counted.
pub const PRIVATE_UPCOMING_MAX: usize = 10;
/// How far ahead a private person may book, in days.
pub const PRIVATE_HORIZON_DAYS: i64 = 180;

/// Why a private person's booking goes past the limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// More than [`PRIVATE_UPCOMING_MAX`] upcoming bookings.
    Upcoming,
    /// A slot more than [`PRIVATE_HORIZON_DAYS`] ahead.
    Horizon,
}

impl Limit {
    /// The message and its argument, for the form.
    pub fn message(self, tr: &platform::i18n::Tr) -> String {
        match self {
            Limit::Upcoming => tr.ta("premises-err-private-upcoming", &[("n", &PRIVATE_UPCOMING_MAX)]),
            Limit::Horizon => tr.ta("premises-err-private-horizon", &[("days", &PRIVATE_HORIZON_DAYS)]),
        }
    }
}

/// Whether a private person who holds `upcoming` bookings (requested or confirmed, not yet
/// begun) may add `slots` at `now`.
pub fn private(upcoming: usize, slots: &[Slot], now: i64) -> Result<(), Limit> {
    if upcoming + slots.len() > PRIVATE_UPCOMING_MAX {
        return Err(Limit::Upcoming);
    }
    if slots.iter().any(|s| s.starts_at > now + PRIVATE_HORIZON_DAYS * 86_400) {
        return Err(Limit::Horizon);
    }
    Ok(())
}

/// The longest title of a public booking.
pub const PUBLIC_TITLE_MAX: usize = 200;

/// Why a public booking's title is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicTitle {
    /// Marked public without a title.
    Missing,
    /// Longer than [`PUBLIC_TITLE_MAX`] characters, or on several lines.
    Bad,
}

/// The title under which a booking shows in the shared event calendar: `None` when it is not
/// marked public (private is the default, whatever title was typed), else the title, which it
/// then needs.
pub fn public_title(public: bool, title: &str) -> Result<Option<String>, PublicTitle> {
    if !public {
        return Ok(None);
    }
    match title.trim() {
        "" => Err(PublicTitle::Missing),
        t if t.chars().count() > PUBLIC_TITLE_MAX || t.contains(['\n', '\r']) => Err(PublicTitle::Bad),
        t => Ok(Some(t.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booking_is_private_unless_marked_public_with_a_title() {
        assert_eq!(public_title(false, "Julmarknad"), Ok(None));
        assert_eq!(public_title(true, "  Julmarknad "), Ok(Some("Julmarknad".into())));
        assert_eq!(public_title(true, " "), Err(PublicTitle::Missing));
        assert_eq!(public_title(true, &"x".repeat(201)), Err(PublicTitle::Bad));
        assert_eq!(public_title(true, "a\nb"), Err(PublicTitle::Bad));
    }

    fn slot(day: i64) -> Slot {
        Slot {
            date: chrono::NaiveDate::default(),
            starts_at: day * 86_400,
            ends_at: day * 86_400 + 3600,
            blocks_until: day * 86_400 + 3600,
        }
    }

    #[test]
    fn ten_upcoming_and_half_a_year_ahead() {
        let week: Vec<Slot> = (1..=10).map(|w| slot(w * 7)).collect();
        assert_eq!(private(0, &week, 0), Ok(()));
        assert_eq!(private(1, &week, 0), Err(Limit::Upcoming));
        let year: Vec<Slot> = (1..=52).map(|w| slot(w * 7)).collect();
        assert_eq!(private(0, &year, 0), Err(Limit::Upcoming));
        assert_eq!(private(0, &[slot(180)], 0), Ok(()));
        assert_eq!(private(0, &[slot(181)], 0), Err(Limit::Horizon));
        assert_eq!(private(9, &[slot(3)], 0), Ok(()));
    }
}
