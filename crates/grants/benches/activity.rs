//! The activity-support computation at a large municipality's scale, without a server or a
//! database: 1,000,000 attendance rows (one per person and meeting) for 400 associations are
//! written as the club systems' CSV, read with `activity::import::read_csv` and assessed per
//! association with `activity::domain::assess` under LOK-like rules, then the period's claims
//! are pro-rated against a budget. Run with `cargo bench -p grants --bench activity`.
//!
//! The data is synthetic and deterministic (see `common/mod.rs`, which the database benchmark
//! `attendance_db` shares).

mod common;

use common::{association_file, peak_rss_mb, Lcg, ASSOCIATIONS, ROWS};
use grants::activity::domain::{assess, prorate, ActivityRules};
use grants::activity::import::read_csv;
use std::time::Instant;

fn main() {
    let mut rng = Lcg(2026);
    let t = Instant::now();
    let files: Vec<String> = (0..ASSOCIATIONS)
        .map(|a| association_file(&mut rng, a, ROWS / ASSOCIATIONS))
        .collect();
    let bytes: usize = files.iter().map(String::len).sum();
    let rows: usize = files.iter().map(|f| f.lines().count() - 1).sum();
    println!(
        "generated {rows} rows, {:.1} MB of CSV, for {ASSOCIATIONS} associations in {:.2} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let mut read = Vec::with_capacity(files.len());
    for f in &files {
        match read_csv(f.as_bytes(), 10) {
            Ok(m) => read.push(m),
            Err(e) => panic!("the generated file does not read: {e:?}"),
        }
    }
    let meetings: usize = read.iter().map(Vec::len).sum();
    let read_s = t.elapsed().as_secs_f64();
    println!(
        "read: {meetings} meetings in {read_s:.2} s ({:.0} rows/s)",
        rows as f64 / read_s
    );

    let rules = ActivityRules::lok();
    let t = Instant::now();
    let results: Vec<_> = read.iter().map(|m| assess(&rules, m)).collect();
    let claims: Vec<i64> = results.iter().map(|r| r.totals.amount_ore).collect();
    let total: i64 = claims.iter().sum();
    let shares = prorate(Some(total / 2), &claims);
    let assess_s = t.elapsed().as_secs_f64();
    let counted: u32 = results.iter().map(|r| r.totals.meetings).sum();
    let participations: u32 = results.iter().map(|r| r.totals.participations).sum();
    println!(
        "assessed: {counted} of {meetings} meetings count, {participations} participations, {:.0} kr claimed, {:.0} kr paid within half the sum, in {assess_s:.2} s",
        total as f64 / 100.0,
        shares.iter().sum::<i64>() as f64 / 100.0
    );
    println!(
        "peak memory: {:.0} MB (the CSV text, the meetings and the verdicts all held at once)",
        peak_rss_mb()
    );
}
