//! The agreement's rules and types, without I/O: the version state machine (draft → adopted,
//! frozen once adopted), the municipality's own numbering of principles and commitments,
//! validation of what coordinators and commenters type, and the grouping of principles and
//! commitments for the pages. The timeline's and the consultation's own rules are in
//! [`crate::timeline::domain`] and [`crate::consultation::domain`].

use crate::ids::{CommitmentId, PrincipleId, VersionId};
use chrono::{Datelike, NaiveDate};
use platform::rules::{self, Invalid};
use std::collections::HashMap;

/// Longest name of a principle, heading of a commitment, title, adopting body.
pub const NAME_MAX: usize = 200;
/// Longest text: a principle's or commitment's text, the introduction, a timeline entry.
pub const TEXT_MAX: usize = 5_000;
/// Longest comment in a consultation.
pub const COMMENT_MAX: usize = 2_000;
/// Highest number a principle or commitment may be given.
pub const NUMBER_MAX: i64 = 99;

/// Where a version is in its life (stored as `draft` / `adopted`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum VersionStatus {
    /// Edited by the coordinator; not public.
    Draft,
    /// Decided by a municipal body; public and frozen.
    Adopted,
}

impl VersionStatus {
    /// The stored text.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            VersionStatus::Draft => "agreement-status-draft",
            VersionStatus::Adopted => "agreement-status-adopted",
        }
    }
}

/// Whether the text of a version (introduction, principles, commitments) may change.
pub fn can_edit(status: VersionStatus) -> bool {
    status == VersionStatus::Draft
}

/// Why a change is refused by the rules (not by the form's validation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("an adopted version is frozen")]
    Frozen,
    #[error("the municipality already has a draft")]
    DraftExists,
    #[error("there is no draft")]
    NoDraft,
    #[error("a draft without principles cannot be adopted")]
    NoPrinciples,
    #[error("a consultation on the draft is open")]
    ConsultationOpen,
    #[error("the consultation is not open")]
    ConsultationNotOpen,
    #[error("only a closed consultation can be published")]
    ConsultationNotClosed,
    #[error("the draft has no commitments to comment on")]
    NoCommitments,
}

impl RuleError {
    pub fn message_id(self) -> &'static str {
        match self {
            RuleError::Frozen => "agreement-err-frozen",
            RuleError::DraftExists => "agreement-err-draft-exists",
            RuleError::NoDraft => "agreement-err-no-draft",
            RuleError::NoPrinciples => "agreement-err-no-principles",
            RuleError::ConsultationOpen => "agreement-err-consultation-open",
            RuleError::ConsultationNotOpen => "agreement-err-consultation-not-open",
            RuleError::ConsultationNotClosed => "agreement-err-consultation-not-closed",
            RuleError::NoCommitments => "agreement-err-no-commitments",
        }
    }
}

/// A change to the text of a version: only a draft.
pub fn check_editable(status: VersionStatus) -> Result<(), RuleError> {
    if can_edit(status) {
        Ok(())
    } else {
        Err(RuleError::Frozen)
    }
}

/// Adopting: a draft with at least one principle, and no consultation running on it.
pub fn adopt(status: VersionStatus, principles: usize, consultation_open: bool) -> Result<VersionStatus, RuleError> {
    check_editable(status)?;
    if principles == 0 {
        return Err(RuleError::NoPrinciples);
    }
    if consultation_open {
        return Err(RuleError::ConsultationOpen);
    }
    Ok(VersionStatus::Adopted)
}

/// Starting a draft: only when there is none.
pub fn start_draft(has_draft: bool) -> Result<VersionStatus, RuleError> {
    if has_draft {
        Err(RuleError::DraftExists)
    } else {
        Ok(VersionStatus::Draft)
    }
}

/// The number of a new version: one more than the highest so far.
pub fn next_version_number(existing: &[i64]) -> i64 {
    existing.iter().copied().max().unwrap_or(0) + 1
}

/// The version the public sees as the agreement in force: the adopted one with the highest
/// number.
pub fn current(versions: &[Version]) -> Option<&Version> {
    versions
        .iter()
        .filter(|v| v.status == VersionStatus::Adopted)
        .max_by_key(|v| v.number)
}

/// The party a commitment binds (stored as `municipality` / `civil_society`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Party {
    Municipality,
    CivilSociety,
}

impl Party {
    pub const ALL: [Party; 2] = [Party::Municipality, Party::CivilSociety];

