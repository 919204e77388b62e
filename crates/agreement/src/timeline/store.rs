//! The timeline's queries: every function takes the municipality; every change runs in one
//! write transaction with its audit entry.

use super::domain::{self, TimelineEntry, TimelineKind};
use crate::ids::TimelineEntryId;
use crate::store::{StoreError, StoreResult};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::MunicipalityId;

#[derive(sea_query::Iden)]
#[iden = "agreement_timeline"]
enum Timeline {
    Table,
    Id,
    MunicipalityId,
    HappenedOn,
    Kind,
    Title,
    Body,
    CreatedAt,
    UpdatedAt,
}

type TimelineRow = (TimelineEntryId, String, String, String, String);

fn timeline_from(r: TimelineRow) -> TimelineEntry {
    TimelineEntry {
        id: r.0,
        happened_on: r.1,
        kind: r.2.parse().unwrap_or(TimelineKind::Other),
        title: r.3,
        body: r.4,
    }
}

/// The timeline, in the order things happened.
pub async fn timeline(db: &Db, m: MunicipalityId) -> Result<Vec<TimelineEntry>, sqlx::Error> {
    let rows: Vec<TimelineRow> = sqlx::query_as(
        "SELECT id, happened_on, kind, title, body FROM agreement_timeline WHERE municipality_id = $1 \
         ORDER BY happened_on, id",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    let mut v: Vec<TimelineEntry> = rows.into_iter().map(timeline_from).collect();
    domain::sort_timeline(&mut v);
    Ok(v)
}

pub async fn timeline_entry(
    db: &Db,
    m: MunicipalityId,
    id: TimelineEntryId,
) -> Result<Option<TimelineEntry>, sqlx::Error> {
    let row: Option<TimelineRow> = sqlx::query_as(
        "SELECT id, happened_on, kind, title, body FROM agreement_timeline WHERE id = $1 AND municipality_id = $2",
    )
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(timeline_from))
}

pub struct TimelineInput<'a> {
    pub happened_on: &'a str,
    pub kind: TimelineKind,
    pub title: &'a str,
    pub body: &'a str,
}

pub async fn add_timeline_entry(
    db: &Db,
    m: MunicipalityId,
    input: &TimelineInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<TimelineEntryId> {
    db::write(db, now, async |tx| {
        let id: TimelineEntryId = Insert::into(Timeline::Table)
            .set(Timeline::MunicipalityId, m)
            .set(Timeline::HappenedOn, input.happened_on)
            .set(Timeline::Kind, input.kind.as_str())
            .set(Timeline::Title, input.title)
            .set(Timeline::Body, input.body)
            .set(Timeline::CreatedAt, now)
            .set(Timeline::UpdatedAt, now)
            .returning_id(tx)
            .await?;
        let summary = format!("{} {}", input.happened_on, input.title);
        Ok((
            id,
            Change::new(m, actor, "agreement.timeline.add", "agreement_timeline", id, summary),
        ))
    })
    .await
}

pub async fn update_timeline_entry(
    db: &Db,
    m: MunicipalityId,
    id: TimelineEntryId,
    input: &TimelineInput<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let changed = Update::table(Timeline::Table)
            .set(Timeline::HappenedOn, input.happened_on)
            .set(Timeline::Kind, input.kind.as_str())
            .set(Timeline::Title, input.title)
            .set(Timeline::Body, input.body)
            .set(Timeline::UpdatedAt, now)
            .filter(Timeline::Id, id)
            .filter(Timeline::MunicipalityId, m)
            .run(tx)
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        let summary = format!("{} {}", input.happened_on, input.title);
        Ok((
            (),
            Change::new(m, actor, "agreement.timeline.update", "agreement_timeline", id, summary),
        ))
    })
    .await
}

pub async fn remove_timeline_entry(
    db: &Db,
    m: MunicipalityId,
    id: TimelineEntryId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT happened_on, title FROM agreement_timeline WHERE id = $1 AND municipality_id = $2")
                .bind(id)
                .bind(m)
                .fetch_optional(&mut *tx)
                .await?;
        let (on, title) = row.ok_or(StoreError::NotFound)?;
        Delete::from(Timeline::Table)
            .filter(Timeline::Id, id)
            .filter(Timeline::MunicipalityId, m)
            .run(tx)
            .await?;
        let summary = format!("{on} {title}");
        Ok((
            (),
            Change::new(m, actor, "agreement.timeline.remove", "agreement_timeline", id, summary),
        ))
    })
    .await
}
