//! Storage of bookings and series. Every query names the municipality.
//!
//! No double booking is the database's job: on PostgreSQL an exclusion constraint over each
//! active booking's range, on SQLite triggers inside the one writer's transaction (see the
//! migration). A booking that meets another fails as [`BookError::Taken`], whatever the web
//! layer checked before.

use super::domain::{self as rules, Limit};
use crate::domain::{self, BookerKind, Slot, Status, MAX_BLOCK};
use crate::ids::RoomId;
use crate::inventory::store::{placeholders, Room};
use chrono::NaiveDate;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{Backend, Db, Insert, Update};
use platform::{MunicipalityId, OrganisationId, UserId};
use sea_query::Expr;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

#[derive(sea_query::Iden)]
#[iden = "premises_series"]
enum Series {
    Table,
    MunicipalityId,
    RoomId,
    FirstDate,
    LastDate,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "premises_bookings"]
enum Bookings {
    Table,
    Id,
    MunicipalityId,
    RoomId,
    SeriesId,
    UserId,
    OrganisationId,
    BookerKind,
    BookerName,
    Email,
    Purpose,
    Attendees,
    StartsAt,
    EndsAt,
    BlocksUntil,
    Status,
    Reason,
    CreatedAt,
    DecidedAt,
    DecidedBy,
    PublicTitle,
}

#[derive(Clone, Debug)]
pub struct Booking {
    pub id: i64,
    pub room_id: RoomId,
    pub room_name: String,
    pub premises_name: String,
    pub organisation_id: Option<OrganisationId>,
    pub series_id: Option<i64>,
    pub user_id: Option<UserId>,
    pub booker_org_id: Option<i64>,
    pub booker_kind: BookerKind,
    pub booker_name: String,
    pub email: String,
    pub purpose: String,
    pub attendees: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub blocks_until: i64,
    pub status: Status,
    pub reason: String,
    pub created_at: i64,
    /// The title under which the booking shows in the shared event calendar; `None`: private.
    pub public_title: Option<String>,
}

pub(crate) const BOOKING_COLS: &str = "b.id, b.room_id, r.name, p.name, p.organisation_id, b.series_id, b.user_id, \
    b.organisation_id, b.booker_kind, b.booker_name, b.email, b.purpose, b.attendees, b.starts_at, b.ends_at, \
    b.blocks_until, b.status, b.reason, b.created_at, b.public_title";
pub(crate) const BOOKING_FROM: &str =
    "premises_bookings b JOIN premises_rooms r ON r.id = b.room_id JOIN premises p ON p.id = r.premises_id";

pub(crate) fn booking_of(r: &AnyRow) -> Result<Booking, sqlx::Error> {
    let kind: String = r.try_get(8)?;
    let status: String = r.try_get(16)?;
    Ok(Booking {
        id: r.try_get(0)?,
        room_id: r.try_get(1)?,
        room_name: r.try_get(2)?,
        premises_name: r.try_get(3)?,
        organisation_id: r.try_get(4)?,
        series_id: r.try_get(5)?,
        user_id: r.try_get(6)?,
        booker_org_id: r.try_get(7)?,
        booker_kind: BookerKind::parse(&kind).unwrap_or(BookerKind::Private),
        booker_name: r.try_get(9)?,
        email: r.try_get(10)?,
        purpose: r.try_get(11)?,
        attendees: r.try_get(12)?,
        starts_at: r.try_get(13)?,
        ends_at: r.try_get(14)?,
        blocks_until: r.try_get(15)?,
        status: Status::parse(&status),
        reason: r.try_get(17)?,
        created_at: r.try_get(18)?,
        public_title: r.try_get(19)?,
    })
}

pub async fn booking(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Booking>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {BOOKING_COLS} FROM {BOOKING_FROM} WHERE b.municipality_id = $1 AND b.id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(booking_of)
    .transpose()
}

