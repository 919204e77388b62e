use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn year(n: u32, due: Option<&str>, approved: Option<&str>) -> Year {
    Year {
        year: n,
        report_due_on: due.map(d),
        report_approved_on: approved.map(d),
    }
}

#[test]
fn year_one_is_payable_on_the_decision_and_later_years_after_the_report_before_them() {
    let decided = d("2027-03-10");
    let today = d("2029-06-01");
    let mut years = vec![
        year(1, Some("2028-03-01"), None),
        year(2, Some("2029-03-01"), None),
        year(3, Some("2030-03-01"), None),
    ];
    assert_eq!(payable_on(decided, &years, 1, today), Some(decided));
    assert_eq!(
        payable_on(decided, &years, 2, today),
        None,
        "year 1's report is missing"
    );
    assert_eq!(payable_on(decided, &years, 3, today), None);
    years[0].report_approved_on = Some(d("2028-02-20"));
    assert_eq!(payable_on(decided, &years, 2, today), Some(d("2028-02-20")));
    assert_eq!(
        payable_on(decided, &years, 3, today),
        None,
        "year 2's report is missing"
    );
    // Year 2's report approved while year 1's is not: year 3 still waits (the run breaks).
    years[0].report_approved_on = None;
    years[1].report_approved_on = Some(d("2029-02-01"));
    assert_eq!(payable_on(decided, &years, 3, today), None);
    assert_eq!(payable_on(decided, &years, 0, today), None);
    assert_eq!(payable_on(decided, &years, 4, today), None);
}

#[test]
fn nothing_is_payable_before_its_day() {
    let years = vec![year(1, None, None)];
    assert_eq!(payable_on(d("2027-03-10"), &years, 1, d("2027-03-09")), None);
    assert_eq!(
        payable_on(d("2027-03-10"), &years, 1, d("2027-03-10")),
        Some(d("2027-03-10"))
    );
}

#[test]
fn a_year_after_one_without_report_waits_for_the_anniversary() {
    let years = vec![year(1, None, None), year(2, None, None)];
    let decided = d("2027-03-10");
    assert_eq!(payable_on(decided, &years, 2, d("2028-03-09")), None);
    assert_eq!(payable_on(decided, &years, 2, d("2028-03-10")), Some(d("2028-03-10")));
}

#[test]
fn an_approval_before_the_decision_counts_from_the_decision() {
    let years = vec![year(1, Some("2027-01-01"), Some("2027-01-05")), year(2, None, None)];
    assert_eq!(
        payable_on(d("2027-03-10"), &years, 2, d("2027-04-01")),
        Some(d("2027-03-10"))
    );
}

#[test]
fn the_reference_is_the_case_number_and_the_year() {
    assert_eq!(reference(Some("KFN 2027/0042"), 2), "KFN 2027/0042 år 2");
    assert_eq!(reference(Some(" "), 1), "år 1");
    assert_eq!(reference(None, 1), "år 1");
}

#[test]
fn accounts_are_checked_as_the_registry_checks_them() {
    let ok = account(Some(&(GiroKind::Bankgiro, "5402-9681".to_string()))).unwrap();
    assert_eq!(ok.number(), "5402-9681");
    assert_eq!(
        account(Some(&(GiroKind::Bankgiro, "5402-9682".to_string()))),
        Err(AccountProblem::Invalid)
    );
    assert_eq!(account(None), Err(AccountProblem::Missing));
    assert!(account(Some(&(GiroKind::Plusgiro, "4105468-5".to_string()))).is_ok());
}

#[test]
fn amounts_are_written_with_a_decimal_comma() {
    assert_eq!(amount_cell(2_500_000), "25000,00");
    assert_eq!(amount_cell(786), "7,86");
    assert_eq!(amount_cell(5), "0,05");
    assert_eq!(amount_cell(-150), "-1,50");
}

fn row(id: i64, association: &str, giro: Option<&str>, amount_ore: i64) -> PayoutRow {
    PayoutRow {
        installment_id: InstallmentId::new(id),
        application_id: ApplicationId::new(id),
        organisation_id: OrganisationId::new(id),
        org_number: "802002-4280".into(),
        association: association.into(),
        account: account(giro.map(|g| (GiroKind::Bankgiro, g.to_string())).as_ref()),
        amount_ore,
        year: 1,
        reference: format!("KFN 2027/{id:04} år 1"),
        decided_on: d("2027-03-10"),
        programme: "Verksamhetsbidrag".into(),
    }
}

#[test]
fn lists_group_by_day_and_export_only_rows_with_a_valid_account() {
    let lists = lists(vec![
        (d("2027-04-01"), row(3, "Örebro kör", Some("5402-9681"), 100_000)),
        (d("2027-03-10"), row(1, "Ängby IF", Some("5402-9681"), 2_500_000)),
        (d("2027-03-10"), row(2, "Alby scouter", None, 1_000_000)),
        (d("2027-03-10"), row(4, "Berga kör", Some("5402-9681"), 50)),
    ]);
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0].payable_on, d("2027-03-10"));
    let names: Vec<&str> = lists[0].rows.iter().map(|r| r.association.as_str()).collect();
    assert_eq!(names, ["Alby scouter", "Berga kör", "Ängby IF"], "Swedish order");
    assert_eq!(
        lists[0].total_ore(),
        2_500_050,
        "the row without an account is not counted"
    );
    let t = table(&lists[0]);
    assert_eq!(t.len(), 3);
    assert_eq!(t[0], HEADINGS.map(String::from).to_vec());
    assert_eq!(
        t[2],
        [
            "802002-4280",
            "Ängby IF",
            "Bankgiro",
            "5402-9681",
            "25000,00",
            "KFN 2027/0001 år 1",
            "2027-03-10",
            "Verksamhetsbidrag"
        ]
    );
}
