use super::*;

fn q(id: &str, kind: QuestionKind, required: bool) -> Question {
    Question {
        id: id.into(),
        label: format!("Fråga {id}"),
        kind,
        options: if kind == QuestionKind::Choice {
            vec!["Ja".into(), "Nej".into()]
        } else {
            vec![]
        },
        required,
        hint: String::new(),
    }
}

fn given(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn one(kind: QuestionKind, typed: &str) -> Result<String, AnswerProblem> {
    let questions = [q("q1", kind, true)];
    match check_answers(&questions, &given(&[("q1", typed)])) {
        Ok(mut a) => Ok(a.remove("q1").unwrap()),
        Err(p) => {
            assert_eq!(p.len(), 1);
            Err(p[0].1)
        }
    }
}

#[test]
fn a_question_reads_and_writes_the_published_json() {
    let json = r#"{"id":"q3","label":"Antal medlemmar","kind":"number"}"#;
    let read: Question = serde_json::from_str(json).unwrap();
    assert_eq!(read.kind, QuestionKind::Number);
    assert!(!read.required && read.options.is_empty() && read.hint.is_empty());
    let back = serde_json::to_value(q("q1", QuestionKind::Choice, true)).unwrap();
    assert_eq!(back["kind"], "choice");
    assert_eq!(back["options"][1], "Nej");
    for k in QuestionKind::ALL {
        assert_eq!(QuestionKind::parse(k.code()), Some(k));
    }
    assert_eq!(QuestionKind::parse("essay"), None);
}

#[test]
fn text_answers_are_trimmed_and_bounded() {
    assert_eq!(
        one(QuestionKind::Text, "  Vi ska måla om.\r\nOch laga taket.  "),
        Ok("Vi ska måla om.\nOch laga taket.".into())
    );
    assert_eq!(
        one(QuestionKind::Text, &"a".repeat(ANSWER_MAX)).map(|a| a.len()),
        Ok(ANSWER_MAX)
    );
    assert_eq!(
        one(QuestionKind::Text, &"a".repeat(ANSWER_MAX + 1)),
        Err(AnswerProblem::TooLong)
    );
}

#[test]
fn numbers_are_whole_and_stored_as_digits() {
    assert_eq!(one(QuestionKind::Number, "1 200"), Ok("1200".into()));
    assert_eq!(one(QuestionKind::Number, "007"), Ok("7".into()));
    assert_eq!(one(QuestionKind::Number, "−3"), Ok("-3".into()));
    for bad in ["3,5", "tre", "12a", "-", "1234567890123456"] {
        assert_eq!(one(QuestionKind::Number, bad), Err(AnswerProblem::Number), "{bad}");
    }
}

#[test]
fn amounts_are_whole_kronor_without_spaces() {
    for typed in ["12 500", "12\u{a0}500 kr", "12500:-", "12500,00", "12500 KR"] {
        assert_eq!(one(QuestionKind::Amount, typed), Ok("12500".into()), "{typed}");
    }
    for bad in ["12,50", "-5", "tolv", "12.500", "kr"] {
        assert_eq!(one(QuestionKind::Amount, bad), Err(AnswerProblem::Amount), "{bad}");
    }
}

#[test]
fn dates_are_stored_as_iso_dates() {
    assert_eq!(one(QuestionKind::Date, "2027-03-05"), Ok("2027-03-05".into()));
    for bad in ["5/3 2027", "2027-02-30", "igår"] {
        assert_eq!(one(QuestionKind::Date, bad), Err(AnswerProblem::Date), "{bad}");
    }
}

#[test]
fn a_choice_is_one_of_the_options_as_written() {
    assert_eq!(one(QuestionKind::Choice, "Nej"), Ok("Nej".into()));
    assert_eq!(one(QuestionKind::Choice, "ja"), Ok("Ja".into()));
    assert_eq!(one(QuestionKind::Choice, "Kanske"), Err(AnswerProblem::Choice));
}

#[test]
fn required_answers_must_be_given_and_every_problem_is_told() {
    let questions = [
        q("q1", QuestionKind::Text, true),
        q("q2", QuestionKind::Number, false),
        q("q3", QuestionKind::Date, true),
        q("q4", QuestionKind::File, true),
    ];
    // Blank counts as not given; an optional question left empty is not stored; a File
    // question and an unknown id are never answers.
    let wrong = check_answers(&questions, &given(&[("q1", "  "), ("q2", "två"), ("q9", "x")]));
    assert_eq!(
        wrong,
        Err(vec![
            ("q1".into(), AnswerProblem::Required),
            ("q2".into(), AnswerProblem::Number),
            ("q3".into(), AnswerProblem::Required),
        ])
    );
    let right = check_answers(
        &questions,
        &given(&[
            ("q1", " Ja "),
            ("q2", ""),
            ("q3", "2027-01-10"),
            ("q4", "fil"),
            ("q9", "x"),
        ]),
    )
    .unwrap();
    assert_eq!(right, given(&[("q1", "Ja"), ("q3", "2027-01-10")]));
    for p in [
        AnswerProblem::Required,
        AnswerProblem::TooLong,
        AnswerProblem::Number,
        AnswerProblem::Amount,
        AnswerProblem::Date,
        AnswerProblem::Choice,
    ] {
        assert!(p.message_id().starts_with("grants-answer-"));
    }
}

#[test]
fn required_files_are_missing_until_attached_under_their_kind() {
    let questions = [
        q("q1", QuestionKind::File, true),
        q("q2", QuestionKind::File, false),
        q("q3", QuestionKind::Text, true),
    ];
    assert_eq!(attachment_kind(&questions[0]), "question-q1");
    let missing: Vec<&str> = missing_files(&questions, &[]).iter().map(|q| q.id.as_str()).collect();
    assert_eq!(missing, ["q1"]);
    assert!(missing_files(&questions, &["question-q1".into()]).is_empty());
    assert_eq!(
        missing_files(&questions, &["budget".into(), "question-q2".into()]).len(),
        1
    );
}

fn input(label: &str, kind: &str, options: &str) -> QuestionInput {
    QuestionInput {
        label: label.into(),
        kind: kind.into(),
        options: options.into(),
        required: "on".into(),
        hint: " Gäller hela året. ".into(),
    }
}

fn problems(i: &QuestionInput) -> Vec<(&'static str, QuestionProblem)> {
    validate_question(i).unwrap_err()
}

#[test]
fn a_new_question_needs_a_label_of_at_most_300_characters_and_a_kind() {
    let ok = validate_question(&input(" Hur många medlemmar har ni? ", "number", "ignored")).unwrap();
    assert_eq!(
        ok,
        NewQuestion {
            label: "Hur många medlemmar har ni?".into(),
            kind: QuestionKind::Number,
            options: vec![],
            required: true,
            hint: "Gäller hela året.".into(),
        }
    );
    assert!(
        !validate_question(&QuestionInput {
            required: String::new(),
            ..input("Fråga", "text", "")
        })
        .unwrap()
        .required
    );
    assert_eq!(
        problems(&input(" ", "", "")),
        vec![
            ("label", QuestionProblem::Rule(Invalid::Required)),
            ("kind", QuestionProblem::Kind)
        ]
    );
    assert!(validate_question(&input(&"x".repeat(LABEL_MAX), "text", "")).is_ok());
    assert_eq!(
        problems(&input(&"x".repeat(LABEL_MAX + 1), "essay", "")),
        vec![
            ("label", QuestionProblem::Rule(Invalid::TooLong(LABEL_MAX))),
            ("kind", QuestionProblem::Kind)
        ]
    );
    let long_hint = QuestionInput {
        hint: "h".repeat(HINT_MAX + 1),
        ..input("Fråga", "date", "")
    };
    assert_eq!(
        problems(&long_hint),
        vec![("hint", QuestionProblem::Rule(Invalid::TooLong(HINT_MAX)))]
    );
}

#[test]
fn a_choice_has_two_to_twenty_different_options_one_per_line() {
    let ok = validate_question(&input("Sort", "choice", "Idrott\r\n\n  Kultur \nSocialt\n")).unwrap();
    assert_eq!(ok.options, ["Idrott", "Kultur", "Socialt"]);
    assert_eq!(
        problems(&input("Sort", "choice", " \n ")),
        vec![("options", QuestionProblem::NoOptions)]
    );
    assert_eq!(
        problems(&input("Sort", "choice", "Idrott")),
        vec![("options", QuestionProblem::FewOptions)]
    );
    let twenty: Vec<String> = (1..=20).map(|i| format!("Val {i}")).collect();
    assert_eq!(
        validate_question(&input("Sort", "choice", &twenty.join("\n")))
            .unwrap()
            .options
            .len(),
        20
    );
    let many: Vec<String> = (1..=21).map(|i| format!("Val {i}")).collect();
    assert_eq!(
        problems(&input("Sort", "choice", &many.join("\n"))),
        vec![("options", QuestionProblem::ManyOptions)]
    );
    assert_eq!(
        problems(&input("Sort", "choice", "Ja\nja")),
        vec![("options", QuestionProblem::SameOption)]
    );
    let long = format!("Ja\n{}", "n".repeat(OPTION_MAX + 1));
    assert_eq!(
        problems(&input("Sort", "choice", &long)),
        vec![("options", QuestionProblem::OptionTooLong)]
    );
    assert_eq!(QuestionProblem::ManyOptions.limit(), Some(20));
    assert_eq!(QuestionProblem::FewOptions.limit(), Some(2));
}

fn new(label: &str) -> QuestionChange {
    QuestionChange::Add(NewQuestion {
        label: label.into(),
        kind: QuestionKind::Text,
        options: vec![],
        required: false,
        hint: String::new(),
    })
}

fn ids(questions: &[Question]) -> Vec<&str> {
    questions.iter().map(|q| q.id.as_str()).collect()
}

#[test]
fn questions_are_added_moved_and_removed_and_an_id_is_never_given_twice() {
    let mut list = Vec::new();
    let mut seq = 0;
    for label in ["A", "B", "C"] {
        seq = apply(&mut list, seq, &new(label)).unwrap();
    }
    assert_eq!((ids(&list), seq), (vec!["q1", "q2", "q3"], 3));
    seq = apply(&mut list, seq, &QuestionChange::Move("q3".into(), Direction::Up)).unwrap();
    assert_eq!(ids(&list), ["q1", "q3", "q2"]);
    apply(&mut list, seq, &QuestionChange::Move("q1".into(), Direction::Up)).unwrap();
    apply(&mut list, seq, &QuestionChange::Move("q2".into(), Direction::Down)).unwrap();
    assert_eq!(ids(&list), ["q1", "q3", "q2"], "nothing moves past the ends");
    apply(&mut list, seq, &QuestionChange::Move("q1".into(), Direction::Down)).unwrap();
    assert_eq!(ids(&list), ["q3", "q1", "q2"]);
    // The last question removed: the next one is q4, not q3 again.
    seq = apply(&mut list, seq, &QuestionChange::Remove("q3".into())).unwrap();
    seq = apply(&mut list, seq, &new("D")).unwrap();
    assert_eq!(ids(&list), ["q1", "q2", "q4"]);
    assert_eq!(seq, 4);
    assert_eq!(
        apply(&mut list, seq, &QuestionChange::Remove("q3".into())),
        Err(ChangeRefused::NoSuchQuestion)
    );
    assert_eq!(
        apply(&mut list, seq, &QuestionChange::Move("q9".into(), Direction::Up)),
        Err(ChangeRefused::NoSuchQuestion)
    );
    // Ids given from outside (a programme's setup) are never reused either.
    assert_eq!(last_number(&[q("q12", QuestionKind::Text, false)]), 12);
    let mut given = vec![q("q12", QuestionKind::Text, false)];
    assert_eq!(apply(&mut given, 0, &new("E")).unwrap(), 13);
    assert_eq!(Direction::parse("up"), Some(Direction::Up));
    assert_eq!(Direction::parse("sideways"), None);
}

#[test]
fn a_form_has_at_most_fifty_questions() {
    let mut list = Vec::new();
    let mut seq = 0;
    for i in 0..QUESTIONS_MAX {
        seq = apply(&mut list, seq, &new(&format!("F{i}"))).unwrap();
    }
    assert_eq!(
        apply(&mut list, seq, &new("En för mycket")),
        Err(ChangeRefused::TooMany)
    );
    assert_eq!(list.len(), QUESTIONS_MAX);
}
