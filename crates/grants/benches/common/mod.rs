//! What the grants' benchmarks share: the synthetic attendance of a large municipality (a
//! fixed linear congruential sequence, so every run writes the same files) and the process's
//! peak memory.
//!
//! Each association has groups of 8–24 members who meet twice a week through a half-year from
//! 2026-01-05, with some members absent at each meeting, a leader per group and a few leaders
//! who also train.

#![allow(dead_code)] // each benchmark uses its part

use std::fmt::Write;

pub const ROWS: usize = 1_000_000;
pub const ASSOCIATIONS: usize = 400;

/// A linear congruential sequence from a seed.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// One association's attendance file with about `rows` rows.
pub fn association_file(rng: &mut Lcg, a: usize, rows: usize) -> String {
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

/// The most memory the process has held (VmHWM), in MB.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The process's memory now and at its peak: the peak (VmHWM), and what is resident now split
/// into its own memory (RssAnon: heap, SQLite's page caches) and file pages mapped in (RssFile:
/// SQLite reads the database through a memory map, whose pages the kernel shares and may drop).
pub fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let mb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
            .map_or(0.0, |kb| kb / 1024.0)
    };
    format!(
        "peak {:.0} MB; now {:.0} MB of its own (RssAnon) and {:.0} MB of mapped files (RssFile)",
        mb("VmHWM:"),
        mb("RssAnon:"),
        mb("RssFile:")
    )
}

/// The process's proportional set size (Pss in /proc/self/smaps_rollup), in MB: its resident
/// memory with each page counted once however many of its mappings hold it (a database file
/// mapped by eight SQLite connections counts once, not eight times as in VmRSS and VmHWM).
pub fn pss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/smaps_rollup")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Pss:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The highest [`pss_mb`] seen, sampled every 50 ms by a thread of its own from now on.
pub fn pss_peak() -> std::sync::Arc<std::sync::atomic::AtomicU64> {
    use std::sync::atomic::{AtomicU64, Ordering};
    let peak = std::sync::Arc::new(AtomicU64::new(0));
    let p = peak.clone();
    // A thread of its own, outside the runtime, so sleeping blocks nothing.
    #[allow(clippy::disallowed_methods)]
    std::thread::spawn(move || loop {
        p.fetch_max(pss_mb() as u64, Ordering::Relaxed);
        std::thread::sleep(std::time::Duration::from_millis(50));
    });
    peak
}
