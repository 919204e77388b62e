//! Corrections of the minutes: items, group answers, assignments and general comments edited,
//! reordered and removed, before and after publication (a change after publication is dated and
//! shown on the public minutes).

mod routes;
pub mod store;

pub use routes::{router, rows, Row};

/// Which list of the minutes an entry is in; its word is the `del` of the forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Item,
    Answer,
    Assignment,
    Comment,
}

impl Part {
    pub fn parse(s: &str) -> Option<Part> {
        match s {
            "punkt" => Some(Part::Item),
            "svar" => Some(Part::Answer),
            "uppdrag" => Some(Part::Assignment),
            "synpunkt" => Some(Part::Comment),
            _ => None,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Part::Item => "punkt",
            Part::Answer => "svar",
            Part::Assignment => "uppdrag",
            Part::Comment => "synpunkt",
        }
    }
}
