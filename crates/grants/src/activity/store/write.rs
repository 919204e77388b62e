//! Writing attendance: a file's meetings ([`import_meetings`]) or one card ([`save_card`]), in
//! one transaction with one audit entry. A meeting already stored for the same group, date and
//! start is replaced (its rows deleted, the new ones written) when anything on it differs, and
//! left alone when its digest says nothing does. The rows themselves go in through [`rows`].

use super::rows::{insert_meetings, insert_people, insert_sql, rows_per_statement, New};
use super::{AttendanceError, ImportSummary, Source};
use crate::activity::domain::Meeting;
use crate::tables::{Attendance, AttendanceGroups, AttendanceMeetings};
use chrono::{NaiveDate, NaiveTime};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Backend, Db, Delete};
use platform::{MunicipalityId, OrganisationId};
use sea_query::{Expr, Iden};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Stores a file's meetings for the association (see the module's description): all or none.
pub async fn import_meetings(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    meetings: &[Meeting],
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<ImportSummary, AttendanceError> {
    db::write(db, now, async |tx| {
        let s = put(tx, municipality_id, organisation_id, meetings, Source::File, now).await?;
        let summary = format!(
            "{} added, {} replaced, {} unchanged, {} rows",
            s.meetings_added, s.meetings_replaced, s.meetings_unchanged, s.rows
        );
        let change = Change::new(
            municipality_id,
            actor,
            "grants.attendance.import",
            "organisation",
            organisation_id,
            summary,
        );
        Ok((s, change))
    })
    .await
}

/// Stores one meeting typed in on the web attendance card, adding it or replacing the one of
/// the same group, date and start.
pub async fn save_card(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    meeting: &Meeting,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<ImportSummary, AttendanceError> {
    db::write(db, now, async |tx| {
        let s = put(
            tx,
            municipality_id,
            organisation_id,
            std::slice::from_ref(meeting),
            Source::Card,
            now,
        )
        .await?;
        let summary = format!(
            "{} {} {}",
            meeting.group,
            meeting.date.format("%Y-%m-%d"),
            meeting.start.format("%H:%M")
        );
        let change = Change::new(
            municipality_id,
            actor,
            "grants.attendance.card",
            "organisation",
            organisation_id,
            summary,
        );
        Ok((s, change))
    })
    .await
}

/// What tells an import that a stored meeting is the same: FNV-1a over its length, activity
/// and every person in order (each field closed by a byte UTF-8 never holds).
pub(crate) fn digest(m: &Meeting) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes.iter().chain(std::iter::once(&0xff)) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(m.minutes.to_string().as_bytes());
    eat(m.activity.as_bytes());
    for (role, people) in [("L", &m.leaders), ("P", &m.participants)] {
        for p in people {
            eat(role.as_bytes());
            eat(p.key.as_bytes());
            eat(p.name.as_bytes());
            eat(p.birth_year.to_string().as_bytes());
            eat(<&str>::from(p.gender).as_bytes());
        }
    }
    h as i64
}

async fn put(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    meetings: &[Meeting],
    source: Source,
    now: i64,
) -> Result<ImportSummary, AttendanceError> {
    let backend = Backend::of(tx);
    // The association's row, locked: two imports for one association take turns.
    let found: Option<(OrganisationId,)> = sqlx::query_as(&format!(
        "SELECT id FROM organisations WHERE municipality_id = $1 AND id = $2{}",
        backend.for_update()
    ))
    .bind(municipality_id)
    .bind(organisation_id)
    .fetch_optional(&mut *tx)
    .await?;
    if found.is_none() {
        return Err(AttendanceError::NotFound);
    }
    // The same meeting twice in the input: the last one holds.
    let mut last: HashMap<(&str, NaiveDate, NaiveTime), usize> = HashMap::new();
    for (i, m) in meetings.iter().enumerate() {
        last.insert((m.group.as_str(), m.date, m.start), i);
    }
    let mut chosen: Vec<usize> = last.into_values().collect();
    chosen.sort_unstable();
    let mut summary = ImportSummary::default();
    let (Some(from), Some(to)) = (
        chosen.iter().map(|i| meetings[*i].date).min(),
        chosen.iter().map(|i| meetings[*i].date).max(),
    ) else {
        return Ok(summary);
    };

    let groups = group_ids(tx, backend, municipality_id, organisation_id, meetings, now).await?;
    let stored: Vec<(i64, i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT id, group_id, held_on, starts_at, digest, created_at FROM grants_attendance_meetings \
         WHERE organisation_id = $1 AND held_on >= $2 AND held_on <= $3",
    )
    .bind(organisation_id)
    .bind(from.format("%Y-%m-%d").to_string())
    .bind(to.format("%Y-%m-%d").to_string())
    .fetch_all(&mut *tx)
    .await?;
    let stored: HashMap<(i64, String, String), (i64, i64, i64)> = stored
        .into_iter()
        .map(|(id, g, d, s, digest, created)| ((g, d, s), (id, digest, created)))
        .collect();

    let mut gone: Vec<i64> = Vec::new();
    let mut new: Vec<New> = Vec::new();
    for i in chosen {
        let m = &meetings[i];
        let Some(group_id) = groups.get(m.group.as_str()).copied() else {
            continue;
        };
        let held_on = m.date.format("%Y-%m-%d").to_string();
        let starts_at = m.start.format("%H:%M").to_string();
        let d = digest(m);
        let mut created_at = now;
        match stored.get(&(group_id, held_on.clone(), starts_at.clone())) {
            Some((_, old, _)) if *old == d => {
                summary.meetings_unchanged += 1;
                continue;
            }
            Some((id, _, created)) => {
                gone.push(*id);
                created_at = *created;
                summary.meetings_replaced += 1;
            }
            None => summary.meetings_added += 1,
        }
        new.push(New {
            meeting: m,
            group_id,
            held_on,
            starts_at,
            digest: d,
            created_at,
        });
    }

    for chunk in gone.chunks(rows_per_statement(backend, 1)) {
        Delete::from(Attendance::Table)
            .filter_expr(Expr::col(Attendance::MeetingId).is_in(chunk.iter().copied()))
            .run(tx)
            .await?;
        Delete::from(AttendanceMeetings::Table)
            .filter_expr(Expr::col(AttendanceMeetings::Id).is_in(chunk.iter().copied()))
            .run(tx)
            .await?;
    }
    let ids = insert_meetings(tx, backend, municipality_id, organisation_id, &new, source, now).await?;
    summary.rows = insert_people(tx, backend, municipality_id, &new, &ids).await?;
    Ok(summary)
}

/// The ids of the meetings' groups by name, making those the association does not have yet.
async fn group_ids<'a>(
    tx: &mut AnyConnection,
    backend: Backend,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    meetings: &'a [Meeting],
    now: i64,
) -> Result<HashMap<&'a str, i64>, sqlx::Error> {
    let known: HashMap<String, i64> =
        sqlx::query_as::<_, (String, i64)>("SELECT name, id FROM grants_attendance_groups WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .collect();
    let mut ids: HashMap<&str, i64> = HashMap::new();
    let mut missing: Vec<&str> = Vec::new();
    for m in meetings {
        match known.get(&m.group) {
            Some(id) => {
                ids.insert(&m.group, *id);
            }
            None if !missing.contains(&m.group.as_str()) => missing.push(&m.group),
            None => {}
        }
    }
    use AttendanceGroups as G;
    let columns: [&dyn Iden; 4] = [&G::MunicipalityId, &G::OrganisationId, &G::Name, &G::CreatedAt];
    for chunk in missing.chunks(rows_per_statement(backend, columns.len())) {
        let sql = insert_sql(backend, &G::Table, &columns, chunk.len(), " RETURNING id, name");
        let mut q = sqlx::query_as::<_, (i64, String)>(&sql);
        for name in chunk {
            q = q.bind(municipality_id).bind(organisation_id).bind(*name).bind(now);
        }
        for (id, name) in q.fetch_all(&mut *tx).await? {
            if let Some(n) = chunk.iter().find(|n| **n == name) {
                ids.insert(n, id);
            }
        }
    }
    Ok(ids)
}
