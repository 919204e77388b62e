//! The rules of starting a new period: what goes along to it, and the period suggested.

use crate::domain::Status;
use crate::ids::{ActivityId, GoalId};

/// What a new period takes from the current plan (every area goes along).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Carry {
    /// The goals that go along: those with an unfinished activity, and those without any
    /// activity yet (nothing of them is done).
    pub goals: Vec<GoalId>,
    /// The activities that go along: every one not marked done.
    pub activities: Vec<ActivityId>,
}

/// Whether an activity goes along to the next period: it is not marked done.
pub fn unfinished(status: Status) -> bool {
    status != Status::Done
}

/// What goes along, from the plan's goals (in order) and its activities (id, goal, status).
pub fn carry_over(goals: &[GoalId], activities: &[(ActivityId, GoalId, Status)]) -> Carry {
    let activities_kept: Vec<ActivityId> = activities
        .iter()
        .filter(|(_, _, s)| unfinished(*s))
        .map(|(id, _, _)| *id)
        .collect();
    let goals = goals
        .iter()
        .copied()
        .filter(|g| {
            let mut of_goal = activities.iter().filter(|(_, goal, _)| goal == g).peekable();
            of_goal.peek().is_none() || of_goal.any(|(_, _, s)| unfinished(*s))
        })
        .collect();
    Carry {
        goals,
        activities: activities_kept,
    }
}

/// The period suggested after `start`–`end`: as long, starting the year after (two years after
/// `this_year` when the plan has no period).
pub fn next_period(start: Option<i64>, end: Option<i64>, this_year: i64) -> (i64, i64) {
    match (start, end) {
        (Some(s), Some(e)) if e >= s => (e + 1, e + 1 + (e - s)),
        (_, Some(e)) => (e + 1, e + 2),
        _ => (this_year + 1, this_year + 2),
    }
}

/// The title suggested for a period: "Handlingsplan 2027–2028".
pub fn suggested_title(base: &str, start: i64, end: i64) -> String {
    format!("{base} {start}–{end}")
}

/// A period as listed: its title, with its years when the title does not name them.
pub fn listed(title: &str, start: Option<i64>, end: Option<i64>) -> String {
    let years = match (start, end) {
        (Some(s), Some(e)) => format!("{s}–{e}"),
        (Some(s), None) => format!("{s}–"),
        (None, Some(e)) => format!("–{e}"),
        (None, None) => return title.to_string(),
    };
    if title.contains(&years) {
        title.to_string()
    } else {
        format!("{title} ({years})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unfinished_activities_go_along_with_their_goals() {
        let (g1, g2, g3) = (GoalId::new(1), GoalId::new(2), GoalId::new(3));
        let acts = [
            (ActivityId::new(10), g1, Status::Done),
            (ActivityId::new(11), g1, Status::Ongoing),
            (ActivityId::new(12), g2, Status::Done),
            (ActivityId::new(13), g1, Status::Paused),
            (ActivityId::new(14), g1, Status::NotStarted),
        ];
        let c = carry_over(&[g1, g2, g3], &acts);
        assert_eq!(
            c.activities,
            vec![ActivityId::new(11), ActivityId::new(13), ActivityId::new(14)]
        );
        // g2 is all done; g3 has no activity yet and goes along.
        assert_eq!(c.goals, vec![g1, g3]);
    }

    #[test]
    fn the_next_period_is_as_long_and_follows_on() {
        assert_eq!(next_period(Some(2025), Some(2026), 2026), (2027, 2028));
        assert_eq!(next_period(Some(2024), Some(2026), 2026), (2027, 2029));
        assert_eq!(next_period(None, Some(2026), 2026), (2027, 2028));
        assert_eq!(next_period(None, None, 2026), (2027, 2028));
        assert_eq!(suggested_title("Handlingsplan", 2027, 2028), "Handlingsplan 2027–2028");
        assert_eq!(
            listed("Handlingsplan 2025–2026", Some(2025), Some(2026)),
            "Handlingsplan 2025–2026"
        );
        assert_eq!(
            listed("Handlingsplan", Some(2025), Some(2026)),
            "Handlingsplan (2025–2026)"
        );
        assert_eq!(listed("Handlingsplan", None, None), "Handlingsplan");
    }
}
