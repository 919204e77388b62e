//! Openness' part of the demo data: Sala's decisions on the agreement as seed 001 gives them,
//! and a few events of Sala's associations, INVENTED for the demo (the seeds say nothing of
//! specific events; seed 004 only asks for "Gemensam evenemangskalender?"): see
//! `events/demo.rs`, where each is said to be invented in its own text too.
//!
//! Seed 001 ("Kort bakgrund") gives two decisions with their dates and what was decided:
//! - 28 februari 2018, kommunfullmäktige: "beslutar, för Sala kommuns räkning, att anta de
//!   gemensamt framtagna sex principerna" (seed 000 says 26 februari; we follow seed 001);
//! - 7 juni 2018, kommunstyrelsen: "beslutar, för Sala kommuns räkning, att anta den gemensamt
//!   framtagna handlingsplanen".
//!
//! The seeds give neither paragraph (§) nor a link to the protocols, so those stay empty. The
//! council's earlier decision "att inleda dialog med civilsamhället" has no date in the seeds
//! and is left out. The titles are ours, written from the seed's words; the tags (category, all
//! six principles) are our reading. The third decision below, of Kultur- och fritidsnämnden, is
//! INVENTED for the demo (it shows a committee, a paragraph and an association; no protocol link,
//! since there is no such protocol).
//!
//! News and good examples: seed 003 asks that the municipality helps "synliggöra
//! civilsamhällets olika verksamheter" and shows "goda exempel på mångfald". The news item and
//! the good example below are INVENTED for the demo (the seeds name neither), said so in their
//! text: a news item of Sala about the agreement's news page, and a story from IKS, approved.
//! The sent newsletter (`newsletters/demo.rs`) is INVENTED too, and says so.

use crate::decisions::domain::{Body, Category, Checked, Filter};
use crate::decisions::store;
use platform::db::Db;
use platform::tenants::store as tenants;

/// Sala's decisions, once.
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    crate::events::demo::load(db, now).await?;
    crate::newsletters::demo::load(db, now).await?;
    let Some(m) = tenants::by_slug(db, "sala").await? else {
        return Ok(());
    };
    news(db, m.id, now).await?;
    if !store::latest(db, m.id, &Filter::default(), 1).await?.is_empty() {
        return Ok(());
    }
    let all_six: Vec<i64> = (1..=6).collect();
    let seeded = [
        Checked {
            body: Body::Council,
            committee: String::new(),
            meeting_on: "2018-02-28".into(),
            paragraph: String::new(),
            title: "Lokala principer för samverkan mellan Sala kommun och civilsamhället".into(),
            summary: "Kommunfullmäktige beslutar, för Sala kommuns räkning, att anta de gemensamt \
                      framtagna sex principerna för samverkan mellan civilsamhället och Sala kommun.\n\n\
                      Principerna togs fram i dialog med civilsamhället under fyra dialogmöten \
                      2017–2018."
                .into(),
            protocol_url: String::new(),
            category: Category::Agreement,
            principles: all_six.clone(),
            organisations: vec![],
        },
        Checked {
            body: Body::Board,
            committee: String::new(),
            meeting_on: "2018-06-07".into(),
            paragraph: String::new(),
            title: "Handlingsplan för samverkan med civilsamhället".into(),
            summary: "Kommunstyrelsen beslutar, för Sala kommuns räkning, att anta den gemensamt \
                      framtagna handlingsplanen.\n\nFörslaget presenterades och förbättrades på \
                      dialogmöte 5 den 14 maj 2018."
                .into(),
            protocol_url: String::new(),
            category: Category::ActionPlan,
            principles: all_six,
            organisations: vec![],
        },
    ];
    for c in &seeded {
        store::add(db, m.id, c, None, now).await?;
    }
    // INVENTED for the demo: no such decision is in the seeds.
    let iks = registry::public::organisation_choices(db, m.id)
        .await?
        .into_iter()
        .filter(|(_, n)| n.starts_with("IKS"))
        .map(|(id, _)| id)
        .collect();
    let invented = Checked {
        body: Body::Committee,
        committee: "Kultur- och fritidsnämnden".into(),
        meeting_on: "2026-10-14".into(),
        paragraph: "§ 45".into(),
        title: "Beslut om att publicera nämndens beslut som RSS-flöde".into(),
        summary: "Nämnden beslutar att dess beslut som rör civilsamhället publiceras i Överens \
                  beslutsflöde, i linje med handlingsplanens princip 5 om öppenhet och insyn.\n\n\
                  (Påhittat exempel i demodata: seeds nämner inget sådant beslut.)"
            .into(),
        protocol_url: String::new(),
        category: Category::Dialog,
        principles: vec![5],
        organisations: iks,
    };
    store::add(db, m.id, &invented, None, now).await?;
    Ok(())
}

