//! The architecture rules of issue 12, checked on the source tree so CI keeps them:
//!
//! a. no `.rs` file under `crates/` is longer than [`MAX_LINES`] lines;
//! b. no SQL in a routes file (`routes.rs`, `routes/*.rs`, `*_routes.rs`);
//! c. no crate reads another capability's tables (see [`sql_literals_naming`] for how);
//! d. no import cycles between the modules (files) of one crate.
//!
//! Plain Rust over the files, with a small lexer ([`lex`]) that tells code from comments,
//! string literals and char literals, so a word in a comment never counts and a path in a
//! string never counts as an import. Each failure names the file, the line and what is wrong.
//! The test also prints (without asserting) the ten largest files and the `.bind(` count of
//! each crate, the figures the issue follows.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The hard limit of the layout (the aim is 800).
const MAX_LINES: usize = 1000;

/// Files allowed over [`MAX_LINES`]: data or generated code only, each with its reason.
const LONG_FILE_EXCEPTIONS: &[(&str, &str)] = &[];

/// Breaks of rules c and d that are known and not yet mended, each with its reason. A break not
/// listed fails the test, and so does a listed one that is gone (take it off the list): the list
/// only shrinks. Each entry is the start of the first line of the break as the report shows it.
const KNOWN: &[(&str, &str)] = &[
    // The one-time move of a meeting's registry premises into its free-text place, when meetings
    // took their rooms from the premises capability instead. It runs once, before the column goes.
    (
        "crates/meetings/migrations/postgres/20261202500000_meetings_rooms.sql:11: registry_premises",
        "one-time data move",
    ),
    (
        "crates/meetings/migrations/sqlite/20261202500000_meetings_rooms.sql:18: registry_premises",
        "one-time data move",
    ),
    (
        "crates/meetings/migrations/sqlite/20261202500000_meetings_rooms.sql:20: registry_premises",
        "one-time data move",
    ),
    // The directory's "signed" filter was kept by triggers on the signing book's table. The
    // signing book now tells the registry through `registry::public::set_signed`; these lines
    // are the migration that made the triggers (migrations never change once run) and the one
    // that drops them.
    (
        "crates/registry/migrations/postgres/20261203100000_registry_signed_by_signing.sql:6: signatures",
        "drops the triggers",
    ),
    (
        "crates/registry/migrations/postgres/20261123300002_registry_search_filters.sql:11: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/postgres/20261123300002_registry_search_filters.sql:18: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/postgres/20261123300002_registry_search_filters.sql:42: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/sqlite/20261123300002_registry_search_filters.sql:10: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/sqlite/20261123300002_registry_search_filters.sql:15: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/sqlite/20261123300002_registry_search_filters.sql:17: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/sqlite/20261123300002_registry_search_filters.sql:22: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/sqlite/20261123300002_registry_search_filters.sql:23: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/sqlite/20261123300002_registry_search_filters.sql:28: signatures",
        "triggers",
    ),
    (
        "crates/registry/migrations/sqlite/20261123300002_registry_search_filters.sql:30: signatures",
        "triggers",
    ),
];

/// Crates that are not capabilities: they own no tables and are not checked for rule c (the
/// binary loads demo and synthetic data into every capability's tables; testkit sets up tests).
const NOT_CAPABILITIES: &[&str] = &["app", "testkit"];

/// The crate whose tables every crate may use.
const PLATFORM: &str = "platform";

/// Uppercase SQL keywords: a string literal holding one of them, as a word, is SQL.
const SQL_KEYWORDS: &[&str] = &[
    "SELECT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "FROM",
    "JOIN",
    "INTO",
    "WHERE",
    "VALUES",
    "SET",
    "REFERENCES",
    "TABLE",
    "EXISTS",
    "RETURNING",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                files_under(&path, ext, out);
            }
        } else if name.ends_with(ext) {
            out.push(path);
        }
    }
}

/// The workspace's crates: name (the folder under `crates/`) and folder.
fn crates() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(root().join("crates"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("Cargo.toml").exists())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

// --- lexer

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
    Str(String),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    line: usize,
}

