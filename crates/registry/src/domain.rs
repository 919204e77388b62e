//! The registry's rules, without I/O: organisationsnummer, legal forms, categories and
//! accessibility features, the profile's fields and their limits, search query normalisation
//! (the same terms on SQLite FTS5 and PostgreSQL), CSV reading and writing, import row checks
//! and the 12-month freshness rule.

#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use chrono::{DateTime, Months, Utc};
use platform::rules::{self, Invalid};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

// --- Organisationsnummer ---

/// A Swedish organisationsnummer, `NNNNNN-NNNN`, with a valid Luhn check digit. The only way
/// to make one is [`OrgNumber::parse`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgNumberError {
    Required,
    /// Not ten digits (with or without the dash after the sixth).
    Format,
    /// The last digit does not match the Luhn check.
    Checksum,
    /// The third digit is below 2: a personal identity number, not an organisation's.
    Personal,
}

impl OrgNumberError {
    pub fn message_id(self) -> &'static str {
        match self {
            OrgNumberError::Required => "err-required",
            OrgNumberError::Format => "registry-err-orgnr-format",
            OrgNumberError::Checksum => "registry-err-orgnr-checksum",
            OrgNumberError::Personal => "registry-err-orgnr-personal",
        }
    }
}

/// The Luhn check digit over the nine first digits.
pub fn luhn_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl OrgNumber {
    /// Accepts `NNNNNN-NNNN` or ten digits without the dash (spaces around are ignored).
    pub fn parse(input: &str) -> Result<OrgNumber, OrgNumberError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(OrgNumberError::Required);
        }
        let digits: Vec<u8> = match (s.len(), s.as_bytes().get(6)) {
            (11, Some(b'-')) => s[..6].bytes().chain(s[7..].bytes()).collect(),
            (10, _) => s.bytes().collect(),
            _ => return Err(OrgNumberError::Format),
        };
        if digits.len() != 10 || !digits.iter().all(u8::is_ascii_digit) {
            return Err(OrgNumberError::Format);
        }
        let d: Vec<u8> = digits.iter().map(|b| b - b'0').collect();
        if luhn_digit(&d[..9]) != d[9] {
            return Err(OrgNumberError::Checksum);
        }
        if d[2] < 2 {
            return Err(OrgNumberError::Personal);
        }
        let text: String = digits.iter().map(|b| char::from(*b)).collect();
        Ok(OrgNumber(format!("{}-{}", &text[..6], &text[6..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OrgNumber {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        OrgNumber::parse(&s).map_err(|e| format!("{e:?}"))
    }
}

impl From<OrgNumber> for String {
    fn from(o: OrgNumber) -> String {
        o.0
    }
}

impl std::fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

// --- Legal forms, categories, accessibility ---

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegalForm {
    IdeellForening,
    Stiftelse,
    Trossamfund,
    EkonomiskForening,
    KommunaltBolag,
    Annan,
}

impl LegalForm {
    pub const ALL: [LegalForm; 6] = [
        LegalForm::IdeellForening,
        LegalForm::Stiftelse,
        LegalForm::Trossamfund,
        LegalForm::EkonomiskForening,
        LegalForm::KommunaltBolag,
        LegalForm::Annan,
    ];

    /// The stored and published code.
    pub fn code(self) -> &'static str {
        match self {
            LegalForm::IdeellForening => "ideell-forening",
            LegalForm::Stiftelse => "stiftelse",
            LegalForm::Trossamfund => "trossamfund",
            LegalForm::EkonomiskForening => "ekonomisk-forening",
            LegalForm::KommunaltBolag => "kommunalt-bolag",
            LegalForm::Annan => "annan",
        }
    }

    pub fn parse(code: &str) -> Option<LegalForm> {
        LegalForm::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            LegalForm::IdeellForening => "registry-form-ideell-forening",
            LegalForm::Stiftelse => "registry-form-stiftelse",
            LegalForm::Trossamfund => "registry-form-trossamfund",
            LegalForm::EkonomiskForening => "registry-form-ekonomisk-forening",
            LegalForm::KommunaltBolag => "registry-form-kommunalt-bolag",
            LegalForm::Annan => "registry-form-annan",
        }
    }
}

/// The fixed list of categories. Stored as a bit set: a category's bit never changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    Idrott,
    Kultur,
    Social,
    Fritid,
    Utbildning,
    Miljo,
    Trossamfund,
    Intresse,
    Pensionarer,
    BarnUnga,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Idrott,
        Category::Kultur,
        Category::Social,
        Category::Fritid,
        Category::Utbildning,
        Category::Miljo,
        Category::Trossamfund,
        Category::Intresse,
        Category::Pensionarer,
        Category::BarnUnga,
    ];

    pub fn bit(self) -> i64 {
        1 << (self as u32)
    }

    pub fn code(self) -> &'static str {
        match self {
            Category::Idrott => "idrott",
            Category::Kultur => "kultur",
            Category::Social => "social",
            Category::Fritid => "fritid",
            Category::Utbildning => "utbildning",
            Category::Miljo => "miljo",
            Category::Trossamfund => "trossamfund",
            Category::Intresse => "intresse",
            Category::Pensionarer => "pensionarer",
            Category::BarnUnga => "barn-unga",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Category::Idrott => "registry-cat-idrott",
            Category::Kultur => "registry-cat-kultur",
            Category::Social => "registry-cat-social",
            Category::Fritid => "registry-cat-fritid",
            Category::Utbildning => "registry-cat-utbildning",
            Category::Miljo => "registry-cat-miljo",
            Category::Trossamfund => "registry-cat-trossamfund",
            Category::Intresse => "registry-cat-intresse",
            Category::Pensionarer => "registry-cat-pensionarer",
            Category::BarnUnga => "registry-cat-barn-unga",
        }
    }

    /// The Swedish words a search finds the category by (whatever the page's language).
    pub fn search_words(self) -> &'static str {
        match self {
            Category::Idrott => "idrott idrottsförening",
            Category::Kultur => "kultur kulturförening",
            Category::Social => "social verksamhet",
            Category::Fritid => "fritid",
            Category::Utbildning => "utbildning studieförbund",
            Category::Miljo => "miljö natur",
            Category::Trossamfund => "trossamfund församling",
            Category::Intresse => "intresseförening",
            Category::Pensionarer => "pensionärer seniorer",
            Category::BarnUnga => "barn unga ungdom",
        }
    }

    pub fn from_bits(bits: i64) -> Vec<Category> {
        Category::ALL.into_iter().filter(|c| bits & c.bit() != 0).collect()
    }

    pub fn to_bits(cats: &[Category]) -> i64 {
        cats.iter().fold(0, |acc, c| acc | c.bit())
    }
}

