//! The staff's queue of a period: its page of applications in the order they came, and the
//! period's tally (applications per status with their decided and proposed amounts, kept by
//! the database's triggers) from which the counts and the budget line are read.

use crate::applications::domain::Status;
use crate::ids::{ApplicationId, PeriodId};
use platform::db::Db;
use platform::MunicipalityId;

/// One line of a period's queue: what the staff see of an application in the list.
#[derive(Clone, Debug)]
pub struct QueueEntry {
    pub id: ApplicationId,
    pub case_number: Option<String>,
    pub organisation_name: String,
    pub submitted_at: Option<i64>,
    pub applied_ore: i64,
    pub proposed_ore: Option<i64>,
    pub status: Status,
    pub handler_name: Option<String>,
}

/// A period's applications that have been sent (drafts are the applicant's own), in the order
/// they came, `limit` from `offset`, optionally of one status. The page's ids are chosen first,
/// from an index that holds the order (`grants_applications_queue_order`, or `…_status` for one
/// status), and only their rows are read and joined, and only the columns the list shows: a
/// late page of a large period costs the index entries it skips, not the period's rows sorted.
/// The limit is written into the statement: PostgreSQL plans a prepared statement once for
/// every value after a few runs, and with the limit a parameter it plans for a tenth of the
/// period's rows (a hash join over all of them, ten times slower) instead of for one page.
pub async fn queue(
    db: &Db,
    municipality_id: MunicipalityId,
    period_id: PeriodId,
    status: Option<Status>,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueEntry>, sqlx::Error> {
    let (filter, code) = match status {
        Some(s) => ("status = $3", <&str>::from(s)),
        None => ("status <> $3", "draft"),
    };
    type Row = (
        ApplicationId,
        Option<String>,
        String,
        Option<i64>,
        i64,
        Option<i64>,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT a.id, a.case_number, o.name, a.submitted_at, a.applied_ore, a.proposed_ore, a.status, h.name \
         FROM (SELECT id FROM grants_applications \
           WHERE municipality_id = $1 AND period_id = $2 AND {filter} \
           ORDER BY submitted_at, id LIMIT {limit} OFFSET $4) page \
         JOIN grants_applications a ON a.id = page.id JOIN organisations o ON o.id = a.organisation_id \
         LEFT JOIN users h ON h.id = a.handler_user_id \
         ORDER BY a.submitted_at, a.id"
    ))
    .bind(municipality_id)
    .bind(period_id)
    .bind(code)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(
            |(id, case_number, organisation_name, submitted_at, applied_ore, proposed_ore, status, handler_name)| {
                Ok(QueueEntry {
                    id,
                    case_number,
                    organisation_name,
                    submitted_at,
                    applied_ore,
                    proposed_ore,
                    status: status
                        .parse()
                        .map_err(|e: strum::ParseError| sqlx::Error::Decode(Box::new(e)))?,
                    handler_name,
                })
            },
        )
        .collect()
}

/// How a period's money stands: the budget against what is decided and what is proposed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BudgetUse {
    pub budget_ore: i64,
    pub decided_ore: i64,
    pub proposed_ore: i64,
}

impl BudgetUse {
    pub fn left_ore(&self) -> i64 {
        self.budget_ore - self.decided_ore
    }

    /// The budget use read from a period's tally: the amounts decided (granted, reduced, paid)
    /// and those proposed and not yet decided.
    pub fn of(budget_ore: i64, tally: &[Tally]) -> BudgetUse {
        let decided_ore = tally
            .iter()
            .filter(|t| matches!(t.status, Status::Granted | Status::Reduced | Status::Paid))
            .map(|t| t.decided_ore)
            .sum();
        let proposed_ore = tally
            .iter()
            .filter(|t| t.status == Status::Proposed)
            .map(|t| t.proposed_ore)
            .sum();
        BudgetUse {
            budget_ore,
            decided_ore,
            proposed_ore,
        }
    }
}

/// The period's budget use, read in one query from the period and its tally.
pub async fn budget_use(
    db: &Db,
    municipality_id: MunicipalityId,
    period_id: PeriodId,
) -> Result<BudgetUse, sqlx::Error> {
    let Some((budget_ore,)): Option<(i64,)> =
        sqlx::query_as("SELECT budget_ore FROM grants_periods WHERE municipality_id = $1 AND id = $2")
            .bind(municipality_id)
            .bind(period_id)
            .fetch_optional(&db.pool)
            .await?
    else {
        return Ok(BudgetUse::default());
    };
    Ok(BudgetUse::of(
        budget_ore,
        &status_tally(db, municipality_id, period_id).await?,
    ))
}

/// How many of a period's applications stand at a status (drafts included), and the amounts
/// decided and proposed at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    pub status: Status,
    pub count: i64,
    pub decided_ore: i64,
    pub proposed_ore: i64,
}

/// A period's applications per status with their amounts, from the tally the database keeps
/// with every change (`grants_period_tally`): a few rows, however many applications.
pub async fn status_tally(
    db: &Db,
    municipality_id: MunicipalityId,
    period_id: PeriodId,
) -> Result<Vec<Tally>, sqlx::Error> {
    let rows: Vec<(String, i64, i64, i64)> = sqlx::query_as(
        "SELECT status, applications, decided_ore, proposed_ore FROM grants_period_tally \
         WHERE municipality_id = $1 AND period_id = $2",
    )
    .bind(municipality_id)
    .bind(period_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, count, decided_ore, proposed_ore)| {
            Some(Tally {
                status: s.parse().ok()?,
                count,
                decided_ore,
                proposed_ore,
            })
        })
        .collect())
}

/// Per period of the municipality: applications sent and those waiting for a handler or a
/// decision (submitted, in review, proposed), one query over the periods' tallies.
pub async fn period_counts(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<(PeriodId, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT period_id, \
         CAST(SUM(CASE WHEN status <> 'draft' THEN applications ELSE 0 END) AS BIGINT), \
         CAST(SUM(CASE WHEN status IN ('submitted', 'in-review', 'proposed') THEN applications ELSE 0 END) AS BIGINT) \
         FROM grants_period_tally WHERE municipality_id = $1 GROUP BY period_id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await
}
