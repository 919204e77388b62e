//! Reading attendance exported by club systems: a CSV file (semicolon or comma separated, as
//! Swedish spreadsheets write it) with one row per person and meeting. The layout accepted is
//! documented in `docs/attendance.md`; rows with the same group, date and start make one
//! meeting. Plain functions over bytes: no database.

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

fn gender(s: &str) -> Option<Gender> {
    match s.trim().to_lowercase().as_str() {
        "flicka" | "kvinna" | "k" | "f" | "girl" | "woman" | "female" => Some(Gender::Girl),
        "pojke" | "man" | "m" | "p" | "boy" | "male" => Some(Gender::Boy),
        "" | "annat" | "-" | "other" | "x" => Some(Gender::Other),
        _ => None,
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
    let mut at: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().to_lowercase();
        if let Some((name, _)) = COLUMNS.iter().find(|(_, aliases)| aliases.contains(&h.as_str())) {
            at.entry(name).or_insert(i);
        }
    }
    if let Some(missing) = REQUIRED.iter().find(|c| !at.contains_key(*c)) {
        return Err(ImportError::MissingColumn(missing));
    }
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut index: HashMap<(String, NaiveDate, NaiveTime), usize> = HashMap::new();
    let mut errors = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err(ImportError::NotCsv),
        }
        let line = record.position().map_or(0, |p| p.line());
        let get = |c: &str| at.get(c).and_then(|i| record.get(*i)).unwrap_or("");
        if record.iter().all(str::is_empty) {
            continue;
        }
        let mut fail = |column: &'static str, message_id: &'static str| {
            if errors.len() < max_errors {
                errors.push(RowError {
                    line,
                    column,
                    message_id,
                });
            }
        };
        let group = get("grupp").to_string();
        if group.is_empty() {
            fail("grupp", "err-required");
        }
        let date = NaiveDate::parse_from_str(get("datum"), "%Y-%m-%d").ok();
        if date.is_none() {
            fail("datum", "grants-import-err-date");
        }
        let start = NaiveTime::parse_from_str(get("start"), "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(get("start"), "%H.%M"))
            .ok();
        if start.is_none() {
            fail("start", "grants-import-err-time");
        }
        let minutes = get("minuter").parse::<u32>().ok().filter(|m| *m <= 24 * 60);
        if minutes.is_none() {
            fail("minuter", "grants-import-err-minutes");
        }
        let leader = match get("roll").to_lowercase().as_str() {
            "ledare" | "leader" | "l" => Some(true),
            "deltagare" | "participant" | "d" => Some(false),
            _ => None,
        };
        if leader.is_none() {
            fail("roll", "grants-import-err-role");
        }
        let name = get("namn");
        if name.is_empty() {
            fail("namn", "err-required");
        }
        let birth_year = get("födelseår")
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2100).contains(y));
        if birth_year.is_none() {
            fail("födelseår", "grants-import-err-birth-year");
        }
        let gender = gender(get("kön"));
        if gender.is_none() {
            fail("kön", "grants-import-err-gender");
        }
        let (Some(date), Some(start), Some(minutes), Some(leader), Some(birth_year), Some(gender)) =
            (date, start, minutes, leader, birth_year, gender)
        else {
            continue;
        };
        if group.is_empty() || name.is_empty() {
            continue;
        }
        // The same person across meetings: the member id when the file has one, otherwise the
        // name and birth year.
        let id = get("id");
        let key = if id.is_empty() {
            format!("{}|{birth_year}", name.to_lowercase())
        } else {
            format!("#{id}")
        };
        let person = Person {
            key,
            birth_year,
            gender,
        };
        let i = *index.entry((group.clone(), date, start)).or_insert_with(|| {
            meetings.push(Meeting {
                group: group.clone(),
                date,
                start,
                minutes,
                activity: get("aktivitet").to_string(),
                leaders: Vec::new(),
                participants: Vec::new(),
            });
            meetings.len() - 1
        });
        let m = &mut meetings[i];
        m.minutes = m.minutes.max(minutes);
        if leader {
            m.leaders.push(person);
        } else {
            m.participants.push(person);
        }
    }
    if errors.is_empty() {
        Ok(meetings)
    } else {
        Err(ImportError::Rows(errors))
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
