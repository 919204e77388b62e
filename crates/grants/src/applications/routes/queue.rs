//! The staff's queues: every period with its applications sent and waiting, and one period's
//! queue, filtered by status and paged, with the budget used so far (decided against budget,
//! read live in the same request).

use crate::applications::case;
use crate::applications::domain::Status;
use crate::applications::store;
use crate::ids::PeriodId;
use crate::paths;
use crate::programmes::domain::{format_count, format_kronor};
use crate::programmes::store as programmes;
use platform::web::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;

/// Applications per page of a queue.
pub const PAGE: i64 = 50;

struct PeriodRow {
    href: String,
    programme: String,
    period: String,
    deadline: String,
    sent: String,
    waiting: String,
    budget: String,
}

#[derive(Template)]
#[template(path = "grants_queues.html")]
struct OverviewPage {
    page: Page,
    rows: Vec<PeriodRow>,
    deciders: Option<String>,
    payouts: String,
}

pub(super) async fn overview(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let counts: HashMap<PeriodId, (i64, i64)> = store::period_counts(&state.db, m.id)
        .await?
        .into_iter()
        .map(|(p, sent, waiting)| (p, (sent, waiting)))
        .collect();
    let mut rows = Vec::new();
    for (p, periods) in programmes::programmes(&state.db, m.id, true).await? {
        for x in periods {
            let (sent, waiting) = counts.get(&x.id).copied().unwrap_or_default();
            rows.push(PeriodRow {
                href: paths::queue(&m.slug, x.id),
                programme: p.name.clone(),
                period: x.name,
                deadline: x.dates.deadline.to_string(),
                sent: format_count(sent),
                waiting: format_count(waiting),
                budget: format_kronor(x.budget_ore),
            });
        }
    }
    html(&OverviewPage {
        page: ctx.page_in(&m, ctx.t("grants-queues-title")),
        rows,
        deciders: user.is_coordinator(m.id).then(|| paths::deciders(&m.slug)),
        payouts: paths::payouts(&m.slug),
    })
}

struct QueueRow {
    href: String,
    case_number: String,
    association: String,
    submitted: String,
    applied: String,
    proposed: String,
    status: String,
    handler: String,
}

#[derive(Template)]
#[template(path = "grants_queue.html")]
struct QueuePage {
    page: Page,
    programme: String,
    programme_href: String,
    deadline: String,
    budget: String,
    decided: String,
    proposed: String,
    left: String,
    over: bool,
    /// (code, label, count, selected) for the filter.
    statuses: Vec<(String, String, String, bool)>,
    action: String,
    rows: Vec<QueueRow>,
    previous: Option<String>,
    next: Option<String>,
    showing: String,
    back: String,
    notice: Option<String>,
    /// For activity support with cases waiting: where to propose them all from attendance.
    activity: Option<String>,
}

#[derive(Deserialize, Default)]
pub(super) struct QueueQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    sida: Option<i64>,
    /// How many proposals were just made from attendance.
    #[serde(default)]
    foreslagna: Option<usize>,
}

pub(super) async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(period): Id<PeriodId>,
    Query(q): Query<QueueQuery>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let Some((programme, p)) = programmes::period_by_id(&state.db, m.id, period).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let status: Option<Status> = q.status.parse().ok().filter(|s| *s != Status::Draft);
    let page_no = q.sida.unwrap_or(1).clamp(1, 1_000_000);
    // The counts per status and the budget line from the period's tally (a few rows).
    let tally = store::status_tally(&state.db, m.id, period).await?;
    let budget = store::BudgetUse::of(p.budget_ore, &tally);
    let counts: Vec<(Status, i64)> = tally.iter().map(|t| (t.status, t.count)).collect();
    let list = store::queue(&state.db, m.id, period, status, PAGE + 1, (page_no - 1) * PAGE).await?;
    let more = list.len() as i64 > PAGE;
    let total: i64 = match status {
        Some(s) => counts.iter().filter(|(c, _)| *c == s).map(|(_, n)| n).sum(),
        None => counts.iter().filter(|(c, _)| *c != Status::Draft).map(|(_, n)| n).sum(),
    };
    let base = paths::queue(&m.slug, period);
    let link = |n: i64| match status {
        Some(s) => format!("{base}?status={}&sida={n}", <&str>::from(s)),
        None => format!("{base}?sida={n}"),
    };
    let mut statuses = vec![(
        String::new(),
        ctx.t("grants-queue-all"),
        format_count(total_sent(&counts)),
        status.is_none(),
    )];
    for s in [
        Status::AwaitingCoSignature,
        Status::Submitted,
        Status::InReview,
        Status::CompletionRequested,
        Status::Proposed,
        Status::Granted,
        Status::Reduced,
        Status::Rejected,
        Status::Paid,
    ] {
        let n = counts.iter().filter(|(c, _)| *c == s).map(|(_, n)| *n).sum();
        statuses.push((
            <&str>::from(s).to_string(),
            ctx.t(&case::status_message(s)),
            format_count(n),
            status == Some(s),
        ));
    }
    let open: i64 = counts
        .iter()
        .filter(|(c, _)| matches!(c, Status::Submitted | Status::InReview))
        .map(|(_, n)| n)
        .sum();
    let first = (page_no - 1) * PAGE;
    let shown = list.len().min(PAGE as usize) as i64;
    let rows = list
        .into_iter()
        .take(PAGE as usize)
        .map(|a| QueueRow {
            href: paths::application(&m.slug, a.id),
            case_number: a.case_number.unwrap_or_default(),
            association: a.organisation_name,
            submitted: a.submitted_at.map(platform::format::date).unwrap_or_default(),
            applied: format_kronor(a.applied_ore),
            proposed: a.proposed_ore.map(format_kronor).unwrap_or_default(),
            status: ctx.t(&case::status_message(a.status)),
            handler: a.handler_name.unwrap_or_default(),
        })
        .collect();
    html(&QueuePage {
        page: ctx.page_in(&m, ctx.tr.ta("grants-queue-title", &[("period", &p.name)])),
        programme_href: paths::programme(&m.slug, programme.id),
        programme: programme.name.clone(),
        deadline: p.dates.deadline.to_string(),
        budget: format_kronor(budget.budget_ore),
        decided: format_kronor(budget.decided_ore),
        proposed: format_kronor(budget.proposed_ore),
        left: format_kronor(budget.left_ore()),
        over: budget.decided_ore + budget.proposed_ore > budget.budget_ore,
        statuses,
        action: base.clone(),
        rows,
        previous: (page_no > 1).then(|| link(page_no - 1)),
        next: more.then(|| link(page_no + 1)),
        showing: if shown == 0 {
            ctx.t("grants-queue-empty")
        } else {
            ctx.tr.ta(
                "grants-queue-showing",
                &[
                    ("from", &format_count(first + 1)),
                    ("to", &format_count(first + shown)),
                    ("total", &format_count(total)),
                ],
            )
        },
        back: paths::queues(&m.slug),
        notice: q
            .foreslagna
            .map(|n| ctx.tr.ta("grants-activity-proposed", &[("n", &n)])),
        activity: (matches!(programme.rules, crate::programmes::domain::Rules::Activity(_)) && open > 0)
            .then(|| format!("{}/aktivitetsstod", paths::queue(&m.slug, period))),
    })
}

fn total_sent(counts: &[(Status, i64)]) -> i64 {
    counts.iter().filter(|(c, _)| *c != Status::Draft).map(|(_, n)| n).sum()
}
