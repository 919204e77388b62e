//! The rules of the link between areas and principles, without I/O.

use agreement::public::Principle;

/// The field of a principle in the area's form.
pub fn field_name(position: i64) -> String {
    format!("princip-{position}")
}

/// The principles ticked in a posted form, among those offered, in the agreement's order.
pub fn ticked(offered: &[Principle], is_ticked: impl Fn(&str) -> bool) -> Vec<i64> {
    offered
        .iter()
        .map(|p| p.position)
        .filter(|n| is_ticked(&field_name(*n)))
        .collect()
}

/// "1. Självständighet och oberoende, 2. Dialog" for the positions that name a principle in
/// force (a number the agreement no longer has is left out).
pub fn names(principles: &[Principle], positions: &[i64]) -> String {
    principles
        .iter()
        .filter(|p| positions.contains(&p.position))
        .map(|p| format!("{}. {}", p.position, p.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many activities of an area have each status: (area, area's number, area's name, status
/// as stored, count).
pub type AreaCount = (crate::ids::AreaId, i64, String, String, i64);

/// One row of the plan's progress: what it counts (a principle or an area), its number, and the
/// activities done, ongoing, not started, and paused or late.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub number: i64,
    pub name: String,
    /// A principle's row (else an area's).
    pub principle: bool,
    pub counts: [u32; 4],
}

/// The column of a stored status in [`Progress::counts`].
fn column(status: &str) -> Option<usize> {
    match status {
        "done" => Some(0),
        "ongoing" => Some(1),
        "not_started" => Some(2),
        "paused" => Some(3),
        _ => None,
    }
}

/// The plan's progress per principle: an area's activities count for every principle it works
/// on. When no area names a principle (or no agreement is in force), per area instead, so the
/// start page still shows the plan's progress.
pub fn progress(principles: &[Principle], links: &[(crate::ids::AreaId, i64)], counts: &[AreaCount]) -> Vec<Progress> {
    let linked = !principles.is_empty() && links.iter().any(|(_, n)| principles.iter().any(|p| p.position == *n));
    if linked {
        return principles
            .iter()
            .map(|p| {
                let mut row = Progress {
                    number: p.position,
                    name: p.name.clone(),
                    principle: true,
                    counts: [0; 4],
                };
                for (area, _, _, status, n) in counts {
                    let works_on = links.iter().any(|(a, pos)| a == area && *pos == p.position);
                    if let (true, Some(c)) = (works_on, column(status)) {
                        row.counts[c] += u32::try_from(*n).unwrap_or(0);
                    }
                }
                row
            })
            .collect();
    }
    let mut rows: Vec<Progress> = Vec::new();
    for (_, number, name, status, n) in counts {
        let i = match rows.iter().position(|r| r.number == *number && r.name == *name) {
            Some(i) => i,
            None => {
                rows.push(Progress {
                    number: *number,
                    name: name.clone(),
                    principle: false,
                    counts: [0; 4],
                });
                rows.len() - 1
            }
        };
        if let Some(c) = column(status) {
            rows[i].counts[c] += u32::try_from(*n).unwrap_or(0);
        }
    }
    rows.sort_by_key(|r| r.number);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(position: i64, name: &str) -> Principle {
        Principle {
            position,
            name: name.into(),
        }
    }

    #[test]
    fn ticked_principles_are_read_among_those_offered() {
        let offered = [p(1, "Självständighet och oberoende"), p(2, "Dialog"), p(3, "Kvalitet")];
        let posted = ["princip-3", "princip-1", "princip-9"];
        assert_eq!(ticked(&offered, |n| posted.contains(&n)), [1, 3]);
        assert_eq!(
            names(&offered, &[3, 1, 9]),
            "1. Självständighet och oberoende, 3. Kvalitet"
        );
        assert_eq!(names(&offered, &[]), "");
    }

    #[test]
    fn progress_counts_an_area_for_each_principle_it_works_on() {
        use crate::ids::AreaId;
        let principles = [p(1, "Självständighet"), p(2, "Dialog"), p(3, "Kvalitet")];
        let (a1, a2) = (AreaId::new(10), AreaId::new(11));
        let links = [(a1, 1), (a2, 1), (a2, 2)];
        let counts = [
            (a1, 1, "Nr 1".to_string(), "done".to_string(), 2),
            (a1, 1, "Nr 1".to_string(), "ongoing".to_string(), 1),
            (a2, 2, "Nr 2".to_string(), "paused".to_string(), 3),
            (a2, 2, "Nr 2".to_string(), "not_started".to_string(), 1),
        ];
        let rows = progress(&principles, &links, &counts);
        assert_eq!(rows.len(), 3);
        assert_eq!((rows[0].number, rows[0].counts), (1, [2, 1, 1, 3]));
        assert_eq!((rows[1].number, rows[1].counts), (2, [0, 0, 1, 3]));
        assert_eq!((rows[2].number, rows[2].counts), (3, [0; 4]));
        assert!(rows.iter().all(|r| r.principle));
    }

    #[test]
    fn without_links_progress_is_counted_per_area() {
        use crate::ids::AreaId;
        let (a1, a2) = (AreaId::new(10), AreaId::new(11));
        let counts = [
            (a2, 2, "Dialog".to_string(), "done".to_string(), 1),
            (a1, 1, "Självständighet".to_string(), "ongoing".to_string(), 4),
        ];
        let rows = progress(&[p(1, "Självständighet")], &[], &counts);
        assert_eq!(
            rows.iter()
                .map(|r| (r.number, r.counts, r.principle))
                .collect::<Vec<_>>(),
            [(1, [0, 4, 0, 0], false), (2, [1, 0, 0, 0], false)]
        );
    }
}
