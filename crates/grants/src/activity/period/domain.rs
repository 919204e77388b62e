//! A period's activity support for all its associations, as plain values: each association's
//! counted meetings and participations and the amount the rules give, the budget shared when
//! the claims exceed it ([`prorate`]: every claim reduced by the same share, budget ÷ the sum
//! of the claims, which is the "budget ÷ eligible units" with each unit weighed by its
//! amount), the period's totals by gender and age band, and the table as CSV.

use crate::activity::domain::{prorate, AgeBand, Totals};
use chrono::NaiveDate;
use platform::OrganisationId;
use serde::Serialize;

/// One association's activity support in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganisationSupport {
    pub organisation_id: OrganisationId,
    pub name: String,
    /// What counted (meetings, participations by gender and band) and the rules' amount.
    pub totals: Totals,
    /// The amount the rules give (öre).
    pub amount_ore: i64,
    /// The amount within the budget (öre): the rules' amount when the claims fit, otherwise
    /// reduced by the period's share, rounded down.
    pub prorated_ore: i64,
}

/// A period's activity support for all associations with attendance in its dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodSupport {
    pub programme_name: String,
    pub period_name: String,
    /// The activity dates the attendance is read for (both included).
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub budget_ore: i64,
    /// The rules' age bands, in the order of `Totals::per_band`.
    pub bands: Vec<AgeBand>,
    /// In Swedish order of their names.
    pub associations: Vec<OrganisationSupport>,
    /// The whole period's.
    pub totals: Totals,
    /// The sum of the rules' amounts.
    pub claimed_ore: i64,
    /// The sum of the amounts within the budget.
    pub paid_ore: i64,
    /// Whether the claims exceed the budget, so each was reduced.
    pub prorated: bool,
}

impl PeriodSupport {
    /// The share of each claim paid when the budget is shared, in hundredths of a per cent
    /// (4 827 is 48,27 %), rounded down; `None` when every claim is paid in full.
    pub fn share_basis_points(&self) -> Option<i64> {
        if !self.prorated || self.claimed_ore <= 0 {
            return None;
        }
        Some((i128::from(self.budget_ore.max(0)) * 10_000 / i128::from(self.claimed_ore)) as i64)
    }
}

/// What a period is, besides its associations' claims.
pub struct PeriodFacts {
    pub programme_name: String,
    pub period_name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub budget_ore: i64,
    pub bands: Vec<AgeBand>,
}

/// The period's support from each association's totals and name (an association without a
/// name given is shown by its id): the budget shared, the totals added up, the associations in
/// Swedish order of their names.
pub fn share(
    facts: PeriodFacts,
    claims: Vec<(OrganisationId, Totals)>,
    names: &[(OrganisationId, String)],
) -> PeriodSupport {
    let amounts: Vec<i64> = claims.iter().map(|(_, t)| t.amount_ore).collect();
    let shared = prorate(Some(facts.budget_ore), &amounts);
    let claimed_ore: i64 = amounts.iter().map(|a| (*a).max(0)).sum();
    let mut totals = Totals {
        per_band: vec![0; facts.bands.len()],
        ..Totals::default()
    };
    let mut associations: Vec<OrganisationSupport> = claims
        .into_iter()
        .zip(shared)
        .map(|((organisation_id, t), prorated_ore)| {
            add(&mut totals, &t);
            let name = names
                .iter()
                .find(|(id, _)| *id == organisation_id)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| organisation_id.to_string());
            OrganisationSupport {
                organisation_id,
                name,
                amount_ore: t.amount_ore,
                totals: t,
                prorated_ore,
            }
        })
        .collect();
    associations
        .sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name).then(a.organisation_id.cmp(&b.organisation_id)));
    let paid_ore = associations.iter().map(|a| a.prorated_ore).sum();
    PeriodSupport {
        programme_name: facts.programme_name,
        period_name: facts.period_name,
        starts_on: facts.starts_on,
        ends_on: facts.ends_on,
        budget_ore: facts.budget_ore,
        bands: facts.bands,
        associations,
        totals,
        claimed_ore,
        paid_ore,
        prorated: claimed_ore > facts.budget_ore.max(0),
    }
}

fn add(sum: &mut Totals, t: &Totals) {
    sum.meetings += t.meetings;
    sum.participations += t.participations;
    sum.girls += t.girls;
    sum.boys += t.boys;
    sum.other += t.other;
    for (s, n) in sum.per_band.iter_mut().zip(&t.per_band) {
        *s += n;
    }
    sum.amount_ore += t.amount_ore;
}

/// An amount in kronor as a spreadsheet in Sweden reads a number: `1234,56`.
pub fn csv_kronor(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let ore = ore.unsigned_abs();
    format!("{sign}{},{:02}", ore / 100, ore % 100)
}

