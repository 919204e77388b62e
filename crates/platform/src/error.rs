//! The web layer's error: every failure becomes a proper page (HTML, in the visitor's language,
//! rendered by the context middleware) or a JSON problem under `/api/`, with the right status.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 404 with a message id (e.g. `err-no-municipality`).
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// 403: signed in but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Not signed in: the page sends the visitor to the login page and back.
    #[error("login required")]
    LoginRequired,
    /// 400 with a message id.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// 403: the form's CSRF token did not match.
    #[error("csrf token mismatch")]
    Csrf,
    /// 429 with the seconds to wait.
    #[error("rate limited")]
    RateLimited(u64),
    /// 503 with the seconds to wait: the server is at a capacity limit (password hashing).
    #[error("busy")]
    Busy(u64),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(e.into())
    }
}

/// What the context middleware needs to render the error page.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    pub status: StatusCode,
    pub message_id: &'static str,
    pub login_required: bool,
    pub retry_after: Option<u64>,
}

impl AppError {
    pub fn info(&self) -> ErrorInfo {
        let (status, message_id) = match self {
            AppError::NotFound(m) => (StatusCode::NOT_FOUND, *m),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "err-forbidden"),
            AppError::LoginRequired => (StatusCode::UNAUTHORIZED, "err-login-required"),
            AppError::BadRequest(m) => (StatusCode::BAD_REQUEST, *m),
            AppError::Csrf => (StatusCode::FORBIDDEN, "err-csrf"),
            AppError::RateLimited(_) => (StatusCode::TOO_MANY_REQUESTS, "err-rate-limited"),
            AppError::Busy(_) => (StatusCode::SERVICE_UNAVAILABLE, "err-busy"),
            AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "err-internal"),
        };
        ErrorInfo {
            status,
            message_id,
            login_required: matches!(self, AppError::LoginRequired),
            retry_after: match self {
                AppError::RateLimited(s) | AppError::Busy(s) => Some(*s),
                _ => None,
            },
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(e) = &self {
            tracing::error!(error = ?e, "internal error");
        }
        let info = self.info();
        let mut res = info.status.into_response();
        res.extensions_mut().insert(info);
        res
    }
}

pub type AppResult<T> = Result<T, AppError>;
