//! The rules of newsletters, without I/O: what a newsletter is and where it is on its way, the
//! groups it goes to, one list of addresses from many (lower case, each once, none that
//! unsubscribed), the secrets of its links, its Message-IDs, the pace of sending and the checks
//! of what the coordinator types.

use super::targets::Target;
use crate::problem::Problem;
use platform::rules;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::time::Duration;

/// The kind of the sending job in the queue (see `send`).
pub const JOB_KIND: &str = "openness.newsletter";

/// The longest subject.
pub const SUBJECT_MAX: usize = 200;
/// The longest body, in Markdown.
pub const BODY_MAX: usize = 50_000;
/// Deliveries written by one multi-row INSERT (4 values each: far below either database's
/// limit of bound values).
pub const INSERT_BATCH: usize = 500;
/// Deliveries read by the sender at a time.
pub const SEND_BATCH: i64 = 200;
/// The longest one run of the sending job works before it queues its next run (well inside the
/// job queue's lease, and other mail is not held up behind a long newsletter).
pub const RUN_SECONDS: u64 = 20;
/// The newsletters on the public archive's page.
pub const ARCHIVE_SIZE: i64 = 100;

/// Where a newsletter is on its way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Being written; only the coordinator sees it.
    Draft,
    /// Waits for its send time.
    Scheduled,
    /// Its deliveries are written; the sender works through them.
    Sending,
    /// Every delivery went; it is in the public archive.
    Sent,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::Draft => "openness-newsletter-status-draft",
            Status::Scheduled => "openness-newsletter-status-scheduled",
            Status::Sending => "openness-newsletter-status-sending",
            Status::Sent => "openness-newsletter-status-sent",
        }
    }

    /// Whether the coordinator may still change it.
    pub fn editable(self) -> bool {
        matches!(self, Status::Draft | Status::Scheduled)
    }
}

/// A group a newsletter can go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Group {
    /// Public subscribers who confirmed their address.
    Subscribers,
    /// The registry's contact persons (each consented to be contacted when added).
    Contacts,
    /// The contact persons of the associations that signed the agreement.
    Signatories,
    /// The members of the municipality's working groups (the action plan's).
    WorkingGroups,
}

/// Every group, in the form's order.
pub const GROUPS: [Group; 4] = [
    Group::Subscribers,
    Group::Contacts,
    Group::Signatories,
    Group::WorkingGroups,
];

impl Group {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Group::Subscribers => "openness-newsletter-group-subscribers",
            Group::Contacts => "openness-newsletter-group-contacts",
            Group::Signatories => "openness-newsletter-group-signatories",
            Group::WorkingGroups => "openness-newsletter-group-working-groups",
        }
    }
}

/// The groups a newsletter goes to and its chosen meetings and categories (`targets`), stored
/// comma-separated: `subscribers,meeting:12,category:idrott`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Audience(pub BTreeSet<Group>, pub BTreeSet<Target>);

impl Audience {
    /// Read the stored form (unknown names are left out).
    pub fn parse(s: &str) -> Audience {
        Audience(
            s.split(',').filter_map(|g| g.trim().parse().ok()).collect(),
            s.split(',').filter_map(Target::parse).collect(),
        )
    }

    pub fn stored(&self) -> String {
        let groups = self.0.iter().map(|g| g.as_str().to_string());
        groups
            .chain(self.1.iter().map(Target::to_string))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Whether it goes to no one.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty() && self.1.is_empty()
    }

    pub fn has(&self, g: Group) -> bool {
        self.0.contains(&g)
    }
}

/// One list of addresses from many: trimmed, in lower case, each once (the first time it
/// comes), without empty ones, ones without an `@`, and those in `unsubscribed` (lower case).
pub fn recipients<I: IntoIterator<Item = String>>(addresses: I, unsubscribed: &BTreeSet<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    addresses
        .into_iter()
        .map(|a| a.trim().to_lowercase())
        .filter(|a| a.contains('@') && !unsubscribed.contains(a))
        .filter(|a| seen.insert(a.clone()))
        .collect()
}

fn digest(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p);
    }
    hex::encode(h.finalize())
}

/// The secret of a delivery's unsubscribe link: derived from the instance's secret, the
/// newsletter and the address, so it cannot be guessed and is the same if written again.
pub fn delivery_token(secret: &[u8], newsletter: i64, email: &str) -> String {
    digest(&[
        secret,
        b"newsletter-delivery",
        &newsletter.to_be_bytes(),
        email.as_bytes(),
    ])[..40]
        .to_string()
}

/// The Message-ID of a newsletter's message to one address: the same every time it is sent,
/// so that the one message that may go twice (the one in flight when the server died) is the
/// same message, which mail programs show once.
pub fn message_id(newsletter: i64, email: &str, domain: &str) -> String {
    let who = &digest(&[email.trim().to_lowercase().as_bytes()])[..24];
    format!("<newsletter-{newsletter}-{who}@{domain}>")
}

/// The pause between two messages at `per_minute` messages a minute.
pub fn pause(per_minute: u32) -> Duration {
    Duration::from_millis(60_000 / u64::from(per_minute.max(1)))
}

/// When every unsent delivery is held by another run, the next look comes this much later.
pub const HELD_RETRY_SECONDS: i64 = 30;

/// How long a run holds a batch of `size` deliveries at `per_minute`: the time the batch takes
/// at that pace, and a minute for the SMTP server's answers. A run killed mid-batch leaves the
/// rest to be taken again after that.
pub fn claim_seconds(per_minute: u32, size: i64) -> i64 {
    let pace = i64::try_from(pause(per_minute).as_millis()).unwrap_or(i64::MAX);
    pace.saturating_mul(size) / 1000 + 60
}

