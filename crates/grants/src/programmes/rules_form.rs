//! The coordinator's forms for a programme's rules, requirements and attachments, without I/O:
//! what the fields show for what is stored, and what was typed read back, with a problem per
//! field. Amounts are typed in kronor ("1 500", "7,86") and kept in öre; the activity support's
//! age bands are typed one per line (`7–9; 7,86; 3`: ages; kronor per participation; weekly cap
//! or nothing) and a wrong line is told by its number.

use crate::activity::domain::{ActivityRules, AgeBand};
use crate::programmes::domain::{
    Attachment, Eligibility, Kind, MultiYearRules, OperatingRules, PremisesRules, ProjectRules, Rules, StartRules,
};
use serde::{Deserialize, Serialize};

/// The most age bands and excluded activities a programme has.
pub const BANDS_MAX: usize = 20;
pub const EXCLUDED_MAX: usize = 50;
pub const EXCLUDED_LEN_MAX: usize = 100;
/// The oldest age a band names.
pub const AGE_MAX: u32 = 130;
/// The highest weekly cap of a band.
pub const CAP_MAX: u32 = 50;

/// Reads kronor as typed into öre: "1 500", "1 500 kr", "7,86", "7,5" (7,50), "21". Whole
/// kronor with at most eleven digits; öre after a comma, one or two digits.
pub fn kronor_ore(typed: &str) -> Option<i64> {
    let s: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect::<String>()
        .to_lowercase();
    let s = s.strip_suffix("kr").unwrap_or(&s);
    let (whole, ore) = match s.split_once(',') {
        Some((w, o)) => (w, o),
        None => (s, ""),
    };
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 11 || !digits(whole) || ore.len() > 2 || !digits(ore) {
        return None;
    }
    if s.contains(',') && ore.is_empty() {
        return None;
    }
    let ore: i64 = match ore.len() {
        0 => 0,
        1 => ore.parse::<i64>().ok()? * 10,
        _ => ore.parse().ok()?,
    };
    Some(whole.parse::<i64>().ok()? * 100 + ore)
}

/// Öre as the form shows them, so that [`kronor_ore`] reads them back: "1 500", "7,86".
pub fn ore_text(ore: i64) -> String {
    let whole = (ore / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    match ore % 100 {
        0 => grouped,
        o => format!("{grouped},{o:02}"),
    }
}

/// Why a field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleProblem {
    Required,
    /// Not a whole number from `min` to `max`.
    Number {
        min: u32,
        max: u32,
    },
    /// Not kronor (with öre after a comma).
    Amount,
    /// A wrong age band, on its line of the field (from 1).
    Band {
        line: usize,
        why: BandProblem,
    },
    NoBands,
    TooManyBands,
    /// An excluded activity over [`EXCLUDED_LEN_MAX`] characters, on its line.
    ExcludedTooLong {
        line: usize,
    },
    TooManyExcluded,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandProblem {
    /// Not two or three parts with semicolons between.
    Parts,
    /// The ages are not "7–9", "65–" or "12".
    Ages,
    /// The first age is over the last.
    AgeOrder,
    Amount,
    /// The weekly cap is not a whole number from 1 to [`CAP_MAX`].
    Cap,
    /// Its ages overlap those of the band on that line.
    Overlap {
        line: usize,
    },
}

impl BandProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            BandProblem::Parts => "grants-band-err-parts",
            BandProblem::Ages => "grants-band-err-ages",
            BandProblem::AgeOrder => "grants-band-err-age-order",
            BandProblem::Amount => "grants-band-err-amount",
            BandProblem::Cap => "grants-band-err-cap",
            BandProblem::Overlap { .. } => "grants-band-err-overlap",
        }
    }
}

type Problems = Vec<(&'static str, RuleProblem)>;

/// A whole number from `min` to `max` ("1 000" allowed).
fn number(problems: &mut Problems, field: &'static str, typed: &str, min: u32, max: u32) -> Option<u32> {
    let s: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        problems.push((field, RuleProblem::Required));
        return None;
    }
    match s.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            problems.push((field, RuleProblem::Number { min, max }));
            None
        }
    }
}

/// Like [`number`], with empty for none.
fn optional_number(
    problems: &mut Problems,
    field: &'static str,
    typed: &str,
    min: u32,
    max: u32,
) -> Option<Option<u32>> {
    if typed.trim().is_empty() {
        Some(None)
    } else {
        number(problems, field, typed, min, max).map(Some)
    }
}

