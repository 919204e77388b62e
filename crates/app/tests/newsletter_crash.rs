//! Crash safety of newsletters: the real `overens serve` (SQLite in WAL mode, and PostgreSQL)
//! sends a newsletter to its subscribers at a rate, is killed with SIGKILL in the middle, and is
//! started again. Every recipient gets the newsletter, and every recipient exactly one message:
//! one Message-ID each.
//!
//! Honestly: exactly one *message*, not always one *transmission*. A delivery is marked sent
//! right after the SMTP server accepted it; the one the worker was sending at the kill (accepted,
//! not yet marked) is sent again after the restart. It carries the same Message-ID (derived from
//! the newsletter and the address), so mail programs show it once. The test allows that one
//! repeated transmission and no other.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};
use testkit::process::{database_with_sala, Overens};
use testkit::{Backend, SmtpSink};

const RECIPIENTS: usize = 60;

async fn sigkill_in_the_middle_of_a_newsletter(backend: Backend) {
    let sink = SmtpSink::start().await;
    // The binary runs on the system clock, so the send time is real time.
    let now = platform::clock::Clock::now(&platform::clock::SystemClock).timestamp();
    let (db, pool, m) = database_with_sala(backend, now).await;
    for i in 0..RECIPIENTS {
        sqlx::query(
            "INSERT INTO openness_newsletter_subscribers (municipality_id, email, token, confirmed_at, created_at) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(m)
        .bind(format!("mottagare{i}@exempel.se"))
        .bind(format!("secret-{i}"))
        .bind(now)
        .execute(&pool.pool)
        .await
        .unwrap();
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO openness_newsletters (municipality_id, subject, body, audience, status, send_at, created_at, \
         updated_at) VALUES ($1, 'Nyhetsbrev', 'Hej!', 'subscribers', 'scheduled', $2, $2, $2) RETURNING id",
    )
    .bind(m)
    .bind(now)
    .fetch_one(&pool.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO jobs (municipality_id, kind, payload, run_at, created_at) \
         VALUES ($1, 'openness.newsletter', '{}', $2, $2)",
    )
    .bind(m)
    .bind(now)
    .execute(&pool.pool)
    .await
    .unwrap();

    // Ten a second: the kill comes in the middle of the sending.
    let mut server = Overens::serve(env!("CARGO_BIN_EXE_overens"), &db.url)
        .smtp(sink.port)
        .args(&["--newsletter-per-minute", "600"])
        .start()
        .await;
    let started = Instant::now();
    while sink.received().len() < RECIPIENTS / 3 && started.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill();
    let before = sink.received().len();
    assert!(
        before > 0 && before < RECIPIENTS,
        "killed in the middle: {before} of {RECIPIENTS} sent"
    );

    // The killed worker's job and the deliveries it had claimed are taken again when their
    // leases run out; the test ends them now.
    sqlx::query("UPDATE jobs SET locked_until = 0 WHERE status = 'running'")
        .execute(&pool.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE openness_newsletter_deliveries SET claimed_until = 0 WHERE sent_at IS NULL")
        .execute(&pool.pool)
        .await
        .unwrap();
    server.restart().await;
    let started = Instant::now();
    loop {
        let (status,): (String,) = sqlx::query_as("SELECT status FROM openness_newsletters WHERE id = $1")
            .bind(id)
            .fetch_one(&pool.pool)
            .await
            .unwrap();
        if status == "sent" || started.elapsed() > Duration::from_secs(60) {
            assert_eq!(status, "sent", "every delivery went after the restart");
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = sink.received();
    server.kill();

    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut copies: HashMap<String, usize> = HashMap::new();
    for mail in &mails {
        for to in &mail.to {
            ids.entry(to.clone())
                .or_default()
                .insert(mail.header("Message-ID").expect("a Message-ID"));
            *copies.entry(to.clone()).or_default() += 1;
        }
    }
    assert_eq!(ids.len(), RECIPIENTS, "every recipient got the newsletter");
    for (to, set) in &ids {
        assert_eq!(set.len(), 1, "{to}: one message, one Message-ID: {set:?}");
    }
    let twice: Vec<&String> = copies.iter().filter(|(_, n)| **n > 1).map(|(t, _)| t).collect();
    assert!(
        twice.len() <= 1 && copies.values().all(|n| *n <= 2),
        "at most the one in flight at the kill went twice: {twice:?}"
    );
    eprintln!(
        "{backend:?}: {before} of {RECIPIENTS} sent before the SIGKILL, {} transmissions in all, {} repeated",
        mails.len(),
        twice.len()
    );
}

testkit::both!(sigkill_in_the_middle_of_a_newsletter);
