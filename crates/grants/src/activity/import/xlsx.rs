//! Attendance as an XLSX workbook: the first worksheet, its first row the header, with the same
//! columns as the CSV file. Each row's cells are turned into the text a CSV file would hold
//! (dates as `YYYY-MM-DD`, times as `HH:MM`, whole numbers without decimals) and read by the
//! same row reader, so both formats accept and refuse the same things.

use super::{ImportError, Rows};
use crate::activity::domain::Meeting;
use calamine::Data;
use platform::xlsx::{first_sheet, Limits, XlsxError};

/// What an attendance workbook may cost: a 20 MB upload of XML compresses about ten to one, so
/// 256 MB inflated per entry; four million cells (400 000 rows of ten columns), 256 columns. A workbook
/// past these, or with cells far apart (A1 and XFD1048576), is [`ImportError::TooLarge`].
pub const LIMITS: Limits = Limits {
    entry_bytes: 256 * 1024 * 1024,
    total_bytes: 320 * 1024 * 1024,
    entries: 1_000,
    cells: 4_000_000,
    columns: 256,
};

/// Reads the first worksheet into meetings. A row's line is its row number in the sheet.
pub fn read_xlsx(bytes: &[u8], max_errors: usize) -> Result<Vec<Meeting>, ImportError> {
    let sheet = first_sheet(bytes, &LIMITS).map_err(|e| match e {
        XlsxError::TooLarge(_) => ImportError::TooLarge,
        XlsxError::NotXlsx(_) | XlsxError::NoWorksheet => ImportError::NotXlsx,
    })?;
    let mut lines = sheet.into_iter();
    let Some((_, header)) = lines.next() else {
        return Err(ImportError::MissingColumn("grupp"));
    };
    let header: Vec<String> = header.iter().map(cell_text).collect();
    let mut rows = Rows::new(header.iter().map(String::as_str), max_errors)?;
    for (row, cells) in lines {
        let cells: Vec<String> = cells.iter().map(cell_text).collect();
        rows.row(u64::from(row) + 1, |c| cells.get(c).map_or("", String::as_str));
    }
    rows.finish()
}

/// A cell as CSV text. Excel keeps dates and times as numbers with a format: a whole number is
/// a date, a fraction below one a time of day.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(dt) => {
            let v = dt.as_f64();
            let (y, mo, d, h, mi, _, _) = dt.to_ymd_hms_milli();
            if v < 1.0 {
                format!("{h:02}:{mi:02}")
            } else if v.fract() == 0.0 {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
            }
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::domain::Gender;
    use chrono::NaiveTime;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    const HEADER: [&str; 9] = [
        "Grupp",
        "Datum",
        "Start",
        "Minuter",
        "Aktivitet",
        "Roll",
        "Namn",
        "Födelseår",
        "Kön",
    ];

    fn book(rows: &[[&str; 9]]) -> Vec<u8> {
        let mut wb = Workbook::new();
        let sheet = wb.add_worksheet();
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, *v).unwrap();
            }
        }
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbook_reads_as_the_same_csv_would() {
        let bytes = book(&[
            [
                "P16",
                "2026-03-02",
                "17:00",
                "60",
                "Fotboll",
                "Ledare",
                "Sara Ek",
                "1990",
                "Flicka",
            ],
            [
                "P16",
                "2026-03-02",
                "17:00",
                "60",
                "Fotboll",
                "Deltagare",
                "Ali Öz",
                "2016",
                "Pojke",
            ],
        ]);
        let m = read_xlsx(&bytes, 10).unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].leaders[0].name, "Sara Ek");
        assert_eq!(m[0].participants[0].gender, Gender::Boy);
        assert_eq!(m[0].participants[0].key, "ali öz|2016");
        assert!(crate::activity::import::is_xlsx("", &bytes));
    }

    #[test]
    fn numbers_dates_and_times_as_excel_keeps_them() {
        let mut wb = Workbook::new();
        let sheet = wb.add_worksheet();
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        let date = ExcelDateTime::from_ymd(2026, 3, 2).unwrap();
        let time = ExcelDateTime::from_hms(18, 30, 0).unwrap();
        sheet.write_string(1, 0, "F12").unwrap();
        sheet
            .write_datetime_with_format(1, 1, &date, &Format::new().set_num_format("yyyy-mm-dd"))
            .unwrap();
        sheet
            .write_datetime_with_format(1, 2, &time, &Format::new().set_num_format("hh:mm"))
            .unwrap();
        sheet.write_number(1, 3, 90).unwrap();
        sheet.write_string(1, 5, "Deltagare").unwrap();
        sheet.write_string(1, 6, "Eva Berg").unwrap();
        sheet.write_number(1, 7, 2014).unwrap();
        sheet.write_string(1, 8, "F").unwrap();
        let m = read_xlsx(&wb.save_to_buffer().unwrap(), 10).unwrap();
        assert_eq!(m[0].date.to_string(), "2026-03-02");
        assert_eq!(m[0].start, NaiveTime::from_hms_opt(18, 30, 0).unwrap());
        assert_eq!(m[0].minutes, 90);
        assert_eq!(m[0].participants[0].birth_year, 2014);
    }

    #[test]
    fn wrong_rows_are_listed_by_their_row_in_the_sheet() {
        let bytes = book(&[
            ["P16", "2026-03-02", "17:00", "60", "", "Ledare", "Sara", "1990", ""],
            ["P16", "2.3.2026", "17:00", "60", "", "Tränare", "Ali", "2016", ""],
        ]);
        let Err(ImportError::Rows(errors)) = read_xlsx(&bytes, 10) else {
            panic!("expected row errors")
        };
        let got: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(got, vec![(3, "datum"), (3, "roll")]);
        assert_eq!(read_xlsx(b"PK\x03\x04 nothing", 10), Err(ImportError::NotXlsx));
    }
}
