//! Storage of seasons and their applications, and publication: the allocated applications
//! become weekly series of confirmed bookings, the rejected ones are told why. Every query names
//! the municipality.
//!
//! Publication books through the same guard as every booking: the database refuses a time that
//! meets an active booking of the room (see the premises migration). Each application is booked
//! inside a savepoint, so one that meets an existing booking is rolled back alone, named in the
//! report with its dates, and stays pending; the rest are published.

use super::domain::{self as sd, Decision, NewApplication, NewSeason, Rule, SeasonStatus, TargetGroup};
use super::lifecycle::Holiday;
use crate::booking::mail::Letters;
use crate::booking::store::{self as ps};
use crate::domain::{self, BookerKind, Slot, SlotProblem, Status};
use crate::ids::RoomId;
use crate::inventory::store::{self as inventory, Room};
use chrono::NaiveDate;
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert};
use platform::ics::{self, Event};
use platform::mail::{queue, Email};
use platform::{MunicipalityId, OrganisationId, UserId};
use sea_query::Iden;
use sqlx::any::AnyRow;
use sqlx::{Acquire, Row};
use std::collections::HashMap;

/// The seasons' table.
#[derive(Iden)]
#[iden = "premises_seasons"]
enum Seasons {
    Table,
    MunicipalityId,
    Name,
    FirstDate,
    LastDate,
    ApplyUntil,
    Status,
    CreatedAt,
}

/// The applications' table.
#[derive(Iden)]
#[iden = "premises_applications"]
enum Applications {
    Table,
    MunicipalityId,
    SeasonId,
    RoomId,
    OrganisationId,
    UserId,
    BookerName,
    Email,
    Weekday,
    StartMin,
    EndMin,
    TargetGroup,
    Attendees,
    Note,
    Status,
    CreatedAt,
}

#[derive(Clone, Debug)]
pub struct Season {
    pub id: i64,
    pub name: String,
    pub first_date: String,
    pub last_date: String,
    pub apply_until: String,
    pub rule: Rule,
    pub status: SeasonStatus,
    pub published_at: Option<i64>,
    /// When the coordinator closed it early (before its last day to apply), if they did.
    pub closed_at: Option<i64>,
    /// How many applications it has.
    pub applications: i64,
}

impl Season {
    /// Whether applications are taken on `today`.
    pub fn open_on(&self, today: NaiveDate) -> bool {
        self.status == SeasonStatus::Open && domain::parse_date(&self.apply_until).is_some_and(|u| today <= u)
    }
    /// The status to show on `today`: an open season whose last day to apply has passed is closed.
    pub fn status_on(&self, today: NaiveDate) -> SeasonStatus {
        match self.status {
            SeasonStatus::Open if !self.open_on(today) => SeasonStatus::Closed,
            s => s,
        }
    }
}

const SEASON_COLS: &str = "s.id, s.name, s.first_date, s.last_date, s.apply_until, s.priority_rule, s.status, \
    s.published_at, (SELECT COUNT(*) FROM premises_applications a WHERE a.season_id = s.id), s.closed_at";

fn season_of(r: &AnyRow) -> Result<Season, sqlx::Error> {
    let rule: String = r.try_get(5)?;
    let status: String = r.try_get(6)?;
    Ok(Season {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        first_date: r.try_get(2)?,
        last_date: r.try_get(3)?,
        apply_until: r.try_get(4)?,
        rule: Rule::parse(&rule).unwrap_or(Rule::ChildrenYouthFirst),
        status: SeasonStatus::parse(&status),
        published_at: r.try_get(7)?,
        applications: r.try_get(8)?,
        closed_at: r.try_get(9)?,
    })
}

/// The municipality's seasons, latest first.
pub async fn seasons(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Season>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {SEASON_COLS} FROM premises_seasons s WHERE s.municipality_id = $1 ORDER BY s.first_date DESC, s.id DESC"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(season_of)
    .collect()
}

pub async fn season(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Season>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {SEASON_COLS} FROM premises_seasons s WHERE s.municipality_id = $1 AND s.id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(season_of)
    .transpose()
}