    /// The stored text (and the value of the select list).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The heading of the party's list ("The municipality's commitments").
    pub fn message_id(self) -> &'static str {
        match self {
            Party::Municipality => "agreement-party-municipality",
            Party::CivilSociety => "agreement-party-civil-society",
        }
    }

    /// The party's name in a select list.
    pub fn option_message_id(self) -> &'static str {
        match self {
            Party::Municipality => "agreement-party-municipality-option",
            Party::CivilSociety => "agreement-party-civil-society-option",
        }
    }
}

// --- Numbering ---

/// Move (or insert) `id` to the 1-based `position` of an ordered list; `None` or a position
/// past the end puts it last. Returns the whole new order, to be numbered 1, 2, 3, …
pub fn place<I: Copy + PartialEq>(order: &[I], id: I, position: Option<i64>) -> Vec<I> {
    let mut v: Vec<I> = order.iter().copied().filter(|x| *x != id).collect();
    let at = match position {
        Some(p) if p >= 1 => usize::try_from(p - 1).unwrap_or(usize::MAX).min(v.len()),
        _ => v.len(),
    };
    v.insert(at, id);
    v
}

/// The positions to write after a change: (id, new position) for those whose number changes.
pub fn renumber<I: Copy + Eq + std::hash::Hash>(order: &[I], current: &HashMap<I, i64>) -> Vec<(I, i64)> {
    order
        .iter()
        .zip(1i64..)
        .filter(|(id, pos)| current.get(id) != Some(pos))
        .map(|(id, pos)| (*id, pos))
        .collect()
}

// --- Validation ---

/// Why a typed value is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// One of the platform's rules (required, too long, control characters).
    Rule(Invalid),
    /// Not a whole number from 1 to [`NUMBER_MAX`].
    Number,
    /// Not a date written 2018-02-26.
    Date,
    /// Not one of the offered choices.
    Choice,
}

impl From<Invalid> for FieldError {
    fn from(i: Invalid) -> Self {
        FieldError::Rule(i)
    }
}

impl FieldError {
    pub fn message_id(self) -> &'static str {
        match self {
            FieldError::Rule(i) => i.message_id(),
            FieldError::Number => "agreement-err-number",
            FieldError::Date => "agreement-err-date",
            FieldError::Choice => "err-choose",
        }
    }
}

/// A name or title on one line: required, at most [`NAME_MAX`] characters.
pub fn name(input: &str) -> Result<String, FieldError> {
    Ok(rules::line(input, NAME_MAX)?)
}

/// An optional line (a commitment's heading): empty is fine.
pub fn optional_name(input: &str) -> Result<String, FieldError> {
    if input.trim().is_empty() {
        Ok(String::new())
    } else {
        name(input)
    }
}

/// A required text of several lines, at most `max` characters.
pub fn required_text(input: &str, max: usize) -> Result<String, FieldError> {
    let s = rules::text(input, max)?;
    if s.is_empty() {
        Err(FieldError::Rule(Invalid::Required))
    } else {
        Ok(s)
    }
}

/// An optional text of several lines, at most [`TEXT_MAX`] characters.
pub fn optional_text(input: &str) -> Result<String, FieldError> {
    Ok(rules::text(input, TEXT_MAX)?)
}

/// A principle's or commitment's number: empty means "last".
pub fn number(input: &str) -> Result<Option<i64>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i64>() {
        Ok(n) if (1..=NUMBER_MAX).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::Number),
    }
}

/// A date written as browsers send it (2018-02-26), between the years 1900 and 2200.
pub fn date(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Rule(Invalid::Required));
    }
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if (1900..=2200).contains(&d.year()) && s.len() == 10 => Ok(d.format("%Y-%m-%d").to_string()),
        _ => Err(FieldError::Date),
    }
}

/// A comment in a consultation: required, at most [`COMMENT_MAX`] characters.
pub fn comment(input: &str) -> Result<String, FieldError> {
    required_text(input, COMMENT_MAX)
}

/// A text as paragraphs (split at blank lines), each a list of lines.
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| {
            p.lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

// --- Types ---

#[derive(Clone, Debug)]
pub struct Version {
    pub id: VersionId,
    pub number: i64,
    pub status: VersionStatus,
    pub intro: String,
    pub adopted_by: Option<String>,
    pub adopted_on: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Version {
    pub fn is_draft(&self) -> bool {
        self.status == VersionStatus::Draft
    }

    pub fn intro_paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.intro)
    }
}

#[derive(Clone, Debug)]
pub struct Principle {
    pub id: PrincipleId,
    pub version_id: VersionId,
    pub position: i64,
    pub name: String,
    pub body: String,
}

