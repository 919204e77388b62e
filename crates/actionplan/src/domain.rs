//! The action plan's rules, without I/O: statuses and owners with their labels, progress per
//! area, what is overdue, who may record progress, the problems a field can have and the plan's
//! own settings. Activities' and groups' input rules are in their areas; matching an imported
//! table against the stored plan is in `exchange::domain`.

use crate::table::Owner;
use chrono::NaiveDate;
use platform::auth::CurrentUser;
use platform::rules::{self, Invalid};
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Longest goal or activity text, and longest cell (time, responsible, follow-up).
pub const TEXT_MAX: usize = 4000;
pub const CELL_MAX: usize = 1000;
/// Longest progress note.
pub const NOTE_MAX: usize = 4000;
/// Longest name (plan title, group name, adopting body).
pub const NAME_MAX: usize = 200;
/// Days before a follow-up date that the responsible are reminded.
pub const REMIND_DAYS: i64 = 14;

/// How far an activity has come; stored as its snake_case name.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[schema(as = actionplan::Status)]
pub enum Status {
    NotStarted,
    Ongoing,
    Done,
    /// Paused or late.
    Paused,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::NotStarted, Status::Ongoing, Status::Done, Status::Paused];

    /// The stored text ("not_started", "ongoing", "done", "paused").
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Status> {
        s.parse().ok()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::NotStarted => "actionplan-status-not-started",
            Status::Ongoing => "actionplan-status-ongoing",
            Status::Done => "actionplan-status-done",
            Status::Paused => "actionplan-status-paused",
        }
    }

    /// The colour of the status in the progress chart: each has at least 4.5:1 contrast on
    /// white, so the bars are told apart from the page as well as by the text beside them.
    pub fn colour(self) -> &'static str {
        match self {
            Status::Done => "#0b6b2f",
            Status::Ongoing => "#0b4f9c",
            Status::Paused => "#9a3d00",
            Status::NotStarted => "#595959",
        }
    }
}

/// An owner's stored text ("municipality", "civil_society", "both", "unstated").
pub fn owner_str(o: Owner) -> &'static str {
    o.into()
}

pub fn owner_parse(s: &str) -> Option<Owner> {
    s.parse().ok()
}

pub const OWNERS: [Owner; 4] = [Owner::Municipality, Owner::CivilSociety, Owner::Both, Owner::Unstated];

/// "Kommunen ska", "Civilsamhället ska", …
pub fn owner_message_id(o: Owner) -> &'static str {
    match o {
        Owner::Municipality => "actionplan-owner-municipality",
        Owner::CivilSociety => "actionplan-owner-civil-society",
        Owner::Both => "actionplan-owner-both",
        Owner::Unstated => "actionplan-owner-unstated",
    }
}

/// How many activities have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = actionplan::Progress)]
pub struct Progress {
    pub total: usize,
    pub not_started: usize,
    pub ongoing: usize,
    pub done: usize,
    pub paused: usize,
}

impl Progress {
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> Progress {
        let mut p = Progress::default();
        for s in statuses {
            p.total += 1;
            match s {
                Status::NotStarted => p.not_started += 1,
                Status::Ongoing => p.ongoing += 1,
                Status::Done => p.done += 1,
                Status::Paused => p.paused += 1,
            }
        }
        p
    }

    pub fn count(&self, s: Status) -> usize {
        match s {
            Status::NotStarted => self.not_started,
            Status::Ongoing => self.ongoing,
            Status::Done => self.done,
            Status::Paused => self.paused,
        }
    }

    /// Whole percent done, rounded down (0 for an area without activities).
    pub fn percent_done(&self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }

    /// The chart's segments in order done, ongoing, paused, not started: (status, start and
    /// width in percent of the bar), without empty ones. Widths add up to 100 exactly.
    pub fn segments(&self) -> Vec<(Status, f64, f64)> {
        if self.total == 0 {
            return vec![];
        }
        let mut at = 0.0;
        let mut v = vec![];
        for s in [Status::Done, Status::Ongoing, Status::Paused, Status::NotStarted] {
            let n = self.count(s);
            if n == 0 {
                continue;
            }
            let w = n as f64 * 100.0 / self.total as f64;
            v.push((s, at, w));
            at += w;
        }
        v
    }
}

/// Overdue: the follow-up date has passed and the activity is not done.
pub fn is_overdue(follow_up_on: Option<NaiveDate>, status: Status, today: NaiveDate) -> bool {
    follow_up_on.is_some_and(|d| d < today) && status != Status::Done
}

/// Whether a reminder is due today for an activity: not done, a follow-up date within
/// [`REMIND_DAYS`] from today (and not past), and no reminder sent for that date yet.
pub fn reminder_due(
    follow_up_on: Option<NaiveDate>,
    status: Status,
    reminded_for: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    match follow_up_on {
        Some(d) => {
            status != Status::Done && d >= today && (d - today).num_days() <= REMIND_DAYS && reminded_for != Some(d)
        }
        None => false,
    }
}

