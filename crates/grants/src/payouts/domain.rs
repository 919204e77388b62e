//! The payout rules, without I/O: when a decided year may be paid, which payout list (by the
//! date it became payable) it belongs to, its reference for the finance system, and whether its
//! account can be exported.

use crate::ids::{ApplicationId, InstallmentId};
use crate::programmes::domain::multi_year_payable;
use chrono::{Months, NaiveDate};
use platform::OrganisationId;
use registry::domain::{Giro, GiroKind};

/// One year of a decided grant, as far as its payout is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Year {
    pub year: u32,
    /// `None`: no report is asked for this year.
    pub report_due_on: Option<NaiveDate>,
    /// The day (Swedish time) its report was approved.
    pub report_approved_on: Option<NaiveDate>,
}

/// The day year `year` of a grant decided on `decided_on` became payable, or `None` when it is
/// not payable (yet) on `today`. `years` are all the grant's years, in order from year 1.
///
/// Year 1 is payable on the decision. A later year is payable once the reports of every year
/// before it are approved ([`multi_year_payable`]), from the day the previous year's report
/// was approved. A year before it with no report asked counts as approved; a later year after
/// such a year becomes payable on the decision's anniversary (never all years at once).
pub fn payable_on(decided_on: NaiveDate, years: &[Year], year: u32, today: NaiveDate) -> Option<NaiveDate> {
    let n = u32::try_from(years.len()).unwrap_or(u32::MAX);
    if year == 0 || year > n {
        return None;
    }
    let approved: Vec<bool> = years
        .iter()
        .map(|y| y.report_due_on.is_none() || y.report_approved_on.is_some())
        .collect();
    if year > multi_year_payable(n, &approved) {
        return None;
    }
    let on = if year == 1 {
        decided_on
    } else {
        let previous = &years[year as usize - 2];
        match previous.report_approved_on {
            Some(approved) => approved.max(decided_on),
            None => decided_on.checked_add_months(Months::new(12 * (year - 1)))?,
        }
    };
    (on <= today).then_some(on)
}

/// The payment's reference, as the finance system and the association's bank statement show
/// it: the case number and the year, "KFN 2027/0042 år 2".
pub fn reference(case_number: Option<&str>, year: u32) -> String {
    match case_number.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => format!("{c} år {year}"),
        None => format!("år {year}"),
    }
}

/// Why a row's account cannot be paid to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountProblem {
    /// The association has no bankgiro or plusgiro in the registry.
    Missing,
    /// The number on file does not pass its checks (length, check digit).
    Invalid,
}

impl AccountProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            AccountProblem::Missing => "grants-pay-account-missing",
            AccountProblem::Invalid => "grants-pay-account-invalid",
        }
    }
}

/// The registry's account as a payable bankgiro or plusgiro.
pub fn account(giro: Option<&(GiroKind, String)>) -> Result<Giro, AccountProblem> {
    let (kind, number) = giro.ok_or(AccountProblem::Missing)?;
    Giro::parse(*kind, number).map_err(|_| AccountProblem::Invalid)
}

/// One payment in a payout list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayoutRow {
    pub installment_id: InstallmentId,
    pub application_id: ApplicationId,
    pub organisation_id: OrganisationId,
    pub org_number: String,
    pub association: String,
    pub account: Result<Giro, AccountProblem>,
    pub amount_ore: i64,
    pub year: u32,
    pub reference: String,
    pub decided_on: NaiveDate,
    pub programme: String,
}

impl PayoutRow {
    /// Whether the row can go to the finance system (its account is valid).
    pub fn exportable(&self) -> bool {
        self.account.is_ok()
    }
}

/// The payments that became payable on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayoutList {
    pub payable_on: NaiveDate,
    pub rows: Vec<PayoutRow>,
}

impl PayoutList {
    pub fn exportable(&self) -> impl Iterator<Item = &PayoutRow> {
        self.rows.iter().filter(|r| r.exportable())
    }

    /// The sum of the exportable rows.
    pub fn total_ore(&self) -> i64 {
        self.exportable().map(|r| r.amount_ore).sum()
    }
}

/// Rows grouped into lists by the day they became payable, oldest list first; in a list, by
/// association (Swedish order), then reference.
pub fn lists(rows: Vec<(NaiveDate, PayoutRow)>) -> Vec<PayoutList> {
    let mut by_day: std::collections::BTreeMap<NaiveDate, Vec<PayoutRow>> = Default::default();
    for (day, row) in rows {
        by_day.entry(day).or_default().push(row);
    }
    by_day
        .into_iter()
        .map(|(payable_on, mut rows)| {
            rows.sort_by(|a, b| {
                platform::rules::swedish_cmp(&a.association, &b.association).then_with(|| a.reference.cmp(&b.reference))
            });
            PayoutList { payable_on, rows }
        })
        .collect()
}

/// An amount as a spreadsheet in Sweden reads a number: kronor with a decimal comma and no
/// grouping, "25000,00".
pub fn amount_cell(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let ore = ore.unsigned_abs();
    format!("{sign}{},{:02}", ore / 100, ore % 100)
}

/// The export's column headings, in Swedish (the finance system's language).
pub const HEADINGS: [&str; 8] = [
    "Organisationsnummer",
    "Förening",
    "Kontoslag",
    "Kontonummer",
    "Belopp (kr)",
    "Referens",
    "Beslutsdatum",
    "Bidrag",
];

fn giro_kind(kind: GiroKind) -> &'static str {
    match kind {
        GiroKind::Bankgiro => "Bankgiro",
        GiroKind::Plusgiro => "Plusgiro",
    }
}

/// The list's exportable rows as text cells under [`HEADINGS`] (the amount as [`amount_cell`]).
pub fn table(list: &PayoutList) -> Vec<Vec<String>> {
    let mut out = vec![HEADINGS.iter().map(|h| h.to_string()).collect()];
    for r in list.exportable() {
        let Ok(giro) = &r.account else { continue };
        out.push(vec![
            r.org_number.clone(),
            r.association.clone(),
            giro_kind(giro.kind).to_string(),
            giro.number().to_string(),
            amount_cell(r.amount_ore),
            r.reference.clone(),
            r.decided_on.format("%Y-%m-%d").to_string(),
            r.programme.clone(),
        ]);
    }
    out
}

#[cfg(test)]
mod tests;
