//! The web attendance card: one meeting typed in by hand, its leaders and participants as lines
//! of `Namn;Födelseår;Kön` (the gender may be left out). Plain functions over the form's text:
//! the same checks as a file's rows, with each wrong line named.

use crate::activity::domain::{Meeting, Person};
use crate::activity::import::{clean, gender, person_key};
use chrono::{NaiveDate, NaiveTime};

/// What the card's form holds, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct CardInput {
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub activity: String,
    #[serde(default)]
    pub leaders: String,
    #[serde(default)]
    pub participants: String,
}

/// A field of the card that is wrong: the field, the message id and, for the lists of
/// people, the line (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardProblem {
    pub field: &'static str,
    pub message_id: &'static str,
    pub line: Option<usize>,
}

/// The longest group name and activity.
pub const NAME_MAX: usize = 100;

fn problem(field: &'static str, message_id: &'static str) -> CardProblem {
    CardProblem {
        field,
        message_id,
        line: None,
    }
}

/// The people of one list, a line each; empty lines are skipped.
fn people(field: &'static str, text: &str, problems: &mut Vec<CardProblem>) -> Vec<Person> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split([';', '\t']).map(str::trim);
        let name = parts.next().unwrap_or("");
        let birth_year = parts
            .next()
            .unwrap_or("")
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2100).contains(y));
        let gender = gender(parts.next().unwrap_or(""));
        let wrong = if name.is_empty() || name.chars().count() > NAME_MAX {
            Some("grants-card-err-name")
        } else if birth_year.is_none() {
            Some("grants-import-err-birth-year")
        } else if gender.is_none() || parts.next().is_some() {
            Some("grants-import-err-gender")
        } else {
            None
        };
        match (wrong, birth_year, gender) {
            (None, Some(birth_year), Some(gender)) => out.push(Person {
                key: person_key("", &clean(name), birth_year),
                birth_year,
                gender,
                name: clean(name).into_owned(),
            }),
            (why, _, _) => problems.push(CardProblem {
                field,
                message_id: why.unwrap_or("grants-import-err-gender"),
                line: Some(i + 1),
            }),
        }
    }
    out
}

/// Reads the card into a meeting, or every problem found.
pub fn read_card(input: &CardInput) -> Result<Meeting, Vec<CardProblem>> {
    let mut problems = Vec::new();
    let group = clean(input.group.trim());
    if group.is_empty() {
        problems.push(problem("group", "err-required"));
    } else if group.chars().count() > NAME_MAX {
        problems.push(problem("group", "grants-card-err-too-long"));
    }
    let date = NaiveDate::parse_from_str(input.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        problems.push(problem("date", "grants-import-err-date"));
    }
    let start = NaiveTime::parse_from_str(input.start.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(input.start.trim(), "%H.%M"))
        .ok();
    if start.is_none() {
        problems.push(problem("start", "grants-import-err-time"));
    }
    let minutes = input.minutes.trim().parse::<u32>().ok().filter(|m| *m <= 24 * 60);
    if minutes.is_none() {
        problems.push(problem("minutes", "grants-import-err-minutes"));
    }
    let activity = clean(input.activity.trim());
    if activity.chars().count() > NAME_MAX {
        problems.push(problem("activity", "grants-card-err-too-long"));
    }
    let leaders = people("leaders", &input.leaders, &mut problems);
    if leaders.is_empty() && !problems.iter().any(|p| p.field == "leaders") {
        problems.push(problem("leaders", "grants-card-err-no-leader"));
    }
    let participants = people("participants", &input.participants, &mut problems);
    match (date, start, minutes) {
        (Some(date), Some(start), Some(minutes)) if problems.is_empty() => Ok(Meeting {
            group: group.to_string(),
            date,
            start,
            minutes,
            activity: activity.to_string(),
            leaders,
            participants,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::domain::Gender;

    fn card(leaders: &str, participants: &str) -> CardInput {
        CardInput {
            group: "P16".into(),
            date: "2026-03-02".into(),
            start: "17.00".into(),
            minutes: "60".into(),
            activity: "Fotboll".into(),
            leaders: leaders.into(),
            participants: participants.into(),
        }
    }

    #[test]
    fn a_card_reads_into_a_meeting_keyed_as_a_file_would_be() {
        let m = read_card(&card("Sara Ek;1990;K\n", "Ali Öz;2016;Pojke\n\n  Åsa Lind ; 2016 \r\n")).unwrap();
        assert_eq!(m.start, NaiveTime::from_hms_opt(17, 0, 0).unwrap());
        assert_eq!(m.leaders[0].gender, Gender::Girl);
        assert_eq!(m.participants.len(), 2);
        assert_eq!(m.participants[1].name, "Åsa Lind");
        assert_eq!(m.participants[1].gender, Gender::Other);
        assert_eq!(m.participants[0].key, person_key("", "Ali Öz", 2016));
    }

    #[test]
    fn every_wrong_field_and_line_is_named() {
        let mut input = card("", "Ali;16;Pojke\nÅsa;2016;Häst\n;2016\n");
        input.date = "2/3".into();
        input.minutes = "lång".into();
        let problems = read_card(&input).unwrap_err();
        let got: Vec<(&str, &str, Option<usize>)> = problems.iter().map(|p| (p.field, p.message_id, p.line)).collect();
        assert_eq!(
            got,
            vec![
                ("date", "grants-import-err-date", None),
                ("minutes", "grants-import-err-minutes", None),
                ("leaders", "grants-card-err-no-leader", None),
                ("participants", "grants-import-err-birth-year", Some(1)),
                ("participants", "grants-import-err-gender", Some(2)),
                ("participants", "grants-card-err-name", Some(3)),
            ]
        );
    }
}