/// The bookings of a series, by time.
pub async fn series_bookings(
    db: &Db,
    municipality_id: MunicipalityId,
    series_id: i64,
) -> Result<Vec<Booking>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {BOOKING_COLS} FROM {BOOKING_FROM} WHERE b.municipality_id = $1 AND b.series_id = $2 \
         ORDER BY b.starts_at"
    ))
    .bind(municipality_id)
    .bind(series_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(booking_of).collect()
}

/// A user's bookings from `since` on, by time.
pub async fn bookings_of_user(
    db: &Db,
    municipality_id: MunicipalityId,
    user_id: UserId,
    since: i64,
) -> Result<Vec<Booking>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {BOOKING_COLS} FROM {BOOKING_FROM} WHERE b.municipality_id = $1 AND b.user_id = $2 \
         AND b.ends_at >= $3 ORDER BY b.starts_at, b.id"
    ))
    .bind(municipality_id)
    .bind(user_id)
    .bind(since)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(booking_of).collect()
}

/// Requests waiting for a decision on premises the user manages: the municipality's own
/// (`municipal`: staff), every association's (`associations`: a coordinator, who manages them
/// all, see `inventory::domain::manages`) and those of the organisations given (their
/// representatives).
pub async fn requests(
    db: &Db,
    municipality_id: MunicipalityId,
    municipal: bool,
    associations: bool,
    organisations: &[OrganisationId],
) -> Result<Vec<Booking>, sqlx::Error> {
    let mut cond = vec![];
    if municipal {
        cond.push("p.organisation_id IS NULL".to_string());
    }
    if associations {
        cond.push("p.organisation_id IS NOT NULL".to_string());
    }
    if !organisations.is_empty() {
        cond.push(format!(
            "p.organisation_id IN ({})",
            placeholders(2, organisations.len())
        ));
    }
    if cond.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "SELECT {BOOKING_COLS} FROM {BOOKING_FROM} WHERE b.municipality_id = $1 AND b.status = 'requested' \
         AND ({}) ORDER BY b.starts_at, b.id",
        cond.join(" OR ")
    );
    let mut q = sqlx::query(&sql).bind(municipality_id);
    for o in organisations {
        q = q.bind(*o);
    }
    q.fetch_all(&db.pool).await?.iter().map(booking_of).collect()
}

/// What the booker fills in, checked.
#[derive(Clone, Debug)]
pub struct BookingInput {
    pub user_id: Option<UserId>,
    pub organisation_id: Option<OrganisationId>,
    pub kind: BookerKind,
    pub booker_name: String,
    pub email: String,
    pub purpose: String,
    pub attendees: i64,
    /// Shown under this title in the shared event calendar once confirmed; `None`: private.
    pub public_title: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    /// Some of the times meet active bookings of the room (their dates, for the message).
    #[error("already booked")]
    Taken(Vec<NaiveDate>),
    /// Past a private person's limits ([`rules::private`]), counted in the transaction.
    #[error("past the private limit")]
    Limit(Limit),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Whether an error is the database refusing a double booking (PostgreSQL's exclusion
/// violation, SQLite's trigger).
pub fn is_double_booking(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => {
            d.code().as_deref() == Some("23P01") || d.message().contains("premises_no_double_booking")
        }
        _ => false,
    }
}

/// How many times a booking's transaction is tried when PostgreSQL fails it only because of
/// another transaction ([`is_transient`]); by the next try the other has gone.
pub const ATTEMPTS: usize = 3;

/// Whether the database failed a transaction only because of another one at the same time:
/// PostgreSQL's deadlock (40P01) or serialization failure (40001). Trying again may succeed.
pub fn is_transient(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => matches!(d.code().as_deref(), Some("40P01") | Some("40001")),
        _ => false,
    }
}

