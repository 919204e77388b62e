//! The letters of a meeting called off or moved, each with a calendar message of the meeting's
//! UID and raised SEQUENCE: METHOD:CANCEL removes it from the calendar, METHOD:REQUEST moves it.

use crate::ics::{self, Method, Scheduling};
use crate::letters::{sequence, Letters, ICS_NAME};
use crate::store::Meeting;
use platform::mail::Email;

impl Letters {
    /// The calendar message of `m` to `to`.
    fn scheduled(&self, m: &Meeting, method: Method, to: &str) -> String {
        let s = Scheduling {
            method,
            sequence: sequence(m),
            organizer: (&self.organizer.0, &self.organizer.1),
            attendee: to,
        };
        ics::scheduling(&m.title, &self.event(m), self.now, &s)
    }

    /// The meeting is called off (to those with a seat and those waiting alike).
    pub fn called_off(&self, m: &Meeting, name: &str, to: &str) -> Email {
        let message = if m.cancel_message.is_empty() {
            String::new()
        } else {
            format!("{}\n\n", m.cancel_message)
        };
        Email::new(
            to,
            self.tr.ta("meetings-mail-called-off-subject", &[("title", &m.title)]),
            self.tr.ta(
                "meetings-mail-called-off-body",
                &[
                    ("name", &name),
                    ("message", &message),
                    ("facts", &self.facts(m)),
                    ("link", &self.meeting_url(m)),
                ],
            ),
        )
        .with_calendar_method(ICS_NAME, self.scheduled(m, Method::Cancel, to), Method::Cancel.as_str())
    }

    /// The meeting has a new time or place; those with a seat get the updated calendar event.
    pub fn moved(&self, m: &Meeting, before: &Meeting, name: &str, to: &str, seated: bool) -> Email {
        let was = format!("{}, {}", self.when(before), before.place);
        let email = Email::new(
            to,
            self.tr.ta("meetings-mail-moved-subject", &[("title", &m.title)]),
            self.tr.ta(
                "meetings-mail-moved-body",
                &[
                    ("name", &name),
                    ("facts", &self.facts(m)),
                    ("before", &was),
                    ("link", &self.meeting_url(m)),
                ],
            ),
        );
        if seated {
            email.with_calendar_method(
                ICS_NAME,
                self.scheduled(m, Method::Request, to),
                Method::Request.as_str(),
            )
        } else {
            email
        }
    }
}
