//! Eligibility checks as plain functions: a programme's [`Eligibility`] against the facts the
//! registry and the application give about an association, each requirement with its result
//! and why. The caller reads the facts; nothing here touches a database.

use crate::programmes::domain::Eligibility;
use chrono::{Months, NaiveDate};
use registry::domain::{Giro, GiroKind, OrgNumber};

/// What is known about the applying association.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub org_number: Option<String>,
    pub board_members: u32,
    pub statutes_on_file: bool,
    /// The account grants are paid to, as written.
    pub giro: Option<(GiroKind, String)>,
    pub signed_agreement: bool,
    pub annual_meeting_on: Option<NaiveDate>,
    pub confirmed_on: Option<NaiveDate>,
    pub democracy_attested: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// Passes, but a person should look (an organisation number outside group 8).
    Warn,
    Fail,
}

/// One requirement's result: its message id (with its number, where it has one), the outcome
/// and the message id of the reason when it is not a plain pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub requirement: &'static str,
    pub n: Option<u32>,
    pub outcome: Outcome,
    pub why: Option<&'static str>,
}

fn check(requirement: &'static str, n: Option<u32>, outcome: Outcome, why: Option<&'static str>) -> Check {
    Check {
        requirement,
        n,
        outcome,
        why,
    }
}

fn pass_or(requirement: &'static str, n: Option<u32>, ok: bool, why: &'static str) -> Check {
    if ok {
        check(requirement, n, Outcome::Pass, None)
    } else {
        check(requirement, n, Outcome::Fail, Some(why))
    }
}

/// Every requirement of `req`, in the order the programme page lists them.
pub fn checks(req: &Eligibility, facts: &Facts) -> Vec<Check> {
    let mut v = Vec::new();
    if let Some(months) = req.confirmed_within_months {
        let id = "grants-req-confirmed";
        v.push(match (facts.annual_meeting_on, facts.confirmed_on) {
            (None, _) => check(id, Some(months), Outcome::Fail, Some("grants-why-no-annual-meeting")),
            (Some(_), None) => check(id, Some(months), Outcome::Fail, Some("grants-why-not-confirmed")),
            (Some(meeting), Some(confirmed)) if confirmed < meeting => check(
                id,
                Some(months),
                Outcome::Fail,
                Some("grants-why-confirmed-before-meeting"),
            ),
            (Some(meeting), Some(confirmed)) => pass_or(
                id,
                Some(months),
                meeting
                    .checked_add_months(Months::new(months))
                    .is_some_and(|last| confirmed <= last),
                "grants-why-confirmed-late",
            ),
        });
    }
    if req.valid_org_number {
        let id = "grants-req-org-number";
        v.push(match facts.org_number.as_deref().map(OrgNumber::parse) {
            None => check(id, None, Outcome::Fail, Some("grants-why-no-org-number")),
            Some(Err(_)) => check(id, None, Outcome::Fail, Some("grants-why-org-number-invalid")),
            Some(Ok(o)) if !o.is_non_profit_group() => {
                check(id, None, Outcome::Warn, Some("grants-why-org-number-group"))
            }
            Some(Ok(_)) => check(id, None, Outcome::Pass, None),
        });
    }
    if let Some(min) = req.min_board {
        v.push(pass_or(
            "grants-req-board",
            Some(min),
            facts.board_members >= min,
            "grants-why-board",
        ));
    }
    if req.statutes_on_file {
        v.push(pass_or(
            "grants-req-statutes",
            None,
            facts.statutes_on_file,
            "grants-why-statutes",
        ));
    }
    if req.giro {
        let id = "grants-req-giro";
        v.push(match &facts.giro {
            None => check(id, None, Outcome::Fail, Some("grants-why-no-giro")),
            Some((kind, number)) => pass_or(id, None, Giro::parse(*kind, number).is_ok(), "grants-why-giro-invalid"),
        });
    }
    if req.signed_agreement {
        v.push(pass_or(
            "grants-req-signed",
            None,
            facts.signed_agreement,
            "grants-why-not-signed",
        ));
    }
    if req.democracy_attestation {
        v.push(pass_or(
            "grants-req-democracy",
            None,
            facts.democracy_attested,
            "grants-why-not-attested",
        ));
    }
    v
}

