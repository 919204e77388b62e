//! The applicant's form, without I/O: which fields a programme's kind asks for, how what was
//! typed is checked and stored, the amount it means (the premises grant's share, the start
//! grant's fixed sum; activity support is counted from attendance by the caller), and what
//! still stands in the way of sending it.

use crate::programmes::domain::{kronor, premises_grant, Kind, Rules};
use chrono::NaiveDate;
use platform::rules::{self, Email, Invalid};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const PURPOSE_MAX: usize = 4000;

/// What the applicant typed, as posted (every field a string; the form shows those of the kind).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct FormInput {
    #[serde(default)]
    pub purpose: String,
    /// Kronor applied for (a project, operating or multi-year grant; per year for multi-year).
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub years: String,
    /// Premises grant: the year's documented premises costs and rental income, kronor.
    #[serde(default)]
    pub costs: String,
    #[serde(default)]
    pub income: String,
    /// Start grant: the association's members.
    #[serde(default)]
    pub members: String,
    /// Project grant: when the project runs.
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub democracy: String,
    /// A second board member asked to co-sign (optional).
    #[serde(default)]
    pub co_signer: String,
}

/// The kind's own facts, kept with the answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs_ore: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rental_income_ore: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
}

/// The stored answers: the kind's facts and the programme's own questions (by question id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    #[serde(default)]
    pub details: Details,
    #[serde(default)]
    pub questions: BTreeMap<String, String>,
}

impl Stored {
    pub fn parse(json: &str) -> Stored {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// The form's fields for a kind, besides the purpose, the attestation and the co-signer.
pub fn fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Activity => &[],
        Kind::Premises => &["costs", "income"],
        Kind::Start => &["members"],
        Kind::Project => &["starts_on", "ends_on", "amount"],
        Kind::Operating => &["amount"],
        Kind::MultiYear => &["years", "amount"],
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Rule(Invalid),
    /// Not a whole number of kronor.
    Amount,
    /// Not a whole number.
    Number,
    /// Not YYYY-MM-DD.
    Date,
    /// The project ends before it starts.
    Order,
    /// More years than the programme allows.
    Years(u32),
    Email,
    /// The co-signer is the applicant.
    SameCoSigner,
}

impl Problem {
    pub fn message_id(self) -> &'static str {
        match self {
            Problem::Rule(i) => i.message_id(),
            Problem::Amount => "grants-err-amount",
            Problem::Number => "grants-err-number",
            Problem::Date => "grants-err-date",
            Problem::Order => "grants-err-project-order",
            Problem::Years(_) => "grants-err-years",
            Problem::Email => "err-email",
            Problem::SameCoSigner => "grants-err-co-signer-self",
        }
    }
}

/// The form checked: what to store, and the amount applied for (`None` for activity support,
/// which the caller counts from attendance).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub purpose: String,
    pub applied_ore: Option<i64>,
    pub years: u32,
    pub details: Details,
    pub democracy_attested: bool,
    pub co_signer: Option<String>,
}

