//! The export's and import's rules, without I/O: CSV reading, the columns, and the checks of
//! every import row (organisationsnummer, duplicates, fields, legal forms and categories by
//! name in either language).

use crate::domain::{
    opt_count, opt_email, opt_line, opt_phone, opt_url, Category, FieldError, LegalForm, OrgNumber, LINE_MAX,
    MEMBERS_MAX, MISSION_MAX, NAME_MAX,
};
use platform::rules;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

// --- CSV ---

/// Read CSV text: a byte-order mark is dropped; the separator is `;` or `,`, whichever the
/// first line has more of; quoted fields may hold separators, quotes (doubled) and line
/// breaks. Returns the records with the line each starts on (1-based). Empty lines are skipped.
pub fn parse_csv(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = if first.matches(',').count() > first.matches(';').count() {
        ','
    } else {
        ';'
    };
    let mut records = vec![];
    let mut record: Vec<String> = vec![];
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut start_line = 1;
    let mut chars = text.chars().peekable();
    let mut field_started = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if !field_started => {
                in_quotes = true;
                field_started = true;
            }
            c if c == sep => {
                record.push(std::mem::take(&mut field));
                field_started = false;
            }
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                field_started = false;
                if record.iter().any(|f| !f.trim().is_empty()) {
                    records.push((start_line, std::mem::take(&mut record)));
                } else {
                    record.clear();
                }
                line += 1;
                start_line = line;
            }
            c => {
                field.push(c);
                field_started = true;
            }
        }
    }
    record.push(field);
    if record.iter().any(|f| !f.trim().is_empty()) {
        records.push((start_line, record));
    }
    records
}

pub use platform::csv::uncell;

// --- Import ---

/// The columns of the import and export, in export order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    OrgNumber,
    Name,
    LegalForm,
    Categories,
    Mission,
    Email,
    Phone,
    Website,
    PostalAddress,
    VisitingAddress,
    Members,
    TargetGroups,
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::OrgNumber,
        Column::Name,
        Column::LegalForm,
        Column::Categories,
        Column::Mission,
        Column::Email,
        Column::Phone,
        Column::Website,
        Column::PostalAddress,
        Column::VisitingAddress,
        Column::Members,
        Column::TargetGroups,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            Column::OrgNumber => "registry-col-orgnr",
            Column::Name => "registry-col-name",
            Column::LegalForm => "registry-col-form",
            Column::Categories => "registry-col-categories",
            Column::Mission => "registry-col-mission",
            Column::Email => "registry-col-email",
            Column::Phone => "registry-col-phone",
            Column::Website => "registry-col-website",
            Column::PostalAddress => "registry-col-postal",
            Column::VisitingAddress => "registry-col-visiting",
            Column::Members => "registry-col-members",
            Column::TargetGroups => "registry-col-target-groups",
        }
    }
}

/// An organisation as imported, every field checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: usize,
    pub org_number: OrgNumber,
    pub name: String,
    pub legal_form: LegalForm,
    pub categories: Vec<Category>,
    pub mission: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub postal_address: String,
    pub visiting_address: String,
    pub member_count: Option<i64>,
    pub target_groups: String,
}

/// Why a line of an import was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    /// The column concerned, if one.
    pub column: Option<Column>,
    pub error: FieldError,
    /// What the line said in that column (or its name), to help find it.
    pub value: String,
}

/// What the labels of an import file mean: header texts, legal forms and categories in any
/// language (lower-cased), mapped to their meaning.
#[derive(Default)]
pub struct Vocabulary {
    pub columns: HashMap<String, Column>,
    pub forms: HashMap<String, LegalForm>,
    pub categories: HashMap<String, Category>,
}

impl Vocabulary {
    /// Codes are always understood; labels are added by the caller.
    pub fn with_codes() -> Vocabulary {
        let mut v = Vocabulary::default();
        for f in LegalForm::ALL {
            v.forms.insert(f.code().into(), f);
        }
        for c in Category::ALL {
            v.categories.insert(c.code().into(), c);
        }
        v
    }
}

/// The outcome of reading an import file.
#[derive(Debug, Default)]
pub struct ImportCheck {
    pub rows: Vec<ImportRow>,
    pub problems: Vec<RowProblem>,
    /// The file as a whole is unusable (no header with the required columns, no rows).
    pub fatal: Option<FieldError>,
}

pub const IMPORT_ROWS_MAX: usize = 5000;

