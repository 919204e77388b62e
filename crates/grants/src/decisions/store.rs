//! The public decisions' queries: two, however many decisions a year has. Every function takes
//! the municipality. The reasons are not read.

use crate::applications::domain::Status;
use crate::applications::store::date;
use crate::decisions::domain::{self, Published, DECIDED};
use crate::ids::ProgrammeId;
use chrono::NaiveDate;
use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};
use sqlx::Row;

/// One decision as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The application decided on (its id identifies the decision).
    pub application_id: i64,
    pub organisation_id: OrganisationId,
    pub association: String,
    pub programme_id: ProgrammeId,
    pub programme: String,
    pub outcome: Published,
    /// The decided amount (a year's, for a multi-year grant); 0 for a rejection.
    pub amount_ore: i64,
    pub years: u32,
    pub decided_on: NaiveDate,
    pub paid: bool,
}

fn decided() -> String {
    DECIDED
        .iter()
        .map(|s| format!("'{}'", <&str>::from(*s)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The municipality's decisions of a year, by date and then association (Swedish order).
pub async fn decisions(db: &Db, m: MunicipalityId, year: i32) -> Result<Vec<Decision>, sqlx::Error> {
    let Some((first, last)) = domain::year_bounds(year) else {
        return Ok(vec![]);
    };
    between(db, m, &first, &last).await
}

/// Every decision the municipality has published, by date and then association (the
/// open-data download, through `public::decisions`).
pub async fn all(db: &Db, m: MunicipalityId) -> Result<Vec<Decision>, sqlx::Error> {
    between(db, m, "0000-01-01", "9999-12-31").await
}

/// The decisions of the days `first..=last` (ISO dates), by date and then association.
async fn between(db: &Db, m: MunicipalityId, first: &str, last: &str) -> Result<Vec<Decision>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT a.id AS application_id, a.organisation_id, o.name AS association, a.programme_id, p.name AS programme, a.status, \
                a.applied_ore, a.decided_ore, a.years, a.decided_on \
         FROM grants_applications a \
         JOIN organisations o ON o.id = a.organisation_id \
         JOIN grants_programmes p ON p.id = a.programme_id \
         WHERE a.municipality_id = $1 AND a.status IN ({}) AND a.decided_on >= $2 AND a.decided_on <= $3",
        decided()
    ))
    .bind(m)
    .bind(first)
    .bind(last)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let status: String = r.try_get("status")?;
        let Ok(status) = status.parse::<Status>() else {
            continue;
        };
        let applied: i64 = r.try_get("applied_ore")?;
        let decided: i64 = r.try_get::<Option<i64>, _>("decided_ore")?.unwrap_or(0);
        let (Some(outcome), Some(decided_on)) = (
            domain::published(status, applied, decided),
            date(r.try_get("decided_on")?),
        ) else {
            continue;
        };
        let years: i64 = r.try_get("years")?;
        out.push(Decision {
            application_id: r.try_get("application_id")?,
            organisation_id: r.try_get("organisation_id")?,
            association: r.try_get("association")?,
            programme_id: r.try_get("programme_id")?,
            programme: r.try_get("programme")?,
            outcome,
            amount_ore: domain::published_amount(outcome, decided),
            years: u32::try_from(years).unwrap_or(1).max(1),
            decided_on,
            paid: status == Status::Paid,
        });
    }
    out.sort_by(|a, b| {
        a.decided_on
            .cmp(&b.decided_on)
            .then_with(|| platform::rules::swedish_cmp(&a.association, &b.association))
            .then_with(|| a.programme.cmp(&b.programme))
    });
    Ok(out)
}

/// The years in which the municipality has decisions.
pub async fn years(db: &Db, m: MunicipalityId) -> Result<Vec<i32>, sqlx::Error> {
    let rows: Vec<(Option<String>,)> = sqlx::query_as(&format!(
        "SELECT DISTINCT substr(decided_on, 1, 4) FROM grants_applications \
         WHERE municipality_id = $1 AND decided_on IS NOT NULL AND status IN ({})",
        decided()
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(y,)| y.and_then(|y| domain::parse_year(&y)))
        .collect())
}
