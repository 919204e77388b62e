//! The event calendar's queries: every function takes the municipality; every change runs in
//! one write transaction with its audit entry. The associations' names come from the
//! registry's public functions.

use super::domain::{self, Audience, Category, Checked, Event, Filter, Status};
use super::occurrences::{self, Facts};
use super::schedule::Schedule;
use crate::ids::EventId;
use chrono::NaiveDate;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{MunicipalityId, OrganisationId};
use premises::public::RoomId;
use std::collections::HashMap;

#[derive(sea_query::Iden)]
#[iden = "openness_events"]
pub(super) enum Events {
    Table,
    Id,
    MunicipalityId,
    OrganisationId,
    Title,
    Description,
    StartsOn,
    StartMinute,
    EndsOn,
    EndMinute,
    RepeatUntil,
    Skipped,
    FirstStart,
    LastEnd,
    Place,
    RoomId,
    Accessibility,
    Audience,
    Category,
    Price,
    Link,
    RegistrationLink,
    Status,
    DeclineReason,
    SearchText,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    Area,
}

#[derive(sea_query::Iden)]
#[iden = "openness_trusted_organisations"]
enum Trusted {
    Table,
    MunicipalityId,
    OrganisationId,
    #[iden = "trusted_at"]
    Since,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// Approving or declining an event that no longer waits.
    #[error("not pending")]
    NotPending,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(sqlx::FromRow)]
struct Row {
    id: EventId,
    organisation_id: OrganisationId,
    title: String,
    description: String,
    starts_on: String,
    start_minute: i64,
    ends_on: String,
    end_minute: i64,
    repeat_until: Option<String>,
    skipped: String,
    place: String,
    room_id: Option<RoomId>,
    accessibility: String,
    audience: String,
    category: String,
    price: String,
    link: String,
    registration_link: String,
    status: String,
    decline_reason: String,
    updated_at: i64,
    area: String,
}

const COLUMNS: &str = "e.id, e.organisation_id, e.title, e.description, e.starts_on, e.start_minute, e.ends_on, \
     e.end_minute, e.repeat_until, e.skipped, e.place, e.room_id, e.accessibility, e.audience, e.category, e.price, \
     e.link, e.registration_link, e.status, e.decline_reason, e.updated_at, e.area";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// The events with their associations' names (one more query, however many there are).
async fn assemble(db: &Db, m: MunicipalityId, rows: Vec<Row>) -> Result<Vec<Event>, sqlx::Error> {
    let wanted: Vec<OrganisationId> = rows.iter().map(|r| r.organisation_id).collect();
    let names: HashMap<OrganisationId, String> = registry::public::organisation_names(db, m, &wanted)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| Event {
            id: r.id,
            organisation: names.get(&r.organisation_id).cloned().unwrap_or_default(),
            status: r.status.parse().unwrap_or(Status::Pending),
            decline_reason: r.decline_reason,
            updated_at: r.updated_at,
            typed: Checked {
                organisation_id: r.organisation_id,
                title: r.title,
                description: r.description,
                schedule: Schedule {
                    starts_on: day(&r.starts_on),
                    start_minute: r.start_minute,
                    ends_on: day(&r.ends_on),
                    end_minute: r.end_minute,
                    repeat_until: r.repeat_until.as_deref().map(day),
                    skipped: r
                        .skipped
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(day)
                        .collect(),
                },
                place: r.place,
                room_id: r.room_id,
                accessibility: r.accessibility,
                audience: r.audience.parse().unwrap_or(Audience::Alla),
                category: r.category.parse().unwrap_or(Category::Other),
                price: r.price,
                link: r.link,
                registration_link: r.registration_link,
                area: r.area,
            },
        })
        .collect())
}

/// The `WHERE` of the filters (after the municipality's `$1` and the range's `$2`, `$3`) and
/// its text binds.
fn conditions(f: &Filter) -> (String, Vec<String>) {
    occurrences::filter_sql(
        f,
        4,
        &occurrences::Columns {
            alias: "e",
            accessible: "e.accessibility <> ''",
            search: "e.search_text LIKE ? ESCAPE '\\'",
        },
    )
}

/// The municipality's approved events that pass the filters and happen (some time) between
/// `from` and `to`, unix seconds, by their first start.
pub async fn in_range(db: &Db, m: MunicipalityId, f: &Filter, from: i64, to: i64) -> Result<Vec<Event>, sqlx::Error> {
    let (cond, binds) = conditions(f);
    let sql = format!(
        "SELECT {COLUMNS} FROM openness_events e WHERE e.municipality_id = $1 AND e.status = 'approved' \
         AND e.last_end > $2 AND e.first_start < $3{cond} ORDER BY e.first_start, e.id"
    );
    let mut q = sqlx::query_as::<_, Row>(&sql).bind(m).bind(from).bind(to);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    let rows = q.fetch_all(&db.pool).await?;
    assemble(db, m, rows).await
}

