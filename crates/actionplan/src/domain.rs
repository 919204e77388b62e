//! The action plan's rules, without I/O: statuses and owners with their labels, progress per
//! area, what is overdue, who may record progress, validation of what people type, and how an
//! imported table is matched against the plan already stored (so that importing the same table
//! twice changes nothing).

#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use crate::table::{Owner, TableActivity, TablePlan};
use chrono::NaiveDate;
use platform::auth::CurrentUser;
use platform::rules::{self, Invalid};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Longest goal or activity text, and longest cell (time, responsible, follow-up).
pub const TEXT_MAX: usize = 4000;
pub const CELL_MAX: usize = 1000;
/// Longest progress note.
pub const NOTE_MAX: usize = 4000;
/// Longest name (plan title, group name, adopting body).
pub const NAME_MAX: usize = 200;
/// Days before a follow-up date that the responsible are reminded.
pub const REMIND_DAYS: i64 = 14;

/// How far an activity has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    Ongoing,
    Done,
    /// Paused or late.
    Paused,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::NotStarted, Status::Ongoing, Status::Done, Status::Paused];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::Ongoing => "ongoing",
            Status::Done => "done",
            Status::Paused => "paused",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
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

pub fn owner_str(o: Owner) -> &'static str {
    match o {
        Owner::Municipality => "municipality",
        Owner::CivilSociety => "civil_society",
        Owner::Both => "both",
        Owner::Unstated => "unstated",
    }
}

pub fn owner_parse(s: &str) -> Option<Owner> {
    OWNERS.into_iter().find(|o| owner_str(*o) == s)
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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
pub fn chosen_id(s: &str) -> Result<Option<i64>, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<i64>().map(Some).map_err(|_| Problem::Choose)
}

/// A progress note as typed.
pub struct NoteInput<'a> {
    pub status: &'a str,
    pub text: &'a str,
    pub noted_on: &'a str,
}

/// A checked progress note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub status: Status,
    pub text: String,
    pub noted_on: NaiveDate,
}

pub fn validate_note(input: &NoteInput, today: NaiveDate) -> Result<Note, Problems> {
    let mut problems = vec![];
    let status = Status::parse(input.status);
    if status.is_none() {
        problems.push(("status", Problem::Choose));
    }
    let text = match rules::text(input.text, NOTE_MAX) {
        Ok(t) if t.is_empty() => {
            problems.push(("text", Problem::Rule(Invalid::Required)));
            t
        }
        Ok(t) => t,
        Err(e) => {
            problems.push(("text", Problem::Rule(e)));
            String::new()
        }
    };
    let noted_on = match optional_date(input.noted_on) {
        Ok(Some(d)) if d > today => {
            problems.push(("noted_on", Problem::Future));
            today
        }
        Ok(Some(d)) => d,
        Ok(None) => today,
        Err(p) => {
            problems.push(("noted_on", p));
            today
        }
    };
    match (status, problems.is_empty()) {
        (Some(status), true) => Ok(Note { status, text, noted_on }),
        _ => Err(problems),
    }
}

/// The coordinator's edit of an activity's structured fields, as typed.
pub struct ActivityInput<'a> {
    pub text: &'a str,
    pub time_text: &'a str,
    pub time_start: &'a str,
    pub time_end: &'a str,
    pub responsible_text: &'a str,
    pub department: &'a str,
    pub user: &'a str,
    pub organisation: &'a str,
    pub follow_up_text: &'a str,
    pub follow_up_on: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityEdit {
    pub text: String,
    pub time_text: String,
    pub time_start: Option<NaiveDate>,
    pub time_end: Option<NaiveDate>,
    pub responsible_text: String,
    pub links: Links,
    pub follow_up_text: String,
    pub follow_up_on: Option<NaiveDate>,
}

