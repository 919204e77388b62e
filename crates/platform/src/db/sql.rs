//! Mechanical writes without positional bind lists: each column is named next to its value,
//! `.set(Rooms::Capacity, r.capacity)`, so a swapped pair cannot compile into a wrong row.
//! A table is described once, as a sea-query [`Iden`](sea_query::Iden) enum next to its store:
//!
//! ```ignore
//! #[derive(sea_query::Iden)]
//! #[iden = "premises_rooms"]
//! enum Rooms { Table, Id, MunicipalityId, Name, Capacity }
//!
//! let id: RoomId = Insert::into(Rooms::Table)
//!     .set(Rooms::MunicipalityId, m)
//!     .set(Rooms::Name, &r.name)
//!     .returning_id(&mut tx)
//!     .await?;
//! Update::table(Rooms::Table)
//!     .set(Rooms::Capacity, 40)
//!     .filter(Rooms::Id, id)
//!     .filter(Rooms::MunicipalityId, m)
//!     .run(&mut tx)
//!     .await?;
//! ```
//!
//! sea-query renders the statement for the connection's database (`$1` for PostgreSQL, `?` for
//! SQLite) and sea-query-binder binds the values through sqlx's `Any` driver. Reads, and SQL
//! that truly differs between the databases (full-text search, locks, exclusion constraints),
//! stay hand-written.

use super::Backend;
use sea_query::{
    Alias, DeleteStatement, Expr, InsertStatement, IntoIden, PostgresQueryBuilder, Query, QueryBuilder, SimpleExpr,
    SqliteQueryBuilder, UpdateStatement,
};
use sea_query_binder::{SqlxBinder, SqlxValues};
use sqlx::AnyConnection;

fn builder(conn: &AnyConnection) -> &'static dyn QueryBuilder {
    match Backend::of(conn) {
        Backend::Sqlite => &SqliteQueryBuilder,
        Backend::Postgres => &PostgresQueryBuilder,
    }
}

async fn execute(conn: &mut AnyConnection, (sql, values): (String, SqlxValues)) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query_with(&sql, values)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

/// `INSERT INTO table (…) VALUES (…)`, built a column at a time.
#[must_use]
pub struct Insert {
    stmt: InsertStatement,
    columns: Vec<sea_query::DynIden>,
    values: Vec<SimpleExpr>,
}

impl Insert {
    pub fn into(table: impl IntoIden) -> Insert {
        let mut stmt = Query::insert();
        stmt.into_table(table.into_iden());
        Insert {
            stmt,
            columns: vec![],
            values: vec![],
        }
    }

    /// A column and its value.
    pub fn set(mut self, column: impl IntoIden, value: impl Into<SimpleExpr>) -> Insert {
        self.columns.push(column.into_iden());
        self.values.push(value.into());
        self
    }

    /// Add `ON CONFLICT (columns) DO NOTHING`.
    pub fn or_ignore_on<C: IntoIden>(mut self, columns: impl IntoIterator<Item = C>) -> Insert {
        self.stmt
            .on_conflict(sea_query::OnConflict::columns(columns).do_nothing().to_owned());
        self
    }

    fn finish(mut self) -> Result<InsertStatement, sqlx::Error> {
        self.stmt.columns(self.columns);
        self.stmt
            .values(self.values)
            .map_err(|e| sqlx::Error::Protocol(format!("insert: {e}")))?;
        Ok(self.stmt)
    }

    /// Insert; the number of rows written (0 when a conflict was ignored).
    pub async fn run(self, conn: &mut AnyConnection) -> Result<u64, sqlx::Error> {
        let stmt = self.finish()?;
        execute(conn, stmt.build_any_sqlx(builder(conn))).await
    }

    /// Insert and return the new row's `id`, typed.
    pub async fn returning_id<I>(self, conn: &mut AnyConnection) -> Result<I, sqlx::Error>
    where
        I: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + Unpin,
    {
        let mut stmt = self.finish()?;
        stmt.returning_col(Alias::new("id"));
        let (sql, values) = stmt.build_any_sqlx(builder(conn));
        let (id,): (I,) = sqlx::query_as_with(&sql, values).fetch_one(&mut *conn).await?;
        Ok(id)
    }
}

/// `UPDATE table SET … WHERE …`, built a column at a time.
#[must_use]
pub struct Update {
    stmt: UpdateStatement,
}

impl Update {
    pub fn table(table: impl IntoIden) -> Update {
        let mut stmt = Query::update();
        stmt.table(table.into_iden());
        Update { stmt }
    }

    /// A column and its new value.
    pub fn set(mut self, column: impl IntoIden, value: impl Into<SimpleExpr>) -> Update {
        self.stmt.value(column.into_iden(), value);
        self
    }

    /// `WHERE column = value` (several are joined with AND).
    pub fn filter(mut self, column: impl IntoIden, value: impl Into<SimpleExpr>) -> Update {
        self.stmt.and_where(Expr::col(column.into_iden()).eq(value));
        self
    }

    /// Any other condition, e.g. `Expr::col(Rooms::Status).is_in(["requested", "confirmed"])`.
    pub fn filter_expr(mut self, condition: SimpleExpr) -> Update {
        self.stmt.and_where(condition);
        self
    }

    /// Update; the number of rows changed (0: no such row in that municipality).
    pub async fn run(self, conn: &mut AnyConnection) -> Result<u64, sqlx::Error> {
        execute(conn, self.stmt.build_any_sqlx(builder(conn))).await
    }
}

/// `DELETE FROM table WHERE …`.
#[must_use]
pub struct Delete {
    stmt: DeleteStatement,
}

impl Delete {
    pub fn from(table: impl IntoIden) -> Delete {
        let mut stmt = Query::delete();
        stmt.from_table(table.into_iden());
        Delete { stmt }
    }

    /// `WHERE column = value` (several are joined with AND).
    pub fn filter(mut self, column: impl IntoIden, value: impl Into<SimpleExpr>) -> Delete {
        self.stmt.and_where(Expr::col(column.into_iden()).eq(value));
        self
    }

    pub fn filter_expr(mut self, condition: SimpleExpr) -> Delete {
        self.stmt.and_where(condition);
        self
    }

    /// Delete; the number of rows removed.
    pub async fn run(self, conn: &mut AnyConnection) -> Result<u64, sqlx::Error> {
        execute(conn, self.stmt.build_any_sqlx(builder(conn))).await
    }
}
