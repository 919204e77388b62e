//! An activity's rules without I/O: a progress note and the coordinator's edit, as typed and
//! as checked.

use crate::domain::{chosen_id, optional_date, Links, Problem, Problems, Status, CELL_MAX, NOTE_MAX, TEXT_MAX};
use chrono::NaiveDate;
use platform::rules::{self, Invalid};

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
    let department_id = chosen_id(input.department).unwrap_or_else(|p| {
        problems.push(("department", p));
        None
    });
    let user_id = chosen_id(input.user).unwrap_or_else(|p| {
        problems.push(("user", p));
        None
    });
    let organisation_id = chosen_id(input.organisation).unwrap_or_else(|p| {
        problems.push(("organisation", p));
        None
    });
    let links = Links {
        department_id,
        user_id,
        organisation_id,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
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
        assert_eq!(ok.links.user_id, Some(platform::UserId::new(7)));
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
}
