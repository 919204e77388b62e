//! Conditional GET: the entity tag of a document, its `Last-Modified` as an HTTP date, whether
//! a request's `If-None-Match` or `If-Modified-Since` is answered 304, and the response with
//! those headers. Openness' feeds answer through [`respond`]; every GET of `/api/v1` gets its
//! tag from [`crate::api`]'s middleware, which uses [`etag`] and [`not_modified`].

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// A document's entity tag: a hash of its bytes, quoted.
pub fn etag(body: impl AsRef<[u8]>) -> String {
    let digest = Sha256::digest(body.as_ref());
    format!("\"{}\"", hex::encode(&digest[..16]))
}

/// An HTTP date (RFC 9110's IMF-fixdate): `Thu, 07 Jun 2018 10:00:00 GMT`.
pub fn http_date(unix: i64) -> String {
    DateTime::<Utc>::from_timestamp(unix, 0)
        .unwrap_or_default()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

/// Whether a conditional GET is answered 304: `If-None-Match` names the tag (or is `*`), or,
/// without `If-None-Match`, `If-Modified-Since` is not before the last change (RFC 9110 13.2.2).
pub fn not_modified(
    if_none_match: Option<&str>,
    if_modified_since: Option<&str>,
    etag: &str,
    last_modified: i64,
) -> bool {
    if let Some(tags) = if_none_match {
        let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
        let wanted = bare(etag);
        return tags.split(',').any(|t| t.trim() == "*" || bare(t) == wanted);
    }
    if_modified_since
        .and_then(|s| DateTime::parse_from_rfc2822(s.trim()).ok())
        .is_some_and(|since| last_modified <= since.timestamp())
}

/// A feed's answer to a GET: the document with its type, or 304 without a body when the
/// request's conditions match; either way with `ETag`, `Last-Modified` (when `updated` is
/// after the epoch) and `Cache-Control: no-cache` (readers may keep it, but ask again each
/// time, which the conditional GET makes cheap).
pub fn respond(headers: &HeaderMap, body: String, mime: &'static str, updated: i64) -> Response {
    let etag = etag(&body);
    let fresh = not_modified(
        headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()),
        headers.get(header::IF_MODIFIED_SINCE).and_then(|v| v.to_str().ok()),
        &etag,
        updated,
    );
    let mut res = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        body.into_response()
    };
    let h = res.headers_mut();
    if !fresh {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(&format!("{mime}; charset=utf-8")).unwrap_or(HeaderValue::from_static(mime)),
        );
    }
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    if updated > 0 {
        if let Ok(v) = HeaderValue::from_str(&http_date(updated)) {
            h.insert(header::LAST_MODIFIED, v);
        }
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditional_gets() {
        let tag = etag("<rss/>");
        assert_eq!(tag.len(), 34);
        assert!(not_modified(Some(&tag), None, &tag, 100));
        assert!(not_modified(Some(&format!("\"x\", W/{tag}")), None, &tag, 100));
        assert!(not_modified(Some("*"), None, &tag, 100));
        assert!(!not_modified(Some("\"x\""), Some(&http_date(200)), &tag, 100));
        assert!(not_modified(None, Some(&http_date(100)), &tag, 100));
        assert!(!not_modified(None, Some(&http_date(99)), &tag, 100));
        assert!(!not_modified(None, Some("igår"), &tag, 100));
        assert!(!not_modified(None, None, &tag, 100));
        assert_eq!(http_date(1_528_365_600), "Thu, 07 Jun 2018 10:00:00 GMT");
    }

    #[test]
    fn a_matching_tag_gets_304_without_a_body() {
        let mut h = HeaderMap::new();
        let res = respond(&h, "<feed/>".into(), "application/atom+xml", 100);
        assert_eq!(res.status(), StatusCode::OK);
        let tag = res.headers()[header::ETAG].clone();
        h.insert(header::IF_NONE_MATCH, tag);
        let res = respond(&h, "<feed/>".into(), "application/atom+xml", 100);
        assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
        assert!(res.headers().get(header::CONTENT_TYPE).is_none());
    }
}
