//! The activity-support computation at a large municipality's scale, without a server or a
//! database: 1,000,000 attendance rows (one per person and meeting) for 400 associations are
//! written as the club systems' CSV, read with `activity::import::read_csv` and assessed per
//! association with `activity::domain::assess` under LOK-like rules, then the period's claims
//! are pro-rated against a budget. Run with `cargo bench -p grants --bench activity`.
//!
//! The data is synthetic and deterministic (a fixed linear congruential sequence): each
//! association has groups of 8–24 members who meet twice a week through a half-year, with
//! some members absent at each meeting, a leader per group and a few leaders who also train.

use grants::activity::domain::{assess, prorate, ActivityRules};
use grants::activity::import::read_csv;
use std::fmt::Write;
use std::time::Instant;

const ROWS: usize = 1_000_000;
const ASSOCIATIONS: usize = 400;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// One association's attendance file with about `rows` rows.
fn association_file(rng: &mut Lcg, a: usize, rows: usize) -> String {
    let mut out = String::from("Grupp;Datum;Start;Minuter;Aktivitet;Roll;Id;Namn;Födelseår;Kön\n");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let mut written = 0;
    let mut g = 0;
    while written < rows {
        let members = 8 + rng.next(17) as usize;
        let birth = 2001 + rng.next(19) as i32;
        let minutes = [40, 45, 60, 90][rng.next(4) as usize];
        for week in 0..26 {
            for day in [0, 3] {
                let date = start + chrono::Duration::days(week * 7 + day);
                let time = if day == 0 { "17:00" } else { "18:30" };
                let _ = writeln!(
                    out,
                    "G{g};{date};{time};{minutes};Träning;Ledare;L{a}-{g};Ledare {a} {g};1985;Annat"
                );
                written += 1;
                for m in 0..members {
                    if rng.next(10) < 2 {
                        continue; // absent
                    }
                    let gender = if m % 2 == 0 { "Flicka" } else { "Pojke" };
                    let _ = writeln!(
                        out,
                        "G{g};{date};{time};{minutes};Träning;Deltagare;M{a}-{g}-{m};Medlem {m};{};{gender}",
                        birth + (m % 3) as i32
                    );
                    written += 1;
                }
                if written >= rows {
                    return out;
                }
            }
        }
        g += 1;
    }
    out
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

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