pub async fn create_season(
    db: &Db,
    municipality_id: MunicipalityId,
    s: &NewSeason,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    db::write(db, now, async |tx| {
        let id: i64 = Insert::into(Seasons::Table)
            .set(Seasons::MunicipalityId, municipality_id)
            .set(Seasons::Name, s.name.as_str())
            .set(Seasons::FirstDate, s.first_date.to_string())
            .set(Seasons::LastDate, s.last_date.to_string())
            .set(Seasons::ApplyUntil, s.apply_until.to_string())
            .set(Seasons::Status, "open")
            .set(Seasons::CreatedAt, now)
            .returning_id(tx)
            .await?;
        let change = Change::new(
            municipality_id,
            actor,
            "premises.season.create",
            "premises_season",
            id,
            s.name.clone(),
        );
        Ok::<_, sqlx::Error>((id, change))
    })
    .await
}

/// A room of the municipality's own premises (the ones seasons allocate).
#[derive(Clone, Debug)]
pub struct MunicipalRoom {
    pub id: RoomId,
    /// "Stora salen, Täljstenen".
    pub name: String,
    pub capacity: i64,
}

/// The rooms of the municipality's own premises (premises without an organisation), by
/// premises and room name.
pub async fn municipal_rooms(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<MunicipalRoom>, sqlx::Error> {
    let rows: Vec<(RoomId, String, String, i64)> = sqlx::query_as(
        "SELECT r.id, r.name, p.name, r.capacity FROM premises_rooms r JOIN premises p ON p.id = r.premises_id \
         WHERE r.municipality_id = $1 AND p.municipality_id = $1 AND p.organisation_id IS NULL \
         AND r.retired_at IS NULL AND p.retired_at IS NULL",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v: Vec<MunicipalRoom> = rows
        .into_iter()
        .map(|(id, room, premises, capacity)| MunicipalRoom {
            id,
            name: format!("{room}, {premises}"),
            capacity,
        })
        .collect();
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name));
    Ok(v)
}

/// A room of the municipality's own premises with its opening hours, or None.
pub async fn municipal_room(db: &Db, municipality_id: MunicipalityId, id: RoomId) -> Result<Option<Room>, sqlx::Error> {
    Ok(inventory::room(db, municipality_id, id)
        .await?
        .filter(|r| r.organisation_id.is_none() && r.retired_at.is_none()))
}

#[derive(Clone, Debug)]
pub struct Application {
    pub id: i64,
    pub room_id: RoomId,
    /// "Stora salen, Täljstenen".
    pub room_name: String,
    pub organisation_id: Option<OrganisationId>,
    pub user_id: Option<UserId>,
    pub booker_name: String,
    pub email: String,
    pub weekday: i64,
    pub start_min: i64,
    pub end_min: i64,
    pub target_group: TargetGroup,
    pub attendees: i64,
    pub note: String,
    pub status: Decision,
    pub reason: String,
    pub series_id: Option<i64>,
    pub created_at: i64,
    /// When the decision was published (told to the applicant); None before.
    pub decided_at: Option<i64>,
}

impl Application {
    /// What the priority rules look at.
    pub fn facts(&self) -> sd::Application {
        sd::Application {
            id: self.id,
            room_id: self.room_id,
            weekday: self.weekday,
            start_min: self.start_min,
            end_min: self.end_min,
            target_group: self.target_group,
            attendees: self.attendees,
            created_at: self.created_at,
        }
    }
    /// "18:00–20:00".
    pub fn time(&self) -> String {
        format!("{}–{}", domain::hhmm(self.start_min), domain::hhmm(self.end_min))
    }
}

const APP_COLS: &str = "a.id, a.room_id, r.name, p.name, a.organisation_id, a.user_id, a.booker_name, a.email, \
    a.weekday, a.start_min, a.end_min, a.target_group, a.attendees, a.note, a.status, a.reason, a.series_id, \
    a.created_at, a.decided_at";
const APP_FROM: &str =
    "premises_applications a JOIN premises_rooms r ON r.id = a.room_id JOIN premises p ON p.id = r.premises_id";

