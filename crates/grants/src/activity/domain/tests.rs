use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn kid(key: &str, birth_year: i32, gender: Gender) -> Person {
    Person {
        key: key.into(),
        birth_year,
        gender,
        name: key.into(),
    }
}

/// Four 10-year-olds (two girls, two boys) led by a 30-year-old, 60 minutes of football.
fn meeting(date: &str, start: &str) -> Meeting {
    Meeting {
        group: "P16".into(),
        date: d(date),
        start: t(start),
        minutes: 60,
        activity: "Fotboll".into(),
        leaders: vec![kid("ledare", 1996, Gender::Other)],
        participants: vec![
            kid("a", 2016, Gender::Girl),
            kid("b", 2016, Gender::Girl),
            kid("c", 2016, Gender::Boy),
            kid("e", 2016, Gender::Boy),
        ],
    }
}

fn one(rules: &ActivityRules, m: Meeting) -> Verdict {
    assess(rules, &[m]).verdicts.remove(0)
}

#[test]
fn a_meeting_that_meets_every_rule_counts_with_its_amount() {
    let rules = ActivityRules::lok();
    let v = one(&rules, meeting("2026-03-02", "17:00"));
    assert!(v.counts(), "{v:?}");
    assert_eq!(v.counted_participants, 4);
    // 21 kr per meeting + 4 × 7.86 kr.
    assert_eq!(v.amount_ore, 2100 + 4 * 786);
}

#[test]
fn age_is_counted_by_calendar_year_not_by_birthday() {
    let rules = ActivityRules::lok();
    // Born in 2019: 7 the whole of 2026, even on 1 January before a December birthday.
    let mut m = meeting("2026-01-01", "10:00");
    m.participants = vec![
        kid("a", 2019, Gender::Girl),
        kid("b", 2019, Gender::Girl),
        kid("c", 2019, Gender::Boy),
        // 6 in 2026: too young all year.
        kid("x", 2020, Gender::Boy),
        // 25 in 2026 (born 2001): still counts; 26 (born 2000) does not.
        kid("y", 2001, Gender::Girl),
        kid("z", 2000, Gender::Girl),
    ];
    let v = one(&rules, m);
    assert!(v.counts());
    assert_eq!(v.counted_participants, 4);
    let why: HashMap<_, _> = v.participants.iter().cloned().collect();
    assert_eq!(why["x"], Some(NotCounted::OutsideAge));
    assert_eq!(why["y"], None);
    assert_eq!(why["z"], Some(NotCounted::OutsideAge));
    // The same 2019 children a year earlier were 6.
    let mut earlier = meeting("2025-12-31", "10:00");
    earlier.participants = vec![
        kid("a", 2019, Gender::Girl),
        kid("b", 2019, Gender::Girl),
        kid("c", 2019, Gender::Boy),
    ];
    let v = one(&rules, earlier);
    assert_eq!(v.refusals, vec![Refusal::TooFewParticipants { counted: 0, min: 3 }]);
}

#[test]
fn an_open_band_counts_the_oldest_too() {
    let mut rules = ActivityRules::lok();
    rules.bands.push(AgeBand {
        from: 65,
        to: None,
        weekly_cap: None,
        per_participant_ore: 500,
    });
    let mut m = meeting("2026-03-02", "10:00");
    m.participants = vec![
        kid("p", 1961, Gender::Girl),
        kid("q", 1940, Gender::Boy),
        kid("r", 1962, Gender::Girl),
        kid("s", 1955, Gender::Boy),
    ];
    let v = one(&rules, m);
    // 1962 is 64 in 2026: outside every band; the others are 65, 86 and 71.
    assert!(v.counts());
    assert_eq!(v.counted_participants, 3);
    assert_eq!(v.amount_ore, 2100 + 3 * 500);
}

#[test]
fn too_few_participants_besides_the_leader() {
    let rules = ActivityRules::lok();
    let mut m = meeting("2026-03-02", "17:00");
    m.participants.truncate(2);
    let v = one(&rules, m);
    assert_eq!(v.refusals, vec![Refusal::TooFewParticipants { counted: 2, min: 3 }]);
    assert_eq!(v.amount_ore, 0);
    assert_eq!(v.counted_participants, 0);
}

#[test]
fn a_leader_who_is_also_on_the_list_counts_as_a_leader_only() {
    let rules = ActivityRules::lok();
    let mut m = meeting("2026-03-02", "17:00");
    // A 15-year-old leads and is also listed as a participant; three others remain.
    m.leaders = vec![kid("c", 2011, Gender::Boy)];
    m.participants[2] = kid("c", 2011, Gender::Boy);
    let v = one(&rules, m.clone());
    assert!(v.counts(), "{v:?}");
    assert_eq!(v.counted_participants, 3);
    assert_eq!(v.participants[2], ("c".into(), Some(NotCounted::Leader)));
    // With only two others, the meeting falls short.
    m.participants.remove(0);
    assert_eq!(
        one(&rules, m).refusals,
        vec![Refusal::TooFewParticipants { counted: 2, min: 3 }]
    );
}