pub use platform::features::Feature;

// --- Field limits and checks ---

pub const NAME_MAX: usize = 200;
pub const MISSION_MAX: usize = 4000;
pub const LINE_MAX: usize = 300;
pub const PHONE_MAX: usize = 40;
pub const TEXT_MAX: usize = 2000;
pub const LINKS_MAX: usize = 5;
pub const MEMBERS_MAX: i64 = 10_000_000;
pub const CAPACITY_MAX: i64 = 100_000;
pub const CONTACTS_MAX: usize = 10;
pub const PREMISES_MAX: usize = 10;

/// Why a field was refused: a message id and, for limits, the number it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub message_id: &'static str,
    pub n: Option<usize>,
}

impl From<Invalid> for FieldError {
    fn from(i: Invalid) -> Self {
        FieldError {
            message_id: i.message_id(),
            n: i.limit(),
        }
    }
}

impl From<OrgNumberError> for FieldError {
    fn from(e: OrgNumberError) -> Self {
        FieldError {
            message_id: e.message_id(),
            n: None,
        }
    }
}

impl FieldError {
    pub fn id(message_id: &'static str) -> Self {
        FieldError { message_id, n: None }
    }
}

/// An optional line: empty is fine, otherwise bounded and without control characters.
pub fn opt_line(input: &str, max: usize) -> Result<String, FieldError> {
    if input.trim().is_empty() {
        return Ok(String::new());
    }
    rules::line(input, max).map_err(Into::into)
}