/// Check a private person's limits ([`rules::private`]) in the caller's write transaction,
/// before the slots are written. The booker's bookings are counted under the booker's lock, so
/// two bookings sent at once queue and the second counts the first: on PostgreSQL a
/// transaction-scoped advisory lock per user (taken before the room's lock in [`book`], always
/// in that order); on SQLite the write transaction already holds the only write lock.
pub async fn check_private(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    user_id: UserId,
    slots: &[Slot],
    now: i64,
) -> Result<(), BookError> {
    if Backend::of(tx) == Backend::Postgres {
        sqlx::query(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('premises.private.' || CAST($1 AS TEXT), 0))) AS l",
        )
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    }
    let (upcoming,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM premises_bookings WHERE municipality_id = $1 AND user_id = $2 \
         AND booker_kind = 'private' AND starts_at > $3 AND status IN ('requested', 'confirmed')",
    )
    .bind(municipality_id)
    .bind(user_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    rules::private(usize::try_from(upcoming).unwrap_or(usize::MAX), slots, now).map_err(BookError::Limit)
}

/// The active bookings of the rooms given that meet `from..to`: (room, start, end, end of
/// block, status). One query.
pub async fn busy(
    conn: &mut sqlx::AnyConnection,
    rooms: &[RoomId],
    from: i64,
    to: i64,
) -> Result<Vec<(RoomId, i64, i64, i64, Status)>, sqlx::Error> {
    if rooms.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "SELECT room_id, starts_at, ends_at, blocks_until, status FROM premises_bookings \
         WHERE room_id IN ({}) AND status IN ('requested', 'confirmed') \
         AND starts_at > $1 AND starts_at < $2 AND blocks_until > $3 ORDER BY room_id, starts_at",
        placeholders(4, rooms.len())
    );
    let mut q = sqlx::query_as::<_, (RoomId, i64, i64, i64, String)>(&sql)
        .bind(from - MAX_BLOCK)
        .bind(to)
        .bind(from);
    for r in rooms {
        q = q.bind(*r);
    }
    Ok(q.fetch_all(conn)
        .await?
        .into_iter()
        .map(|(r, s, e, u, st)| (r, s, e, u, Status::parse(&st)))
        .collect())
}

/// Write one booking's slots (with a series row when `series`) in the caller's transaction, with
/// the status given; `decided_by` marks bookings that staff made confirmed. The dates already
/// taken are named first, for the booker: `Ok(Err(dates))`, and the database refuses them anyway
/// (then the caller must roll back what was written before the refusal). Returns the series' id
/// and the bookings' ids, first one first.
#[allow(clippy::too_many_arguments)]
pub async fn write_slots(
    conn: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    room_id: RoomId,
    input: &BookingInput,
    slots: &[Slot],
    series: bool,
    status: Status,
    decided_by: Option<UserId>,
    now: i64,
) -> Result<Result<(Option<i64>, Vec<i64>), Vec<NaiveDate>>, sqlx::Error> {
    let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
        return Ok(Ok((None, vec![])));
    };
    let taken = busy(&mut *conn, &[room_id], first.starts_at, last.blocks_until).await?;
    let clashes: Vec<NaiveDate> = slots
        .iter()
        .filter(|s| {
            taken
                .iter()
                .any(|(_, b, _, u, _)| domain::overlaps((s.starts_at, s.blocks_until), (*b, *u)))
        })
        .map(|s| s.date)
        .collect();
    if !clashes.is_empty() {
        return Ok(Err(clashes));
    }
    let series_id = match series {
        true => Some(
            Insert::into(Series::Table)
                .set(Series::MunicipalityId, municipality_id)
                .set(Series::RoomId, room_id)
                .set(Series::FirstDate, first.date.to_string())
                .set(Series::LastDate, last.date.to_string())
                .set(Series::CreatedAt, now)
                .returning_id::<i64>(conn)
                .await?,
        ),
        false => None,
    };
    let decided_at = decided_by.map(|_| now);
    let mut ids = vec![];
    for s in slots {
        let r = Insert::into(Bookings::Table)
            .set(Bookings::MunicipalityId, municipality_id)
            .set(Bookings::RoomId, room_id)
            .set(Bookings::SeriesId, series_id)
            .set(Bookings::UserId, input.user_id)
            .set(Bookings::OrganisationId, input.organisation_id)
            .set(Bookings::BookerKind, input.kind.as_str())
            .set(Bookings::BookerName, &input.booker_name)
            .set(Bookings::Email, &input.email)
            .set(Bookings::Purpose, &input.purpose)
            .set(Bookings::Attendees, input.attendees)
            .set(Bookings::PublicTitle, input.public_title.clone())
            .set(Bookings::StartsAt, s.starts_at)
            .set(Bookings::EndsAt, s.ends_at)
            .set(Bookings::BlocksUntil, s.blocks_until)
            .set(Bookings::Status, status.as_str())
            .set(Bookings::CreatedAt, now)
            .set(Bookings::DecidedAt, decided_at)
            .set(Bookings::DecidedBy, decided_by)
            .returning_id::<i64>(conn)
            .await;
        match r {
            Ok(id) => ids.push(id),
            Err(e) if is_double_booking(&e) => return Ok(Err(vec![s.date])),
            Err(e) => return Err(e),
        }
    }
    Ok(Ok((series_id, ids)))
}

