//! Confirming the data and the coordinator's freshness report.
//!
//! - `POST /{slug}/foreningar/{id}/bekrafta`: confirm the data is current
//! - `GET /{slug}/foreningar/inaktuella`: organisations not confirmed in twelve months
//! - `POST /{slug}/foreningar/paminnelser`: send the reminders due now

use crate::confirmation::{reminders, store};
use crate::paths;
use crate::store::RegistryError;
use crate::web::editor;
use platform::format;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/foreningar/{id}/bekrafta", post(confirm))
        .route("/{slug}/foreningar/inaktuella", get(stale_page))
        .route("/{slug}/foreningar/paminnelser", post(send_reminders))
}

async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
) -> AppResult<Response> {
    let (user, _) = editor(&state, &ctx, &m, id).await?;
    match store::confirm(&state.db, m.id, id, user, state.now()).await {
        Ok(()) => Ok(Redirect::to(&paths::organisation_done(&m, id, "bekraftad")).into_response()),
        Err(RegistryError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::NotFound("err-not-found")),
    }
}

#[derive(Deserialize)]
struct Sent {
    skickat: Option<i64>,
}

#[derive(Template)]
#[template(path = "registry_stale.html")]
struct StalePage {
    page: Page,
    intro: String,
    notice: Option<String>,
    /// (name, href, last confirmed, reminded)
    rows: Vec<(String, String, String, String)>,
    remind_action: String,
    back: String,
}

async fn stale_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<Sent>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let rows = store::stale(&state.db, m.id, state.now()).await?;
    html(&StalePage {
        page: ctx.page_in(&m, ctx.t("registry-stale-title")),
        intro: ctx.tr.tn("registry-stale-intro", "n", rows.len() as i64),
        notice: q.skickat.map(|n| ctx.tr.tn("registry-done-reminders", "n", n)),
        rows: rows
            .into_iter()
            .map(|r| {
                (
                    r.name,
                    paths::organisation(&m, r.id),
                    if r.confirmed {
                        format::date(r.last_confirmed)
                    } else {
                        ctx.ta_name("registry-stale-never", &format::date(r.last_confirmed))
                    },
                    r.reminded_at.map(format::date).unwrap_or_default(),
                )
            })
            .collect(),
        remind_action: paths::reminders(&m),
        back: paths::directory(&m),
    })
}

async fn send_reminders(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    // Now, and for this municipality only (the daily run covers every municipality later).
    let n = reminders::send_due(&state, Some(m.id)).await?;
    state.jobs_wakeup.notify_one();
    Ok(Redirect::to(&format!("{}?skickat={n}", paths::stale(&m))).into_response())
}
