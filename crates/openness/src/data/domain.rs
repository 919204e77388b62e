//! The open datasets: which there are, their names in addresses, their themes, the two formats,
//! and a dataset as a table that is written as CSV (the platform's Swedish CSV: UTF-8 with a
//! byte order mark, `;` between cells, a header row) or as JSON (an array of objects whose keys
//! are the CSV's column names). Plain functions, no I/O.

use chrono::NaiveDate;
use serde_json::{Map, Value};

/// One downloadable dataset of a municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dataset {
    Associations,
    Signatories,
    ActionPlan,
    Meetings,
    Decisions,
    Events,
    GrantDecisions,
    Premises,
}

/// A theme of the EU's data theme vocabulary (`dcat:theme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Population and society.
    Soci,
    /// Government and public sector.
    Gove,
}

impl Theme {
    pub fn uri(self) -> &'static str {
        match self {
            Theme::Soci => "http://publications.europa.eu/resource/authority/data-theme/SOCI",
            Theme::Gove => "http://publications.europa.eu/resource/authority/data-theme/GOVE",
        }
    }
}

impl Dataset {
    /// In the order the page and the catalogue list them.
    pub const ALL: [Dataset; 8] = [
        Dataset::Associations,
        Dataset::Signatories,
        Dataset::ActionPlan,
        Dataset::Meetings,
        Dataset::Decisions,
        Dataset::Events,
        Dataset::GrantDecisions,
        Dataset::Premises,
    ];

    /// Its name in addresses (`/{slug}/data/{slug}.csv`), Swedish as the site's addresses are.
    pub fn slug(self) -> &'static str {
        match self {
            Dataset::Associations => "foreningar",
            Dataset::Signatories => "undertecknare",
            Dataset::ActionPlan => "handlingsplan",
            Dataset::Meetings => "moten",
            Dataset::Decisions => "beslut",
            Dataset::Events => "evenemang",
            Dataset::GrantDecisions => "bidragsbeslut",
            Dataset::Premises => "lokaler",
        }
    }

    pub fn parse(slug: &str) -> Option<Dataset> {
        Dataset::ALL.into_iter().find(|d| d.slug() == slug)
    }

    /// The Fluent id of its title; its description's is this with `-description`.
    pub fn message(self) -> String {
        format!("openness-data-{}", self.slug())
    }

    pub fn theme(self) -> Theme {
        match self {
            Dataset::Associations | Dataset::Signatories | Dataset::Events | Dataset::Premises => Theme::Soci,
            Dataset::ActionPlan | Dataset::Meetings | Dataset::Decisions | Dataset::GrantDecisions => Theme::Gove,
        }
    }
}

/// A download's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Csv, Format::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// Its media type (IANA), also `dcat:mediaType`.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv",
            Format::Json => "application/json",
        }
    }

    /// Its file type in the EU's vocabulary (`dcterms:format`).
    pub fn eu_file_type(self) -> &'static str {
        match self {
            Format::Csv => "http://publications.europa.eu/resource/authority/file-type/CSV",
            Format::Json => "http://publications.europa.eu/resource/authority/file-type/JSON",
        }
    }
}

/// A download's name as the address gives it, `foreningar.csv`: the dataset and the format;
/// anything else is not a download.
pub fn parse_name(name: &str) -> Option<(Dataset, Format)> {
    let (slug, ext) = name.rsplit_once('.')?;
    let format = Format::ALL.into_iter().find(|f| f.extension() == ext)?;
    Some((Dataset::parse(slug)?, format))
}

/// The licence of every dataset: the municipality gives its data to the public domain.
pub const LICENCE: &str = "http://creativecommons.org/publicdomain/zero/1.0/";

/// A dataset as a table: its columns, its rows (one value per column, in the columns' order)
/// and the days of its earliest and latest change, when it has rows that tell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Value>>,
    pub changed: Option<(NaiveDate, NaiveDate)>,
}