/// What a booking wrote: each booking's (id, start, end), first one first, and the status they
/// got (the room's mode: confirmed at once or requested).
#[derive(Clone, Debug)]
pub struct Booked {
    pub times: Vec<(i64, i64, i64)>,
    pub status: Status,
}

impl Booked {
    pub fn first_id(&self) -> Option<i64> {
        self.times.first().map(|t| t.0)
    }
}

/// Book the slots (one, or a weekly series) in the caller's write transaction: all or none (on
/// [`BookError::Taken`] the caller's transaction is dropped, which rolls back what was written).
/// The first status follows the room's mode. Returns what was booked and its audit entry; the
/// caller queues the letters in the same transaction.
#[allow(clippy::too_many_arguments)]
pub async fn book(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    room: &Room,
    input: &BookingInput,
    slots: &[Slot],
    series: bool,
    now: i64,
) -> Result<(Booked, Change<'static>), BookError> {
    // Bookings of one room queue on the room's row: two weekly series written at once would
    // otherwise wait on each other's rows under the exclusion constraint and, on PostgreSQL,
    // deadlock (seen in CI). SQLite's write transaction already holds the only write lock.
    let lock = Backend::of(tx).for_update();
    sqlx::query(&format!(
        "SELECT id FROM premises_rooms WHERE id = $1 AND municipality_id = $2{lock}"
    ))
    .bind(room.id)
    .bind(municipality_id)
    .fetch_optional(&mut *tx)
    .await?;
    let status = room.mode.first_status();
    let ids = match write_slots(tx, municipality_id, room.id, input, slots, series, status, None, now).await? {
        Ok((_, ids)) => ids,
        Err(dates) => return Err(BookError::Taken(dates)),
    };
    let change = Change {
        municipality_id: Some(municipality_id),
        actor: None,
        action: "premises.booking.create",
        entity: "premises_booking",
        entity_id: ids.first().copied(),
        summary: format!("{}: {}", room.full_name(), input.booker_name),
    };
    let times = ids
        .iter()
        .zip(slots)
        .map(|(id, s)| (*id, s.starts_at, s.ends_at))
        .collect();
    Ok((Booked { times, status }, change))
}

/// Which bookings a change applies to: one, or the rest of its series from it on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    One,
    Series,
}

/// The active bookings a change applies to: (id, start, end).
async fn targets(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    b: &Booking,
    scope: Scope,
) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    match (scope, b.series_id) {
        (Scope::Series, Some(series)) => {
            sqlx::query_as(
                "SELECT id, starts_at, ends_at FROM premises_bookings WHERE municipality_id = $1 AND series_id = $2 \
                 AND starts_at >= $3 AND status IN ('requested', 'confirmed') ORDER BY starts_at",
            )
            .bind(municipality_id)
            .bind(series)
            .bind(b.starts_at)
            .fetch_all(&mut *tx)
            .await
        }
        _ => {
            sqlx::query_as(
                "SELECT id, starts_at, ends_at FROM premises_bookings WHERE municipality_id = $1 AND id = $2 \
             AND status IN ('requested', 'confirmed')",
            )
            .bind(municipality_id)
            .bind(b.id)
            .fetch_all(&mut *tx)
            .await
        }
    }
}

