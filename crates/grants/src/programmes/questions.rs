//! The questions of a programme's application form, set by the coordinator without code: each
//! with a stable id ("q3"), a label, a kind (text, number, amount, date, choice or file),
//! whether it must be answered and a hint. Without I/O: a new question checked, the list
//! changed (added to, moved, removed), and an applicant's answers checked against the list.

use chrono::NaiveDate;
use platform::rules::{self, Invalid};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const LABEL_MAX: usize = 300;
pub const HINT_MAX: usize = 500;
pub const OPTION_MAX: usize = 120;
pub const OPTIONS_MIN: usize = 2;
pub const OPTIONS_MAX: usize = 20;
/// The most questions a programme's form has.
pub const QUESTIONS_MAX: usize = 50;
/// The longest answer to a text question, in characters.
pub const ANSWER_MAX: usize = 4000;

/// What a question asks for; the code is stored and published.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr, utoipa::ToSchema,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
#[schema(as = grants::QuestionKind)]
pub enum QuestionKind {
    Text,
    /// A whole number.
    Number,
    /// Whole kronor.
    Amount,
    Date,
    /// One of the question's options.
    Choice,
    /// A file, stored as an attachment of the application.
    File,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Text,
        QuestionKind::Number,
        QuestionKind::Amount,
        QuestionKind::Date,
        QuestionKind::Choice,
        QuestionKind::File,
    ];

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn parse(code: &str) -> Option<QuestionKind> {
        code.parse().ok()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            QuestionKind::Text => "grants-qkind-text",
            QuestionKind::Number => "grants-qkind-number",
            QuestionKind::Amount => "grants-qkind-amount",
            QuestionKind::Date => "grants-qkind-date",
            QuestionKind::Choice => "grants-qkind-choice",
            QuestionKind::File => "grants-qkind-file",
        }
    }
}

/// One question of a programme's form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = grants::Question)]
pub struct Question {
    /// The stable key of the question in its programme ("q3"); answers are stored under it.
    pub id: String,
    pub label: String,
    pub kind: QuestionKind,
    /// The choices of a Choice question, in the order shown.
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub hint: String,
}

// --- Answers ---

/// Why an answer was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    Required,
    /// A text answer over [`ANSWER_MAX`] characters.
    TooLong,
    Number,
    Amount,
    Date,
    Choice,
}

impl AnswerProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            AnswerProblem::Required => "grants-answer-required",
            AnswerProblem::TooLong => "grants-answer-too-long",
            AnswerProblem::Number => "grants-answer-number",
            AnswerProblem::Amount => "grants-answer-amount",
            AnswerProblem::Date => "grants-answer-date",
            AnswerProblem::Choice => "grants-answer-choice",
        }
    }
}

/// The digits of a number as typed, without spaces ("1 200" is 1200).
fn without_spaces(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect()
}

fn whole_number(typed: &str) -> Option<i64> {
    let s = without_spaces(typed);
    let (sign, digits) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => (-1, rest.to_string()),
        None => (1, s),
    };
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok().map(|n| sign * n)
}