/// Whom an activity is linked to, beyond the text as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub department_id: Option<DepartmentId>,
    pub user_id: Option<UserId>,
    pub organisation_id: Option<OrganisationId>,
}

/// The user is the activity's responsible: the linked person, a representative of the linked
/// organisation, or staff of the linked department.
pub fn is_responsible(user: &CurrentUser, municipality_id: MunicipalityId, links: &Links) -> bool {
    links.user_id == Some(user.id)
        || links.organisation_id.is_some_and(|o| user.represents(o))
        || links.department_id.is_some_and(|d| {
            user.roles
                .iter()
                .any(|r| r.municipality_id == Some(municipality_id) && r.department_id == Some(d))
        })
}

/// Who may record progress: the responsible, and the municipality's staff and coordinator.
pub fn may_record(user: &CurrentUser, municipality_id: MunicipalityId, links: &Links) -> bool {
    user.is_staff(municipality_id) || is_responsible(user, municipality_id, links)
}

/// An activity's name as people see it: its text, or "Aktivitet utan beskrivning" when the
/// text is empty (seed 003 has a row with a responsible person and a follow-up but no activity,
/// which would otherwise be a link with no name).
pub fn activity_name(tr: &platform::i18n::Tr, text: &str) -> String {
    if text.trim().is_empty() {
        tr.t("actionplan-activity-unnamed")
    } else {
        text.to_string()
    }
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Rule(Invalid),
    /// Not a date (or an impossible one, like 2026-02-30).
    Date,
    /// The end is before the start.
    DateOrder,
    /// A progress note dated in the future.
    Future,
    /// A value that is not one of the choices.
    Choose,
    /// Joining a group needs the consent box ticked.
    Consent,
}

impl Problem {
    pub fn message_id(self) -> &'static str {
        match self {
            Problem::Rule(i) => i.message_id(),
            Problem::Date => "actionplan-err-date",
            Problem::DateOrder => "actionplan-err-date-order",
            Problem::Future => "actionplan-err-future",
            Problem::Choose => "actionplan-err-choose",
            Problem::Consent => "actionplan-err-consent",
        }
    }
}

pub type Problems = Vec<(&'static str, Problem)>;

/// An optional ISO date: empty is none; anything else must be a real date.
pub fn optional_date(s: &str) -> Result<Option<NaiveDate>, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Problem::Date)
}

/// An id chosen in a select: empty is none.
pub fn chosen_id<T: FromStr>(s: &str) -> Result<Option<T>, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<T>().map(Some).map_err(|_| Problem::Choose)
}

/// A plan's title, period and adoption as typed.
pub struct PlanInput<'a> {
    pub title: &'a str,
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub adopted_by: &'a str,
    pub adopted_on: &'a str,
    pub intro: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanEdit {
    pub title: String,
    pub period_start: Option<i64>,
    pub period_end: Option<i64>,
    pub adopted_by: String,
    pub adopted_on: Option<NaiveDate>,
    /// The plan's introduction (paragraphs separated by blank lines).
    pub intro: String,
}