pub(crate) async fn set_status(
    tx: &mut AnyConnection,
    ids: &[(i64, i64, i64)],
    from: &[Status],
    to: Status,
    reason: &str,
    actor: Option<UserId>,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let mut n = 0;
    let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
    for (id, _, _) in ids {
        n += Update::table(Bookings::Table)
            .set(Bookings::Status, to.as_str())
            .set(Bookings::Reason, reason)
            .set(Bookings::DecidedAt, now)
            .set(Bookings::DecidedBy, actor)
            .filter(Bookings::Id, *id)
            .filter_expr(Expr::col(Bookings::Status).is_in(from.iter().copied()))
            .run(&mut *tx)
            .await?;
    }
    Ok(n)
}

/// What a cancellation or a decision changed: the bookings it applied to, each (id, start, end),
/// and how many changed.
#[derive(Clone, Debug)]
pub struct Changed {
    pub ids: Vec<(i64, i64, i64)>,
    pub n: u64,
}

/// Cancel a booking (or the rest of its series) in the caller's write transaction: its time is
/// free again at once. Returns what changed and its audit entry; the caller queues the letter.
pub async fn cancel<'a>(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    b: &Booking,
    scope: Scope,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<(Changed, Change<'a>), sqlx::Error> {
    let ids = targets(tx, municipality_id, b, scope).await?;
    let n = set_status(
        tx,
        &ids,
        &[Status::Requested, Status::Confirmed],
        Status::Cancelled,
        "",
        Some(actor.id),
        now,
    )
    .await?;
    let change = Change {
        municipality_id: Some(municipality_id),
        actor: Some(actor),
        action: "premises.booking.cancel",
        entity: "premises_booking",
        entity_id: Some(b.id),
        summary: format!("{} ({n})", b.booker_name),
    };
    Ok((Changed { ids, n }, change))
}

/// Approve or reject a request (and the rest of its series' requests) in the caller's write
/// transaction. Returns what changed and its audit entry; the caller queues the letter.
pub async fn decide<'a>(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    b: &Booking,
    approve: bool,
    reason: &str,
    actor: &'a CurrentUser,
    now: i64,
) -> Result<(Changed, Change<'a>), sqlx::Error> {
    let ids = targets(tx, municipality_id, b, Scope::Series).await?;
    let to = if approve { Status::Confirmed } else { Status::Rejected };
    let n = set_status(tx, &ids, &[Status::Requested], to, reason, Some(actor.id), now).await?;
    let change = Change {
        municipality_id: Some(municipality_id),
        actor: Some(actor),
        action: if approve {
            "premises.booking.approve"
        } else {
            "premises.booking.reject"
        },
        entity: "premises_booking",
        entity_id: Some(b.id),
        summary: format!("{} ({n})", b.booker_name),
    };
    Ok((Changed { ids, n }, change))
}

/// The active bookings of a room that meet `from..to`, with who booked (for the owner's view
/// and the calendar feed), by time.
pub async fn room_bookings(
    db: &Db,
    municipality_id: MunicipalityId,
    room_id: RoomId,
    from: i64,
    to: i64,
) -> Result<Vec<Booking>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {BOOKING_COLS} FROM {BOOKING_FROM} WHERE b.municipality_id = $1 AND b.room_id = $2 \
         AND b.status IN ('requested', 'confirmed') AND b.starts_at > $3 AND b.starts_at < $4 AND b.blocks_until > $5 \
         ORDER BY b.starts_at"
    ))
    .bind(municipality_id)
    .bind(room_id)
    .bind(from - MAX_BLOCK)
    .bind(to)
    .bind(from)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(booking_of).collect()
}
