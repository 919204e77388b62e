//! The turnout counts: plain functions over the registrations that name an association.

use crate::ids::MeetingId;
use platform::OrganisationId;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// One confirmed registration, as the counts need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Registration {
    pub meeting: MeetingId,
    /// The registry's association, when the name written matched one.
    pub organisation: Option<OrganisationId>,
    /// Whether the person came; `None` until the coordinator records attendance.
    pub attended: Option<bool>,
}

/// A meeting's turnout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingTurnout {
    /// Associations with at least one confirmed registration.
    pub registered: usize,
    /// Associations with at least one person who came; `None` while no attendance is recorded
    /// for the meeting.
    pub attended: Option<usize>,
}

impl MeetingTurnout {
    /// The associations that took part: those who came once attendance is recorded, before that
    /// those registered.
    pub fn took_part(&self) -> usize {
        self.attended.unwrap_or(self.registered)
    }
}

/// Each meeting's turnout, for the meetings with at least one confirmed registration.
pub fn per_meeting(registrations: &[Registration]) -> BTreeMap<MeetingId, MeetingTurnout> {
    let recorded: HashSet<MeetingId> = registrations
        .iter()
        .filter(|r| r.attended.is_some())
        .map(|r| r.meeting)
        .collect();
    let mut registered: BTreeMap<MeetingId, BTreeSet<OrganisationId>> = BTreeMap::new();
    let mut attended: BTreeMap<MeetingId, BTreeSet<OrganisationId>> = BTreeMap::new();
    for r in registrations {
        let reg = registered.entry(r.meeting).or_default();
        let came = attended.entry(r.meeting).or_default();
        if let Some(o) = r.organisation {
            reg.insert(o);
            if r.attended == Some(true) {
                came.insert(o);
            }
        }
    }
    registered
        .into_iter()
        .map(|(meeting, orgs)| {
            let t = MeetingTurnout {
                registered: orgs.len(),
                attended: recorded
                    .contains(&meeting)
                    .then(|| attended.get(&meeting).map_or(0, BTreeSet::len)),
            };
            (meeting, t)
        })
        .collect()
}

/// A year's turnout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearTurnout {
    pub year: i32,
    /// Meetings of the year with at least one confirmed registration.
    pub meetings: usize,
    /// Associations that took part (as [`MeetingTurnout::took_part`] counts) in at least one.
    pub associations: usize,
}

/// Each year's turnout, latest year first; `year_of` gives a meeting's year.
pub fn per_year(registrations: &[Registration], year_of: impl Fn(MeetingId) -> Option<i32>) -> Vec<YearTurnout> {
    let meetings = per_meeting(registrations);
    let mut years: BTreeMap<i32, (BTreeSet<MeetingId>, BTreeSet<OrganisationId>)> = BTreeMap::new();
    for r in registrations {
        let (Some(year), Some(t)) = (year_of(r.meeting), meetings.get(&r.meeting)) else {
            continue;
        };
        let entry = years.entry(year).or_default();
        entry.0.insert(r.meeting);
        let counts = match t.attended {
            Some(_) => r.attended == Some(true),
            None => true,
        };
        if let (Some(o), true) = (r.organisation, counts) {
            entry.1.insert(o);
        }
    }
    years
        .into_iter()
        .rev()
        .map(|(year, (m, o))| YearTurnout {
            year,
            meetings: m.len(),
            associations: o.len(),
        })
        .collect()
}

/// `part` of `whole` in whole percent, rounded; `None` when the registry is empty.
pub fn percent(part: usize, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part as i64 * 100 + whole / 2) / whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(meeting: i64, organisation: Option<i64>, attended: Option<bool>) -> Registration {
        Registration {
            meeting: MeetingId::new(meeting),
            organisation: organisation.map(OrganisationId::new),
            attended,
        }
    }

    #[test]
    fn an_association_counts_once_however_many_came() {
        let t = per_meeting(&[
            r(1, Some(7), None),
            r(1, Some(7), None),
            r(1, Some(8), None),
            r(1, None, None),
        ]);
        assert_eq!(
            t[&MeetingId::new(1)],
            MeetingTurnout {
                registered: 2,
                attended: None
            }
        );
    }

    #[test]
    fn once_attendance_is_recorded_only_those_who_came_count() {
        let t = per_meeting(&[
            r(1, Some(7), Some(true)),
            r(1, Some(8), Some(false)),
            r(1, Some(9), None),
            r(2, Some(7), None),
        ]);
        let one = &t[&MeetingId::new(1)];
        assert_eq!((one.registered, one.attended, one.took_part()), (3, Some(1), 1));
        assert_eq!(t[&MeetingId::new(2)].took_part(), 1);
    }

    #[test]
    fn a_year_counts_associations_that_took_part_in_at_least_one_meeting() {
        let regs = [
            r(1, Some(7), Some(true)),
            r(1, Some(8), Some(false)),
            r(2, Some(8), None),
            r(2, Some(9), None),
            r(3, Some(7), None),
        ];
        let years = per_year(&regs, |m| Some(if m.get() == 3 { 2027 } else { 2026 }));
        assert_eq!(
            years,
            vec![
                YearTurnout {
                    year: 2027,
                    meetings: 1,
                    associations: 1
                },
                YearTurnout {
                    year: 2026,
                    meetings: 2,
                    associations: 3
                },
            ]
        );
    }

    #[test]
    fn percent_rounds_and_needs_a_registry() {
        assert_eq!(percent(9, 10), Some(90));
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(0, 0), None);
    }
}