/// Rust source as tokens: identifiers, `::`, punctuation and string literals (normal, raw,
/// byte), without comments, char literals, lifetimes or numbers' meaning (numbers come out
/// as identifiers, which no rule looks at).
fn lex(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let mut out = vec![];
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' || ((ch == 'b' || ch == 'c') && at(i + 1) == '"') {
            let start_line = line;
            i += if ch == '"' { 1 } else { 2 };
            let mut s = String::new();
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    // Keep escapes as a space: `\n`, `\"`, a line continuation.
                    if at(i + 1) == '\n' {
                        line += 1;
                    }
                    s.push(' ');
                    i += 2;
                    continue;
                }
                if c[i] == '\n' {
                    line += 1;
                }
                s.push(c[i]);
                i += 1;
            }
            i += 1;
            out.push(Token {
                tok: Tok::Str(s),
                line: start_line,
            });
        } else if (ch == 'r' && (at(i + 1) == '"' || at(i + 1) == '#'))
            || (ch == 'b' && at(i + 1) == 'r' && (at(i + 2) == '"' || at(i + 2) == '#'))
        {
            let mut j = if ch == 'b' { i + 2 } else { i + 1 };
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                // `r#ident`, a raw identifier.
                let start = j;
                while at(j).is_alphanumeric() || at(j) == '_' {
                    j += 1;
                }
                out.push(Token {
                    tok: Tok::Ident(c[start..j].iter().collect()),
                    line,
                });
                i = j;
                continue;
            }
            let start_line = line;
            j += 1;
            let mut s = String::new();
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|k| at(j + 1 + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                if c[j] == '\n' {
                    line += 1;
                }
                s.push(c[j]);
                j += 1;
            }
            i = j;
            out.push(Token {
                tok: Tok::Str(s),
                line: start_line,
            });
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\'', '"') or a lifetime ('a).
            if at(i + 1) == '\\' {
                let mut j = i + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Ident(c[start..i].iter().collect()),
                line,
            });
        } else if ch == ':' && at(i + 1) == ':' {
            out.push(Token { tok: Tok::Path, line });
            i += 2;
        } else {
            out.push(Token {
                tok: Tok::Punct(ch),
                line,
            });
            i += 1;
        }
    }
    out
}

fn ident(t: &Token) -> Option<&str> {
    match &t.tok {
        Tok::Ident(s) => Some(s),
        _ => None,
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .filter(|w| !w.is_empty())
}

// --- a. file length

fn long_files(all: &[(String, usize)]) -> Vec<String> {
    all.iter()
        .filter(|(path, lines)| *lines > MAX_LINES && !LONG_FILE_EXCEPTIONS.iter().any(|(p, _)| p == path))
        .map(|(path, lines)| format!("{path}: {lines} lines (limit {MAX_LINES})"))
        .collect()
}

// --- b. SQL in routes files

fn is_routes_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "routes.rs" || name.ends_with("_routes.rs") || path.contains("/routes/")
}

