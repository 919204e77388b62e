//! A working group's meetings:
//!
//! - `GET /{slug}/moten/arbetsgrupper/{group}/moten`: the group's own meetings, coming and past
//!   (public, as every meeting is)
//! - `POST` the same: the coordinator starts the group's series, after which new meetings can
//!   be put in it and invitations go to the group's members

use super::store;
use crate::paths;
use crate::store::SeriesError;
use crate::views::{coordinates, listed, when};
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new().route("/{slug}/moten/arbetsgrupper/{group}/moten", get(page).post(start))
}

#[derive(Deserialize)]
struct GroupPath {
    group: i64,
}

struct Item {
    href: String,
    title: String,
    when: String,
}

#[derive(Template)]
#[template(path = "meetings_group_meetings.html")]
struct GroupMeetingsPage {
    page: Page,
    notice: Option<String>,
    coming: Vec<Item>,
    past: Vec<Item>,
    /// The series' page and calendar feed, once the group has a series.
    series: Option<(String, String)>,
    /// The coordinator's links (a new meeting) or the form that starts the series.
    actions: Vec<(String, String)>,
    form: Option<Form>,
    back: String,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    group: i64,
    error: Option<String>,
) -> AppResult<Response> {
    let g = actionplan::public::working_group(&state.db, m.id, group)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let series = store::series_of_group(&state.db, m.id, g.id).await?;
    let meetings = match series {
        Some(s) => crate::store::meetings(&state.db, m.id, Some(s)).await?,
        None => vec![],
    };
    let now = state.now();
    let item = |mt: &crate::store::Meeting| Item {
        href: paths::meeting(&m.slug, mt.id),
        title: listed(ctx, mt),
        when: when(&ctx.tr, mt),
    };
    let coordinator = coordinates(ctx, m);
    let mut form = None;
    let mut actions = vec![];
    if coordinator {
        match series {
            Some(_) => actions.push((paths::new(&m.slug), ctx.t("meetings-action-new"))),
            None => {
                form = Some(Form::new(
                    paths::group_meetings(&m.slug, g.id),
                    ctx.t("meetings-submit-group-series"),
                    vec![],
                ));
            }
        }
    }
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &GroupMeetingsPage {
            page: ctx.page_in(m, ctx.tr.ta("meetings-group-meetings-title", &[("name", &g.name)])),
            notice: error,
            coming: meetings.iter().filter(|mt| mt.ends_at >= now).map(item).collect(),
            past: meetings.iter().rev().filter(|mt| mt.ends_at < now).map(item).collect(),
            series: series.map(|s| (paths::one_series(&m.slug, s), paths::series_feed(&m.slug, s))),
            actions,
            form,
            back: paths::working_group(&m.slug, g.id),
        },
    )
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<GroupPath>,
) -> AppResult<Response> {
    render(&state, &ctx, &m, p.group, None).await
}

async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<GroupPath>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let g = actionplan::public::working_group(&state.db, m.id, p.group)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if store::series_of_group(&state.db, m.id, g.id).await?.is_none() {
        let description = ctx.tr.ta("meetings-group-series-description", &[("name", &g.name)]);
        match store::start(&state.db, m.id, g.id, &g.name, &description, user, state.now()).await {
            Ok(_) => {}
            Err(SeriesError::Taken) => {
                let why = ctx.tr.ta("meetings-group-series-taken", &[("name", &g.name)]);
                return render(&state, &ctx, &m, g.id, Some(why)).await;
            }
            Err(SeriesError::Db(e)) => return Err(e.into()),
        }
    }
    Ok(Redirect::to(&paths::group_meetings(&m.slug, g.id)).into_response())
}