pub fn validate_activity(input: &ActivityInput) -> Result<ActivityEdit, Problems> {
    let mut problems: Problems = vec![];
    let mut text_field = |name: &'static str, v: &str, max: usize, required: bool| match rules::text(v, max) {
        Ok(t) if required && t.is_empty() => {
            problems.push((name, Problem::Rule(Invalid::Required)));
            t
        }
        Ok(t) => t,
        Err(e) => {
            problems.push((name, Problem::Rule(e)));
            String::new()
        }
    };
    let text = text_field("text", input.text, TEXT_MAX, true);
    let time_text = text_field("time_text", input.time_text, CELL_MAX, false);
    let responsible_text = text_field("responsible_text", input.responsible_text, CELL_MAX, false);
    let follow_up_text = text_field("follow_up_text", input.follow_up_text, CELL_MAX, false);
    let mut date = |name: &'static str, v: &str| {
        optional_date(v).unwrap_or_else(|p| {
            problems.push((name, p));
            None
        })
    };
    let time_start = date("time_start", input.time_start);
    let time_end = date("time_end", input.time_end);
    let follow_up_on = date("follow_up_on", input.follow_up_on);
    if let (Some(s), Some(e)) = (time_start, time_end) {
        if e < s {
            problems.push(("time_end", Problem::DateOrder));
        }
    }
    let mut id = |name: &'static str, v: &str| {
        chosen_id(v).unwrap_or_else(|p| {
            problems.push((name, p));
            None
        })
    };
    let links = Links {
        department_id: id("department", input.department),
        user_id: id("user", input.user),
        organisation_id: id("organisation", input.organisation),
    };
    if problems.is_empty() {
        Ok(ActivityEdit {
            text,
            time_text,
            time_start,
            time_end,
            responsible_text,
            links,
            follow_up_text,
            follow_up_on,
        })
    } else {
        Err(problems)
    }
}

/// A working group's name and description.
pub fn validate_group(name: &str, description: &str) -> Result<(String, String), Problems> {
    let mut problems: Problems = vec![];
    let name = rules::line(name, NAME_MAX).unwrap_or_else(|e| {
        problems.push(("name", Problem::Rule(e)));
        String::new()
    });
    let description = rules::text(description, TEXT_MAX).unwrap_or_else(|e| {
        problems.push(("description", Problem::Rule(e)));
        String::new()
    });
    if problems.is_empty() {
        Ok((name, description))
    } else {
        Err(problems)
    }
}

/// A plan's title, period and adoption as typed.
pub struct PlanInput<'a> {
    pub title: &'a str,
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub adopted_by: &'a str,
    pub adopted_on: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanEdit {
    pub title: String,
    pub period_start: Option<i64>,
    pub period_end: Option<i64>,
    pub adopted_by: String,
    pub adopted_on: Option<NaiveDate>,
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
    if problems.is_empty() {
        Ok(PlanEdit {
            title,
            period_start,
            period_end,
            adopted_by,
            adopted_on,
        })
    } else {
        Err(problems)
    }
}

// --- Import: matching a table against the stored plan ---

/// What is stored already, as the import sees it.
#[derive(Clone, Debug, Default)]
pub struct Stored {
    /// (id, number, name)
    pub areas: Vec<(i64, u32, String)>,
    /// (id, area id, owner, text)
    pub goals: Vec<(i64, i64, Owner, String)>,
    /// (id, goal id, the activity's cells)
    pub activities: Vec<(i64, i64, TableActivity)>,
}

/// A row that exists already or one the import creates (by its index among the new ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ref {
    Stored(i64),
    New(usize),
}

/// One step of an import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    NewArea {
        number: u32,
        name: String,
        group: String,
    },
    RenameArea {
        id: i64,
        name: String,
    },
    NewGoal {
        area: Ref,
        owner: String,
        text: String,
        position: i64,
    },
    NewActivity {
        goal: Ref,
        position: i64,
        text: String,
        time: String,
        responsible: String,
        follow_up: String,
    },
    UpdateActivity {
        id: i64,
        time: String,
        responsible: String,
        follow_up: String,
    },
}