fn amount(problems: &mut Problems, field: &'static str, typed: &str) -> Option<i64> {
    if typed.trim().is_empty() {
        problems.push((field, RuleProblem::Required));
        return None;
    }
    let ore = kronor_ore(typed);
    if ore.is_none() {
        problems.push((field, RuleProblem::Amount));
    }
    ore
}

fn ticked(typed: &str) -> bool {
    !typed.trim().is_empty()
}

fn tick(on: bool) -> String {
    if on {
        "on".into()
    } else {
        String::new()
    }
}

// --- Age bands ---

fn ages(typed: &str) -> Result<(u32, Option<u32>), BandProblem> {
    let age = |s: &str| s.trim().parse::<u32>().ok().filter(|a| *a <= AGE_MAX);
    let s = typed.trim();
    let open = s.strip_suffix(['–', '-', '—', '+']).map(str::trim);
    if let Some(from) = open {
        return age(from).map(|f| (f, None)).ok_or(BandProblem::Ages);
    }
    match s.split_once(['–', '-', '—']) {
        Some((from, to)) => {
            let (from, to) = (age(from).ok_or(BandProblem::Ages)?, age(to).ok_or(BandProblem::Ages)?);
            if from > to {
                Err(BandProblem::AgeOrder)
            } else {
                Ok((from, Some(to)))
            }
        }
        None => age(s).map(|a| (a, Some(a))).ok_or(BandProblem::Ages),
    }
}

fn band(line: &str) -> Result<AgeBand, BandProblem> {
    let parts: Vec<&str> = line.split(';').map(str::trim).collect();
    if !(2..=3).contains(&parts.len()) {
        return Err(BandProblem::Parts);
    }
    let (from, to) = ages(parts[0])?;
    let per_participant_ore = kronor_ore(parts[1]).ok_or(BandProblem::Amount)?;
    let weekly_cap = match parts.get(2).copied().unwrap_or_default() {
        "" => None,
        cap => Some(
            cap.parse::<u32>()
                .ok()
                .filter(|c| (1..=CAP_MAX).contains(c))
                .ok_or(BandProblem::Cap)?,
        ),
    };
    Ok(AgeBand {
        from,
        to,
        weekly_cap,
        per_participant_ore,
    })
}

/// The age bands, one a line as `ages; kronor per participation; weekly cap` (the cap may be
/// left out or empty for none). Blank lines are skipped but counted, so a line's number is the
/// one the coordinator sees. Every wrong line is told; two bands may not share an age.
pub fn parse_bands(typed: &str) -> Result<Vec<AgeBand>, Vec<RuleProblem>> {
    let mut bands: Vec<(usize, AgeBand)> = Vec::new();
    let mut problems = Vec::new();
    let text = typed.replace("\r\n", "\n");
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        match band(line) {
            Ok(b) => {
                let overlapping = bands
                    .iter()
                    .find(|(_, o)| b.from <= o.to.unwrap_or(u32::MAX) && o.from <= b.to.unwrap_or(u32::MAX));
                match overlapping {
                    Some((other, _)) => problems.push(RuleProblem::Band {
                        line: line_no,
                        why: BandProblem::Overlap { line: *other },
                    }),
                    None => bands.push((line_no, b)),
                }
            }
            Err(why) => problems.push(RuleProblem::Band { line: line_no, why }),
        }
    }
    if problems.is_empty() && bands.is_empty() {
        problems.push(RuleProblem::NoBands);
    }
    if problems.is_empty() && bands.len() > BANDS_MAX {
        problems.push(RuleProblem::TooManyBands);
    }
    if problems.is_empty() {
        Ok(bands.into_iter().map(|(_, b)| b).collect())
    } else {
        Err(problems)
    }
}

