//! The signing book's pages, its CSV file and its JSON.

use axum::Router;
use platform::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
