//! The action plan as the table of seed 003 (Område · Mål i handlingsplanen · aktiviteter · Tid ·
//! Ansvar · Uppföljning), in (tab-separated text, CSV, XLSX) and out (rows, CSV, XLSX). Plain
//! functions, no I/O, no database.

/// Who a goal belongs to, as the seed writes it before the goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
