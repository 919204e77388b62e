//! The three readers: each turns its format into numbered lines of cells for `place::place`.

use calamine::Data;

use super::place::{place, RawLine};
use super::{Parsed, TableError};

/// Tab-separated text as pasted from a table (exactly the layout of seed 003, with its markdown
/// "## " group headings). Line numbers are the text's lines, from 1. A byte order mark and CRLF
/// line ends are accepted.
///
/// Excel and other spreadsheets put a cell that holds a line break, a tab or a quote on the
/// clipboard in quotes (`"rad 1\nrad 2"`, quotes inside doubled); such a cell is read as one
/// cell and its row keeps the number of the line it starts on. A quote at the start of a cell
/// that does not form such a cell is text: `"Information till alla", siteimprove` in seed 003,
/// or `"Titel"` (a spreadsheet would not have quoted it).
pub fn parse_text(input: &str) -> Parsed {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    place(tsv_lines(input))
}

/// The lines of tab-separated text, with spreadsheet-quoted cells (see [`parse_text`]).
fn tsv_lines(input: &str) -> Vec<RawLine> {
    let mut lines = Vec::new();
    let mut cells = Vec::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut rest = input;
    loop {
        if let Some((cell, used)) = rest.strip_prefix('"').and_then(quoted_cell) {
            line += cell.matches('\n').count();
            cells.push(cell);
            rest = &rest[1 + used..];
        } else {
            let end = rest.find(['\t', '\n']).unwrap_or(rest.len());
            let cell = &rest[..end];
            cells.push(cell.strip_suffix('\r').unwrap_or(cell).to_string());
            rest = &rest[end..];
        }
        // `rest` now starts at a tab, a line end (maybe "\r\n") or the end of the input.
        let rest_trimmed = rest.strip_prefix('\r').filter(|r| r.starts_with('\n')).unwrap_or(rest);
        if let Some(r) = rest_trimmed.strip_prefix('\t') {
            rest = r;
        } else if let Some(r) = rest_trimmed.strip_prefix('\n') {
            lines.push(RawLine {
                line: start_line,
                cells: std::mem::take(&mut cells),
            });
            line += 1;
            start_line = line;
            rest = r;
        } else {
            lines.push(RawLine {
                line: start_line,
                cells: std::mem::take(&mut cells),
            });
            return lines;
        }
    }
}

/// A spreadsheet-quoted cell after its opening quote: its text and the bytes used up to and with
/// the closing quote, which must stand before a tab, a line end or the end. `None` unless the
/// cell holds a line break, a tab or a doubled quote (only those make a spreadsheet quote).
fn quoted_cell(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut special = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' if chars.peek().map(|p| p.1) == Some('"') => {
                chars.next();
                out.push('"');
                special = true;
            }
            '"' => {
                let after = &s[i + 1..];
                let closes = after.is_empty() || after.starts_with(['\t', '\n']) || after.starts_with("\r\n");
                return (closes && special).then_some((out, i + 1));
            }
            '\r' if chars.peek().map(|p| p.1) == Some('\n') => {}
            '\n' | '\t' => {
                special = true;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    None
}

/// CSV as spreadsheets save it: the separator is `;`, `,` or a tab, whichever occurs most (outside
/// quotes) in the first non-blank record (`;` on a tie); quoted cells may hold separators, doubled
/// quotes and line breaks; a byte order mark is skipped; the apostrophe `platform::csv::cell` puts
/// before formula-like values is taken away ([`platform::csv::uncell`]). So it reads what
/// [`super::to_csv`] writes and ordinary comma or semicolon CSV. A problem's line is the line
/// where its record starts. For bytes of unknown encoding, decode with
/// `platform::upload::decode_text` first (UTF-8 or Windows-1252).
pub fn parse_csv(input: &str) -> Parsed {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let sep = detect_separator(input);
    let lines = csv_records(input, sep)
        .into_iter()
        .map(|(line, cells)| RawLine {
            line,
            cells: cells.iter().map(|c| platform::csv::uncell(c).to_string()).collect(),
        })
        .collect();
    place(lines)
}

