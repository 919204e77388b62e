//! The meetings' panels on a municipality's start page: the next meetings, with "Anmäl dig"
//! while registration is open, and the latest published minutes. Two queries.

use crate::{paths, store, views};
use platform::ctx::Ctx;
use platform::error::AppResult;
use platform::home::{Item, Link, Panel};
use platform::{AppState, MunicipalityId};

/// How many meetings each panel shows.
const SHOWN: i64 = 3;

pub fn panels<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    m: MunicipalityId,
    slug: &'a str,
) -> futures::future::BoxFuture<'a, AppResult<Vec<Panel>>> {
    Box::pin(async move {
        let now = state.now();
        let next = store::upcoming(&state.db, m, now, SHOWN).await?;
        let minutes = store::latest_minutes(&state.db, m, SHOWN).await?;

        let mut coming = Panel::new(10, "meetings", ctx.t("meetings-home-next"), ctx.t("meetings-home-none"));
        coming.items = next
            .iter()
            .map(|mt| Item {
                date: platform::format::local_date(mt.starts_at),
                title: mt.title.clone(),
                href: paths::meeting(slug, mt.id),
                meta: [views::when(ctx, mt), mt.place.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                action: mt
                    .registration_open(now)
                    .then(|| Link::new(paths::register(slug, mt.id), ctx.t("meetings-home-register"))),
            })
            .collect();
        coming.more = Some(Link::new(paths::list(slug), ctx.t("meetings-home-all")));

        let mut written = Panel::new(
            40,
            "minutes",
            ctx.t("meetings-home-minutes"),
            ctx.t("meetings-home-no-minutes"),
        );
        written.items = minutes
            .iter()
            .map(|mt| Item {
                date: platform::format::local_date(mt.starts_at),
                title: mt.title.clone(),
                href: paths::minutes(slug, mt.id),
                meta: mt.series_name.clone(),
                action: None,
            })
            .collect();
        Ok(vec![coming, written])
    })
}

/// The meetings each municipality has held by `now`, for the platform's front page (one query).
pub fn tally(
    db: &platform::db::Db,
    now: i64,
) -> futures::future::BoxFuture<'_, Result<platform::home::Tally, sqlx::Error>> {
    Box::pin(async move {
        Ok(platform::home::Tally {
            order: 30,
            message_id: "meetings-tally",
            counts: store::held_per_municipality(db, now).await?,
        })
    })
}