#[test]
fn the_leader_must_be_old_enough_by_calendar_year() {
    let rules = ActivityRules::lok();
    let mut m = meeting("2026-03-02", "17:00");
    // 13 in 2026 (born 2013): old enough; born 2014 is 12.
    m.leaders = vec![kid("l", 2013, Gender::Girl)];
    assert!(one(&rules, m.clone()).counts());
    m.leaders = vec![kid("l", 2014, Gender::Girl)];
    assert_eq!(one(&rules, m.clone()).refusals, vec![Refusal::NoLeaderOldEnough]);
    m.leaders.clear();
    assert_eq!(one(&rules, m).refusals, vec![Refusal::NoLeaderOldEnough]);
}

#[test]
fn minimum_minutes_are_a_floor() {
    let rules = ActivityRules::lok();
    let mut m = meeting("2026-03-02", "17:00");
    m.minutes = 45;
    assert!(one(&rules, m.clone()).counts());
    m.minutes = 44;
    assert_eq!(
        one(&rules, m).refusals,
        vec![Refusal::TooShort { minutes: 44, min: 45 }]
    );
}

#[test]
fn no_more_present_than_the_leaders_may_have() {
    let rules = ActivityRules::lok();
    let mut m = meeting("2026-03-02", "17:00");
    m.participants = (0..21).map(|i| kid(&format!("k{i}"), 2014, Gender::Girl)).collect();
    assert_eq!(
        one(&rules, m.clone()).refusals,
        vec![Refusal::TooManyPerLeader {
            present: 21,
            allowed: 20
        }]
    );
    // A second leader old enough allows 40; a 12-year-old helper does not.
    m.leaders.push(kid("helper", 2014, Gender::Boy));
    assert!(!one(&rules, m.clone()).counts());
    m.leaders.push(kid("ledare2", 1990, Gender::Girl));
    let v = one(&rules, m);
    assert!(v.counts());
    // The 12-year-old helper is not on the participant list, so 21 are counted.
    assert_eq!(v.counted_participants, 21);
}

#[test]
fn an_excluded_kind_of_activity_never_counts() {
    let mut rules = ActivityRules::lok();
    rules.excluded_activities = vec!["Bingo".into(), "dans".into()];
    let mut m = meeting("2026-03-02", "17:00");
    m.activity = " bingo ".into();
    assert_eq!(one(&rules, m.clone()).refusals, vec![Refusal::ExcludedActivity]);
    m.activity = "Dansgolv".into();
    assert!(one(&rules, m).counts());
}

#[test]
fn a_participant_counts_once_a_day_the_earliest_meeting_first() {
    let rules = ActivityRules::lok();
    // Given out of order: the evening meeting first, the morning one second.
    let mut evening = meeting("2026-03-02", "18:00");
    evening.group = "P16 kväll".into();
    let morning = meeting("2026-03-02", "09:00");
    let a = assess(&rules, &[evening, morning]);
    assert!(a.verdicts[1].counts());
    assert_eq!(a.verdicts[1].counted_participants, 4);
    // Everybody was counted in the morning: the evening meeting has nobody left.
    assert_eq!(
        a.verdicts[0].refusals,
        vec![Refusal::TooFewParticipants { counted: 0, min: 3 }]
    );
    assert!(a.verdicts[0]
        .participants
        .iter()
        .all(|(_, w)| *w == Some(NotCounted::AlreadyCountedToday)));
    assert_eq!(a.totals.meetings, 1);
    assert_eq!(a.totals.participations, 4);
}

#[test]
fn midnight_belongs_to_the_day_the_meeting_starts() {
    let rules = ActivityRules::lok();
    // 23:30 on Monday running past midnight, and 00:15 on Tuesday: two days, both count.
    let late = meeting("2026-03-02", "23:30");
    let early = meeting("2026-03-03", "00:15");
    let a = assess(&rules, &[late, early]);
    assert!(a.verdicts[0].counts() && a.verdicts[1].counts());
    assert_eq!(a.totals.participations, 8);
}

#[test]
fn the_one_a_day_rule_can_be_turned_off() {
    let mut rules = ActivityRules::lok();
    rules.one_per_day = false;
    let a = assess(
        &rules,
        &[meeting("2026-03-02", "09:00"), meeting("2026-03-02", "18:00")],
    );
    assert_eq!(a.totals.meetings, 2);
}

