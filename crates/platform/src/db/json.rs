//! Many rows as one: a query's rows gathered by the database into one JSON text, for the
//! lists a public page reads on every request (the calendar's month, a feed's entries).
//!
//! Every row that crosses the driver costs far more than the database's own work for it: on
//! SQLite each row is handed from the connection's thread to the async task that awaits it
//! (a wake-up, often a context switch) and copied into a row of the `Any` driver; measured on
//! the month calendar, 124 rows took 1.2–5.6 ms through sqlx where SQLite itself needed
//! 0.3 ms. One row holding a JSON array of arrays costs one hand-over and one parse with
//! `serde_json`. Both databases build the text themselves (`json_group_array`/`json_array` on
//! SQLite, `json_agg`/`json_build_array` on PostgreSQL), so values are escaped by them.

use super::Backend;
use serde::de::DeserializeOwned;

/// `inner` (a SELECT) wrapped so that the database answers one row: a JSON array holding, for
/// each of `inner`'s rows in the order `order` (`ORDER BY` over `inner`'s output names, or
/// ""), the array of `columns` (an expression list over those names). No rows give `[]`.
pub fn json_rows(backend: Backend, columns: &str, order: &str, inner: &str) -> String {
    let order = if order.is_empty() {
        String::new()
    } else {
        format!(" {order}")
    };
    match backend {
        Backend::Sqlite => format!("SELECT json_group_array(json_array({columns}){order}) FROM ({inner}) AS r"),
        Backend::Postgres => {
            format!("SELECT COALESCE(json_agg(json_build_array({columns}){order}), '[]')::text FROM ({inner}) AS r")
        }
    }
}

/// The rows of a [`json_rows`] answer, each read as `T` (a tuple of the columns, in order).
pub fn parse_json_rows<T: DeserializeOwned>(text: &str) -> Result<Vec<T>, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wrapper_names_each_backends_functions_and_keeps_the_order() {
        assert_eq!(
            json_rows(Backend::Sqlite, "id, title", "ORDER BY id", "SELECT id, title FROM t"),
            "SELECT json_group_array(json_array(id, title) ORDER BY id) FROM (SELECT id, title FROM t) AS r"
        );
        assert_eq!(
            json_rows(Backend::Postgres, "id", "", "SELECT id FROM t"),
            "SELECT COALESCE(json_agg(json_build_array(id)), '[]')::text FROM (SELECT id FROM t) AS r"
        );
    }

    #[test]
    fn rows_read_back_as_tuples_and_a_bad_text_is_a_decode_error() {
        let rows: Vec<(i64, String, Option<i64>)> =
            parse_json_rows(r#"[[1,"Möte \"ett\"",null],[2,"<b>",7]]"#).expect("parsed");
        assert_eq!(rows, vec![(1, "Möte \"ett\"".into(), None), (2, "<b>".into(), Some(7))]);
        assert!(matches!(
            parse_json_rows::<(i64,)>("[[\"x\"]]"),
            Err(sqlx::Error::Decode(_))
        ));
    }
}
