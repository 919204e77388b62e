use super::*;

#[test]
fn case_numbers_follow_the_municipalitys_format() {
    assert_eq!(case_number("KFN", 2027, 42), "KFN 2027/0042");
    assert_eq!(case_number(" KFN ", 2027, 12345), "KFN 2027/12345");
    assert_eq!(case_number("", 2027, 1), "2027/0001");
}

#[test]
fn an_application_goes_from_draft_to_payout() {
    let mut s = Status::Draft;
    for (step, actor) in [
        (Step::Edit, Actor::Applicant),
        (
            Step::Submit {
                co_signature_required: false,
            },
            Actor::Applicant,
        ),
        (Step::Edit, Actor::Applicant),
        (Step::Take, Actor::Handler),
        (Step::Propose, Actor::Handler),
        (Step::Decide(Outcome::Reduced), Actor::Decider),
        (Step::MarkPaid, Actor::Handler),
    ] {
        s = next(s, step, actor, true).unwrap_or_else(|e| panic!("{step:?} from {s:?}: {e:?}"));
    }
    assert_eq!(s, Status::Paid);
}

#[test]
fn a_second_board_member_co_signs_before_it_counts() {
    let s = next(
        Status::Draft,
        Step::Submit {
            co_signature_required: true,
        },
        Actor::Applicant,
        true,
    )
    .unwrap();
    assert_eq!(s, Status::AwaitingCoSignature);
    assert_eq!(next(s, Step::Take, Actor::Handler, true), Err(Refusal::WrongStatus));
    assert_eq!(next(s, Step::CoSign, Actor::Applicant, true), Err(Refusal::NotAllowed));
    assert_eq!(next(s, Step::CoSign, Actor::CoSigner, true), Ok(Status::Submitted));
}

#[test]
fn a_handler_cannot_decide_and_an_applicant_cannot_review() {
    assert_eq!(
        next(Status::Proposed, Step::Decide(Outcome::Granted), Actor::Handler, true),
        Err(Refusal::NotAllowed)
    );
    assert_eq!(
        next(Status::Proposed, Step::Decide(Outcome::Granted), Actor::Decider, true),
        Ok(Status::Granted)
    );
    assert_eq!(
        next(Status::Submitted, Step::Take, Actor::Applicant, true),
        Err(Refusal::NotAllowed)
    );
    assert_eq!(
        next(Status::Draft, Step::Edit, Actor::Handler, true),
        Err(Refusal::NotAllowed)
    );
    // Deciding twice: the second finds the case decided.
    assert_eq!(
        next(Status::Granted, Step::Decide(Outcome::Rejected), Actor::Decider, true),
        Err(Refusal::WrongStatus)
    );
    assert_eq!(
        next(Status::Rejected, Step::MarkPaid, Actor::Handler, true),
        Err(Refusal::WrongStatus)
    );
}

#[test]
fn the_applicant_edits_until_the_deadline_and_on_request_for_completion() {
    assert_eq!(
        next(Status::Submitted, Step::Edit, Actor::Applicant, false),
        Err(Refusal::PastDeadline)
    );
    assert_eq!(
        next(
            Status::Draft,
            Step::Submit {
                co_signature_required: false
            },
            Actor::Applicant,
            false
        ),
        Err(Refusal::PastDeadline)
    );
    assert_eq!(
        next(Status::InReview, Step::Edit, Actor::Applicant, true),
        Err(Refusal::WrongStatus)
    );
    let s = next(Status::InReview, Step::RequestCompletion, Actor::Handler, true).unwrap();
    assert_eq!(s, Status::CompletionRequested);
    assert_eq!(
        next(s, Step::Edit, Actor::Applicant, true),
        Ok(Status::CompletionRequested)
    );
    // Sent again after completion: no second co-signature round.
    assert_eq!(
        next(
            s,
            Step::Submit {
                co_signature_required: true
            },
            Actor::Applicant,
            true
        ),
        Ok(Status::Submitted)
    );
    assert_eq!(
        next(
            s,
            Step::Submit {
                co_signature_required: false
            },
            Actor::Applicant,
            false
        ),
        Err(Refusal::PastDeadline)
    );
}

#[test]
fn a_rejection_or_a_reduction_needs_a_reason() {
    assert_eq!(outcome_of(10_000, 10_000), Outcome::Granted);
    assert_eq!(outcome_of(10_000, 12_000), Outcome::Granted);
    assert_eq!(outcome_of(10_000, 6_000), Outcome::Reduced);
    assert_eq!(outcome_of(10_000, 0), Outcome::Rejected);
    assert!(reason_required(Outcome::Rejected));
    assert!(reason_required(Outcome::Reduced));
    assert!(!reason_required(Outcome::Granted));
}

#[test]
fn attachments_are_checked_by_content_and_size() {
    let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n";
    assert_eq!(check_attachment(pdf), Ok((FileKind::Pdf, "application/pdf")));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    assert_eq!(check_attachment(png).map(|(k, _)| k), Ok(FileKind::Image));
    // A real Excel file, as a treasurer's budget would be.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "Budget 2027").unwrap();
    let xlsx = book.save_to_buffer().unwrap();
    assert_eq!(
        check_attachment(&xlsx),
        Ok((
            FileKind::Office,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ))
    );
    // A Windows program renamed to .pdf, a shell script and plain text are refused.
    assert_eq!(
        check_attachment(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"),
        Err(FileProblem::Type)
    );
    assert_eq!(check_attachment(b"#!/bin/sh\nrm -rf /\n"), Err(FileProblem::Type));
    assert_eq!(check_attachment(b""), Err(FileProblem::Empty));
    let mut big = pdf.to_vec();
    big.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
    assert_eq!(check_attachment(&big), Err(FileProblem::TooLarge));
}

#[test]
fn activity_support_is_shared_when_the_claims_exceed_the_budget() {
    // 6 000 + 4 000 kr claimed against 5 000 kr left: half each.
    let (p, share) = activity_proposals(&[600_000, 400_000], 500_000);
    assert_eq!(p, vec![300_000, 200_000]);
    assert_eq!(share, Some(5_000));
    assert_eq!(percent(5_000), "50,00\u{a0}%");
    // A third each, rounded down: never over the budget.
    let (p, share) = activity_proposals(&[100, 100, 100], 200);
    assert_eq!(p, vec![66, 66, 66]);
    assert!(p.iter().sum::<i64>() <= 200);
    assert_eq!(share.map(percent).as_deref(), Some("66,66\u{a0}%"));
    // Everything fits: in full, no share.
    assert_eq!(activity_proposals(&[100, 200], 1_000), (vec![100, 200], None));
    // Nothing left: nothing proposed.
    assert_eq!(activity_proposals(&[100], -50).0, vec![0]);
}
