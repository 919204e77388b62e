//! The rules of seasonal allocation, as plain functions: target groups, the priority rules a
//! coordinator picks from, which applications conflict (same room, same weekday, overlapping
//! minutes), the proposed allocation under a rule, the dates a weekly time falls on in a season,
//! and the checks of a season and of an application.

use crate::domain::{minutes, Hours};
use crate::ids::RoomId;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use platform::OrganisationId;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The longest season: a weekly series runs at most a year.
pub const MAX_SEASON_DAYS: i64 = crate::domain::MAX_SERIES_DAYS;

/// Who an application's activity is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetGroup {
    ChildrenYouth,
    Adults,
    Seniors,
    Mixed,
}

impl TargetGroup {
    pub const ALL: [TargetGroup; 4] = [
        TargetGroup::ChildrenYouth,
        TargetGroup::Adults,
        TargetGroup::Seniors,
        TargetGroup::Mixed,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TargetGroup::ChildrenYouth => "children_youth",
            TargetGroup::Adults => "adults",
            TargetGroup::Seniors => "seniors",
            TargetGroup::Mixed => "mixed",
        }
    }
    pub fn parse(s: &str) -> Option<TargetGroup> {
        TargetGroup::ALL.into_iter().find(|g| g.as_str() == s)
    }
    pub fn message_id(self) -> &'static str {
        match self {
            TargetGroup::ChildrenYouth => "seasons-group-children-youth",
            TargetGroup::Adults => "seasons-group-adults",
            TargetGroup::Seniors => "seasons-group-seniors",
            TargetGroup::Mixed => "seasons-group-mixed",
        }
    }
}

/// A priority rule: an ordered list of criteria, the first that tells two applications apart
/// decides. Every rule ends with the earliest application, so the order is always total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Children and youth first, then the most attendees, then the earliest application.
    ChildrenYouthFirst,
    /// The most attendees first, then the earliest application.
    MostAttendees,
    /// The earliest application first.
    FirstCome,
}

/// One criterion of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Criterion {
    ChildrenYouth,
    Attendees,
    Earliest,
}

impl Rule {
    pub const ALL: [Rule; 3] = [Rule::ChildrenYouthFirst, Rule::MostAttendees, Rule::FirstCome];
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::ChildrenYouthFirst => "children_youth_first",
            Rule::MostAttendees => "most_attendees",
            Rule::FirstCome => "first_come",
        }
    }
    pub fn parse(s: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.as_str() == s)
    }
    /// Its name as the reason of a rejection quotes it ("barn och unga först, sedan …").
    pub fn message_id(self) -> &'static str {
        match self {
            Rule::ChildrenYouthFirst => "seasons-rule-children-youth-first",
            Rule::MostAttendees => "seasons-rule-most-attendees",
            Rule::FirstCome => "seasons-rule-first-come",
        }
    }
    pub fn criteria(self) -> &'static [Criterion] {
        match self {
            Rule::ChildrenYouthFirst => &[Criterion::ChildrenYouth, Criterion::Attendees, Criterion::Earliest],
            Rule::MostAttendees => &[Criterion::Attendees, Criterion::Earliest],
            Rule::FirstCome => &[Criterion::Earliest],
        }
    }
    /// `Less`: `a` goes before `b`.
    pub fn compare(self, a: &Application, b: &Application) -> Ordering {
        for c in self.criteria() {
            let o = match c {
                Criterion::ChildrenYouth => {
                    let young = |x: &Application| x.target_group != TargetGroup::ChildrenYouth;
                    young(a).cmp(&young(b))
                }
                Criterion::Attendees => b.attendees.cmp(&a.attendees),
                Criterion::Earliest => a.created_at.cmp(&b.created_at),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        a.id.cmp(&b.id)
    }
}

/// What the rules look at in an application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub id: i64,
    pub room_id: RoomId,
    /// ISO weekday, 1 = Monday.
    pub weekday: i64,
    pub start_min: i64,
    pub end_min: i64,
    pub target_group: TargetGroup,
    pub attendees: i64,
    pub created_at: i64,
}

