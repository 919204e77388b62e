//! Reading a period's activity support for all associations ([`period_support`]): four
//! queries whatever the number of associations or meetings (the programme and its periods,
//! the period's meetings with their people through `activity::store::claim_totals`, and the
//! associations' names through `registry::public::organisation_names`), and on SQLite the
//! three pragmas around the read that keep its memory map out of it (see `store::read`).

use super::domain::{share, PeriodFacts, PeriodSupport};
use crate::activity::store::claim_totals;
use crate::ids::{PeriodId, ProgrammeId};
use crate::programmes::domain::Rules;
use crate::programmes::store::{programme_by_id, ProgrammeError};
use platform::db::Db;
use platform::MunicipalityId;

#[derive(Debug, thiserror::Error)]
pub enum SupportError {
    /// No such programme in the municipality, not an activity-support programme, or no such
    /// period of it.
    #[error("no such activity-support period in this municipality")]
    NotFound,
    #[error(transparent)]
    Programme(#[from] ProgrammeError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl From<SupportError> for platform::error::AppError {
    fn from(e: SupportError) -> Self {
        match e {
            SupportError::NotFound => platform::error::AppError::NotFound("err-not-found"),
            SupportError::Programme(e) => e.into(),
            SupportError::Db(e) => platform::error::AppError::Internal(e.into()),
        }
    }
}

/// The period's activity support for every association of the municipality with attendance in
/// the period's activity dates (`starts_on..=ends_on`): per association its counted meetings
/// and participations, the amount the programme's rules give and the amount within the
/// period's budget (pro-rated when the claims exceed it), and the period's totals by gender and
/// age band. The programme must be the municipality's and of activity support, and the period
/// one of its own; otherwise [`SupportError::NotFound`].
pub async fn period_support(
    db: &Db,
    municipality_id: MunicipalityId,
    programme_id: ProgrammeId,
    period_id: PeriodId,
) -> Result<PeriodSupport, SupportError> {
    let Some((programme, periods)) = programme_by_id(db, municipality_id, programme_id).await? else {
        return Err(SupportError::NotFound);
    };
    let Rules::Activity(rules) = programme.rules else {
        return Err(SupportError::NotFound);
    };
    let Some(period) = periods.into_iter().find(|p| p.id == period_id) else {
        return Err(SupportError::NotFound);
    };
    let (from, to) = (period.dates.starts_on, period.dates.ends_on);
    let claims = claim_totals(db, municipality_id, &rules, from, to).await?;
    let ids: Vec<_> = claims.iter().map(|(id, _)| *id).collect();
    let names = registry::public::organisation_names(db, municipality_id, &ids).await?;
    let facts = PeriodFacts {
        programme_name: programme.name,
        period_name: period.name,
        starts_on: from,
        ends_on: to,
        budget_ore: period.budget_ore,
        bands: rules.bands,
    };
    Ok(share(facts, claims, &names))
}
