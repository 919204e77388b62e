//! The server's log as an operator collects it: sent to a file or a pipe it carries no terminal
//! colour codes (the demo's log file was full of them), and `OVERENS_LOG_FORMAT=json` gives one
//! JSON object a line. Run against the real binary on both databases.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use testkit::{Backend, TestDb};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Serves `url` with stdout and stderr to pipes, makes a few requests, stops it with SIGTERM and
/// gives back everything it wrote.
async fn serve_and_collect(url: &str, json: bool) -> String {
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let mut c = Command::new(env!("CARGO_BIN_EXE_overens"));
    for (k, _) in std::env::vars() {
        if k.starts_with("OVERENS_") || k == "NO_COLOR" {
            c.env_remove(k);
        }
    }
    if json {
        c.env("OVERENS_LOG_FORMAT", "json");
    }
    let child = c
        .args(["serve", "--database-url", url, "--bind", &bind])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let base = format!("http://{bind}");
    let started = Instant::now();
    loop {
        if let Ok(r) = reqwest::get(format!("{base}/readyz")).await {
            if r.status().as_u16() == 200 {
                break;
            }
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A page, a missing page and a refused form: requests that log at info and warn.
    let client = reqwest::Client::new();
    let _ = client.get(format!("{base}/")).send().await.unwrap();
    let _ = client.get(format!("{base}/finns-inte")).send().await.unwrap();
    let _ = client.post(format!("{base}/logga-in")).send().await.unwrap();
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut all = out.stdout;
    all.extend_from_slice(&out.stderr);
    String::from_utf8(all).unwrap()
}

async fn no_colour_in_a_piped_log(backend: Backend) {
    let db = TestDb::new(backend).await;
    let log = serve_and_collect(&db.url, false).await;
    assert!(
        log.contains("INFO") && log.contains("serving"),
        "the log is written: {log}"
    );
    assert!(!log.contains('\u{1b}'), "no escape sequences in a piped log: {log:?}");

    let log = serve_and_collect(&db.url, true).await;
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.iter().any(|l| l.contains("\"serving\"")), "{log}");
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(v.get("level").is_some() && v.get("timestamp").is_some(), "{line}");
    }
    assert!(!log.contains('\u{1b}'), "{log:?}");
}

#[tokio::test]
async fn no_colour_in_a_piped_log_sqlite() {
    no_colour_in_a_piped_log(Backend::Sqlite).await;
}

#[tokio::test]
async fn no_colour_in_a_piped_log_postgres() {
    no_colour_in_a_piped_log(Backend::Postgres).await;
}
