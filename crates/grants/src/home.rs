//! The grants' panel on a municipality's start page: the nearest application deadlines of the
//! published programmes, with "Ansök" while a period is open. One query.

use crate::paths;
use crate::programmes::store;
use platform::db::Db;
use platform::home::{Item, Link, Panel};
use platform::i18n::Tr;
use platform::MunicipalityId;

/// How many deadlines the panel shows.
const SHOWN: i64 = 4;

pub fn panels<'a>(
    db: &'a Db,
    tr: &'a Tr,
    m: MunicipalityId,
    slug: &'a str,
    now: i64,
) -> futures::future::BoxFuture<'a, Result<Vec<Panel>, sqlx::Error>> {
    Box::pin(async move {
        let today = platform::format::date(now);
        let deadlines = store::deadlines(db, m, &today, SHOWN).await?;
        let mut panel = Panel::new(20, "deadlines", tr.t("grants-home-deadlines"), tr.t("grants-home-none"));
        panel.items = deadlines
            .into_iter()
            .map(|(programme, name, period, period_name, opens_on, deadline)| {
                let open = opens_on <= today;
                Item {
                    date: chrono::NaiveDate::parse_from_str(&deadline, "%Y-%m-%d").ok(),
                    title: named(name, &period_name),
                    href: paths::programme(slug, programme),
                    meta: if open {
                        tr.ta("grants-home-open-until", &[("date", &deadline)])
                    } else {
                        tr.ta("grants-home-opens", &[("date", &opens_on)])
                    },
                    action: open.then(|| Link::new(paths::apply(slug, period), tr.t("grants-home-apply"))),
                }
            })
            .collect();
        panel.more = Some(Link::new(paths::programmes(slug), tr.t("grants-home-all")));
        Ok(vec![panel])
    })
}

/// A period's title on the start page: the programme's name, with the period's unless the name
/// already holds it ("Verksamhetsbidrag 2027–2029" for its period "2027–2029").
fn named(programme: String, period: &str) -> String {
    if programme.contains(period) {
        programme
    } else {
        format!("{programme}, {period}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_period_already_named_is_not_named_twice() {
        assert_eq!(
            super::named("Verksamhetsbidrag 2027–2029".into(), "2027–2029"),
            "Verksamhetsbidrag 2027–2029"
        );
        assert_eq!(
            super::named("Aktivitetsstöd".into(), "Våren 2027"),
            "Aktivitetsstöd, Våren 2027"
        );
    }
}