/// An optional e-mail address, lower-cased.
pub fn opt_email(input: &str) -> Result<String, FieldError> {
    if input.trim().is_empty() {
        return Ok(String::new());
    }
    rules::Email::parse(input)
        .map(|e| e.as_str().to_string())
        .map_err(Into::into)
}

/// An optional phone number: digits, spaces, `+ - ( )`, at most 40 characters.
pub fn opt_phone(input: &str) -> Result<String, FieldError> {
    let s = opt_line(input, PHONE_MAX)?;
    if s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
        && s.chars().filter(char::is_ascii_digit).count() != 1
    {
        Ok(s)
    } else {
        Err(FieldError::id("registry-err-phone"))
    }
}

/// A web address: `https://` is added when no scheme is given; only http and https are links.
pub fn opt_url(input: &str) -> Result<String, FieldError> {
    let s = opt_line(input, LINE_MAX)?;
    if s.is_empty() {
        return Ok(s);
    }
    let full = if s.starts_with("https://") || s.starts_with("http://") {
        s
    } else if s.contains("://") || s.contains(':') && !s.contains('.') {
        return Err(FieldError::id("registry-err-url"));
    } else {
        format!("https://{s}")
    };
    let host = full.split("://").nth(1).unwrap_or("").split('/').next().unwrap_or("");
    if host.contains('.') && !host.starts_with('.') && !full.chars().any(|c| c.is_whitespace() || "<>\"".contains(c)) {
        Ok(full)
    } else {
        Err(FieldError::id("registry-err-url"))
    }
}

/// Links one per line, each a web address; at most five.
pub fn links(input: &str) -> Result<Vec<String>, FieldError> {
    let lines: Vec<&str> = input.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() > LINKS_MAX {
        return Err(FieldError {
            message_id: "registry-err-links",
            n: Some(LINKS_MAX),
        });
    }
    lines.into_iter().map(opt_url).collect()
}

/// An optional whole number between 0 and `max`.
pub fn opt_count(input: &str, max: i64) -> Result<Option<i64>, FieldError> {
    let s = input.trim().replace([' ', '\u{a0}'], "");
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError {
            message_id: "registry-err-count",
            n: usize::try_from(max).ok(),
        }),
    }
}

// --- Search ---

/// Lower-cased words (runs of letters and digits) of a text: what both backends index and
/// what a query is made of, so that SQLite FTS5 and PostgreSQL see the same tokens.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Common last parts of Swedish compound words. A word that ends with one (after at least three
/// letters of its own) is indexed with that part too, so "förening" finds "idrottsförening"
/// as "idrott" does (a query term is a prefix, which finds the first part already).
const HEADS: &[&str] = &[
    "förening",
    "föreningen",
    "klubb",
    "klubben",
    "sällskap",
    "sällskapet",
    "kår",
    "kåren",
    "församling",
    "församlingen",
    "lag",
    "laget",
    "gård",
    "gården",
    "förbund",
    "förbundet",
    "kör",
    "kören",
    "sång",
    "skola",
    "skolan",
    "träning",
    "verksamhet",
    "liv",
    "dans",
    "teater",
    "musik",
    "konst",
    "historia",
];

fn heads(token: &str) -> Option<&'static str> {
    HEADS
        .iter()
        .filter(|h| token.len() >= h.len() + 3 && token.ends_with(*h))
        .max_by_key(|h| h.len())
        .copied()
}

/// What every word in SQLite's full-text index starts with: the municipality, as `m` and eight
/// digits (the migration's triggers write the same prefix in SQL).
pub fn fts5_scope(municipality_id: MunicipalityId) -> String {
    format!("m{municipality_id:08}")
}

/// The indexed form of a text: its tokens separated by single spaces, each compound word
/// followed by its last part (see [`HEADS`]).
pub fn search_doc(parts: &[&str]) -> String {
    let mut out: Vec<String> = vec![];
    for t in parts.iter().flat_map(|p| tokens(p)) {
        let head = heads(&t);
        out.push(t);
        if let Some(h) = head {
            out.push(h.to_string());
        }
    }
    out.join(" ")
}

