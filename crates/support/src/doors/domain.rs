//! The rules of "En dörr in": a case's statuses, its number, who may see it, the checks of the
//! form, and the service level counted in working days (weekends and Swedish public holidays
//! not counted: the holidays are computed here as plain functions, unit-tested for 2026 and
//! 2027; no crate in the workspace's lists has them).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use platform::rules::{self, Invalid};
use platform::{DepartmentId, UserId};

/// The service level when the municipality has set none: an answer within five working days.
pub const DEFAULT_ANSWER_DAYS: i64 = 5;
/// The longest service level the coordinator may set.
pub const MAX_ANSWER_DAYS: i64 = 60;
pub const QUESTION_MAX: usize = 5000;
pub const LINE_MAX: usize = 200;
pub const MESSAGE_MAX: usize = 10_000;
pub const FAQ_MAX: usize = 5000;

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Received, with no one to answer it yet (a topic without routing).
    Received,
    /// Routed to a department or a person, waiting for an answer.
    Assigned,
    Answered,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Received, Status::Assigned, Status::Answered, Status::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Assigned => "assigned",
            Status::Answered => "answered",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::Received => "support-doors-status-received",
            Status::Assigned => "support-doors-status-assigned",
            Status::Answered => "support-doors-status-answered",
            Status::Closed => "support-doors-status-closed",
        }
    }

    /// Waiting for the municipality's answer (counts against the service level).
    pub fn waiting(self) -> bool {
        matches!(self, Status::Received | Status::Assigned)
    }
}

/// The case number people see: `EDI-2026-0001`.
pub fn case_number(year: i64, number: i64) -> String {
    format!("EDI-{year}-{number:04}")
}

/// Whether a person of the municipality may see a case: the coordinator every case; staff the
/// cases assigned to them or to their department.
pub fn may_see(
    coordinator: bool,
    user: UserId,
    departments: &[DepartmentId],
    assigned_user: Option<UserId>,
    department: Option<DepartmentId>,
) -> bool {
    coordinator || assigned_user == Some(user) || department.is_some_and(|d| departments.contains(&d))
}

// --- Swedish public holidays and working days ---

/// Easter Sunday of a year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

/// The first day on or after `from` that is a `weekday`.
fn on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() as i64 - from.weekday().num_days_from_monday() as i64) % 7;
    from + Duration::days(ahead)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The days of a year on which the municipality does not work besides weekends: the public
/// holidays of the law on general holidays (1989:253) and the eves that are days off in
/// practice (midsommarafton, julafton, nyårsafton). Each with its Swedish name.
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let e = easter(year);
    let midsummer_eve = on_or_after(ymd(year, 6, 19), Weekday::Fri);
    vec![
        (ymd(year, 1, 1), "Nyårsdagen"),
        (ymd(year, 1, 6), "Trettondedag jul"),
        (e - Duration::days(2), "Långfredagen"),
        (e, "Påskdagen"),
        (e + Duration::days(1), "Annandag påsk"),
        (ymd(year, 5, 1), "Första maj"),
        (e + Duration::days(39), "Kristi himmelsfärdsdag"),
        (e + Duration::days(49), "Pingstdagen"),
        (ymd(year, 6, 6), "Sveriges nationaldag"),
        (midsummer_eve, "Midsommarafton"),
        (midsummer_eve + Duration::days(1), "Midsommardagen"),
        (on_or_after(ymd(year, 10, 31), Weekday::Sat), "Alla helgons dag"),
        (ymd(year, 12, 24), "Julafton"),
        (ymd(year, 12, 25), "Juldagen"),
        (ymd(year, 12, 26), "Annandag jul"),
        (ymd(year, 12, 31), "Nyårsafton"),
    ]
}

/// Whether the municipality works on a day: not a Saturday, a Sunday or a holiday.
pub fn working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays(day.year()).iter().any(|(d, _)| *d == day)
}

/// The last day of the service level for a question received on `received`: `days` working
/// days after it (the day of receipt itself not counted).
pub fn due_on(received: NaiveDate, days: i64) -> NaiveDate {
    let mut day = received;
    let mut left = days.max(1);
    while left > 0 {
        day += Duration::days(1);
        if working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The day (Stockholm) of a moment.
pub fn local_day(at: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .with_timezone(&chrono_tz::Europe::Stockholm)
        .date_naive()
}

/// Whether a case waiting for an answer has passed its last day.
pub fn overdue(status: Status, due_on: &str, today: NaiveDate) -> bool {
    status.waiting() && NaiveDate::parse_from_str(due_on, "%Y-%m-%d").is_ok_and(|d| today > d)
}

// --- The forms ---

/// What the contact form sends, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct Asked {
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub consent: String,
}

/// A question that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub topic: i64,
    pub question: String,
    pub organisation: String,
    pub name: String,
    pub email: String,
}

/// Check the contact form against the municipality's topics' ids.
pub fn check_question(a: &Asked, topics: &[i64]) -> Result<Question, Vec<(&'static str, Invalid)>> {
    let mut errors = vec![];
    let topic = match a.topic.trim().parse::<i64>() {
        Ok(t) if topics.contains(&t) => Some(t),
        _ => {
            errors.push(("topic", Invalid::Required));
            None
        }
    };
    let question = rules::required_text(&a.question, QUESTION_MAX).map_err(|e| errors.push(("question", e)));
    let organisation = match a.organisation.trim() {
        "" => Ok(String::new()),
        o => rules::line(o, LINE_MAX).map_err(|e| errors.push(("organisation", e))),
    };
    let name = rules::line(&a.name, LINE_MAX).map_err(|e| errors.push(("name", e)));
    let email = rules::Email::parse(&a.email).map_err(|e| errors.push(("email", e)));
    if a.consent != "on" {
        errors.push(("consent", Invalid::Required));
    }
    match (topic, question, organisation, name, email) {
        (Some(topic), Ok(question), Ok(organisation), Ok(name), Ok(email)) if errors.is_empty() => Ok(Question {
            topic,
            question,
            organisation,
            name,
            email: email.as_str().to_string(),
        }),
        _ => Err(errors),
    }
}

