//! Synthetic premises and bookings at national scale for the availability benchmark (issue 6):
//! rooms spread over the synthetic municipalities (`syn-…`, made by `overens synth`) with the
//! larger ones having more, opening hours, equipment, accessibility, capacities and buffers,
//! and bookings over a year around now, past and future, single and weekly series.
//!
//! Bookings are made per room in time order with their buffers kept, so the database's rule
//! against double bookings (PostgreSQL's exclusion constraint, SQLite's triggers), which stays
//! on, never refuses one. Rows go in with multi-row INSERTs and explicit ids. Deterministic for
//! a given seed and `now`.

use crate::domain::{self, feature_bit, Equipment};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use platform::db::{Backend, Db, Tx};
use platform::features::Feature;
use platform::{MunicipalityId, OrganisationId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct Plan {
    pub rooms: usize,
    pub bookings: usize,
    pub seed: u64,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            rooms: 5_000,
            bookings: 2_000_000,
            seed: 2026,
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub premises: usize,
    pub rooms: usize,
    /// Rooms of the municipality with the most.
    pub largest: usize,
    pub series: usize,
    pub bookings: usize,
}

const BUILDINGS: &[&str] = &[
    "Kulturhuset",
    "Folkets hus",
    "Medborgarhuset",
    "Stadsbiblioteket",
    "Idrottshallen",
    "Bygdegården",
    "Fritidsgården",
    "Skolan",
    "Musikskolan",
    "Föreningshuset",
    "Träffpunkten",
    "Sporthallen",
];
const AREAS: &[&str] = &[
    "Centrum", "Norr", "Söder", "Väster", "Öster", "Hamnen", "Bruket", "Kyrkbyn",
];
const STREETS: &[&str] = &[
    "Storgatan",
    "Kyrkogatan",
    "Skolvägen",
    "Parkvägen",
    "Järnvägsgatan",
    "Torget",
];
const ROOMS: &[&str] = &[
    "Stora salen",
    "Lilla salen",
    "Konferensrum",
    "Samlingssalen",
    "Gymnastiksalen",
    "Studierummet",
    "Ateljén",
    "Köket",
    "Replokalen",
    "Mötesrummet",
    "Biografen",
    "Dansstudion",
];
const BOOKERS: &[&str] = &[
    "Idrottsföreningen",
    "Scoutkåren",
    "Körföreningen",
    "Pensionärsföreningen",
    "Schacksällskapet",
    "Studieförbundet",
    "Folkdanslaget",
    "Teaterföreningen",
];
const PURPOSES: &[&str] = &[
    "Träning",
    "Möte",
    "Repetition",
    "Studiecirkel",
    "Kurs",
    "Årsmöte",
    "Fest",
    "Konsert",
];

/// Rows of `cols` placeholders each, numbered from $1.
pub fn placeholders(rows: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 6);
    for r in 0..rows {
        if r > 0 {
            s.push_str(", ");
        }
        s.push('(');
        for c in 0..cols {
            if c > 0 {
                s.push_str(", ");
            }
            s.push('$');
            s.push_str(&(r * cols + c + 1).to_string());
        }
        s.push(')');
    }
    s
}

/// `total` split over `n` shares in proportion to `weights`, by largest remainder.
pub fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut rest: Vec<usize> = (0..weights.len()).collect();
    rest.sort_by(|a, b| (exact[*b] - exact[*b].floor()).total_cmp(&(exact[*a] - exact[*a].floor())));
    let short = total - out.iter().sum::<usize>();
    for i in rest.into_iter().take(short) {
        out[i] += 1;
    }
    out
}

struct Room {
    id: i64,
    municipality_id: MunicipalityId,
    premises_id: i64,
    name: String,
    capacity: i64,
    equipment: i64,
    access: i64,
    mode: &'static str,
    buffer: i64,
    /// Association, private, company.
    prices: (Option<i64>, Option<i64>, Option<i64>),
    /// Opening hours per ISO weekday, Monday first.
    hours: [Option<(i64, i64)>; 7],
}

/// A weekly series: weekday, start and end minutes, first and last date.
struct Series {
    id: i64,
    weekday: Weekday,
    start: i64,
    end: i64,
    first: NaiveDate,
    last: NaiveDate,
    skip: Option<NaiveDate>,
}

/// A weekly series' row: id, municipality, room, first and last date.
type SeriesRow = (i64, MunicipalityId, i64, NaiveDate, NaiveDate);

