//! The server against slow and many clients (issue 14, finding 5): a client that sends half a
//! request and stalls is cut off after the header-read timeout, and connections beyond the cap
//! wait until one closes.

use std::sync::Arc;
use std::time::{Duration, Instant};
use testkit::{Backend, Options, TestApp, TestDb};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn app_with(header_read: u64, idle: u64, max_connections: usize) -> TestApp {
    let db = Arc::new(TestDb::new(Backend::Sqlite).await);
    TestApp::start_with(
        db,
        Options {
            smtp_port: None,
            configure: Some(Box::new(move |c| {
                c.header_read_timeout = Duration::from_secs(header_read);
                c.idle_timeout = Duration::from_secs(idle);
                c.max_connections = max_connections;
            })),
        },
    )
    .await
}

/// Read until the server closes the connection; `None` when it is still open after `wait`.
async fn closed_within(s: &mut TcpStream, wait: Duration) -> Option<Vec<u8>> {
    let mut got = vec![];
    match tokio::time::timeout(wait, s.read_to_end(&mut got)).await {
        Ok(_) => Some(got), // EOF or a reset: closed either way
        Err(_) => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stalls_in_its_headers_is_cut_off() {
    let app = app_with(1, 30, 100).await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: loc").await.unwrap();
    let started = Instant::now();
    let closed = closed_within(&mut slow, Duration::from_secs(5)).await;
    assert!(closed.is_some(), "the slow connection is still open after 5 s");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
    // A connection that sends nothing at all is closed too.
    let mut silent = TcpStream::connect(&addr).await.unwrap();
    assert!(closed_within(&mut silent, Duration::from_secs(5)).await.is_some());
    // A prompt client is served as before.
    assert_eq!(app.client().get("/healthz").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stalls_in_its_body_is_cut_off() {
    let app = app_with(5, 1, 100).await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    slow.write_all(
        b"POST /konto/logga-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\
          Content-Length: 1000\r\n\r\nemail=a",
    )
    .await
    .unwrap();
    assert!(
        closed_within(&mut slow, Duration::from_secs(5)).await.is_some(),
        "the connection that stalls in its body is still open after 5 s"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_cap_wait() {
    let app = app_with(3, 30, 2).await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let hogs = [
        TcpStream::connect(&addr).await.unwrap(),
        TcpStream::connect(&addr).await.unwrap(),
    ];
    tokio::time::sleep(Duration::from_millis(100)).await;
    let c = app.client();
    let third = tokio::time::timeout(Duration::from_millis(1000), c.get("/healthz")).await;
    assert!(third.is_err(), "a third connection was served while two were open");
    drop(hogs);
    let started = Instant::now();
    let page = tokio::time::timeout(Duration::from_secs(5), c.get("/healthz"))
        .await
        .expect("served once a slot is free");
    assert_eq!(page.status, 200);
    assert!(started.elapsed() < Duration::from_secs(5));
}
