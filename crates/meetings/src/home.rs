//! The meetings' panels on a municipality's start page: the next meetings, with "Anmäl dig"
//! while registration is open, and the latest published minutes. Two queries.

use crate::{paths, store, views};
use platform::db::Db;
use platform::home::{Item, Link, Panel};
use platform::i18n::Tr;
use platform::MunicipalityId;

/// How many meetings each panel shows.
const SHOWN: i64 = 3;

pub fn panels<'a>(
    db: &'a Db,
    tr: &'a Tr,
    m: MunicipalityId,
    slug: &'a str,
    now: i64,
) -> futures::future::BoxFuture<'a, Result<Vec<Panel>, sqlx::Error>> {
    Box::pin(async move {
        let next = store::upcoming(db, m, now, SHOWN).await?;
        let minutes = store::latest_minutes(db, m, SHOWN).await?;

        let mut coming = Panel::new(10, "meetings", tr.t("meetings-home-next"), tr.t("meetings-home-none"));
        coming.items = next
            .iter()
            .map(|mt| Item {
                date: platform::format::local_date(mt.starts_at),
                title: mt.title.clone(),
                href: paths::meeting(slug, mt.id),
                meta: [views::when(tr, mt), mt.place.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                action: mt
                    .registration_open(now)
                    .then(|| Link::new(paths::register(slug, mt.id), tr.t("meetings-home-register"))),
            })
            .collect();
        coming.more = Some(Link::new(paths::list(slug), tr.t("meetings-home-all")));

        let mut written = Panel::new(
            40,
            "minutes",
            tr.t("meetings-home-minutes"),
            tr.t("meetings-home-no-minutes"),
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
