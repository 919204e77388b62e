//! Storage for the search: rooms that meet a need and are free then. The bookings' storage is
//! in [`crate::booking::store`]. Every query names the municipality.

use crate::domain::{self, Hours, MAX_BLOCK};
use crate::inventory::store::{room_of, Room, ROOM_COLS, ROOM_FROM};
use chrono::{Datelike, NaiveDate};
use platform::db::{Backend, Db};
use platform::MunicipalityId;
use sqlx::Row;

/// What a booker needs.
#[derive(Clone, Debug, Default)]
pub struct Need {
    pub people: i64,
    pub equipment: i64,
    pub access: i64,
    pub area: String,
    /// Free for the whole of this time: date, start and end minutes (local).
    pub span: Option<(NaiveDate, i64, i64)>,
}

/// Rooms that meet the need, by name, `limit` from `offset` (one more than asked tells whether
/// there are more), with their opening hours. When the need has a time span, only rooms open
/// and free then. One query: the opening hours come along as text (`1:480-1320,2:…`), read for
/// the rooms found only.
pub async fn search(
    db: &Db,
    municipality_id: MunicipalityId,
    need: &Need,
    limit: i64,
    offset: i64,
) -> Result<Vec<Room>, sqlx::Error> {
    let concat = match db.backend {
        Backend::Postgres => "string_agg",
        Backend::Sqlite => "group_concat",
    };
    // Only the conditions the need has. Bits are tested as `x & m >= m`, which holds exactly
    // when x has every bit of m (x & m is never above m): so written, PostgreSQL's planner guesses
    // that a third of the rooms pass instead of one in two hundred, and walks a municipality's
    // rooms in name order until the page is full, instead of reading, joining and sorting all of
    // them (measured on the largest synthetic municipality, 800 rooms: 0.5 to 1 ms instead of 2
    // to 5 ms).
    enum Arg<'a> {
        Int(i64),
        Text(&'a str),
    }
    let mut args = vec![Arg::Int(municipality_id.get()), Arg::Int(need.people.max(1))];
    let mut sql = format!(
        "SELECT {ROOM_COLS}, (SELECT {concat}(h.weekday || ':' || h.opens || '-' || h.closes, ',') \
         FROM premises_hours h WHERE h.room_id = r.id) FROM {ROOM_FROM} WHERE r.municipality_id = $1 \
         AND r.capacity >= $2 AND r.retired_at IS NULL AND p.retired_at IS NULL"
    );
    for (column, bits) in [("equipment", need.equipment), ("access", need.access)] {
        if bits != 0 {
            args.push(Arg::Int(bits));
            sql.push_str(&format!(" AND (r.{column} & ${n}) >= ${n}", n = args.len()));
        }
    }
    if !need.area.is_empty() {
        args.push(Arg::Text(&need.area));
        sql.push_str(&format!(" AND p.area = ${}", args.len()));
    }
    if let Some((date, start, end)) = need.span {
        if let (Ok(from), Ok(to)) = (domain::local(date, start), domain::local(date, end)) {
            let n = args.len();
            args.extend(
                [
                    date.weekday().number_from_monday() as i64,
                    start,
                    end,
                    from - MAX_BLOCK,
                    to,
                    from,
                ]
                .map(Arg::Int),
            );
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM premises_hours h WHERE h.room_id = r.id AND h.weekday = ${} \
                 AND h.opens <= ${} AND h.closes >= ${}) \
                 AND NOT EXISTS (SELECT 1 FROM premises_bookings b WHERE b.room_id = r.id \
                 AND b.status IN ('requested', 'confirmed') AND b.starts_at > ${} \
                 AND b.starts_at < ${} + r.buffer_minutes * 60 AND b.blocks_until > ${})",
                n + 1,
                n + 2,
                n + 3,
                n + 4,
                n + 5,
                n + 6
            ));
        }
    }
    args.extend([Arg::Int(limit), Arg::Int(offset)]);
    sql.push_str(&format!(
        " ORDER BY r.sort_key, r.id LIMIT ${} OFFSET ${}",
        args.len() - 1,
        args.len()
    ));
    let mut q = sqlx::query(&sql);
    for a in args {
        q = match a {
            Arg::Int(v) => q.bind(v),
            Arg::Text(v) => q.bind(v),
        };
    }
    let rows = q.fetch_all(&db.pool).await?;
    rows.iter()
        .map(|row| {
            let mut room = room_of(row)?;
            let hours: Option<String> = row.try_get(21)?;
            room.hours = hours_from_text(hours.as_deref().unwrap_or(""));
            Ok(room)
        })
        .collect()
}

/// Opening hours from `weekday:opens-closes` items, comma separated, in any order.
fn hours_from_text(s: &str) -> Hours {
    let mut h = Hours::default();
    for item in s.split(',') {
        let Some((wd, times)) = item.split_once(':') else {
            continue;
        };
        let Some((o, c)) = times.split_once('-') else { continue };
        if let (Ok(wd), Ok(o), Ok(c)) = (wd.parse::<usize>(), o.parse::<i64>(), c.parse::<i64>()) {
            if let Some(day) = h.0.get_mut(wd.wrapping_sub(1)) {
                *day = Some((o, c));
            }
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_from_text_in_any_order() {
        let h = hours_from_text("3:480-1320,1:360-1260,7:600-1080");
        assert_eq!(h.0[0], Some((360, 1260)));
        assert_eq!(h.0[1], None);
        assert_eq!(h.0[2], Some((480, 1320)));
        assert_eq!(h.0[6], Some((600, 1080)));
        assert_eq!(hours_from_text(""), Hours::default());
        assert_eq!(hours_from_text("9:1-2,x:1-2,2:a-b"), Hours::default());
    }
}