/// The associations' table as CSV, as spreadsheets in Sweden open it (UTF-8 with a byte order
/// mark, `;` between cells, CRLF, no cell a spreadsheet would run as a formula): the `header`
/// (association, meetings, participations, amount by the rules, amount within the budget),
/// then a row per association in the page's order.
pub fn csv(support: &PeriodSupport, header: [String; 5]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    out.write_record(&header)?;
    for a in &support.associations {
        out.write_record([
            platform::csv::defused(&a.name).as_ref(),
            &a.totals.meetings.to_string(),
            &a.totals.participations.to_string(),
            &csv_kronor(a.amount_ore),
            &csv_kronor(a.prorated_ore),
        ])?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::domain::ActivityRules;

    fn facts(budget_ore: i64) -> PeriodFacts {
        PeriodFacts {
            programme_name: "Aktivitetsstöd".into(),
            period_name: "Våren 2026".into(),
            starts_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            ends_on: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or_default(),
            budget_ore,
            bands: ActivityRules::lok().bands,
        }
    }

    fn totals(meetings: u32, girls: u32, boys: u32, bands: [u32; 2], amount_ore: i64) -> Totals {
        Totals {
            meetings,
            participations: girls + boys,
            girls,
            boys,
            other: 0,
            per_band: bands.to_vec(),
            amount_ore,
        }
    }

    fn claims() -> Vec<(OrganisationId, Totals)> {
        vec![
            (OrganisationId::new(1), totals(2, 3, 4, [0, 7], 9702)),
            (OrganisationId::new(2), totals(1, 2, 1, [3, 0], 4458)),
        ]
    }

    fn names() -> Vec<(OrganisationId, String)> {
        vec![
            (OrganisationId::new(1), "Ösby IF".into()),
            (OrganisationId::new(2), "Åby BK".into()),
        ]
    }

    #[test]
    fn within_the_budget_every_claim_is_paid_in_full() {
        let s = share(facts(1_000_000), claims(), &names());
        assert!(!s.prorated);
        assert_eq!(s.share_basis_points(), None);
        // Swedish order: Å before Ö.
        let got: Vec<(&str, i64, i64)> = s
            .associations
            .iter()
            .map(|a| (a.name.as_str(), a.amount_ore, a.prorated_ore))
            .collect();
        assert_eq!(got, [("Åby BK", 4458, 4458), ("Ösby IF", 9702, 9702)]);
        assert_eq!((s.claimed_ore, s.paid_ore), (14_160, 14_160));
        assert_eq!(s.totals, totals(3, 5, 5, [3, 7], 14_160));
    }

    #[test]
    fn over_the_budget_each_claim_gets_the_same_share_rounded_down() {
        // 10 000 öre for 14 160 claimed: 9 702 × 10 000 ÷ 14 160 = 6 851.6…, 4 458 × … = 3 148.3…
        let s = share(facts(10_000), claims(), &names());
        assert!(s.prorated);
        assert_eq!(s.share_basis_points(), Some(7062));
        let got: Vec<i64> = s.associations.iter().map(|a| a.prorated_ore).collect();
        assert_eq!(got, [3148, 6851]);
        assert_eq!(s.paid_ore, 9999);
        assert!(s.paid_ore <= s.budget_ore);
    }

    #[test]
    fn a_budget_exactly_met_is_not_shared_and_a_missing_name_shows_the_id() {
        let s = share(facts(14_160), claims(), &names()[..1]);
        assert!(!s.prorated);
        assert_eq!(s.associations[0].name, "2");
        let empty = share(facts(0), Vec::new(), &[]);
        assert!(!empty.prorated);
        assert_eq!(empty.totals.per_band, [0, 0]);
    }

    #[test]
    fn the_csv_holds_the_table_with_amounts_as_numbers() {
        let mut claims = claims();
        claims.push((OrganisationId::new(3), totals(0, 0, 0, [0, 0], 0)));
        let names = vec![
            (OrganisationId::new(1), "Ösby IF".into()),
            (OrganisationId::new(2), "Åby BK; ungdom".into()),
            (OrganisationId::new(3), "=Summa".into()),
        ];
        let s = share(facts(10_000), claims, &names);
        let header = [
            "Förening",
            "Sammankomster",
            "Deltagartillfällen",
            "Belopp",
            "Inom budget",
        ]
        .map(String::from);
        let bytes = csv(&s, header).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}Förening;Sammankomster;Deltagartillfällen;Belopp;Inom budget\r\n\
             '=Summa;0;0;0,00;0,00\r\n\
             \"Åby BK; ungdom\";1;3;44,58;31,48\r\n\
             Ösby IF;2;7;97,02;68,51\r\n"
        );
        assert_eq!(csv_kronor(-105), "-1,05");
    }
}
