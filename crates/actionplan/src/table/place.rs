//! The placement routine all readers share: numbered lines of cells in, a plan and its problems
//! out.
//!
//! Rules, in the order they apply:
//! - a line of blank cells is a blank line; it changes nothing (a row may continue below it);
//! - a line whose first cell starts with "#" and whose other cells are empty is a group heading
//!   ("## Aktivitetsplan Grupp 1" → group "Aktivitetsplan Grupp 1"; "##" alone → no group); the
//!   areas below it get that group;
//! - a line whose filled cells hold only dashes (and ":", "|", "=") is a separator;
//! - a line whose first cell is "Område" is a header row; when its other cells are not the
//!   table's (Mål…, …aktiviteter…, Tid, Ansvar, Uppföljning) the rows below it, up to the next
//!   good header row, are [`ProblemKind::UnknownLayout`];
//! - a row with an empty Område cell continues the row above it (blank lines between allowed):
//!   the two are joined cell by cell with a space. This is how seed 003 splits the row
//!   "Utveckla hemsidan och sociala medier" over two lines. With no row above (after a heading,
//!   header row or separator) it is [`ProblemKind::NoArea`];
//! - a line with text in its first cell only, text that is no area, is
//!   [`ProblemKind::UnknownLayout`] (a stray line), as is a row with more than six filled cells;
//! - every other row is placed: its area by number (the first name and group of a number win;
//!   another name for the number is [`ProblemKind::AreaConflict`]), its goal by owner and text
//!   within the area (a goal on several rows is one goal), and its activities, each added once
//!   (a row that repeats another changes nothing).
//!
//! A row gives activities when any of its four activity cells is filled after cleaning: the
//! goal "Två fysiska träffar per år anordnas av kommunen" has the activity with empty text,
//! responsible "Magnus Gunnarsson" and follow-up "Löpande" (an empty activity text with filled
//! cells is kept, so nothing written is lost). A row with an area and nothing else places the
//! area without goals. When the activity cell is an HTML list of two or more items, each item is
//! an activity and the other three cells are split and distributed over them
//! (`clean::split_items`, `clean::distribute`).

use super::clean::{clean_cell, clean_text, distribute, list_items, parse_area, parse_owner, split_items};
use super::{Parsed, Problem, ProblemKind, TableActivity, TableArea, TableGoal, TablePlan};

/// One line as a reader saw it: its 1-based number and its cells, untrimmed.
pub(crate) struct RawLine {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A row of the table, possibly joined from several lines.
struct Row {
    line: usize,
    text: String,
    cells: [String; 6],
    group: Option<String>,
    layout_ok: bool,
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

fn heading(cells: &[String]) -> Option<Option<String>> {
    let first = cells.first()?.trim();
    if !first.starts_with('#') || !is_blank(&cells[1..]) {
        return None;
    }
    let name = clean_text(first.trim_start_matches('#'));
    Some(if name.is_empty() { None } else { Some(name) })
}

fn is_separator(cells: &[String]) -> bool {
    cells.iter().any(|c| !c.trim().is_empty())
        && cells
            .iter()
            .all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | ':' | '|' | '=' | ' ')))
}

/// `Some(true)` for a header row of the table's six columns, `Some(false)` for a header row of
/// other columns, `None` when the line is no header row.
fn header(cells: &[String]) -> Option<bool> {
    let c: Vec<String> = cells.iter().map(|c| clean_cell(c).to_lowercase()).collect();
    if c.first().map(String::as_str) != Some("område") {
        return None;
    }
    let get = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
    let ok = get(1).starts_with("mål")
        && get(2).contains("aktivitet")
        && get(3).starts_with("tid")
        && get(4).starts_with("ansvar")
        && get(5).starts_with("uppföljning")
        && c.iter().skip(6).all(String::is_empty);
    Some(ok)
}

fn line_text(cells: &[String]) -> String {
    cells.join("\t")
}

