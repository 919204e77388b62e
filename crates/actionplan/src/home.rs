//! The action plan's panel on a municipality's start page: its progress per principle (or per
//! area, when no area names a principle) as a compact chart whose numbers are its table. Three
//! queries.

use crate::paths;
use crate::principles::{domain, store};
use platform::db::Db;
use platform::home::{Chart, ChartRow, Link, Panel};
use platform::i18n::Tr;
use platform::MunicipalityId;

pub fn panels<'a>(
    db: &'a Db,
    tr: &'a Tr,
    m: MunicipalityId,
    slug: &'a str,
    _now: i64,
) -> futures::future::BoxFuture<'a, Result<Vec<Panel>, sqlx::Error>> {
    Box::pin(async move {
        let principles = agreement::public::principles_in_force(db, m).await?;
        let links = store::links(db, m).await?;
        let counts = store::status_counts(db, m).await?;
        let rows = domain::progress(&principles, &links, &counts);
        let mut panel = Panel::new(
            30,
            "plan",
            tr.t("actionplan-home-progress"),
            tr.t("actionplan-home-empty"),
        );
        if rows.iter().any(|r| r.counts.iter().any(|&c| c > 0)) {
            let per_principle = rows.first().is_some_and(|r| r.principle);
            panel.chart = Some(Chart {
                caption: tr.t(if per_principle {
                    "actionplan-home-per-principle"
                } else {
                    "actionplan-home-per-area"
                }),
                row_heading: tr.t(if per_principle {
                    "actionplan-home-principle"
                } else {
                    "actionplan-home-area"
                }),
                columns: [
                    "actionplan-status-done",
                    "actionplan-status-ongoing",
                    "actionplan-status-not-started",
                    "actionplan-status-paused",
                ]
                .iter()
                .map(|id| tr.t(id))
                .collect(),
                rows: rows
                    .into_iter()
                    .map(|r| ChartRow {
                        label: format!("{}. {}", r.number, r.name),
                        href: r.principle.then(|| paths::principle(slug, r.number)),
                        values: r.counts.to_vec(),
                    })
                    .collect(),
            });
        }
        panel.more = Some(Link::new(paths::plan(slug), tr.t("actionplan-home-plan")));
        Ok(vec![panel])
    })
}
