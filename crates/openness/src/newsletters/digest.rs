//! The rules of the weekly digest (veckosammanfattning), without I/O: when it goes (Monday
//! 07:00 Swedish time), which week it tells of, what goes in (public items new that week) and
//! its text. A subscriber asks for it on the subscribe form; the job is in `weekly`.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Europe::Stockholm;

/// The kind of the digest's recurring job in the queue.
pub const JOB_KIND: &str = "openness.newsletter.digest";

/// The longest a digest's lists get (the rest is on the site).
pub const LIST_MAX: usize = 20;

const WEEK: i64 = 7 * 24 * 3600;

/// The first Monday 07:00 in Stockholm strictly after `now` (unix seconds): when the next
/// digest goes.
pub fn next_run(now: i64) -> i64 {
    let today = Stockholm
        .timestamp_opt(now, 0)
        .single()
        .map(|t| t.date_naive())
        .unwrap_or_default();
    let back = i64::from(today.weekday().num_days_from_monday());
    let monday = today - Duration::days(back);
    (0..3)
        .map(|w| monday + Duration::days(7 * w))
        .filter_map(at_seven)
        .find(|t| *t > now)
        .unwrap_or(now + WEEK)
}

/// 07:00 of a day in Stockholm, in unix seconds.
fn at_seven(day: NaiveDate) -> Option<i64> {
    let seven = NaiveTime::from_hms_opt(7, 0, 0)?;
    day.and_time(seven)
        .and_local_timezone(Stockholm)
        .earliest()
        .map(|t| t.timestamp())
}

/// The week a digest sent at `now` tells of: the seven days before it, `[from, to)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Week {
    pub from: i64,
    pub to: i64,
}

impl Week {
    pub fn before(now: i64) -> Week {
        Week {
            from: now - WEEK,
            to: now,
        }
    }

    /// Whether a moment (unix seconds) is in the week.
    pub fn holds(&self, t: i64) -> bool {
        t >= self.from && t < self.to
    }

    /// Whether a day (`YYYY-MM-DD`, Swedish) is in the week: from the day the week began up to
    /// the day before the one it ends (a day belongs to one digest only).
    pub fn holds_day(&self, day: &str) -> bool {
        let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
            return false;
        };
        d >= local_day(self.from) && d < local_day(self.to)
    }

    /// The first day of the week, for the subject (`YYYY-MM-DD`).
    pub fn first_day(&self) -> String {
        local_day(self.from).format("%Y-%m-%d").to_string()
    }

    /// The Monday's week number (ISO), for the subject.
    pub fn number(&self) -> u32 {
        local_day(self.from).iso_week().week()
    }
}

fn local_day(t: i64) -> NaiveDate {
    Stockholm
        .timestamp_opt(t, 0)
        .single()
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// One line of a digest: what, when (a day or a time, as shown) and its address on the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    pub when: String,
    pub url: String,
}

/// What a municipality's digest of a week holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Digest {
    pub decisions: Vec<Entry>,
    pub events: Vec<Entry>,
    pub news: Vec<Entry>,
}

impl Digest {
    /// Nothing new: no digest goes.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty() && self.events.is_empty() && self.news.is_empty()
    }

    /// The sections that have something: (heading, entries), in the mail's order.
    pub fn sections<'a>(&'a self, w: &'a Words) -> Vec<(&'a str, &'a [Entry])> {
        [
            (w.decisions.as_str(), self.decisions.as_slice()),
            (w.events.as_str(), self.events.as_slice()),
            (w.news.as_str(), self.news.as_slice()),
        ]
        .into_iter()
        .filter(|(_, e)| !e.is_empty())
        .collect()
    }
}

/// Keep at most [`LIST_MAX`] of a list.
pub fn capped(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.truncate(LIST_MAX);
    entries
}

/// The words of a digest, in the reader's language.
#[derive(Clone, Debug, Default)]
pub struct Words {
    pub intro: String,
    pub decisions: String,
    pub events: String,
    pub news: String,
    pub footer: String,
}

/// The text part of a digest: the intro, each section with its lines, then how to leave.
pub fn text(d: &Digest, w: &Words, unsubscribe_url: &str) -> String {
    let mut out = format!("{}\n", w.intro.trim());
    for (heading, entries) in d.sections(w) {
        out.push_str(&format!("\n{heading}\n{}\n", "=".repeat(heading.chars().count())));
        for e in entries {
            out.push_str(&format!("\n* {} ({})\n  {}\n", e.title, e.when, e.url));
        }
    }
    super::domain::text_part(&out, unsubscribe_url, &w.footer)
}

