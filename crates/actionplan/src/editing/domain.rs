//! The rules of editing the plan: a goal as typed, and moving a row one step in its list.

use crate::domain::{chosen_id, owner_parse, Problem, Problems, TEXT_MAX};
use crate::ids::AreaId;
use crate::table::Owner;
use platform::rules::{self, Invalid};

/// A goal as typed: its area (principle), owner and text.
pub struct GoalInput<'a> {
    pub area: &'a str,
    pub owner: &'a str,
    pub text: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalEdit {
    pub area_id: AreaId,
    pub owner: Owner,
    pub text: String,
}

pub fn validate_goal(input: &GoalInput) -> Result<GoalEdit, Problems> {
    let mut problems: Problems = vec![];
    let area_id = match chosen_id::<AreaId>(input.area) {
        Ok(Some(a)) => Some(a),
        Ok(None) => {
            problems.push(("area", Problem::Rule(Invalid::Required)));
            None
        }
        Err(p) => {
            problems.push(("area", p));
            None
        }
    };
    let owner = owner_parse(input.owner.trim());
    if owner.is_none() {
        problems.push(("owner", Problem::Choose));
    }
    let text = match rules::text(input.text, TEXT_MAX) {
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
    match (area_id, owner) {
        (Some(area_id), Some(owner)) if problems.is_empty() => Ok(GoalEdit { area_id, owner, text }),
        _ => Err(problems),
    }
}

/// A step up or down in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// As a form sends it: "upp" or "ned".
    pub fn parse(s: &str) -> Option<Direction> {
        match s.trim() {
            "upp" => Some(Direction::Up),
            "ned" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The list after moving `id` one step; `None` when it cannot move (the first up, the last down,
/// or not in the list).
pub fn moved<T: Copy + PartialEq>(order: &[T], id: T, d: Direction) -> Option<Vec<T>> {
    let i = order.iter().position(|x| *x == id)?;
    let j = match d {
        Direction::Up => i.checked_sub(1)?,
        Direction::Down if i + 1 < order.len() => i + 1,
        Direction::Down => return None,
    };
    let mut v = order.to_vec();
    v.swap(i, j);
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_moves_one_step_and_not_past_the_ends() {
        let order = [10, 20, 30];
        assert_eq!(moved(&order, 20, Direction::Up), Some(vec![20, 10, 30]));
        assert_eq!(moved(&order, 20, Direction::Down), Some(vec![10, 30, 20]));
        assert_eq!(moved(&order, 10, Direction::Up), None);
        assert_eq!(moved(&order, 30, Direction::Down), None);
        assert_eq!(moved(&order, 40, Direction::Up), None);
        assert_eq!(Direction::parse("ned"), Some(Direction::Down));
        assert_eq!(Direction::parse("sideways"), None);
    }

    #[test]
    fn a_goal_needs_an_area_an_owner_and_a_text() {
        let ok = validate_goal(&GoalInput {
            area: "3",
            owner: "municipality",
            text: " Tydligare kommunicera kontaktvägar ",
        })
        .unwrap();
        assert_eq!(ok.text, "Tydligare kommunicera kontaktvägar");
        assert_eq!(ok.owner, Owner::Municipality);
        let e = validate_goal(&GoalInput {
            area: "",
            owner: "mayor",
            text: "  ",
        })
        .unwrap_err();
        let fields: Vec<&str> = e.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["area", "owner", "text"]);
    }
}