/// Whole kronor as Swedes write them: "12 500", "12 500 kr", "12 500:-", "12500,00".
fn whole_kronor(typed: &str) -> Option<i64> {
    let s = without_spaces(typed).to_lowercase();
    let mut s = s.as_str();
    for suffix in ["kr", ":-", ",-", ",00"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    if s.is_empty() || s.len() > 13 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// One answer, not empty, as it is stored.
fn answer(q: &Question, typed: &str) -> Result<String, AnswerProblem> {
    match q.kind {
        QuestionKind::Text => {
            let text: String = typed
                .replace("\r\n", "\n")
                .chars()
                .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
                .collect();
            if text.chars().count() > ANSWER_MAX {
                Err(AnswerProblem::TooLong)
            } else {
                Ok(text)
            }
        }
        QuestionKind::Number => whole_number(typed).map(|n| n.to_string()).ok_or(AnswerProblem::Number),
        QuestionKind::Amount => whole_kronor(typed).map(|n| n.to_string()).ok_or(AnswerProblem::Amount),
        QuestionKind::Date => NaiveDate::parse_from_str(typed, "%Y-%m-%d")
            .map(|d| d.format("%Y-%m-%d").to_string())
            .map_err(|_| AnswerProblem::Date),
        QuestionKind::Choice => q
            .options
            .iter()
            .find(|o| o.as_str() == typed)
            .or_else(|| q.options.iter().find(|o| o.to_lowercase() == typed.to_lowercase()))
            .cloned()
            .ok_or(AnswerProblem::Choice),
        // A file is an attachment, never an answer (see [`missing_files`]).
        QuestionKind::File => Err(AnswerProblem::Required),
    }
}

/// Checks the answers typed (question id -> text) against the questions; returns the answers
/// to store (trimmed; Number as an integer string; Amount as whole kronor digits without
/// spaces, e.g. "12500"; Date as YYYY-MM-DD; Choice as one of the options), only for known
/// non-File questions, or every problem by question id (in the questions' order). An optional
/// question left empty is not stored.
pub fn check_answers(
    questions: &[Question],
    given: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, Vec<(String, AnswerProblem)>> {
    let mut answers = BTreeMap::new();
    let mut problems = Vec::new();
    for q in questions.iter().filter(|q| q.kind != QuestionKind::File) {
        let typed = given.get(&q.id).map(|s| s.trim()).unwrap_or_default();
        if typed.is_empty() {
            if q.required {
                problems.push((q.id.clone(), AnswerProblem::Required));
            }
            continue;
        }
        match answer(q, typed) {
            Ok(a) => {
                answers.insert(q.id.clone(), a);
            }
            Err(p) => problems.push((q.id.clone(), p)),
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// The kind of attachment under which an application stores a File question's file.
pub fn attachment_kind(q: &Question) -> String {
    format!("question-{}", q.id)
}

/// The File questions that are required and have no attachment among `attached_kinds`.
pub fn missing_files<'q>(questions: &'q [Question], attached_kinds: &[String]) -> Vec<&'q Question> {
    questions
        .iter()
        .filter(|q| q.kind == QuestionKind::File && q.required)
        .filter(|q| !attached_kinds.contains(&attachment_kind(q)))
        .collect()
}

// --- A new question ---

/// The coordinator's form for a new question, as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct QuestionInput {
    pub label: String,
    pub kind: String,
    /// One option per line (Choice only).
    pub options: String,
    /// A checkbox: anything but empty is ticked.
    pub required: String,
    pub hint: String,
}

/// A checked new question, before it has an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewQuestion {
    pub label: String,
    pub kind: QuestionKind,
    pub options: Vec<String>,
    pub required: bool,
    pub hint: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionProblem {
    Rule(Invalid),
    /// No kind chosen.
    Kind,
    /// A Choice question without options.
    NoOptions,
    /// Fewer than [`OPTIONS_MIN`] options.
    FewOptions,
    /// More than [`OPTIONS_MAX`] options.
    ManyOptions,
    /// An option over [`OPTION_MAX`] characters.
    OptionTooLong,
    /// The same option twice.
    SameOption,
}

impl QuestionProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            QuestionProblem::Rule(i) => i.message_id(),
            QuestionProblem::Kind => "grants-q-err-kind",
            QuestionProblem::NoOptions => "grants-q-err-no-options",
            QuestionProblem::FewOptions => "grants-q-err-few-options",
            QuestionProblem::ManyOptions => "grants-q-err-many-options",
            QuestionProblem::OptionTooLong => "grants-q-err-option-too-long",
            QuestionProblem::SameOption => "grants-q-err-same-option",
        }
    }

    /// The number the message shows, if any.
    pub fn limit(self) -> Option<usize> {
        match self {
            QuestionProblem::Rule(i) => i.limit(),
            QuestionProblem::FewOptions => Some(OPTIONS_MIN),
            QuestionProblem::ManyOptions => Some(OPTIONS_MAX),
            QuestionProblem::OptionTooLong => Some(OPTION_MAX),
            _ => None,
        }
    }
}

