//! The coordinator's moderation of the calendar: the events that wait, each approved or
//! declined with a reason its association reads (and gets by mail, queued in the same
//! transaction, see [`super::mail`]), and the associations trusted to publish directly. Every
//! change is in the audit trail (the store writes it).
//!
//! - `GET /{slug}/evenemang/granska`: what waits, and the trusted associations
//! - `POST /{slug}/evenemang/granska/{id}/godkann`: approve
//! - `POST /{slug}/evenemang/granska/{id}/avsla`: decline, with a reason
//! - `POST /{slug}/evenemang/granska/betrodda`: trust an association, or stop

use super::domain;
use super::publish_routes::{row, store_error, Done, Row};
use super::store::{self, StoreError};
use crate::ids::EventId;
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/evenemang/granska", get(list))
        .route("/{slug}/evenemang/granska/betrodda", post(trust))
        .route("/{slug}/evenemang/granska/{id}/godkann", post(approve))
        .route("/{slug}/evenemang/granska/{id}/avsla", post(decline))
}

#[derive(Template)]
#[template(path = "openness_events_review.html")]
struct ReviewView {
    page: Page,
    notice: Option<String>,
    rows: Vec<Row>,
    /// (id, name, trusted) of every association.
    organisations: Vec<(OrganisationId, String, bool)>,
    action: String,
    /// The event whose decline was refused, and why.
    refused: Option<(EventId, String)>,
}

impl ReviewView {
    fn refused_for(&self, id: &EventId) -> Option<String> {
        self.refused.as_ref().filter(|r| r.0 == *id).map(|r| r.1.clone())
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    notice: Option<String>,
    refused: Option<(EventId, String)>,
) -> AppResult<Response> {
    let rows = store::pending(&state.db, m.id)
        .await?
        .into_iter()
        .map(|e| row(ctx, m, e))
        .collect();
    let trusted = store::trusted(&state.db, m.id).await?;
    let organisations = registry::public::organisation_choices(&state.db, m.id)
        .await?
        .into_iter()
        .map(|(id, n)| (id, n, trusted.contains(&id)))
        .collect();
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &ReviewView {
            page: ctx
                .page_in(m, ctx.t("openness-events-review-title"))
                .via(paths::events(&m.slug), ctx.t("openness-events-title")),
            notice,
            rows,
            organisations,
            action: paths::events_review(&m.slug),
            refused,
        },
    )
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    render(&state, &ctx, &m, done.message(&ctx), None).await
}

fn back(m: &Municipality, what: &str) -> Response {
    Redirect::to(&format!("{}?klart={what}", paths::events_review(&m.slug))).into_response()
}

fn moderated(m: &Municipality, r: Result<(), StoreError>, what: &str) -> AppResult<Response> {
    match r {
        Ok(()) => Ok(back(m, what)),
        Err(StoreError::NotPending) => Ok(back(m, "redan")),
        Err(e) => Err(store_error(e)),
    }
}

/// Approve or decline (with the reason) and queue the association's letter, in one transaction.
async fn moderate(
    state: &AppState,
    m: &Municipality,
    id: EventId,
    decline: Option<&str>,
    user: &CurrentUser,
) -> Result<(), StoreError> {
    let now = state.now();
    // The association's contact people, for when the publisher's account is gone.
    let organisation = store::one(&state.db, m.id, id)
        .await?
        .ok_or(StoreError::NotFound)?
        .organisation_id;
    let contacts = registry::public::contact_emails(&state.db, m.id, Some(&[organisation])).await?;
    platform::db::write(&state.db, now, async |tx| {
        let (what, change) = store::moderate(tx, m.id, id, decline, Some(user), now).await?;
        for email in super::mail::moderated(state, m, id, &what, &contacts) {
            platform::mail::queue(tx, Some(m.id), &email, now).await?;
        }
        Ok::<_, StoreError>(((), change))
    })
    .await?;
    state.jobs_wakeup.notify_one();
    Ok(())
}

async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<EventId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let r = moderate(&state, &m, id, None, user).await;
    moderated(&m, r, "godkant")
}

#[derive(Deserialize)]
struct Declined {
    reason: Option<String>,
}

async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<EventId>,
    Input(d): Input<Declined>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let reason = match domain::reason(d.reason.as_deref().unwrap_or("")) {
        Ok(r) => r,
        Err(i) => {
            store::one(&state.db, m.id, id)
                .await?
                .ok_or(AppError::NotFound("err-not-found"))?;
            let why = ctx.tr.ta(i.message_id(), &[("n", &i.limit().unwrap_or(0))]);
            return render(&state, &ctx, &m, None, Some((id, why))).await;
        }
    };
    let r = moderate(&state, &m, id, Some(&reason), user).await;
    moderated(&m, r, "avslaget")
}

#[derive(Deserialize)]
struct Trust {
    organisation: Option<String>,
    trusted: Option<String>,
}

async fn trust(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(t): Input<Trust>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let o: OrganisationId = t
        .organisation
        .as_deref()
        .and_then(|o| o.trim().parse().ok())
        .ok_or(AppError::NotFound("err-not-found"))?;
    if registry::public::organisation_names(&state.db, m.id, &[o])
        .await?
        .is_empty()
    {
        return Err(AppError::NotFound("err-not-found"));
    }
    let on = t.trusted.as_deref() == Some("ja");
    store::set_trusted(&state.db, m.id, o, on, Some(user), state.now())
        .await
        .map_err(store_error)?;
    Ok(back(&m, "betrodd"))
}
