//! Reading attendance exported by club systems: a CSV file (semicolon or comma separated, as
//! Swedish spreadsheets write it) or an XLSX workbook ([`xlsx`]) with one row per person and
//! meeting. The layout accepted is documented in `docs/attendance.md`; rows with the same group,
//! date and start make one meeting. Plain functions over bytes: no database.

mod xlsx;

pub use xlsx::read_xlsx;

use crate::activity::domain::{Gender, Meeting, Person};
use chrono::{NaiveDate, NaiveTime};
use std::collections::HashMap;

/// A row that could not be read, by its line in the file (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: &'static str,
    pub message_id: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The header lacks a column that must be there.
    MissingColumn(&'static str),
    NotCsv,
    /// An XLSX file that does not open, or has no worksheet.
    NotXlsx,
    /// An XLSX file past [`xlsx::LIMITS`]: too many cells, cells far apart, or entries that
    /// inflate too much.
    TooLarge,
    /// Rows that could not be read; nothing is imported then.
    Rows(Vec<RowError>),
}

/// The columns, by their header names (case and spaces ignored; Swedish first, English too).
const COLUMNS: &[(&str, &[&str])] = &[
    ("grupp", &["grupp", "group"]),
    ("datum", &["datum", "date"]),
    ("start", &["start", "starttid", "start time"]),
    ("minuter", &["minuter", "minutes", "längd"]),
    ("aktivitet", &["aktivitet", "activity"]),
    ("roll", &["roll", "role"]),
    ("id", &["id", "medlemsnummer", "member"]),
    ("namn", &["namn", "name"]),
    ("födelseår", &["födelseår", "birth year", "fodelsear"]),
    ("kön", &["kön", "gender", "kon"]),
];

const REQUIRED: &[&str] = &["grupp", "datum", "start", "minuter", "roll", "namn", "födelseår"];

/// A gender as club systems write it (Swedish, English or one letter); empty is "other".
pub(crate) fn gender(s: &str) -> Option<Gender> {
    match s.trim().to_lowercase().as_str() {
        "flicka" | "kvinna" | "k" | "f" | "girl" | "woman" | "female" => Some(Gender::Girl),
        "pojke" | "man" | "m" | "p" | "boy" | "male" => Some(Gender::Boy),
        "" | "annat" | "-" | "other" | "x" => Some(Gender::Other),
        _ => None,
    }
}

/// Whether a file is an XLSX workbook (by its name, or a ZIP archive's first bytes).
pub fn is_xlsx(file_name: &str, bytes: &[u8]) -> bool {
    file_name.to_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04")
}

/// Reads an attendance file of either kind: XLSX (see [`read_xlsx`]) or CSV ([`read_csv`]),
/// the CSV in UTF-8 or in the Windows-1252 that Swedish Excel saves "CSV" as.
pub fn read_file(file_name: &str, bytes: &[u8], max_errors: usize) -> Result<Vec<Meeting>, ImportError> {
    if is_xlsx(file_name, bytes) {
        read_xlsx(bytes, max_errors)
    } else {
        read_csv(platform::upload::decode_text(bytes).as_bytes(), max_errors)
    }
}

/// Text without control characters (tabs, line breaks, the separators of
/// `activity::store`'s packed reads): what a name, a key, a group or an activity may hold.
pub(crate) fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        s.chars().filter(|c| !c.is_control()).collect::<String>().into()
    } else {
        s.into()
    }
}

/// The key that tells the same person apart across meetings: the member id when the file has
/// one, otherwise the name and birth year.
pub fn person_key(id: &str, name: &str, birth_year: i32) -> String {
    if id.is_empty() {
        format!("{}|{birth_year}", name.to_lowercase())
    } else {
        format!("#{id}")
    }
}

/// Reads the file into meetings, in the order they first appear. Every row is checked; if any
/// is wrong, all errors are returned (up to `max_errors`) and nothing is read.
pub fn read_csv(bytes: &[u8], max_errors: usize) -> Result<Vec<Meeting>, ImportError> {
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|_| ImportError::NotCsv)?;
    let first = text.lines().next().ok_or(ImportError::NotCsv)?;
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| ImportError::NotCsv)?.clone();
    let mut rows = Rows::new(headers.iter(), max_errors)?;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err(ImportError::NotCsv),
        }
        let line = record.position().map_or(0, |p| p.line());
        rows.row(line, |i| record.get(i).unwrap_or(""));
    }
    rows.finish()
}

