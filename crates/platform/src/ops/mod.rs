//! Operations: Prometheus metrics at `/metrics` and the readiness check at `/readyz`.
//!
//! - Every request is counted and timed per matched route (`/{slug}/moten/{id}`, never the
//!   path itself, so ids, slugs and tokens do not become labels) by [`track`].
//! - The job queue (jobs per status, due, retrying after a failure, failed for good) and the
//!   database pool (open and idle connections, maximum) are read when scraped.
//! - `/metrics` is closed unless the setting `metrics_token` is given; then it answers only a
//!   request with `Authorization: Bearer <token>` (401 otherwise). The numbers are the
//!   instance's own: with several instances, scrape each.
//! - `/healthz` stays what it was (the database answers `SELECT 1`); `/readyz` also checks that
//!   every migration this binary knows is applied, and answers 503 otherwise.
//!
//! The recorder is the state's, not a process-wide global (`metrics::with_local_recorder`), so
//! each server (and each test server in one process) has its own numbers.

mod store;

use crate::state::AppState;
use crate::web::Routes;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::time::Instant;

pub use crate::telemetry::*;

pub fn router() -> Routes {
    Routes::new()
        .route("/metrics", get(scrape))
        .route("/readyz", get(readyz))
}

/// Middleware: count and time each request by its matched route.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // MatchedPath holds its pattern in an Arc: cloning it allocates nothing.
    let route = req.extensions().get::<MatchedPath>().cloned();
    let method = req.method().clone();
    let started = Instant::now();
    let res = next.run(req).await;
    state.ops.request(
        &method,
        route.as_ref().map_or("unmatched", MatchedPath::as_str),
        res.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    res
}

/// Whether the request carries the configured bearer token (compared in constant time).
pub fn authorised(configured: &str, headers: &HeaderMap) -> bool {
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    let (a, b) = (given.trim().as_bytes(), configured.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn scrape(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.config.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !authorised(token, &headers) {
        let mut res = (StatusCode::UNAUTHORIZED, "a bearer token is needed").into_response();
        res.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return res;
    }
    let queue = match store::queue(&state.db, state.now()).await {
        Ok(q) => Some(q),
        Err(e) => {
            tracing::error!(error = %e, "metrics: cannot read the job queue");
            None
        }
    };
    let pool = &state.db.pool;
    state.ops.with(|| {
        if let Some(q) = &queue {
            for (status, n) in &q.by_status {
                metrics::gauge!(JOBS, "status" => *status).set(*n as f64);
            }
            metrics::gauge!(JOBS_DUE).set(q.due as f64);
            metrics::gauge!(JOBS_RETRYING).set(q.retrying as f64);
        }
        metrics::gauge!(POOL_SIZE).set(pool.size() as f64);
        metrics::gauge!(POOL_IDLE).set(pool.num_idle() as f64);
        metrics::gauge!(POOL_MAX).set(pool.options().get_max_connections() as f64);
    });
    let mut res = state.ops.render().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    res
}

/// 200 when the database answers and every migration is applied; 503 with the reason otherwise.
async fn readyz(State(state): State<AppState>) -> Response {
    match store::applied_migrations(&state.db).await {
        Err(e) => {
            tracing::error!(error = %e, "readiness: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "not ready: database unavailable").into_response()
        }
        Ok(applied) => {
            let missing: Vec<i64> = state.ops.migrations.difference(&applied).copied().collect();
            match missing.first() {
                None => (StatusCode::OK, "ready").into_response(),
                Some(first) => (
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!(
                        "not ready: {} migration(s) not applied (first {first}); run `overens migrate`",
                        missing.len()
                    ),
                )
                    .into_response(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_bearer_token_opens_metrics() {
        let token = "0123456789abcdef0123";
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::AUTHORIZATION, HeaderValue::from_str(v).unwrap());
            h
        };
        assert!(authorised(token, &with("Bearer 0123456789abcdef0123")));
        assert!(!authorised(token, &with("Bearer 0123456789abcdef012")));
        assert!(!authorised(token, &with("Bearer 0123456789abcdef01234")));
        assert!(!authorised(token, &with("Basic 0123456789abcdef0123")));
        assert!(!authorised(token, &HeaderMap::new()));
    }
}
