use super::*;

#[test]
fn kronor_are_read_with_spaces_and_ore_after_a_comma() {
    assert_eq!(kronor_ore("1 500"), Some(150_000));
    assert_eq!(kronor_ore("1\u{a0}500 kr"), Some(150_000));
    assert_eq!(kronor_ore("7,86"), Some(786));
    assert_eq!(kronor_ore("7,5"), Some(750));
    assert_eq!(kronor_ore("0"), Some(0));
    assert_eq!(kronor_ore("35 000 KR"), Some(3_500_000));
    for bad in ["", "7,", ",50", "7,865", "7.86", "-5", "fem", "1 2,3,4", "123456789012"] {
        assert_eq!(kronor_ore(bad), None, "{bad}");
    }
}

#[test]
fn ore_are_shown_so_that_they_read_back() {
    assert_eq!(ore_text(786), "7,86");
    assert_eq!(ore_text(2100), "21");
    assert_eq!(ore_text(3_500_000), "35 000");
    assert_eq!(ore_text(150_000_005), "1 500 000,05");
    for ore in [0, 5, 786, 2100, 3_500_000, 150_000_005] {
        assert_eq!(kronor_ore(&ore_text(ore)), Some(ore));
    }
}

fn band(from: u32, to: Option<u32>, ore: i64, cap: Option<u32>) -> AgeBand {
    AgeBand {
        from,
        to,
        weekly_cap: cap,
        per_participant_ore: ore,
    }
}

#[test]
fn bands_are_read_one_a_line() {
    let typed = "7–9; 7,86; 3\r\n\n10-25;8;5\n65–; 8\n26 ; 10 ;\n";
    assert_eq!(
        parse_bands(typed),
        Ok(vec![
            band(7, Some(9), 786, Some(3)),
            band(10, Some(25), 800, Some(5)),
            band(65, None, 800, None),
            band(26, Some(26), 1000, None),
        ])
    );
    assert_eq!(parse_bands("65+; 8; 2").unwrap()[0].to, None);
    // What the form shows reads back as the same bands.
    let lok = ActivityRules::lok().bands;
    assert_eq!(bands_text(&lok), "7–9; 7,86; 3\n10–25; 7,86; 5");
    assert_eq!(parse_bands(&bands_text(&lok)), Ok(lok));
}

#[test]
fn every_wrong_band_line_is_told_with_its_number() {
    let typed = "7–9; 7,86; 3\nsju; 7,86; 3\n\n12–10; 5\n10–25; 7.86; 5\n10–12; 5; 0\n7–9\n20–; 5; 3";
    let line = |line, why| RuleProblem::Band { line, why };
    assert_eq!(
        parse_bands(typed),
        Err(vec![
            line(2, BandProblem::Ages),
            line(4, BandProblem::AgeOrder),
            line(5, BandProblem::Amount),
            line(6, BandProblem::Cap),
            line(7, BandProblem::Parts),
        ])
    );
    // Ages shared by two bands: the later line names the earlier.
    assert_eq!(
        parse_bands("7–9; 5; 3\n10–25; 5; 5\n25–; 5"),
        Err(vec![line(3, BandProblem::Overlap { line: 2 })])
    );
    assert_eq!(parse_bands("131–; 5"), Err(vec![line(1, BandProblem::Ages)]));
    assert_eq!(parse_bands("7–9; 5; 51"), Err(vec![line(1, BandProblem::Cap)]));
    assert_eq!(parse_bands("7–9; 5; 3; 4"), Err(vec![line(1, BandProblem::Parts)]));
    assert_eq!(parse_bands(" \n "), Err(vec![RuleProblem::NoBands]));
    let many: Vec<String> = (0..=BANDS_MAX as u32).map(|a| format!("{a}; 1")).collect();
    assert_eq!(parse_bands(&many.join("\n")), Err(vec![RuleProblem::TooManyBands]));
    assert_eq!(BandProblem::Overlap { line: 1 }.message_id(), "grants-band-err-overlap");
}

fn lok_input() -> RulesInput {
    RulesInput::of(&Rules::Activity(ActivityRules::lok()))
}

#[test]
fn the_activity_rules_read_back_from_their_fields() {
    let i = lok_input();
    assert_eq!(i.per_meeting, "21");
    assert_eq!(i.max_per_leader, "20");
    assert_eq!(i.one_per_day, "on");
    assert_eq!(
        parse_rules(Kind::Activity, &i),
        Ok(Rules::Activity(ActivityRules::lok()))
    );

    let changed = RulesInput {
        min_minutes: "60".into(),
        max_per_leader: " ".into(),
        one_per_day: String::new(),
        per_meeting: "25,50".into(),
        excluded: "Bingo\n\n dans \nBINGO".into(),
        bands: "7–12; 9; 4".into(),
        ..lok_input()
    };
    let Ok(Rules::Activity(r)) = parse_rules(Kind::Activity, &changed) else {
        panic!("the changed rules are refused");
    };
    assert_eq!(r.min_minutes, 60);
    assert_eq!(r.max_per_leader, None, "empty is no limit");
    assert!(!r.one_per_day);
    assert_eq!(r.per_meeting_ore, 2550);
    assert_eq!(r.excluded_activities, ["Bingo", "dans"]);
    assert_eq!(r.bands, [band(7, Some(12), 900, Some(4))]);
}

