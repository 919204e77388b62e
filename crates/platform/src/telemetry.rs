//! The instance's metrics recorder (Prometheus) and what readiness expects; served by
//! [`crate::ops`]. Kept apart from the routes so that the state can hold it.

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder};
use std::collections::BTreeSet;

pub const REQUESTS: &str = "overens_http_requests_total";
pub const DURATION: &str = "overens_http_request_duration_seconds";
pub const JOBS: &str = "overens_jobs";
pub const JOBS_DUE: &str = "overens_jobs_due";
pub const JOBS_RETRYING: &str = "overens_jobs_retrying";
pub const POOL_SIZE: &str = "overens_db_pool_connections";
pub const POOL_IDLE: &str = "overens_db_pool_idle";
pub const POOL_MAX: &str = "overens_db_pool_max";

/// The latency buckets, in seconds.
const BUCKETS: &[f64] = &[0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

/// The instance's metrics and what readiness expects.
pub struct Ops {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    /// Every migration version this binary applies on this backend.
    pub migrations: BTreeSet<i64>,
}

impl Ops {
    pub fn new(migrations: BTreeSet<i64>) -> anyhow::Result<Ops> {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(DURATION.into()), BUCKETS)?
            .build_recorder();
        let handle = recorder.handle();
        metrics::with_local_recorder(&recorder, || {
            metrics::describe_counter!(REQUESTS, "HTTP requests by method, matched route and status");
            metrics::describe_histogram!(
                DURATION,
                metrics::Unit::Seconds,
                "HTTP request latency by method and matched route"
            );
            metrics::describe_gauge!(JOBS, "jobs in the queue by status");
            metrics::describe_gauge!(JOBS_DUE, "pending jobs whose time has come");
            metrics::describe_gauge!(JOBS_RETRYING, "pending jobs waiting for a retry after a failure");
            metrics::describe_gauge!(POOL_SIZE, "open database connections");
            metrics::describe_gauge!(POOL_IDLE, "idle database connections");
            metrics::describe_gauge!(POOL_MAX, "most database connections the pool opens");
        });
        Ok(Ops {
            recorder,
            handle,
            migrations,
        })
    }

    /// Record through this instance's recorder.
    pub fn with<T>(&self, f: impl FnOnce() -> T) -> T {
        metrics::with_local_recorder(&self.recorder, f)
    }

    /// Everything recorded, in Prometheus' text format.
    pub fn render(&self) -> String {
        self.handle.render()
    }

    pub fn request(&self, method: &str, route: String, status: u16, seconds: f64) {
        metrics::with_local_recorder(&self.recorder, || {
            metrics::counter!(REQUESTS, "method" => method.to_string(), "route" => route.clone(), "status" => status.to_string())
                .increment(1);
            metrics::histogram!(DURATION, "method" => method.to_string(), "route" => route).record(seconds);
        });
    }
}