/// Whether the association meets every requirement (warnings do not stop it).
pub fn eligible(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.outcome != Outcome::Fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// An association that meets the usual requirements.
    fn good() -> Facts {
        Facts {
            org_number: Some("802002-4280".into()),
            board_members: 5,
            statutes_on_file: true,
            giro: Some((GiroKind::Bankgiro, "5402-9681".into())),
            signed_agreement: false,
            annual_meeting_on: Some(d("2026-03-15")),
            confirmed_on: Some(d("2026-04-20")),
            democracy_attested: true,
        }
    }

    fn outcome(checks: &[Check], requirement: &str) -> (Outcome, Option<&'static str>) {
        let c = checks.iter().find(|c| c.requirement == requirement).unwrap();
        (c.outcome, c.why)
    }

    #[test]
    fn an_association_with_everything_in_order_is_eligible() {
        let c = checks(&Eligibility::usual(), &good());
        assert_eq!(c.len(), 6);
        assert!(c.iter().all(|c| c.outcome == Outcome::Pass), "{c:?}");
        assert!(eligible(&c));
    }

    #[test]
    fn the_confirmation_must_come_within_the_months_after_the_annual_meeting() {
        let req = Eligibility::usual();
        let mut f = good();
        // 15 March + 2 months = 15 May: the last day that passes.
        f.confirmed_on = Some(d("2026-05-15"));
        assert_eq!(
            outcome(&checks(&req, &f), "grants-req-confirmed"),
            (Outcome::Pass, None)
        );
        f.confirmed_on = Some(d("2026-05-16"));
        assert_eq!(
            outcome(&checks(&req, &f), "grants-req-confirmed"),
            (Outcome::Fail, Some("grants-why-confirmed-late"))
        );
        f.confirmed_on = Some(d("2026-03-01"));
        assert_eq!(
            outcome(&checks(&req, &f), "grants-req-confirmed"),
            (Outcome::Fail, Some("grants-why-confirmed-before-meeting"))
        );
        f.confirmed_on = None;
        assert_eq!(
            outcome(&checks(&req, &f), "grants-req-confirmed"),
            (Outcome::Fail, Some("grants-why-not-confirmed"))
        );
        f.annual_meeting_on = None;
        assert!(!eligible(&checks(&req, &f)));
    }

    #[test]
    fn the_organisation_number_is_checked_and_another_group_is_a_warning() {
        let req = Eligibility::usual();
        let mut f = good();
        f.org_number = Some("802002-4281".into());
        assert_eq!(
            outcome(&checks(&req, &f), "grants-req-org-number"),
            (Outcome::Fail, Some("grants-why-org-number-invalid"))
        );
        // A personnummer passes Luhn but not the third digit.
        f.org_number = Some("811228-9874".into());
        assert_eq!(outcome(&checks(&req, &f), "grants-req-org-number").0, Outcome::Fail);
        // An ekonomisk förening or AB: warned, not refused.
        f.org_number = Some("556036-0793".into());
        let c = checks(&req, &f);
        assert_eq!(
            outcome(&c, "grants-req-org-number"),
            (Outcome::Warn, Some("grants-why-org-number-group"))
        );
        assert!(eligible(&c));
        f.org_number = None;
        assert_eq!(
            outcome(&checks(&req, &f), "grants-req-org-number"),
            (Outcome::Fail, Some("grants-why-no-org-number"))
        );
    }

    #[test]
    fn board_statutes_giro_signature_and_attestation() {
        let req = Eligibility {
            signed_agreement: true,
            ..Eligibility::usual()
        };
        let mut f = good();
        f.board_members = 2;
        f.statutes_on_file = false;
        f.giro = Some((GiroKind::Plusgiro, "4105468-4".into()));
        f.democracy_attested = false;
        let c = checks(&req, &f);
        assert_eq!(
            outcome(&c, "grants-req-board"),
            (Outcome::Fail, Some("grants-why-board"))
        );
        assert_eq!(
            outcome(&c, "grants-req-statutes"),
            (Outcome::Fail, Some("grants-why-statutes"))
        );
        assert_eq!(
            outcome(&c, "grants-req-giro"),
            (Outcome::Fail, Some("grants-why-giro-invalid"))
        );
        assert_eq!(
            outcome(&c, "grants-req-signed"),
            (Outcome::Fail, Some("grants-why-not-signed"))
        );
        assert_eq!(
            outcome(&c, "grants-req-democracy"),
            (Outcome::Fail, Some("grants-why-not-attested"))
        );
        f.board_members = 3;
        f.giro = Some((GiroKind::Plusgiro, "4105468-5".into()));
        f.signed_agreement = true;
        let c = checks(&req, &f);
        assert_eq!(outcome(&c, "grants-req-board").0, Outcome::Pass);
        assert_eq!(outcome(&c, "grants-req-giro").0, Outcome::Pass);
        assert_eq!(outcome(&c, "grants-req-signed").0, Outcome::Pass);
        f.giro = None;
        assert_eq!(
            outcome(&checks(&req, &f), "grants-req-giro"),
            (Outcome::Fail, Some("grants-why-no-giro"))
        );
    }

    #[test]
    fn a_programme_without_requirements_checks_nothing() {
        let c = checks(&Eligibility::default(), &Facts::default());
        assert!(c.is_empty());
        assert!(eligible(&c));
    }
}