/// Check an import file: a header row naming the columns (the export's headers, in Swedish or
/// English, any order), then one organisation per line. A line is refused for an invalid or
/// missing organisationsnummer, one that appears earlier in the file or is already in the
/// registry (`existing`), a missing name, an over-long field or an unknown legal form or
/// category. Nothing is imported from a refused line.
pub fn check_import(text: &str, vocab: &Vocabulary, existing: &HashSet<String>) -> ImportCheck {
    let mut out = ImportCheck::default();
    let records = parse_csv(text);
    let Some(((_, header), body)) = records.split_first() else {
        out.fatal = Some(FieldError::id("registry-import-empty"));
        return out;
    };
    let cols: Vec<Option<Column>> = header
        .iter()
        .map(|h| vocab.columns.get(&h.trim().to_lowercase()).copied())
        .collect();
    if !cols.contains(&Some(Column::Name)) || !cols.contains(&Some(Column::OrgNumber)) {
        out.fatal = Some(FieldError::id("registry-import-no-header"));
        return out;
    }
    if body.is_empty() {
        out.fatal = Some(FieldError::id("registry-import-empty"));
        return out;
    }
    if body.len() > IMPORT_ROWS_MAX {
        out.fatal = Some(FieldError {
            message_id: "registry-import-too-many",
            n: Some(IMPORT_ROWS_MAX),
        });
        return out;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, rec) in body {
        let get = |c: Column| -> String {
            cols.iter()
                .position(|x| *x == Some(c))
                .and_then(|i| rec.get(i))
                .map(|v| uncell(v).trim().to_string())
                .unwrap_or_default()
        };
        let problem = |column: Option<Column>, error: FieldError, value: String| RowProblem {
            line: *line,
            column,
            error,
            value,
        };
        let mut problems = vec![];
        let raw_number = get(Column::OrgNumber);
        let number = match OrgNumber::parse(&raw_number) {
            Ok(n) => {
                if let Some(first) = seen.get(n.as_str()) {
                    problems.push(problem(
                        Some(Column::OrgNumber),
                        FieldError {
                            message_id: "registry-import-dup-file",
                            n: Some(*first),
                        },
                        raw_number.clone(),
                    ));
                } else if existing.contains(n.as_str()) {
                    problems.push(problem(
                        Some(Column::OrgNumber),
                        FieldError::id("registry-import-dup-registry"),
                        raw_number.clone(),
                    ));
                }
                seen.entry(n.as_str().to_string()).or_insert(*line);
                Some(n)
            }
            Err(e) => {
                problems.push(problem(Some(Column::OrgNumber), e.into(), raw_number.clone()));
                None
            }
        };
        let mut field = |c: Column, r: Result<String, FieldError>| -> String {
            match r {
                Ok(v) => v,
                Err(e) => {
                    let shown: String = get(c).chars().take(60).collect();
                    problems.push(problem(Some(c), e, shown));
                    String::new()
                }
            }
        };
        let name = field(
            Column::Name,
            rules::line(&get(Column::Name), NAME_MAX).map_err(Into::into),
        );
        let mission = field(
            Column::Mission,
            rules::text(&get(Column::Mission), MISSION_MAX).map_err(Into::into),
        );
        let email = field(Column::Email, opt_email(&get(Column::Email)));
        let phone = field(Column::Phone, opt_phone(&get(Column::Phone)));
        let website = field(Column::Website, opt_url(&get(Column::Website)));
        let postal_address = field(Column::PostalAddress, opt_line(&get(Column::PostalAddress), LINE_MAX));
        let visiting_address = field(
            Column::VisitingAddress,
            opt_line(&get(Column::VisitingAddress), LINE_MAX),
        );
        let target_groups = field(Column::TargetGroups, opt_line(&get(Column::TargetGroups), LINE_MAX));
        let form_text = get(Column::LegalForm).to_lowercase();
        let legal_form = if form_text.is_empty() {
            LegalForm::IdeellForening
        } else {
            match vocab.forms.get(&form_text) {
                Some(f) => *f,
                None => {
                    problems.push(problem(
                        Some(Column::LegalForm),
                        FieldError::id("registry-import-bad-form"),
                        get(Column::LegalForm),
                    ));
                    LegalForm::Annan
                }
            }
        };
        let mut categories = vec![];
        for part in get(Column::Categories).split([',', '|']) {
            let p = part.trim().to_lowercase();
            if p.is_empty() {
                continue;
            }
            match vocab.categories.get(&p) {
                Some(c) if !categories.contains(c) => categories.push(*c),
                Some(_) => {}
                None => problems.push(problem(
                    Some(Column::Categories),
                    FieldError::id("registry-import-bad-category"),
                    part.trim().to_string(),
                )),
            }
        }
        let member_count = match opt_count(&get(Column::Members), MEMBERS_MAX) {
            Ok(n) => n,
            Err(e) => {
                problems.push(problem(Some(Column::Members), e, get(Column::Members)));
                None
            }
        };
        match (number, problems.is_empty()) {
            (Some(org_number), true) => out.rows.push(ImportRow {
                line: *line,
                org_number,
                name,
                legal_form,
                categories,
                mission,
                email,
                phone,
                website,
                postal_address,
                visiting_address,
                member_count,
                target_groups,
            }),
            _ => out.problems.extend(problems),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::domain::luhn_digit;

    #[test]
    fn csv_reads_what_spreadsheets_write() {
        let text =
            "\u{feff}Namn;Org.nr\r\n\"Kör; och sång\";802002-4280\r\n\r\n\"Citat \"\"här\"\"\nrad två\";x\r\nsista;rad";
        let recs = parse_csv(text);
        assert_eq!(recs.len(), 4);
        assert_eq!(recs[0], (1, vec!["Namn".to_string(), "Org.nr".to_string()]));
        assert_eq!(recs[1].1, ["Kör; och sång", "802002-4280"]);
        assert_eq!(recs[2].0, 4);
        assert_eq!(recs[2].1, ["Citat \"här\"\nrad två", "x"]);
        assert_eq!(recs[3], (6, vec!["sista".to_string(), "rad".to_string()]));
        // Commas when the header has more commas than semicolons.
        assert_eq!(parse_csv("a,b\n1,2")[1].1, ["1", "2"]);
        // Written and read back.
        let rows = vec![
            vec!["Namn".to_string(), "Text".to_string()],
            vec!["A; B".to_string(), "=SUMMA(1)".to_string()],
            vec!["\"Q\"".to_string(), "rad\nrad".to_string()],
        ];
        let out = platform::csv::document(&rows);
        assert!(out.starts_with('\u{feff}'));
        assert!(out.contains("\"A; B\";'=SUMMA(1)\r\n"));
        let back: Vec<Vec<String>> = parse_csv(&out)
            .into_iter()
            .map(|(_, r)| r.iter().map(|c| uncell(c).to_string()).collect())
            .collect();
        assert_eq!(back, rows);
    }

    fn vocab() -> Vocabulary {
        let mut v = Vocabulary::with_codes();
        for (h, c) in [
            ("namn", Column::Name),
            ("organisationsnummer", Column::OrgNumber),
            ("kategorier", Column::Categories),
            ("medlemmar", Column::Members),
        ] {
            v.columns.insert(h.into(), c);
        }
        v.categories.insert("idrott".into(), Category::Idrott);
        v
    }

    /// A valid number from nine digits.
    fn num(nine: &str) -> String {
        let d: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
        format!("{}-{}{}", &nine[..6], &nine[6..], luhn_digit(&d))
    }

    #[test]
    fn import_rows_are_checked_one_by_one() {
        let (taken, other) = (num("556000000"), num("802479002"));
        let existing: HashSet<String> = [taken.clone()].into();
        let text = format!(
            "Namn;Organisationsnummer;Kategorier;Medlemmar\n\
             Sala IF;802002-4280;idrott;120\n\
             Fel nummer;802002-4281;;\n\
             Dubblett;8020024280;;\n\
             ;{other};;\n\
             Finns redan;{taken};;\n\
             Okänd kategori;{};cirkus;\n",
            num("802479003")
        );
        let check = check_import(&text, &vocab(), &existing);
        assert_eq!(check.fatal, None);
        assert_eq!(check.rows.len(), 1);
        assert_eq!(check.rows[0].name, "Sala IF");
        assert_eq!(check.rows[0].categories, [Category::Idrott]);
        assert_eq!(check.rows[0].member_count, Some(120));
        let by_line: Vec<(usize, &str)> = check.problems.iter().map(|p| (p.line, p.error.message_id)).collect();
        assert_eq!(
            by_line,
            [
                (3, "registry-err-orgnr-checksum"),
                (4, "registry-import-dup-file"),
                (5, "err-required"),
                (6, "registry-import-dup-registry"),
                (7, "registry-import-bad-category"),
            ]
        );
        assert_eq!(check.problems[1].error.n, Some(2), "names the line it repeats");
        let long = format!("Namn;Organisationsnummer\n{};802002-4280\n", "x".repeat(NAME_MAX + 1));
        let check = check_import(&long, &vocab(), &HashSet::new());
        assert_eq!(
            check.problems[0].error,
            FieldError {
                message_id: "err-too-long",
                n: Some(NAME_MAX)
            }
        );
        assert!(check_import("a;b\n1;2", &vocab(), &HashSet::new()).fatal.is_some());
        assert!(check_import("", &vocab(), &HashSet::new()).fatal.is_some());
        assert!(check_import("Namn;Organisationsnummer\n", &vocab(), &HashSet::new())
            .fatal
            .is_some());
    }
}
