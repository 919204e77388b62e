//! A programme's rules, without I/O: its kind and the rules that kind has, the eligibility
//! requirements read from the registry, required attachments, and an application period's
//! dates and state. The amounts are öre.

use crate::activity::domain::ActivityRules;
use chrono::{Duration, NaiveDate};
use platform::rules::{self, Invalid};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 120;
pub const TEXT_MAX: usize = 8000;

/// The kinds of grant a municipality can offer; the code is stored and published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Per counted participation, from attendance (modelled on LOK-stöd).
    Activity,
    /// A share of documented premises costs minus rental income, with a yearly cap.
    Premises,
    /// Once, for a new association.
    Start,
    /// A project or event, applied for before and reported after.
    Project,
    /// Yearly operating grant.
    Operating,
    /// A decision for several years, each year's amount paid after the previous year's report.
    MultiYear,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Activity,
        Kind::Premises,
        Kind::Start,
        Kind::Project,
        Kind::Operating,
        Kind::MultiYear,
    ];

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn parse(code: &str) -> Option<Kind> {
        code.parse().ok()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Kind::Activity => "grants-kind-activity",
            Kind::Premises => "grants-kind-premises",
            Kind::Start => "grants-kind-start",
            Kind::Project => "grants-kind-project",
            Kind::Operating => "grants-kind-operating",
            Kind::MultiYear => "grants-kind-multi-year",
        }
    }

    /// The rules a new programme of this kind starts with (the research notes' examples; the
    /// municipality changes them).
    pub fn default_rules(self) -> Rules {
        match self {
            Kind::Activity => Rules::Activity(ActivityRules::lok()),
            // Kumla: 60 % of the costs minus rental income, at most 35 000 kr a year.
            Kind::Premises => Rules::Premises(PremisesRules {
                share_percent: 60,
                yearly_cap_ore: 3_500_000,
            }),
            // Svenljunga: 2 000 kr once, at least 15 members, no restart within 3 years.
            Kind::Start => Rules::Start(StartRules {
                amount_ore: 200_000,
                min_members: 15,
                no_restart_years: 3,
            }),
            // Värmdö: apply at least two months before, report at most two months after.
            Kind::Project => Rules::Project(ProjectRules {
                apply_weeks_before: 8,
                report_weeks_after: 8,
            }),
            Kind::Operating => Rules::Operating(OperatingRules { amount_ore: 200_000 }),
            Kind::MultiYear => Rules::MultiYear(MultiYearRules { max_years: 3 }),
        }
    }
}

/// The rules of a programme, by kind (stored as JSON with the kind as its tag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Rules {
    Activity(ActivityRules),
    Premises(PremisesRules),
    Start(StartRules),
    Project(ProjectRules),
    Operating(OperatingRules),
    MultiYear(MultiYearRules),
}