impl Application {
    fn meets(&self, o: &Application) -> bool {
        self.room_id == o.room_id
            && self.weekday == o.weekday
            && crate::domain::overlaps((self.start_min, self.end_min), (o.start_min, o.end_min))
    }
}

/// The applications grouped by room and weekday, and within that into groups that conflict: a
/// group holds applications joined by overlapping times (a chain A–B–C is one group even when A
/// and C do not meet). A group of one has no conflict. Groups come by room, weekday and start;
/// each group's ids by start time. The result holds every id once.
pub fn conflict_groups(apps: &[Application]) -> Vec<Vec<i64>> {
    let mut by_day: BTreeMap<(RoomId, i64), Vec<&Application>> = BTreeMap::new();
    for a in apps {
        by_day.entry((a.room_id, a.weekday)).or_default().push(a);
    }
    let mut out = vec![];
    for (_, mut day) in by_day {
        day.sort_by_key(|a| (a.start_min, a.end_min, a.id));
        let mut group: Vec<i64> = vec![];
        let mut group_end = i64::MIN;
        for a in day {
            if !group.is_empty() && a.start_min >= group_end {
                out.push(std::mem::take(&mut group));
            }
            if group.is_empty() {
                group_end = a.end_min;
            }
            group_end = group_end.max(a.end_min);
            group.push(a.id);
        }
        if !group.is_empty() {
            out.push(group);
        }
    }
    out
}

/// The proposal for one application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proposal {
    Allocate,
    /// Rejected because the time went to this application.
    Reject {
        winner: i64,
    },
}

/// The proposed allocation under a rule: within each conflict group, applications are taken in
/// the rule's order and each is granted unless it meets one already granted; it is then
/// rejected in favour of the first (highest priority) granted application it meets. An
/// application without conflict is granted. Returns (id, proposal) in the order of `apps`.
pub fn propose(apps: &[Application], rule: Rule) -> Vec<(i64, Proposal)> {
    let by_id: BTreeMap<i64, &Application> = apps.iter().map(|a| (a.id, a)).collect();
    let mut decided: BTreeMap<i64, Proposal> = BTreeMap::new();
    for group in conflict_groups(apps) {
        let mut ordered: Vec<&Application> = group.iter().filter_map(|id| by_id.get(id).copied()).collect();
        ordered.sort_by(|a, b| rule.compare(a, b));
        let mut granted: Vec<&Application> = vec![];
        for a in ordered {
            match granted.iter().find(|g| g.meets(a)) {
                Some(g) => {
                    decided.insert(a.id, Proposal::Reject { winner: g.id });
                }
                None => {
                    decided.insert(a.id, Proposal::Allocate);
                    granted.push(a);
                }
            }
        }
    }
    apps.iter()
        .map(|a| (a.id, decided.remove(&a.id).unwrap_or(Proposal::Allocate)))
        .collect()
}

/// A staff decision, before or after the proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Pending,
    Allocated,
    Rejected,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Pending, Decision::Allocated, Decision::Rejected];
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Pending => "pending",
            Decision::Allocated => "allocated",
            Decision::Rejected => "rejected",
        }
    }
    pub fn parse(s: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == s)
    }
    pub fn message_id(self) -> &'static str {
        match self {
            Decision::Pending => "seasons-decision-pending",
            Decision::Allocated => "seasons-decision-allocated",
            Decision::Rejected => "seasons-decision-rejected",
        }
    }
}

/// A season's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeasonStatus {
    Open,
    Closed,
    Published,
}

