//! Cursor pagination of the API's lists: `?limit=…` (1 to [`MAX_LIMIT`], [`DEFAULT_LIMIT`] when
//! not given) and `?after=…`, the opaque cursor of a page's `next` link. A page's answer names
//! the next page in its body (`next`, absent on the last page) and in a
//! `Link: <…>; rel="next"` header. The cursor is the position after the page's last item,
//! encoded (base64url), so that no one builds it by hand; a list is read whole in its fixed
//! number of queries and then cut, which keeps every item exactly once while the list stands.

use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;
use utoipa::IntoParams;

/// The page size when the request names none.
pub const DEFAULT_LIMIT: usize = 100;
/// The largest page a request may ask for.
pub const MAX_LIMIT: usize = 500;

/// Where a list's page starts and how long it is, read from the query; the request's other
/// parameters are kept for the next page's link.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// The `next` cursor of the previous page (opaque); the first page without it.
    #[param(value_type = Option<String>)]
    pub after: usize,
    /// How many items a page holds, 1 to 500; 100 when not given.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    pub limit: usize,
    #[param(ignore)]
    path: String,
    #[param(ignore)]
    others: Vec<(String, String)>,
}

/// The cursor of the position `at`.
pub fn cursor(at: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("p{at}"))
}

/// The position a cursor names, if it is one.
pub fn position(cursor: &str) -> Option<usize> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    text.strip_prefix('p')?.parse().ok()
}

/// The limit a request asks for, if it is one.
pub fn limit(text: &str) -> Option<usize> {
    text.parse().ok().filter(|n| (1..=MAX_LIMIT).contains(n))
}

impl Paging {
    /// Read from a path and its query (`a=1&after=…`); 400 for a cursor or limit that is none.
    pub fn parse(path: &str, query: &str) -> Result<Paging, AppError> {
        let mut paging = Paging {
            after: 0,
            limit: DEFAULT_LIMIT,
            path: path.to_string(),
            others: vec![],
        };
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match &*k {
                "after" => paging.after = position(&v).ok_or(AppError::BadRequest("api-bad-cursor"))?,
                "limit" => paging.limit = limit(&v).ok_or(AppError::BadRequest("api-bad-limit"))?,
                _ => paging.others.push((k.into_owned(), v.into_owned())),
            }
        }
        Ok(paging)
    }

    /// This page of a whole list, and the link to the next page when there is one.
    pub fn cut<T>(&self, all: Vec<T>) -> (Vec<T>, Option<String>) {
        let total = all.len();
        let items: Vec<T> = all.into_iter().skip(self.after).take(self.limit).collect();
        let end = self.after.saturating_add(items.len());
        let next = (end < total).then(|| self.link(end));
        (items, next)
    }

    /// The address of the page that starts at `at`, with the request's other parameters.
    fn link(&self, at: usize) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.others {
            q.append_pair(k, v);
        }
        q.append_pair("after", &cursor(at));
        q.append_pair("limit", &self.limit.to_string());
        format!("{}?{}", self.path, q.finish())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Paging {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Paging::parse(parts.uri.path(), parts.uri.query().unwrap_or(""))
    }
}

/// A page as JSON, with the `Link: <…>; rel="next"` header when there is a next page.
pub fn json<T: Serialize>(body: T, next: Option<&str>) -> Response {
    let mut res = Json(body).into_response();
    if let Some(v) = next.and_then(|n| HeaderValue::from_str(&format!("<{n}>; rel=\"next\"")).ok()) {
        res.headers_mut().insert(header::LINK, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        assert_eq!(position(&cursor(0)), Some(0));
        assert_eq!(position(&cursor(12345)), Some(12345));
        assert_eq!(position("12"), None);
        assert_eq!(position("!!"), None);
        assert_eq!(position(""), None);
        assert_eq!(limit("0"), None);
        assert_eq!(limit("501"), None);
        assert_eq!(limit("-1"), None);
        assert_eq!(limit("x"), None);
        assert_eq!(limit("500"), Some(500));
        assert!(Paging::parse("/a", "after=zz").is_err());
        assert!(Paging::parse("/a", "limit=0").is_err());
    }

    #[test]
    fn pages_cover_a_list_once_and_keep_other_parameters() {
        let mut paging = Paging::parse("/api/v1/x/list", "year=2026&limit=2").unwrap();
        let mut seen = vec![];
        loop {
            let (items, next) = paging.cut((1..=5).collect::<Vec<i32>>());
            seen.extend(items);
            let Some(next) = next else { break };
            assert!(next.starts_with("/api/v1/x/list?year=2026&after="), "{next}");
            let (path, query) = next.split_once('?').unwrap();
            paging = Paging::parse(path, query).unwrap();
        }
        assert_eq!(seen, vec![1, 2, 3, 4, 5]);
        let (items, next) = Paging::parse("/a", "").unwrap().cut(vec![1, 2]);
        assert_eq!((items, next), (vec![1, 2], None));
    }
}
