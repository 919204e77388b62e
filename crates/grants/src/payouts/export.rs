//! A payout list as files for the finance system: CSV as spreadsheets in Sweden open it (UTF-8
//! with a byte order mark, `;` between cells, `platform::csv`) and XLSX (the amount a number
//! in kronor). Only the rows whose account is valid are exported; the headings are Swedish.

use crate::payouts::domain::{table, PayoutList, HEADINGS};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The list as a CSV document.
pub fn csv(list: &PayoutList) -> String {
    platform::csv::document(&table(list))
}

/// The column of the amount in [`HEADINGS`].
const AMOUNT: usize = 4;

/// The list as an XLSX workbook: one sheet, bold headings, the amount as a number with two
/// decimals, everything else as text (organisation and giro numbers keep their dashes).
pub fn xlsx(list: &PayoutList) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(format!("Utbetalning {}", list.payable_on.format("%Y-%m-%d")))?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    for (c, h) in HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), *h, &bold)?;
    }
    let exported = list.exportable().map(|r| r.amount_ore);
    for (r, (cells, ore)) in table(list).iter().skip(1).zip(exported).enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, v) in cells.iter().enumerate() {
            if c == AMOUNT {
                sheet.write_number_with_format(row, col(c), ore as f64 / 100.0, &money)?;
            } else {
                sheet.write_string(row, col(c), v)?;
            }
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