fn application_of(r: &AnyRow) -> Result<Application, sqlx::Error> {
    let room: String = r.try_get(2)?;
    let premises: String = r.try_get(3)?;
    let group: String = r.try_get(11)?;
    let status: String = r.try_get(14)?;
    Ok(Application {
        id: r.try_get(0)?,
        room_id: r.try_get(1)?,
        room_name: format!("{room}, {premises}"),
        organisation_id: r.try_get(4)?,
        user_id: r.try_get(5)?,
        booker_name: r.try_get(6)?,
        email: r.try_get(7)?,
        weekday: r.try_get(8)?,
        start_min: r.try_get(9)?,
        end_min: r.try_get(10)?,
        target_group: TargetGroup::parse(&group).unwrap_or(TargetGroup::Mixed),
        attendees: r.try_get(12)?,
        note: r.try_get(13)?,
        status: Decision::parse(&status).unwrap_or(Decision::Pending),
        reason: r.try_get(15)?,
        series_id: r.try_get(16)?,
        created_at: r.try_get(17)?,
        decided_at: r.try_get(18)?,
    })
}

/// A season's applications by room, weekday and time (one query).
pub async fn applications(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
) -> Result<Vec<Application>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {APP_COLS} FROM {APP_FROM} WHERE a.municipality_id = $1 AND a.season_id = $2 \
         ORDER BY p.name, r.sort_key, a.room_id, a.weekday, a.start_min, a.id"
    ))
    .bind(municipality_id)
    .bind(season_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(application_of)
    .collect()
}

/// A person's applications in a season.
pub async fn applications_of_user(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    user_id: UserId,
) -> Result<Vec<Application>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {APP_COLS} FROM {APP_FROM} WHERE a.municipality_id = $1 AND a.season_id = $2 AND a.user_id = $3 \
         ORDER BY a.weekday, a.start_min, a.id"
    ))
    .bind(municipality_id)
    .bind(season_id)
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(application_of)
    .collect()
}

/// Store an application on behalf of an organisation (`booker_name` is its name).
pub async fn apply(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    a: &NewApplication,
    booker_name: &str,
    user: &CurrentUser,
    now: i64,
) -> Result<i64, sqlx::Error> {
    insert_application(db, municipality_id, season_id, a, booker_name, Some(user), now).await
}

async fn insert_application(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    a: &NewApplication,
    booker_name: &str,
    user: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    db::write(db, now, async |tx| {
        let id: i64 = Insert::into(Applications::Table)
            .set(Applications::MunicipalityId, municipality_id)
            .set(Applications::SeasonId, season_id)
            .set(Applications::RoomId, a.room_id)
            .set(Applications::OrganisationId, a.organisation_id)
            .set(Applications::UserId, user.map(|u| u.id))
            .set(Applications::BookerName, booker_name)
            .set(Applications::Email, a.email.as_str())
            .set(Applications::Weekday, a.weekday)
            .set(Applications::StartMin, a.start_min)
            .set(Applications::EndMin, a.end_min)
            .set(Applications::TargetGroup, a.target_group.as_str())
            .set(Applications::Attendees, a.attendees)
            .set(Applications::Note, a.note.as_str())
            .set(Applications::Status, "pending")
            .set(Applications::CreatedAt, now)
            .returning_id(tx)
            .await?;
        let change = Change::new(
            municipality_id,
            user,
            "premises.season.apply",
            "premises_application",
            id,
            booker_name,
        );
        Ok::<_, sqlx::Error>((id, change))
    })
    .await
}

/// One association in the demo: its id, name and e-mail.
pub struct DemoApplicant<'a> {
    pub organisation_id: OrganisationId,
    pub name: &'a str,
    pub email: &'a str,
}

