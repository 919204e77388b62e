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
}