impl Rules {
    pub fn kind(&self) -> Kind {
        match self {
            Rules::Activity(_) => Kind::Activity,
            Rules::Premises(_) => Kind::Premises,
            Rules::Start(_) => Kind::Start,
            Rules::Project(_) => Kind::Project,
            Rules::Operating(_) => Kind::Operating,
            Rules::MultiYear(_) => Kind::MultiYear,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PremisesRules {
    pub share_percent: u32,
    pub yearly_cap_ore: i64,
}

/// The premises grant: `share` of the costs minus the rental income, never below nothing and
/// never over the yearly cap.
pub fn premises_grant(r: &PremisesRules, costs_ore: i64, rental_income_ore: i64) -> i64 {
    let net = (costs_ore - rental_income_ore).max(0);
    (i128::from(net) * i128::from(r.share_percent) / 100).min(i128::from(r.yearly_cap_ore.max(0))) as i64
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartRules {
    pub amount_ore: i64,
    pub min_members: u32,
    pub no_restart_years: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartRefusal {
    TooFewMembers {
        members: u32,
        min: u32,
    },
    /// A start grant was decided for the association in `year`, within the years without restart.
    RecentStart {
        year: i32,
    },
}

/// Whether an association may have a start grant in `year`: enough members, and no start grant
/// in the `no_restart_years` before (a grant in 2024 blocks 2025–2027 with three years).
pub fn start_grant(r: &StartRules, members: u32, last_start_year: Option<i32>, year: i32) -> Result<i64, StartRefusal> {
    if members < r.min_members {
        return Err(StartRefusal::TooFewMembers {
            members,
            min: r.min_members,
        });
    }
    if let Some(last) = last_start_year {
        if year - last <= r.no_restart_years as i32 {
            return Err(StartRefusal::RecentStart { year: last });
        }
    }
    Ok(r.amount_ore)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRules {
    pub apply_weeks_before: u32,
    pub report_weeks_after: u32,
}

impl ProjectRules {
    /// The last day to apply for a project starting on `starts_on`.
    pub fn apply_by(&self, starts_on: NaiveDate) -> NaiveDate {
        starts_on - Duration::weeks(i64::from(self.apply_weeks_before))
    }

    /// The last day to report a project ending on `ends_on`.
    pub fn report_by(&self, ends_on: NaiveDate) -> NaiveDate {
        ends_on + Duration::weeks(i64::from(self.report_weeks_after))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatingRules {
    pub amount_ore: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MultiYearRules {
    pub max_years: u32,
}

/// A multi-year decision's payouts: the first year is paid on the decision, each later year
/// only once the year before it has an approved report. `approved[i]` tells year `i + 1`'s
/// report; the answer is how many years may be paid so far.
pub fn multi_year_payable(years: u32, approved: &[bool]) -> u32 {
    if years == 0 {
        return 0;
    }
    let run = approved.iter().take_while(|a| **a).count() as u32;
    (1 + run).min(years)
}

// --- Eligibility ---

/// What a programme asks of an applicant, checked automatically against the registry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = grants::Eligibility)]
pub struct Eligibility {
    /// The profile confirmed within this many months after the årsmöte.
    pub confirmed_within_months: Option<u32>,
    pub valid_org_number: bool,
    pub min_board: Option<u32>,
    pub statutes_on_file: bool,
    pub giro: bool,
    /// The association has signed the local agreement (seed 002).
    pub signed_agreement: bool,
    /// The applicant attests the municipality's democracy conditions.
    pub democracy_attestation: bool,
}

impl Eligibility {
    /// What most municipal grants ask (the research notes, §2.4).
    pub fn usual() -> Eligibility {
        Eligibility {
            confirmed_within_months: Some(2),
            valid_org_number: true,
            min_board: Some(3),
            statutes_on_file: true,
            giro: true,
            signed_agreement: false,
            democracy_attestation: true,
        }
    }

    /// The requirements as message ids with their number (for the public page).
    pub fn listed(&self) -> Vec<(&'static str, Option<u32>)> {
        let mut v = Vec::new();
        if let Some(n) = self.confirmed_within_months {
            v.push(("grants-req-confirmed", Some(n)));
        }
        if self.valid_org_number {
            v.push(("grants-req-org-number", None));
        }
        if let Some(n) = self.min_board {
            v.push(("grants-req-board", Some(n)));
        }
        if self.statutes_on_file {
            v.push(("grants-req-statutes", None));
        }
        if self.giro {
            v.push(("grants-req-giro", None));
        }
        if self.signed_agreement {
            v.push(("grants-req-signed", None));
        }
        if self.democracy_attestation {
            v.push(("grants-req-democracy", None));
        }
        v
    }
}

/// The documents an application can be asked to carry.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr, utoipa::ToSchema,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
#[schema(as = grants::Attachment)]
pub enum Attachment {
    Verksamhetsberattelse,
    Arsmotesprotokoll,
    EkonomiskRedovisning,
    Revisionsberattelse,
    Budget,
    Stadgar,
}

impl Attachment {
    pub const ALL: [Attachment; 6] = [
        Attachment::Verksamhetsberattelse,
        Attachment::Arsmotesprotokoll,
        Attachment::EkonomiskRedovisning,
        Attachment::Revisionsberattelse,
        Attachment::Budget,
        Attachment::Stadgar,
    ];

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn parse(code: &str) -> Option<Attachment> {
        code.parse().ok()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Attachment::Verksamhetsberattelse => "grants-doc-verksamhetsberattelse",
            Attachment::Arsmotesprotokoll => "grants-doc-arsmotesprotokoll",
            Attachment::EkonomiskRedovisning => "grants-doc-ekonomisk-redovisning",
            Attachment::Revisionsberattelse => "grants-doc-revisionsberattelse",
            Attachment::Budget => "grants-doc-budget",
            Attachment::Stadgar => "grants-doc-stadgar",
        }
    }
}

// --- A new programme ---

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewProgramme {
    pub kind: Kind,
    pub name: String,
    pub description: String,
    pub criteria: String,
}

/// Checks a new programme's fields; the problems are per field.
pub fn validate_programme(
    kind: &str,
    name: &str,
    description: &str,
    criteria: &str,
) -> Result<NewProgramme, Vec<(&'static str, Invalid)>> {
    let mut problems = Vec::new();
    let kind = Kind::parse(kind);
    if kind.is_none() {
        problems.push(("kind", Invalid::Required));
    }
    let name = rules::line(name, NAME_MAX).map_err(|e| problems.push(("name", e))).ok();
    let description = rules::text(description, TEXT_MAX)
        .map_err(|e| problems.push(("description", e)))
        .ok();
    let criteria = rules::text(criteria, TEXT_MAX)
        .map_err(|e| problems.push(("criteria", e)))
        .ok();
    match (kind, name, description, criteria) {
        (Some(kind), Some(name), Some(description), Some(criteria)) if problems.is_empty() => Ok(NewProgramme {
            kind,
            name,
            description,
            criteria,
        }),
        _ => Err(problems),
    }
}

// --- Periods ---

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodDates {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub opens_on: NaiveDate,
    pub deadline: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodState {
    /// Applications not open yet.
    Upcoming,
    Open,
    /// The deadline has passed.
    Closed,
}

impl PeriodState {
    pub fn message_id(self) -> &'static str {
        match self {
            PeriodState::Upcoming => "grants-period-upcoming",
            PeriodState::Open => "grants-period-open",
            PeriodState::Closed => "grants-period-closed",
        }
    }
}

impl PeriodDates {
    /// Open from `opens_on` through the whole deadline day (Swedish date).
    pub fn state(&self, today: NaiveDate) -> PeriodState {
        if today < self.opens_on {
            PeriodState::Upcoming
        } else if today <= self.deadline {
            PeriodState::Open
        } else {
            PeriodState::Closed
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodProblem {
    Rule(Invalid),
    /// A date that is not YYYY-MM-DD.
    Date,
    /// The period ends before it starts, or the deadline is before applications open.
    Order,
    /// Not a whole number of kronor (spaces allowed).
    Amount,
}

impl PeriodProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            PeriodProblem::Rule(i) => i.message_id(),
            PeriodProblem::Date => "grants-err-date",
            PeriodProblem::Order => "grants-err-order",
            PeriodProblem::Amount => "grants-err-amount",
        }
    }
}

/// A period's fields as typed; the budget in whole kronor.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PeriodInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub opens_on: String,
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub budget: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPeriod {
    pub name: String,
    pub dates: PeriodDates,
    pub budget_ore: i64,
}

/// Reads "1 500 000" or "1500000" kronor into öre.
pub fn kronor(input: &str) -> Option<i64> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let digits = digits.strip_suffix("kr").unwrap_or(&digits).trim_end();
    if digits.is_empty() || digits.len() > 13 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok().map(|k| k * 100)
}

pub fn validate_period(p: &PeriodInput) -> Result<NewPeriod, Vec<(&'static str, PeriodProblem)>> {
    let mut problems = Vec::new();
    let name = rules::line(&p.name, NAME_MAX)
        .map_err(|e| problems.push(("name", PeriodProblem::Rule(e))))
        .ok();
    let mut date = |field: &'static str, v: &str| match NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            problems.push((
                field,
                if v.trim().is_empty() {
                    PeriodProblem::Rule(Invalid::Required)
                } else {
                    PeriodProblem::Date
                },
            ));
            None
        }
    };
    let starts_on = date("starts_on", &p.starts_on);
    let ends_on = date("ends_on", &p.ends_on);
    let opens_on = date("opens_on", &p.opens_on);
    let deadline = date("deadline", &p.deadline);
    if let (Some(s), Some(e)) = (starts_on, ends_on) {
        if e < s {
            problems.push(("ends_on", PeriodProblem::Order));
        }
    }
    if let (Some(o), Some(d)) = (opens_on, deadline) {
        if d < o {
            problems.push(("deadline", PeriodProblem::Order));
        }
    }
    let budget = kronor(&p.budget);
    if budget.is_none() {
        problems.push((
            "budget",
            if p.budget.trim().is_empty() {
                PeriodProblem::Rule(Invalid::Required)
            } else {
                PeriodProblem::Amount
            },
        ));
    }
    match (name, starts_on, ends_on, opens_on, deadline, budget) {
        (Some(name), Some(starts_on), Some(ends_on), Some(opens_on), Some(deadline), Some(budget_ore))
            if problems.is_empty() =>
        {
            Ok(NewPeriod {
                name,
                dates: PeriodDates {
                    starts_on,
                    ends_on,
                    opens_on,
                    deadline,
                },
                budget_ore,
            })
        }
        _ => Err(problems),
    }
}

/// "1 500 000 kr" with a non-breaking space between thousands, as Swedish writes amounts
/// (öre shown only when there are any: "7,86 kr").
pub fn format_kronor(ore: i64) -> String {
    let sign = if ore < 0 { "−" } else { "" };
    let ore = ore.unsigned_abs();
    let grouped = group(ore / 100);
    match ore % 100 {
        0 => format!("{sign}{grouped}\u{a0}kr"),
        o => format!("{sign}{grouped},{o:02}\u{a0}kr"),
    }
}

/// A count as Swedish writes it: "5 000", a non-breaking space between thousands.
pub fn format_count(n: i64) -> String {
    let sign = if n < 0 { "−" } else { "" };
    format!("{sign}{}", group(n.unsigned_abs()))
}

fn group(n: u64) -> String {
    let whole = n.to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests;