impl Table {
    /// A table of rows and the days each row last changed.
    pub fn new(
        columns: &'static [&'static str],
        rows: Vec<Vec<Value>>,
        days: impl IntoIterator<Item = NaiveDate>,
    ) -> Table {
        let changed = days.into_iter().fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| {
            Some(acc.map_or((d, d), |(first, last)| (first.min(d), last.max(d))))
        });
        Table { columns, rows, changed }
    }

    /// The day it was first published and the day it last changed (`dcterms:issued`,
    /// `dcterms:modified`): from its rows, or `today` for a table with none.
    pub fn dates(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        self.changed.unwrap_or((today, today))
    }

    /// The CSV file: a header row, then a line per row.
    pub fn csv(&self) -> String {
        let mut lines = vec![self.columns.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
        lines.extend(self.rows.iter().map(|r| r.iter().map(cell).collect()));
        platform::csv::document(&lines)
    }

    /// The JSON document: an array of objects, one per row, keyed by the column names.
    pub fn json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                let object: Map<String, Value> = self
                    .columns
                    .iter()
                    .zip(r.iter())
                    .map(|(c, v)| (c.to_string(), v.clone()))
                    .collect();
                Value::Object(object)
            })
            .collect();
        serde_json::to_string_pretty(&Value::Array(rows)).unwrap_or_else(|_| "[]".into())
    }

    pub fn document(&self, format: Format) -> String {
        match format {
            Format::Csv => self.csv(),
            Format::Json => self.json(),
        }
    }
}

/// A value as a CSV cell: text as it is, `true`/`false`, numbers in full, nothing for a
/// missing value, a list's items separated by `, `.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_of_downloads() {
        assert_eq!(parse_name("foreningar.csv"), Some((Dataset::Associations, Format::Csv)));
        assert_eq!(
            parse_name("bidragsbeslut.json"),
            Some((Dataset::GrantDecisions, Format::Json))
        );
        assert_eq!(parse_name("foreningar.xlsx"), None);
        assert_eq!(parse_name("foreningar"), None);
        assert_eq!(parse_name("okand.csv"), None);
        assert_eq!(parse_name(".csv"), None);
        for d in Dataset::ALL {
            for f in Format::ALL {
                assert_eq!(parse_name(&format!("{}.{}", d.slug(), f.extension())), Some((d, f)));
            }
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_table_as_csv_and_json() {
        let t = Table::new(
            &["namn", "antal", "signerat", "kategorier", "webb"],
            vec![
                vec![
                    json!("Sala IF; fotboll"),
                    json!(12),
                    json!(true),
                    json!(["idrott", "barn"]),
                    Value::Null,
                ],
                vec![
                    json!("=SUMMA(A1)"),
                    json!(0),
                    json!(false),
                    json!([]),
                    json!("https://x.se"),
                ],
            ],
            [day("2026-05-02"), day("2025-01-10"), day("2026-01-01")],
        );
        assert_eq!(
            t.csv(),
            "\u{feff}namn;antal;signerat;kategorier;webb\r\n\"Sala IF; fotboll\";12;true;\"idrott, barn\";\r\n\
             '=SUMMA(A1);0;false;;https://x.se\r\n"
        );
        let back: Value = serde_json::from_str(&t.json()).unwrap();
        assert_eq!(back[0]["namn"], "Sala IF; fotboll");
        assert_eq!(back[0]["kategorier"], json!(["idrott", "barn"]));
        assert_eq!(back[1]["webb"], "https://x.se");
        assert_eq!(back.as_array().unwrap().len(), 2);
        assert_eq!(t.dates(day("2027-01-01")), (day("2025-01-10"), day("2026-05-02")));
    }

    #[test]
    fn an_empty_table_has_its_header_and_todays_date() {
        let t = Table::new(&["namn"], vec![], []);
        assert_eq!(t.csv(), "\u{feff}namn\r\n");
        assert_eq!(t.json(), "[]");
        assert_eq!(t.dates(day("2027-01-01")), (day("2027-01-01"), day("2027-01-01")));
    }
}