/// The messages one run of the sender sends at most at `per_minute` ([`RUN_SECONDS`] of it,
/// at least one).
pub fn per_run(per_minute: u32) -> i64 {
    (i64::from(per_minute) * RUN_SECONDS as i64 / 60).max(1)
}

/// What the coordinator typed, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub subject: String,
    pub body: String,
    pub audience: Audience,
}

/// Check a newsletter's form; every refused field with its reason.
pub fn check(subject: &str, body: &str, groups: &[String]) -> Result<Checked, Vec<(&'static str, Problem)>> {
    let mut errors = vec![];
    let subject = rules::line(subject, SUBJECT_MAX).unwrap_or_else(|i| {
        errors.push(("subject", Problem::from(i)));
        String::new()
    });
    let body = match rules::required_text(body, BODY_MAX) {
        Ok(b) => b,
        Err(i) => {
            errors.push(("body", Problem::from(i)));
            String::new()
        }
    };
    let audience = Audience::parse(&groups.join(","));
    if audience.is_empty() {
        errors.push(("audience", Problem::Id("openness-newsletter-err-audience")));
    }
    if errors.is_empty() {
        Ok(Checked {
            subject,
            body,
            audience,
        })
    } else {
        Err(errors)
    }
}

/// The send time typed as `YYYY-MM-DDTHH:MM` (a `datetime-local` field) in Swedish time, as unix
/// seconds; it must not be in the past.
pub fn send_time(input: &str, now: i64) -> Result<i64, Problem> {
    let at = chrono::NaiveDateTime::parse_from_str(input.trim(), "%Y-%m-%dT%H:%M")
        .ok()
        .and_then(|t| t.and_local_timezone(chrono_tz::Europe::Stockholm).earliest())
        .map(|t| t.timestamp())
        .ok_or(Problem::Id("openness-newsletter-err-time"))?;
    if at < now - 60 {
        return Err(Problem::Id("openness-newsletter-err-past"));
    }
    Ok(at)
}

/// The text part of a newsletter's message: the text, then how to leave.
pub fn text_part(body_text: &str, unsubscribe_url: &str, footer: &str) -> String {
    format!("{}\n\n-- \n{footer}\n{unsubscribe_url}\n", body_text.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_are_lower_case_once_and_never_unsubscribed() {
        let gone: BTreeSet<String> = ["bo@exempel.se".to_string()].into();
        let list = recipients(
            [
                " Anna@Exempel.se ".to_string(),
                "anna@exempel.se".into(),
                "BO@exempel.se".into(),
                "".into(),
                "inte-en-adress".into(),
                "cia@exempel.se".into(),
            ],
            &gone,
        );
        assert_eq!(list, vec!["anna@exempel.se", "cia@exempel.se"]);
    }

    #[test]
    fn a_message_id_is_the_same_for_the_same_newsletter_and_address_only() {
        let a = message_id(7, "Anna@exempel.se", "sala.se");
        assert_eq!(a, message_id(7, "anna@exempel.se", "sala.se"));
        assert_ne!(a, message_id(8, "anna@exempel.se", "sala.se"));
        assert_ne!(a, message_id(7, "bo@exempel.se", "sala.se"));
        assert!(a.starts_with("<newsletter-7-") && a.ends_with("@sala.se>"), "{a}");
    }

    #[test]
    fn tokens_depend_on_the_secret() {
        let a = delivery_token(b"s1", 1, "anna@exempel.se");
        assert_eq!(a.len(), 40);
        assert_ne!(a, delivery_token(b"s2", 1, "anna@exempel.se"));
        assert_ne!(a, delivery_token(b"s1", 2, "anna@exempel.se"));
    }

    #[test]
    fn the_pace_follows_the_rate() {
        assert_eq!(pause(60), Duration::from_secs(1));
        assert_eq!(pause(600), Duration::from_millis(100));
        assert_eq!(per_run(60), 20);
        assert_eq!(per_run(1), 1);
    }

    #[test]
    fn the_audience_is_stored_and_read_back() {
        let a = Audience::parse("signatories, subscribers,okand");
        assert_eq!(a.stored(), "subscribers,signatories");
        assert!(a.has(Group::Signatories) && !a.has(Group::Contacts));
    }

    #[test]
    fn a_meeting_and_a_category_are_stored_among_the_groups() {
        let a = Audience::parse("category:idrott,working_groups,meeting:12,meeting:x");
        assert_eq!(a.stored(), "working_groups,meeting:12,category:idrott");
        assert_eq!(Audience::parse(&a.stored()), a);
        assert!(a.has(Group::WorkingGroups));
        let only = check("Möte", "Hej!", &["meeting:3".into()]).unwrap();
        assert_eq!(only.audience.stored(), "meeting:3");
        assert!(check("Möte", "Hej!", &["meeting:".into()]).is_err());
    }

    #[test]
    fn a_newsletter_needs_a_subject_a_text_and_a_group() {
        let e = check("", "", &[]).unwrap_err();
        let fields: Vec<&str> = e.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["subject", "body", "audience"]);
        let c = check("Nytt i april", "Hej!", &["contacts".into()]).unwrap();
        assert!(c.audience.has(Group::Contacts));
    }

    #[test]
    fn a_send_time_is_swedish_time_and_not_past() {
        // 2026-06-01 10:00 in Stockholm is 08:00 UTC (summer time).
        let t = send_time("2026-06-01T10:00", 0).unwrap();
        assert_eq!(t, 1_780_300_800);
        assert_eq!(
            send_time("2026-06-01T10:00", t + 3600),
            Err(Problem::Id("openness-newsletter-err-past"))
        );
        assert_eq!(
            send_time("i morgon", 0),
            Err(Problem::Id("openness-newsletter-err-time"))
        );
    }
}