/// The steps that bring the stored plan to the table: areas matched by number, goals by owner
/// and text within their area, activities by text within their goal. A row the table repeats
/// is the same row; a row already stored the same way is no step at all.
pub fn import_steps(stored: &Stored, table: &TablePlan) -> Vec<Step> {
    let mut steps = vec![];
    let mut areas: HashMap<u32, Ref> = stored.areas.iter().map(|(id, n, _)| (*n, Ref::Stored(*id))).collect();
    let area_names: HashMap<i64, &str> = stored.areas.iter().map(|(id, _, n)| (*id, n.as_str())).collect();
    let mut goals: HashMap<(Ref, &str, String), Ref> = stored
        .goals
        .iter()
        .map(|(id, a, o, t)| ((Ref::Stored(*a), owner_str(*o), t.clone()), Ref::Stored(*id)))
        .collect();
    let mut goal_count: HashMap<Ref, i64> = HashMap::new();
    for (_, a, _, _) in &stored.goals {
        *goal_count.entry(Ref::Stored(*a)).or_default() += 1;
    }
    let mut activities: HashMap<(Ref, String), Option<&TableActivity>> = stored
        .activities
        .iter()
        .map(|(_, g, a)| ((Ref::Stored(*g), a.text.clone()), Some(a)))
        .collect();
    let activity_ids: HashMap<(i64, &str), i64> = stored
        .activities
        .iter()
        .map(|(id, g, a)| ((*g, a.text.as_str()), *id))
        .collect();
    let mut activity_count: HashMap<Ref, i64> = HashMap::new();
    for (_, g, _) in &stored.activities {
        *activity_count.entry(Ref::Stored(*g)).or_default() += 1;
    }
    let (mut new_areas, mut new_goals) = (0usize, 0usize);
    for area in &table.areas {
        let a = match areas.get(&area.number) {
            Some(r) => {
                if let Ref::Stored(id) = r {
                    if area_names.get(id).is_some_and(|n| *n != area.name) && !area.name.is_empty() {
                        steps.push(Step::RenameArea {
                            id: *id,
                            name: area.name.clone(),
                        });
                    }
                }
                *r
            }
            None => {
                let r = Ref::New(new_areas);
                new_areas += 1;
                steps.push(Step::NewArea {
                    number: area.number,
                    name: area.name.clone(),
                    group: area.group.clone().unwrap_or_default(),
                });
                areas.insert(area.number, r);
                r
            }
        };
        for goal in &area.goals {
            let key = (a, owner_str(goal.owner), goal.text.clone());
            let g = match goals.get(&key) {
                Some(r) => *r,
                None => {
                    let r = Ref::New(new_goals);
                    new_goals += 1;
                    let position = goal_count.entry(a).or_default();
                    steps.push(Step::NewGoal {
                        area: a,
                        owner: owner_str(goal.owner).to_string(),
                        text: goal.text.clone(),
                        position: *position,
                    });
                    *position += 1;
                    goals.insert(key, r);
                    r
                }
            };
            for act in &goal.activities {
                match activities.get(&(g, act.text.clone())) {
                    Some(Some(old)) => {
                        let changed = old.time != act.time
                            || old.responsible != act.responsible
                            || old.follow_up != act.follow_up;
                        if let (true, Ref::Stored(gid)) = (changed, g) {
                            if let Some(id) = activity_ids.get(&(gid, act.text.as_str())) {
                                steps.push(Step::UpdateActivity {
                                    id: *id,
                                    time: act.time.clone(),
                                    responsible: act.responsible.clone(),
                                    follow_up: act.follow_up.clone(),
                                });
                            }
                        }
                        // Later repeats of the row in this table are the same row.
                        activities.insert((g, act.text.clone()), None);
                    }
                    Some(None) => {}
                    None => {
                        let position = activity_count.entry(g).or_default();
                        steps.push(Step::NewActivity {
                            goal: g,
                            position: *position,
                            text: act.text.clone(),
                            time: act.time.clone(),
                            responsible: act.responsible.clone(),
                            follow_up: act.follow_up.clone(),
                        });
                        *position += 1;
                        activities.insert((g, act.text.clone()), None);
                    }
                }
            }
        }
    }
    steps
}

