use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn due(on: &str) -> ReportFacts {
    ReportFacts {
        due_on: Some(d(on)),
        ..ReportFacts::default()
    }
}

#[test]
fn a_report_moves_from_missing_to_sent_to_returned_or_approved() {
    assert_eq!(state(&ReportFacts::default()), ReportState::NotAsked);
    let mut f = due("2028-03-01");
    assert_eq!(state(&f), ReportState::Missing);
    f.submitted_at = Some(10);
    assert_eq!(state(&f), ReportState::Submitted);
    f.returned_at = Some(5);
    assert_eq!(state(&f), ReportState::Submitted, "sent again after it came back");
    f.submitted_at = None;
    assert_eq!(state(&f), ReportState::Returned);
    f.approved_at = Some(20);
    assert_eq!(state(&f), ReportState::Approved);
}

#[test]
fn overdue_is_after_the_due_day_while_missing_or_sent_back() {
    let mut f = due("2028-03-01");
    assert!(!overdue(&f, d("2028-03-01")), "the due day itself is in time");
    assert!(overdue(&f, d("2028-03-02")));
    f.submitted_at = Some(1);
    assert!(!overdue(&f, d("2028-04-01")), "sent: the staff have it");
    f.submitted_at = None;
    f.returned_at = Some(2);
    assert!(overdue(&f, d("2028-04-01")));
    assert!(!overdue(&ReportFacts::default(), d("2099-01-01")));
}

#[test]
fn who_may_do_what() {
    let mut f = due("2028-03-01");
    assert!(applicant_may_write(&f, false));
    assert!(!applicant_may_write(&f, true), "not after a recovery");
    assert!(!staff_may_review(&f, false), "nothing sent yet");
    f.submitted_at = Some(1);
    assert!(applicant_may_write(&f, false), "changed until approved");
    assert!(staff_may_review(&f, false));
    assert!(!staff_may_review(&f, true));
    f.approved_at = Some(2);
    assert!(!applicant_may_write(&f, false));
    assert!(!staff_may_review(&f, false));
    assert!(!applicant_may_write(&ReportFacts::default(), false), "no report asked");
}

#[test]
fn a_recovery_needs_a_paid_year_and_a_report_overdue_or_sent_back() {
    let mut f = due("2028-03-01");
    let late = d("2028-03-02");
    assert!(may_recover(&f, true, false, late));
    assert!(!may_recover(&f, true, false, d("2028-03-01")), "not before it is late");
    assert!(!may_recover(&f, false, false, late), "nothing paid to recover");
    assert!(!may_recover(&f, true, true, late), "once per grant");
    f.submitted_at = Some(1);
    assert!(!may_recover(&f, true, false, late), "sent: the staff review it first");
    f.submitted_at = None;
    f.returned_at = Some(1);
    assert!(
        may_recover(&f, true, false, d("2028-01-01")),
        "sent back: even before the due day"
    );
    f.approved_at = Some(3);
    assert!(!may_recover(&f, true, false, late));
}

#[test]
fn reminders_come_fourteen_days_before_and_once_when_overdue() {
    let f = due("2028-03-01");
    assert_eq!(reminder(&f, false, false, d("2028-02-15")), None);
    assert_eq!(reminder(&f, false, false, d("2028-02-16")), Some(Reminder::Soon));
    assert_eq!(reminder(&f, true, false, d("2028-02-20")), None, "once");
    assert_eq!(reminder(&f, false, false, d("2028-03-01")), Some(Reminder::Soon));
    assert_eq!(reminder(&f, true, false, d("2028-03-02")), Some(Reminder::Overdue));
    assert_eq!(
        reminder(&f, false, false, d("2028-05-02")),
        Some(Reminder::Overdue),
        "late start: only the overdue one"
    );
    assert_eq!(reminder(&f, true, true, d("2028-03-03")), None);
    let sent = ReportFacts {
        submitted_at: Some(1),
        ..f
    };
    assert_eq!(reminder(&sent, false, false, d("2028-03-02")), None);
    assert_eq!(reminder(&ReportFacts::default(), false, false, d("2028-03-02")), None);
}

#[test]
fn texts_are_required_and_bounded() {
    assert_eq!(report_text("  "), Err(platform::rules::Invalid::Required));
    assert_eq!(
        report_text(" Vi spelade.\r\n\r\nDet gick bra. "),
        Ok("Vi spelade.\n\nDet gick bra.".into())
    );
    assert_eq!(
        report_text(&"a".repeat(REPORT_MAX + 1)),
        Err(platform::rules::Invalid::TooLong(REPORT_MAX))
    );
    assert!(report_text(&"å".repeat(REPORT_MAX)).is_ok(), "characters, not bytes");
    assert_eq!(message(""), Err(platform::rules::Invalid::Required));
}