/// Common Swedish endings (plural, definite, genitive), longest first.
const ENDINGS: &[&str] = &[
    "arnas", "ernas", "ornas", "arna", "erna", "orna", "ande", "ende", "arens", "ens", "ets", "ars", "ers", "ors",
    "ar", "er", "or", "en", "et", "na",
];

/// A light stemmer for query terms: a word of five letters or more loses one common ending
/// if at least three letters remain ("föreningar" → "förening", "körer" → "kör"). The stem
/// is then matched as a prefix, so it finds the word's other forms and compounds that begin
/// with it ("idrott" → "idrottsförening").
pub fn stem(term: &str) -> String {
    let n = term.chars().count();
    if n < 5 || term.chars().all(|c| c.is_ascii_digit()) {
        return term.to_string();
    }
    for e in ENDINGS {
        if let Some(rest) = term.strip_suffix(e) {
            if rest.chars().count() >= 3 {
                return rest.to_string();
            }
        }
    }
    term.to_string()
}

/// A search as typed, made safe: at most 8 terms of at most 40 characters, each a stem
/// matched as a word prefix, all required. User input never reaches the FTS syntax as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchQuery {
    pub terms: Vec<String>,
}

pub const QUERY_TERMS_MAX: usize = 8;
const TERM_MAX: usize = 40;

impl SearchQuery {
    /// `None` when the input has no letters or digits at all.
    pub fn parse(input: &str) -> Option<SearchQuery> {
        let mut terms: Vec<String> = vec![];
        for t in tokens(input) {
            let t: String = t.chars().take(TERM_MAX).collect();
            let s = stem(&t);
            if !terms.contains(&s) {
                terms.push(s);
            }
            if terms.len() == QUERY_TERMS_MAX {
                break;
            }
        }
        // A shorter term that is a prefix of another adds nothing to an AND of prefixes.
        let all = terms.clone();
        terms.retain(|t| !all.iter().any(|o| o != t && o.starts_with(t.as_str())));
        (!terms.is_empty()).then_some(SearchQuery { terms })
    }

    /// An FTS5 MATCH expression: every term as a quoted prefix of the municipality's own words
    /// in the given columns (`{name body}` or `name`), and every tag ([`Filters::tags`]) as an
    /// exact word of the `tags` column. On SQLite every indexed word carries its municipality
    /// in front ([`fts5_scope`]), so the query reads only that municipality's part of the
    /// index, however many municipalities the instance has, and the filters are answered by
    /// the index, before anything is ranked. Terms hold only letters and digits, and are
    /// quoted besides.
    pub fn fts5(&self, municipality_id: MunicipalityId, columns: &str, tags: &[String]) -> String {
        let scope = fts5_scope(municipality_id);
        let terms: Vec<String> = self
            .terms
            .iter()
            .map(|t| format!("\"{scope}{}\"*", t.replace('"', "")))
            .collect();
        let mut out = format!("{columns} : ({})", terms.join(" AND "));
        if !tags.is_empty() {
            let tags: Vec<String> = tags.iter().map(|t| format!("\"{scope}{t}\"")).collect();
            out.push_str(&format!(" AND tags : ({})", tags.join(" AND ")));
        }
        out
    }

    /// A PostgreSQL `to_tsquery('simple', …)` text: every term as a quoted prefix of the
    /// municipality's own words of the given weights (`AB`: name and text; `A`: the name
    /// alone), and every tag as an exact word of weight D (the index's words carry
    /// [`fts5_scope`] in front, as on SQLite; migration 20261123300002 gives the weights).
    pub fn tsquery(&self, municipality_id: MunicipalityId, weights: &str, tags: &[String]) -> String {
        let scope = fts5_scope(municipality_id);
        self.terms
            .iter()
            .map(|t| format!("'{scope}{}':*{weights}", t.replace(['\'', '\\'], "")))
            .chain(tags.iter().map(|t| format!("'{scope}{t}':D")))
            .collect::<Vec<_>>()
            .join(" & ")
    }

    /// The text typed back into the search box (the terms as parsed).
    pub fn display(&self) -> String {
        self.terms.join(" ")
    }
}

pub use platform::rules::sort_key;

// --- Directory filters and pages ---

