//! The coordinator's work on an idea, from its page: moving it to another status (with the
//! meeting, the activity or the reason the status needs; the submitter's letter queued in the
//! same transaction, see [`super::mail`]) and hiding the idea or a comment, or showing it again.
//! Every change is in the audit trail. Anyone else gets 403; another municipality's idea 404.
//!
//! - `POST /{slug}/ideer/{id}/status`: move (status, meeting, activity, reason)
//! - `POST /{slug}/ideer/{id}/dolj`: hide (`dold=ja`) or show (`dold=nej`)
//! - `POST /{slug}/ideer/{id}/kommentarer/{comment}/dolj`: the same for a comment

use super::domain::{self, Refusal, Target};
use super::mail::{self, Link};
use super::routes::{back, render, store_error, Refused};
use super::store::{self, StoreError};
use super::view::Labels;
use crate::ids::{CommentId, IdeaId};
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/ideer/{id}/status", post(move_to))
        .route("/{slug}/ideer/{id}/dolj", post(hide))
        .route("/{slug}/ideer/{id}/kommentarer/{comment}/dolj", post(hide_comment))
}

#[derive(Deserialize)]
struct Moved {
    status: Option<String>,
    meeting: Option<String>,
    activity: Option<String>,
    reason: Option<String>,
}

/// The page again with the refusal (422).
async fn refuse(state: &AppState, ctx: &Ctx, m: &Municipality, id: IdeaId, why: Refusal) -> AppResult<Response> {
    let refused = Refused {
        status: Some(ctx.t(why.message_id())),
        ..Refused::default()
    };
    render(state, ctx, m, id, None, refused).await
}

async fn move_to(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<IdeaId>,
    Input(f): Input<Moved>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    // The idea must be the municipality's before anything else is said of it.
    store::one(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let target = match domain::target(
        f.status.as_deref().unwrap_or(""),
        f.meeting.as_deref().unwrap_or(""),
        f.activity.as_deref().unwrap_or(""),
        f.reason.as_deref().unwrap_or(""),
    ) {
        Ok(t) => t,
        Err(why) => return refuse(&state, &ctx, &m, id, why).await,
    };
    // The meeting or the activity must be the municipality's (asked of their owners).
    let labels = Labels::of(&state.db, m.id, &m.slug).await?;
    let activity = match &target {
        Target::OnAgenda(mt) if !labels.meetings.contains_key(mt) => {
            return refuse(&state, &ctx, &m, id, Refusal::MeetingRequired).await;
        }
        Target::Activity(a) => match actionplan::public::activity(&state.db, m.id, *a).await? {
            Some(a) => Some(a),
            None => return refuse(&state, &ctx, &m, id, Refusal::ActivityRequired).await,
        },
        _ => None,
    };
    let now = state.now();
    let r = platform::db::write(&state.db, now, async |tx| {
        let (what, change) = store::change_status(tx, m.id, &m.slug, id, &target, Some(user), now).await?;
        let meeting = what.meeting_id.and_then(|mt| labels.meetings.get(&mt));
        let activity_path = activity
            .as_ref()
            .map(|a| actionplan::paths::activity(&m.slug, actionplan::ids::ActivityId::new(a.id)));
        let link = match (&target, meeting, &activity, &activity_path) {
            (Target::Activity(_), _, Some(a), Some(path)) => Link::Activity(&a.text, path.clone()),
            (Target::OnAgenda(_), Some(mt), _, _) => Link::Meeting(mt),
            _ => Link::None,
        };
        if let Some(email) = mail::status_changed(&state, &m, id, &what, &link) {
            platform::mail::queue(tx, Some(m.id), &email, now).await?;
        }
        Ok::<_, StoreError>(((), change))
    })
    .await;
    match r {
        Ok(()) => {
            state.jobs_wakeup.notify_one();
            Ok(back(&m, id, "status"))
        }
        Err(StoreError::Refused(why)) => refuse(&state, &ctx, &m, id, why).await,
        Err(e) => Err(store_error(e)),
    }
}

#[derive(Deserialize)]
struct Hidden {
    dold: Option<String>,
}

impl Hidden {
    fn hide(&self) -> bool {
        self.dold.as_deref() != Some("nej")
    }
}

async fn hide(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<IdeaId>,
    Input(h): Input<Hidden>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::hide_idea(&state.db, m.id, &m.slug, id, h.hide(), Some(user), state.now())
        .await
        .map_err(store_error)?;
    Ok(back(&m, id, if h.hide() { "dold" } else { "visad" }))
}

#[derive(Deserialize)]
struct CommentPath {
    id: IdeaId,
    comment: CommentId,
}

async fn hide_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<CommentPath>,
    Input(h): Input<Hidden>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::hide_comment(&state.db, m.id, p.id, p.comment, h.hide(), Some(user), state.now())
        .await
        .map_err(store_error)?;
    Ok(back(&m, p.id, if h.hide() { "dold" } else { "visad" }))
}
