//! TEMPORARY stand-ins for the seed-003 table functions that `table.rs` gets on the `table`
//! branch (parse_text, parse_csv, parse_xlsx, to_rows, to_text, to_csv, to_xlsx and the types
//! Parsed, Problem, ProblemKind, TableError). Deliberately naive: one activity per tab- or
//! semicolon-separated line. Replaced at the merge by `crate::table`'s real ones (see
//! `crate::table_api`); nothing else in the crate names this module.

use crate::table::{Owner, TableActivity, TableArea, TableGoal, TablePlan};

/// What a parse found: the plan, and every line it could not place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub plan: TablePlan,
    pub problems: Vec<Problem>,
}

/// A line that could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub text: String,
    pub reason: ProblemKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not six cells.
    Cells,
    /// The area cell has no number ("Nr 1 …").
    Area,
}

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("not a readable XLSX file: {0}")]
    Xlsx(String),
}

const HEADER: [&str; 6] = [
    "Område",
    "Mål i handlingsplanen",
    "Arbetsgruppens förslag på aktiviteter för att nå målen i handlingsplanen.",
    "Tid",
    "Ansvar",
    "Uppföljning",
];

fn clean(cell: &str) -> String {
    let c = cell.trim();
    if c.chars().all(|ch| ch == '-' || ch.is_whitespace()) {
        String::new()
    } else {
        c.to_string()
    }
}

fn owner_of(goal: &str) -> (Owner, String) {
    if let Some((head, rest)) = goal.split_once(" ska:") {
        let head = head.trim().to_lowercase();
        let owner = if head.contains("och civilsamhället") {
            Owner::Both
        } else if head.starts_with("civilsamhället") {
            Owner::CivilSociety
        } else if head.contains("kommun") {
            Owner::Municipality
        } else {
            return (Owner::Unstated, goal.trim().to_string());
        };
        (owner, rest.trim().to_string())
    } else {
        (Owner::Unstated, goal.trim().to_string())
    }
}

fn from_rows(rows: Vec<(usize, Vec<String>)>) -> Parsed {
    let mut out = Parsed::default();
    let mut group: Option<String> = None;
    for (line, cells) in rows {
        let joined = cells.join("\t");
        let first = cells.first().map(|c| c.trim()).unwrap_or_default();
        if let Some(h) = first.strip_prefix("## ") {
            group = Some(h.trim().to_string());
            continue;
        }
        if joined.trim().is_empty() || first == "Område" || cells.iter().all(|c| clean(c).is_empty()) {
            continue;
        }
        if cells.len() != 6 {
            out.problems.push(Problem {
                line,
                text: joined,
                reason: ProblemKind::Cells,
            });
            continue;
        }
        let area = first.strip_prefix("Nr ").and_then(|r| {
            let (n, name) = r.split_once(' ').unwrap_or((r, ""));
            Some((n.parse::<u32>().ok()?, name.trim().to_string()))
        });
        let Some((number, name)) = area else {
            out.problems.push(Problem {
                line,
                text: joined,
                reason: ProblemKind::Area,
            });
            continue;
        };
        let (owner, text) = owner_of(&cells[1]);
        let activity = TableActivity {
            text: clean(&cells[2]),
            time: clean(&cells[3]),
            responsible: clean(&cells[4]),
            follow_up: clean(&cells[5]),
        };
        if !out.plan.areas.iter().any(|a| a.number == number) {
            out.plan.areas.push(TableArea {
                number,
                name,
                group: group.clone(),
                goals: vec![],
            });
        }
        let Some(a) = out.plan.areas.iter_mut().find(|a| a.number == number) else {
            continue;
        };
        if !a.goals.iter().any(|g| g.owner == owner && g.text == text) {
            a.goals.push(TableGoal {
                owner,
                text: text.clone(),
                activities: vec![],
            });
        }
        if let Some(g) = a.goals.iter_mut().find(|g| g.owner == owner && g.text == text) {
            g.activities.push(activity);
        }
    }
    out
}

/// Tab-separated text, as pasted from Word or Excel.
pub fn parse_text(text: &str) -> Parsed {
    from_rows(
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect()))
            .collect(),
    )
}

/// CSV with `;` (or `,`) between cells and quoted cells, as `to_csv` writes it.
pub fn parse_csv(text: &str) -> Parsed {
    let text = text.trim_start_matches('\u{feff}');
    let sep = if text.lines().next().is_some_and(|l| l.contains(';')) {
        ';'
    } else {
        ','
    };
    let mut rows = vec![];
    let (mut row, mut cell, mut quoted, mut line, mut start) = (vec![], String::new(), false, 1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => row.push(platform::csv::uncell(&std::mem::take(&mut cell)).to_string()),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(platform::csv::uncell(&std::mem::take(&mut cell)).to_string());
                rows.push((start, std::mem::take(&mut row)));
                line += 1;
                start = line;
            }
            c => {
                if c == '\n' {
                    line += 1;
                }
                cell.push(c);
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(platform::csv::uncell(&cell).to_string());
        rows.push((start, row));
    }
    from_rows(rows)
}

/// The first sheet of an XLSX file.
pub fn parse_xlsx(bytes: &[u8]) -> Result<Parsed, TableError> {
    use calamine::Reader;
    let mut book =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).map_err(|e| TableError::Xlsx(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| TableError::Xlsx("no sheet".into()))?
        .map_err(|e| TableError::Xlsx(e.to_string()))?;
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (i + 1, r.iter().map(|c| c.to_string()).collect()))
        .collect();
    Ok(from_rows(rows))
}

fn owner_phrase(owner: Owner, municipality: &str) -> String {
    match owner {
        Owner::Municipality => format!("{municipality} kommun ska: "),
        Owner::CivilSociety => "Civilsamhället ska: ".into(),
        Owner::Both => format!("{municipality} kommun och civilsamhället ska: "),
        Owner::Unstated => String::new(),
    }
}

/// The header and one row per activity.
pub fn to_rows(plan: &TablePlan, municipality: &str) -> Vec<[String; 6]> {
    let mut rows = vec![HEADER.map(str::to_string)];
    for a in &plan.areas {
        for g in &a.goals {
            for act in &g.activities {
                rows.push([
                    format!("Nr {} {}", a.number, a.name),
                    format!("{}{}", owner_phrase(g.owner, municipality), g.text),
                    act.text.clone(),
                    act.time.clone(),
                    act.responsible.clone(),
                    act.follow_up.clone(),
                ]);
            }
        }
    }
    rows
}

pub fn to_text(plan: &TablePlan, municipality: &str) -> String {
    to_rows(plan, municipality)
        .iter()
        .map(|r| r.join("\t").replace('\n', " "))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn to_csv(plan: &TablePlan, municipality: &str) -> String {
    let rows: Vec<Vec<String>> = to_rows(plan, municipality).into_iter().map(Vec::from).collect();
    platform::csv::document(&rows)
}

pub fn to_xlsx(plan: &TablePlan, municipality: &str) -> Result<Vec<u8>, TableError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in to_rows(plan, municipality).iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, v)
                .map_err(|e| TableError::Xlsx(e.to_string()))?;
        }
    }
    book.save_to_buffer().map_err(|e| TableError::Xlsx(e.to_string()))
}
