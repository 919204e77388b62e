//! The event calendar's part of the demo data: INVENTED events of Sala's associations (the
//! seeds say nothing of specific events; seed 004 only asks for "Gemensam
//! evenemangskalender?").

use super::domain::{self as events, Audience};
use super::schedule::Schedule;
use super::store::{self as event_store, Saver};
use chrono::Duration;
use platform::db::Db;
use platform::tenants::store as tenants;

/// Sala's events: INVENTED for the demo. The seeds say nothing of specific events (seed 004
/// only asks for "Gemensam evenemangskalender?"); these are plain examples by associations of
/// the demo registry, dated from the day the demo is loaded: a concert by IKS, a weekly
/// walk by Naturskyddsföreningen with one week left out, a talk for seniors by PRO (free of
/// charge, IKS's and Naturskyddsföreningen's published by the coordinator), and an evening
/// of Sala hembygdsförening that waits for the coordinator's review.
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    let Some(m) = tenants::by_slug(db, "sala").await? else {
        return Ok(());
    };
    let orgs = registry::public::organisation_choices(db, m.id).await?;
    let org = |prefix: &str| orgs.iter().find(|(_, n)| n.starts_with(prefix)).map(|(id, _)| *id);
    let (Some(iks), Some(nature), Some(pro), Some(heritage)) = (
        org("IKS"),
        org("Naturskyddsföreningen"),
        org("PRO"),
        org("Sala hembygdsförening"),
    ) else {
        return Ok(());
    };
    if !event_store::of_organisations(db, m.id, &[iks]).await?.is_empty() {
        return Ok(());
    }
    let today = crate::events::schedule::local_date(now);
    let day = |n: i64| today + Duration::days(n);
    let once = |d: chrono::NaiveDate, from: i64, to: i64| Schedule {
        starts_on: d,
        start_minute: from,
        ends_on: d,
        end_minute: to,
        repeat_until: None,
        skipped: vec![],
    };
    let event = |o, title: &str, description: &str, schedule: Schedule, place: &str| events::Checked {
        organisation_id: o,
        title: title.into(),
        description: description.into(),
        schedule,
        place: place.into(),
        room_id: None,
        accessibility: String::new(),
        audience: Audience::Alla,
        category: events::Category::Culture,
        price: String::new(),
        link: String::new(),
        registration_link: String::new(),
        area: "Sala tätort".into(),
    };
    let concert = events::Checked {
        accessibility: "Entré utan trappsteg, hörslinga i salen.".into(),
        price: "50 kr, barn gratis".into(),
        ..event(
            iks,
            "Vinterkonsert med kulturföreningarna",
            "Körer och musiker från Salas föreningar bjuder på en kväll med vintermusik. \
             (Påhittat exempel i demodata.)",
            once(day(10), 18 * 60, 20 * 60),
            "Aguélimuseet, Vasagatan 17, Sala",
        )
    };
    let weekly = Schedule {
        repeat_until: Some(day(3 + 7 * 8)),
        skipped: vec![day(3 + 7 * 4)],
        ..once(day(3), 10 * 60, 12 * 60)
    };
    let walk = events::Checked {
        audience: Audience::Familjer,
        category: events::Category::Outdoors,
        accessibility: "Promenaden går på grusväg, delvis kuperad.".into(),
        ..event(
            nature,
            "Naturpromenad i Sala silvergruva",
            "Vi promenerar tillsammans runt dammarna och tittar på fåglar. Ta med fika. \
             (Påhittat exempel i demodata.)",
            weekly,
            "Parkeringen vid Sala silvergruva",
        )
    };
    let talk = events::Checked {
        audience: Audience::Seniorer,
        category: events::Category::Talk,
        ..event(
            pro,
            "Föreläsning: trygg med mobilen",
            "Hur du använder BankID och Swish säkert. (Påhittat exempel i demodata.)",
            once(day(6), 14 * 60, 15 * 60 + 30),
            "Träffpunkten, Sala",
        )
    };
    for c in [&concert, &walk, &talk] {
        event_store::add(db, m.id, c, Saver::Coordinator, None, now).await?;
    }
    let evening = events::Checked {
        category: events::Category::Social,
        ..event(
            heritage,
            "Berättarkväll om gamla Sala",
            "Medlemmar berättar om stadens historia. (Påhittat exempel i demodata.)",
            once(day(17), 19 * 60, 21 * 60),
            "Hembygdsgården, Sala",
        )
    };
    event_store::add(db, m.id, &evening, Saver::Association, None, now).await?;
    Ok(())
}
