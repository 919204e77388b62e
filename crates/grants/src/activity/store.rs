//! Attendance kept in the database: an association's groups, their meetings and who led and
//! who took part, written by a file's import or one web attendance card ([`write`]), read back
//! as the rule engine's [`Meeting`]s for a period, per association or for the whole
//! municipality, and assessed ([`claim`], [`claims`]). Every function takes the municipality;
//! an association of another one is not found.
//!
//! Reading a period costs one query whatever its size: a row per meeting with its people, one
//! association after another ([`read`]).

mod read;
mod rows;
mod write;

pub use write::{import_meetings, save_card};

use crate::activity::domain::{assess, ActivityRules, Assessment, Meeting, Totals};
use chrono::{NaiveDate, NaiveTime};
use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};
use sqlx::Row;

#[derive(Debug, thiserror::Error)]
pub enum AttendanceError {
    #[error("no such association in this municipality")]
    NotFound,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl From<AttendanceError> for platform::error::AppError {
    fn from(e: AttendanceError) -> Self {
        match e {
            AttendanceError::NotFound => platform::error::AppError::NotFound("err-not-found"),
            AttendanceError::Db(e) => platform::error::AppError::Internal(e.into()),
        }
    }
}

/// What an import (or a card) did. A meeting already stored (same group, date and start) is
/// replaced when anything on it differs and left as it is when nothing does, so importing the
/// same file twice changes nothing the second time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub meetings_added: usize,
    pub meetings_replaced: usize,
    pub meetings_unchanged: usize,
    /// Attendance rows written (those of the added and replaced meetings).
    pub rows: usize,
}

impl ImportSummary {
    pub fn changed(&self) -> bool {
        self.meetings_added + self.meetings_replaced > 0
    }
}

/// Where a meeting came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Source {
    File,
    Card,
}

/// A group of an association with its number of meetings and the first and last of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupSummary {
    pub name: String,
    pub meetings: i64,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// A stored meeting without its people: what the attendance page lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingSummary {
    pub group: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub minutes: u32,
    pub activity: String,
    pub leaders: i64,
    pub participants: i64,
    pub source: Source,
}

pub(crate) fn date(s: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub(crate) fn time(s: &str) -> Result<NaiveTime, sqlx::Error> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn decode<T: std::str::FromStr>(s: &str) -> Result<T, sqlx::Error>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    s.parse::<T>().map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// The association's name, if it is one of the municipality's.
pub async fn organisation_name(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT name FROM organisations WHERE municipality_id = $1 AND id = $2")
            .bind(municipality_id)
            .bind(organisation_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|r| r.0))
}

/// The association's groups (in Swedish order) with their meeting counts, and its `latest`
/// meetings, the most recent first (two queries).
pub async fn overview(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    latest: i64,
) -> Result<(Vec<GroupSummary>, Vec<MeetingSummary>), sqlx::Error> {
    let rows: Vec<(String, i64, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT g.name, COUNT(m.id), MIN(m.held_on), MAX(m.held_on) FROM grants_attendance_groups g \
         LEFT JOIN grants_attendance_meetings m ON m.group_id = g.id \
         WHERE g.municipality_id = $1 AND g.organisation_id = $2 GROUP BY g.id, g.name",
    )
    .bind(municipality_id)
    .bind(organisation_id)
    .fetch_all(&db.pool)
    .await?;
    let mut groups = rows
        .into_iter()
        .map(|(name, meetings, first, last)| {
            Ok(GroupSummary {
                name,
                meetings,
                first: first.as_deref().map(date).transpose()?,
                last: last.as_deref().map(date).transpose()?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    groups.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name));
    let rows = sqlx::query(
        "SELECT g.name, m.held_on, m.starts_at, m.minutes, m.activity, m.leaders, m.participants, m.source \
         FROM grants_attendance_meetings m JOIN grants_attendance_groups g ON g.id = m.group_id \
         WHERE m.municipality_id = $1 AND m.organisation_id = $2 \
         ORDER BY m.held_on DESC, m.starts_at DESC, g.name LIMIT $3",
    )
    .bind(municipality_id)
    .bind(organisation_id)
    .bind(latest)
    .fetch_all(&db.pool)
    .await?;
    let latest = rows
        .iter()
        .map(|r| {
            Ok(MeetingSummary {
                group: r.try_get(0)?,
                date: date(&r.try_get::<String, _>(1)?)?,
                start: time(&r.try_get::<String, _>(2)?)?,
                minutes: u32::try_from(r.try_get::<i64, _>(3)?).unwrap_or(0),
                activity: r.try_get(4)?,
                leaders: r.try_get(5)?,
                participants: r.try_get(6)?,
                source: decode(&r.try_get::<String, _>(7)?)?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok((groups, latest))
}

/// The association's meetings from `from` to `to` (both days included), in time order, with
/// their leaders and participants in the card's order.
pub async fn meetings_of(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let mut meetings = Vec::new();
    read::each(db, municipality_id, Some(organisation_id), from, to, true, |_, m| {
        meetings = m
    })
    .await?;
    Ok(meetings)
}

/// Every association's meetings from `from` to `to`, by association (in id order), each in time
/// order: what a period's activity support for the whole municipality is computed from.
pub async fn meetings_of_all(
    db: &Db,
    municipality_id: MunicipalityId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(OrganisationId, Vec<Meeting>)>, sqlx::Error> {
    let mut all = Vec::new();
    read::each(db, municipality_id, None, from, to, true, |org, m| all.push((org, m))).await?;
    Ok(all)
}

/// The association's activity support for a period: its meetings assessed under the rules.
pub async fn claim(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: OrganisationId,
    rules: &ActivityRules,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Assessment, sqlx::Error> {
    let meetings = meetings_of(db, municipality_id, organisation_id, from, to).await?;
    Ok(assess(rules, &meetings))
}

/// Every association's activity support for a period (those with meetings in it, in id
/// order). Each association is assessed as soon as its meetings are read, so only one
/// association's people are held at a time; their names are not read (the rules never look
/// at them).
pub async fn claims(
    db: &Db,
    municipality_id: MunicipalityId,
    rules: &ActivityRules,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(OrganisationId, Assessment)>, sqlx::Error> {
    let mut all = Vec::new();
    read::each(db, municipality_id, None, from, to, false, |org, m| {
        all.push((org, assess(rules, &m)));
    })
    .await?;
    Ok(all)
}

/// Every association's totals for a period (those with meetings in it, in id order): what
/// [`claims`] gives without the verdicts per meeting, so a large municipality's period holds
/// one association's meetings and verdicts at a time and then only a few numbers for each.
pub async fn claim_totals(
    db: &Db,
    municipality_id: MunicipalityId,
    rules: &ActivityRules,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(OrganisationId, Totals)>, sqlx::Error> {
    let mut all = Vec::new();
    read::each(db, municipality_id, None, from, to, false, |org, m| {
        all.push((org, assess(rules, &m).totals));
    })
    .await?;
    Ok(all)
}
