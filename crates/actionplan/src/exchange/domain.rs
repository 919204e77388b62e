//! Importing and exporting the seed-003 table, without I/O: how an imported table is matched
//! against the plan already stored (so that importing the same table twice changes nothing),
//! and the draft a checked import is kept as until the coordinator confirms it.

use crate::domain::{owner_parse, owner_str};
use crate::table::{Owner, TableActivity, TableArea, TableGoal, TablePlan};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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

/// The table plan as a draft keeps it until the coordinator confirms.
#[derive(Serialize, Deserialize)]
pub struct DraftArea {
    number: u32,
    name: String,
    group: Option<String>,
    goals: Vec<(String, String, Vec<[String; 4]>)>,
}

pub fn to_draft(plan: &TablePlan) -> Vec<DraftArea> {
    plan.areas
        .iter()
        .map(|a| DraftArea {
            number: a.number,
            name: a.name.clone(),
            group: a.group.clone(),
            goals: a
                .goals
                .iter()
                .map(|g| {
                    (
                        owner_str(g.owner).to_string(),
                        g.text.clone(),
                        g.activities
                            .iter()
                            .map(|x| {
                                [
                                    x.text.clone(),
                                    x.time.clone(),
                                    x.responsible.clone(),
                                    x.follow_up.clone(),
                                ]
                            })
                            .collect(),
                    )
                })
                .collect(),
        })
        .collect()
}

pub fn from_draft(d: Vec<DraftArea>) -> TablePlan {
    TablePlan {
        areas: d
            .into_iter()
            .map(|a| TableArea {
                number: a.number,
                name: a.name,
                group: a.group,
                goals: a
                    .goals
                    .into_iter()
                    .map(|(o, text, acts)| TableGoal {
                        owner: owner_parse(&o).unwrap_or(Owner::Unstated),
                        text,
                        activities: acts
                            .into_iter()
                            .map(|[text, time, responsible, follow_up]| TableActivity {
                                text,
                                time,
                                responsible,
                                follow_up,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
