//! The payouts' queries. Every function takes the municipality and filters by it.

use crate::applications::domain::Status;
use crate::ids::{ApplicationId, InstallmentId};
use crate::payouts::domain::{self, PayoutList, PayoutRow, Year};
use crate::tables::{Applications, Installments};
use chrono::NaiveDate;
use platform::db::{Db, Update};
use platform::{MunicipalityId, OrganisationId};
use sea_query::Expr;
use sqlx::Row;

/// Every year of the decided grants that still have a year to pay and no recovery, with what
/// the list needs. Applications whose payouts are stopped by a recovery are left out whole.
const CANDIDATES: &str = "SELECT i.id, i.application_id, i.year_index, i.amount_ore, i.report_due_on, \
     i.report_approved_at, i.paid_at, a.organisation_id, a.case_number, a.decided_on, o.name AS association, \
     p.name AS programme \
     FROM grants_installments i \
     JOIN grants_applications a ON a.id = i.application_id AND a.municipality_id = i.municipality_id \
     JOIN organisations o ON o.id = a.organisation_id \
     JOIN grants_programmes p ON p.id = a.programme_id \
     WHERE i.municipality_id = $1 AND a.status IN ('granted', 'reduced', 'paid') AND a.decided_on IS NOT NULL \
       AND EXISTS (SELECT 1 FROM grants_installments u WHERE u.application_id = i.application_id AND u.paid_at IS NULL) \
       AND NOT EXISTS (SELECT 1 FROM grants_installments r WHERE r.application_id = i.application_id \
           AND r.recovery_started_at IS NOT NULL) \
     ORDER BY i.application_id, i.year_index";

struct Candidate {
    id: InstallmentId,
    application_id: ApplicationId,
    year: Year,
    amount_ore: i64,
    paid: bool,
    organisation_id: OrganisationId,
    case_number: Option<String>,
    decided_on: NaiveDate,
    association: String,
    programme: String,
}

/// The payout lists of the municipality on `today`: the years that may be paid and are not
/// (two queries: the years, then the associations' accounts from the registry).
pub async fn lists(db: &Db, m: MunicipalityId, today: NaiveDate) -> Result<Vec<PayoutList>, sqlx::Error> {
    let rows = sqlx::query(CANDIDATES).bind(m).fetch_all(&db.pool).await?;
    let mut all = Vec::with_capacity(rows.len());
    for r in &rows {
        let year: i64 = r.try_get("year_index")?;
        let approved: Option<i64> = r.try_get("report_approved_at")?;
        let paid: Option<i64> = r.try_get("paid_at")?;
        let Some(decided_on) = crate::applications::store::date(r.try_get("decided_on")?) else {
            continue;
        };
        all.push(Candidate {
            id: r.try_get("id")?,
            application_id: r.try_get("application_id")?,
            year: Year {
                year: u32::try_from(year).unwrap_or(0),
                report_due_on: crate::applications::store::date(r.try_get("report_due_on")?),
                report_approved_on: approved.and_then(platform::format::local_date),
            },
            amount_ore: r.try_get("amount_ore")?,
            paid: paid.is_some(),
            organisation_id: r.try_get("organisation_id")?,
            case_number: r.try_get("case_number")?,
            decided_on,
            association: r.try_get("association")?,
            programme: r.try_get("programme")?,
        });
    }
    let mut organisations: Vec<OrganisationId> = all.iter().map(|c| c.organisation_id).collect();
    organisations.sort();
    organisations.dedup();
    let facts = registry::public::grant_facts(db, m, &organisations).await?;
    let mut due = vec![];
    for grant in all.chunk_by(|a, b| a.application_id == b.application_id) {
        let years: Vec<Year> = grant.iter().map(|c| c.year.clone()).collect();
        for c in grant.iter().filter(|c| !c.paid) {
            let Some(on) = domain::payable_on(c.decided_on, &years, c.year.year, today) else {
                continue;
            };
            let f = facts.iter().find(|f| f.organisation_id == c.organisation_id);
            due.push((
                on,
                PayoutRow {
                    installment_id: c.id,
                    application_id: c.application_id,
                    organisation_id: c.organisation_id,
                    org_number: f.and_then(|f| f.org_number.clone()).unwrap_or_default(),
                    association: c.association.clone(),
                    account: domain::account(f.and_then(|f| f.giro.as_ref())),
                    amount_ore: c.amount_ore,
                    year: c.year.year,
                    reference: domain::reference(c.case_number.as_deref(), c.year.year),
                    decided_on: c.decided_on,
                    programme: c.programme.clone(),
                },
            ));
        }
    }
    Ok(domain::lists(due))
}

/// The guard of an update of `grants_installments`: no year of its grant is under recovery.
pub(crate) const NO_RECOVERY: &str = "NOT EXISTS (SELECT 1 FROM grants_installments r \
     WHERE r.application_id = grants_installments.application_id AND r.recovery_started_at IS NOT NULL)";

/// A year that was marked as paid now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paid {
    pub installment_id: InstallmentId,
    pub application_id: ApplicationId,
    pub amount_ore: i64,
    pub reference: String,
}

/// Marks the rows as paid now, in the caller's write transaction, with their references. A
/// row already paid (by someone else meanwhile), or whose grant came under recovery, is left
/// alone and not returned; an application is `paid` from its first payment. Returns the rows
/// that were paid now.
pub async fn mark_paid(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    rows: &[&PayoutRow],
    now: i64,
) -> Result<Vec<Paid>, sqlx::Error> {
    let mut paid = vec![];
    for r in rows {
        let done = Update::table(Installments::Table)
            .set(Installments::PaidAt, now)
            .set(Installments::PayoutReference, r.reference.as_str())
            .filter(Installments::MunicipalityId, m)
            .filter(Installments::Id, r.installment_id)
            .filter_expr(Expr::col(Installments::PaidAt).is_null())
            .filter_expr(Expr::col(Installments::RecoveryStartedAt).is_null())
            .filter_expr(Expr::cust(NO_RECOVERY))
            .run(tx)
            .await?;
        if done == 1 {
            paid.push(Paid {
                installment_id: r.installment_id,
                application_id: r.application_id,
                amount_ore: r.amount_ore,
                reference: r.reference.clone(),
            });
        }
    }
    let mut applications: Vec<ApplicationId> = paid.iter().map(|p| p.application_id).collect();
    applications.sort();
    applications.dedup();
    for a in applications {
        Update::table(Applications::Table)
            .set(Applications::Status, <&str>::from(Status::Paid))
            .set(Applications::UpdatedAt, now)
            .filter(Applications::MunicipalityId, m)
            .filter(Applications::Id, a)
            .filter_expr(Expr::col(Applications::Status).is_in([<&str>::from(Status::Granted), Status::Reduced.into()]))
            .run(tx)
            .await?;
    }
    Ok(paid)
}
