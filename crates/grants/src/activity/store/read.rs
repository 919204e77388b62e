//! Reading a period's attendance back as the rule engine's meetings (see [`each`]).

use crate::activity::domain::{Gender, Meeting, Person};
use chrono::NaiveDate;
use futures::TryStreamExt;
use platform::db::{Backend, Db};
use platform::{MunicipalityId, OrganisationId};
use sqlx::Row;

use super::{date, decode, time};

/// What separates the people of a meeting, and the fields of a person, in the text the
/// database puts together per meeting (ASCII's record and unit separators, which the readers
/// of files and cards never let into a name, a key or a group).
const PERSON_END: char = '\u{1e}';
const FIELD_END: char = '\u{1f}';

/// The people of one meeting as the database aggregates them (see [`each`]): role, key, birth
/// year, gender and name, in the card's order.
fn people(meeting: &mut Meeting, packed: &str) -> Result<(), sqlx::Error> {
    let bad = || sqlx::Error::Decode("attendance row".into());
    for person in packed.split(PERSON_END).filter(|p| !p.is_empty()) {
        let mut f = person.split(FIELD_END);
        let (Some(role), Some(key), Some(birth_year), Some(gender), Some(name)) =
            (f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            return Err(bad());
        };
        let p = Person {
            key: key.to_string(),
            birth_year: birth_year.parse().map_err(|_| bad())?,
            gender: decode::<Gender>(gender)?,
            name: name.to_string(),
        };
        if role == "leader" {
            meeting.leaders.push(p);
        } else {
            meeting.participants.push(p);
        }
    }
    Ok(())
}

/// A period's meetings, handed to `each` one association at a time (in id order, each in time
/// order: day, start, group), in one query: a row per meeting with its people put together by
/// the database into one text, by association (on SQLite in the order of the index by
/// municipality, association and day, `grants_attendance_meetings_municipality_organisation`,
/// so nothing is sorted), and an association is complete as soon as the next one's rows begin:
/// only one association's meetings are held at a time. Reading a million rows one by one through sqlx's `Any` driver
/// costs about 5 µs each on SQLite; one row per meeting makes them 14 times fewer.
///
/// On SQLite a whole municipality's period is read with the connection's memory map turned off
/// (and back on after): every connection of the pool maps the database file for itself, and
/// the pages a connection touches through its map count in the server's resident memory once
/// per connection, so reads of a large period through different connections would count the
/// file several times over (measured with the attendance benchmark: 343 MB of mapped pages for
/// a 68 MB file after seven reads). Read through the connection's page cache, the read adds
/// nothing to it. (Should the request be cancelled before the map is turned back on, that
/// connection reads through its page cache from then on: slower, never wrong.)
pub(super) async fn each(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation: Option<OrganisationId>,
    from: NaiveDate,
    to: NaiveDate,
    names: bool,
    each: impl FnMut(OrganisationId, Vec<Meeting>) + Send,
) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    let unmap = db.backend == Backend::Sqlite && organisation.is_none();
    let mapped: Option<i64> = if unmap {
        let (size,): (i64,) = sqlx::query_as("PRAGMA mmap_size").fetch_one(&mut *conn).await?;
        sqlx::query("PRAGMA mmap_size = 0").execute(&mut *conn).await?;
        Some(size)
    } else {
        None
    };
    let read = read(
        &mut conn,
        db.backend,
        municipality_id,
        organisation,
        from,
        to,
        names,
        each,
    )
    .await;
    if let Some(size) = mapped.filter(|s| *s > 0) {
        // A pragma takes no bound value; the size is the number SQLite itself gave.
        sqlx::query(&format!("PRAGMA mmap_size = {size}"))
            .execute(&mut *conn)
            .await?;
    }
    read
}

#[allow(clippy::too_many_arguments)]
async fn read(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    municipality_id: MunicipalityId,
    organisation: Option<OrganisationId>,
    from: NaiveDate,
    to: NaiveDate,
    names: bool,
    mut each: impl FnMut(OrganisationId, Vec<Meeting>) + Send,
) -> Result<(), sqlx::Error> {
    let only = if organisation.is_some() {
        " AND m.organisation_id = $4"
    } else {
        ""
    };
    // SQLite's planner, without statistics, would rather take the index by municipality and
    // day (the range on the day looks selective) and sort the period's rows after.
    let (agg, sep, indexed) = match backend {
        Backend::Sqlite => (
            "group_concat",
            "char",
            " INDEXED BY grants_attendance_meetings_municipality_organisation",
        ),
        Backend::Postgres => ("string_agg", "chr", ""),
    };
    let name = if names { "a.name" } else { "''" };
    // The people of each meeting in a subquery of their own rather than a join grouped by
    // meeting: PostgreSQL then reads each meeting's rows by its key whatever its statistics say
    // (right after a bulk load, before autovacuum has analysed the tables, a grouped join is
    // planned for one meeting and runs a bitmap scan per meeting).
    let sql = format!(
        "SELECT m.organisation_id, g.name, m.held_on, m.starts_at, m.minutes, m.activity, \
         (SELECT {agg}(a.role || {sep}(31) || a.person_key || {sep}(31) || a.birth_year || {sep}(31) \
         || a.gender || {sep}(31) || {name}, {sep}(30) ORDER BY a.position) \
         FROM grants_attendance a WHERE a.meeting_id = m.id) \
         FROM grants_attendance_meetings m{indexed} JOIN grants_attendance_groups g ON g.id = m.group_id \
         WHERE m.municipality_id = $1 AND m.held_on >= $2 AND m.held_on <= $3{only} \
         ORDER BY m.organisation_id, m.held_on, m.id"
    );
    let (from, to) = (from.format("%Y-%m-%d").to_string(), to.format("%Y-%m-%d").to_string());
    let mut q = sqlx::query(&sql)
        .bind(municipality_id)
        .bind(from.as_str())
        .bind(to.as_str());
    if let Some(org) = organisation {
        q = q.bind(org);
    }
    let mut current: Option<(OrganisationId, Vec<Meeting>)> = None;
    let mut done = |current: Option<(OrganisationId, Vec<Meeting>)>| {
        if let Some((org, mut meetings)) = current {
            meetings.sort_by(|a, b| (a.date, a.start, &a.group).cmp(&(b.date, b.start, &b.group)));
            each(org, meetings);
        }
    };
    let mut rows = q.fetch(&mut *conn);
    while let Some(r) = rows.try_next().await? {
        let org: OrganisationId = r.try_get(0)?;
        let mut meeting = Meeting {
            group: r.try_get(1)?,
            date: date(&r.try_get::<String, _>(2)?)?,
            start: time(&r.try_get::<String, _>(3)?)?,
            minutes: u32::try_from(r.try_get::<i64, _>(4)?).unwrap_or(0),
            activity: r.try_get(5)?,
            leaders: Vec::new(),
            participants: Vec::new(),
        };
        if let Some(packed) = r.try_get::<Option<String>, _>(6)? {
            people(&mut meeting, &packed)?;
        }
        if current.as_ref().is_none_or(|(o, _)| *o != org) {
            done(current.take());
            current = Some((org, Vec::new()));
        }
        if let Some((_, meetings)) = current.as_mut() {
            meetings.push(meeting);
        }
    }
    done(current);
    Ok(())
}
