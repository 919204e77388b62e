//! Each dataset from the capability that keeps it: the others through their `public.rs`,
//! openness' own decisions and events through its stores. A fixed number of queries per
//! dataset, however many rows it has.

use super::domain::{Dataset, Table};
use super::rows;
use platform::db::Db;
use platform::tenants::Municipality;

/// At most this many decisions in the download (far more than a municipality records).
const DECISIONS_MAX: i64 = 100_000;

/// The whole calendar: from the epoch to the end of year 9999.
const EVENTS_UNTIL: i64 = 253_402_300_799;

/// A dataset of the municipality; `base` is the site's address, for the rows' links.
pub async fn table(db: &Db, m: &Municipality, base: &str, dataset: Dataset) -> Result<Table, sqlx::Error> {
    let slug = m.slug.as_str();
    Ok(match dataset {
        Dataset::Associations => rows::associations(base, slug, registry::public::directory(db, m.id).await?),
        Dataset::Signatories => rows::signatories(signing::public::signatories(db, m.id).await?),
        Dataset::ActionPlan => rows::action_plan(actionplan::public::plan_rows(db, m.id).await?),
        Dataset::Meetings => rows::meetings(base, meetings::public::meetings(db, m.id, slug).await?),
        Dataset::Decisions => {
            let all = crate::decisions::store::latest(db, m.id, &Default::default(), DECISIONS_MAX).await?;
            rows::decisions(base, slug, all)
        }
        Dataset::Events => {
            let all = crate::events::store::in_range(db, m.id, &Default::default(), 0, EVENTS_UNTIL).await?;
            rows::events(base, slug, all)
        }
        Dataset::GrantDecisions => rows::grant_decisions(grants::public::decisions(db, m.id).await?),
        Dataset::Premises => rows::premises(base, premises::public::room_facts(db, m.id, slug).await?),
    })
}

/// Every dataset, in the page's order (the page and the catalogue).
pub async fn all(db: &Db, m: &Municipality, base: &str) -> Result<Vec<(Dataset, Table)>, sqlx::Error> {
    let mut out = Vec::with_capacity(Dataset::ALL.len());
    for d in Dataset::ALL {
        out.push((d, table(db, m, base, d).await?));
    }
    Ok(out)
}