/// The separator of the first non-blank record.
fn detect_separator(input: &str) -> char {
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut quoted = false;
    let mut seen_text = false;
    for c in input.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                if seen_text {
                    break;
                }
            }
            _ if quoted => {}
            _ => {
                if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == c) {
                    slot.1 += 1;
                }
                if !c.is_whitespace() {
                    seen_text = true;
                }
            }
        }
    }
    // The first maximum wins, so `;` on a tie.
    let mut best = counts[0];
    for c in counts {
        if c.1 > best.1 {
            best = c;
        }
    }
    best.0
}

/// The records of a CSV text with the line each starts on. CRLF and LF both end a record.
fn csv_records(input: &str, sep: char) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut quoted = false;
    // Whether the current cell began with a quote (only then does a quote close it).
    let mut was_quoted = false;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                cells.push(std::mem::take(&mut cell));
                records.push((start_line, std::mem::take(&mut cells)));
                was_quoted = false;
                line += 1;
                start_line = line;
            }
            c if c == sep => {
                cells.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            _ => cell.push(c),
        }
    }
    if !cell.is_empty() || !cells.is_empty() || was_quoted {
        cells.push(cell);
        records.push((start_line, cells));
    }
    records
}

/// The first worksheet of an XLSX workbook, read with the same six columns, counted from the
/// first column in use (A–F usually; C–H when the sheet starts at C). Numbers are read as
/// written ("2020", not "2020.0"). A problem's line is the worksheet's row number. Read within
/// [`platform::xlsx::Limits::SMALL`]: a workbook that inflates or spreads past it (one cell in
/// A1 and one in XFD1048576) is [`TableError::TooLarge`], not an allocation of its bounding box.
pub fn parse_xlsx(bytes: &[u8]) -> Result<Parsed, TableError> {
    use platform::xlsx::{first_sheet, Limits, XlsxError};
    let rows = first_sheet(bytes, &Limits::SMALL).map_err(|e| match e {
        XlsxError::NotXlsx(why) => TableError::Xlsx(why),
        XlsxError::NoWorksheet => TableError::NoWorksheet,
        XlsxError::TooLarge(what) => TableError::TooLarge(what),
    })?;
    let lines = rows
        .into_iter()
        .map(|(row, cells)| RawLine {
            line: row as usize + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    Ok(place(lines))
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn cells(input: &str) -> Vec<(usize, Vec<String>)> {
        tsv_lines(input).into_iter().map(|l| (l.line, l.cells)).collect()
    }

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tab_separated_lines_with_spreadsheet_quotes() {
        assert_eq!(cells("a\tb\r\nc"), vec![(1, v(&["a", "b"])), (2, v(&["c"]))]);
        assert_eq!(cells("a\n"), vec![(1, v(&["a"])), (2, v(&[""]))]);
        assert_eq!(
            cells("Nr 1\t\"rad 1\r\nrad \"\"2\"\"\"\tx\nNr 2\ty"),
            vec![(1, v(&["Nr 1", "rad 1\nrad \"2\"", "x"])), (3, v(&["Nr 2", "y"]))]
        );
        // Quotes a spreadsheet would not write are text.
        assert_eq!(
            cells("\"Information till alla\", siteimprove\t\"Titel\"\t\"öppen"),
            vec![(
                1,
                v(&["\"Information till alla\", siteimprove", "\"Titel\"", "\"öppen"])
            )]
        );
    }

    #[test]
    fn separators_are_detected_from_the_first_record() {
        assert_eq!(detect_separator("a;b;c\n1,2;3"), ';');
        assert_eq!(detect_separator("\n\na,b,c\nx;y;z;w"), ',');
        assert_eq!(detect_separator("\"a;b\",c,d"), ',');
        assert_eq!(detect_separator("a\tb\tc"), '\t');
        assert_eq!(detect_separator("abc"), ';');
    }

    #[test]
    fn csv_records_with_quotes_and_line_breaks() {
        let recs = csv_records("a;\"b;\"\"c\"\"\nd\";e\r\nf;g\n", ';');
        assert_eq!(
            recs,
            vec![
                (1, vec!["a".to_string(), "b;\"c\"\nd".to_string(), "e".to_string()]),
                (3, vec!["f".to_string(), "g".to_string()]),
            ]
        );
        assert_eq!(
            csv_records("x,\"\"", ','),
            vec![(1, vec!["x".to_string(), String::new()])]
        );
        assert_eq!(csv_records("", ','), Vec::<(usize, Vec<String>)>::new());
    }
}
