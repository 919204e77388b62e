//! Synthetic decisions and events at national scale for the openness benchmark (issue 17):
//! spread over the synthetic municipalities (`syn-…`, made by `overens synth`) with the larger
//! ones having more, as population has it (weights `1/(i+1)^0.8`: the first synthetic
//! municipality gets about a tenth, the last a few).
//!
//! - Decisions over the five years before now: the council, the board and five committees, a
//!   paragraph, a title and summary by category, the category's tag and up to two principles,
//!   one in a hundred withdrawn with a reason.
//! - Events over a year before and after now: three in twenty weekly (10–40 weeks, some with a
//!   date left out), the rest once (one to four hours, a few over two or three days); the
//!   municipality's associations (through `registry::public`), categories, audiences, places,
//!   prices and accessibility at random; most approved, some waiting or declined.
//!
//! Rows go in with multi-row INSERTs of about a thousand values (SQLite's driver looks each value
//! up by name, which costs in proportion to the values of a statement; both backends' bind
//! limits are far above). Deterministic for a given seed and `now`.

use crate::decisions::domain::{committee_key, Body, Category as Topic};
use crate::events::domain::{search_text, Audience, Category};
use crate::events::schedule::{self, Schedule};
use chrono::{Duration, NaiveDate};
use platform::db::{Backend, Db};
use platform::{MunicipalityId, OrganisationId};
use premises::synth::{apportion, placeholders};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

#[derive(Clone, Debug)]
pub struct Plan {
    pub events: usize,
    pub decisions: usize,
    pub seed: u64,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            events: 1_000_000,
            decisions: 100_000,
            seed: 2026,
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub decisions: usize,
    pub events: usize,
    /// Of which weekly.
    pub weekly: usize,
    /// The municipality with the most (the first synthetic one), its decisions and events.
    pub largest: String,
    pub largest_decisions: usize,
    pub largest_events: usize,
}

const COMMITTEES: &[&str] = &[
    "Kultur- och fritidsnämnden",
    "Socialnämnden",
    "Barn- och utbildningsnämnden",
    "Tekniska nämnden",
    "Miljö- och byggnadsnämnden",
];

/// Titles by the decision's category.
fn decision_title(topic: Topic, n: u32) -> String {
    match topic {
        Topic::Agreement => format!("Uppföljning av den lokala överenskommelsen, del {n}"),
        Topic::ActionPlan => format!("Handlingsplan för samverkan med civilsamhället {n}"),
        Topic::Grants => format!("Föreningsbidrag: fördelning av verksamhetsbidrag, omgång {n}"),
        Topic::Premises => format!("Föreningslokaler: taxor och tider, ärende {n}"),
        Topic::Policy => format!("Riktlinjer för idéburet offentligt partnerskap, ärende {n}"),
        Topic::Budget => format!("Budget för stöd till föreningslivet, ärende {n}"),
        Topic::Dialog => format!("Dialogmöte med föreningslivet, ärende {n}"),
        Topic::Other => format!("Övrigt ärende som rör civilsamhället {n}"),
    }
}

/// Titles and places by the event's category.
fn event_title(c: Category, n: u32) -> &'static str {
    let titles: &[&str] = match c {
        Category::Culture => &["Körkonsert", "Teaterföreställning", "Konstutställning", "Bokcirkel"],
        Category::Sport => &["Fotbollsträning", "Prova på innebandy", "Motionslopp", "Simskola"],
        Category::Outdoors => &["Naturvandring", "Fågelskådning", "Kanottur", "Svampexkursion"],
        Category::Talk => &[
            "Föreläsning om föreningsliv",
            "Kurs i styrelsearbete",
            "Studiecirkel",
            "Seminarium",
        ],
        Category::Social => &["Öppet hus", "Språkcafé", "Sopplunch", "Spelkväll"],
        Category::Dialog => &["Samtal om överenskommelsen", "Medborgardialog"],
        Category::Other => &["Loppmarknad", "Insamling", "Städdag"],
    };
    titles[n as usize % titles.len()]
}

