//! The pages of the link between areas and principles.
//!
//! - `GET|POST /{slug}/handlingsplan/omrade/{id}/principer`: the coordinator ticks the
//!   principles of the agreement in force that an area works on
//! - `GET /{slug}/handlingsplan/princip/{n}`: a principle (by its number in the agreement in
//!   force) with the areas of the plan that work on it

use super::{domain, store};
use crate::ids::AreaId;
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/handlingsplan/omrade/{id}/principer", get(edit).post(save))
        .route("/{slug}/handlingsplan/princip/{n}", get(principle))
}

fn form(ctx: &Ctx, m: &Municipality, id: AreaId, offered: &[agreement::public::Principle], ticked: &[i64]) -> Form {
    let fields = offered
        .iter()
        .map(|p| {
            Field::new(
                &domain::field_name(p.position),
                format!("{}. {}", p.position, p.name),
                FieldKind::Checkbox,
            )
            .value(if ticked.contains(&p.position) { "on" } else { "" })
        })
        .collect();
    Form::new(
        paths::area_principles(&m.slug, id),
        ctx.t("actionplan-principles-save"),
        fields,
    )
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: AreaId,
    notice: Option<String>,
) -> AppResult<Response> {
    let (number, name) = store::area(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let offered = agreement::public::principles_in_force(&state.db, m.id).await?;
    let ticked: Vec<i64> = store::links(&state.db, m.id)
        .await?
        .into_iter()
        .filter(|l| l.0 == id)
        .map(|l| l.1)
        .collect();
    let mut fp = FormPage::new(
        ctx.page_in(
            m,
            ctx.tr
                .ta("actionplan-principles-title", &[("area", &format!("{number} {name}"))]),
        ),
    );
    fp.notice = notice;
    if offered.is_empty() {
        fp.intro = vec![ctx.t("actionplan-principles-none-in-force")];
    } else {
        fp.intro = vec![ctx.t("actionplan-principles-intro")];
        fp.form = Some(form(ctx, m, id, &offered, &ticked));
    }
    fp.links = vec![(paths::plan(&m.slug), ctx.t("actionplan-principles-back"))];
    html(&fp)
}

#[derive(Deserialize, Default)]
struct Saved {
    klart: Option<String>,
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<AreaId>,
    Query(q): Query<Saved>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let notice = q.klart.is_some().then(|| ctx.t("actionplan-principles-saved"));
    page(&state, &ctx, &m, id, notice).await
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<AreaId>,
    Input(posted): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::area(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let offered = agreement::public::principles_in_force(&state.db, m.id).await?;
    let positions = domain::ticked(&offered, |name| posted.get(name).is_some_and(|v| v == "on"));
    match store::set(&state.db, m.id, id, &positions, Some(user), state.now()).await {
        Ok(()) => Ok(Redirect::to(&format!("{}?klart=1", paths::area_principles(&m.slug, id))).into_response()),
        Err(sqlx::Error::RowNotFound) => Err(AppError::NotFound("err-not-found")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct Number {
    n: i64,
}

async fn principle(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(Number { n }): PathParams<Number>,
) -> AppResult<Response> {
    let p = agreement::public::principles_in_force(&state.db, m.id)
        .await?
        .into_iter()
        .find(|p| p.position == n)
        .ok_or(AppError::NotFound("err-not-found"))?;
    let (_, full) = crate::activities::store::current_full(&state.db, m.id).await?;
    let areas: Vec<AreaId> = store::links(&state.db, m.id)
        .await?
        .into_iter()
        .filter(|l| l.1 == n)
        .map(|l| l.0)
        .collect();
    let mut fp = FormPage::new(ctx.page_in(&m, format!("{}. {}", p.position, p.name)));
    let mut links: Vec<(String, String)> = full
        .areas
        .iter()
        .filter(|a| areas.contains(&a.id))
        .map(|a| {
            (
                format!("{}#omrade-{}", paths::plan(&m.slug), a.number),
                format!("{} {}", a.number, a.name),
            )
        })
        .collect();
    fp.intro = vec![if links.is_empty() {
        ctx.t("actionplan-principle-no-areas")
    } else {
        ctx.t("actionplan-principle-areas")
    }];
    links.push((
        format!("{}#princip-{}", agreement::paths::base(&m), p.position),
        ctx.t("actionplan-principle-in-agreement"),
    ));
    fp.links = links;
    html(&fp)
}
