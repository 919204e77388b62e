//! Activity support (aktivitetsstöd) from attendance: which meetings (sammankomster) count, and
//! for how much, under a municipality's rules modelled on the national LOK-stöd. Plain
//! functions over plain values: no database, no clock.
//!
//! How a period is assessed ([`assess`]):
//! 1. The meetings are taken in time order (date, start, group, then the order given), so that
//!    "one meeting per participant and day" and the weekly caps count the earliest first.
//! 2. A meeting does not count when its kind of activity is excluded, it is shorter than the
//!    minimum, or no leader is old enough (age by calendar year: the year of the meeting minus
//!    the birth year).
//! 3. Its participants are those present who are not also its leaders (a leader counts as a
//!    leader only), within one of the age bands (by calendar year), not already counted that
//!    day (when the rule is on) and below their band's weekly cap in that ISO week.
//! 4. It counts when there are at least the minimum of such participants and no more people
//!    present (besides the leaders) than the leaders may have; then its amount is the amount per
//!    meeting plus each counted participant's band amount, and the participants' day and week
//!    tallies go up. A meeting that does not count uses none of them.
//!
//! Amounts are in öre (whole numbers), so sums never round; [`prorate`] shares a budget that
//! the period's claims exceed.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An age band: ages `from..=to` in the calendar year (`to` open for "65 and older"), with its
/// weekly cap on counted meetings per participant and its amount per counted participant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeBand {
    pub from: u32,
    pub to: Option<u32>,
    pub weekly_cap: Option<u32>,
    pub per_participant_ore: i64,
}

impl AgeBand {
    pub fn contains(&self, age: i32) -> bool {
        age >= self.from as i32 && self.to.is_none_or(|to| age <= to as i32)
    }

    /// "7–9", "65–".
    pub fn label(&self) -> String {
        match self.to {
            Some(to) => format!("{}–{}", self.from, to),
            None => format!("{}–", self.from),
        }
    }
}

/// A municipality's rules for activity support, set per programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRules {
    /// The ages that count, each with its cap and amount; a participant outside all does not count.
    pub bands: Vec<AgeBand>,
    /// Participants needed besides the leaders.
    pub min_participants: u32,
    pub min_minutes: u32,
    /// At most this many present per leader old enough; `None` for no limit.
    pub max_per_leader: Option<u32>,
    pub min_leader_age: u32,
    /// A participant counts in at most one meeting a day.
    pub one_per_day: bool,
    pub per_meeting_ore: i64,
    /// Kinds of activity that never count (compared without case, e.g. "bingo", "dans").
    pub excluded_activities: Vec<String>,
}

impl ActivityRules {
    /// The national LOK-stöd's rules from 1 July 2023, as the research notes give them: 7–25
    /// years, 3 participants, 45 minutes, 20 per leader, leaders from 13, a weekly cap of 3 for
    /// 7–9 and 5 for 10–25. The amounts (21 kr per meeting and 7.86 kr per participant) are the
    /// 2022 model's; a municipality sets its own.
    pub fn lok() -> ActivityRules {
        ActivityRules {
            bands: vec![
                AgeBand {
                    from: 7,
                    to: Some(9),
                    weekly_cap: Some(3),
                    per_participant_ore: 786,
                },
                AgeBand {
                    from: 10,
                    to: Some(25),
                    weekly_cap: Some(5),
                    per_participant_ore: 786,
                },
            ],
            min_participants: 3,
            min_minutes: 45,
            max_per_leader: Some(20),
            min_leader_age: 13,
            one_per_day: true,
            per_meeting_ore: 2100,
            excluded_activities: Vec::new(),
        }
    }

    fn band_of(&self, age: i32) -> Option<usize> {
        self.bands.iter().position(|b| b.contains(age))
    }

