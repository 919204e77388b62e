//! The premises' pages, files and JSON.

use axum::Router;
use platform::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