#[derive(Clone, Debug)]
pub struct Commitment {
    pub id: CommitmentId,
    pub principle_id: PrincipleId,
    pub party: Party,
    pub position: i64,
    pub heading: String,
    pub body: String,
}

impl Commitment {
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.body)
    }
}

/// One party's commitments under a principle, in order.
#[derive(Clone, Debug)]
pub struct PartyCommitments {
    pub party: Party,
    pub commitments: Vec<Commitment>,
}

/// A principle with its commitments, municipality's first.
#[derive(Clone, Debug)]
pub struct PrincipleWith {
    pub principle: Principle,
    pub parties: Vec<PartyCommitments>,
}

impl PrincipleWith {
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.principle.body)
    }

    pub fn count(&self) -> usize {
        self.parties.iter().map(|p| p.commitments.len()).sum()
    }

    pub fn of(&self, party: Party) -> &[Commitment] {
        self.parties
            .iter()
            .find(|p| p.party == party)
            .map(|p| p.commitments.as_slice())
            .unwrap_or(&[])
    }
}

/// Group a version's principles and commitments (each loaded in one query) for a page:
/// principles by number, each with the municipality's and civil society's commitments by number.
pub fn assemble(mut principles: Vec<Principle>, mut commitments: Vec<Commitment>) -> Vec<PrincipleWith> {
    principles.sort_by_key(|p| (p.position, p.id));
    commitments.sort_by_key(|c| (c.position, c.id));
    let mut by_principle: HashMap<(PrincipleId, Party), Vec<Commitment>> = HashMap::new();
    for c in commitments {
        by_principle.entry((c.principle_id, c.party)).or_default().push(c);
    }
    principles
        .into_iter()
        .map(|p| {
            let parties = Party::ALL
                .iter()
                .map(|party| PartyCommitments {
                    party: *party,
                    commitments: by_principle.remove(&(p.id, *party)).unwrap_or_default(),
                })
                .collect();
            PrincipleWith { principle: p, parties }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_edited_and_adopted_once() {
        assert!(can_edit(VersionStatus::Draft));
        assert!(!can_edit(VersionStatus::Adopted));
        assert_eq!(check_editable(VersionStatus::Adopted), Err(RuleError::Frozen));
        assert_eq!(adopt(VersionStatus::Draft, 6, false), Ok(VersionStatus::Adopted));
        assert_eq!(adopt(VersionStatus::Adopted, 6, false), Err(RuleError::Frozen));
        assert_eq!(adopt(VersionStatus::Draft, 0, false), Err(RuleError::NoPrinciples));
        assert_eq!(adopt(VersionStatus::Draft, 6, true), Err(RuleError::ConsultationOpen));
        assert_eq!(start_draft(true), Err(RuleError::DraftExists));
        assert_eq!(start_draft(false), Ok(VersionStatus::Draft));
        for s in [VersionStatus::Draft, VersionStatus::Adopted] {
            assert_eq!(s.as_str().parse::<VersionStatus>(), Ok(s));
        }
    }

    fn version(id: i64, number: i64, status: VersionStatus) -> Version {
        Version {
            id: VersionId::new(id),
            number,
            status,
            intro: String::new(),
            adopted_by: None,
            adopted_on: None,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn the_current_version_is_the_latest_adopted() {
        assert_eq!(next_version_number(&[]), 1);
        assert_eq!(next_version_number(&[1, 3, 2]), 4);
        let vs = vec![
            version(10, 1, VersionStatus::Adopted),
            version(11, 2, VersionStatus::Adopted),
            version(12, 3, VersionStatus::Draft),
        ];
        assert_eq!(current(&vs).map(|v| v.number), Some(2));
        assert!(current(&vs[2..]).is_none());
    }

    #[test]
    fn numbering_moves_and_inserts() {
        // Sala's order, then moving "Öppenhet och insyn" (id 5) to number 2, as Luleå has it.
        let order = [1, 2, 3, 4, 5, 6];
        assert_eq!(place(&order, 5, Some(2)), [1, 5, 2, 3, 4, 6]);
        assert_eq!(place(&order, 1, Some(6)), [2, 3, 4, 5, 6, 1]);
        assert_eq!(place(&order, 1, Some(60)), [2, 3, 4, 5, 6, 1], "past the end is last");
        assert_eq!(place(&order, 7, None), [1, 2, 3, 4, 5, 6, 7], "new, no number: last");
        assert_eq!(place(&order, 7, Some(1)), [7, 1, 2, 3, 4, 5, 6]);
        assert_eq!(place(&[], 7, Some(3)), [7]);
        let current: HashMap<i64, i64> = [(1, 1), (2, 2), (3, 3)].into_iter().collect();
        assert_eq!(renumber(&[1, 3, 2], &current), [(3, 2), (2, 3)]);
        assert_eq!(renumber(&[1, 2, 3], &current), []);
        assert_eq!(renumber(&[2, 3], &current), [(2, 1), (3, 2)], "after a removal");
    }

    #[test]
    fn validation() {
        assert_eq!(name("  Dialog "), Ok("Dialog".into()));
        assert_eq!(name(" "), Err(FieldError::Rule(Invalid::Required)));
        assert_eq!(name(&"x".repeat(201)), Err(FieldError::Rule(Invalid::TooLong(200))));
        assert_eq!(optional_name(""), Ok(String::new()));
        assert_eq!(optional_name("Tillit"), Ok("Tillit".into()));
        assert_eq!(required_text("  ", TEXT_MAX), Err(FieldError::Rule(Invalid::Required)));
        assert_eq!(
            required_text(&"å".repeat(5001), TEXT_MAX),
            Err(FieldError::Rule(Invalid::TooLong(5000)))
        );
        assert_eq!(
            required_text("<b>fet</b>", TEXT_MAX),
            Ok("<b>fet</b>".into()),
            "kept; escaped when shown"
        );
        assert_eq!(optional_text(""), Ok(String::new()));
        assert_eq!(
            comment(&"a".repeat(2001)),
            Err(FieldError::Rule(Invalid::TooLong(2000)))
        );
        assert_eq!(number(""), Ok(None));
        assert_eq!(number(" 3 "), Ok(Some(3)));
        for bad in ["0", "-1", "tre", "1.5", "100"] {
            assert_eq!(number(bad), Err(FieldError::Number), "{bad}");
        }
        assert_eq!(date("2018-02-26"), Ok("2018-02-26".into()));
        assert_eq!(date(""), Err(FieldError::Rule(Invalid::Required)));
        for bad in ["2018-02-30", "26/2 2018", "2018-2-6", "1800-01-01", "igår"] {
            assert_eq!(date(bad), Err(FieldError::Date), "{bad}");
        }
        assert_eq!(FieldError::Number.message_id(), "agreement-err-number");
        assert_eq!(FieldError::Rule(Invalid::Required).message_id(), "err-required");
    }

    #[test]
    fn texts_become_paragraphs_of_lines() {
        assert_eq!(
            paragraphs("Första stycket\nandra raden\n\n\nAndra stycket\r\n"),
            vec![
                vec!["Första stycket".to_string(), "andra raden".to_string()],
                vec!["Andra stycket".to_string()]
            ]
        );
        assert!(paragraphs("  \n \n").is_empty());
    }

    fn principle(id: i64, position: i64, name: &str) -> Principle {
        Principle {
            id: PrincipleId::new(id),
            version_id: VersionId::new(1),
            position,
            name: name.into(),
            body: String::new(),
        }
    }

    fn commitment(id: i64, principle_id: i64, party: Party, position: i64) -> Commitment {
        Commitment {
            id: CommitmentId::new(id),
            principle_id: PrincipleId::new(principle_id),
            party,
            position,
            heading: String::new(),
            body: format!("c{id}"),
        }
    }

    #[test]
    fn principles_are_grouped_with_their_commitments_in_order() {
        let grouped = assemble(
            vec![principle(2, 2, "Dialog"), principle(1, 1, "Självständighet")],
            vec![
                commitment(10, 2, Party::CivilSociety, 1),
                commitment(11, 2, Party::Municipality, 2),
                commitment(12, 2, Party::Municipality, 1),
                commitment(13, 1, Party::Municipality, 1),
            ],
        );
        assert_eq!(grouped.len(), 2);
        assert_eq!(grouped[0].principle.name, "Självständighet");
        assert_eq!(grouped[0].count(), 1);
        assert!(grouped[0].of(Party::CivilSociety).is_empty());
        let ids = |p: &PrincipleWith, party| p.of(party).iter().map(|c| c.id.get()).collect::<Vec<_>>();
        assert_eq!(ids(&grouped[1], Party::Municipality), [12, 11]);
        assert_eq!(ids(&grouped[1], Party::CivilSociety), [10]);
        assert_eq!(grouped[1].parties[0].party, Party::Municipality, "municipality first");
    }
}