    fn excludes(&self, activity: &str) -> bool {
        let a = activity.trim().to_lowercase();
        !a.is_empty() && self.excluded_activities.iter().any(|x| x.trim().to_lowercase() == a)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Gender {
    Girl,
    Boy,
    /// Another gender, or not given.
    Other,
}

/// A person on an attendance card: `key` tells the same person apart across meetings (a member
/// number, or name and birth year as the club system exports them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub key: String,
    pub birth_year: i32,
    pub gender: Gender,
    /// The name as written on the card (shown on the result; the rules never look at it).
    #[serde(default)]
    pub name: String,
}

/// One meeting of a group (sammankomst): when, how long, what, who led and who took part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub group: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub minutes: u32,
    pub activity: String,
    pub leaders: Vec<Person>,
    pub participants: Vec<Person>,
}

/// Why a meeting does not count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Refusal {
    ExcludedActivity,
    TooShort { minutes: u32, min: u32 },
    NoLeaderOldEnough,
    TooFewParticipants { counted: u32, min: u32 },
    TooManyPerLeader { present: u32, allowed: u32 },
}

impl Refusal {
    pub fn message_id(&self) -> &'static str {
        match self {
            Refusal::ExcludedActivity => "grants-refusal-excluded",
            Refusal::TooShort { .. } => "grants-refusal-too-short",
            Refusal::NoLeaderOldEnough => "grants-refusal-no-leader",
            Refusal::TooFewParticipants { .. } => "grants-refusal-too-few",
            Refusal::TooManyPerLeader { .. } => "grants-refusal-too-many",
        }
    }
}

/// Why a participant present at a meeting that counts is not counted in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum NotCounted {
    /// Also a leader of the meeting: counts as a leader only.
    Leader,
    OutsideAge,
    AlreadyCountedToday,
    WeeklyCap,
    /// Listed twice on the same card.
    Duplicate,
}

impl NotCounted {
    pub fn message_id(self) -> &'static str {
        match self {
            NotCounted::Leader => "grants-not-counted-leader",
            NotCounted::OutsideAge => "grants-not-counted-age",
            NotCounted::AlreadyCountedToday => "grants-not-counted-today",
            NotCounted::WeeklyCap => "grants-not-counted-week",
            NotCounted::Duplicate => "grants-not-counted-duplicate",
        }
    }
}

/// The verdict on one meeting, with its index in the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub index: usize,
    pub refusals: Vec<Refusal>,
    /// Each participant present, in the card's order, and why not counted (if not; in a
    /// meeting that does not count, nobody is, for the meeting's refusals).
    pub participants: Vec<(String, Option<NotCounted>)>,
    pub counted_participants: u32,
    pub amount_ore: i64,
}

impl Verdict {
    pub fn counts(&self) -> bool {
        self.refusals.is_empty()
    }
}

/// Counted participations (deltagartillfällen) per gender and per age band.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub meetings: u32,
    pub participations: u32,
    pub girls: u32,
    pub boys: u32,
    pub other: u32,
    /// Per band, in the rules' order.
    pub per_band: Vec<u32>,
    pub amount_ore: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// One per meeting, in the input's order.
    pub verdicts: Vec<Verdict>,
    pub totals: Totals,
}

fn age(year: i32, birth_year: i32) -> i32 {
    year - birth_year
}