/// Sala's news item and IKS's good example, once. Both INVENTED for the demo.
async fn news(db: &Db, m: platform::MunicipalityId, now: i64) -> anyhow::Result<()> {
    use crate::news::domain::{Category, Checked};
    use crate::news::store::{self as news, Author, Step};
    if !news::all(db, m, 1).await?.is_empty() {
        return Ok(());
    }
    let today = platform::format::date(now);
    let item = Checked {
        title: "Nu samlar vi nyheter och goda exempel från civilsamhället".into(),
        lead: "Kommunen och föreningarna berättar här om samverkan och om det som görs i Sala.".into(),
        body: "Enligt handlingsplanen ska kommunen hjälpa till att **synliggöra civilsamhällets olika \
               verksamheter**. Här publicerar vi därför nyheter om samverkan, och föreningar kan \
               skicka in egna berättelser.\n\n\
               - Skriv om något er förening gör som andra kan lära av.\n\
               - Kommunen granskar berättelsen innan den publiceras.\n\n\
               *(Påhittad nyhet i demodata: seeds nämner ingen sådan.)*"
            .into(),
        category: Category::Collaboration,
        principles: vec![5],
        published_on: String::new(),
    };
    news::add(db, m, &Author::Municipality { today: today.clone() }, &item, None, now).await?;
    let iks = registry::public::organisation_choices(db, m)
        .await?
        .into_iter()
        .find(|(_, n)| n.starts_with("IKS"));
    let Some((iks, _)) = iks else { return Ok(()) };
    let user: Option<(platform::UserId,)> = sqlx::query_as(
        "SELECT r.user_id FROM roles r WHERE r.organisation_id = $1 AND r.role = 'representative' ORDER BY r.user_id",
    )
    .bind(iks)
    .fetch_optional(&db.pool)
    .await?;
    let Some((user,)) = user else { return Ok(()) };
    let story = Checked {
        title: "Öppen sångkväll på fem språk".into(),
        lead: "En kväll i månaden sjunger vi sånger från medlemmarnas hemländer, och alla är välkomna.".into(),
        body: "Vi började med en sångkväll för att nya medlemmar ville dela sånger från sina \
               hemländer. Nu kommer ett trettiotal personer varje gång.\n\n\
               Så gör vi:\n\n\
               1. Någon lär ut en sång och berättar vad den handlar om.\n\
               2. Texten finns på svenska och på originalspråket.\n\
               3. Vi avslutar med fika.\n\n\
               *(Påhittat gott exempel i demodata: seeds nämner inget sådant.)*"
            .into(),
        category: Category::Diversity,
        principles: vec![3, 5],
        published_on: String::new(),
    };
    let author = Author::Association {
        organisation: iks,
        user,
    };
    let id = news::add(db, m, &author, &story, None, now).await?;
    news::step(db, m, id, Step::Submit, None, now).await?;
    news::step(db, m, id, Step::Approve { today: &today }, None, now).await?;
    Ok(())
}