const PLACES: &[&str] = &[
    "Folkets hus",
    "Stadsbiblioteket",
    "Idrottshallen",
    "Bygdegården",
    "Kulturhuset",
    "Föreningsgården",
    "Naturreservatet, parkeringen",
    "Medborgarhuset",
];

/// Shares by size: the first municipality the largest.
fn weights(n: usize) -> Vec<f64> {
    (0..n).map(|i| 1.0 / (i as f64 + 1.0).powf(0.8)).collect()
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Fill the synthetic municipalities with decisions and events. Existing rows are kept.
pub async fn fill(db: &Db, plan: &Plan, now: i64) -> anyhow::Result<Counts> {
    let mut rng = StdRng::seed_from_u64(plan.seed ^ 0x5eed_0017);
    let mut counts = Counts::default();
    let mut municipalities: Vec<(MunicipalityId, String)> = platform::tenants::store::all(db)
        .await?
        .into_iter()
        .filter(|m| m.slug.starts_with("syn-"))
        .map(|m| (m.id, m.slug))
        .collect();
    municipalities.sort_by_key(|m| m.0);
    if municipalities.is_empty() {
        return Ok(counts);
    }
    let w = weights(municipalities.len());
    let decisions = apportion(plan.decisions, &w);
    let events = apportion(plan.events, &w);
    counts.largest = municipalities[0].1.clone();
    counts.largest_decisions = decisions[0];
    counts.largest_events = events[0];
    let today = schedule::local_date(now);

    let mut next_id: i64 = {
        let (max,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM openness_decisions")
            .fetch_one(&db.pool)
            .await?;
        max + 1
    };
    for ((m, _), n) in municipalities.iter().zip(&decisions) {
        let rows: Vec<DecisionRow> = (0..*n)
            .map(|_| {
                let d = decision(&mut rng, next_id, *m, today);
                next_id += 1;
                d
            })
            .collect();
        write_decisions(db, &rows).await?;
        counts.decisions += rows.len();
    }

    for ((m, _), n) in municipalities.iter().zip(&events) {
        let orgs = registry::public::organisation_choices(db, *m).await?;
        if orgs.is_empty() {
            continue;
        }
        let rows: Vec<EventRow> = (0..*n).map(|_| event(&mut rng, *m, &orgs, today, now)).collect();
        counts.weekly += rows.iter().filter(|e| e.schedule.repeats()).count();
        write_events(db, &rows, now).await?;
        // Each time an approved event happens, as the calendar reads it.
        while crate::events::occurrences::index_pending(db, *m, 5000).await? > 0 {}
        counts.events += rows.len();
    }

    if db.backend == Backend::Postgres {
        // The ids were given: move the identity sequence past them. Statistics for the
        // planner and the tables vacuumed, as autovacuum leaves them a while after a bulk load.
        sqlx::query(
            "SELECT setval(pg_get_serial_sequence('openness_decisions', 'id'), \
             (SELECT MAX(id) FROM openness_decisions))",
        )
        .execute(&db.pool)
        .await?;
        sqlx::query(
            "VACUUM (ANALYZE) openness_decisions, openness_decision_principles, openness_events, \
             openness_event_occurrences",
        )
        .execute(&db.pool)
        .await?;
    }
    Ok(counts)
}

struct DecisionRow {
    id: i64,
    municipality_id: MunicipalityId,
    body: Body,
    committee: &'static str,
    meeting_on: NaiveDate,
    paragraph: String,
    title: String,
    summary: String,
    topic: Topic,
    principles: Vec<i64>,
    withdrawn: bool,
    changed: i64,
}

fn decision(rng: &mut StdRng, id: i64, m: MunicipalityId, today: NaiveDate) -> DecisionRow {
    let (body, committee) = match rng.gen_range(0..10) {
        0..=1 => (Body::Council, ""),
        2..=4 => (Body::Board, ""),
        _ => (Body::Committee, COMMITTEES[rng.gen_range(0..COMMITTEES.len())]),
    };
    let meeting_on = today - Duration::days(rng.gen_range(1..5 * 365));
    let topic = Topic::ALL[rng.gen_range(0..Topic::ALL.len())];
    let n: u32 = rng.gen_range(1..400);
    let mut principles: Vec<i64> = (0..rng.gen_range(0..=2)).map(|_| rng.gen_range(1..=6)).collect();
    principles.sort_unstable();
    principles.dedup();
    let changed = schedule::local(meeting_on, 0) + rng.gen_range(1..10) * 86_400;
    DecisionRow {
        id,
        municipality_id: m,
        body,
        committee,
        meeting_on,
        paragraph: format!("§ {}", rng.gen_range(1..250)),
        title: decision_title(topic, n),
        summary: format!(
            "Beslutet gäller {}. Ärendet har beretts i samråd med föreningslivet.\n\n\
             Syntetiskt ärende för prestandamätning, nummer {n}.",
            decision_title(topic, n).to_lowercase()
        ),
        topic,
        principles,
        withdrawn: rng.gen_range(0..100) == 0,
        changed,
    }
}

/// Write a municipality's decisions and their principles in one transaction.
async fn write_decisions(db: &Db, rows: &[DecisionRow]) -> anyhow::Result<()> {
    let mut tx = db.write().await?;
    for chunk in rows.chunks(80) {
        let sql = format!(
            "INSERT INTO openness_decisions (id, municipality_id, body, committee, committee_key, meeting_on, \
             paragraph, title, summary, protocol_url, category, withdrawn_at, withdrawn_reason, created_at, \
             updated_at) VALUES {}",
            placeholders(chunk.len(), 15)
        );
        let mut q = sqlx::query(&sql);
        for d in chunk {
            q = q
                .bind(d.id)
                .bind(d.municipality_id)
                .bind(d.body.as_str())
                .bind(d.committee)
                .bind(committee_key(d.committee))
                .bind(day(d.meeting_on))
                .bind(d.paragraph.clone())
                .bind(d.title.clone())
                .bind(d.summary.clone())
                .bind(format!("https://syn.overens.example/protokoll/{}", d.id))
                .bind(d.topic.as_str())
                .bind(d.withdrawn.then_some(d.changed))
                .bind(if d.withdrawn { "Fel i underlaget." } else { "" })
                .bind(d.changed)
                .bind(d.changed);
        }
        q.execute(&mut *tx).await?;
    }
    let principles: Vec<(i64, MunicipalityId, i64)> = rows
        .iter()
        .flat_map(|d| d.principles.iter().map(|p| (d.id, d.municipality_id, *p)))
        .collect();
    for chunk in principles.chunks(300) {
        let sql = format!(
            "INSERT INTO openness_decision_principles (decision_id, municipality_id, principle) VALUES {}",
            placeholders(chunk.len(), 3)
        );
        let mut q = sqlx::query(&sql);
        for (d, m, p) in chunk {
            q = q.bind(*d).bind(*m).bind(*p);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

struct EventRow {
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    title: String,
    description: String,
    schedule: Schedule,
    place: String,
    accessibility: &'static str,
    audience: Audience,
    category: Category,
    price: &'static str,
    status: &'static str,
    search: String,
}

fn event(
    rng: &mut StdRng,
    m: MunicipalityId,
    orgs: &[(OrganisationId, String)],
    today: NaiveDate,
    now: i64,
) -> EventRow {
    let (org, org_name) = &orgs[rng.gen_range(0..orgs.len())];
    let category = Category::ALL[rng.gen_range(0..Category::ALL.len())];
    let audience = Audience::ALL[rng.gen_range(0..Audience::ALL.len())];
    let n: u32 = rng.gen_range(0..1000);
    let starts_on = today + Duration::days(rng.gen_range(-365..=365));
    let start_minute = rng.gen_range(18..=40) * 30;
    let weekly = rng.gen_range(0..20) < 3;
    let long = !weekly && rng.gen_range(0..50) == 0;
    let ends_on = if long {
        starts_on + Duration::days(rng.gen_range(1..=2))
    } else {
        starts_on
    };
    let end_minute = (start_minute + rng.gen_range(2..=8) * 30).min(23 * 60 + 30);
    let repeat_until = weekly.then(|| starts_on + Duration::weeks(rng.gen_range(10..=40)));
    let skipped = match repeat_until {
        Some(_) if rng.gen_bool(0.3) => vec![starts_on + Duration::weeks(rng.gen_range(1..8))],
        _ => vec![],
    };
    let schedule = Schedule {
        starts_on,
        start_minute,
        ends_on,
        end_minute,
        repeat_until,
        skipped,
    };
    let title = format!("{} {}", event_title(category, n), n % 97 + 1);
    let place = PLACES[rng.gen_range(0..PLACES.len())].to_string();
    let description = format!(
        "{org_name} bjuder in till {}. Välkommen! Syntetiskt evenemang för prestandamätning.",
        title.to_lowercase()
    );
    let status = match rng.gen_range(0..100) {
        0..=3 if schedule::local(starts_on, 0) > now => "pending",
        0..=2 => "declined",
        _ => "approved",
    };
    EventRow {
        municipality_id: m,
        organisation_id: *org,
        search: search_text(&[&title, &description, &place, org_name]),
        title,
        description,
        schedule,
        place,
        accessibility: if rng.gen_bool(0.4) {
            "Entré utan trappsteg, hörslinga i salen."
        } else {
            ""
        },
        audience,
        category,
        price: if rng.gen_bool(0.6) { "" } else { "50 kr, barn gratis" },
        status,
    }
}

/// Write a municipality's events in one transaction.
async fn write_events(db: &Db, rows: &[EventRow], now: i64) -> anyhow::Result<()> {
    let mut tx = db.write().await?;
    for chunk in rows.chunks(50) {
        let sql = format!(
            "INSERT INTO openness_events (municipality_id, organisation_id, title, description, starts_on, \
             start_minute, ends_on, end_minute, repeat_until, skipped, first_start, last_end, place, accessibility, \
             audience, category, price, status, search_text, created_at, updated_at) VALUES {}",
            placeholders(chunk.len(), 21)
        );
        let mut q = sqlx::query(&sql);
        for e in chunk {
            let s = &e.schedule;
            let (first, last) = s.bounds();
            q = q
                .bind(e.municipality_id)
                .bind(e.organisation_id)
                .bind(e.title.clone())
                .bind(e.description.clone())
                .bind(day(s.starts_on))
                .bind(s.start_minute)
                .bind(day(s.ends_on))
                .bind(s.end_minute)
                .bind(s.repeat_until.map(day))
                .bind(s.skipped_text())
                .bind(first)
                .bind(last)
                .bind(e.place.clone())
                .bind(e.accessibility)
                .bind(e.audience.as_str())
                .bind(e.category.as_str())
                .bind(e.price)
                .bind(e.status)
                .bind(e.search.clone())
                .bind(first.min(now))
                .bind(first.min(now));
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_largest_municipality_gets_about_a_tenth() {
        let v = apportion(1_000_000, &weights(290));
        assert_eq!(v.iter().sum::<usize>(), 1_000_000);
        assert!((70_000..130_000).contains(&v[0]), "{}", v[0]);
        assert!(v[289] >= 500 && v[289] < v[0] / 50, "{}", v[289]);
    }

    #[test]
    fn events_are_within_a_year_of_now_and_some_repeat() {
        let now = schedule::local(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(), 12 * 60);
        let today = schedule::local_date(now);
        let mut rng = StdRng::seed_from_u64(1);
        let orgs = vec![(OrganisationId::new(1), "Kören".to_string())];
        let rows: Vec<EventRow> = (0..2_000)
            .map(|_| event(&mut rng, MunicipalityId::new(1), &orgs, today, now))
            .collect();
        let weekly = rows.iter().filter(|e| e.schedule.repeats()).count();
        assert!((200..400).contains(&weekly), "{weekly}");
        for e in &rows {
            assert!((e.schedule.starts_on - today).num_days().abs() <= 365);
            let (first, last) = e.schedule.bounds();
            assert!(first < last);
            assert!(e.search.contains("kören"));
        }
        assert!(rows.iter().any(|e| e.status == "pending"));
    }
}