/// Places every line; see the module documentation for the rules.
pub(crate) fn place(lines: Vec<RawLine>) -> Parsed {
    let mut problems = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    // Whether the last non-blank line was a row that a continuation may join.
    let mut open = false;
    let mut group: Option<String> = None;
    let mut layout_ok = true;

    for RawLine { line, cells } in lines {
        if is_blank(&cells) {
            continue;
        }
        if let Some(g) = heading(&cells) {
            group = g;
            open = false;
            continue;
        }
        if is_separator(&cells) {
            open = false;
            continue;
        }
        if let Some(ok) = header(&cells) {
            layout_ok = ok;
            open = false;
            if !ok {
                problems.push(Problem {
                    line,
                    text: line_text(&cells),
                    reason: ProblemKind::UnknownLayout,
                });
            }
            continue;
        }
        let text = line_text(&cells);
        let too_wide = cells.iter().skip(6).any(|c| !c.trim().is_empty());
        let lone_cell = is_blank(&cells[1..]) && parse_area(&clean_cell(&cells[0])).is_none();
        if too_wide || lone_cell {
            problems.push(Problem {
                line,
                text,
                reason: ProblemKind::UnknownLayout,
            });
            open = false;
            continue;
        }
        let mut six: [String; 6] = Default::default();
        for (slot, cell) in six.iter_mut().zip(cells) {
            *slot = cell;
        }
        if six[0].trim().is_empty() {
            match rows.last_mut() {
                Some(prev) if open => {
                    for (a, b) in prev.cells.iter_mut().zip(six.iter()) {
                        *a = join(a, b);
                    }
                    prev.text.push('\n');
                    prev.text.push_str(&text);
                }
                _ => problems.push(Problem {
                    line,
                    text,
                    reason: ProblemKind::NoArea,
                }),
            }
            continue;
        }
        rows.push(Row {
            line,
            text,
            cells: six,
            group: group.clone(),
            layout_ok,
        });
        open = true;
    }

    let mut plan = TablePlan::default();
    for row in rows {
        if let Err(reason) = place_row(&mut plan, &row) {
            problems.push(Problem {
                line: row.line,
                text: row.text,
                reason,
            });
        }
    }
    problems.sort_by_key(|p| p.line);
    Parsed { plan, problems }
}

/// Two parts of a cell split over lines.
fn join(a: &str, b: &str) -> String {
    match (a.trim(), b.trim()) {
        ("", b) => b.to_string(),
        (a, "") => a.to_string(),
        (a, b) => format!("{a} {b}"),
    }
}

fn place_row(plan: &mut TablePlan, row: &Row) -> Result<(), ProblemKind> {
    if !row.layout_ok {
        return Err(ProblemKind::UnknownLayout);
    }
    let [area_cell, goal_cell, activity, time, responsible, follow_up] = &row.cells;
    let (number, name) = parse_area(&clean_cell(area_cell)).ok_or(ProblemKind::UnknownArea)?;
    if plan.areas.iter().any(|a| a.number == number && a.name != name) {
        return Err(ProblemKind::AreaConflict);
    }
    let (owner, goal_text) = parse_owner(&clean_cell(goal_cell));
    let activities = activities(activity, time, responsible, follow_up);
    let has_goal = !goal_text.is_empty() || owner != super::Owner::Unstated;
    if !has_goal && !activities.is_empty() {
        return Err(ProblemKind::NoGoal);
    }

    let area_index = match plan.areas.iter().position(|a| a.number == number) {
        Some(i) => i,
        None => {
            plan.areas.push(TableArea {
                number,
                name,
                group: row.group.clone(),
                goals: Vec::new(),
            });
            plan.areas.len() - 1
        }
    };
    let area = &mut plan.areas[area_index];
    if !has_goal {
        return Ok(());
    }
    let goal_index = match area.goals.iter().position(|g| g.owner == owner && g.text == goal_text) {
        Some(i) => i,
        None => {
            area.goals.push(TableGoal {
                owner,
                text: goal_text,
                activities: Vec::new(),
            });
            area.goals.len() - 1
        }
    };
    let goal = &mut area.goals[goal_index];
    for a in activities {
        if !goal.activities.contains(&a) {
            goal.activities.push(a);
        }
    }
    Ok(())
}

