//! `GET /{slug}/bidrag/{id}/perioder/{period}/aktivitet/{org}`: an association's activity
//! support for one period of an activity-support programme: per group and meeting whether it
//! counted and, when not, why (and why a participant present was not counted), the totals by
//! gender and age band, and the amount the rules give before any sharing of the budget.

use super::{allowed, count};
use crate::activity::domain::{assess, Meeting, NotCounted, Refusal, Verdict};
use crate::activity::store;
use crate::ids::{PeriodId, ProgrammeId};
use crate::paths;
use crate::programmes::domain::{format_kronor, Rules};
use platform::web::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct ResultPath {
    id: ProgrammeId,
    period: PeriodId,
    org: OrganisationId,
}

struct MeetingView {
    date: String,
    start: String,
    minutes: u32,
    activity: String,
    leaders: String,
    counts: bool,
    counted: String,
    amount: String,
    /// Why the meeting does not count, or why each participant not counted was not.
    why: Vec<String>,
}

struct GroupView {
    name: String,
    meetings: Vec<MeetingView>,
    summary: String,
}

#[derive(Template)]
#[template(path = "grants_attendance_result.html")]
struct ResultPage {
    page: Page,
    programme: String,
    covers: String,
    /// (label, value) rows of the totals.
    totals: Vec<(String, String)>,
    amount: String,
    groups: Vec<GroupView>,
    attendance: String,
    back: String,
}

fn refusal(ctx: &Ctx, r: &Refusal) -> String {
    let base = ctx.t(r.message_id());
    let detail = match r {
        Refusal::TooShort { minutes, min } => Some(
            ctx.tr
                .ta("grants-att-why-too-short", &[("minutes", minutes), ("min", min)]),
        ),
        Refusal::TooFewParticipants { counted, min } => Some(
            ctx.tr
                .ta("grants-att-why-too-few", &[("counted", counted), ("min", min)]),
        ),
        Refusal::TooManyPerLeader { present, allowed } => Some(
            ctx.tr
                .ta("grants-att-why-too-many", &[("present", present), ("allowed", allowed)]),
        ),
        Refusal::ExcludedActivity | Refusal::NoLeaderOldEnough => None,
    };
    match detail {
        Some(d) => format!("{base} {d}"),
        None => base,
    }
}

fn meeting_view(ctx: &Ctx, m: &Meeting, v: &Verdict) -> MeetingView {
    let why = if v.counts() {
        v.participants
            .iter()
            .zip(&m.participants)
            .filter_map(|((_, why), p)| why.map(|w: NotCounted| (p, w)))
            .map(|(p, w)| {
                let name = if p.name.is_empty() { &p.key } else { &p.name };
                format!("{name}: {}", ctx.t(w.message_id()))
            })
            .collect()
    } else {
        v.refusals.iter().map(|r| refusal(ctx, r)).collect()
    };
    let leaders: Vec<&str> = m.leaders.iter().map(|l| l.name.as_str()).collect();
    MeetingView {
        date: m.date.format("%Y-%m-%d").to_string(),
        start: m.start.format("%H:%M").to_string(),
        minutes: m.minutes,
        activity: m.activity.clone(),
        leaders: leaders.join(", "),
        counts: v.counts(),
        counted: count(v.counted_participants),
        amount: format_kronor(v.amount_ore),
        why,
    }
}

pub(super) async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<ResultPath>,
) -> AppResult<Response> {
    let (user, name) = allowed(&state, &ctx, &m, p.org).await?;
    let Some((programme, periods)) = crate::programmes::store::programme_by_id(&state.db, m.id, p.id).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let Rules::Activity(rules) = &programme.rules else {
        return Err(AppError::NotFound("err-not-found"));
    };
    if !programme.published && !user.is_staff(m.id) {
        return Err(AppError::NotFound("err-not-found"));
    }
    let Some(period) = periods.iter().find(|x| x.id == p.period) else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let (from, to) = (period.dates.starts_on, period.dates.ends_on);
    let meetings = store::meetings_of(&state.db, m.id, p.org, from, to).await?;
    let assessment = assess(rules, &meetings);
    let t = &assessment.totals;

    let mut groups: Vec<GroupView> = Vec::new();
    let mut tallies: Vec<(u32, u32, i64)> = Vec::new();
    for (meeting, verdict) in meetings.iter().zip(&assessment.verdicts) {
        let at = match groups.iter().position(|g| g.name == meeting.group) {
            Some(i) => i,
            None => {
                groups.push(GroupView {
                    name: meeting.group.clone(),
                    meetings: Vec::new(),
                    summary: String::new(),
                });
                tallies.push((0, 0, 0));
                groups.len() - 1
            }
        };
        groups[at].meetings.push(meeting_view(&ctx, meeting, verdict));
        let tally = &mut tallies[at];
        tally.0 += 1;
        tally.1 += u32::from(verdict.counts());
        tally.2 += verdict.amount_ore;
    }
    for (g, (all, counted, amount)) in groups.iter_mut().zip(tallies) {
        g.summary = ctx.tr.ta(
            "grants-att-group-summary",
            &[
                ("counted", &count(counted)),
                ("all", &count(all)),
                ("amount", &format_kronor(amount)),
            ],
        );
    }
    groups.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name));

    let mut totals = vec![
        (
            ctx.t("grants-att-total-meetings"),
            ctx.tr.ta(
                "grants-att-of",
                &[("n", &count(t.meetings)), ("all", &count(meetings.len() as i64))],
            ),
        ),
        (ctx.t("grants-att-total-participations"), count(t.participations)),
        (ctx.t("grants-att-total-girls"), count(t.girls)),
        (ctx.t("grants-att-total-boys"), count(t.boys)),
        (ctx.t("grants-att-total-other"), count(t.other)),
    ];
    for (band, n) in rules.bands.iter().zip(&t.per_band) {
        totals.push((ctx.ta_name("grants-att-total-band", &band.label()), count(*n)));
    }
    html(&ResultPage {
        page: ctx.page_in(
            &m,
            ctx.tr
                .ta("grants-att-result-title", &[("name", &name), ("period", &period.name)]),
        ),
        programme: programme.name.clone(),
        covers: format!("{} – {}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d")),
        totals,
        amount: format_kronor(t.amount_ore),
        groups,
        attendance: paths::attendance(&m.slug, p.org),
        back: paths::programme(&m.slug, p.id),
    })
}