impl SeasonStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SeasonStatus::Open => "open",
            SeasonStatus::Closed => "closed",
            SeasonStatus::Published => "published",
        }
    }
    pub fn parse(s: &str) -> SeasonStatus {
        match s {
            "open" => SeasonStatus::Open,
            "published" => SeasonStatus::Published,
            _ => SeasonStatus::Closed,
        }
    }
    pub fn message_id(self) -> &'static str {
        match self {
            SeasonStatus::Open => "seasons-status-open",
            SeasonStatus::Closed => "seasons-status-closed",
            SeasonStatus::Published => "seasons-status-published",
        }
    }
}

/// The weekday of an ISO number (1 = Monday).
pub fn weekday(n: i64) -> Option<Weekday> {
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

/// The first date on that weekday from `from` on.
pub fn first_on(from: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() as i64 - from.weekday().num_days_from_monday() as i64) % 7;
    from + Duration::days(ahead)
}

/// Why a season was refused, by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeasonProblem {
    Name,
    FirstDate,
    LastDate,
    ApplyUntil,
}

/// A season, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSeason {
    pub name: String,
    pub first_date: NaiveDate,
    pub last_date: NaiveDate,
    pub apply_until: NaiveDate,
}

/// Check a season: a name, a first date not before today, a last date after it and at most a
/// year on, and a last day to apply from today up to the first date.
pub fn check_season(
    name: &str,
    first: &str,
    last: &str,
    apply_until: &str,
    today: NaiveDate,
) -> Result<NewSeason, Vec<(SeasonProblem, &'static str)>> {
    let mut problems = vec![];
    let name = platform::rules::line(name, 200);
    if name.is_err() {
        problems.push((SeasonProblem::Name, "seasons-err-name"));
    }
    let first = crate::domain::parse_date(first);
    let last = crate::domain::parse_date(last);
    let until = crate::domain::parse_date(apply_until);
    match first {
        None => problems.push((SeasonProblem::FirstDate, "seasons-err-date")),
        Some(f) if f < today => problems.push((SeasonProblem::FirstDate, "seasons-err-first-past")),
        _ => {}
    }
    match (first, last) {
        (_, None) => problems.push((SeasonProblem::LastDate, "seasons-err-date")),
        (Some(f), Some(l)) if l <= f => problems.push((SeasonProblem::LastDate, "seasons-err-last-before-first")),
        (Some(f), Some(l)) if (l - f).num_days() > MAX_SEASON_DAYS => {
            problems.push((SeasonProblem::LastDate, "seasons-err-too-long"))
        }
        _ => {}
    }
    match (first, until) {
        (_, None) => problems.push((SeasonProblem::ApplyUntil, "seasons-err-date")),
        (_, Some(u)) if u < today => problems.push((SeasonProblem::ApplyUntil, "seasons-err-until-past")),
        (Some(f), Some(u)) if u > f => problems.push((SeasonProblem::ApplyUntil, "seasons-err-until-after-first")),
        _ => {}
    }
    match (name, first, last, until) {
        (Ok(name), Some(first_date), Some(last_date), Some(apply_until)) if problems.is_empty() => Ok(NewSeason {
            name,
            first_date,
            last_date,
            apply_until,
        }),
        _ => Err(problems),
    }
}

/// What an application's form holds.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ApplicationForm {
    pub organisation: String,
    pub room: String,
    pub weekday: String,
    pub start: String,
    pub end: String,
    pub target_group: String,
    pub attendees: String,
    pub email: String,
    pub note: String,
}

/// What the application form is checked against: the room's capacity and opening hours.
#[derive(Clone, Debug)]
pub struct RoomFacts {
    pub capacity: i64,
    pub hours: Hours,
}

/// An application, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewApplication {
    pub organisation_id: OrganisationId,
    pub room_id: RoomId,
    pub weekday: i64,
    pub start_min: i64,
    pub end_min: i64,
    pub target_group: TargetGroup,
    pub attendees: i64,
    pub email: String,
    pub note: String,
}

/// Why an application was refused: the field and the message (with the number or hours it
/// names, when there is one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppProblem {
    Organisation,
    Room,
    Weekday,
    Start,
    End,
    EndBeforeStart,
    /// Closed that weekday.
    Closed,
    /// Open only these hours that weekday.
    OutsideHours(i64, i64),
    TargetGroup,
    Attendees,
    /// More than the room holds.
    TooMany(i64),
    Email,
    Note,
}

