//! Writing CSV files as spreadsheets in Sweden open them: UTF-8 with a byte order mark, `;`
//! between cells (the comma is the decimal sign), CRLF between lines (RFC 4180), and no cell a
//! spreadsheet would run as a formula.

/// One CSV cell: quoted when it holds a separator, a quote, a line break or spaces at its ends
/// (quotes doubled); a cell that a spreadsheet would run as a formula gets a leading apostrophe,
/// which [`uncell`] takes away again.
pub fn cell(value: &str) -> String {
    let v = defused(value);
    if v.contains([';', '"', '\n', '\r', ',']) || v.starts_with(' ') || v.ends_with(' ') {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.into_owned()
    }
}

/// A value a spreadsheet could run as a formula (one that starts with `=`, `+`, `-`, `@`, a tab,
/// a carriage return or a line feed; `- 2+3` too, and negative numbers, which read back the
/// same) with a leading apostrophe, which [`uncell`] takes away again; any other value as it
/// is. For a writer that quotes cells itself (the `csv` crate).
pub fn defused(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// A whole CSV file: the byte order mark, then each row's cells, each line ending in CRLF.
pub fn document(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for r in rows {
        out.push_str(&r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

/// A cell as read back: the apostrophe [`cell`] adds before a formula-like value is dropped.
pub fn uncell(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(cell("Sala IF"), "Sala IF");
        assert_eq!(cell("Åsa Öberg"), "Åsa Öberg");
        assert_eq!(cell("Kultur; fritid"), "\"Kultur; fritid\"");
        assert_eq!(cell("Föreningen \"Vi\""), "\"Föreningen \"\"Vi\"\"\"");
        assert_eq!(cell("rad 1\nrad 2"), "\"rad 1\nrad 2\"");
        assert_eq!(cell("rad 1\r\nrad 2"), "\"rad 1\r\nrad 2\"");
        assert_eq!(cell(""), "");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+46 70"), "'+46 70");
        assert_eq!(cell("@summa"), "'@summa");
        assert_eq!(cell("2018-04-21"), "2018-04-21");
        assert_eq!(uncell(&cell("+46 70")), "+46 70");
        assert_eq!(uncell("'vanlig"), "'vanlig");
    }

    #[test]
    fn every_cell_a_spreadsheet_could_run_is_defused() {
        // "- " and "-" alone got through before: `- 2+3` and `-1+1` are formulas to Excel.
        for v in [
            "- 2+3", "-", "-1+1", "=1", "+1", "@x", "\tx", "\rx", "\nx", "-SUM(A1)", "- ",
        ] {
            assert_eq!(defused(v), format!("'{v}"), "{v:?}");
            assert_eq!(uncell(&defused(v)), v, "{v:?}");
        }
        assert_eq!(cell("- 2+3"), "'- 2+3");
        assert_eq!(cell("\nx"), "\"'\nx\"");
        assert_eq!(defused("Sala - IF"), "Sala - IF");
    }

    #[test]
    fn documents_start_with_a_bom_and_end_lines_in_crlf() {
        let doc = document(&[
            vec!["Signatär".into(), "Typ".into()],
            vec!["IKS – Ideell Kultur i Sala".into(), "Förening".into()],
            vec!["A;B".into(), "Övrig".into()],
        ]);
        assert_eq!(
            doc,
            "\u{feff}Signatär;Typ\r\nIKS – Ideell Kultur i Sala;Förening\r\n\"A;B\";Övrig\r\n"
        );
        assert!(doc.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        assert_eq!(document(&[vec![]]), "\u{feff}\r\n");
    }
}
