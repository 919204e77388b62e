//! The three readers: each turns its format into numbered lines of cells for `place::place`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::place::{place, RawLine};
use super::{Parsed, TableError};

/// Tab-separated text as pasted from a table (exactly the layout of seed 003, with its markdown
/// "## " group headings). Line numbers are the text's lines, from 1. A byte order mark and CRLF
/// line ends are accepted.
pub fn parse_text(input: &str) -> Parsed {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let lines = input
        .split('\n')
        .enumerate()
        .map(|(i, l)| RawLine {
            line: i + 1,
            cells: l
                .strip_suffix('\r')
                .unwrap_or(l)
                .split('\t')
                .map(str::to_string)
                .collect(),
        })
        .collect();
    place(lines)
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
/// written ("2020", not "2020.0"). A problem's line is the worksheet's row number.
pub fn parse_xlsx(bytes: &[u8]) -> Result<Parsed, TableError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| TableError::Xlsx(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(TableError::NoWorksheet)?
        .map_err(|e| TableError::Xlsx(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let lines = range
        .rows()
        .enumerate()
        .map(|(i, row)| RawLine {
            line: first_row + i + 1,
            cells: row.iter().map(cell_text).collect(),
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