fn sql_in_routes(path: &str, tokens: &[Token]) -> Vec<String> {
    let mut out = vec![];
    for (k, t) in tokens.iter().enumerate() {
        match &t.tok {
            Tok::Ident(id) if id == "query_as" || id == "query_scalar" => {
                out.push(format!("{path}:{}: {id} (SQL belongs in a store)", t.line));
            }
            Tok::Ident(id)
                if id == "sqlx"
                    && tokens.get(k + 1).map(|t| &t.tok) == Some(&Tok::Path)
                    && tokens
                        .get(k + 2)
                        .and_then(ident)
                        .is_some_and(|n| n.starts_with("query")) =>
            {
                let what = tokens.get(k + 2).and_then(ident).unwrap_or("query");
                if what == "query" {
                    out.push(format!("{path}:{}: sqlx::query (SQL belongs in a store)", t.line));
                }
            }
            Tok::Str(s) => {
                let first = s.split_whitespace().next().unwrap_or("");
                if ["SELECT", "INSERT", "UPDATE", "DELETE"].contains(&first) {
                    out.push(format!(
                        "{path}:{}: SQL string {:?}",
                        t.line,
                        s.trim().chars().take(60).collect::<String>()
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

// --- c. tables

/// Which crate creates each table: `CREATE TABLE name` or `CREATE VIRTUAL TABLE name` in its
/// migrations (either database). A table created by two crates is reported.
fn table_owners(problems: &mut Vec<String>) -> BTreeMap<String, String> {
    let mut owners: BTreeMap<String, String> = BTreeMap::new();
    for (name, dir) in crates() {
        let mut sql = vec![];
        files_under(&dir.join("migrations"), ".sql", &mut sql);
        for file in sql {
            let text = strip_sql_comments(&std::fs::read_to_string(&file).unwrap());
            let w: Vec<&str> = words(&text).collect();
            for k in 0..w.len() {
                if !w[k].eq_ignore_ascii_case("create") {
                    continue;
                }
                let mut j = k + 1;
                if w.get(j).is_some_and(|x| x.eq_ignore_ascii_case("virtual")) {
                    j += 1;
                }
                if !w.get(j).is_some_and(|x| x.eq_ignore_ascii_case("table")) {
                    continue;
                }
                j += 1;
                if w.get(j).is_some_and(|x| x.eq_ignore_ascii_case("if")) {
                    j += 3; // IF NOT EXISTS
                }
                let Some(table) = w.get(j) else { continue };
                let table = table.to_lowercase();
                match owners.get(&table) {
                    Some(owner) if *owner != name => problems.push(format!(
                        "{}: creates {table}, which {owner}'s migrations create too",
                        rel(&file)
                    )),
                    _ => {
                        owners.insert(table, name.clone());
                    }
                }
            }
        }
    }
    owners
}

fn strip_sql_comments(sql: &str) -> String {
    sql.lines()
        .map(|l| l.split("--").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A migration line without the text of its quoted SQL values (`CHECK (kind IN ('premises'))`
/// names a value, not the premises crate's table).
fn strip_sql_strings(line: &str) -> String {
    let mut quoted = false;
    line.chars()
        .filter(|c| {
            if *c == '\'' {
                quoted = !quoted;
                return true;
            }
            !quoted
        })
        .collect()
}

/// Is this table another capability's, seen from `krate`?
fn foreign<'a>(owners: &'a BTreeMap<String, String>, krate: &str, table: &str) -> Option<&'a str> {
    owners
        .get(table)
        .map(String::as_str)
        .filter(|owner| *owner != krate && *owner != PLATFORM)
}

/// The SQL of a crate's source that names another capability's table.
///
/// What counts as SQL, robust to how the SQL is built (one literal, `format!` pieces,
/// `concat!`, constants, sea-query):
/// - a string literal containing an uppercase SQL keyword ([`SQL_KEYWORDS`]) as a word: every
///   word of it that is another capability's table is reported (a table is a word of
///   `[A-Za-z0-9_]`, so `registry_premises` never matches `premises`, whatever clause — FROM,
///   JOIN, INTO, UPDATE, REFERENCES, a subquery — it is in);
/// - a string literal that is just a table's name (a `const TABLE: &str = "premises_rooms"`
///   spliced into SQL, `#[iden = "…"]`, `Alias::new("…")`, `Unique { table: "…" }`);
/// - a sea-query `#[derive(Iden)]` enum whose name, snake_cased, is another capability's table
///   (sea-query names the table after the enum when there is no `#[iden]`).
///
/// Comments do not count; text shown to people has no uppercase SQL keywords in practice (it
/// is Swedish and lives in the locales).
fn sql_literals_naming(path: &str, krate: &str, tokens: &[Token], owners: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = vec![];
    for (k, t) in tokens.iter().enumerate() {
        match &t.tok {
            Tok::Str(s) => {
                let is_sql = words(s).any(|w| SQL_KEYWORDS.contains(&w));
                let only_name = s.trim();
                if is_sql {
                    let mut seen = BTreeSet::new();
                    for w in words(s) {
                        if let Some(owner) = foreign(owners, krate, w) {
                            if seen.insert(w) {
                                out.push(format!("{path}:{}: SQL names {w} ({owner}'s table)", t.line));
                            }
                        }
                    }
                } else if let Some(owner) = foreign(owners, krate, only_name) {
                    // A one-word table (`premises`, `signatures`) is also an ordinary word (a
                    // form field's name): alone in a literal it counts only where a table is
                    // named (`#[iden = "…"]`, `Alias::new("…")`, `table: "…"`).
                    let before: Vec<&Tok> = tokens[k.saturating_sub(3)..k].iter().map(|t| &t.tok).collect();
                    let is_ident = |t: &Tok, name: &str| matches!(t, Tok::Ident(i) if i == name);
                    let names_a_table = only_name.contains('_')
                        || matches!(before.as_slice(), [.., a, Tok::Punct('=')] if is_ident(a, "iden"))
                        || matches!(before.as_slice(), [.., a, Tok::Punct(':')] if is_ident(a, "table"))
                        || matches!(before.as_slice(), [a, Tok::Path, b, Tok::Punct('(')] if is_ident(a, "Alias") && is_ident(b, "new"));
                    if names_a_table {
                        out.push(format!("{path}:{}: \"{only_name}\" is {owner}'s table", t.line));
                    }
                }
            }
            Tok::Ident(id) if id == "enum" => {
                let Some(name) = tokens.get(k + 1).and_then(ident) else {
                    continue;
                };
                // An Iden derive among the attributes just before the enum, and no #[iden].
                let attrs = &tokens[k.saturating_sub(40)..k];
                let derives_iden = attrs.iter().any(|t| ident(t) == Some("Iden"));
                let named = attrs.iter().any(|t| ident(t) == Some("iden"));
                if derives_iden && !named {
                    let table = snake_case(name);
                    if let Some(owner) = foreign(owners, krate, &table) {
                        out.push(format!(
                            "{path}:{}: sea-query enum {name} is {table} ({owner}'s table)",
                            t.line
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn snake_case(name: &str) -> String {
    let mut s = String::new();
    for (i, ch) in name.chars().enumerate() {
        if ch.is_uppercase() && i > 0 {
            s.push('_');
        }
        s.extend(ch.to_lowercase());
    }
    s
}

/// Migrations naming another capability's table: in `REFERENCES` (a foreign key, allowed and
/// listed) or elsewhere (a violation).
fn migrations_naming(krate: &str, dir: &Path, owners: &BTreeMap<String, String>) -> (Vec<String>, Vec<String>) {
    let (mut references, mut problems) = (vec![], vec![]);
    let mut sql = vec![];
    files_under(&dir.join("migrations"), ".sql", &mut sql);
    for file in sql {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let line = strip_sql_strings(line.split("--").next().unwrap_or(""));
            let w: Vec<&str> = words(&line).collect();
            for (k, word) in w.iter().enumerate() {
                let Some(owner) = foreign(owners, krate, &word.to_lowercase()) else {
                    continue;
                };
                let entry = format!("{}:{}: {word} ({owner}'s table)", rel(&file), n + 1);
                if k > 0 && w[k - 1].eq_ignore_ascii_case("references") {
                    references.push(entry);
                } else {
                    problems.push(entry);
                }
            }
        }
    }
    (references, problems)
}

// --- d. import cycles

/// A file's module path inside its crate: `src/seasons/store.rs` → `seasons::store`,
/// `src/seasons/mod.rs` → `seasons`, `src/lib.rs` → `` (the root).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().to_string_lossy().replace('\\', "/");
    let rel = rel.trim_end_matches(".rs");
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    if rel == "lib" || rel == "main" {
        String::new()
    } else {
        rel.replace('/', "::")
    }
}

fn join(base: &str, seg: &str) -> String {
    if base.is_empty() {
        seg.to_string()
    } else {
        format!("{base}::{seg}")
    }
}

fn parent(m: &str) -> String {
    m.rsplit_once("::").map(|(p, _)| p.to_string()).unwrap_or_default()
}

/// Resolve a path's segments (as written in `module`) to the longest known module it names.
fn resolve(segments: &[String], module: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut base = match segments.first().map(String::as_str) {
        Some("crate") => String::new(),
        Some("self") => module.to_string(),
        Some("super") => parent(module),
        Some(first) if modules.contains(&join(module, first)) => join(module, first),
        _ => return None,
    };
    let mut k = 1;
    while segments.get(k).map(String::as_str) == Some("super") {
        base = parent(&base);
        k += 1;
    }
    let mut found = base.clone();
    for seg in &segments[k..] {
        let next = join(&found, seg);
        if modules.contains(&next) {
            found = next;
        } else {
            break;
        }
    }
    Some(found)
}

/// The paths of a `use` tree (tokens after `use`, up to `;`), each as its segments.
fn use_paths(tokens: &[Token]) -> Vec<Vec<String>> {
    fn tree(tokens: &[Token], k: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut path = prefix;
        while let Some(t) = tokens.get(*k) {
            match &t.tok {
                Tok::Ident(id) if id == "as" => {
                    *k += 2;
                }
                Tok::Ident(id) => {
                    path.push(id.clone());
                    *k += 1;
                }
                Tok::Path => *k += 1,
                Tok::Punct('{') => {
                    *k += 1;
                    loop {
                        tree(tokens, k, path.clone(), out);
                        match tokens.get(*k).map(|t| &t.tok) {
                            Some(Tok::Punct(',')) => *k += 1,
                            Some(Tok::Punct('}')) => {
                                *k += 1;
                                break;
                            }
                            _ => break,
                        }
                    }
                    return;
                }
                Tok::Punct('*') => *k += 1,
                _ => break,
            }
        }
        out.push(path);
    }
    let mut out = vec![];
    let mut k = 0;
    tree(tokens, &mut k, vec![], &mut out);
    out
}

fn shown(segments: &[String]) -> String {
    let n = if segments.last().map(String::as_str) == Some("self") {
        segments.len() - 1
    } else {
        segments.len()
    };
    segments[..n].join("::")
}

/// Edges `from module → to module`, each with the first line that makes it.
type Edges = BTreeMap<(String, String), String>;

fn imports(path: &str, module: &str, tokens: &[Token], modules: &BTreeSet<String>, edges: &mut Edges) {
    // Inline modules (`mod tests { … }`) resolve `super` and `self` from themselves.
    let mut scopes: Vec<(String, i32)> = vec![];
    let mut depth = 0;
    let mut k = 0;
    while k < tokens.len() {
        let here = scopes
            .last()
            .map(|(m, _)| m.clone())
            .unwrap_or_else(|| module.to_string());
        let t = &tokens[k];
        let mut add = |segments: &[String], line: usize| {
            if let Some(to) = resolve(segments, &here, modules) {
                // The crate root (lib.rs) gathers the modules, and a module using its own
                // submodules (`mod.rs` or `table.rs` calling `read::parse`) is composition,
                // not an import: only paths to modules outside the file's own subtree count.
                let inside = to.starts_with(&format!("{module}::"));
                if to != module && !inside && !to.is_empty() && !module.is_empty() {
                    edges
                        .entry((module.to_string(), to.clone()))
                        .or_insert_with(|| format!("{path}:{line} uses {}", shown(segments)));
                }
            }
        };
        match &t.tok {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if scopes.last().is_some_and(|(_, d)| *d == depth) {
                    scopes.pop();
                }
            }
            Tok::Ident(id) if id == "mod" => {
                if let (Some(name), Some(Tok::Punct('{'))) =
                    (tokens.get(k + 1).and_then(ident), tokens.get(k + 2).map(|t| &t.tok))
                {
                    scopes.push((join(&here, name), depth));
                }
            }
            Tok::Ident(id) if id == "use" => {
                let end = tokens[k..]
                    .iter()
                    .position(|t| t.tok == Tok::Punct(';'))
                    .map_or(tokens.len(), |e| k + e);
                for segments in use_paths(&tokens[k + 1..end]) {
                    add(&segments, t.line);
                }
                k = end;
                continue;
            }
            Tok::Ident(first)
                if tokens.get(k + 1).map(|t| &t.tok) == Some(&Tok::Path)
                    && (k == 0 || tokens[k - 1].tok != Tok::Path) =>
            {
                let mut segments = vec![first.clone()];
                let mut j = k + 1;
                while tokens.get(j).map(|t| &t.tok) == Some(&Tok::Path) {
                    match tokens.get(j + 1).and_then(ident) {
                        Some(seg) => segments.push(seg.to_string()),
                        None => break,
                    }
                    j += 2;
                }
                add(&segments, t.line);
                k = j;
                continue;
            }
            _ => {}
        }
        k += 1;
    }
}

/// Every elementary cycle of the graph, each once (starting at its smallest module).
fn cycles(edges: &Edges) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().push(to);
    }
    let mut found = vec![];
    fn walk<'a>(
        start: &'a str,
        at: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        found: &mut Vec<Vec<String>>,
    ) {
        if found.len() >= 100 {
            return;
        }
        for &to in next.get(at).map(Vec::as_slice).unwrap_or(&[]) {
            if to == start {
                let mut cycle: Vec<String> = path.iter().map(|s| s.to_string()).collect();
                cycle.push(start.to_string());
                found.push(cycle);
            } else if to > start && !path.contains(&to) {
                path.push(to);
                walk(start, to, next, path, found);
                path.pop();
            }
        }
    }
    let starts: Vec<&str> = next.keys().copied().collect();
    for start in starts {
        let mut path = vec![start];
        walk(start, start, &next, &mut path, &mut found);
    }
    found
}

// --- the test

#[test]
fn the_crates_keep_the_architecture_rules() {
    let mut failures: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut table_problems = vec![];
    let owners = table_owners(&mut table_problems);
    let mut sizes = vec![];
    let mut binds = vec![];
    let mut references = vec![];

    for (krate, dir) in crates() {
        let mut rs = vec![];
        files_under(&dir, ".rs", &mut rs);
        let src = dir.join("src");
        let modules: BTreeSet<String> = rs
            .iter()
            .filter(|f| f.starts_with(&src))
            .map(|f| module_of(&src, f))
            .collect();
        let mut edges = Edges::new();
        let mut bind_count = 0;
        for file in &rs {
            let text = std::fs::read_to_string(file).unwrap();
            let path = rel(file);
            sizes.push((path.clone(), text.lines().count()));
            let in_src = file.starts_with(&src);
            if !in_src {
                continue;
            }
            bind_count += text.matches(".bind(").count();
            let tokens = lex(&text);
            if is_routes_file(&path) {
                failures
                    .entry("b. SQL in a routes file")
                    .or_default()
                    .extend(sql_in_routes(&path, &tokens));
            }
            if !NOT_CAPABILITIES.contains(&krate.as_str()) {
                failures
                    .entry("c. another capability's tables")
                    .or_default()
                    .extend(sql_literals_naming(&path, &krate, &tokens, &owners));
            }
            // main.rs is a crate of its own (the binary), with the library as a dependency.
            if !file.ends_with("src/main.rs") {
                imports(&path, &module_of(&src, file), &tokens, &modules, &mut edges);
            }
        }
        binds.push((krate.clone(), bind_count));
        if !NOT_CAPABILITIES.contains(&krate.as_str()) {
            let (refs, problems) = migrations_naming(&krate, &dir, &owners);
            references.extend(refs);
            failures
                .entry("c. another capability's tables")
                .or_default()
                .extend(problems);
        }
        for cycle in cycles(&edges) {
            let mut line = format!("{krate}: {}", cycle.join(" → "));
            for pair in cycle.windows(2) {
                if let Some(why) = edges.get(&(pair[0].clone(), pair[1].clone())) {
                    write!(line, "\n      {why}").unwrap();
                }
            }
            failures.entry("d. import cycles").or_default().push(line);
        }
    }
    failures
        .entry("c. another capability's tables")
        .or_default()
        .extend(table_problems);
    failures
        .entry("a. files over the line limit")
        .or_default()
        .extend(long_files(&sizes));

    sizes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("The ten largest files:");
    for (path, lines) in sizes.iter().take(10) {
        println!("  {lines:>5} {path}");
    }
    println!("`.bind(` per crate (src):");
    for (krate, n) in &binds {
        println!("  {n:>5} {krate}");
    }
    println!(
        "Foreign keys to another capability's tables in migrations ({}):",
        references.len()
    );
    for r in &references {
        println!("  {r}");
    }

    let mut seen = BTreeSet::new();
    for (rule, list) in failures.iter_mut() {
        if rule.starts_with("c.") || rule.starts_with("d.") {
            list.retain(|item| {
                let first = item.lines().next().unwrap_or("");
                match KNOWN.iter().find(|(k, _)| first.starts_with(k)) {
                    Some((k, _)) => {
                        seen.insert(*k);
                        false
                    }
                    None => true,
                }
            });
        }
    }
    let gone: Vec<String> = KNOWN
        .iter()
        .filter(|(k, _)| !seen.contains(k))
        .map(|(k, _)| format!("{k} (mended: take it off KNOWN)"))
        .collect();
    failures.entry("known breaks that are gone").or_default().extend(gone);
    println!("Known breaks of rules c and d still open: {}", seen.len());

    let mut report = String::new();
    for (rule, list) in &failures {
        if !list.is_empty() {
            writeln!(report, "{rule} ({}):", list.len()).unwrap();
            for item in list {
                writeln!(report, "  {item}").unwrap();
            }
        }
    }
    assert!(report.is_empty(), "architecture rules broken:\n{report}");
}

#[test]
fn the_checks_see_what_they_should() {
    assert_eq!(
        strip_sql_strings("kind TEXT CHECK (kind IN ('premises', 'start')) REFERENCES premises_rooms(id)"),
        "kind TEXT CHECK (kind IN ('', '')) REFERENCES premises_rooms(id)"
    );
    let tokens = lex(
        "// use crate::a; SELECT * FROM signatures\nuse crate::{store::{self, X}, mail as m};\nlet c = '\"'; let s = \"SELECT id FROM signatures s JOIN registry_premises p\";\nlet r = r#\"premises_rooms\"#;",
    );
    let strings: Vec<&str> = tokens
        .iter()
        .filter_map(|t| match &t.tok {
            Tok::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        strings,
        ["SELECT id FROM signatures s JOIN registry_premises p", "premises_rooms"]
    );
    let owners: BTreeMap<String, String> = [
        ("signatures", "signing"),
        ("registry_premises", "registry"),
        ("premises_rooms", "premises"),
        ("users", "platform"),
    ]
    .into_iter()
    .map(|(t, c)| (t.to_string(), c.to_string()))
    .collect();
    let found = sql_literals_naming("x.rs", "registry", &tokens, &owners);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].contains("x.rs:3: SQL names signatures"), "{found:?}");
    assert!(found[1].contains("premises_rooms"), "{found:?}");
    assert!(sql_in_routes("routes.rs", &tokens).len() == 1);

    let modules: BTreeSet<String> = ["a", "b", "c", "store", "mail"].into_iter().map(String::from).collect();
    let mut edges = Edges::new();
    imports("a.rs", "a", &lex("use crate::{store::{self, X}, mail as m};\nfn f() { super::b::g(); }\n#[cfg(test)] mod tests { use super::*; }"), &modules, &mut edges);
    imports("b.rs", "b", &lex("use crate::c::Y;"), &modules, &mut edges);
    imports("c.rs", "c", &lex("fn f() { crate::a::h(); }"), &modules, &mut edges);
    imports("store.rs", "store", &lex("use super::a;"), &modules, &mut edges);
    let targets: Vec<&str> = edges
        .keys()
        .filter(|(f, _)| f == "a")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(targets, ["b", "mail", "store"]);
    let found = cycles(&edges);
    assert_eq!(found, [vec!["a", "b", "c", "a"], vec!["a", "store", "a"]]);
}