fn options(typed: &str) -> Result<Vec<String>, QuestionProblem> {
    let mut list: Vec<String> = Vec::new();
    for line in typed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let option = rules::line(line, OPTION_MAX).map_err(|e| match e {
            Invalid::TooLong(_) => QuestionProblem::OptionTooLong,
            e => QuestionProblem::Rule(e),
        })?;
        if list.iter().any(|o| o.to_lowercase() == option.to_lowercase()) {
            return Err(QuestionProblem::SameOption);
        }
        list.push(option);
    }
    match list.len() {
        0 => Err(QuestionProblem::NoOptions),
        n if n < OPTIONS_MIN => Err(QuestionProblem::FewOptions),
        n if n > OPTIONS_MAX => Err(QuestionProblem::ManyOptions),
        _ => Ok(list),
    }
}

/// Checks a new question from the coordinator's form: a label of at most [`LABEL_MAX`]
/// characters, a kind, for a Choice 2–20 options one per line (other kinds keep none), and an
/// optional hint. The problems are per field.
pub fn validate_question(input: &QuestionInput) -> Result<NewQuestion, Vec<(&'static str, QuestionProblem)>> {
    let mut problems = Vec::new();
    let label = rules::line(&input.label, LABEL_MAX)
        .map_err(|e| problems.push(("label", QuestionProblem::Rule(e))))
        .ok();
    let kind = QuestionKind::parse(input.kind.trim());
    if kind.is_none() {
        problems.push(("kind", QuestionProblem::Kind));
    }
    let options = match kind {
        Some(QuestionKind::Choice) => options(&input.options).map_err(|e| problems.push(("options", e))).ok(),
        _ => Some(Vec::new()),
    };
    let hint = rules::text(&input.hint, HINT_MAX)
        .map_err(|e| problems.push(("hint", QuestionProblem::Rule(e))))
        .ok();
    match (label, kind, options, hint) {
        (Some(label), Some(kind), Some(options), Some(hint)) if problems.is_empty() => Ok(NewQuestion {
            label,
            kind,
            options,
            required: !input.required.trim().is_empty(),
            hint,
        }),
        _ => Err(problems),
    }
}

// --- Changing the list ---

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn parse(code: &str) -> Option<Direction> {
        match code {
            "up" => Some(Direction::Up),
            "down" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// A change to a programme's questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionChange {
    /// Added last, with the next id.
    Add(NewQuestion),
    Remove(String),
    /// One place up or down (at the top or the bottom already: nothing moves).
    Move(String, Direction),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeRefused {
    NoSuchQuestion,
    /// The form has [`QUESTIONS_MAX`] questions already.
    TooMany,
}

/// The highest number among ids of the form "q7" (0 when there are none).
pub fn last_number(questions: &[Question]) -> u32 {
    questions
        .iter()
        .filter_map(|q| q.id.strip_prefix('q')?.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
}

/// Applies a change to a programme's questions. `seq` is the number of the last id ever given
/// in the programme, so a removed question's id is never given again; the answer is the new
/// `seq`.
pub fn apply(questions: &mut Vec<Question>, seq: u32, change: &QuestionChange) -> Result<u32, ChangeRefused> {
    let at = |questions: &[Question], id: &str| {
        questions
            .iter()
            .position(|q| q.id == id)
            .ok_or(ChangeRefused::NoSuchQuestion)
    };
    match change {
        QuestionChange::Add(new) => {
            if questions.len() >= QUESTIONS_MAX {
                return Err(ChangeRefused::TooMany);
            }
            let n = seq.max(last_number(questions)) + 1;
            questions.push(Question {
                id: format!("q{n}"),
                label: new.label.clone(),
                kind: new.kind,
                options: new.options.clone(),
                required: new.required,
                hint: new.hint.clone(),
            });
            Ok(n)
        }
        QuestionChange::Remove(id) => {
            let i = at(questions, id)?;
            questions.remove(i);
            Ok(seq)
        }
        QuestionChange::Move(id, direction) => {
            let i = at(questions, id)?;
            match direction {
                Direction::Up if i > 0 => questions.swap(i, i - 1),
                Direction::Down if i + 1 < questions.len() => questions.swap(i, i + 1),
                _ => {}
            }
            Ok(seq)
        }
    }
}

#[cfg(test)]
mod tests;
