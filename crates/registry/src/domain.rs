//! The registry's rules, without I/O: organisationsnummer, legal forms, categories and
//! accessibility features, the profile's fields and their limits, search query normalisation
//! (the same terms on SQLite FTS5 and PostgreSQL) and the directory's filters and pages. The
//! freshness rule is in `confirmation::domain`, CSV and import checks in `exchange::domain`.

use platform::rules::{self, Invalid};
use platform::MunicipalityId;
use serde::{Deserialize, Serialize};

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

    /// The first digit, the group of legal persons: 2 public sector, 5 limited company,
    /// 7 economic association, 8 non-profit association or foundation, 9 partnership.
    pub fn group(&self) -> u8 {
        self.0.as_bytes().first().map_or(0, |b| b - b'0')
    }

    /// An ideell förening's (or stiftelse's) number starts with 8; another group is worth a
    /// warning for an association, not a refusal (a trossamfund has 2, an ekonomisk förening 7).
    pub fn is_non_profit_group(&self) -> bool {
        self.group() == 8
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

/// A legal form; its code (`ideell-forening`, …) is stored and published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
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
        self.into()
    }

    pub fn parse(code: &str) -> Option<LegalForm> {
        code.parse().ok()
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

/// The fixed list of categories. Stored as a bit set: a category's bit never changes. Its code
/// (`barn-unga`, …) is published and used in filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
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
        self.into()
    }

    pub fn parse(code: &str) -> Option<Category> {
        code.parse().ok()
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

mod giro;
pub use giro::{luhn_digit, luhn_valid, Giro, GiroError, GiroKind};

#[cfg(test)]
mod tests;
