//! Which constraint a write broke, read the same way on both databases, so that a store maps a
//! named constraint to its own error (`.on_unique(ORG_NAME, || Taken)`) instead of sniffing
//! message text at every call.
//!
//! SQLite names a unique constraint by its table and columns ("UNIQUE constraint failed:
//! organisations.municipality_id, organisations.name") and never by the index's name; PostgreSQL
//! reports the table and the key's columns ("Key (municipality_id, name)=(…)"). A [`Unique`] is
//! therefore described by table and columns, which both report.

/// A unique constraint (or unique index) of a table, as both databases report it.
#[derive(Clone, Copy, Debug)]
pub struct Unique {
    pub table: &'static str,
    pub columns: &'static [&'static str],
}

/// What a failed write broke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    Unique {
        table: String,
        columns: Vec<String>,
    },
    ForeignKey,
    /// A CHECK constraint, by name where the database gives one.
    Check(String),
    /// PostgreSQL's exclusion constraint (23P01), by name.
    Exclusion(String),
}

impl Violation {
    pub fn of(e: &sqlx::Error) -> Option<Violation> {
        let sqlx::Error::Database(d) = e else {
            return None;
        };
        let code = d.code().map(|c| c.into_owned()).unwrap_or_default();
        if let Some(pg) = d.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
            return match code.as_str() {
                "23505" => Some(Violation::Unique {
                    table: pg.table().unwrap_or_default().to_string(),
                    columns: pg.detail().map(key_columns).unwrap_or_default(),
                }),
                "23503" => Some(Violation::ForeignKey),
                "23514" => Some(Violation::Check(pg.constraint().unwrap_or_default().to_string())),
                "23P01" => Some(Violation::Exclusion(pg.constraint().unwrap_or_default().to_string())),
                _ => None,
            };
        }
        // SQLite: extended result codes 2067 (unique), 1555 (primary key), 787 (foreign key),
        // 275 (check).
        let message = d.message();
        match code.as_str() {
            "2067" | "1555" => Some(sqlite_unique(message)),
            "787" => Some(Violation::ForeignKey),
            "275" => Some(Violation::Check(
                message
                    .strip_prefix("CHECK constraint failed: ")
                    .unwrap_or("")
                    .to_string(),
            )),
            _ if message.starts_with("UNIQUE constraint failed: ") => Some(sqlite_unique(message)),
            _ => None,
        }
    }

    /// Whether this is a violation of the given unique constraint.
    pub fn is(&self, u: Unique) -> bool {
        match self {
            Violation::Unique { table, columns } => {
                table == u.table
                    && columns.len() == u.columns.len()
                    && u.columns.iter().all(|c| columns.iter().any(|x| x == c))
            }
            _ => false,
        }
    }
}

/// "UNIQUE constraint failed: t.a, t.b" → table t, columns a and b.
fn sqlite_unique(message: &str) -> Violation {
    let list = message.strip_prefix("UNIQUE constraint failed: ").unwrap_or("");
    let mut table = String::new();
    let mut columns = vec![];
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match item.split_once('.') {
            Some((t, c)) => {
                table = t.to_string();
                columns.push(c.to_string());
            }
            None => columns.push(item.to_string()),
        }
    }
    Violation::Unique { table, columns }
}

/// PostgreSQL's detail "Key (a, lower(b))=(1, x) already exists." → a, b.
fn key_columns(detail: &str) -> Vec<String> {
    let Some(rest) = detail.strip_prefix("Key (") else {
        return vec![];
    };
    let Some(end) = rest.find(")=(") else {
        return vec![];
    };
    rest[..end]
        .split(',')
        .map(|c| {
            let c = c.trim();
            // An expression index column such as lower(email): the column inside.
            match (c.find('('), c.rfind(')')) {
                (Some(a), Some(b)) if b > a => c[a + 1..b].trim().to_string(),
                _ => c.to_string(),
            }
        })
        .collect()
}

/// Map a named constraint's violation to the caller's error; any other error stays a database
/// error (`E: From<sqlx::Error>`).
pub trait OnConstraint<T> {
    fn on_unique<E: From<sqlx::Error>>(self, u: Unique, f: impl FnOnce() -> E) -> Result<T, E>;
    /// A violation of any unique constraint.
    fn on_any_unique<E: From<sqlx::Error>>(self, f: impl FnOnce() -> E) -> Result<T, E>;
}

impl<T> OnConstraint<T> for Result<T, sqlx::Error> {
    fn on_unique<E: From<sqlx::Error>>(self, u: Unique, f: impl FnOnce() -> E) -> Result<T, E> {
        self.map_err(|e| match Violation::of(&e) {
            Some(v) if v.is(u) => f(),
            _ => E::from(e),
        })
    }

    fn on_any_unique<E: From<sqlx::Error>>(self, f: impl FnOnce() -> E) -> Result<T, E> {
        self.map_err(|e| match Violation::of(&e) {
            Some(Violation::Unique { .. }) => f(),
            _ => E::from(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: Unique = Unique {
        table: "organisations",
        columns: &["municipality_id", "name"],
    };

    #[test]
    fn both_databases_name_the_same_unique_constraint() {
        let sqlite = sqlite_unique("UNIQUE constraint failed: organisations.municipality_id, organisations.name");
        assert!(sqlite.is(ORG));
        let pg = Violation::Unique {
            table: "organisations".into(),
            columns: key_columns("Key (municipality_id, name)=(1, IKS) already exists."),
        };
        assert!(pg.is(ORG));
        assert_eq!(
            key_columns("Key (lower(email))=(a@b.se) already exists."),
            vec!["email"]
        );
        let other = sqlite_unique("UNIQUE constraint failed: organisations.slug");
        assert!(!other.is(ORG));
        assert!(!Violation::ForeignKey.is(ORG));
    }
}
