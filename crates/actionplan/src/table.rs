//! The action plan as the table of seed 003 (Område · Mål i handlingsplanen · aktiviteter · Tid ·
//! Ansvar · Uppföljning), in (tab-separated text, CSV, XLSX) and out (rows, CSV, XLSX). Plain
//! functions, no I/O, no database.
//!
//! Reading goes in two steps: a reader ([`parse_text`], [`parse_csv`], [`parse_xlsx`]) turns its
//! format into numbered lines of cells, and one shared placement routine (`place`) recognises
//! headings, header rows, separators and blank lines, joins rows split over two lines, cleans the
//! cells (see the `clean` module for every rule) and places each row in its area and goal. Every
//! line it cannot place is reported as a [`Problem`], never dropped silently.
//!
//! Writing ([`to_rows`], [`to_text`], [`to_csv`], [`to_xlsx`]) produces what the readers read back
//! into the identical [`TablePlan`]: group headings are written as the seed writes them
//! ("## Aktivitetsplan Grupp 1") in every format, one row per activity.

mod clean;
mod place;
mod read;
mod write;

pub use read::{parse_csv, parse_text, parse_xlsx};
pub use write::{to_csv, to_rows, to_text, to_xlsx, HEADER};

/// Who a goal belongs to, as the seed writes it before the goal; stored as its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Owner {
    /// "Sala kommun ska:"
    Municipality,
    /// "Civilsamhället ska:"
    CivilSociety,
    /// "Sala kommunen och civilsamhället ska:"
    Both,
    /// No owner written.
    Unstated,
}

impl Owner {
    /// The phrase written before a goal of this owner, e.g. "Sala kommun ska:" for
    /// `municipality_name` "Sala"; `None` for [`Owner::Unstated`].
    pub fn phrase(self, municipality_name: &str) -> Option<String> {
        let kommun = if municipality_name.trim().is_empty() {
            "Kommunen".to_string()
        } else {
            format!("{} kommun", municipality_name.trim())
        };
        match self {
            Owner::Municipality => Some(format!("{kommun} ska:")),
            Owner::CivilSociety => Some("Civilsamhället ska:".to_string()),
            Owner::Both => Some(format!("{kommun} och civilsamhället ska:")),
            Owner::Unstated => None,
        }
    }
}

/// A whole plan as the table holds it, in the table's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TablePlan {
    pub areas: Vec<TableArea>,
}

/// One principle (område), e.g. number 1, name "Självständighet".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableArea {
    pub number: u32,
    pub name: String,
    /// The working group heading the area was listed under ("Aktivitetsplan Grupp 1"), if any.
    pub group: Option<String>,
    pub goals: Vec<TableGoal>,
}

/// A goal (mål) with its activities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableGoal {
    pub owner: Owner,
    /// The goal without its owner phrase.
    pub text: String,
    pub activities: Vec<TableActivity>,
}

/// An activity with its cells as written (empty when the cell was empty or "-").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableActivity {
    pub text: String,
    pub time: String,
    pub responsible: String,
    pub follow_up: String,
}

/// What an import found: the plan, and every input line it could not place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub plan: TablePlan,
    /// In input order. Empty when every line was placed or recognised (heading, header row,
    /// separator, blank line).
    pub problems: Vec<Problem>,
}

/// One input line (or row split over lines) the importer could not place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based: the line of a text or CSV file (where the row starts), the row of a worksheet.
    pub line: usize,
    /// The row as read, its cells joined by tabs; the lines of a joined row joined by "\n".
    pub text: String,
    pub reason: ProblemKind,
}

/// Why a line was not placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// Not a line of the table: text in one cell that is no area, a row with more than six
    /// filled cells, or a row under a header row whose columns are not the six of the table.
    UnknownLayout,
    /// A row with an empty Område cell that has no row above it to continue (it follows a
    /// heading, header row or separator, or starts the file).
    NoArea,
    /// The Område cell is not "Nr \<number> \<name>".
    UnknownArea,
    /// The area's number was used earlier with another name ("Nr 1 Dialog" after
    /// "Nr 1 Självständighet").
    AreaConflict,
    /// Activity cells are filled but the goal cell is empty.
    NoGoal,
}

impl ProblemKind {
    /// A message id for the web preview (Fluent ids of the actionplan capability).
    pub fn message_id(self) -> &'static str {
        match self {
            ProblemKind::UnknownLayout => "actionplan-table-unknown-layout",
            ProblemKind::NoArea => "actionplan-table-no-area",
            ProblemKind::UnknownArea => "actionplan-table-unknown-area",
            ProblemKind::AreaConflict => "actionplan-table-area-conflict",
            ProblemKind::NoGoal => "actionplan-table-no-goal",
        }
    }
}

/// A workbook that cannot be read or written.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("not a readable XLSX workbook: {0}")]
    Xlsx(String),
    #[error("the workbook has no worksheet")]
    NoWorksheet,
    /// More cells than a plan table has, or cells far apart (A1 and XFD1048576), or archive
    /// entries that inflate past the limit: refused before anything large is made.
    #[error("the workbook is too large: {0}")]
    TooLarge(&'static str),
    #[error("could not write the XLSX workbook: {0}")]
    Write(String),
}
