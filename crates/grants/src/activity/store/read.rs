//! Reading a period's attendance back as the rule engine's meetings (see [`each`]).

use crate::activity::domain::{Gender, Meeting, Person};
use chrono::NaiveDate;
use futures::TryStreamExt;
use platform::db::{Backend, Db};
use platform::{MunicipalityId, OrganisationId};
use sqlx::Row;
use std::collections::HashMap;

use super::{date, decode, time};

/// What separates the people of a meeting, and the fields of a person, in the text the
/// database puts together per meeting (ASCII's record and unit separators, which the readers
/// of files and cards never let into a name, a key or a group).
const PERSON_END: char = '\u{1e}';
const FIELD_END: char = '\u{1f}';

/// The people of one meeting as the database aggregates them (see [`read`]): role, key, birth
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
/// order), in two queries: the meetings, then their people, aggregated by the database into
/// one text per meeting and ordered by association, so an association is complete as soon as
/// the next one's people begin. Reading a million rows one by one through sqlx's `Any` driver
/// costs about 5 µs each on SQLite (the rows themselves: counting them takes 0.1 s); one row
/// per meeting makes them 14 times fewer.
pub(super) async fn each(
    db: &Db,
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
    let filter = format!("m.municipality_id = $1 AND m.held_on >= $2 AND m.held_on <= $3{only}");
    let (from, to) = (from.format("%Y-%m-%d").to_string(), to.format("%Y-%m-%d").to_string());
    let meetings_sql = format!(
        "SELECT m.id, m.organisation_id, g.name, m.held_on, m.starts_at, m.minutes, m.activity \
         FROM grants_attendance_meetings m JOIN grants_attendance_groups g ON g.id = m.group_id \
         WHERE {filter} ORDER BY m.organisation_id, m.held_on, m.starts_at, g.name, m.id"
    );
    let mut q = sqlx::query(&meetings_sql)
        .bind(municipality_id)
        .bind(from.as_str())
        .bind(to.as_str());
    if let Some(org) = organisation {
        q = q.bind(org);
    }
    let mut out: Vec<(OrganisationId, Vec<Meeting>)> = Vec::new();
    let mut at: HashMap<i64, (usize, usize)> = HashMap::new();
    let mut groups: HashMap<String, String> = HashMap::new();
    for r in q.fetch_all(&db.pool).await? {
        let id: i64 = r.try_get(0)?;
        let org: OrganisationId = r.try_get(1)?;
        let group: String = r.try_get(2)?;
        let group = groups.entry(group.clone()).or_insert(group).clone();
        let meeting = Meeting {
            group,
            date: date(&r.try_get::<String, _>(3)?)?,
            start: time(&r.try_get::<String, _>(4)?)?,
            minutes: u32::try_from(r.try_get::<i64, _>(5)?).unwrap_or(0),
            activity: r.try_get(6)?,
            leaders: Vec::new(),
            participants: Vec::new(),
        };
        if out.last().is_none_or(|(o, _)| *o != org) {
            out.push((org, Vec::new()));
        }
        let o = out.len() - 1;
        out[o].1.push(meeting);
        at.insert(id, (o, out[o].1.len() - 1));
    }
    if out.is_empty() {
        return Ok(());
    }

    let name = if names { "a.name" } else { "''" };
    let (agg, sep) = match db.backend {
        Backend::Sqlite => ("group_concat", "char"),
        Backend::Postgres => ("string_agg", "chr"),
    };
    let people_sql = format!(
        "SELECT a.meeting_id, {agg}(a.role || {sep}(31) || a.person_key || {sep}(31) || a.birth_year || {sep}(31) \
         || a.gender || {sep}(31) || {name}, {sep}(30) ORDER BY a.position) \
         FROM grants_attendance a JOIN grants_attendance_meetings m ON m.id = a.meeting_id WHERE {filter} \
         GROUP BY m.organisation_id, a.meeting_id ORDER BY m.organisation_id, a.meeting_id"
    );
    let mut q = sqlx::query(&people_sql)
        .bind(municipality_id)
        .bind(from.as_str())
        .bind(to.as_str());
    if let Some(org) = organisation {
        q = q.bind(org);
    }
    let mut rows = q.fetch(&db.pool);
    let mut done = 0;
    while let Some(r) = rows.try_next().await? {
        let Some((o, i)) = at.get(&r.try_get::<i64, _>(0)?).copied() else {
            continue;
        };
        // The associations before this one have all their people.
        for (org, meetings) in out.iter_mut().take(o).skip(done) {
            each(*org, std::mem::take(meetings));
        }
        done = done.max(o);
        people(&mut out[o].1[i], &r.try_get::<String, _>(1)?)?;
    }
    for (org, meetings) in out.iter_mut().skip(done) {
        each(*org, std::mem::take(meetings));
    }
    Ok(())
}
