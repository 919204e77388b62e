//! The timeline's rules and types: what kind of step an entry is, and the order of the entries.

use crate::domain::paragraphs;
use crate::ids::TimelineEntryId;

/// What kind of step of the process a timeline entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum TimelineKind {
    Meeting,
    Decision,
    Signing,
    Other,
}

impl TimelineKind {
    pub const ALL: [TimelineKind; 4] = [
        TimelineKind::Meeting,
        TimelineKind::Decision,
        TimelineKind::Signing,
        TimelineKind::Other,
    ];

    /// The stored text (and the JSON's `kind`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            TimelineKind::Meeting => "agreement-kind-meeting",
            TimelineKind::Decision => "agreement-kind-decision",
            TimelineKind::Signing => "agreement-kind-signing",
            TimelineKind::Other => "agreement-kind-other",
        }
    }
}

/// Where a consultation is in its life.

#[derive(Clone, Debug)]
pub struct TimelineEntry {
    pub id: TimelineEntryId,
    pub happened_on: String,
    pub kind: TimelineKind,
    pub title: String,
    pub body: String,
}

impl TimelineEntry {
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.body)
    }
}

/// The timeline in the order things happened; entries of the same day in the order written.
pub fn sort_timeline(entries: &mut [TimelineEntry]) {
    entries.sort_by(|a, b| a.happened_on.cmp(&b.happened_on).then(a.id.cmp(&b.id)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, on: &str) -> TimelineEntry {
        TimelineEntry {
            id: TimelineEntryId::new(id),
            happened_on: on.into(),
            kind: TimelineKind::Meeting,
            title: String::new(),
            body: String::new(),
        }
    }

    #[test]
    fn the_timeline_runs_by_date() {
        let mut v = vec![
            entry(3, "2018-02-28"),
            entry(1, "2017-05-31"),
            entry(4, "2017-11-21"),
            entry(2, "2018-02-28"),
        ];
        sort_timeline(&mut v);
        assert_eq!(v.iter().map(|e| e.id.get()).collect::<Vec<_>>(), [1, 4, 2, 3]);
        for k in TimelineKind::ALL {
            assert_eq!(k.as_str().parse::<TimelineKind>(), Ok(k));
        }
    }
}