/// The bands as the field shows them (what [`parse_bands`] reads back).
pub fn bands_text(bands: &[AgeBand]) -> String {
    bands
        .iter()
        .map(|b| match b.weekly_cap {
            Some(cap) => format!("{}; {}; {cap}", b.label(), ore_text(b.per_participant_ore)),
            None => format!("{}; {}", b.label(), ore_text(b.per_participant_ore)),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn excluded(problems: &mut Problems, typed: &str) -> Option<Vec<String>> {
    let mut list: Vec<String> = Vec::new();
    let text = typed.replace("\r\n", "\n");
    for (i, line) in text.split('\n').enumerate() {
        let a = line.trim();
        if a.is_empty() || list.iter().any(|x| x.to_lowercase() == a.to_lowercase()) {
            continue;
        }
        if a.chars().count() > EXCLUDED_LEN_MAX || a.chars().any(char::is_control) {
            problems.push(("excluded", RuleProblem::ExcludedTooLong { line: i + 1 }));
            return None;
        }
        list.push(a.to_string());
    }
    if list.len() > EXCLUDED_MAX {
        problems.push(("excluded", RuleProblem::TooManyExcluded));
        return None;
    }
    Some(list)
}

// --- The rules of each kind ---

/// The rules' fields as typed; a programme shows those of its kind.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RulesInput {
    // Activity
    pub min_participants: String,
    pub min_minutes: String,
    /// Empty for no limit.
    pub max_per_leader: String,
    pub min_leader_age: String,
    /// A checkbox.
    pub one_per_day: String,
    pub per_meeting: String,
    /// One a line.
    pub excluded: String,
    /// One band a line.
    pub bands: String,
    // Premises
    pub share_percent: String,
    pub yearly_cap: String,
    // Start and operating
    pub amount: String,
    pub min_members: String,
    pub no_restart_years: String,
    // Project
    pub apply_weeks_before: String,
    pub report_weeks_after: String,
    // Multi-year
    pub max_years: String,
}

impl RulesInput {
    /// The fields as they show the rules stored.
    pub fn of(rules: &Rules) -> RulesInput {
        let n = |n: u32| n.to_string();
        match rules {
            Rules::Activity(r) => RulesInput {
                min_participants: n(r.min_participants),
                min_minutes: n(r.min_minutes),
                max_per_leader: r.max_per_leader.map(n).unwrap_or_default(),
                min_leader_age: n(r.min_leader_age),
                one_per_day: tick(r.one_per_day),
                per_meeting: ore_text(r.per_meeting_ore),
                excluded: r.excluded_activities.join("\n"),
                bands: bands_text(&r.bands),
                ..RulesInput::default()
            },
            Rules::Premises(r) => RulesInput {
                share_percent: n(r.share_percent),
                yearly_cap: ore_text(r.yearly_cap_ore),
                ..RulesInput::default()
            },
            Rules::Start(r) => RulesInput {
                amount: ore_text(r.amount_ore),
                min_members: n(r.min_members),
                no_restart_years: n(r.no_restart_years),
                ..RulesInput::default()
            },
            Rules::Project(r) => RulesInput {
                apply_weeks_before: n(r.apply_weeks_before),
                report_weeks_after: n(r.report_weeks_after),
                ..RulesInput::default()
            },
            Rules::Operating(r) => RulesInput {
                amount: ore_text(r.amount_ore),
                ..RulesInput::default()
            },
            Rules::MultiYear(r) => RulesInput {
                max_years: n(r.max_years),
                ..RulesInput::default()
            },
        }
    }
}

fn activity(p: &mut Problems, i: &RulesInput) -> Option<Rules> {
    let min_participants = number(p, "min_participants", &i.min_participants, 0, 100);
    let min_minutes = number(p, "min_minutes", &i.min_minutes, 1, 24 * 60);
    let max_per_leader = optional_number(p, "max_per_leader", &i.max_per_leader, 1, 1000);
    let min_leader_age = number(p, "min_leader_age", &i.min_leader_age, 0, 100);
    let per_meeting = amount(p, "per_meeting", &i.per_meeting);
    let excluded = excluded(p, &i.excluded);
    let bands = parse_bands(&i.bands)
        .map_err(|e| p.extend(e.into_iter().map(|why| ("bands", why))))
        .ok();
    Some(Rules::Activity(ActivityRules {
        bands: bands?,
        min_participants: min_participants?,
        min_minutes: min_minutes?,
        max_per_leader: max_per_leader?,
        min_leader_age: min_leader_age?,
        one_per_day: ticked(&i.one_per_day),
        per_meeting_ore: per_meeting?,
        excluded_activities: excluded?,
    }))
}

/// The rules of a programme of `kind` read from the form, or every problem by field.
pub fn parse_rules(kind: Kind, i: &RulesInput) -> Result<Rules, Problems> {
    let mut p = Problems::new();
    let rules = match kind {
        Kind::Activity => activity(&mut p, i),
        Kind::Premises => {
            let share_percent = number(&mut p, "share_percent", &i.share_percent, 1, 100);
            let yearly_cap_ore = amount(&mut p, "yearly_cap", &i.yearly_cap);
            share_percent
                .zip(yearly_cap_ore)
                .map(|(share_percent, yearly_cap_ore)| {
                    Rules::Premises(PremisesRules {
                        share_percent,
                        yearly_cap_ore,
                    })
                })
        }
        Kind::Start => {
            let amount_ore = amount(&mut p, "amount", &i.amount);
            let min_members = number(&mut p, "min_members", &i.min_members, 0, 100_000);
            let no_restart_years = number(&mut p, "no_restart_years", &i.no_restart_years, 0, 50);
            match (amount_ore, min_members, no_restart_years) {
                (Some(amount_ore), Some(min_members), Some(no_restart_years)) => Some(Rules::Start(StartRules {
                    amount_ore,
                    min_members,
                    no_restart_years,
                })),
                _ => None,
            }
        }
        Kind::Project => {
            let before = number(&mut p, "apply_weeks_before", &i.apply_weeks_before, 0, 104);
            let after = number(&mut p, "report_weeks_after", &i.report_weeks_after, 0, 104);
            before.zip(after).map(|(apply_weeks_before, report_weeks_after)| {
                Rules::Project(ProjectRules {
                    apply_weeks_before,
                    report_weeks_after,
                })
            })
        }
        Kind::Operating => {
            amount(&mut p, "amount", &i.amount).map(|amount_ore| Rules::Operating(OperatingRules { amount_ore }))
        }
        Kind::MultiYear => number(&mut p, "max_years", &i.max_years, 1, 10)
            .map(|max_years| Rules::MultiYear(MultiYearRules { max_years })),
    };
    match rules {
        Some(r) if p.is_empty() => Ok(r),
        _ => Err(p),
    }
}

// --- Requirements and attachments ---

/// The requirements' fields as typed: two numbers (empty when not asked) and checkboxes.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct EligibilityInput {
    pub confirmed_within_months: String,
    pub min_board: String,
    pub valid_org_number: String,
    pub statutes_on_file: String,
    pub giro: String,
    pub signed_agreement: String,
    pub democracy_attestation: String,
}

impl EligibilityInput {
    pub fn of(e: &Eligibility) -> EligibilityInput {
        EligibilityInput {
            confirmed_within_months: e.confirmed_within_months.map(|n| n.to_string()).unwrap_or_default(),
            min_board: e.min_board.map(|n| n.to_string()).unwrap_or_default(),
            valid_org_number: tick(e.valid_org_number),
            statutes_on_file: tick(e.statutes_on_file),
            giro: tick(e.giro),
            signed_agreement: tick(e.signed_agreement),
            democracy_attestation: tick(e.democracy_attestation),
        }
    }
}

/// The requirements read from the form: confirmed within 1–24 months, a board of 1–50, each
/// number empty when not asked.
pub fn parse_eligibility(i: &EligibilityInput) -> Result<Eligibility, Problems> {
    let mut p = Problems::new();
    let months = optional_number(&mut p, "confirmed_within_months", &i.confirmed_within_months, 1, 24);
    let board = optional_number(&mut p, "min_board", &i.min_board, 1, 50);
    match (months, board) {
        (Some(confirmed_within_months), Some(min_board)) if p.is_empty() => Ok(Eligibility {
            confirmed_within_months,
            valid_org_number: ticked(&i.valid_org_number),
            min_board,
            statutes_on_file: ticked(&i.statutes_on_file),
            giro: ticked(&i.giro),
            signed_agreement: ticked(&i.signed_agreement),
            democracy_attestation: ticked(&i.democracy_attestation),
        }),
        _ => Err(p),
    }
}

/// The checkbox of an attachment on the form.
pub fn attachment_field(a: Attachment) -> String {
    format!("doc-{}", a.code())
}

/// The attachments ticked on the form (pairs as posted), in the usual order.
pub fn parse_attachments(posted: &[(String, String)]) -> Vec<Attachment> {
    Attachment::ALL
        .into_iter()
        .filter(|a| {
            let field = attachment_field(*a);
            posted.iter().any(|(k, v)| *k == field && ticked(v))
        })
        .collect()
}

#[cfg(test)]
mod tests;
