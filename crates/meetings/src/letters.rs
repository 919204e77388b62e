//! The texts of the meetings' e-mails (in Swedish, the municipality's language) and the
//! calendar event of a meeting. The letters are built here; their callers (routes and jobs)
//! queue them with `platform::mail` in the transaction of the change they tell of.

use crate::domain::{clock, Status};
use crate::ics;
use crate::paths;
use crate::store::Meeting;
use platform::i18n::{Lang, Tr};
use platform::mail::Email;
use platform::AppState;

/// The name of the calendar file a letter carries.
pub const ICS_NAME: &str = "mote.ics";

/// What every letter of one municipality needs.
pub struct Letters {
    pub tr: Tr,
    /// `https://host` without a trailing slash.
    pub root: String,
    pub slug: String,
    pub host: String,
    pub now: i64,
    /// The sender of the mail (address, name): the ORGANIZER of calendar updates.
    pub organizer: (String, String),
}

/// (address, name) of `Name <address>` or a bare address.
fn organizer(mail_from: &str) -> (String, String) {
    match (mail_from.find('<'), mail_from.rfind('>')) {
        (Some(a), Some(b)) if a < b => (
            mail_from[a + 1..b].trim().to_string(),
            mail_from[..a].trim().trim_matches('"').to_string(),
        ),
        _ => (mail_from.trim().to_string(), String::new()),
    }
}

/// A meeting's iCalendar SEQUENCE.
pub fn sequence(m: &Meeting) -> u32 {
    u32::try_from(m.sequence).unwrap_or(0)
}

impl Letters {
    pub fn new(state: &AppState, slug: &str) -> Letters {
        let root = state.config.base_url.trim_end_matches('/').to_string();
        let host = root
            .split("://")
            .nth(1)
            .unwrap_or("overens")
            .split('/')
            .next()
            .unwrap_or("overens")
            .to_string();
        Letters {
            organizer: organizer(&state.config.mail_from),
            tr: Tr {
                lang: Lang::Sv,
                catalog: state.catalog.clone(),
            },
            root,
            slug: slug.to_string(),
            host,
            now: state.now(),
        }
    }

    pub fn meeting_url(&self, m: &Meeting) -> String {
        format!("{}{}", self.root, paths::meeting(&self.slug, m.id))
    }

    pub fn cancel_url(&self, token: &str) -> String {
        format!("{}{}", self.root, paths::cancel(&self.slug, token))
    }

    /// "2018-09-20 kl 19:00–21:00 (samling 18:30)".
    pub fn when(&self, m: &Meeting) -> String {
        let mut s = format!(
            "{} kl {}–{}",
            platform::format::date(m.starts_at),
            clock(m.starts_at),
            clock(m.ends_at)
        );
        if let Some(g) = m.gathering_at {
            s.push_str(&format!(" ({} {})", self.tr.t("meetings-gathering-short"), clock(g)));
        }
        s
    }

    pub fn event(&self, m: &Meeting) -> ics::Event {
        let mut description = m.theme.clone();
        if let Some(g) = m.gathering_at {
            description = format!(
                "{}\n\n{} {}: {}",
                description,
                self.tr.t("meetings-gathering-short"),
                clock(g),
                m.gathering_text
            );
        }
        if !m.accessibility.is_empty() {
            description = format!("{description}\n\n{}", m.accessibility);
        }
        ics::Event {
            uid: format!("meeting-{}@{}", m.id, self.host),
            start: m.gathering_at.unwrap_or(m.starts_at).min(m.starts_at),
            end: m.ends_at,
            summary: m.title.clone(),
            location: m.place.clone(),
            description: description.trim().to_string(),
            url: self.meeting_url(m),
            cancelled: m.cancelled_at.is_some(),
        }
    }

    pub fn ics(&self, m: &Meeting) -> String {
        ics::calendar_sequenced(&m.title, &[(self.event(m), sequence(m))], self.now)
    }

    pub(crate) fn facts(&self, m: &Meeting) -> String {
        let mut s = format!(
            "{}\n{}: {}\n{}: {}",
            m.title,
            self.tr.t("meetings-when"),
            self.when(m),
            self.tr.t("meetings-place"),
            m.place
        );
        if !m.accessibility.is_empty() {
            s.push_str(&format!(
                "\n{}: {}",
                self.tr.t("meetings-accessibility"),
                m.accessibility
            ));
        }
        s
    }

    pub fn registered(&self, m: &Meeting, name: &str, to: &str, status: Status, token: &str) -> Email {
        let (subject, body, ics) = match status {
            Status::Waiting => ("meetings-mail-waiting-subject", "meetings-mail-waiting-body", None),
            _ => (
                "meetings-mail-confirmed-subject",
                "meetings-mail-confirmed-body",
                Some(self.ics(m)),
            ),
        };
        let email = Email::new(
            to,
            self.tr.ta(subject, &[("title", &m.title)]),
            self.tr.ta(
                body,
                &[
                    ("name", &name),
                    ("facts", &self.facts(m)),
                    ("link", &self.meeting_url(m)),
                    ("cancel", &self.cancel_url(token)),
                ],
            ),
        );
        match ics {
            Some(ics) => email.with_calendar(ICS_NAME, ics),
            None => email,
        }
    }

    /// The link that confirms a registration made on the public form.
    pub fn confirm(&self, m: &Meeting, name: &str, to: &str, token: &str) -> Email {
        let link = format!("{}{}", self.root, paths::confirm(&self.slug, token));
        Email::new(
            to,
            self.tr.ta("meetings-mail-confirm-subject", &[("title", &m.title)]),
            self.tr.ta(
                "meetings-mail-confirm-body",
                &[("name", &name), ("facts", &self.facts(m)), ("confirm", &link)],
            ),
        )
    }

    /// Someone registered this address again: the person is told (the page said nothing).
    pub fn already(&self, m: &Meeting, to: &str) -> Email {
        Email::new(
            to,
            self.tr.ta("meetings-mail-already-subject", &[("title", &m.title)]),
            self.tr.ta(
                "meetings-mail-already-body",
                &[("facts", &self.facts(m)), ("link", &self.meeting_url(m))],
            ),
        )
    }

    pub fn promoted(&self, m: &Meeting, name: &str, to: &str, token: &str) -> Email {
        Email::new(
            to,
            self.tr.ta("meetings-mail-promoted-subject", &[("title", &m.title)]),
            self.tr.ta(
                "meetings-mail-promoted-body",
                &[
                    ("name", &name),
                    ("facts", &self.facts(m)),
                    ("link", &self.meeting_url(m)),
                    ("cancel", &self.cancel_url(token)),
                ],
            ),
        )
        .with_calendar(ICS_NAME, self.ics(m))
    }

    pub fn cancelled(&self, m: &Meeting, name: &str, to: &str) -> Email {
        Email::new(
            to,
            self.tr.ta("meetings-mail-cancelled-subject", &[("title", &m.title)]),
            self.tr.ta(
                "meetings-mail-cancelled-body",
                &[
                    ("name", &name),
                    ("facts", &self.facts(m)),
                    ("link", &self.meeting_url(m)),
                ],
            ),
        )
    }

    pub fn reminder(&self, m: &Meeting, name: &str, to: &str) -> Email {
        Email::new(
            to,
            self.tr.ta("meetings-mail-reminder-subject", &[("title", &m.title)]),
            self.tr.ta(
                "meetings-mail-reminder-body",
                &[
                    ("name", &name),
                    ("facts", &self.facts(m)),
                    ("link", &self.meeting_url(m)),
                ],
            ),
        )
    }
}