#[test]
fn wrong_activity_fields_are_each_told() {
    let wrong = RulesInput {
        min_participants: "".into(),
        min_minutes: "0".into(),
        max_per_leader: "många".into(),
        min_leader_age: "101".into(),
        per_meeting: "21 kronor".into(),
        excluded: format!("Bingo\n{}", "x".repeat(EXCLUDED_LEN_MAX + 1)),
        bands: "7–9; 7,86; 3\n5–8; 1".into(),
        ..lok_input()
    };
    assert_eq!(
        parse_rules(Kind::Activity, &wrong),
        Err(vec![
            ("min_participants", RuleProblem::Required),
            ("min_minutes", RuleProblem::Number { min: 1, max: 1440 }),
            ("max_per_leader", RuleProblem::Number { min: 1, max: 1000 }),
            ("min_leader_age", RuleProblem::Number { min: 0, max: 100 }),
            ("per_meeting", RuleProblem::Amount),
            ("excluded", RuleProblem::ExcludedTooLong { line: 2 }),
            (
                "bands",
                RuleProblem::Band {
                    line: 2,
                    why: BandProblem::Overlap { line: 1 }
                }
            ),
        ])
    );
    let many: Vec<String> = (0..=EXCLUDED_MAX).map(|i| format!("Aktivitet {i}")).collect();
    let too_many = RulesInput {
        excluded: many.join("\n"),
        ..lok_input()
    };
    assert_eq!(
        parse_rules(Kind::Activity, &too_many),
        Err(vec![("excluded", RuleProblem::TooManyExcluded)])
    );
}

#[test]
fn the_other_kinds_read_their_own_fields() {
    for kind in Kind::ALL {
        let rules = kind.default_rules();
        assert_eq!(parse_rules(kind, &RulesInput::of(&rules)), Ok(rules), "{kind:?}");
    }
    let premises = RulesInput {
        share_percent: "75".into(),
        yearly_cap: "40 000".into(),
        ..RulesInput::default()
    };
    assert_eq!(
        parse_rules(Kind::Premises, &premises),
        Ok(Rules::Premises(PremisesRules {
            share_percent: 75,
            yearly_cap_ore: 4_000_000
        }))
    );
    assert_eq!(
        parse_rules(
            Kind::Premises,
            &RulesInput {
                share_percent: "101".into(),
                ..premises
            }
        ),
        Err(vec![("share_percent", RuleProblem::Number { min: 1, max: 100 })])
    );
    let start = RulesInput {
        amount: "2 500".into(),
        min_members: "10".into(),
        no_restart_years: "".into(),
        ..RulesInput::default()
    };
    assert_eq!(
        parse_rules(Kind::Start, &start),
        Err(vec![("no_restart_years", RuleProblem::Required)])
    );
    assert_eq!(
        parse_rules(
            Kind::Project,
            &RulesInput {
                apply_weeks_before: "4".into(),
                report_weeks_after: "105".into(),
                ..RulesInput::default()
            }
        ),
        Err(vec![("report_weeks_after", RuleProblem::Number { min: 0, max: 104 })])
    );
    assert_eq!(
        parse_rules(
            Kind::Operating,
            &RulesInput {
                amount: "5 000,00".into(),
                ..RulesInput::default()
            }
        ),
        Ok(Rules::Operating(OperatingRules { amount_ore: 500_000 }))
    );
    assert_eq!(
        parse_rules(Kind::MultiYear, &RulesInput::default()),
        Err(vec![("max_years", RuleProblem::Required)])
    );
    assert_eq!(
        parse_rules(
            Kind::MultiYear,
            &RulesInput {
                max_years: "11".into(),
                ..RulesInput::default()
            }
        ),
        Err(vec![("max_years", RuleProblem::Number { min: 1, max: 10 })])
    );
}

#[test]
fn the_requirements_read_back_and_their_numbers_are_bounded() {
    let usual = Eligibility::usual();
    assert_eq!(parse_eligibility(&EligibilityInput::of(&usual)), Ok(usual));
    let none = EligibilityInput::default();
    assert_eq!(parse_eligibility(&none), Ok(Eligibility::default()));
    let some = EligibilityInput {
        confirmed_within_months: "6".into(),
        signed_agreement: "on".into(),
        ..EligibilityInput::default()
    };
    let read = parse_eligibility(&some).unwrap();
    assert_eq!(read.confirmed_within_months, Some(6));
    assert_eq!(read.min_board, None);
    assert!(read.signed_agreement && !read.giro);
    let wrong = EligibilityInput {
        confirmed_within_months: "0".into(),
        min_board: "tre".into(),
        ..EligibilityInput::default()
    };
    assert_eq!(
        parse_eligibility(&wrong),
        Err(vec![
            ("confirmed_within_months", RuleProblem::Number { min: 1, max: 24 }),
            ("min_board", RuleProblem::Number { min: 1, max: 50 }),
        ])
    );
}

#[test]
fn the_attachments_ticked_are_kept_in_the_usual_order() {
    let posted: Vec<(String, String)> = [
        ("_csrf", "x"),
        ("doc-budget", "on"),
        ("doc-verksamhetsberattelse", "on"),
        ("doc-stadgar", ""),
        ("doc-okand", "on"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(
        parse_attachments(&posted),
        [Attachment::Verksamhetsberattelse, Attachment::Budget]
    );
    assert!(parse_attachments(&[]).is_empty());
    assert_eq!(
        attachment_field(Attachment::EkonomiskRedovisning),
        "doc-ekonomisk-redovisning"
    );
}