/// Check an answer or a reply.
pub fn check_message(body: &str) -> Result<String, Invalid> {
    rules::required_text(body, MESSAGE_MAX)
}

/// Check the satisfaction answer: a grade 1–5 and an optional comment.
pub fn check_rating(grade: &str, comment: &str) -> Option<(i64, String)> {
    let g = grade.trim().parse::<i64>().ok().filter(|g| (1..=5).contains(g))?;
    let c = match comment.trim() {
        "" => String::new(),
        c => rules::text(c, QUESTION_MAX).ok()?,
    };
    Some((g, c))
}

/// Check the service level the coordinator sets.
pub fn check_days(days: &str) -> Option<i64> {
    days.trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=MAX_ANSWER_DAYS).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn days_of(year: i32) -> Vec<String> {
        holidays(year).into_iter().map(|(day, _)| day.to_string()).collect()
    }

    #[test]
    fn holidays_of_2026() {
        assert_eq!(easter(2026), d("2026-04-05"));
        assert_eq!(
            days_of(2026),
            [
                "2026-01-01",
                "2026-01-06",
                "2026-04-03",
                "2026-04-05",
                "2026-04-06",
                "2026-05-01",
                "2026-05-14",
                "2026-05-24",
                "2026-06-06",
                "2026-06-19",
                "2026-06-20",
                "2026-10-31",
                "2026-12-24",
                "2026-12-25",
                "2026-12-26",
                "2026-12-31"
            ]
        );
    }

    #[test]
    fn holidays_of_2027() {
        assert_eq!(easter(2027), d("2027-03-28"));
        assert_eq!(
            days_of(2027),
            [
                "2027-01-01",
                "2027-01-06",
                "2027-03-26",
                "2027-03-28",
                "2027-03-29",
                "2027-05-01",
                "2027-05-06",
                "2027-05-16",
                "2027-06-06",
                "2027-06-25",
                "2027-06-26",
                "2027-11-06",
                "2027-12-24",
                "2027-12-25",
                "2027-12-26",
                "2027-12-31"
            ]
        );
    }

    #[test]
    fn easter_of_other_years() {
        assert_eq!(easter(2024), d("2024-03-31"));
        assert_eq!(easter(2025), d("2025-04-20"));
        assert_eq!(easter(2038), d("2038-04-25"));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        assert!(working_day(d("2026-11-23")), "a Monday");
        assert!(!working_day(d("2026-11-28")), "a Saturday");
        assert!(!working_day(d("2026-01-06")), "Trettondedag jul, a Tuesday");
        // Monday 2026-11-23 + 5: the Monday after.
        assert_eq!(due_on(d("2026-11-23"), 5), d("2026-11-30"));
        // Received Friday before Easter week 2026 (2026-04-03 is Långfredagen, 04-06 Annandag
        // påsk): Thursday 04-02 + 5 → 04-07, 08, 09, 10, 13.
        assert_eq!(due_on(d("2026-04-02"), 5), d("2026-04-13"));
        // Over Christmas 2026: Tuesday 22 + 5 → 23, 28, 29, 30, 2027-01-04.
        assert_eq!(due_on(d("2026-12-22"), 5), d("2027-01-04"));
        // Received on a Saturday: counted from Monday.
        assert_eq!(due_on(d("2026-11-28"), 1), d("2026-11-30"));
    }

    #[test]
    fn overdue_only_while_waiting() {
        assert!(overdue(Status::Assigned, "2026-11-30", d("2026-12-01")));
        assert!(!overdue(Status::Assigned, "2026-11-30", d("2026-11-30")));
        assert!(!overdue(Status::Answered, "2026-11-30", d("2026-12-09")));
    }

    #[test]
    fn who_sees_a_case() {
        let me = UserId::new(7);
        let kf = DepartmentId::new(3);
        assert!(may_see(true, me, &[], None, None));
        assert!(may_see(false, me, &[], Some(me), None));
        assert!(may_see(false, me, &[kf], None, Some(kf)));
        assert!(!may_see(
            false,
            me,
            &[kf],
            Some(UserId::new(8)),
            Some(DepartmentId::new(4))
        ));
        assert!(!may_see(false, me, &[], None, None));
    }

    #[test]
    fn the_form_is_checked() {
        let good = Asked {
            topic: "4".into(),
            question: "Hur söker vi bidrag?".into(),
            organisation: String::new(),
            name: "Eva".into(),
            email: "eva@example.se".into(),
            consent: "on".into(),
        };
        assert!(check_question(&good, &[4]).is_ok());
        let bad = Asked {
            topic: "5".into(),
            email: "nej".into(),
            consent: String::new(),
            ..good.clone()
        };
        let errors: Vec<&str> = check_question(&bad, &[4])
            .unwrap_err()
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(errors, ["topic", "email", "consent"]);
        assert_eq!(case_number(2026, 1), "EDI-2026-0001");
        assert_eq!(check_rating("5", " bra "), Some((5, "bra".into())));
        assert_eq!(check_rating("6", ""), None);
        assert_eq!(check_days("10"), Some(10));
        assert_eq!(check_days("0"), None);
    }
}