fn optional<T>(
    problems: &mut Vec<(&'static str, Problem)>,
    field: &'static str,
    input: &str,
    parse: impl Fn(&str) -> Option<T>,
    bad: Problem,
) -> Option<T> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    let v = parse(s);
    if v.is_none() {
        problems.push((field, bad));
    }
    v
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Checks what was typed for a programme with `rules`. A draft may leave fields empty (what a
/// submission needs is [`missing`]'s business); what is typed must be well-formed.
pub fn check(rules: &Rules, input: &FormInput, applicant_email: &str) -> Result<Checked, Vec<(&'static str, Problem)>> {
    let mut problems = Vec::new();
    let purpose = rules::text(&input.purpose, PURPOSE_MAX)
        .map_err(|e| problems.push(("purpose", Problem::Rule(e))))
        .unwrap_or_default();
    let kind = rules.kind();
    let shown = fields(kind);
    let mut amount = |field: &'static str, input: &str| {
        if shown.contains(&field) {
            optional(&mut problems, field, input, kronor, Problem::Amount)
        } else {
            None
        }
    };
    let typed_amount = amount("amount", &input.amount);
    let costs = amount("costs", &input.costs);
    let income = amount("income", &input.income);
    let mut number = |field: &'static str, input: &str| {
        if shown.contains(&field) {
            optional(&mut problems, field, input, |s| s.parse::<u32>().ok(), Problem::Number)
        } else {
            None
        }
    };
    let members = number("members", &input.members);
    let years = number("years", &input.years);
    let (mut starts_on, mut ends_on) = (None, None);
    if shown.contains(&"starts_on") {
        starts_on = optional(&mut problems, "starts_on", &input.starts_on, date, Problem::Date);
        ends_on = optional(&mut problems, "ends_on", &input.ends_on, date, Problem::Date);
        if let (Some(s), Some(e)) = (starts_on, ends_on) {
            if e < s {
                problems.push(("ends_on", Problem::Order));
            }
        }
    }
    let years = match (rules, years) {
        (Rules::MultiYear(r), Some(y)) if y == 0 || y > r.max_years => {
            problems.push(("years", Problem::Years(r.max_years)));
            1
        }
        (Rules::MultiYear(r), None) => r.max_years.max(1),
        (_, Some(y)) => y,
        (_, None) => 1,
    };
    let co_signer = match input.co_signer.trim() {
        "" => None,
        s => match Email::parse(s) {
            Ok(e) if e.as_str().eq_ignore_ascii_case(applicant_email.trim()) => {
                problems.push(("co_signer", Problem::SameCoSigner));
                None
            }
            Ok(e) => Some(e.as_str().to_string()),
            Err(_) => {
                problems.push(("co_signer", Problem::Email));
                None
            }
        },
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let applied_ore = match rules {
        Rules::Activity(_) => None,
        Rules::Premises(r) => Some(premises_grant(r, costs.unwrap_or(0), income.unwrap_or(0))),
        Rules::Start(r) => Some(r.amount_ore),
        _ => Some(typed_amount.unwrap_or(0)),
    };
    Ok(Checked {
        purpose,
        applied_ore,
        years,
        details: Details {
            costs_ore: costs,
            rental_income_ore: income,
            members,
            starts_on,
            ends_on,
        },
        democracy_attested: !input.democracy.trim().is_empty(),
        co_signer,
    })
}

/// The form's fields as stored, to show them again.
pub fn input_of(
    stored: &Details,
    purpose: &str,
    applied_ore: i64,
    years: u32,
    democracy: bool,
    co_signer: &str,
) -> FormInput {
    let kr = |o: Option<i64>| o.map(|o| (o / 100).to_string()).unwrap_or_default();
    FormInput {
        purpose: purpose.to_string(),
        amount: if applied_ore > 0 {
            (applied_ore / 100).to_string()
        } else {
            String::new()
        },
        years: years.to_string(),
        costs: kr(stored.costs_ore),
        income: kr(stored.rental_income_ore),
        members: stored.members.map(|m| m.to_string()).unwrap_or_default(),
        starts_on: stored.starts_on.map(|d| d.to_string()).unwrap_or_default(),
        ends_on: stored.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        democracy: if democracy { "on".into() } else { String::new() },
        co_signer: co_signer.to_string(),
    }
}

/// What still stands in the way of sending an application, as message ids with an argument
/// where one helps (a date, a number). The caller adds the eligibility checks, the attachments
/// and the programme's questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    Purpose,
    Amount,
    /// Activity support with no counted meeting in the period.
    Attendance,
    Field(&'static str),
    /// A project must be applied for by this date (weeks before it starts).
    TooLateForProject(NaiveDate),
    TooFewMembers {
        members: u32,
        min: u32,
    },
    /// A start grant was decided in this year, within the programme's years without restart.
    RecentStart(i32),
}

impl Missing {
    pub fn message_id(&self) -> &'static str {
        match self {
            Missing::Purpose => "grants-missing-purpose",
            Missing::Amount => "grants-missing-amount",
            Missing::Attendance => "grants-missing-attendance",
            Missing::Field(_) => "grants-missing-field",
            Missing::TooLateForProject(_) => "grants-missing-project-late",
            Missing::TooFewMembers { .. } => "grants-missing-members",
            Missing::RecentStart(_) => "grants-missing-recent-start",
        }
    }
}

/// What the form lacks for a submission: `applied_ore` is the amount as counted (attendance
/// for activity support), `last_start_year` the year of the association's last start grant.
pub fn missing(
    rules: &Rules,
    purpose: &str,
    applied_ore: i64,
    details: &Details,
    last_start_year: Option<i32>,
    today: NaiveDate,
) -> Vec<Missing> {
    use chrono::Datelike;
    let mut v = Vec::new();
    if purpose.trim().is_empty() {
        v.push(Missing::Purpose);
    }
    match rules {
        Rules::Activity(_) => {
            if applied_ore <= 0 {
                v.push(Missing::Attendance);
            }
        }
        Rules::Premises(_) => {
            if details.costs_ore.is_none() {
                v.push(Missing::Field("costs"));
            } else if applied_ore <= 0 {
                v.push(Missing::Amount);
            }
        }
        Rules::Start(r) => match details.members {
            None => v.push(Missing::Field("members")),
            Some(members) => {
                if let Err(refusal) = crate::programmes::domain::start_grant(r, members, last_start_year, today.year())
                {
                    v.push(match refusal {
                        crate::programmes::domain::StartRefusal::TooFewMembers { members, min } => {
                            Missing::TooFewMembers { members, min }
                        }
                        crate::programmes::domain::StartRefusal::RecentStart { year } => Missing::RecentStart(year),
                    });
                }
            }
        },
        Rules::Project(r) => {
            match details.starts_on {
                None => v.push(Missing::Field("starts_on")),
                Some(s) if today > r.apply_by(s) => v.push(Missing::TooLateForProject(r.apply_by(s))),
                Some(_) => {}
            }
            if details.ends_on.is_none() {
                v.push(Missing::Field("ends_on"));
            }
            if applied_ore <= 0 {
                v.push(Missing::Amount);
            }
        }
        Rules::Operating(_) | Rules::MultiYear(_) => {
            if applied_ore <= 0 {
                v.push(Missing::Amount);
            }
        }
    }
    v
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