/// The municipality's approved events with these ids (those a calendar page shows), in no
/// particular order.
pub async fn approved_by_ids(db: &Db, m: MunicipalityId, ids: &[EventId]) -> Result<Vec<Event>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut list: Vec<i64> = ids.iter().map(|i| i.get()).collect();
    list.sort_unstable();
    list.dedup();
    // Parsed numbers, written into the statement.
    let list: Vec<String> = list.iter().map(i64::to_string).collect();
    let rows: Vec<Row> = sqlx::query_as(&format!(
        // `+`: SQLite then reads the rows by their ids, not the municipality's index (which
        // walked all its events).
        "SELECT {COLUMNS} FROM openness_events e WHERE +e.municipality_id = $1 AND e.status = 'approved' \
         AND e.id IN ({})",
        list.join(", ")
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    assemble(db, m, rows).await
}

/// One event of the municipality, whatever its status.
pub async fn one(db: &Db, m: MunicipalityId, id: EventId) -> Result<Option<Event>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_events e WHERE e.id = $1 AND e.municipality_id = $2"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    Ok(assemble(db, m, row.into_iter().collect()).await?.pop())
}

/// The events of these associations (an association's own list), every status, latest first.
pub async fn of_organisations(db: &Db, m: MunicipalityId, of: &[OrganisationId]) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_events e WHERE e.municipality_id = $1 ORDER BY e.first_start DESC, e.id DESC"
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    let rows = rows.into_iter().filter(|r| of.contains(&r.organisation_id)).collect();
    assemble(db, m, rows).await
}

/// The events waiting for the coordinator, the earliest first.
pub async fn pending(db: &Db, m: MunicipalityId) -> Result<Vec<Event>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_events e WHERE e.municipality_id = $1 AND e.status = 'pending' \
         ORDER BY e.first_start, e.id"
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    assemble(db, m, rows).await
}

/// The associations the coordinator trusts to publish directly.
pub async fn trusted(db: &Db, m: MunicipalityId) -> Result<Vec<OrganisationId>, sqlx::Error> {
    let rows: Vec<(OrganisationId,)> = sqlx::query_as(
        "SELECT organisation_id FROM openness_trusted_organisations WHERE municipality_id = $1 ORDER BY organisation_id",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

async fn is_trusted(tx: &mut sqlx::AnyConnection, m: MunicipalityId, o: OrganisationId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT trusted_at FROM openness_trusted_organisations WHERE municipality_id = $1 AND organisation_id = $2",
    )
    .bind(m)
    .bind(o)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.is_some())
}

/// Who saves an event: the coordinator's own changes are published at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saver {
    Coordinator,
    Association,
}

/// The text a search reads for an event.
async fn search_text(db: &Db, m: MunicipalityId, c: &Checked) -> Result<String, sqlx::Error> {
    let org = registry::public::organisation_names(db, m, &[c.organisation_id])
        .await?
        .pop()
        .map(|o| o.1)
        .unwrap_or_default();
    Ok(domain::search_text(&[&c.title, &c.description, &c.place, &org]))
}

/// The columns an insert and an update of an event both write: what was typed, the bounds of
/// its occurrences and its status.
macro_rules! fields {
    ($q:expr, $c:expr, $first:expr, $last:expr, $status:expr) => {{
        let (c, s) = ($c, &$c.schedule);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        $q.set(Events::Title, c.title.as_str())
            .set(Events::Description, c.description.as_str())
            .set(Events::StartsOn, day(s.starts_on))
            .set(Events::StartMinute, s.start_minute)
            .set(Events::EndsOn, day(s.ends_on))
            .set(Events::EndMinute, s.end_minute)
            .set(Events::RepeatUntil, s.repeat_until.map(day))
            .set(Events::Skipped, s.skipped_text())
            .set(Events::FirstStart, $first)
            .set(Events::LastEnd, $last)
            .set(Events::Place, c.place.as_str())
            .set(Events::RoomId, c.room_id)
            .set(Events::Accessibility, c.accessibility.as_str())
            .set(Events::Audience, c.audience.as_str())
            .set(Events::Category, c.category.as_str())
            .set(Events::Price, c.price.as_str())
            .set(Events::Link, c.link.as_str())
            .set(Events::RegistrationLink, c.registration_link.as_str())
            .set(Events::Area, c.area.as_str())
            .set(Events::Status, $status.as_str())
    }};
}