/// The activities of one row: one, or one per list item; none when all four cells are empty.
fn activities(activity: &str, time: &str, responsible: &str, follow_up: &str) -> Vec<TableActivity> {
    let items: Vec<String> = list_items(activity)
        .unwrap_or_default()
        .iter()
        .map(|i| clean_text(i))
        .collect();
    let all: Vec<TableActivity> = if items.len() >= 2 {
        let n = items.len();
        let times = distribute(split_items(time), n);
        let responsibles = distribute(split_items(responsible), n);
        let follow_ups = distribute(split_items(follow_up), n);
        items
            .into_iter()
            .zip(times)
            .zip(responsibles)
            .zip(follow_ups)
            .map(|(((text, time), responsible), follow_up)| TableActivity {
                text,
                time,
                responsible,
                follow_up,
            })
            .collect()
    } else {
        vec![TableActivity {
            text: clean_cell(activity),
            time: clean_cell(time),
            responsible: clean_cell(responsible),
            follow_up: clean_cell(follow_up),
        }]
    };
    all.into_iter()
        .filter(|a| !(a.text.is_empty() && a.time.is_empty() && a.responsible.is_empty() && a.follow_up.is_empty()))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::{parse_text, Owner};
    use super::*;

    fn kinds(p: &Parsed) -> Vec<(usize, ProblemKind)> {
        p.problems.iter().map(|p| (p.line, p.reason)).collect()
    }

    #[test]
    fn headings_headers_separators_and_blank_lines_are_recognised() {
        let p = parse_text(
            "\n## Grupp A\n\nOmråde\tMål\tAktiviteter\tTid\tAnsvar\tUppföljning\n--\t--\t--\t--\t--\t--\n\
             \t\t\t\t\t\nNr 1 Ett\tMål\t\t\t\t\n|---|:--|\n##\nNr 2 Två\t\t\t\t\t\n",
        );
        assert_eq!(kinds(&p), vec![]);
        let areas: Vec<(u32, Option<&str>, usize)> = p
            .plan
            .areas
            .iter()
            .map(|a| (a.number, a.group.as_deref(), a.goals.len()))
            .collect();
        assert_eq!(areas, vec![(1, Some("Grupp A"), 1), (2, None, 0)]);
    }

    #[test]
    fn a_continuation_joins_the_row_above_even_across_blank_lines() {
        let p = parse_text("Nr 1 Ett\tSala kommun ska:\tA\t\t-Medborgar-\t\n\n\n\tMålet\tB\t2020\tkontoret\tX\n");
        assert_eq!(kinds(&p), vec![]);
        let g = &p.plan.areas[0].goals[0];
        assert_eq!((g.owner, g.text.as_str()), (Owner::Municipality, "Målet"));
        let a = &g.activities[0];
        assert_eq!(
            (
                a.text.as_str(),
                a.time.as_str(),
                a.responsible.as_str(),
                a.follow_up.as_str()
            ),
            ("A B", "2020", "Medborgarkontoret", "X")
        );
    }

    #[test]
    fn a_continuation_without_a_row_above_is_a_problem() {
        let p = parse_text("\tMål\tA\t\t\t\nNr 1 Ett\tMål\t\t\t\t\n--\t--\n\tMer\t\t\t\t\n");
        assert_eq!(kinds(&p), vec![(1, ProblemKind::NoArea), (4, ProblemKind::NoArea)]);
        assert_eq!(p.plan.areas[0].goals[0].text, "Mål");
    }

    #[test]
    fn a_joined_row_that_fails_reports_its_first_line_and_all_its_text() {
        let p = parse_text("Okänt\tMål\tA\t\t\t\n\tmer\t\t\t\t\n");
        assert_eq!(kinds(&p), vec![(1, ProblemKind::UnknownArea)]);
        assert_eq!(p.problems[0].text, "Okänt\tMål\tA\t\t\t\n\tmer\t\t\t\t");
        assert_eq!(p.plan, TablePlan::default());
    }

    #[test]
    fn short_rows_are_padded_and_a_lone_area_is_an_area() {
        let p = parse_text("Nr 3 Kvalitet\nNr 1 Ett\tCivilsamhället ska: X\n");
        assert_eq!(kinds(&p), vec![]);
        assert_eq!(p.plan.areas.len(), 2);
        assert_eq!(p.plan.areas[1].goals[0].owner, Owner::CivilSociety);
    }

    #[test]
    fn a_goal_on_several_rows_is_one_goal_in_first_seen_order() {
        let p = parse_text(
            "Nr 1 Ett\tSala kommun ska: X\tA\t\t\t\nNr 2 Två\tY\t\t\t\t\nNr 1 Ett\tSala kommunen ska: X\tB\t\t\t\n\
             Nr 1 Ett\tCivilsamhället ska: X\tC\t\t\t\n",
        );
        let a = &p.plan.areas[0];
        assert_eq!(a.goals.len(), 2);
        let texts: Vec<&str> = a.goals[0].activities.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, vec!["A", "B"]);
        assert_eq!(p.plan.areas.iter().map(|a| a.number).collect::<Vec<_>>(), vec![1, 2]);
    }
}
