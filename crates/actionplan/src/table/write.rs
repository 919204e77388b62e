//! Writing a plan in the table layout of seed 003.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use super::{TableArea, TableError, TablePlan};

/// The header row of the table, as seed 003 writes it.
pub const HEADER: [&str; 6] = [
    "Område",
    "Mål i handlingsplanen",
    "Arbetsgruppens förslag på aktiviteter för att nå målen i handlingsplanen.",
    "Tid",
    "Ansvar",
    "Uppföljning",
];

/// Column widths of the XLSX sheet, in characters.
const WIDTHS: [f64; 6] = [22.0, 45.0, 60.0, 16.0, 24.0, 28.0];

/// The header row, then one row per activity, in the plan's order: "Nr \<number> \<name>", the
/// goal with its owner phrase ("\<Name> kommun ska: …", "Civilsamhället ska: …", "\<Name> kommun och
/// civilsamhället ska: …", or the goal alone when no owner was stated), then the activity's
/// text, time, responsible and follow-up. A goal without activities is one row with empty
/// activity cells; an area without goals is one row with only its Område cell. Groups are not
/// in these rows; [`to_text`], [`to_csv`] and [`to_xlsx`] add them as headings.
pub fn to_rows(plan: &TablePlan, municipality_name: &str) -> Vec<[String; 6]> {
    let mut rows = vec![HEADER.map(str::to_string)];
    for area in &plan.areas {
        rows.extend(area_rows(area, municipality_name));
    }
    rows
}

fn area_rows(area: &TableArea, municipality_name: &str) -> Vec<[String; 6]> {
    let area_cell = format!("Nr {} {}", area.number, area.name);
    if area.goals.is_empty() {
        return vec![[
            area_cell,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]];
    }
    let mut rows = Vec::new();
    for goal in &area.goals {
        let goal_cell = match goal.owner.phrase(municipality_name) {
            Some(phrase) if goal.text.is_empty() => phrase,
            Some(phrase) => format!("{phrase} {}", goal.text),
            None => goal.text.clone(),
        };
        if goal.activities.is_empty() {
            rows.push([
                area_cell.clone(),
                goal_cell.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for a in &goal.activities {
            rows.push([
                area_cell.clone(),
                goal_cell.clone(),
                a.text.clone(),
                a.time.clone(),
                a.responsible.clone(),
                a.follow_up.clone(),
            ]);
        }
    }
    rows
}

/// A line of the written layout.
enum Line {
    /// "## \<group>", or "##" to end a group.
    Heading(String),
    Header,
    Row([String; 6]),
    Blank,
}

/// The layout of seed 003: per run of areas with the same group, its heading and a blank line
/// (none before the first run when it has no group), the header row, the rows, a blank line.
fn layout(plan: &TablePlan, municipality_name: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Option<&Option<String>> = None;
    for area in &plan.areas {
        if current != Some(&area.group) {
            let first = current.is_none();
            if !first {
                lines.push(Line::Blank);
            }
            match &area.group {
                Some(g) => {
                    lines.push(Line::Heading(format!("## {g}")));
                    lines.push(Line::Blank);
                }
                None if !first => {
                    lines.push(Line::Heading("##".to_string()));
                    lines.push(Line::Blank);
                }
                None => {}
            }
            lines.push(Line::Header);
            current = Some(&area.group);
        }
        lines.extend(area_rows(area, municipality_name).into_iter().map(Line::Row));
    }
    if current.is_none() {
        lines.push(Line::Header);
    }
    lines
}

/// Tab-separated text in the layout of seed 003 ("## \<group>" headings, a header row per group,
/// one line per row, "\n" line ends). Tabs and line breaks inside a cell become spaces; a cell
/// that starts with a quote is written in quotes, its quotes doubled, as a spreadsheet would, so
/// [`super::parse_text`] reads it back as written.
pub fn to_text(plan: &TablePlan, municipality_name: &str) -> String {
    let one_line = |c: &str| {
        let c = c.replace(['\t', '\r', '\n'], " ");
        if c.starts_with('"') {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c
        }
    };
    let mut out = String::new();
    for line in layout(plan, municipality_name) {
        match line {
            Line::Heading(h) => out.push_str(&one_line(&h)),
            Line::Header => out.push_str(&HEADER.join("\t")),
            Line::Row(cells) => out.push_str(&cells.iter().map(|c| one_line(c)).collect::<Vec<_>>().join("\t")),
            Line::Blank => {}
        }
        out.push('\n');
    }
    out
}

/// CSV through [`platform::csv::document`] (byte order mark, `;`, CRLF, formula-safe cells), in
/// the same layout as [`to_text`]; a heading is a row with "## \<group>" in its first cell.
pub fn to_csv(plan: &TablePlan, municipality_name: &str) -> String {
    let rows: Vec<Vec<String>> = layout(plan, municipality_name)
        .into_iter()
        .map(|line| match line {
            Line::Heading(h) => {
                let mut r = vec![String::new(); 6];
                r[0] = h;
                r
            }
            Line::Header => HEADER.map(str::to_string).to_vec(),
            Line::Row(cells) => cells.to_vec(),
            Line::Blank => Vec::new(),
        })
        .collect();
    platform::csv::document(&rows)
}

/// An XLSX workbook with one sheet "Handlingsplan" in the same layout as [`to_text`]: headings
/// and header rows bold, cells wrapped and aligned to the top, columns sized for their content.
pub fn to_xlsx(plan: &TablePlan, municipality_name: &str) -> Result<Vec<u8>, TableError> {
    xlsx(plan, municipality_name).map_err(|e| TableError::Write(e.to_string()))
}

fn xlsx(plan: &TablePlan, municipality_name: &str) -> Result<Vec<u8>, XlsxError> {
    let bold = Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Handlingsplan")?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    for (row, line) in (0u32..).zip(layout(plan, municipality_name)) {
        match line {
            Line::Heading(h) => {
                sheet.write_string_with_format(row, 0, h, &bold)?;
            }
            Line::Header => {
                for (col, h) in (0u16..).zip(HEADER) {
                    sheet.write_string_with_format(row, col, h, &bold)?;
                }
            }
            Line::Row(cells) => {
                for (col, c) in (0u16..).zip(cells) {
                    if !c.is_empty() {
                        sheet.write_string_with_format(row, col, c, &wrap)?;
                    }
                }
            }
            Line::Blank => {}
        }
    }
    book.save_to_buffer()
}