/// Publish an event: approved at once for a trusted association or the coordinator, else
/// waiting. Returns its id and status.
pub async fn add(
    db: &Db,
    m: MunicipalityId,
    c: &Checked,
    by: Saver,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<(EventId, Status)> {
    let search = search_text(db, m, c).await?;
    let (first, last) = c.schedule.bounds();
    db::write(db, now, async |tx| {
        let status = Status::on_save(by == Saver::Coordinator || is_trusted(tx, m, c.organisation_id).await?);
        let id: EventId = fields!(Insert::into(Events::Table), c, first, last, status)
            .set(Events::MunicipalityId, m)
            .set(Events::OrganisationId, c.organisation_id)
            .set(Events::SearchText, search.as_str())
            .set(Events::CreatedBy, actor.map(|a| a.id))
            .set(Events::CreatedAt, now)
            .set(Events::UpdatedAt, now)
            .returning_id(tx)
            .await?;
        occurrences::write(tx, m, id, &Facts::of(c), status).await?;
        let what = format!("{} ({})", c.title, status.as_str());
        Ok((
            (id, status),
            Change::new(m, actor, "openness.event.add", "openness_event", id, what),
        ))
    })
    .await
}

/// Change an event (its association stays). An association's change of an event goes back to
/// the coordinator unless the association is trusted.
pub async fn update(
    db: &Db,
    m: MunicipalityId,
    id: EventId,
    c: &Checked,
    by: Saver,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<Status> {
    let search = search_text(db, m, c).await?;
    let (first, last) = c.schedule.bounds();
    db::write(db, now, async |tx| {
        let status = Status::on_save(by == Saver::Coordinator || is_trusted(tx, m, c.organisation_id).await?);
        let changed = fields!(Update::table(Events::Table), c, first, last, status)
            .set(Events::DeclineReason, "")
            .set(Events::SearchText, search.as_str())
            .set(Events::UpdatedAt, now)
            .filter(Events::Id, id)
            .filter(Events::MunicipalityId, m)
            .filter(Events::OrganisationId, c.organisation_id)
            .run(tx)
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        occurrences::write(tx, m, id, &Facts::of(c), status).await?;
        let what = format!("{} ({})", c.title, status.as_str());
        Ok((
            status,
            Change::new(m, actor, "openness.event.update", "openness_event", id, what),
        ))
    })
    .await
}

/// What a moderation did, for the letter its caller queues in the same transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moderated {
    pub title: String,
    pub organisation_id: OrganisationId,
    pub status: Status,
    /// The reason given when declined ("" when approved).
    pub reason: String,
    /// The address of the one who published the event, if the account is still there.
    pub publisher_email: Option<String>,
}

/// Approve a waiting event, or decline it with a reason, in the caller's write transaction.
/// Returns what happened and its audit entry; the caller queues the association's letter.
pub async fn moderate<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: EventId,
    decline: Option<&str>,
    actor: Option<&'a CurrentUser>,
    now: i64,
) -> StoreResult<(Moderated, Change<'a>)> {
    let row: Option<(String, String, OrganisationId, Option<platform::UserId>)> = sqlx::query_as(&format!(
        "SELECT title, status, organisation_id, created_by FROM openness_events WHERE id = $1 AND municipality_id = $2{}",
        db::Backend::of(tx).for_update()
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let (title, status, organisation_id, created_by) = row.ok_or(StoreError::NotFound)?;
    if status != Status::Pending.as_str() {
        return Err(StoreError::NotPending);
    }
    let (to, action) = match decline {
        None => (Status::Approved, "openness.event.approve"),
        Some(_) => (Status::Declined, "openness.event.decline"),
    };
    Update::table(Events::Table)
        .set(Events::Status, to.as_str())
        .set(Events::DeclineReason, decline.unwrap_or(""))
        .set(Events::UpdatedAt, now)
        .filter(Events::Id, id)
        .filter(Events::MunicipalityId, m)
        .run(tx)
        .await?;
    occurrences::rewrite(tx, m, id).await?;
    let publisher_email = match created_by {
        Some(u) => sqlx::query_as::<_, (String,)>("SELECT email FROM users WHERE id = $1")
            .bind(u)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.0),
        None => None,
    };
    let change = Change::new(m, actor, action, "openness_event", id, title.clone());
    Ok((
        Moderated {
            title,
            organisation_id,
            status: to,
            reason: decline.unwrap_or("").to_string(),
            publisher_email,
        },
        change,
    ))
}

/// Trust an association to publish directly, or stop trusting it.
pub async fn set_trusted(
    db: &Db,
    m: MunicipalityId,
    o: OrganisationId,
    on: bool,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        Delete::from(Trusted::Table)
            .filter(Trusted::MunicipalityId, m)
            .filter(Trusted::OrganisationId, o)
            .run(tx)
            .await?;
        if on {
            Insert::into(Trusted::Table)
                .set(Trusted::MunicipalityId, m)
                .set(Trusted::OrganisationId, o)
                .set(Trusted::Since, now)
                .run(tx)
                .await?;
        }
        let action = if on {
            "openness.event.trust"
        } else {
            "openness.event.distrust"
        };
        Ok(((), Change::new(m, actor, action, "organisation", o, String::new())))
    })
    .await
}