/// One booking row, before it is written.
struct Row {
    municipality_id: MunicipalityId,
    room_id: i64,
    series_id: Option<i64>,
    organisation_id: Option<OrganisationId>,
    kind: &'static str,
    name: &'static str,
    purpose: &'static str,
    attendees: i64,
    starts_at: i64,
    ends_at: i64,
    blocks_until: i64,
    status: &'static str,
    created_at: i64,
}

async fn next_id(db: &Db, table: &str) -> anyhow::Result<i64> {
    let (max,): (i64,) = sqlx::query_as(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"))
        .fetch_one(&db.pool)
        .await?;
    Ok(max + 1)
}

/// Fill the synthetic municipalities with premises, rooms and bookings. Existing rows are kept.
pub async fn fill(db: &Db, plan: &Plan, now: i64) -> anyhow::Result<Counts> {
    let mut rng = StdRng::seed_from_u64(plan.seed ^ 0x5eed_0006);
    let mut counts = Counts::default();
    let municipalities: Vec<(MunicipalityId,)> =
        sqlx::query_as("SELECT id FROM municipalities WHERE slug LIKE 'syn-%' ORDER BY id")
            .fetch_all(&db.pool)
            .await?;
    let municipalities: Vec<MunicipalityId> = municipalities.into_iter().map(|r| r.0).collect();
    if municipalities.is_empty() || plan.rooms == 0 {
        return Ok(counts);
    }
    // Some associations per municipality lend premises and book rooms.
    let orgs: Vec<(MunicipalityId, OrganisationId)> = sqlx::query_as(
        "SELECT o.municipality_id, o.id FROM organisations o JOIN municipalities m ON m.id = o.municipality_id \
         WHERE m.slug LIKE 'syn-%' AND o.id % 20 = 0",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut orgs_of: HashMap<MunicipalityId, Vec<OrganisationId>> = HashMap::new();
    for (m, o) in orgs {
        orgs_of.entry(m).or_default().push(o);
    }

    // Rooms per municipality by size, as Zipf's law has it for towns: the first synthetic
    // municipality is the largest (a sixth of all rooms with 290 municipalities), the last has a
    // few.
    let weights: Vec<f64> = (0..municipalities.len()).map(|i| 1.0 / (i as f64 + 1.0)).collect();
    let per_municipality = apportion(plan.rooms, &weights);
    counts.largest = per_municipality.iter().copied().max().unwrap_or(0);

    // Premises of one to eight rooms (up to twelve in large municipalities) and their rooms.
    let mut premises_id = next_id(db, "premises").await?;
    let mut room_id = next_id(db, "premises_rooms").await?;
    // (id, municipality, owner, name, address, area)
    type PremisesRow = (
        i64,
        MunicipalityId,
        Option<OrganisationId>,
        String,
        String,
        &'static str,
    );
    let mut premises_rows: Vec<PremisesRow> = vec![];
    let mut rooms: Vec<Room> = vec![];
    for (m, n) in municipalities.iter().zip(&per_municipality) {
        let mut left = *n;
        let mut serial = 0;
        while left > 0 {
            serial += 1;
            let size = rng.gen_range(1..=if *n > 200 { 12 } else { 8 }).min(left);
            left -= size;
            let owner = match orgs_of.get(m) {
                Some(o) if rng.gen_bool(0.3) => Some(o[rng.gen_range(0..o.len())]),
                _ => None,
            };
            let building = BUILDINGS[rng.gen_range(0..BUILDINGS.len())];
            let name = if owner.is_some() {
                format!("Föreningslokalen {serial}")
            } else {
                format!("{building} {serial}")
            };
            let address = format!("{} {}", STREETS[rng.gen_range(0..STREETS.len())], rng.gen_range(1..80));
            let area = AREAS[rng.gen_range(0..AREAS.len())];
            premises_rows.push((premises_id, *m, owner, name, address, area));
            for k in 0..size {
                let base = ROOMS[rng.gen_range(0..ROOMS.len())];
                let name = format!("{base} {}", k + 1);
                let capacity = match rng.gen_range(0..10) {
                    0..=4 => rng.gen_range(6..=20),
                    5..=8 => rng.gen_range(20..=80),
                    _ => rng.gen_range(80..=400),
                };
                let equipment = Equipment::ALL
                    .iter()
                    .filter(|_| rng.gen_bool(0.4))
                    .fold(0, |a, e| a | e.bit());
                let access = Feature::ALL
                    .iter()
                    .filter(|_| rng.gen_bool(0.5))
                    .fold(0, |a, f| a | feature_bit(*f));
                let buffer = [0, 0, 15, 15, 30, 60][rng.gen_range(0..6)];
                let opens = [6 * 60, 7 * 60, 8 * 60, 9 * 60][rng.gen_range(0..4)];
                let closes = [21 * 60, 22 * 60, 23 * 60][rng.gen_range(0..3)];
                let weekend = match rng.gen_range(0..3) {
                    0 => None,
                    1 => Some((10 * 60, 18 * 60)),
                    _ => Some((opens, closes)),
                };
                let mut hours = [Some((opens, closes)); 7];
                hours[5] = weekend;
                hours[6] = weekend;
                let mode = if rng.gen_bool(0.4) { "instant" } else { "request" };
                let association = if rng.gen_bool(0.5) {
                    0
                } else {
                    rng.gen_range(5..20) * 10
                };
                let prices = (
                    Some(association),
                    rng.gen_bool(0.7).then(|| rng.gen_range(10..40) * 10),
                    rng.gen_bool(0.5).then(|| rng.gen_range(20..100) * 10),
                );
                rooms.push(Room {
                    id: room_id,
                    municipality_id: *m,
                    premises_id,
                    name,
                    capacity,
                    equipment,
                    access,
                    mode,
                    buffer,
                    prices,
                    hours,
                });
                room_id += 1;
            }
            premises_id += 1;
        }
    }

    let mut tx = db.write().await?;
    for chunk in premises_rows.chunks(100) {
        let sql = format!(
            "INSERT INTO premises (id, municipality_id, organisation_id, name, address, area, description, \
             contact_email, created_at, updated_at) VALUES {}",
            placeholders(chunk.len(), 10)
        );
        let mut q = sqlx::query(&sql);
        for (id, m, owner, name, address, area) in chunk {
            q = q
                .bind(*id)
                .bind(*m)
                .bind(*owner)
                .bind(name.clone())
                .bind(address.clone())
                .bind(*area)
                .bind("Syntetiska lokaler för prestandamätning.")
                .bind("lokaler@syn.overens.example")
                .bind(now)
                .bind(now);
        }
        q.execute(&mut *tx).await?;
    }
    counts.premises = premises_rows.len();
    for chunk in rooms.chunks(70) {
        let sql = format!(
            "INSERT INTO premises_rooms (id, municipality_id, premises_id, name, sort_key, capacity, equipment, \
             access, booking_mode, buffer_minutes, price_association, price_private, price_company, created_at, \
             updated_at) VALUES {}",
            placeholders(chunk.len(), 15)
        );
        let mut q = sqlx::query(&sql);
        for r in chunk {
            q = q
                .bind(r.id)
                .bind(r.municipality_id)
                .bind(r.premises_id)
                .bind(r.name.clone())
                .bind(platform::rules::sort_key(&r.name))
                .bind(r.capacity)
                .bind(r.equipment)
                .bind(r.access)
                .bind(r.mode)
                .bind(r.buffer)
                .bind(r.prices.0)
                .bind(r.prices.1)
                .bind(r.prices.2)
                .bind(now)
                .bind(now);
        }
        q.execute(&mut *tx).await?;
    }
    counts.rooms = rooms.len();
    let hours: Vec<(i64, i64, i64, i64)> = rooms
        .iter()
        .flat_map(|r| {
            r.hours
                .iter()
                .enumerate()
                .filter_map(move |(i, h)| h.map(|(o, c)| (r.id, i as i64 + 1, o, c)))
        })
        .collect();
    for chunk in hours.chunks(250) {
        let sql = format!(
            "INSERT INTO premises_hours (room_id, weekday, opens, closes) VALUES {}",
            placeholders(chunk.len(), 4)
        );
        let mut q = sqlx::query(&sql);
        for (r, wd, o, c) in chunk {
            q = q.bind(*r).bind(*wd).bind(*o).bind(*c);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;

    // Bookings: a year around now, busier rooms and quieter ones, evenings popular.
    let today = domain::local_date(now);
    let first_day = today - Duration::days(182);
    let days: i64 = 366;
    let busyness: Vec<f64> = rooms.iter().map(|_| rng.gen_range(0.3..1.7)).collect();
    let quotas = apportion(plan.bookings, &busyness);
    let mut series_id = next_id(db, "premises_series").await?;
    let mut series_rows: Vec<SeriesRow> = vec![];
    let mut rows: Vec<Row> = Vec::with_capacity(60_000);
    for (room, quota) in rooms.iter().zip(quotas) {
        let mut series: Vec<Series> = vec![];
        for _ in 0..[0, 0, 0, 0, 1, 1, 1, 2, 2, 3][rng.gen_range(0..10)] {
            let wd = rng.gen_range(0..7u32);
            let Some((o, c)) = room.hours[wd as usize] else {
                continue;
            };
            let start = rng.gen_range(32..=40) * 30;
            let end = start + [60, 90, 120][rng.gen_range(0..3)];
            if start < o || end + room.buffer > c {
                continue;
            }
            let d = first_day + Duration::days(rng.gen_range(0..days - 70));
            let first = d + Duration::days(i64::from((wd + 7 - d.weekday().num_days_from_monday()) % 7));
            let last = first + Duration::weeks(rng.gen_range(10..=30));
            let last = last.min(first + Duration::weeks((first_day + Duration::days(days - 1) - first).num_weeks()));
            let meets = series.iter().any(|s| {
                s.weekday.num_days_from_monday() == wd
                    && s.first <= last
                    && first <= s.last
                    && start < s.end + room.buffer
                    && s.start < end + room.buffer
            });
            // Weekly series make at most half of the room's bookings.
            let occurrences = (last - first).num_weeks() as usize + 1;
            let taken: usize = series.iter().map(|s| (s.last - s.first).num_weeks() as usize + 1).sum();
            if meets || (taken + occurrences) * 2 > quota {
                continue;
            }
            let skip = rng.gen_bool(0.3).then(|| first + Duration::weeks(rng.gen_range(1..4)));
            series_rows.push((series_id, room.municipality_id, room.id, first, last));
            series.push(Series {
                id: series_id,
                weekday: first.weekday(),
                start,
                end,
                first,
                last,
                skip,
            });
            series_id += 1;
        }
        let orgs = orgs_of.get(&room.municipality_id);
        let mut open_days = (0..days)
            .filter(|i| {
                room.hours[(first_day + Duration::days(*i)).weekday().num_days_from_monday() as usize].is_some()
            })
            .count() as f64;
        // What the weekly series leave to single bookings.
        let weekly: usize = series
            .iter()
            .map(|s| (s.last - s.first).num_weeks() as usize + 1 - usize::from(s.skip.is_some_and(|d| d <= s.last)))
            .sum();
        let mut remaining = quota.saturating_sub(weekly) as f64;
        for i in 0..days {
            let d = first_day + Duration::days(i);
            let Some((o, c)) = room.hours[d.weekday().num_days_from_monday() as usize] else {
                continue;
            };
            // (start, end, series) in minutes of the day.
            let mut day: Vec<(i64, i64, Option<i64>)> = series
                .iter()
                .filter(|s| s.weekday == d.weekday() && s.first <= d && d <= s.last && s.skip != Some(d))
                .map(|s| (s.start, s.end, Some(s.id)))
                .collect();
            let rate = (remaining / open_days).max(0.0);
            open_days -= 1.0;
            let n = rate.floor() as usize + usize::from(rng.gen_bool(rate.fract()));
            // Times asked for until n fit between the others (or four times n were tried).
            let (mut placed, mut tries) = (0, 0);
            while placed < n && tries < 4 * n {
                tries += 1;
                let from = if rng.gen_bool(0.5) { (16 * 60).max(o) } else { o };
                let s = rng.gen_range(from / 30..=((c - 60) / 30).max(from / 30)) * 30;
                let e = (s + [60, 90, 120, 180][rng.gen_range(0..4)]).min(c - room.buffer);
                if e - s >= 30
                    && day
                        .iter()
                        .all(|(a, b, _)| e + room.buffer <= *a || *b + room.buffer <= s)
                {
                    day.push((s, e, None));
                    placed += 1;
                }
            }
            remaining -= day.iter().filter(|b| b.2.is_none()).count() as f64;
            day.sort_unstable();
            for (s, e, series_id) in day {
                let (Ok(starts_at), Ok(ends_at)) = (domain::local(d, s), domain::local(d, e)) else {
                    continue;
                };
                let past = starts_at < now;
                let status = match (series_id.is_some(), past, rng.gen_range(0..100)) {
                    (true, _, 0..=2) => "cancelled",
                    (true, _, _) => "confirmed",
                    (false, true, 0..=6) => "cancelled",
                    (false, true, 7..=9) => "rejected",
                    (false, true, _) => "confirmed",
                    (false, false, 0..=7) => "cancelled",
                    (false, false, 8..=21) => "requested",
                    (false, false, _) => "confirmed",
                };
                let (kind, name, organisation_id) = match rng.gen_range(0..10) {
                    0..=5 => (
                        "association",
                        BOOKERS[rng.gen_range(0..BOOKERS.len())],
                        orgs.map(|o| o[rng.gen_range(0..o.len())]),
                    ),
                    6..=8 => ("private", "Privatperson", None),
                    _ => ("company", "Företaget AB", None),
                };
                rows.push(Row {
                    municipality_id: room.municipality_id,
                    room_id: room.id,
                    series_id,
                    organisation_id,
                    kind,
                    name,
                    purpose: PURPOSES[rng.gen_range(0..PURPOSES.len())],
                    attendees: rng.gen_range(1..=room.capacity),
                    starts_at,
                    ends_at,
                    blocks_until: ends_at + room.buffer * 60,
                    status,
                    created_at: starts_at.min(now) - rng.gen_range(1..60) * 86_400,
                });
            }
        }
        if rows.len() >= 50_000 {
            counts.series += series_rows.len();
            counts.bookings += rows.len();
            write_bookings(db, &mut series_rows, &mut rows, now).await?;
        }
    }
    counts.series += series_rows.len();
    counts.bookings += rows.len();
    write_bookings(db, &mut series_rows, &mut rows, now).await?;

    if db.backend == Backend::Postgres {
        // The ids were given: move the identity sequences past them.
        for table in ["premises", "premises_rooms", "premises_series"] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(&db.pool)
            .await?;
        }
        // Statistics for the planner, and the tables vacuumed (hint bits, visibility map), as
        // autovacuum leaves them a while after a bulk load like this one.
        sqlx::query("VACUUM (ANALYZE) premises, premises_rooms, premises_hours, premises_series, premises_bookings")
            .execute(&db.pool)
            .await?;
    }
    Ok(counts)
}

/// Write the series and bookings made so far in one transaction, and empty the lists.
async fn write_bookings(db: &Db, series: &mut Vec<SeriesRow>, rows: &mut Vec<Row>, now: i64) -> anyhow::Result<()> {
    let mut tx: Tx = db.write().await?;
    // Rows of about a thousand values: SQLite (through sqlx) finds each value's place by name,
    // which costs in proportion to the values of the statement.
    for chunk in series.chunks(100) {
        let sql = format!(
            "INSERT INTO premises_series (id, municipality_id, room_id, first_date, last_date, created_at) VALUES {}",
            placeholders(chunk.len(), 6)
        );
        let mut q = sqlx::query(&sql);
        for (id, m, room, first, last) in chunk {
            q = q
                .bind(*id)
                .bind(*m)
                .bind(*room)
                .bind(first.to_string())
                .bind(last.to_string())
                .bind(now);
        }
        q.execute(&mut *tx).await?;
    }
    for chunk in rows.chunks(70) {
        let sql = format!(
            "INSERT INTO premises_bookings (municipality_id, room_id, series_id, organisation_id, booker_kind, \
             booker_name, email, purpose, attendees, starts_at, ends_at, blocks_until, status, created_at) VALUES {}",
            placeholders(chunk.len(), 14)
        );
        let mut q = sqlx::query(&sql);
        for r in chunk {
            q = q
                .bind(r.municipality_id)
                .bind(r.room_id)
                .bind(r.series_id)
                .bind(r.organisation_id)
                .bind(r.kind)
                .bind(r.name)
                .bind("bokning@syn.overens.example")
                .bind(r.purpose)
                .bind(r.attendees)
                .bind(r.starts_at)
                .bind(r.ends_at)
                .bind(r.blocks_until)
                .bind(r.status)
                .bind(r.created_at);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    series.clear();
    rows.clear();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_gives_every_unit_out() {
        let v = apportion(5000, &(0..290).map(|i| 1.0 / (i as f64 + 1.0)).collect::<Vec<_>>());
        assert_eq!(v.iter().sum::<usize>(), 5000);
        assert!(v[0] > 500 && v[289] >= 1, "{} {}", v[0], v[289]);
        assert_eq!(apportion(3, &[1.0, 1.0]).iter().sum::<usize>(), 3);
        assert_eq!(placeholders(2, 2), "($1, $2), ($3, $4)");
    }
}
