//! The bulk writes of attendance: a municipality's million rows in well under a minute. The
//! rows go in with multi-row INSERTs of a fixed size, so each full chunk is the same statement,
//! prepared once per connection; a file costs a handful of round trips per thousand rows, never
//! one per row. On SQLite the placeholders are plain `?`: for a numbered one (`$7`) sqlx asks
//! SQLite for each parameter's name, which SQLite finds by walking the statement's list of
//! names, so binding would cost in proportion to the square of the statement's size.

use super::Source;
use crate::activity::domain::{Meeting, Person};
use crate::activity::import::clean;
use crate::tables::{Attendance, AttendanceMeetings};
use platform::db::Backend;
use platform::MunicipalityId;
use platform::OrganisationId;
use sea_query::Iden;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Values per multi-row statement: about four thousand on SQLite, sixteen thousand on
/// PostgreSQL (whose limit is 65 535; SQLite's is 32 766), measured with the attendance
/// benchmark.
pub(super) fn rows_per_statement(backend: Backend, columns: usize) -> usize {
    let values = match backend {
        Backend::Sqlite => 4_000,
        Backend::Postgres => 16_000,
    };
    (values / columns).max(1)
}

/// `INSERT INTO table (columns) VALUES (…), (…)` for `rows` rows, with the placeholders of the
/// backend: `?` on SQLite (see the module's description), `$1…` on PostgreSQL.
pub(super) fn insert_sql(
    backend: Backend,
    table: &dyn Iden,
    columns: &[&dyn Iden],
    rows: usize,
    returning: &str,
) -> String {
    let names: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    let mut s = format!("INSERT INTO {} ({}) VALUES ", table.to_string(), names.join(", "));
    let mut n = 0;
    for r in 0..rows {
        s.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..columns.len() {
            if c > 0 {
                s.push_str(", ");
            }
            n += 1;
            match backend {
                Backend::Sqlite => s.push('?'),
                Backend::Postgres => {
                    s.push('$');
                    s.push_str(&n.to_string());
                }
            }
        }
        s.push(')');
    }
    s.push_str(returning);
    s
}

/// A meeting to write: where it goes and what it replaces.
pub(super) struct New<'a> {
    pub meeting: &'a Meeting,
    pub group_id: i64,
    pub held_on: String,
    pub starts_at: String,
    pub digest: i64,
    pub created_at: i64,
}

/// Inserts the meetings; their new ids, in the order given.
pub(super) async fn insert_meetings(
    tx: &mut AnyConnection,
    backend: Backend,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    new: &[New<'_>],
    source: Source,
    now: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    use AttendanceMeetings as M;
    let columns: [&dyn Iden; 13] = [
        &M::MunicipalityId,
        &M::OrganisationId,
        &M::GroupId,
        &M::HeldOn,
        &M::StartsAt,
        &M::Minutes,
        &M::Activity,
        &M::Digest,
        &M::Leaders,
        &M::Participants,
        &M::Source,
        &M::CreatedAt,
        &M::UpdatedAt,
    ];
    let per = rows_per_statement(backend, columns.len());
    let full = insert_sql(
        backend,
        &M::Table,
        &columns,
        per,
        " RETURNING id, group_id, held_on, starts_at",
    );
    let source: &str = source.into();
    let mut ids = vec![0i64; new.len()];
    for (c, chunk) in new.chunks(per).enumerate() {
        let sql = if chunk.len() == per {
            full.clone()
        } else {
            insert_sql(
                backend,
                &M::Table,
                &columns,
                chunk.len(),
                " RETURNING id, group_id, held_on, starts_at",
            )
        };
        let mut q = sqlx::query_as::<_, (i64, i64, String, String)>(&sql);
        for n in chunk {
            q = q
                .bind(municipality_id)
                .bind(organisation_id)
                .bind(n.group_id)
                .bind(n.held_on.as_str())
                .bind(n.starts_at.as_str())
                .bind(i64::from(n.meeting.minutes))
                .bind(n.meeting.activity.as_str())
                .bind(n.digest)
                .bind(n.meeting.leaders.len() as i64)
                .bind(n.meeting.participants.len() as i64)
                .bind(source)
                .bind(n.created_at)
                .bind(now);
        }
        // The rows come back by their keys (an INSERT's RETURNING promises no order).
        let at: HashMap<(i64, &str, &str), usize> = chunk
            .iter()
            .enumerate()
            .map(|(i, n)| ((n.group_id, n.held_on.as_str(), n.starts_at.as_str()), c * per + i))
            .collect();
        for (id, group_id, held_on, starts_at) in q.fetch_all(&mut *tx).await? {
            if let Some(i) = at.get(&(group_id, held_on.as_str(), starts_at.as_str())) {
                ids[*i] = id;
            }
        }
    }
    Ok(ids)
}

/// Inserts every person of the meetings (leaders first, then participants, each list in the
/// card's order); the number of rows written.
pub(super) async fn insert_people(
    tx: &mut AnyConnection,
    backend: Backend,
    municipality_id: MunicipalityId,
    new: &[New<'_>],
    ids: &[i64],
) -> Result<usize, sqlx::Error> {
    use Attendance as A;
    let columns: [&dyn Iden; 8] = [
        &A::MeetingId,
        &A::Position,
        &A::MunicipalityId,
        &A::Role,
        &A::PersonKey,
        &A::Name,
        &A::BirthYear,
        &A::Gender,
    ];
    let per = rows_per_statement(backend, columns.len());
    let full = insert_sql(backend, &A::Table, &columns, per, "");
    let mut chunk: Vec<(i64, i64, &str, &Person)> = Vec::with_capacity(per);
    let mut written = 0;
    for (n, id) in new.iter().zip(ids) {
        let mut position = 0i64;
        for (role, people) in [("leader", &n.meeting.leaders), ("participant", &n.meeting.participants)] {
            for p in people {
                chunk.push((*id, position, role, p));
                position += 1;
                if chunk.len() == per {
                    people_chunk(tx, &full, municipality_id, &chunk).await?;
                    written += chunk.len();
                    chunk.clear();
                }
            }
        }
    }
    if !chunk.is_empty() {
        let sql = insert_sql(backend, &A::Table, &columns, chunk.len(), "");
        people_chunk(tx, &sql, municipality_id, &chunk).await?;
        written += chunk.len();
    }
    Ok(written)
}

async fn people_chunk(
    tx: &mut AnyConnection,
    sql: &str,
    municipality_id: MunicipalityId,
    chunk: &[(i64, i64, &str, &Person)],
) -> Result<(), sqlx::Error> {
    let mut q = sqlx::query(sql);
    for (id, position, role, p) in chunk {
        q = q.bind(*id).bind(*position).bind(municipality_id).bind(*role);
        q = text(q, clean(&p.key));
        q = text(q, clean(&p.name));
        q = q.bind(i64::from(p.birth_year)).bind(<&str>::from(p.gender));
    }
    q.execute(&mut *tx).await?;
    Ok(())
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds text borrowed as it is, or the cleaned copy.
fn text<'q>(q: AnyQuery<'q>, s: std::borrow::Cow<'q, str>) -> AnyQuery<'q> {
    match s {
        std::borrow::Cow::Borrowed(s) => q.bind(s),
        std::borrow::Cow::Owned(s) => q.bind(s),
    }
}