#[test]
fn weekly_caps_follow_the_age_band_and_the_iso_week() {
    let rules = ActivityRules::lok();
    // A mixed group: two 8-year-olds (cap 3) and three 12-year-olds (cap 5), Monday to Saturday
    // of ISO week 10 of 2026, then the Monday after.
    let days = [
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-07",
        "2026-03-09",
    ];
    let ms: Vec<Meeting> = days
        .iter()
        .map(|day| {
            let mut m = meeting(day, "17:00");
            m.participants = vec![
                kid("small1", 2018, Gender::Girl),
                kid("small2", 2018, Gender::Boy),
                kid("big1", 2014, Gender::Girl),
                kid("big2", 2014, Gender::Boy),
                kid("big3", 2014, Gender::Other),
            ];
            m
        })
        .collect();
    let a = assess(&rules, &ms);
    let counted: Vec<u32> = a.verdicts.iter().map(|v| v.counted_participants).collect();
    // Days 1–3: all five; days 4–5: the three older; day 6: the older have had 5, the younger 3
    // (nobody left, the meeting does not count); the next Monday is a new week.
    assert_eq!(counted, vec![5, 5, 5, 3, 3, 0, 5]);
    assert_eq!(
        a.verdicts[3].participants[0],
        ("small1".into(), Some(NotCounted::WeeklyCap))
    );
    assert_eq!(
        a.verdicts[5].refusals,
        vec![Refusal::TooFewParticipants { counted: 0, min: 3 }]
    );
    assert_eq!(a.totals.per_band, vec![2 * 3 + 2, 3 * 5 + 3]);
    assert_eq!(a.totals.girls + a.totals.boys + a.totals.other, a.totals.participations);
    assert_eq!(a.totals.participations, 26);
}

#[test]
fn the_iso_week_spans_the_new_year() {
    let mut rules = ActivityRules::lok();
    rules.bands[1].weekly_cap = Some(1);
    // Thursday 31 December 2026 and Friday 1 January 2027 are both in ISO week 53 of 2026.
    let a = assess(
        &rules,
        &[meeting("2026-12-31", "17:00"), meeting("2027-01-01", "17:00")],
    );
    assert!(a.verdicts[0].counts());
    assert_eq!(
        a.verdicts[1].refusals,
        vec![Refusal::TooFewParticipants { counted: 0, min: 3 }]
    );
    // Monday 4 January 2027 is week 1.
    let a = assess(
        &rules,
        &[meeting("2026-12-31", "17:00"), meeting("2027-01-04", "17:00")],
    );
    assert_eq!(a.totals.meetings, 2);
}

#[test]
fn a_meeting_that_does_not_count_uses_nobodys_day_or_week() {
    let rules = ActivityRules::lok();
    let mut short = meeting("2026-03-02", "09:00");
    short.minutes = 30;
    let later = meeting("2026-03-02", "18:00");
    let a = assess(&rules, &[short, later]);
    assert!(!a.verdicts[0].counts());
    assert!(a.verdicts[1].counts());
    assert_eq!(a.verdicts[1].counted_participants, 4);
}

#[test]
fn the_same_person_twice_on_a_card_is_counted_once() {
    let rules = ActivityRules::lok();
    let mut m = meeting("2026-03-02", "17:00");
    m.participants.push(kid("a", 2016, Gender::Girl));
    let v = one(&rules, m);
    assert_eq!(v.counted_participants, 4);
    assert_eq!(v.participants[4], ("a".into(), Some(NotCounted::Duplicate)));
}

#[test]
fn totals_split_by_gender_and_band() {
    let rules = ActivityRules::lok();
    let a = assess(
        &rules,
        &[meeting("2026-03-02", "17:00"), meeting("2026-03-03", "17:00")],
    );
    assert_eq!((a.totals.girls, a.totals.boys, a.totals.other), (4, 4, 0));
    assert_eq!(a.totals.per_band, vec![0, 8]);
    assert_eq!(a.totals.amount_ore, 2 * (2100 + 4 * 786));
}

#[test]
fn amounts_per_participant_differ_by_band() {
    let mut rules = ActivityRules::lok();
    rules.per_meeting_ore = 0;
    rules.bands = vec![
        AgeBand {
            from: 7,
            to: Some(12),
            weekly_cap: None,
            per_participant_ore: 700,
        },
        AgeBand {
            from: 13,
            to: Some(18),
            weekly_cap: None,
            per_participant_ore: 1100,
        },
    ];
    let mut m = meeting("2026-03-02", "17:00");
    m.participants = vec![
        kid("a", 2016, Gender::Girl),
        kid("b", 2012, Gender::Boy),
        kid("c", 2010, Gender::Girl),
    ];
    assert_eq!(one(&rules, m).amount_ore, 700 + 1100 + 1100);
}

#[test]
fn a_budget_that_claims_exceed_is_shared_by_the_same_share() {
    assert_eq!(prorate(Some(10_000), &[3_000, 2_000]), vec![3_000, 2_000]);
    assert_eq!(prorate(None, &[3_000, 2_000]), vec![3_000, 2_000]);
    // 12 000 claimed of 6 000: each gets half.
    assert_eq!(prorate(Some(6_000), &[8_000, 4_000]), vec![4_000, 2_000]);
    // Rounded down, never over the budget.
    let shares = prorate(Some(1_000), &[1, 1, 1_000]);
    assert_eq!(shares, vec![0, 0, 998]);
    assert!(shares.iter().sum::<i64>() <= 1_000);
    assert_eq!(prorate(Some(0), &[500]), vec![0]);
    assert_eq!(prorate(Some(100), &[]), Vec::<i64>::new());
}
