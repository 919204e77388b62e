//! Each time an approved event happens, as a row of `openness_event_occurrences`: what the
//! calendar's week, month, day and list read, a bounded number a day from the index on
//! `(municipality_id, day, starts_at)`, so a page costs the same for a municipality with a
//! hundred events as for one with ninety thousand. The rows are written with the event, in its
//! transaction ([`write`]); events from before the table are written by [`index_pending`] on
//! the calendar's next request.

use super::domain::{Checked, Filter, Status};
use super::schedule::{self, Occurrence as OccurrenceAt, Schedule};
use crate::ids::EventId;
use chrono::NaiveDate;
use platform::db::{json_rows, parse_json_rows, Backend, Db};
use platform::{MunicipalityId, OrganisationId};

/// One occurrence as a calendar page reads it: which event, its local start date and its
/// start and end (unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Occurrence {
    pub event_id: EventId,
    pub day: String,
    pub starts_at: i64,
    pub ends_at: i64,
}

impl Occurrence {
    pub fn date(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.day, "%Y-%m-%d").unwrap_or_default()
    }
}

/// What the rows copy of their event: when it happens and what the filters read.
pub struct Facts<'a> {
    pub schedule: &'a Schedule,
    pub organisation_id: OrganisationId,
    pub category: &'a str,
    pub audience: &'a str,
    pub accessibility: &'a str,
    pub area: &'a str,
}