/// The rows of a file after its header, whatever the format: each is checked and put into its
/// meeting. The CSV and XLSX readers both feed it, so the two read the same columns the same way.
pub(crate) struct Rows {
    at: HashMap<&'static str, usize>,
    meetings: Vec<Meeting>,
    index: HashMap<(String, NaiveDate, NaiveTime), usize>,
    errors: Vec<RowError>,
    max_errors: usize,
}

impl Rows {
    /// Finds the columns in the header; a required one missing refuses the file.
    pub(crate) fn new<'h>(header: impl Iterator<Item = &'h str>, max_errors: usize) -> Result<Rows, ImportError> {
        let mut at: HashMap<&'static str, usize> = HashMap::new();
        for (i, h) in header.enumerate() {
            let h = h.trim().to_lowercase();
            if let Some((name, _)) = COLUMNS.iter().find(|(_, aliases)| aliases.contains(&h.as_str())) {
                at.entry(name).or_insert(i);
            }
        }
        if let Some(missing) = REQUIRED.iter().find(|c| !at.contains_key(*c)) {
            return Err(ImportError::MissingColumn(missing));
        }
        Ok(Rows {
            at,
            meetings: Vec::new(),
            index: HashMap::new(),
            errors: Vec::new(),
            max_errors,
        })
    }

    /// One row, by its line in the file and its cells (trimmed; `""` past the end).
    pub(crate) fn row<'r>(&mut self, line: u64, cell: impl Fn(usize) -> &'r str) {
        let get = |c: &str| self.at.get(c).map_or("", |i| cell(*i).trim());
        let group = clean(get("grupp")).into_owned();
        let (date_text, start_text, minutes_text, role_text) =
            (get("datum"), get("start"), get("minuter"), get("roll"));
        let (name, birth_text, gender_text, id) = (get("namn"), get("födelseår"), get("kön"), get("id"));
        let activity = clean(get("aktivitet")).into_owned();
        if [&group, &activity].iter().all(|s| s.is_empty())
            && [
                date_text,
                start_text,
                minutes_text,
                role_text,
                name,
                birth_text,
                gender_text,
                id,
            ]
            .iter()
            .all(|s| s.is_empty())
        {
            return;
        }
        let mut problems: Vec<(&'static str, &'static str)> = Vec::new();
        if group.is_empty() {
            problems.push(("grupp", "err-required"));
        }
        let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d").ok();
        if date.is_none() {
            problems.push(("datum", "grants-import-err-date"));
        }
        let start = NaiveTime::parse_from_str(start_text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(start_text, "%H.%M"))
            .ok();
        if start.is_none() {
            problems.push(("start", "grants-import-err-time"));
        }
        let minutes = minutes_text.parse::<u32>().ok().filter(|m| *m <= 24 * 60);
        if minutes.is_none() {
            problems.push(("minuter", "grants-import-err-minutes"));
        }
        let leader = match role_text.to_lowercase().as_str() {
            "ledare" | "leader" | "l" => Some(true),
            "deltagare" | "participant" | "d" => Some(false),
            _ => None,
        };
        if leader.is_none() {
            problems.push(("roll", "grants-import-err-role"));
        }
        if name.is_empty() {
            problems.push(("namn", "err-required"));
        }
        let birth_year = birth_text.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y));
        if birth_year.is_none() {
            problems.push(("födelseår", "grants-import-err-birth-year"));
        }
        let gender = gender(gender_text);
        if gender.is_none() {
            problems.push(("kön", "grants-import-err-gender"));
        }
        let (Some(date), Some(start), Some(minutes), Some(leader), Some(birth_year), Some(gender), true) =
            (date, start, minutes, leader, birth_year, gender, problems.is_empty())
        else {
            for (column, message_id) in problems {
                if self.errors.len() < self.max_errors {
                    self.errors.push(RowError {
                        line,
                        column,
                        message_id,
                    });
                }
            }
            return;
        };
        let name = clean(name);
        let person = Person {
            key: person_key(&clean(id), &name, birth_year),
            birth_year,
            gender,
            name: name.into_owned(),
        };
        let meetings = &mut self.meetings;
        let i = *self.index.entry((group.clone(), date, start)).or_insert_with(|| {
            meetings.push(Meeting {
                group,
                date,
                start,
                minutes,
                activity,
                leaders: Vec::new(),
                participants: Vec::new(),
            });
            meetings.len() - 1
        });
        let m = &mut self.meetings[i];
        m.minutes = m.minutes.max(minutes);
        if leader {
            m.leaders.push(person);
        } else {
            m.participants.push(person);
        }
    }

    /// The meetings, or every error found.
    pub(crate) fn finish(self) -> Result<Vec<Meeting>, ImportError> {
        if self.errors.is_empty() {
            Ok(self.meetings)
        } else {
            Err(ImportError::Rows(self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\u{feff}Grupp;Datum;Start;Minuter;Aktivitet;Roll;Namn;Födelseår;Kön\n\
        P16;2026-03-02;17:00;60;Fotboll;Ledare;Sara Ek;1990;Flicka\n\
        P16;2026-03-02;17:00;60;Fotboll;Deltagare;Ali Öz;2016;Pojke\n\
        P16;2026-03-02;17:00;60;Fotboll;Deltagare;Åsa Lind;2016;Flicka\n\
        F12;2026-03-02;18.30;90;Handboll;Deltagare;Eva Berg;2014;F\n\
        P16;2026-03-04;17:00;60;Fotboll;Deltagare;Ali Öz;2016;Pojke\n";

    #[test]
    fn rows_with_the_same_group_date_and_start_make_one_meeting() {
        let m = read_csv(FILE.as_bytes(), 10).unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].group, "P16");
        assert_eq!(m[0].leaders.len(), 1);
        assert_eq!(m[0].participants.len(), 2);
        assert_eq!(m[0].participants[0].gender, Gender::Boy);
        assert_eq!(m[1].start, NaiveTime::from_hms_opt(18, 30, 0).unwrap());
        assert_eq!(m[1].minutes, 90);
        // The same person (name and birth year) on two days has the same key.
        assert_eq!(m[0].participants[0].key, m[2].participants[0].key);
    }

    #[test]
    fn a_comma_separated_file_with_member_ids_reads_too() {
        let file = "group,date,start,minutes,activity,role,id,name,birth year,gender\n\
                    A,2026-03-02,10:00,45,Schack,participant,17,Kim,2012,other\n\
                    A,2026-03-03,10:00,45,Schack,participant,17,Kim Svensson,2012,other\n";
        let m = read_csv(file.as_bytes(), 10).unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].participants[0].key, "#17");
        assert_eq!(m[1].participants[0].key, "#17");
    }

    #[test]
    fn every_wrong_row_is_reported_by_line_and_nothing_is_read() {
        let file = "Grupp;Datum;Start;Minuter;Roll;Namn;Födelseår;Kön\n\
                    P16;2.3.2026;17:00;60;Ledare;Sara;1990;K\n\
                    P16;2026-03-02;25:00;lång;Tränare;Ali;16;?\n\
                    ;2026-03-02;17:00;60;Deltagare;;2016;\n";
        let Err(ImportError::Rows(errors)) = read_csv(file.as_bytes(), 100) else {
            panic!("expected row errors")
        };
        let got: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(
            got,
            vec![
                (2, "datum"),
                (3, "start"),
                (3, "minuter"),
                (3, "roll"),
                (3, "födelseår"),
                (3, "kön"),
                (4, "grupp"),
                (4, "namn")
            ]
        );
        let Err(ImportError::Rows(capped)) = read_csv(file.as_bytes(), 3) else {
            panic!()
        };
        assert_eq!(capped.len(), 3);
    }

    #[test]
    fn a_file_without_the_needed_columns_is_refused() {
        assert_eq!(
            read_csv(b"Namn;Datum\nA;2026-01-01\n", 10),
            Err(ImportError::MissingColumn("grupp"))
        );
        assert_eq!(read_csv(b"", 10), Err(ImportError::NotCsv));
        assert_eq!(read_csv(&[0xff, 0xfe, 0x00], 10), Err(ImportError::NotCsv));
    }
}
