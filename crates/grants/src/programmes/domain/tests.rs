use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_premises_grant_is_a_share_of_net_costs_under_a_cap() {
    let r = PremisesRules {
        share_percent: 60,
        yearly_cap_ore: 3_500_000,
    };
    // 40 000 kr of rent, 10 000 kr let out: 60 % of 30 000 = 18 000 kr.
    assert_eq!(premises_grant(&r, 4_000_000, 1_000_000), 1_800_000);
    // 100 000 kr net would be 60 000 kr: capped at 35 000 kr.
    assert_eq!(premises_grant(&r, 10_000_000, 0), 3_500_000);
    // More income than costs: nothing, never a negative grant.
    assert_eq!(premises_grant(&r, 1_000_000, 2_000_000), 0);
}

#[test]
fn a_start_grant_needs_members_and_no_recent_start() {
    let r = StartRules {
        amount_ore: 200_000,
        min_members: 15,
        no_restart_years: 3,
    };
    assert_eq!(start_grant(&r, 15, None, 2027), Ok(200_000));
    assert_eq!(
        start_grant(&r, 14, None, 2027),
        Err(StartRefusal::TooFewMembers { members: 14, min: 15 })
    );
    // A start grant in 2024 blocks 2025, 2026 and 2027; 2028 is allowed.
    assert_eq!(
        start_grant(&r, 20, Some(2024), 2027),
        Err(StartRefusal::RecentStart { year: 2024 })
    );
    assert_eq!(start_grant(&r, 20, Some(2024), 2028), Ok(200_000));
}

#[test]
fn a_project_is_applied_for_weeks_before_and_reported_weeks_after() {
    let r = ProjectRules {
        apply_weeks_before: 8,
        report_weeks_after: 8,
    };
    assert_eq!(r.apply_by(d("2027-06-05")), d("2027-04-10"));
    assert_eq!(r.report_by(d("2027-06-06")), d("2027-08-01"));
}

#[test]
fn each_later_year_of_a_multi_year_grant_waits_for_the_report_before_it() {
    assert_eq!(multi_year_payable(3, &[]), 1);
    assert_eq!(multi_year_payable(3, &[true]), 2);
    assert_eq!(multi_year_payable(3, &[false, true]), 1);
    assert_eq!(multi_year_payable(3, &[true, true, true]), 3);
    assert_eq!(multi_year_payable(0, &[true]), 0);
}

#[test]
fn rules_are_stored_with_their_kind_and_read_back() {
    for kind in Kind::ALL {
        let rules = kind.default_rules();
        assert_eq!(rules.kind(), kind);
        let json = serde_json::to_string(&rules).unwrap();
        assert!(json.contains(&format!("\"kind\":\"{}\"", kind.code())), "{json}");
        assert_eq!(serde_json::from_str::<Rules>(&json).unwrap(), rules);
        assert_eq!(Kind::parse(kind.code()), Some(kind));
    }
    assert_eq!(Kind::parse("lottery"), None);
}

#[test]
fn a_programme_needs_a_kind_and_a_name() {
    let ok = validate_programme("start", "  Startbidrag ", "", "Minst 15 medlemmar.").unwrap();
    assert_eq!(ok.kind, Kind::Start);
    assert_eq!(ok.name, "Startbidrag");
    let err = validate_programme("", " ", "", "").unwrap_err();
    assert_eq!(err, vec![("kind", Invalid::Required), ("name", Invalid::Required)]);
    let long = "x".repeat(NAME_MAX + 1);
    assert_eq!(
        validate_programme("start", &long, "", "").unwrap_err(),
        vec![("name", Invalid::TooLong(NAME_MAX))]
    );
}

fn period(opens: &str, deadline: &str) -> PeriodInput {
    PeriodInput {
        name: "Våren 2027".into(),
        starts_on: "2027-01-01".into(),
        ends_on: "2027-06-30".into(),
        opens_on: opens.into(),
        deadline: deadline.into(),
        budget: "1 500 000".into(),
    }
}

#[test]
fn a_period_is_open_through_its_deadline_day() {
    let p = validate_period(&period("2027-07-01", "2027-08-25")).unwrap();
    assert_eq!(p.budget_ore, 150_000_000);
    assert_eq!(p.dates.state(d("2027-06-30")), PeriodState::Upcoming);
    assert_eq!(p.dates.state(d("2027-07-01")), PeriodState::Open);
    assert_eq!(p.dates.state(d("2027-08-25")), PeriodState::Open);
    assert_eq!(p.dates.state(d("2027-08-26")), PeriodState::Closed);
}

#[test]
fn a_periods_dates_and_budget_are_checked() {
    let err = validate_period(&period("2027-08-25", "2027-07-01")).unwrap_err();
    assert_eq!(err, vec![("deadline", PeriodProblem::Order)]);
    let mut bad = period("25/8", "");
    bad.budget = "en miljon".into();
    bad.ends_on = "2026-12-31".into();
    let err = validate_period(&bad).unwrap_err();
    assert_eq!(
        err,
        vec![
            ("opens_on", PeriodProblem::Date),
            ("deadline", PeriodProblem::Rule(Invalid::Required)),
            ("ends_on", PeriodProblem::Order),
            ("budget", PeriodProblem::Amount),
        ]
    );
}

#[test]
fn kronor_are_read_and_written_the_swedish_way() {
    assert_eq!(kronor("1 500 000"), Some(150_000_000));
    assert_eq!(kronor("35000 kr"), Some(3_500_000));
    assert_eq!(kronor("0"), Some(0));
    assert_eq!(kronor("-5"), None);
    assert_eq!(kronor("1,5"), None);
    assert_eq!(kronor(""), None);
    assert_eq!(format_kronor(150_000_000), "1\u{a0}500\u{a0}000\u{a0}kr");
    assert_eq!(format_kronor(786), "7,86\u{a0}kr");
    assert_eq!(format_kronor(100), "1\u{a0}kr");
    assert_eq!(format_count(5_000), "5\u{a0}000");
    assert_eq!(format_count(2_451), "2\u{a0}451");
    assert_eq!(format_count(200), "200");
    assert_eq!(format_count(0), "0");
    assert_eq!(format_kronor(0), "0\u{a0}kr");
}

#[test]
fn the_usual_requirements_are_listed_in_order() {
    let ids: Vec<_> = Eligibility::usual().listed().into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "grants-req-confirmed",
            "grants-req-org-number",
            "grants-req-board",
            "grants-req-statutes",
            "grants-req-giro",
            "grants-req-democracy"
        ]
    );
    let with_signed = Eligibility {
        signed_agreement: true,
        ..Eligibility::default()
    };
    assert_eq!(with_signed.listed(), vec![("grants-req-signed", None)]);
}