/// Demo data: an open season ("Vårsäsong 2027", 2027-01-11 to 2027-06-13, apply by 2026-12-20)
/// with applications for `room_id` (one of the municipality's own rooms, open on Tuesday
/// evenings and Wednesday mornings): the first two applicants ask for overlapping Tuesday
/// evenings (adults first, then children and youth, so the rule matters), the third for a
/// Wednesday morning. Fewer applicants, fewer applications. Returns the season's id.
pub async fn demo(
    db: &Db,
    municipality_id: MunicipalityId,
    room_id: RoomId,
    applicants: &[DemoApplicant<'_>],
    now: i64,
) -> Result<i64, sqlx::Error> {
    let season = NewSeason {
        name: "Vårsäsong 2027".into(),
        first_date: NaiveDate::from_ymd_opt(2027, 1, 11).unwrap_or_default(),
        last_date: NaiveDate::from_ymd_opt(2027, 6, 13).unwrap_or_default(),
        apply_until: NaiveDate::from_ymd_opt(2026, 12, 20).unwrap_or_default(),
    };
    let id = create_season(db, municipality_id, &season, None, now).await?;
    let times = [
        (2, 1080, 1200, TargetGroup::Adults, 18, "Schack och samtal."),
        (
            2,
            1110,
            1230,
            TargetGroup::ChildrenYouth,
            24,
            "Träning för ungdomslaget.",
        ),
        (3, 600, 720, TargetGroup::Seniors, 12, "Boule inomhus och fika."),
    ];
    for (i, (who, (weekday, start, end, group, attendees, note))) in applicants.iter().zip(times).enumerate() {
        let a = NewApplication {
            organisation_id: who.organisation_id,
            room_id,
            weekday,
            start_min: start,
            end_min: end,
            target_group: group,
            attendees,
            email: who.email.to_string(),
            note: note.to_string(),
        };
        insert_application(db, municipality_id, id, &a, who.name, None, now + i as i64 * 3600).await?;
    }
    Ok(id)
}

/// Save staff's decisions (id, decision, reason) and the rule they chose. Only applications of
/// the season whose result is not yet published change. Returns how many changed.
pub async fn save_decisions(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    rule: Rule,
    decisions: &[(i64, Decision, String)],
    actor: &CurrentUser,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let mut tx = db.write().await?;
    sqlx::query("UPDATE premises_seasons SET priority_rule = $1 WHERE municipality_id = $2 AND id = $3")
        .bind(rule.as_str())
        .bind(municipality_id)
        .bind(season_id)
        .execute(&mut *tx)
        .await?;
    let mut n = 0;
    for (id, d, reason) in decisions {
        n += sqlx::query(
            "UPDATE premises_applications SET status = $1, reason = $2 \
             WHERE municipality_id = $3 AND season_id = $4 AND id = $5 AND decided_at IS NULL",
        )
        .bind(d.as_str())
        .bind(reason)
        .bind(municipality_id)
        .bind(season_id)
        .bind(*id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "premises.season.decide",
            entity: "premises_season",
            entity_id: Some(season_id),
            summary: format!("{} ({n})", rule.as_str()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

/// Why an allocated application could not be booked at publication.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unbooked {
    /// Its times meet existing bookings on these dates.
    Taken(Vec<NaiveDate>),
    /// The room is closed (or the time does not exist) on these dates.
    Closed(Vec<NaiveDate>),
    /// No date of the season is left.
    NoDates,
}

/// What a publication did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Allocated and booked: (application, number of bookings).
    pub booked: Vec<(Application, usize)>,
    pub rejected: Vec<Application>,
    /// Allocated but not booked; these stay pending.
    pub unbooked: Vec<(Application, Unbooked)>,
}

/// The dates as `2027-01-12, 2027-01-19`.
pub fn dates_text(d: &[NaiveDate]) -> String {
    d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

/// The weekly slots of an application in the season from `today` on, leaving out the season's
/// holidays.
pub fn slots_of(
    season: &Season,
    a: &Application,
    room: &Room,
    holidays: &[Holiday],
    today: NaiveDate,
) -> Result<Vec<Slot>, Unbooked> {
    let (Some(first), Some(last), Some(day)) = (
        domain::parse_date(&season.first_date),
        domain::parse_date(&season.last_date),
        sd::weekday(a.weekday),
    ) else {
        return Err(Unbooked::NoDates);
    };
    let start = sd::first_on(first.max(today), day);
    if start > last {
        return Err(Unbooked::NoDates);
    }
    let skipped = super::lifecycle::skipped(holidays, day, start, last);
    domain::weekly(
        start,
        last,
        a.start_min,
        a.end_min,
        &skipped,
        room.buffer_minutes,
        &room.hours,
    )
    .map_err(|problems| {
        let dates: Vec<NaiveDate> = problems
            .iter()
            .filter_map(|p| match p {
                SlotProblem::Closed(d) | SlotProblem::Skipped(d) => Some(*d),
                _ => None,
            })
            .collect();
        if dates.is_empty() {
            Unbooked::NoDates
        } else {
            Unbooked::Closed(dates)
        }
    })
}

/// Publish a season: book every allocated application whose result is not yet published as a
/// weekly series of confirmed bookings (whatever the room's booking mode), tell the rejected
/// ones why, and e-mail every applicant the result, all in one transaction. An allocated
/// application that meets an existing booking (or cannot be booked for another reason) is
/// rolled back alone, stays pending with the reason and is named in the report.
/// `reason_of(unbooked)` words the reason stored for such an application.
#[allow(clippy::too_many_arguments)]
pub async fn publish(
    db: &Db,
    letters: &Letters,
    municipality_id: MunicipalityId,
    season: &Season,
    actor: &CurrentUser,
    reason_of: &(dyn Fn(&Unbooked) -> String + Sync),
    now: i64,
) -> Result<Report, sqlx::Error> {
    let today = domain::local_date(now);
    let apps: Vec<Application> = applications(db, municipality_id, season.id)
        .await?
        .into_iter()
        .filter(|a| a.decided_at.is_none() && a.status != Decision::Pending)
        .collect();
    let mut rooms: HashMap<RoomId, Room> = HashMap::new();
    for a in &apps {
        if a.status == Decision::Allocated && !rooms.contains_key(&a.room_id) {
            if let Some(r) = inventory::room(db, municipality_id, a.room_id).await? {
                rooms.insert(a.room_id, r);
            }
        }
    }
    let holidays = super::lifecycle_store::holidays(db, municipality_id, season.id).await?;
    let mut report = Report::default();
    let mut tx = db.write().await?;
    for mut a in apps {
        // Claim the application: a second publication at the same moment finds it taken.
        let claimed = sqlx::query(
            "UPDATE premises_applications SET decided_at = $1 WHERE municipality_id = $2 AND id = $3 \
             AND decided_at IS NULL AND status = $4",
        )
        .bind(now)
        .bind(municipality_id)
        .bind(a.id)
        .bind(a.status.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            continue;
        }
        // The reason as it stands now that the application is ours (staff may have just saved).
        let (reason,): (String,) = sqlx::query_as("SELECT reason FROM premises_applications WHERE id = $1")
            .bind(a.id)
            .fetch_one(&mut *tx)
            .await?;
        a.reason = reason;
        if a.status == Decision::Rejected {
            mail_result(&mut tx, letters, municipality_id, season, &a, &[], None, now).await?;
            report.rejected.push(a);
            continue;
        }
        let booked = match rooms.get(&a.room_id) {
            None => Err(Unbooked::NoDates),
            Some(room) => match slots_of(season, &a, room, &holidays, today) {
                Err(u) => Err(u),
                Ok(slots) => book_series(&mut tx, municipality_id, season, &a, room, &slots, actor, now)
                    .await?
                    .map(|ids| (room, slots, ids)),
            },
        };
        match booked {
            Ok((room, slots, (series_id, ids))) => {
                sqlx::query("UPDATE premises_applications SET series_id = $1 WHERE id = $2")
                    .bind(series_id)
                    .bind(a.id)
                    .execute(&mut *tx)
                    .await?;
                let times: Vec<(i64, i64, i64)> = ids
                    .iter()
                    .zip(&slots)
                    .map(|(id, s)| (*id, s.starts_at, s.ends_at))
                    .collect();
                mail_result(&mut tx, letters, municipality_id, season, &a, &times, Some(room), now).await?;
                report.booked.push((a, ids.len()));
            }
            Err(u) => {
                sqlx::query(
                    "UPDATE premises_applications SET status = 'pending', reason = $1, decided_at = NULL WHERE id = $2",
                )
                .bind(reason_of(&u))
                .bind(a.id)
                .execute(&mut *tx)
                .await?;
                report.unbooked.push((a, u));
            }
        }
    }
    sqlx::query(
        "UPDATE premises_seasons SET status = 'published', published_at = $1 WHERE municipality_id = $2 AND id = $3",
    )
    .bind(now)
    .bind(municipality_id)
    .bind(season.id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "premises.season.publish",
            entity: "premises_season",
            entity_id: Some(season.id),
            summary: format!(
                "{}: {} booked, {} rejected, {} not booked",
                season.name,
                report.booked.len(),
                report.rejected.len(),
                report.unbooked.len()
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(report)
}

/// Book one application's slots as a weekly series of confirmed bookings inside a savepoint.
/// `Ok(Err(Taken))` when they meet existing bookings (the savepoint is rolled back).
#[allow(clippy::too_many_arguments)]
async fn book_series(
    tx: &mut platform::db::Tx,
    municipality_id: MunicipalityId,
    season: &Season,
    a: &Application,
    room: &Room,
    slots: &[Slot],
    actor: &CurrentUser,
    now: i64,
) -> Result<Result<(i64, Vec<i64>), Unbooked>, sqlx::Error> {
    if slots.is_empty() {
        return Ok(Err(Unbooked::NoDates));
    }
    let input = ps::BookingInput {
        user_id: a.user_id,
        organisation_id: a.organisation_id,
        kind: BookerKind::Association,
        booker_name: a.booker_name.clone(),
        email: a.email.clone(),
        purpose: season.name.clone(),
        attendees: a.attendees,
        public_title: None,
    };
    let mut sp = tx.begin().await?;
    let written = ps::write_slots(
        &mut sp,
        municipality_id,
        room.id,
        &input,
        slots,
        true,
        Status::Confirmed,
        Some(actor.id),
        now,
    )
    .await?;
    match written {
        Ok((Some(series_id), ids)) => {
            sp.commit().await?;
            Ok(Ok((series_id, ids)))
        }
        // A series row is always given, so there is always an id.
        Ok((None, _)) => {
            sp.rollback().await?;
            Ok(Err(Unbooked::NoDates))
        }
        Err(dates) => {
            sp.rollback().await?;
            Ok(Err(Unbooked::Taken(dates)))
        }
    }
}

/// The result to one applicant: allocated with the times (and a calendar file), or rejected with
/// the reason.
#[allow(clippy::too_many_arguments)]
async fn mail_result(
    conn: &mut sqlx::AnyConnection,
    l: &Letters,
    municipality_id: MunicipalityId,
    season: &Season,
    a: &Application,
    times: &[(i64, i64, i64)],
    room: Option<&Room>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let weekday = l.tr.t(&format!("seasons-weekdays-{}", a.weekday));
    let first = times.first().map(|t| platform::format::date(t.1)).unwrap_or_default();
    let last = times.last().map(|t| platform::format::date(t.1)).unwrap_or_default();
    let allocated = room.is_some();
    let (subject, body) = if allocated {
        ("seasons-mail-allocated-subject", "seasons-mail-allocated-body")
    } else {
        ("seasons-mail-rejected-subject", "seasons-mail-rejected-body")
    };
    // The arguments are not Send; they live only in this block, before the await.
    let (subject, body) = {
        let args = [
            ("name", a.booker_name.clone()),
            ("season", season.name.clone()),
            ("room", a.room_name.clone()),
            ("time", format!("{weekday} {}", a.time())),
            ("first", first),
            ("last", last),
            ("count", times.len().to_string()),
            ("reason", a.reason.clone()),
            ("link", format!("{}/lokaler/sasong/{}/ansok", l.base, season.id)),
        ];
        let args: Vec<(&str, &dyn std::fmt::Display)> = args.iter().map(|(k, v)| (*k, v as _)).collect();
        (l.tr.ta(subject, &args), l.tr.ta(body, &args))
    };
    let mut mail = Email::new(a.email.clone(), subject, body);
    if let Some(room) = room {
        let place = format!("{}, {}", room.full_name(), room.address);
        let events: Vec<Event> = times
            .iter()
            .map(|(id, s, e)| l.event(*id, *s, *e, &place, &room.full_name(), false))
            .collect();
        mail = mail.with_calendar("sasong.ics", ics::calendar(&room.full_name(), &events, now));
    }
    queue(conn, Some(municipality_id), &mail, now).await?;
    Ok(())
}