pub const PAGE_SIZE: i64 = 20;
pub const PAGE_MAX: i64 = 10_000;

/// What a directory search asks for, parsed from the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub query: Option<SearchQuery>,
    pub category: Option<Category>,
    pub signed: bool,
    pub premises: bool,
    pub features: Vec<Feature>,
    pub page: i64,
}

impl Filters {
    /// From query parameters (`q`, `kategori`, `signerat`, `lokal`, `tillganglighet` (repeatable),
    /// `sida`); anything unknown or malformed is ignored, never an error.
    pub fn from_params(params: &[(String, String)]) -> Filters {
        let mut f = Filters {
            page: 1,
            ..Filters::default()
        };
        for (k, v) in params {
            match k.as_str() {
                "q" => f.query = SearchQuery::parse(v),
                "kategori" => f.category = Category::parse(v),
                "signerat" => f.signed = !v.is_empty(),
                "lokal" => f.premises = !v.is_empty(),
                "tillganglighet" => {
                    if let Some(x) = Feature::parse(v) {
                        if !f.features.contains(&x) {
                            f.features.push(x);
                        }
                    }
                }
                "sida" => f.page = v.trim().parse::<i64>().unwrap_or(1).clamp(1, PAGE_MAX),
                _ => {}
            }
        }
        f.features.sort_by_key(|x| *x as u8);
        f
    }

    /// The query string for these filters on another page (`page`), without the leading `?`.
    pub fn to_query(&self, page: i64) -> String {
        let mut parts: Vec<(String, String)> = vec![];
        if let Some(q) = &self.query {
            parts.push(("q".into(), q.display()));
        }
        if let Some(c) = self.category {
            parts.push(("kategori".into(), c.code().into()));
        }
        if self.signed {
            parts.push(("signerat".into(), "1".into()));
        }
        if self.premises {
            parts.push(("lokal".into(), "1".into()));
        }
        for x in &self.features {
            parts.push(("tillganglighet".into(), x.column().into()));
        }
        if page > 1 {
            parts.push(("sida".into(), page.to_string()));
        }
        parts
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * PAGE_SIZE
    }

    /// The filters the search index answers itself, as the words its tags hold (migration
    /// 20261123300002): the category, signed, and premises (asked for by any accessibility
    /// feature too, which the directory then checks premises by premises).
    pub fn tags(&self) -> Vec<String> {
        let mut out = vec![];
        if let Some(c) = self.category {
            out.push(category_tag(c));
        }
        if self.signed {
            out.push(TAG_SIGNED.to_string());
        }
        if self.premises || !self.features.is_empty() {
            out.push(TAG_PREMISES.to_string());
        }
        out
    }
}

/// The search index's word for a category: `kat` and the category's bit number, as the
/// migrations write it.
pub fn category_tag(c: Category) -> String {
    format!("kat{}", c as u32)
}

/// The search index's word for an organisation that has signed the agreement.
pub const TAG_SIGNED: &str = "signerad";
/// The search index's word for an organisation with premises.
pub const TAG_PREMISES: &str = "lokal";

/// Number of pages for a result count (at least one).
pub fn page_count(total: i64) -> i64 {
    ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1)
}

/// Which page links to show: first, last, and two either side of the current one; `None`
/// marks a gap.
pub fn page_links(current: i64, pages: i64) -> Vec<Option<i64>> {
    let mut out = vec![];
    let mut last = 0;
    for p in 1..=pages {
        if p == 1 || p == pages || (p - current).abs() <= 2 {
            if p > last + 1 {
                out.push(None);
            }
            out.push(Some(p));
            last = p;
        }
    }
    out
}

// --- Freshness ---

/// Twelve calendar months before `now`: data last confirmed before this is stale.
pub fn stale_cutoff(now: i64) -> i64 {
    let t = DateTime::<Utc>::from_timestamp(now, 0).unwrap_or_default();
    t.checked_sub_months(Months::new(12))
        .map(|d| d.timestamp())
        .unwrap_or(now)
}

/// When the data was last confirmed: the last confirmation, or when the organisation was
/// registered if nobody has confirmed it yet.
pub fn last_confirmed(confirmed_at: Option<i64>, created_at: i64) -> i64 {
    confirmed_at.unwrap_or(created_at)
}

