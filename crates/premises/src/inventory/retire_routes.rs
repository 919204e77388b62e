//! Retiring a room or premises (issue 15).
//!
//! - `GET|POST /{slug}/lokaler/rum/{id}/avveckla`: a room
//! - `GET|POST /{slug}/lokaler/{id}/avveckla`: premises with all its rooms
//!
//! The page lists the future bookings the retirement cancels; the one who manages the premises
//! confirms (a box to tick), and in one transaction the room is retired, those bookings are
//! cancelled and every booker gets a letter. A retired room is no longer searched or booked;
//! its past bookings stay for the record.

use super::retire::{self, Target};
use super::routes::{managed_premises, managed_room};
use crate::booking::mail::{self, Letters};
use crate::booking::store::Booking;
use crate::domain;
use crate::routes::base;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use platform::auth::require_user;
use platform::ctx::{Ctx, Input};
use platform::db;
use platform::error::AppResult;
use platform::i18n::{Lang, Tr};
use platform::layout::{html_status, Page};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
use std::collections::BTreeMap;

struct Row {
    when: String,
    room: String,
    booker: String,
    status: String,
}

#[derive(Template)]
#[template(path = "premises_retire.html")]
struct RetirePage {
    page: Page,
    intro: String,
    /// When it was retired, if it is.
    retired: Option<String>,
    rows: Vec<Row>,
    action: String,
    error: Option<String>,
    notice: Option<String>,
    back: String,
}

/// What the page is about: the target, its name and where "back" goes.
struct About {
    target: Target,
    name: String,
    retired_at: Option<i64>,
    back: String,
    action: String,
}

async fn about(state: &AppState, ctx: &Ctx, m: &Municipality, id: &str, room: bool) -> AppResult<About> {
    let user = require_user(ctx.user.as_ref())?;
    if room {
        let r = managed_room(state, user, m, id).await?;
        Ok(About {
            target: Target::Room(r.id),
            name: r.full_name(),
            retired_at: r.retired_at,
            back: format!("{}/rum/{}/redigera", base(m), r.id),
            action: format!("{}/rum/{}/avveckla", base(m), r.id),
        })
    } else {
        let p = managed_premises(state, user, m, id).await?;
        let retired_at = super::store::premises_retired_at(&state.db, m.id, p.id).await?;
        Ok(About {
            target: Target::Premises(p.id),
            name: p.name.clone(),
            retired_at,
            back: format!("{}/{}/redigera", base(m), p.id),
            action: format!("{}/{}/avveckla", base(m), p.id),
        })
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    a: &About,
    status: StatusCode,
    error: Option<String>,
    notice: Option<String>,
) -> AppResult<Response> {
    let mut conn = state.db.pool.acquire().await?;
    let future = retire::future_bookings(&mut conn, m.id, a.target, state.now()).await?;
    drop(conn);
    let rows = future
        .iter()
        .map(|b| Row {
            when: format!(
                "{} {}–{}",
                platform::format::date(b.starts_at),
                domain::clock(b.starts_at),
                domain::clock_end(b.ends_at)
            ),
            room: b.room_name.clone(),
            booker: b.booker_name.clone(),
            status: ctx.t(b.status.message_id()),
        })
        .collect();
    let title = ctx.tr.ta("premises-retire-title", &[("name", &a.name)]);
    let intro = ctx.t(match a.target {
        Target::Room(_) => "premises-retire-intro-room",
        Target::Premises(_) => "premises-retire-intro-premises",
    });
    let retired = a.retired_at.map(|at| {
        ctx.tr
            .ta("premises-retired-at", &[("when", &platform::format::datetime(at))])
    });
    html_status(
        status,
        &RetirePage {
            page: ctx.page_in(m, title),
            intro,
            retired,
            rows,
            action: a.action.clone(),
            error,
            notice,
            back: a.back.clone(),
        },
    )
}

async fn page(state: AppState, ctx: Ctx, m: Municipality, id: String, room: bool) -> AppResult<Response> {
    let a = about(&state, &ctx, &m, &id, room).await?;
    render(&state, &ctx, &m, &a, StatusCode::OK, None, None).await
}

pub(super) async fn room_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    page(state, ctx, m, id, true).await
}

pub(super) async fn premises_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    page(state, ctx, m, id, false).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct ConfirmForm {
    bekrafta: String,
}

async fn save(
    state: AppState,
    ctx: Ctx,
    m: Municipality,
    id: String,
    f: ConfirmForm,
    room: bool,
) -> AppResult<Response> {
    let a = about(&state, &ctx, &m, &id, room).await?;
    let user = require_user(ctx.user.as_ref())?;
    if a.retired_at.is_some() {
        return render(&state, &ctx, &m, &a, StatusCode::CONFLICT, None, None).await;
    }
    if f.bekrafta != "ja" {
        let e = ctx.t("premises-retire-err-confirm");
        return render(&state, &ctx, &m, &a, StatusCode::UNPROCESSABLE_ENTITY, Some(e), None).await;
    }
    let letters = Letters::new(&state, &m.slug);
    // The reason each cancelled booking keeps is in Swedish, as the letter is.
    let sv = Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    };
    let reason = sv.ta("premises-retire-reason", &[("name", &a.name)]);
    let now = state.now();
    let n = db::write(&state.db, now, async |tx| {
        let (cancelled, change) = retire::retire(tx, m.id, a.target, &a.name, &reason, user, now).await?;
        let cancelled = cancelled.unwrap_or_default();
        let mut by_booker: BTreeMap<&str, Vec<&Booking>> = BTreeMap::new();
        for b in &cancelled {
            by_booker.entry(b.email.as_str()).or_default().push(b);
        }
        for (email, list) in by_booker {
            mail::retired(tx, &letters, m.id, &a.name, email, &list, now).await?;
        }
        Ok::<_, sqlx::Error>((cancelled.len(), change))
    })
    .await?;
    state.jobs_wakeup.notify_one();
    let a = about(&state, &ctx, &m, &id, room).await?;
    let notice = ctx.tr.ta("premises-retire-done", &[("name", &a.name), ("n", &n)]);
    render(&state, &ctx, &m, &a, StatusCode::OK, None, Some(notice)).await
}

pub(super) async fn room_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<ConfirmForm>,
) -> AppResult<Response> {
    save(state, ctx, m, id, f, true).await
}

pub(super) async fn premises_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<ConfirmForm>,
) -> AppResult<Response> {
    save(state, ctx, m, id, f, false).await
}
