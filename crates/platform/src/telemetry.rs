//! The instance's metrics recorder (Prometheus) and what readiness expects; served by
//! [`crate::ops`]. Kept apart from the routes so that the state can hold it.

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder};
use std::collections::{BTreeSet, HashMap};
use std::sync::RwLock;

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
    /// The request counter and latency histogram of each matched route, method and status,
    /// registered once: a request then only finds them (no label strings made per request).
    requests: RwLock<HashMap<String, ByMethodStatus>>,
}

/// A route's request metrics by method and status.
type ByMethodStatus = HashMap<(axum::http::Method, u16), RequestMetrics>;

/// One label set's request metrics.
#[derive(Clone)]
struct RequestMetrics {
    count: metrics::Counter,
    duration: metrics::Histogram,
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
            requests: RwLock::default(),
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

    /// Count and time one request by its method, matched route and status.
    pub fn request(&self, method: &axum::http::Method, route: &str, status: u16, seconds: f64) {
        let key = (method.clone(), status);
        let known = self
            .requests
            .read()
            .ok()
            .and_then(|m| m.get(route).and_then(|r| r.get(&key)).cloned());
        let m = match known {
            Some(m) => m,
            None => {
                let m = metrics::with_local_recorder(&self.recorder, || RequestMetrics {
                    count: metrics::counter!(REQUESTS, "method" => method.to_string(), "route" => route.to_string(), "status" => status.to_string()),
                    duration: metrics::histogram!(DURATION, "method" => method.to_string(), "route" => route.to_string()),
                });
                if let Ok(mut all) = self.requests.write() {
                    all.entry(route.to_string()).or_default().insert(key, m.clone());
                }
                m
            }
        };
        m.count.increment(1);
        m.duration.record(seconds);
    }
}