/// The Message-ID of a week's digest to one address (the same if the run is repeated).
pub fn message_id(week: &Week, email: &str, domain: &str) -> String {
    let who = &super::domain::message_id(0, email, domain);
    let who = who
        .trim_start_matches("<newsletter-0-")
        .trim_end_matches(&format!("@{domain}>"));
    format!("<digest-{}-{who}@{domain}>", week.first_day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        NaiveDate::from_ymd_opt(y, mo, d)
            .and_then(|d| d.and_hms_opt(h, mi, 0))
            .and_then(|t| t.and_local_timezone(Stockholm).earliest())
            .map(|t| t.timestamp())
            .unwrap()
    }

    #[test]
    fn the_digest_goes_on_monday_at_seven_swedish_time() {
        // 2026-11-23 is a Monday.
        assert_eq!(next_run(at(2026, 11, 23, 6, 59)), at(2026, 11, 23, 7, 0));
        assert_eq!(next_run(at(2026, 11, 23, 7, 0)), at(2026, 11, 30, 7, 0));
        assert_eq!(next_run(at(2026, 11, 29, 23, 0)), at(2026, 11, 30, 7, 0));
        // Over the change to summer time (2027-03-28): still 07:00 on the clock.
        assert_eq!(next_run(at(2027, 3, 25, 12, 0)), at(2027, 3, 29, 7, 0));
        assert_eq!(at(2027, 3, 29, 7, 0) - at(2027, 3, 22, 7, 0), 7 * 24 * 3600 - 3600);
    }

    #[test]
    fn the_week_is_the_seven_days_before_and_each_day_is_in_one_digest() {
        let w = Week::before(at(2026, 11, 30, 7, 0));
        assert!(w.holds(at(2026, 11, 23, 7, 0)));
        assert!(w.holds(at(2026, 11, 30, 6, 59)));
        assert!(!w.holds(at(2026, 11, 30, 7, 0)));
        assert!(!w.holds(at(2026, 11, 23, 6, 59)));
        assert!(w.holds_day("2026-11-23") && w.holds_day("2026-11-29"));
        assert!(!w.holds_day("2026-11-30") && !w.holds_day("2026-11-22") && !w.holds_day("i går"));
        assert_eq!(w.first_day(), "2026-11-23");
        assert_eq!(w.number(), 48);
    }

    fn entry(t: &str) -> Entry {
        Entry {
            title: t.into(),
            when: "2026-11-24".into(),
            url: format!("https://sala.se/{t}"),
        }
    }

    fn words() -> Words {
        Words {
            intro: "Det här är nytt.".into(),
            decisions: "Beslut".into(),
            events: "Evenemang".into(),
            news: "Nyheter".into(),
            footer: "Från Sala.".into(),
        }
    }

    #[test]
    fn a_week_without_news_is_empty_and_sections_without_items_are_left_out() {
        assert!(Digest::default().is_empty());
        let d = Digest {
            events: vec![entry("konsert")],
            ..Digest::default()
        };
        assert!(!d.is_empty());
        let w = words();
        let headings: Vec<&str> = d.sections(&w).iter().map(|s| s.0).collect();
        assert_eq!(headings, ["Evenemang"]);
        let t = text(&d, &w, "https://sala.se/avregistrera/x");
        assert!(
            t.contains("Evenemang\n=========\n\n* konsert (2026-11-24)\n  https://sala.se/konsert"),
            "{t}"
        );
        assert!(!t.contains("Beslut"), "{t}");
        assert!(t.ends_with("Från Sala.\nhttps://sala.se/avregistrera/x\n"), "{t}");
    }

    #[test]
    fn lists_are_capped() {
        let many: Vec<Entry> = (0..30).map(|i| entry(&i.to_string())).collect();
        assert_eq!(capped(many).len(), LIST_MAX);
    }

    #[test]
    fn a_digest_message_id_is_per_week_and_address() {
        let w = Week::before(at(2026, 11, 30, 7, 0));
        let a = message_id(&w, "Anna@exempel.se", "sala.se");
        assert_eq!(a, message_id(&w, "anna@exempel.se", "sala.se"));
        assert_ne!(
            a,
            message_id(&Week::before(at(2026, 12, 7, 7, 0)), "anna@exempel.se", "sala.se")
        );
        assert!(a.starts_with("<digest-2026-11-23-") && a.ends_with("@sala.se>"), "{a}");
    }
}
