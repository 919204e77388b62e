//! The support capability's panels on a municipality's start page (it has no link of its own in
//! the navigation): the idea bank's open ideas with the most support, and the way to all of
//! them and to submitting one; "En dörr in"'s latest published questions and the way to ask
//! one. One query each.

use crate::ideas::store;
use crate::paths;
use platform::db::Db;
use platform::home::{Item, Link, Panel};
use platform::i18n::Tr;
use platform::MunicipalityId;

/// How many ideas the panel shows.
const SHOWN: i64 = 3;

pub fn panels<'a>(
    db: &'a Db,
    tr: &'a Tr,
    m: MunicipalityId,
    slug: &'a str,
    _now: i64,
) -> futures::future::BoxFuture<'a, Result<Vec<Panel>, sqlx::Error>> {
    Box::pin(async move {
        let ideas = store::most_supported(db, m, SHOWN).await?;
        let mut panel = Panel::new(60, "ideas", tr.t("support-home-ideas"), tr.t("support-home-no-ideas"));
        panel.items = ideas
            .into_iter()
            .map(|i| Item {
                date: None,
                href: paths::idea(slug, i.id),
                meta: tr.tn("support-ideas-supports", "n", i.supports),
                title: i.title,
                action: None,
            })
            .collect();
        panel.more = Some(Link::new(paths::ideas(slug), tr.t("support-home-all-ideas")));
        // "En dörr in": the latest published questions and the way to ask one.
        let faq = crate::doors::store::faq(db, m).await?;
        let mut door = Panel::new(
            65,
            "door",
            tr.t("support-doors-title"),
            tr.t("support-doors-home-empty"),
        );
        door.items = faq
            .into_iter()
            .take(SHOWN as usize)
            .map(|(_, question, _)| Item {
                date: None,
                href: format!("{}#vanliga-fragor", paths::door(slug)),
                meta: tr.t("support-doors-home-answered"),
                title: question,
                action: None,
            })
            .collect();
        door.more = Some(Link::new(paths::door(slug), tr.t("support-doors-home-ask")));
        Ok(vec![panel, door])
    })
}
