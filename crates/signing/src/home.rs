//! The signing book's panel on a municipality's start page: the latest signatories and how many
//! have signed in all. Two queries.

use crate::{paths, store};
use platform::db::Db;
use platform::home::{Item, Link, Panel};
use platform::i18n::Tr;
use platform::MunicipalityId;

/// How many signatories the panel names.
const SHOWN: i64 = 5;

pub fn panels<'a>(
    db: &'a Db,
    tr: &'a Tr,
    m: MunicipalityId,
    slug: &'a str,
    _now: i64,
) -> futures::future::BoxFuture<'a, Result<Vec<Panel>, sqlx::Error>> {
    Box::pin(async move {
        let (latest, total) = store::latest(db, m, SHOWN).await?;
        let mut panel = Panel::new(
            50,
            "signatories",
            tr.t("signing-home-latest"),
            tr.t("signing-home-none"),
        );
        panel.items = latest
            .iter()
            .map(|s| Item {
                date: Some(s.signed_on),
                title: s.signer_name.clone(),
                href: paths::book(slug),
                meta: tr.t(s.kind.message_id()),
                action: None,
            })
            .collect();
        panel.more = Some(Link::new(paths::book(slug), tr.tn("signing-home-all", "n", total)));
        Ok(vec![panel])
    })
}

/// The signatories in force in each municipality, for the platform's front page (one query).
pub fn tally(
    db: &platform::db::Db,
    _now: i64,
) -> futures::future::BoxFuture<'_, Result<platform::home::Tally, sqlx::Error>> {
    Box::pin(async move {
        Ok(platform::home::Tally {
            order: 20,
            message_id: "signing-tally",
            counts: store::in_force_per_municipality(db).await?,
        })
    })
}