/// Counts of an import's steps: new areas, goals and activities, and changed rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepCounts {
    pub areas: usize,
    pub goals: usize,
    pub activities: usize,
    pub changed: usize,
}

pub fn count_steps(steps: &[Step]) -> StepCounts {
    let mut c = StepCounts::default();
    for s in steps {
        match s {
            Step::NewArea { .. } => c.areas += 1,
            Step::NewGoal { .. } => c.goals += 1,
            Step::NewActivity { .. } => c.activities += 1,
            Step::RenameArea { .. } | Step::UpdateActivity { .. } => c.changed += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{TableArea, TableGoal};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn act(text: &str) -> TableActivity {
        TableActivity {
            text: text.into(),
            time: "Höst -19".into(),
            responsible: "Kultur och fritid".into(),
            follow_up: "Årligen".into(),
        }
    }

    fn table() -> TablePlan {
        TablePlan {
            areas: vec![TableArea {
                number: 1,
                name: "Självständighet".into(),
                group: None,
                goals: vec![
                    TableGoal {
                        owner: Owner::Municipality,
                        text: "Inventera lokaler".into(),
                        activities: vec![act("Upphandla bokning"), act("Upphandla bokning"), act("Informera")],
                    },
                    TableGoal {
                        owner: Owner::CivilSociety,
                        text: "Inventera lokaler".into(),
                        activities: vec![act("Uppdatera registret")],
                    },
                ],
            }],
        }
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
    fn notes_need_a_status_a_text_and_a_real_date_not_in_the_future() {
        let today = d("2026-11-23");
        let ok = validate_note(
            &NoteInput {
                status: "ongoing",
                text: "  Upphandlingen pågår. ",
                noted_on: "",
            },
            today,
        )
        .unwrap();
        assert_eq!(
            ok,
            Note {
                status: Status::Ongoing,
                text: "Upphandlingen pågår.".into(),
                noted_on: today
            }
        );
        let e = validate_note(
            &NoteInput {
                status: "x",
                text: "",
                noted_on: "2026-02-30",
            },
            today,
        )
        .unwrap_err();
        assert_eq!(
            e,
            vec![
                ("status", Problem::Choose),
                ("text", Problem::Rule(Invalid::Required)),
                ("noted_on", Problem::Date)
            ]
        );
        let e = validate_note(
            &NoteInput {
                status: "done",
                text: &"å".repeat(NOTE_MAX + 1),
                noted_on: "2026-11-24",
            },
            today,
        )
        .unwrap_err();
        assert_eq!(
            e,
            vec![
                ("text", Problem::Rule(Invalid::TooLong(NOTE_MAX))),
                ("noted_on", Problem::Future)
            ]
        );
    }

    #[test]
    fn activity_edits_check_dates_and_links() {
        let input = |start: &'static str, end: &'static str, user: &'static str| ActivityInput {
            text: "Upphandla",
            time_text: "Höst -19",
            time_start: start,
            time_end: end,
            responsible_text: "Kultur och fritid",
            department: "",
            user,
            organisation: "",
            follow_up_text: "hösten 2020",
            follow_up_on: "2020-10-01",
        };
        let ok = validate_activity(&input("2019-09-01", "2019-12-31", "7")).unwrap();
        assert_eq!(ok.links.user_id, Some(7));
        assert_eq!(ok.follow_up_on, Some(d("2020-10-01")));
        assert_eq!(
            validate_activity(&input("2019-12-31", "2019-09-01", "")).unwrap_err(),
            vec![("time_end", Problem::DateOrder)]
        );
        assert_eq!(
            validate_activity(&input("2019-13-01", "", "x")).unwrap_err(),
            vec![("time_start", Problem::Date), ("user", Problem::Choose)]
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
        })
        .unwrap();
        assert_eq!((p.period_start, p.period_end), (Some(2019), Some(2020)));
        let e = validate_plan(&PlanInput {
            title: "",
            period_start: "2020",
            period_end: "2019",
            adopted_by: "",
            adopted_on: "12/3",
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
    fn a_fresh_import_creates_everything_once_and_a_repeated_row_once() {
        let steps = import_steps(&Stored::default(), &table());
        let c = count_steps(&steps);
        assert_eq!(
            c,
            StepCounts {
                areas: 1,
                goals: 2,
                activities: 3,
                changed: 0
            },
            "{steps:#?}"
        );
        assert!(matches!(&steps[0], Step::NewArea { number: 1, .. }));
    }

    #[test]
    fn importing_what_is_stored_changes_nothing_and_changed_cells_update() {
        let t = table();
        let stored = Stored {
            areas: vec![(10, 1, "Självständighet".into())],
            goals: vec![
                (20, 10, Owner::Municipality, "Inventera lokaler".into()),
                (21, 10, Owner::CivilSociety, "Inventera lokaler".into()),
            ],
            activities: vec![
                (30, 20, act("Upphandla bokning")),
                (31, 20, act("Informera")),
                (32, 21, act("Uppdatera registret")),
            ],
        };
        assert_eq!(import_steps(&stored, &t), vec![]);
        let mut changed = t.clone();
        changed.areas[0].goals[0].activities[2].follow_up = "2027-01-01".into();
        changed.areas[0].goals[1].activities.push(act("Ny aktivitet"));
        let steps = import_steps(&stored, &changed);
        assert_eq!(
            steps,
            vec![
                Step::UpdateActivity {
                    id: 31,
                    time: "Höst -19".into(),
                    responsible: "Kultur och fritid".into(),
                    follow_up: "2027-01-01".into()
                },
                Step::NewActivity {
                    goal: Ref::Stored(21),
                    position: 1,
                    text: "Ny aktivitet".into(),
                    time: "Höst -19".into(),
                    responsible: "Kultur och fritid".into(),
                    follow_up: "Årligen".into()
                }
            ]
        );
    }

    #[test]
    fn responsibility_follows_the_links() {
        use platform::auth::{Role, RoleKind};
        let role = |kind, m: i64, dep: Option<i64>, org: Option<i64>| Role {
            kind,
            municipality_id: Some(m),
            municipality_slug: None,
            municipality_name: None,
            department_id: dep,
            department_name: None,
            organisation_id: org,
            organisation_name: None,
        };
        let user = |id, roles| CurrentUser {
            id,
            name: "A".into(),
            email: "a@x.se".into(),
            roles,
        };
        let rep = user(5, vec![role(RoleKind::Representative, 1, None, Some(9))]);
        let linked_org = Links {
            organisation_id: Some(9),
            ..Links::default()
        };
        assert!(may_record(&rep, 1, &linked_org));
        assert!(!may_record(&rep, 1, &Links::default()));
        let person = user(6, vec![]);
        assert!(may_record(
            &person,
            1,
            &Links {
                user_id: Some(6),
                ..Links::default()
            }
        ));
        assert!(!may_record(&person, 1, &linked_org));
        let staff_elsewhere = user(7, vec![role(RoleKind::Staff, 2, Some(3), None)]);
        assert!(!may_record(
            &staff_elsewhere,
            1,
            &Links {
                department_id: Some(3),
                ..Links::default()
            }
        ));
        let staff = user(8, vec![role(RoleKind::Staff, 1, Some(3), None)]);
        assert!(may_record(&staff, 1, &Links::default()));
        assert!(is_responsible(
            &staff,
            1,
            &Links {
                department_id: Some(3),
                ..Links::default()
            }
        ));
        assert!(!is_responsible(&staff, 1, &Links::default()));
    }
}