/// Assesses a period's meetings of one association (see the module's description).
pub fn assess(rules: &ActivityRules, meetings: &[Meeting]) -> Assessment {
    let mut order: Vec<usize> = (0..meetings.len()).collect();
    order.sort_by(|a, b| {
        let (x, y) = (&meetings[*a], &meetings[*b]);
        (x.date, x.start, &x.group, *a).cmp(&(y.date, y.start, &y.group, *b))
    });
    let mut per_day: HashMap<(&str, NaiveDate), u32> = HashMap::new();
    let mut per_week: HashMap<(&str, i32, u32), u32> = HashMap::new();
    let mut verdicts: Vec<Option<Verdict>> = vec![None; meetings.len()];
    let mut totals = Totals {
        per_band: vec![0; rules.bands.len()],
        ..Totals::default()
    };

    for index in order {
        let m = &meetings[index];
        let year = m.date.year();
        let week = m.date.iso_week();
        let mut refusals = Vec::new();
        if rules.excludes(&m.activity) {
            refusals.push(Refusal::ExcludedActivity);
        }
        if m.minutes < rules.min_minutes {
            refusals.push(Refusal::TooShort {
                minutes: m.minutes,
                min: rules.min_minutes,
            });
        }
        let leaders = m
            .leaders
            .iter()
            .filter(|l| age(year, l.birth_year) >= rules.min_leader_age as i32)
            .count() as u32;
        if leaders == 0 {
            refusals.push(Refusal::NoLeaderOldEnough);
        }

        let mut seen: Vec<&str> = Vec::new();
        let mut participants = Vec::with_capacity(m.participants.len());
        let mut counted: Vec<(&Person, usize)> = Vec::new();
        let mut present = 0u32;
        for p in &m.participants {
            let why = if seen.contains(&p.key.as_str()) {
                Some(NotCounted::Duplicate)
            } else if m.leaders.iter().any(|l| l.key == p.key) {
                Some(NotCounted::Leader)
            } else {
                None
            };
            seen.push(&p.key);
            if why.is_some() {
                participants.push((p.key.clone(), why));
                continue;
            }
            present += 1;
            let why = match rules.band_of(age(year, p.birth_year)) {
                None => Some(NotCounted::OutsideAge),
                Some(_) if rules.one_per_day && per_day.get(&(p.key.as_str(), m.date)).is_some_and(|n| *n > 0) => {
                    Some(NotCounted::AlreadyCountedToday)
                }
                Some(band) => {
                    let used = per_week
                        .get(&(p.key.as_str(), week.year(), week.week()))
                        .copied()
                        .unwrap_or(0);
                    if rules.bands[band].weekly_cap.is_some_and(|cap| used >= cap) {
                        Some(NotCounted::WeeklyCap)
                    } else {
                        counted.push((p, band));
                        None
                    }
                }
            };
            participants.push((p.key.clone(), why));
        }
        let n = counted.len() as u32;
        if n < rules.min_participants {
            refusals.push(Refusal::TooFewParticipants {
                counted: n,
                min: rules.min_participants,
            });
        }
        if let Some(per) = rules.max_per_leader {
            let allowed = per * leaders.max(1);
            if present > allowed {
                refusals.push(Refusal::TooManyPerLeader { present, allowed });
            }
        }

        let refused = !refusals.is_empty();
        let mut amount = 0;
        if !refused {
            amount = rules.per_meeting_ore;
            totals.meetings += 1;
            for (p, band) in &counted {
                amount += rules.bands[*band].per_participant_ore;
                *per_day.entry((p.key.as_str(), m.date)).or_default() += 1;
                *per_week.entry((p.key.as_str(), week.year(), week.week())).or_default() += 1;
                totals.participations += 1;
                totals.per_band[*band] += 1;
                match p.gender {
                    Gender::Girl => totals.girls += 1,
                    Gender::Boy => totals.boys += 1,
                    Gender::Other => totals.other += 1,
                }
            }
            totals.amount_ore += amount;
        }
        verdicts[index] = Some(Verdict {
            index,
            refusals,
            participants,
            counted_participants: if refused { 0 } else { n },
            amount_ore: amount,
        });
    }
    Assessment {
        verdicts: verdicts.into_iter().flatten().collect(),
        totals,
    }
}

/// Shares a budget between claims (öre): each claim in full when they fit, otherwise each
/// reduced by the same share, `claim × budget ÷ total`, rounded down, so the sum never exceeds
/// the budget. A budget of `None` pays in full.
pub fn prorate(budget_ore: Option<i64>, claims: &[i64]) -> Vec<i64> {
    let total: i128 = claims.iter().map(|c| i128::from((*c).max(0))).sum();
    match budget_ore {
        Some(budget) if total > i128::from(budget.max(0)) => claims
            .iter()
            .map(|c| (i128::from((*c).max(0)) * i128::from(budget.max(0)) / total) as i64)
            .collect(),
        _ => claims.iter().map(|c| (*c).max(0)).collect(),
    }
}

#[cfg(test)]
mod tests;
