//! Reading the first worksheet of an uploaded XLSX workbook without trusting it.
//!
//! An XLSX file is a ZIP archive of XML: a 2 kB file can inflate to gigabytes, and a sheet with
//! one cell in A1 and one in XFD1048576 makes a reader that fills the cells' bounding box
//! (calamine's `worksheet_range`) allocate 17 billion cells and abort the process. So:
//! every archive entry is inflated once with a cap before calamine opens it ([`check_archive`]),
//! the cells are read one at a time (calamine's cell reader) and only those with a value are
//! kept, up to a count; a sheet wider than [`Limits::columns`] is refused, and each row holds the columns from the first one in use to its own
//! last cell, the whole at most [`Limits::cells`] cells. Blank rows are left out (every reader
//! here skips them). CPU-bound: call it from `tokio::task::spawn_blocking`.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader, Xlsx};

/// What a workbook may cost.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The inflated size of any one entry of the archive, in bytes.
    pub entry_bytes: u64,
    /// The inflated size of all entries together, in bytes.
    pub total_bytes: u64,
    /// The number of entries.
    pub entries: usize,
    /// The cells of the rows returned (each row from the first column in use to its last cell).
    pub cells: usize,
    /// The columns from the first in use to the last: a table is not 16 384 columns wide.
    pub columns: u32,
}

impl Limits {
    /// For small tables (a plan, a list): 20 MB inflated per entry, 200 000 cells.
    pub const SMALL: Limits = Limits {
        entry_bytes: 20 * 1024 * 1024,
        total_bytes: 40 * 1024 * 1024,
        entries: 1_000,
        cells: 200_000,
        columns: 256,
    };
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    #[error("not a readable XLSX workbook: {0}")]
    NotXlsx(String),
    #[error("the workbook has no worksheet")]
    NoWorksheet,
    /// Larger than the [`Limits`] allow (inflated entries, cells, or cells too far apart).
    #[error("the workbook is larger than allowed: {0}")]
    TooLarge(&'static str),
}

/// One row with a value: its index in the sheet (from 0) and its cells from the sheet's first
/// column in use.
pub type Row = (u32, Vec<Data>);

/// The rows of the first worksheet that hold a value, in order, within `limits`.
pub fn first_sheet(bytes: &[u8], limits: &Limits) -> Result<Vec<Row>, XlsxError> {
    check_archive(bytes, limits)?;
    let not = |e: calamine::XlsxError| XlsxError::NotXlsx(e.to_string());
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(not)?;
    let name = book.sheet_names().first().cloned().ok_or(XlsxError::NoWorksheet)?;
    let mut reader = match book.worksheet_cells_reader(&name) {
        Ok(r) => r,
        // A chart sheet first: no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(not(e)),
    };
    let mut rows: BTreeMap<u32, Vec<(u32, Data)>> = BTreeMap::new();
    let mut count = 0usize;
    while let Some(cell) = reader.next_cell().map_err(not)? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        count += 1;
        if count > limits.cells {
            return Err(XlsxError::TooLarge("cells"));
        }
        let (row, col) = cell.get_position();
        rows.entry(row)
            .or_default()
            .push((col, cell.get_value().clone().into()));
    }
    let first_col = rows.values().flatten().map(|(c, _)| *c).min().unwrap_or(0);
    let last_col = rows.values().flatten().map(|(c, _)| *c).max().unwrap_or(0);
    if last_col - first_col >= limits.columns {
        return Err(XlsxError::TooLarge("columns"));
    }
    // The cells the rows will hold, before any is made.
    let mut area = 0u64;
    for cells in rows.values() {
        let last = cells.iter().map(|(c, _)| *c).max().unwrap_or(first_col);
        area += u64::from(last - first_col) + 1;
        if area > limits.cells as u64 {
            return Err(XlsxError::TooLarge("area"));
        }
    }
    Ok(rows
        .into_iter()
        .map(|(row, cells)| {
            let last = cells.iter().map(|(c, _)| *c).max().unwrap_or(first_col);
            let mut dense = vec![Data::Empty; (last - first_col) as usize + 1];
            for (c, v) in cells {
                dense[(c - first_col) as usize] = v;
            }
            (row, dense)
        })
        .collect())
}

/// Inflates every entry of the archive once, into nothing, and refuses the archive when an
/// entry or all of them inflate to more than `limits` allow (the sizes the archive states are
/// not trusted), or it has too many entries.
pub fn check_archive(bytes: &[u8], limits: &Limits) -> Result<(), XlsxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| XlsxError::NotXlsx(e.to_string()))?;
    if zip.len() > limits.entries {
        return Err(XlsxError::TooLarge("entries"));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| XlsxError::NotXlsx(e.to_string()))?;
        if entry.size() > limits.entry_bytes {
            return Err(XlsxError::TooLarge("entry"));
        }
        let n = std::io::copy(&mut (&mut entry).take(limits.entry_bytes + 1), &mut std::io::sink())
            .map_err(|e| XlsxError::NotXlsx(e.to_string()))?;
        if n > limits.entry_bytes {
            return Err(XlsxError::TooLarge("entry"));
        }
        total += n;
        if total > limits.total_bytes {
            return Err(XlsxError::TooLarge("total"));
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            out.start_file(*name, opts).unwrap();
            out.write_all(data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn an_entry_that_inflates_past_the_limit_is_refused() {
        let zeros = vec![0u8; 3 * 1024 * 1024];
        let bytes = zip_of(&[("xl/sharedStrings.xml", &zeros)]);
        assert!(bytes.len() < 20_000, "{}", bytes.len());
        let small = Limits {
            entry_bytes: 1024 * 1024,
            ..Limits::SMALL
        };
        assert_eq!(check_archive(&bytes, &small), Err(XlsxError::TooLarge("entry")));
        assert_eq!(check_archive(&bytes, &Limits::SMALL), Ok(()));
        let total = Limits {
            total_bytes: 5 * 1024 * 1024,
            ..Limits::SMALL
        };
        let two = zip_of(&[("a", &zeros), ("b", &zeros)]);
        assert_eq!(check_archive(&two, &total), Err(XlsxError::TooLarge("total")));
    }

    #[test]
    fn garbage_is_not_a_workbook() {
        assert!(matches!(
            first_sheet(b"PK\x03\x04 trasig", &Limits::SMALL),
            Err(XlsxError::NotXlsx(_))
        ));
        assert!(matches!(first_sheet(b"", &Limits::SMALL), Err(XlsxError::NotXlsx(_))));
    }
}