/// Whether an organisation's data has gone unconfirmed for more than twelve months.
pub fn is_stale(confirmed_at: Option<i64>, created_at: i64, now: i64) -> bool {
    last_confirmed(confirmed_at, created_at) < stale_cutoff(now)
}

/// No two reminders to the same organisation within this many seconds (30 days).
pub const REMINDER_GAP: i64 = 30 * 24 * 3600;

/// Whether a reminder may be sent now, given the last one.
pub fn may_remind(reminded_at: Option<i64>, now: i64) -> bool {
    reminded_at.is_none_or(|r| now - r >= REMINDER_GAP)
}

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

    #[test]
    fn organisation_numbers() {
        assert_eq!(OrgNumber::parse("802002-4280").unwrap().as_str(), "802002-4280");
        assert_eq!(OrgNumber::parse(" 8020024280 ").unwrap().as_str(), "802002-4280");
        assert_eq!(OrgNumber::parse("802002-4281"), Err(OrgNumberError::Checksum));
        assert_eq!(OrgNumber::parse(""), Err(OrgNumberError::Required));
        for bad in [
            "80200-24280",
            "802002_4280",
            "80200242800",
            "8020O2-4280",
            "802002-428",
            "802002--4280",
        ] {
            assert_eq!(OrgNumber::parse(bad), Err(OrgNumberError::Format), "{bad}");
        }
        // 19121212-1212 style personal numbers are refused: the third digit is below 2.
        assert_eq!(OrgNumber::parse("121212-1212"), Err(OrgNumberError::Personal));
        // Every number the synthetic data makes is valid.
        for n in [1u32, 42, 12345, 99_999_999] {
            let mut d = [0u8; 9];
            d[0] = 8;
            let mut x = n;
            for slot in d[1..].iter_mut().rev() {
                *slot = (x % 10) as u8;
                x /= 10;
            }
            d[2] = 2 + d[2] % 8;
            let s: String = d.iter().map(|v| char::from(b'0' + v)).collect();
            let full = format!("{}-{}{}", &s[..6], &s[6..], luhn_digit(&d));
            assert!(OrgNumber::parse(&full).is_ok(), "{full}");
        }
        let json = serde_json::to_string(&OrgNumber::parse("802002-4280").unwrap()).unwrap();
        assert_eq!(json, "\"802002-4280\"");
        assert!(serde_json::from_str::<OrgNumber>("\"802002-4281\"").is_err());
    }

    #[test]
    fn categories_are_bits_that_round_trip() {
        let cats = vec![Category::Idrott, Category::BarnUnga];
        let bits = Category::to_bits(&cats);
        assert_eq!(Category::from_bits(bits), cats);
        assert_eq!(Category::Idrott.bit(), 1);
        for c in Category::ALL {
            assert_eq!(Category::parse(c.code()), Some(c));
        }
        for f in LegalForm::ALL {
            assert_eq!(LegalForm::parse(f.code()), Some(f));
        }
        for f in Feature::ALL {
            assert_eq!(Feature::parse(f.column()), Some(f));
        }
    }

    #[test]
    fn fields() {
        assert_eq!(opt_url("sala.se").unwrap(), "https://sala.se");
        assert_eq!(opt_url("http://iks.se/om").unwrap(), "http://iks.se/om");
        assert!(opt_url("javascript:alert(1)").is_err());
        assert!(opt_url("ftp://x.se").is_err());
        assert!(opt_url("inte en adress").is_err());
        assert_eq!(opt_url("").unwrap(), "");
        assert_eq!(links("iks.se\n\nhttps://facebook.com/iks\n").unwrap().len(), 2);
        assert!(links("a.se\nb.se\nc.se\nd.se\ne.se\nf.se").is_err());
        assert_eq!(opt_phone("0224-74 70 13").unwrap(), "0224-74 70 13");
        assert!(opt_phone("ring mig").is_err());
        assert_eq!(opt_count(" 1 200 ", MEMBERS_MAX).unwrap(), Some(1200));
        assert!(opt_count("-3", MEMBERS_MAX).is_err());
        assert!(opt_count("många", MEMBERS_MAX).is_err());
        assert_eq!(opt_count("", MEMBERS_MAX).unwrap(), None);
        assert_eq!(opt_email(" Info@IKS.se ").unwrap(), "info@iks.se");
        assert!(opt_line(&"x".repeat(301), LINE_MAX).is_err());
    }

    #[test]
    fn search_queries_are_normalised() {
        assert_eq!(
            tokens("IKS – Ideell Kultur i Sala!"),
            ["iks", "ideell", "kultur", "i", "sala"]
        );
        assert_eq!(tokens("ÅNGE Änglar ÖREBRO"), ["ånge", "änglar", "örebro"]);
        assert_eq!(
            search_doc(&["Sala Idrottsförening", "e-post: info@sif.se"]),
            "sala idrottsförening förening e post info sif se"
        );
        let q = SearchQuery::parse("Idrott").unwrap();
        assert_eq!(q.terms, ["idrott"]);
        assert_eq!(q.fts5(7, "{name body}", &[]), "{name body} : (\"m00000007idrott\"*)");
        let two = SearchQuery::parse("kör sala").unwrap();
        assert_eq!(
            two.fts5(123, "name", &[]),
            "name : (\"m00000123kör\"* AND \"m00000123sala\"*)"
        );
        assert_eq!(q.tsquery(7, "AB", &[]), "'m00000007idrott':*AB");
        // Filters become exact words of the tags, never prefixes of the text.
        let f = Filters::from_params(&[
            ("kategori".into(), "kultur".into()),
            ("signerat".into(), "1".into()),
            ("tillganglighet".into(), "lift".into()),
        ]);
        assert_eq!(f.tags(), ["kat1", "signerad", "lokal"]);
        assert_eq!(
            q.fts5(7, "{name body}", &f.tags()),
            "{name body} : (\"m00000007idrott\"*) AND tags : (\"m00000007kat1\" AND \"m00000007signerad\" AND \"m00000007lokal\")"
        );
        assert_eq!(
            q.tsquery(7, "A", &f.tags()),
            "'m00000007idrott':*A & 'm00000007kat1':D & 'm00000007signerad':D & 'm00000007lokal':D"
        );
        assert!(Filters::default().tags().is_empty());
        // The migrations write the tags of bits 0–9; a tenth category needs them changed.
        assert!(Category::ALL.iter().all(|c| (*c as u32) < 10));
        assert_eq!(SearchQuery::parse("föreningar").unwrap().terms, ["förening"]);
        assert_eq!(SearchQuery::parse("Körer i Sala").unwrap().terms, ["kör", "i", "sala"]);
        // "i" is a prefix of nothing else here, so it stays.
        assert_eq!(SearchQuery::parse("kultur i").unwrap().terms, ["kultur", "i"]);
        // A shorter term that begins another adds nothing.
        assert_eq!(
            SearchQuery::parse("idrott idrottsförening").unwrap().terms,
            ["idrottsförening"]
        );
        // Syntax of FTS5 and tsquery never gets through.
        for odd in ["\"", "AND(", "*", "NEAR(a b)", "'", "a:*", "!&|", "", "   ", "--", "()"] {
            match SearchQuery::parse(odd) {
                None => {}
                Some(q) => {
                    for t in &q.terms {
                        assert!(t.chars().all(char::is_alphanumeric), "{odd:?} gave {t:?}");
                    }
                }
            }
        }
        assert_eq!(SearchQuery::parse("AND(").unwrap().terms, ["and"]);
        let many = SearchQuery::parse("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10").unwrap();
        assert_eq!(many.terms.len(), QUERY_TERMS_MAX);
        let long = SearchQuery::parse(&"x".repeat(500)).unwrap();
        assert_eq!(long.terms[0].len(), 40);
    }

    #[test]
    fn compounds_are_indexed_with_their_last_part() {
        assert_eq!(
            search_doc(&["Sala Idrottsförening", "Körsång och friluftsliv"]),
            "sala idrottsförening förening körsång sång och friluftsliv liv"
        );
        assert_eq!(search_doc(&["Kören", "lag"]), "kören lag", "not a compound");
        assert_eq!(search_doc(&["Folkdanslaget"]), "folkdanslaget laget");
    }

    #[test]
    fn stems() {
        assert_eq!(stem("idrott"), "idrott");
        assert_eq!(stem("föreningen"), "förening");
        assert_eq!(stem("idrottsföreningar"), "idrottsförening");
        assert_eq!(stem("pensionärer"), "pensionär");
        assert_eq!(stem("sala"), "sala");
        assert_eq!(stem("hus"), "hus");
        assert_eq!(stem("12345"), "12345");
    }

    #[test]
    fn sort_keys_agree_with_the_platforms_swedish_order() {
        let names = [
            "Örebro SK",
            "Ängens vänner",
            "Åby IF",
            "Zorn",
            "alfa",
            "Bygdegård",
            "Öjebyns IF",
            "Åkers kör",
            "Sala IF",
            "sala hembygd",
            "Ärla",
            "Ab",
            "Aa",
        ];
        let mut by_key = names.to_vec();
        by_key.sort_by_key(|n| sort_key(n));
        let mut by_cmp = names.to_vec();
        by_cmp.sort_by(|a, b| rules::swedish_cmp(a, b));
        assert_eq!(by_key, by_cmp);
    }

    #[test]
    fn swedish_sort_keys() {
        let mut v = vec![
            "Örebro SK",
            "Ängens vänner",
            "Åby IF",
            "Zorn",
            "alfa",
            "Émile",
            "Bygdegård",
        ];
        v.sort_by_key(|n| sort_key(n));
        assert_eq!(
            v,
            [
                "alfa",
                "Bygdegård",
                "Émile",
                "Zorn",
                "Åby IF",
                "Ängens vänner",
                "Örebro SK"
            ]
        );
        assert_eq!(sort_key("IKS – Ideell Kultur"), "iks ideell kultur");
    }

    #[test]
    fn filters_from_the_query_string() {
        let p = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
        };
        let f = Filters::from_params(&p(&[
            ("q", "idrott"),
            ("kategori", "idrott"),
            ("lokal", "1"),
            ("tillganglighet", "lift"),
            ("tillganglighet", "step_free"),
            ("tillganglighet", "okänd"),
            ("sida", "3"),
        ]));
        assert_eq!(f.category, Some(Category::Idrott));
        assert!(f.premises && !f.signed);
        assert_eq!(f.features, [Feature::StepFree, Feature::Lift]);
        assert_eq!(f.offset(), 40);
        assert_eq!(
            f.to_query(2),
            "q=idrott&kategori=idrott&lokal=1&tillganglighet=step_free&tillganglighet=lift&sida=2"
        );
        let bad = Filters::from_params(&p(&[("sida", "-5"), ("kategori", "x"), ("q", "\"")]));
        assert_eq!(bad.page, 1);
        assert_eq!(bad.category, None);
        assert_eq!(bad.query, None);
        assert_eq!(Filters::from_params(&p(&[("sida", "99999999999")])).page, PAGE_MAX);
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(41), 3);
        assert_eq!(page_links(1, 1), [Some(1)]);
        assert_eq!(
            page_links(6, 20),
            [
                Some(1),
                None,
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                None,
                Some(20)
            ]
        );
    }

    #[test]
    fn freshness_is_twelve_calendar_months() {
        use chrono::TimeZone;
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap().timestamp();
        let year_ago = Utc.with_ymd_and_hms(2025, 11, 23, 9, 0, 0).unwrap().timestamp();
        assert_eq!(stale_cutoff(now), year_ago);
        assert!(
            !is_stale(Some(year_ago), 0, now),
            "exactly twelve months is still fresh"
        );
        assert!(is_stale(Some(year_ago - 1), 0, now));
        assert!(
            !is_stale(None, now - 100, now),
            "never confirmed: counted from registration"
        );
        assert!(is_stale(None, year_ago - 10, now));
        assert!(may_remind(None, now));
        assert!(!may_remind(Some(now - REMINDER_GAP + 1), now));
        assert!(may_remind(Some(now - REMINDER_GAP), now));
    }

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