pub fn validate_plan(input: &PlanInput) -> Result<PlanEdit, Problems> {
    let mut problems: Problems = vec![];
    let title = rules::line(input.title, NAME_MAX).unwrap_or_else(|e| {
        problems.push(("title", Problem::Rule(e)));
        String::new()
    });
    let adopted_by = match input.adopted_by.trim() {
        "" => String::new(),
        s => rules::line(s, NAME_MAX).unwrap_or_else(|e| {
            problems.push(("adopted_by", Problem::Rule(e)));
            String::new()
        }),
    };
    let mut year = |name: &'static str, v: &str| -> Option<i64> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match v.parse::<i64>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                problems.push((name, Problem::Date));
                None
            }
        }
    };
    let period_start = year("period_start", input.period_start);
    let period_end = year("period_end", input.period_end);
    if let (Some(s), Some(e)) = (period_start, period_end) {
        if e < s {
            problems.push(("period_end", Problem::DateOrder));
        }
    }
    let adopted_on = optional_date(input.adopted_on).unwrap_or_else(|p| {
        problems.push(("adopted_on", p));
        None
    });
    let intro = rules::text(input.intro, TEXT_MAX).unwrap_or_else(|e| {
        problems.push(("intro", Problem::Rule(e)));
        String::new()
    });
    if problems.is_empty() {
        Ok(PlanEdit {
            title,
            period_start,
            period_end,
            adopted_by,
            adopted_on,
            intro,
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn statuses_round_trip_and_progress_counts() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("klar"), None);
        for o in OWNERS {
            assert_eq!(owner_parse(owner_str(o)), Some(o));
        }
        let p = Progress::of([Status::Done, Status::Done, Status::Ongoing, Status::NotStarted]);
        assert_eq!((p.total, p.done, p.ongoing, p.not_started, p.paused), (4, 2, 1, 1, 0));
        assert_eq!(p.percent_done(), 50);
        let seg = p.segments();
        assert_eq!(seg.len(), 3);
        assert_eq!(seg[0], (Status::Done, 0.0, 50.0));
        assert_eq!(seg[1], (Status::Ongoing, 50.0, 25.0));
        assert!((seg.iter().map(|s| s.2).sum::<f64>() - 100.0).abs() < 1e-9);
        assert_eq!(Progress::of([]).percent_done(), 0);
        assert!(Progress::of([]).segments().is_empty());
        assert_eq!(Progress::of([Status::Done; 3]).percent_done(), 100);
    }

    #[test]
    fn overdue_and_reminders_follow_the_follow_up_date() {
        let today = d("2026-11-23");
        assert!(is_overdue(Some(d("2026-11-22")), Status::Ongoing, today));
        assert!(!is_overdue(Some(d("2026-11-22")), Status::Done, today));
        assert!(
            !is_overdue(Some(d("2026-11-23")), Status::Ongoing, today),
            "today is not late"
        );
        assert!(!is_overdue(None, Status::NotStarted, today));
        assert!(
            reminder_due(Some(d("2026-12-07")), Status::Ongoing, None, today),
            "14 days ahead"
        );
        assert!(
            !reminder_due(Some(d("2026-12-08")), Status::Ongoing, None, today),
            "15 days ahead"
        );
        assert!(!reminder_due(Some(d("2026-12-01")), Status::Done, None, today));
        assert!(!reminder_due(
            Some(d("2026-12-01")),
            Status::Ongoing,
            Some(d("2026-12-01")),
            today
        ));
        assert!(
            reminder_due(Some(d("2026-12-01")), Status::Ongoing, Some(d("2026-06-01")), today),
            "a new date"
        );
        assert!(
            !reminder_due(Some(d("2026-11-01")), Status::Ongoing, None, today),
            "past dates are overdue instead"
        );
    }

    #[test]
    fn plans_have_a_title_and_sensible_years() {
        let p = validate_plan(&PlanInput {
            title: "Handlingsplan 2019–2020",
            period_start: "2019",
            period_end: "2020",
            adopted_by: "Kommunstyrelsen",
            adopted_on: "2019-03-12",
            intro: "",
        })
        .unwrap();
        assert_eq!((p.period_start, p.period_end), (Some(2019), Some(2020)));
        let e = validate_plan(&PlanInput {
            title: "",
            period_start: "2020",
            period_end: "2019",
            adopted_by: "",
            adopted_on: "12/3",
            intro: "",
        })
        .unwrap_err();
        assert_eq!(
            e,
            vec![
                ("title", Problem::Rule(Invalid::Required)),
                ("period_end", Problem::DateOrder),
                ("adopted_on", Problem::Date)
            ]
        );
    }

    #[test]
    fn responsibility_follows_the_links() {
        const M1: MunicipalityId = MunicipalityId::new(1);
        use platform::auth::{Role, RoleKind};
        let role = |kind, m: i64, dep: Option<i64>, org: Option<i64>| Role {
            kind,
            municipality_id: Some(MunicipalityId::new(m)),
            municipality_slug: None,
            municipality_name: None,
            department_id: dep.map(DepartmentId::new),
            department_name: None,
            organisation_id: org.map(OrganisationId::new),
            organisation_name: None,
        };
        let user = |id, roles| CurrentUser {
            id: UserId::new(id),
            name: "A".into(),
            email: "a@x.se".into(),
            roles,
        };
        let rep = user(5, vec![role(RoleKind::Representative, 1, None, Some(9))]);
        let linked_org = Links {
            organisation_id: Some(OrganisationId::new(9)),
            ..Links::default()
        };
        assert!(may_record(&rep, M1, &linked_org));
        assert!(!may_record(&rep, M1, &Links::default()));
        let person = user(6, vec![]);
        assert!(may_record(
            &person,
            M1,
            &Links {
                user_id: Some(UserId::new(6)),
                ..Links::default()
            }
        ));
        assert!(!may_record(&person, M1, &linked_org));
        let staff_elsewhere = user(7, vec![role(RoleKind::Staff, 2, Some(3), None)]);
        assert!(!may_record(
            &staff_elsewhere,
            M1,
            &Links {
                department_id: Some(DepartmentId::new(3)),
                ..Links::default()
            }
        ));
        let staff = user(8, vec![role(RoleKind::Staff, 1, Some(3), None)]);
        assert!(may_record(&staff, M1, &Links::default()));
        assert!(is_responsible(
            &staff,
            M1,
            &Links {
                department_id: Some(DepartmentId::new(3)),
                ..Links::default()
            }
        ));
        assert!(!is_responsible(&staff, M1, &Links::default()));
    }
}
