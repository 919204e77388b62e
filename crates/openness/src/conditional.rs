//! Conditional GET for the capability's feeds (decisions, news): the platform's
//! [`platform::conditional`] (ETag, Last-Modified, 304), which the `/api/v1` GETs share.

pub use platform::conditional::{etag, http_date, not_modified, respond};
