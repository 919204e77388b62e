//! `POST /{slug}/bidrag/handlaggning/{period}/aktivitetsstod`: the handler proposes every open
//! activity-support application of a period at once, each association's support counted from
//! its attendance under the programme's rules and shared by the same share when the claims
//! exceed what is left of the budget (`domain::activity_proposals`). Sent cases are taken on
//! the way; each proposal carries how it was counted, for the decider.

use crate::applications::domain::{activity_proposals, percent, Status};
use crate::applications::store;
use crate::applications::write::{self, WriteError};
use crate::ids::PeriodId;
use crate::paths;
use crate::programmes::domain::{format_kronor, Rules};
use crate::programmes::store as programmes;
use platform::audit::{self, Change};
use platform::db;
use platform::web::prelude::*;
use std::collections::HashMap;

pub(super) async fn propose(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(period): Id<PeriodId>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let Some((programme, p)) = programmes::period_by_id(&state.db, m.id, period).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let Rules::Activity(rules) = &programme.rules else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let cases = store::open_cases(&state.db, m.id, period).await?;
    let counted: HashMap<OrganisationId, i64> =
        crate::activity::store::claim_totals(&state.db, m.id, rules, p.dates.starts_on, p.dates.ends_on)
            .await?
            .into_iter()
            .map(|(org, totals)| (org, totals.amount_ore))
            .collect();
    let claims: Vec<i64> = cases
        .iter()
        .map(|a| counted.get(&a.organisation_id).copied().unwrap_or(0))
        .collect();
    let left = store::budget_use(&state.db, m.id, period).await?.left_ore();
    let (proposed, share) = activity_proposals(&claims, left);
    let notes: Vec<String> = claims
        .iter()
        .map(|claim| match share {
            Some(bp) => ctx.tr.ta(
                "grants-activity-note-shared",
                &[("claim", &format_kronor(*claim)), ("share", &percent(bp))],
            ),
            None => ctx.tr.ta("grants-activity-note", &[("claim", &format_kronor(*claim))]),
        })
        .collect();
    let now = state.now();
    let n = cases.len();
    db::write(&state.db, now, async |tx| {
        for ((app, amount), note) in cases.iter().zip(&proposed).zip(&notes) {
            let mut current = app.clone();
            if app.status == Status::Submitted {
                let ((), change) = write::take(tx, m.id, &current, user, now).await?;
                audit::record(tx, change, now).await?;
                current.status = Status::InReview;
            }
            let ((), change) = write::propose(tx, m.id, &current, *amount, note, user, now).await?;
            audit::record(tx, change, now).await?;
        }
        let change = Change::new(
            m.id,
            Some(user),
            "grants.period.activity-proposals",
            "grants_period",
            period,
            format!("{n} proposals"),
        );
        Ok::<_, WriteError>(((), change))
    })
    .await?;
    Ok(Redirect::to(&format!("{}?foreslagna={n}", paths::queue(&m.slug, period))).into_response())
}