impl AppProblem {
    pub fn field(&self) -> &'static str {
        match self {
            AppProblem::Organisation => "organisation",
            AppProblem::Room => "room",
            AppProblem::Weekday | AppProblem::Closed => "weekday",
            AppProblem::Start | AppProblem::OutsideHours(..) => "start",
            AppProblem::End | AppProblem::EndBeforeStart => "end",
            AppProblem::TargetGroup => "target_group",
            AppProblem::Attendees | AppProblem::TooMany(_) => "attendees",
            AppProblem::Email => "email",
            AppProblem::Note => "note",
        }
    }
}

/// Check an application. `organisations`: the ids the person may apply for; `room`: the facts of
/// the room chosen, when it is one of the municipality's own.
pub fn check_application(
    f: &ApplicationForm,
    organisations: &[OrganisationId],
    room: Option<&RoomFacts>,
) -> Result<NewApplication, Vec<AppProblem>> {
    let mut p = vec![];
    let organisation = f
        .organisation
        .trim()
        .parse::<OrganisationId>()
        .ok()
        .filter(|o| organisations.contains(o));
    if organisation.is_none() {
        p.push(AppProblem::Organisation);
    }
    let room_id = f.room.trim().parse::<RoomId>().ok();
    if room.is_none() || room_id.is_none() {
        p.push(AppProblem::Room);
    }
    let wd = f.weekday.trim().parse::<i64>().ok().filter(|n| weekday(*n).is_some());
    if wd.is_none() {
        p.push(AppProblem::Weekday);
    }
    let start = minutes(&f.start).filter(|m| *m < 1440);
    let end = minutes(&f.end);
    if start.is_none() {
        p.push(AppProblem::Start);
    }
    if end.is_none() {
        p.push(AppProblem::End);
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            p.push(AppProblem::EndBeforeStart);
        } else if let (Some(r), Some(day)) = (room, wd.and_then(weekday)) {
            match r.hours.on(day) {
                None => p.push(AppProblem::Closed),
                Some((o, c)) if !r.hours.covers(day, s, e) => p.push(AppProblem::OutsideHours(o, c)),
                _ => {}
            }
        }
    }
    let group = TargetGroup::parse(f.target_group.trim());
    if group.is_none() {
        p.push(AppProblem::TargetGroup);
    }
    let attendees = f.attendees.trim().parse::<i64>().ok().filter(|n| *n > 0);
    match (attendees, room) {
        (None, _) => p.push(AppProblem::Attendees),
        (Some(n), Some(r)) if n > r.capacity => p.push(AppProblem::TooMany(r.capacity)),
        _ => {}
    }
    let email = platform::rules::Email::parse(&f.email);
    if email.is_err() {
        p.push(AppProblem::Email);
    }
    let note = if f.note.trim().is_empty() {
        Ok(String::new())
    } else {
        platform::rules::text(&f.note, 2000)
    };
    if note.is_err() {
        p.push(AppProblem::Note);
    }
    match (organisation, room_id, wd, start, end, group, attendees, email, note) {
        (Some(o), Some(r), Some(w), Some(s), Some(e), Some(g), Some(n), Ok(email), Ok(note)) if p.is_empty() => {
            Ok(NewApplication {
                organisation_id: o,
                room_id: r,
                weekday: w,
                start_min: s,
                end_min: e,
                target_group: g,
                attendees: n,
                email: email.as_str().to_string(),
                note,
            })
        }
        _ => Err(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::too_many_arguments)]
    fn app(id: i64, room: i64, wd: i64, s: i64, e: i64, g: TargetGroup, n: i64, at: i64) -> Application {
        Application {
            id,
            room_id: RoomId::new(room),
            weekday: wd,
            start_min: s,
            end_min: e,
            target_group: g,
            attendees: n,
            created_at: at,
        }
    }

    fn d(s: &str) -> NaiveDate {
        crate::domain::parse_date(s).unwrap()
    }

    use TargetGroup::*;

    #[test]
    fn conflicts_are_same_room_same_weekday_overlapping_minutes() {
        let apps = [
            app(1, 10, 2, 1080, 1200, Adults, 20, 1),        // Tue 18–20
            app(2, 10, 2, 1140, 1260, ChildrenYouth, 15, 2), // Tue 19–21: meets 1
            app(3, 10, 2, 1260, 1320, Adults, 5, 3),         // Tue 21–22: touches 2, no overlap
            app(4, 10, 3, 1080, 1200, Adults, 5, 4),         // Wed: other day
            app(5, 11, 2, 1080, 1200, Adults, 5, 5),         // other room
        ];
        assert_eq!(conflict_groups(&apps), vec![vec![1, 2], vec![3], vec![4], vec![5]]);
        // A chain: 2 meets 1 and 3, 1 and 3 do not meet: still one group.
        let chain = [
            app(1, 10, 2, 1080, 1200, Adults, 1, 1),
            app(2, 10, 2, 1170, 1290, Adults, 1, 2),
            app(3, 10, 2, 1260, 1380, Adults, 1, 3),
        ];
        assert_eq!(conflict_groups(&chain), vec![vec![1, 2, 3]]);
    }

    #[test]
    fn children_and_youth_first_then_attendees_then_earliest() {
        let apps = [
            app(1, 10, 2, 1080, 1200, Adults, 40, 1),
            app(2, 10, 2, 1080, 1200, ChildrenYouth, 12, 3),
            app(3, 10, 2, 1110, 1200, ChildrenYouth, 12, 2),
        ];
        let p = propose(&apps, Rule::ChildrenYouthFirst);
        // 2 and 3 are both children and youth with 12 each: 3 applied first.
        assert_eq!(
            p,
            vec![
                (1, Proposal::Reject { winner: 3 }),
                (2, Proposal::Reject { winner: 3 }),
                (3, Proposal::Allocate),
            ]
        );
        // By attendees the adults' 40 win.
        let p = propose(&apps, Rule::MostAttendees);
        assert_eq!(p[0], (1, Proposal::Allocate));
        assert_eq!(p[2], (3, Proposal::Reject { winner: 1 }));
        // First come: application 1.
        assert_eq!(propose(&apps, Rule::FirstCome)[0], (1, Proposal::Allocate));
    }

    #[test]
    fn a_chain_grants_both_ends_when_they_do_not_meet() {
        // 18–20 and 21–22 do not meet; 19:30–21:30 meets both. Children (the middle) first:
        // the middle wins and both ends lose to it; by first come the ends win.
        let apps = [
            app(1, 10, 2, 1080, 1200, Adults, 10, 1),
            app(2, 10, 2, 1170, 1290, ChildrenYouth, 10, 2),
            app(3, 10, 2, 1260, 1320, Adults, 10, 3),
        ];
        assert_eq!(
            propose(&apps, Rule::ChildrenYouthFirst),
            vec![
                (1, Proposal::Reject { winner: 2 }),
                (2, Proposal::Allocate),
                (3, Proposal::Reject { winner: 2 }),
            ]
        );
        assert_eq!(
            propose(&apps, Rule::FirstCome),
            vec![
                (1, Proposal::Allocate),
                (2, Proposal::Reject { winner: 1 }),
                (3, Proposal::Allocate),
            ]
        );
    }

    #[test]
    fn no_conflict_is_granted() {
        let apps = [app(7, 1, 1, 600, 660, Seniors, 3, 9)];
        assert_eq!(propose(&apps, Rule::ChildrenYouthFirst), vec![(7, Proposal::Allocate)]);
        assert!(propose(&[], Rule::FirstCome).is_empty());
    }

    #[test]
    fn names_round_trip() {
        for r in Rule::ALL {
            assert_eq!(Rule::parse(r.as_str()), Some(r));
        }
        for g in TargetGroup::ALL {
            assert_eq!(TargetGroup::parse(g.as_str()), Some(g));
        }
        for x in Decision::ALL {
            assert_eq!(Decision::parse(x.as_str()), Some(x));
        }
        assert_eq!(Rule::parse("lottery"), None);
    }

    #[test]
    fn first_weekday_of_a_season() {
        // 2027-01-11 is a Monday.
        assert_eq!(first_on(d("2027-01-11"), Weekday::Mon), d("2027-01-11"));
        assert_eq!(first_on(d("2027-01-11"), Weekday::Tue), d("2027-01-12"));
        assert_eq!(first_on(d("2027-01-12"), Weekday::Mon), d("2027-01-18"));
        assert_eq!(weekday(7), Some(Weekday::Sun));
        assert_eq!(weekday(0), None);
    }

    #[test]
    fn a_season_is_checked() {
        let today = d("2026-11-23");
        let ok = check_season("Vårsäsong 2027", "2027-01-11", "2027-05-30", "2026-12-15", today).unwrap();
        assert_eq!(ok.first_date, d("2027-01-11"));
        let e = check_season("", "2026-01-11", "2026-01-01", "2027-02-01", today).unwrap_err();
        let fields: Vec<_> = e.iter().map(|x| x.0).collect();
        assert_eq!(
            fields,
            [
                SeasonProblem::Name,
                SeasonProblem::FirstDate,
                SeasonProblem::LastDate,
                SeasonProblem::ApplyUntil
            ]
        );
        let e = check_season("Lång", "2027-01-01", "2028-06-01", "2026-11-22", today).unwrap_err();
        assert_eq!(
            e,
            [
                (SeasonProblem::LastDate, "seasons-err-too-long"),
                (SeasonProblem::ApplyUntil, "seasons-err-until-past")
            ]
        );
    }

    #[test]
    fn an_application_is_checked_against_the_room() {
        let mut hours = Hours::default();
        hours.0[1] = Some((480, 1320)); // Tuesday 08–22
        let room = RoomFacts { capacity: 30, hours };
        let form = ApplicationForm {
            organisation: "5".into(),
            room: "10".into(),
            weekday: "2".into(),
            start: "18:00".into(),
            end: "20:00".into(),
            target_group: "children_youth".into(),
            attendees: "25".into(),
            email: "kassor@ifk.example".into(),
            note: String::new(),
        };
        let ok = check_application(&form, &[OrganisationId::new(5)], Some(&room)).unwrap();
        assert_eq!((ok.start_min, ok.end_min, ok.weekday), (1080, 1200, 2));
        // Closed on Wednesdays, too many people, not their organisation.
        let bad = ApplicationForm {
            weekday: "3".into(),
            attendees: "31".into(),
            organisation: "6".into(),
            ..form.clone()
        };
        assert_eq!(
            check_application(&bad, &[OrganisationId::new(5)], Some(&room)).unwrap_err(),
            [AppProblem::Organisation, AppProblem::Closed, AppProblem::TooMany(30)]
        );
        // Past closing time; end before start; nonsense.
        let late = ApplicationForm {
            end: "23:00".into(),
            ..form.clone()
        };
        assert_eq!(
            check_application(&late, &[OrganisationId::new(5)], Some(&room)).unwrap_err(),
            [AppProblem::OutsideHours(480, 1320)]
        );
        let back = ApplicationForm {
            end: "17:00".into(),
            target_group: "pets".into(),
            email: "nope".into(),
            ..form.clone()
        };
        assert_eq!(
            check_application(&back, &[OrganisationId::new(5)], None).unwrap_err(),
            [
                AppProblem::Room,
                AppProblem::EndBeforeStart,
                AppProblem::TargetGroup,
                AppProblem::Email
            ]
        );
    }
}