impl<'a> Facts<'a> {
    pub fn of(c: &'a Checked) -> Facts<'a> {
        Facts {
            schedule: &c.schedule,
            organisation_id: c.organisation_id,
            category: c.category.as_str(),
            audience: c.audience.as_str(),
            accessibility: &c.accessibility,
            area: &c.area,
        }
    }
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Replace an event's occurrences in the caller's transaction: none unless it is approved.
/// Marks the event as indexed.
pub async fn write(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: EventId,
    c: &Facts<'_>,
    status: Status,
) -> Result<(), sqlx::Error> {
    write_many(tx, m, &[(id, c, status)]).await
}

/// Rows an insert writes at most (ten binds each).
const ROWS_PER_INSERT: usize = 200;

/// [`write`] for several events: three statements and one insert per [`ROWS_PER_INSERT`]
/// occurrences, however many events.
async fn write_many(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    events: &[(EventId, &Facts<'_>, Status)],
) -> Result<(), sqlx::Error> {
    if events.is_empty() {
        return Ok(());
    }
    // Parsed numbers, written into the statements.
    let ids: Vec<String> = events.iter().map(|e| e.0.get().to_string()).collect();
    let ids = ids.join(", ");
    sqlx::query(&format!(
        "DELETE FROM openness_event_occurrences WHERE event_id IN ({ids})"
    ))
    .execute(&mut *tx)
    .await?;
    let rows: Vec<(EventId, &Facts<'_>, OccurrenceAt)> = events
        .iter()
        .filter(|e| e.2 == Status::Approved)
        .flat_map(|(id, c, _)| {
            c.schedule
                .occurrences(i64::MIN, i64::MAX)
                .into_iter()
                .map(move |o| (*id, *c, o))
        })
        .collect();
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let b = i * 10;
                let cells: Vec<String> = (1..=10).map(|k| format!("${}", b + k)).collect();
                format!("({})", cells.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO openness_event_occurrences (event_id, municipality_id, day, starts_at, ends_at, \
             organisation_id, category, audience, accessible, area) VALUES {} ON CONFLICT DO NOTHING",
            values.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for (id, c, o) in chunk {
            q = q
                .bind(*id)
                .bind(m)
                .bind(day_text(o.date))
                .bind(o.start)
                .bind(o.end)
                .bind(c.organisation_id)
                .bind(c.category)
                .bind(c.audience)
                .bind(i64::from(!c.accessibility.trim().is_empty()))
                .bind(c.area.trim());
        }
        q.execute(&mut *tx).await?;
    }
    sqlx::query(&format!(
        "UPDATE openness_events SET occurrences_indexed = 1 WHERE id IN ({ids})"
    ))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Pending {
    id: EventId,
    organisation_id: OrganisationId,
    starts_on: String,
    start_minute: i64,
    ends_on: String,
    end_minute: i64,
    repeat_until: Option<String>,
    skipped: String,
    accessibility: String,
    audience: String,
    category: String,
    area: String,
    status: String,
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

const PENDING: &str = "SELECT id, organisation_id, starts_on, start_minute, ends_on, end_minute, repeat_until, \
     skipped, accessibility, audience, category, area, status FROM openness_events";

fn schedule_of(r: &Pending) -> Schedule {
    Schedule {
        starts_on: date(&r.starts_on),
        start_minute: r.start_minute,
        ends_on: date(&r.ends_on),
        end_minute: r.end_minute,
        repeat_until: r.repeat_until.as_deref().map(date),
        skipped: r
            .skipped
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(date)
            .collect(),
    }
}

fn facts_of<'a>(r: &'a Pending, schedule: &'a Schedule) -> Facts<'a> {
    Facts {
        schedule,
        organisation_id: r.organisation_id,
        category: &r.category,
        audience: &r.audience,
        accessibility: &r.accessibility,
        area: &r.area,
    }
}

async fn write_row(tx: &mut sqlx::AnyConnection, m: MunicipalityId, r: &Pending) -> Result<(), sqlx::Error> {
    let schedule = schedule_of(r);
    let status = r.status.parse().unwrap_or(Status::Pending);
    write(tx, m, r.id, &facts_of(r, &schedule), status).await
}

/// Write one event's occurrences again from what is stored (after its status changed), in the
/// caller's transaction.
pub async fn rewrite(tx: &mut sqlx::AnyConnection, m: MunicipalityId, id: EventId) -> Result<(), sqlx::Error> {
    let row: Option<Pending> = sqlx::query_as(&format!("{PENDING} WHERE id = $1 AND municipality_id = $2"))
        .bind(id)
        .bind(m)
        .fetch_optional(&mut *tx)
        .await?;
    match row {
        Some(r) => write_row(tx, m, &r).await,
        None => Ok(()),
    }
}

/// Write the occurrences of up to `batch` of the municipality's events that have none written
/// yet (those stored before the table, or loaded in bulk), in one transaction; how many events
/// were done. One lookup in the index `openness_events_unindexed` when there are none.
pub async fn index_pending(db: &Db, m: MunicipalityId, batch: i64) -> Result<usize, sqlx::Error> {
    let waiting: Option<(EventId,)> =
        sqlx::query_as("SELECT id FROM openness_events WHERE municipality_id = $1 AND occurrences_indexed = 0 LIMIT 1")
            .bind(m)
            .fetch_optional(&db.pool)
            .await?;
    if waiting.is_none() {
        return Ok(0);
    }
    let mut tx = db.write().await?;
    let rows: Vec<Pending> = sqlx::query_as(&format!(
        "{PENDING} WHERE municipality_id = $1 AND occurrences_indexed = 0 ORDER BY id LIMIT $2"
    ))
    .bind(m)
    .bind(batch)
    .fetch_all(&mut *tx)
    .await?;
    let schedules: Vec<Schedule> = rows.iter().map(schedule_of).collect();
    let facts: Vec<Facts<'_>> = rows.iter().zip(&schedules).map(|(r, s)| facts_of(r, s)).collect();
    let events: Vec<(EventId, &Facts<'_>, Status)> = rows
        .iter()
        .zip(&facts)
        .map(|(r, f)| (r.id, f, r.status.parse().unwrap_or(Status::Pending)))
        .collect();
    write_many(&mut tx, m, &events).await?;
    tx.commit().await?;
    Ok(rows.len())
}

/// Where a filter's conditions look: the table's alias, and the conditions of "accessibility
/// described" and of the search (`?` its bind), which differ between the events and their
/// occurrences.
pub(super) struct Columns {
    pub alias: &'static str,
    pub accessible: &'static str,
    pub search: &'static str,
}

/// The occurrence `o`'s: the search reads its event's text.
const OCCURRENCE: Columns = Columns {
    alias: "o",
    accessible: "o.accessible = 1",
    search: "EXISTS (SELECT 1 FROM openness_events e WHERE e.id = o.event_id AND e.search_text LIKE ? ESCAPE '\\')",
};

/// The filters as ` AND …` conditions on `cols`, numbering their text binds from `next`.
pub(super) fn filter_sql(f: &Filter, next: usize, cols: &Columns) -> (String, Vec<String>) {
    let t = cols.alias;
    let mut sql = String::new();
    let mut binds: Vec<String> = vec![];
    let mut bind = |sql: &mut String, clause: &str, v: String| {
        let n = next + binds.len();
        binds.push(v);
        sql.push_str(&clause.replace('?', &format!("${n}")));
    };
    if let Some(c) = f.category {
        bind(&mut sql, &format!(" AND {t}.category = ?"), c.as_str().to_string());
    }
    if let Some(a) = f.audience {
        bind(&mut sql, &format!(" AND {t}.audience = ?"), a.as_str().to_string());
    }
    if let Some(o) = f.organisation {
        // A parsed number, written into the statement so the index on the column serves.
        sql.push_str(&format!(" AND {t}.organisation_id = {}", o.get()));
    }
    if f.accessible {
        sql.push_str(&format!(" AND {}", cols.accessible));
    }
    if let Some(a) = &f.area {
        bind(&mut sql, &format!(" AND {t}.area = ?"), a.trim().to_string());
    }
    if !f.search.is_empty() {
        let escaped = f.search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        bind(&mut sql, &format!(" AND {}", cols.search), format!("%{escaped}%"));
    }
    (sql, binds)
}

fn conditions(f: &Filter, next: usize) -> (String, Vec<String>) {
    filter_sql(f, next, &OCCURRENCE)
}

const COLUMNS: &str = "o.event_id, o.day, o.starts_at, o.ends_at";

async fn fetch<T>(
    db: &Db,
    sql: &str,
    m: MunicipalityId,
    binds: &[String],
    texts: &[String],
    numbers: &[i64],
) -> Result<Vec<T>, sqlx::Error>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut q = sqlx::query_as::<_, T>(sql).bind(m);
    for t in binds.iter().chain(texts) {
        q = q.bind(t.as_str());
    }
    for n in numbers {
        q = q.bind(*n);
    }
    q.fetch_all(&db.pool).await
}

/// An occurrence with what the week and the month show of its event.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Brief {
    pub event_id: EventId,
    pub day: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub title: String,
    pub place: String,
}

impl Brief {
    pub fn date(&self) -> NaiveDate {
        date(&self.day)
    }
}

/// The first `n` occurrences of each of `days` that pass the filters, by day and start, with
/// their events' titles and places, in one statement that reads at most `n` rows of the index
/// a day (and their events by the primary key), answered as one row of JSON
/// ([`platform::db::json_rows`]: the month's 124 rows through the driver cost several times the
/// query). SQLite runs a branch a day (`UNION ALL`), which it plans in microseconds; PostgreSQL
/// took 8–12 ms to plan those 31 branches, on every request (its plans for this statement stay
/// custom), so there one branch runs laterally for each day of a list.
pub async fn first_of_days(
    db: &Db,
    m: MunicipalityId,
    f: &Filter,
    days: &[NaiveDate],
    n: i64,
) -> Result<Vec<Brief>, sqlx::Error> {
    if days.is_empty() {
        return Ok(vec![]);
    }
    let (cond, binds) = conditions(f, 2);
    let first_day = 2 + binds.len();
    let one_day = |day: &str| {
        format!(
            "SELECT {COLUMNS}, e.title, e.place FROM openness_event_occurrences o \
             JOIN openness_events e ON e.id = o.event_id WHERE o.municipality_id = $1 \
             AND o.day = {day}{cond} ORDER BY o.starts_at, o.event_id LIMIT {n}"
        )
    };
    let day_texts: Vec<String> = days.iter().map(|d| day_text(*d)).collect();
    let (inner, texts) = match db.backend {
        Backend::Sqlite => {
            let branches: Vec<String> = (0..days.len())
                .map(|i| format!("SELECT * FROM ({}) AS d{i}", one_day(&format!("${}", first_day + i))))
                .collect();
            (branches.join(" UNION ALL "), day_texts)
        }
        Backend::Postgres => (
            format!(
                "SELECT x.* FROM unnest(string_to_array(${first_day}, ',')) AS days(day) \
                 CROSS JOIN LATERAL ({}) AS x",
                one_day("days.day")
            ),
            vec![day_texts.join(",")],
        ),
    };
    let sql = json_rows(
        db.backend,
        "event_id, day, starts_at, ends_at, title, place",
        "",
        &inner,
    );
    let mut q = sqlx::query_scalar::<_, String>(&sql).bind(m);
    for t in binds.iter().chain(&texts) {
        q = q.bind(t.as_str());
    }
    let text = q.fetch_one(&db.pool).await?;
    let mut rows: Vec<Brief> = parse_json_rows::<(EventId, String, i64, i64, String, String)>(&text)?
        .into_iter()
        .map(|(event_id, day, starts_at, ends_at, title, place)| Brief {
            event_id,
            day,
            starts_at,
            ends_at,
            title,
            place,
        })
        .collect();
    rows.sort_by(|a, b| (&a.day, a.starts_at, a.event_id).cmp(&(&b.day, b.starts_at, b.event_id)));
    Ok(rows)
}

/// One day's occurrences that pass the filters, by start: `limit` of them after `offset`.
pub async fn of_day(
    db: &Db,
    m: MunicipalityId,
    f: &Filter,
    day: NaiveDate,
    limit: i64,
    offset: i64,
) -> Result<Vec<Occurrence>, sqlx::Error> {
    let (cond, binds) = conditions(f, 2);
    let k = 2 + binds.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM openness_event_occurrences o WHERE o.municipality_id = $1 AND o.day = ${k}{cond} \
         ORDER BY o.starts_at, o.event_id LIMIT ${} OFFSET ${}",
        k + 1,
        k + 2
    );
    fetch(db, &sql, m, &binds, &[day_text(day)], &[limit, offset]).await
}

/// What is coming: each event that passes the filters once, at its first occurrence that
/// starts on `today` or later and has not ended at `now`, until `last_day`; by time, `limit`
/// of them after `offset`. Walks the index from today; an event's earlier coming occurrence
/// is found by the primary key.
#[allow(clippy::too_many_arguments)]
pub async fn coming(
    db: &Db,
    m: MunicipalityId,
    f: &Filter,
    now: i64,
    today: NaiveDate,
    last_day: NaiveDate,
    limit: i64,
    offset: i64,
) -> Result<Vec<Occurrence>, sqlx::Error> {
    let (cond, binds) = conditions(f, 2);
    let k = 2 + binds.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM openness_event_occurrences o WHERE o.municipality_id = $1 AND o.day >= ${k} \
         AND o.day <= ${} AND o.ends_at > ${}{cond} AND NOT EXISTS (SELECT 1 FROM openness_event_occurrences p \
         WHERE p.event_id = o.event_id AND p.starts_at < o.starts_at AND p.starts_at >= ${} AND p.day >= ${k} \
         AND p.ends_at > ${}) ORDER BY o.day, o.starts_at, o.event_id LIMIT ${} OFFSET ${}",
        k + 1,
        k + 2,
        k + 3,
        k + 2,
        k + 4,
        k + 5
    );
    let since = schedule::local(today, 0);
    fetch(
        db,
        &sql,
        m,
        &binds,
        &[day_text(today), day_text(last_day)],
        &[now, since, limit, offset],
    )
    .await
}
