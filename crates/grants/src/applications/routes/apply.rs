//! Beginning an application, and "Mina ansökningar".

use crate::applications::case;
use crate::applications::store::{self, Application};
use crate::applications::write::{self, WriteError};
use crate::ids::PeriodId;
use crate::paths;
use crate::programmes::domain::{format_kronor, PeriodState};
use crate::programmes::store as programmes;
use platform::db;
use platform::i18n::Lang;
use platform::web::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;

/// The associations of the municipality the user represents: (id, name), in Swedish order.
fn represented(user: &CurrentUser, m: &Municipality) -> Vec<(OrganisationId, String)> {
    let mut v: Vec<(OrganisationId, String)> = user
        .roles
        .iter()
        .filter(|r| r.kind == RoleKind::Representative && r.municipality_id == Some(m.id))
        .filter_map(|r| Some((r.organisation_id?, r.organisation_name.clone().unwrap_or_default())))
        .collect();
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.1, &b.1));
    v.dedup_by_key(|x| x.0);
    v
}

struct MineRow {
    href: String,
    association: String,
    programme: String,
    period: String,
    case_number: String,
    status: String,
    next: String,
    amount: String,
}

struct OpenRow {
    href: String,
    programme: String,
    period: String,
    deadline: String,
}

#[derive(Template)]
#[template(path = "grants_mine.html")]
struct MinePage {
    page: Page,
    rows: Vec<MineRow>,
    open: Vec<OpenRow>,
    represents_none: bool,
    directory: String,
}

pub(super) async fn mine(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let orgs = represented(user, &m);
    let ids: Vec<OrganisationId> = orgs.iter().map(|o| o.0).collect();
    let apps: Vec<Application> = store::applications_of(&state.db, m.id, &ids).await?;
    let today = state.today();
    let mut periods = HashMap::new();
    let mut open = Vec::new();
    for (p, ps) in programmes::programmes(&state.db, m.id, false).await? {
        for x in ps {
            if x.dates.state(today) == PeriodState::Open {
                open.push(OpenRow {
                    href: paths::apply(&m.slug, x.id),
                    programme: p.name.clone(),
                    period: x.name.clone(),
                    deadline: x.dates.deadline.to_string(),
                });
            }
            periods.insert(x.id, (p.name.clone(), x));
        }
    }
    let rows = apps
        .into_iter()
        .map(|a| {
            let (programme, period) = periods
                .get(&a.period_id)
                .map(|(n, x)| (n.clone(), Some(x)))
                .unwrap_or_default();
            let open_now = period.is_some_and(|x| x.dates.opens_on <= today && today <= x.dates.deadline);
            let open_now = match (a.status, a.completion_deadline) {
                (crate::applications::domain::Status::CompletionRequested, Some(d)) => today <= d,
                _ => open_now,
            };
            MineRow {
                href: paths::application(&m.slug, a.id),
                association: a.organisation_name.clone(),
                programme,
                period: period.map(|x| x.name.clone()).unwrap_or_default(),
                case_number: a.case_number.clone().unwrap_or_default(),
                status: ctx.t(&case::status_message(a.status)),
                next: ctx.t(case::next_for_applicant(a.status, open_now)),
                amount: format_kronor(a.decided_ore.unwrap_or(a.applied_ore)),
            }
        })
        .collect();
    html(&MinePage {
        page: ctx.page_in(&m, ctx.t("grants-mine-title")),
        rows,
        open: if ids.is_empty() { vec![] } else { open },
        represents_none: ids.is_empty(),
        directory: registry::paths::directory(&m),
    })
}

struct StartRow {
    name: String,
    org: OrganisationId,
    existing: Option<String>,
}

#[derive(Template)]
#[template(path = "grants_apply.html")]
struct StartPage {
    page: Page,
    programme: String,
    programme_href: String,
    period: String,
    deadline: String,
    state: Option<String>,
    rows: Vec<StartRow>,
    action: String,
    directory: String,
}

pub(super) async fn start_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(period): Id<PeriodId>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let Some((programme, p)) = programmes::period_by_id(&state.db, m.id, period).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    if !programme.published {
        return Err(AppError::NotFound("err-not-found"));
    }
    let today = state.today();
    let period_state = p.dates.state(today);
    let orgs = represented(user, &m);
    let ids: Vec<OrganisationId> = orgs.iter().map(|o| o.0).collect();
    let theirs = store::applications_of(&state.db, m.id, &ids).await?;
    let rows = orgs
        .into_iter()
        .map(|(org, name)| StartRow {
            existing: theirs
                .iter()
                .find(|a| a.organisation_id == org && a.period_id == period)
                .map(|a| paths::application(&m.slug, a.id)),
            name,
            org,
        })
        .collect();
    html(&StartPage {
        page: ctx.page_in(&m, ctx.tr.ta("grants-apply-title", &[("programme", &programme.name)])),
        programme_href: paths::programme(&m.slug, programme.id),
        programme: programme.name,
        period: p.name,
        deadline: p.dates.deadline.to_string(),
        state: (period_state != PeriodState::Open).then(|| ctx.t(period_state.message_id())),
        rows,
        action: paths::apply(&m.slug, period),
        directory: registry::paths::directory(&m),
    })
}

#[derive(Deserialize)]
pub(super) struct StartForm {
    #[serde(default)]
    org: String,
}

pub(super) async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(period): Id<PeriodId>,
    Input(form): Input<StartForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let org: OrganisationId = form
        .org
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("err-bad-form"))?;
    if !represented(user, &m).iter().any(|(o, _)| *o == org) {
        return Err(AppError::Forbidden);
    }
    let Some((programme, p)) = programmes::period_by_id(&state.db, m.id, period).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    if !programme.published {
        return Err(AppError::NotFound("err-not-found"));
    }
    if p.dates.state(state.today()) != PeriodState::Open {
        return Ok(Redirect::to(&paths::apply(&m.slug, period)).into_response());
    }
    let lang = if ctx.lang() == Lang::En { "en" } else { "sv" };
    let now = state.now();
    let made = db::write(&state.db, now, async |tx| {
        write::create(tx, m.id, programme.id, period, org, lang, user, now).await
    })
    .await;
    let id = match made {
        Ok(id) | Err(WriteError::Exists(id)) => id,
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&paths::application(&m.slug, id)).into_response())
}
