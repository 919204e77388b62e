use super::*;
use crate::programmes::domain::{Kind, ProjectRules, Rules, StartRules};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn input(pairs: &[(&str, &str)]) -> FormInput {
    let map: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    serde_json::from_value(serde_json::to_value(map).unwrap()).unwrap()
}

#[test]
fn the_premises_grant_is_counted_from_costs_and_income() {
    let rules = Kind::Premises.default_rules();
    let c = check(
        &rules,
        &input(&[
            ("purpose", "Hyra av klubblokal"),
            ("costs", "40 000"),
            ("income", "10000"),
        ]),
        "a@example.se",
    )
    .unwrap();
    // 60 % of 30 000 kr.
    assert_eq!(c.applied_ore, Some(1_800_000));
    assert_eq!(c.details.costs_ore, Some(4_000_000));
    // The cap of 35 000 kr.
    let c = check(&rules, &input(&[("costs", "100000")]), "a@example.se").unwrap();
    assert_eq!(c.applied_ore, Some(3_500_000));
}

#[test]
fn typed_fields_must_be_well_formed_but_a_draft_may_leave_them_empty() {
    let rules = Kind::Project.default_rules();
    let empty = check(&rules, &input(&[]), "a@example.se").unwrap();
    assert_eq!(empty.applied_ore, Some(0));
    let bad = check(
        &rules,
        &input(&[
            ("amount", "12,5"),
            ("starts_on", "2027-05-01"),
            ("ends_on", "2027-04-01"),
            ("co_signer", "A@Example.se"),
        ]),
        "a@example.se",
    )
    .unwrap_err();
    assert!(bad.contains(&("amount", Problem::Amount)), "{bad:?}");
    assert!(bad.contains(&("ends_on", Problem::Order)), "{bad:?}");
    assert!(bad.contains(&("co_signer", Problem::SameCoSigner)), "{bad:?}");
}

#[test]
fn a_multi_year_grant_is_for_at_most_the_programmes_years() {
    let rules = Kind::MultiYear.default_rules();
    let bad = check(&rules, &input(&[("years", "4"), ("amount", "50000")]), "a@example.se").unwrap_err();
    assert_eq!(bad, vec![("years", Problem::Years(3))]);
    let ok = check(&rules, &input(&[("years", "2"), ("amount", "50000")]), "a@example.se").unwrap();
    assert_eq!((ok.years, ok.applied_ore), (2, Some(5_000_000)));
}

#[test]
fn fields_of_another_kind_are_ignored() {
    let rules = Kind::Operating.default_rules();
    let c = check(
        &rules,
        &input(&[("amount", "2000"), ("costs", "not a number")]),
        "a@example.se",
    )
    .unwrap();
    assert_eq!(c.applied_ore, Some(200_000));
    assert_eq!(c.details.costs_ore, None);
}

#[test]
fn a_project_must_be_applied_for_weeks_before_it_starts() {
    let rules = Rules::Project(ProjectRules {
        apply_weeks_before: 8,
        report_weeks_after: 8,
    });
    let details = Details {
        starts_on: Some(d("2027-03-01")),
        ends_on: Some(d("2027-03-31")),
        ..Details::default()
    };
    // 2027-03-01 minus 8 weeks is 2027-01-04: that day is still in time, the next is not.
    assert!(missing(&rules, "Projekt", 100_000, &details, None, d("2027-01-04")).is_empty());
    assert_eq!(
        missing(&rules, "Projekt", 100_000, &details, None, d("2027-01-05")),
        vec![Missing::TooLateForProject(d("2027-01-04"))]
    );
}

#[test]
fn a_start_grant_needs_members_and_no_recent_start() {
    let rules = Rules::Start(StartRules {
        amount_ore: 200_000,
        min_members: 15,
        no_restart_years: 3,
    });
    let with = |members| Details {
        members: Some(members),
        ..Details::default()
    };
    let today = d("2027-03-01");
    assert_eq!(
        missing(&rules, "Ny förening", 200_000, &with(14), None, today),
        vec![Missing::TooFewMembers { members: 14, min: 15 }]
    );
    assert_eq!(
        missing(&rules, "Ny förening", 200_000, &with(20), Some(2025), today),
        vec![Missing::RecentStart(2025)]
    );
    assert!(missing(&rules, "Ny förening", 200_000, &with(20), Some(2023), today).is_empty());
}

#[test]
fn activity_support_needs_counted_attendance() {
    let rules = Kind::Activity.default_rules();
    assert_eq!(
        missing(&rules, "", 0, &Details::default(), None, d("2027-01-01")),
        vec![Missing::Purpose, Missing::Attendance]
    );
}

#[test]
fn stored_answers_round_trip() {
    let s = Stored {
        details: Details {
            members: Some(20),
            ..Details::default()
        },
        questions: [("q1".to_string(), "Ja".to_string())].into(),
    };
    assert_eq!(Stored::parse(&s.to_json()), s);
    assert_eq!(Stored::parse("not json"), Stored::default());
}
