//! Queries of series and meetings. Every function takes the municipality id (the tenant) and
//! filters by it; the jobs, which serve every tenant, read meetings by id.

use crate::domain::MeetingInput;
use crate::ids::{MeetingId, SeriesId};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, OnConstraint, Unique, Update};
use platform::MunicipalityId;
use sea_query::Expr;
use sqlx::AnyConnection;

#[derive(sea_query::Iden)]
#[iden = "meetings_series"]
enum SeriesTable {
    Table,
    Id,
    MunicipalityId,
    Name,
    Description,
    RemindDays,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_meetings"]
enum Meetings {
    Table,
    Id,
    MunicipalityId,
    SeriesId,
    Number,
    Title,
    Theme,
    GatheringAt,
    GatheringText,
    StartsAt,
    EndsAt,
    Place,
    RoomId,
    Accessibility,
    Agenda,
    Contacts,
    Capacity,
    RegistrationDeadline,
    ConsentText,
    InvitationText,
    RemindedAt,
    CreatedAt,
    UpdatedAt,
}

/// A series' name is unique in its municipality.
pub const SERIES_NAME: Unique = Unique {
    table: "meetings_series",
    columns: &["municipality_id", "name"],
};

/// A write that found nothing to change (rolled back, nothing recorded), or a database error.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("nothing to change")]
    NotFound,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// `None` when the write found nothing to change.
pub fn found<T>(r: Result<T, WriteError>) -> Result<Option<T>, sqlx::Error> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(WriteError::NotFound) => Ok(None),
        Err(WriteError::Db(e)) => Err(e),
    }
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Series {
    pub id: SeriesId,
    pub name: String,
    pub description: String,
    /// Days before a meeting that its reminder goes out (0: none).
    pub remind_days: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Meeting {
    pub id: MeetingId,
    pub municipality_id: MunicipalityId,
    pub series_id: SeriesId,
    pub series_name: String,
    pub number: Option<i64>,
    pub title: String,
    pub theme: String,
    pub gathering_at: Option<i64>,
    pub gathering_text: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub accessibility: String,
    pub agenda: String,
    pub contacts: String,
    pub capacity: Option<i64>,
    pub registration_deadline: Option<i64>,
    pub consent_text: String,
    pub invitation_text: String,
    /// A room of the premises capability.
    pub room_id: Option<premises::public::RoomId>,
    pub confirmed: i64,
    pub waiting: i64,
    pub minutes_published: i64,
    /// When the meeting was called off (see `changes`).
    pub cancelled_at: Option<i64>,
    /// What the coordinator told those registered when calling it off.
    pub cancel_message: String,
    /// How often its time or place changed or it was called off (iCalendar SEQUENCE).
    pub sequence: i64,
}

impl Meeting {
    pub fn seats_left(&self) -> Option<i64> {
        self.capacity.map(|c| (c - self.confirmed).max(0))
    }

    /// Whether one can register at `now`: not called off, before the deadline and the start.
    pub fn registration_open(&self, now: i64) -> bool {
        self.cancelled_at.is_none() && crate::domain::registration_open(self.registration_deadline, self.starts_at, now)
    }
}

const MEETING: &str = "SELECT m.id, m.municipality_id, m.series_id, s.name AS series_name, m.number, m.title, m.theme, \
     m.gathering_at, m.gathering_text, m.starts_at, m.ends_at, m.place, m.accessibility, m.agenda, m.contacts, \
     m.capacity, m.registration_deadline, m.consent_text, m.invitation_text, m.room_id, \
     (SELECT COUNT(*) FROM meetings_registrations r WHERE r.meeting_id = m.id AND r.status = 'confirmed') AS confirmed, \
     (SELECT COUNT(*) FROM meetings_registrations r WHERE r.meeting_id = m.id AND r.status = 'waiting') AS waiting, \
     (SELECT COUNT(*) FROM meetings_minutes n WHERE n.meeting_id = m.id AND n.published_at IS NOT NULL) AS minutes_published, \
     m.cancelled_at, m.cancel_message, m.sequence \
     FROM meetings_meetings m JOIN meetings_series s ON s.id = m.series_id";

pub async fn series(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Series>, sqlx::Error> {
    let mut v: Vec<Series> =
        sqlx::query_as("SELECT id, name, description, remind_days FROM meetings_series WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name));
    Ok(v)
}

pub async fn one_series(db: &Db, municipality_id: MunicipalityId, id: SeriesId) -> Result<Option<Series>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, description, remind_days FROM meetings_series WHERE municipality_id = $1 AND id = $2",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

#[derive(Debug, thiserror::Error)]
pub enum SeriesError {
    #[error("a series of that name exists")]
    Taken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn create_series(
    db: &Db,
    municipality_id: MunicipalityId,
    name: &str,
    description: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<SeriesId, SeriesError> {
    create_series_with(
        db,
        municipality_id,
        name,
        description,
        crate::domain::REMIND_DAYS,
        actor,
        now,
    )
    .await
}

/// A new series whose reminders go `remind_days` days before each meeting.
pub async fn create_series_with(
    db: &Db,
    municipality_id: MunicipalityId,
    name: &str,
    description: &str,
    remind_days: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<SeriesId, SeriesError> {
    db::write(db, now, async |tx| {
        let id: SeriesId = Insert::into(SeriesTable::Table)
            .set(SeriesTable::MunicipalityId, municipality_id)
            .set(SeriesTable::Name, name)
            .set(SeriesTable::Description, description)
            .set(SeriesTable::RemindDays, remind_days)
            .set(SeriesTable::CreatedAt, now)
            .returning_id(tx)
            .await
            .on_unique(SERIES_NAME, || SeriesError::Taken)?;
        let change = Change::new(
            municipality_id,
            actor,
            "meetings.series.create",
            "meetings_series",
            id,
            name,
        );
        Ok((id, change))
    })
    .await
}

/// Every meeting of the municipality (optionally of one series), earliest first.
pub async fn meetings(
    db: &Db,
    municipality_id: MunicipalityId,
    series_id: Option<SeriesId>,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let sql =
        format!("{MEETING} WHERE m.municipality_id = $1 AND ($2 = 0 OR m.series_id = $2) ORDER BY m.starts_at, m.id");
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(series_id.map(SeriesId::get).unwrap_or(0))
        .fetch_all(&db.pool)
        .await
}

/// The municipality's next `n` meetings that are not called off and have not ended by `now`,
/// earliest first (the start page).
pub async fn upcoming(db: &Db, municipality_id: MunicipalityId, now: i64, n: i64) -> Result<Vec<Meeting>, sqlx::Error> {
    let sql = format!(
        "{MEETING} WHERE m.municipality_id = $1 AND m.cancelled_at IS NULL AND m.ends_at > $2 \
         ORDER BY m.starts_at, m.id LIMIT $3"
    );
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(now)
        .bind(n)
        .fetch_all(&db.pool)
        .await
}

/// The municipality's `n` latest meetings with published minutes, latest first (the start page).
pub async fn latest_minutes(db: &Db, municipality_id: MunicipalityId, n: i64) -> Result<Vec<Meeting>, sqlx::Error> {
    let sql = format!(
        "{MEETING} WHERE m.municipality_id = $1 AND EXISTS (SELECT 1 FROM meetings_minutes p \
         WHERE p.meeting_id = m.id AND p.published_at IS NOT NULL) ORDER BY m.starts_at DESC, m.id DESC LIMIT $2"
    );
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(n)
        .fetch_all(&db.pool)
        .await
}

/// How many meetings each municipality has held (ended by `now`, not called off): the front page.
pub async fn held_per_municipality(db: &Db, now: i64) -> Result<Vec<(MunicipalityId, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT municipality_id, COUNT(*) FROM meetings_meetings WHERE cancelled_at IS NULL AND ends_at <= $1 \
         GROUP BY municipality_id",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await
}

/// `1,2,3` for an `IN (…)` of ids (numbers only, never text from outside).
pub(crate) fn id_list<T: Copy + Into<i64>>(ids: &[T]) -> String {
    ids.iter().map(|&i| i.into().to_string()).collect::<Vec<_>>().join(",")
}

/// Meetings by id, across municipalities (for the jobs, which serve every tenant).
pub async fn meetings_by_id(db: &Db, ids: &[MeetingId]) -> Result<Vec<Meeting>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!("{MEETING} WHERE m.id IN ({})", id_list(ids));
    sqlx::query_as(&sql).fetch_all(&db.pool).await
}

/// The meetings due a reminder: not called off, not yet reminded, starting after `now` and no
/// later than their series' lead time from now (a series with no lead time sends none).
pub async fn due_reminders(db: &Db, now: i64) -> Result<Vec<(MeetingId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.id, t.slug FROM meetings_meetings m JOIN municipalities t ON t.id = m.municipality_id \
         JOIN meetings_series s ON s.id = m.series_id \
         WHERE m.reminded_at IS NULL AND m.cancelled_at IS NULL AND s.remind_days > 0 \
         AND m.starts_at > $1 AND m.starts_at <= $1 + s.remind_days * $2 ORDER BY m.id",
    )
    .bind(now)
    .bind(24 * 3600_i64)
    .fetch_all(&db.pool)
    .await
}

/// Claim a meeting's reminder in the caller's transaction; `false` when another run has.
pub async fn claim_reminder(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    id: MeetingId,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let n = Update::table(Meetings::Table)
        .set(Meetings::RemindedAt, now)
        .filter(Meetings::MunicipalityId, municipality_id)
        .filter(Meetings::Id, id)
        .filter_expr(Expr::col(Meetings::RemindedAt).is_null())
        .run(tx)
        .await?;
    Ok(n == 1)
}

pub async fn meeting(db: &Db, municipality_id: MunicipalityId, id: MeetingId) -> Result<Option<Meeting>, sqlx::Error> {
    let sql = format!("{MEETING} WHERE m.municipality_id = $1 AND m.id = $2");
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// A meeting read in the caller's transaction (with the counts as the transaction sees them).
pub async fn meeting_in(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    id: MeetingId,
) -> Result<Option<Meeting>, sqlx::Error> {
    let sql = format!("{MEETING} WHERE m.municipality_id = $1 AND m.id = $2");
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
}

/// The job kind of the reminder run (see `reminders`).
pub const REMINDERS_JOB: &str = "meetings.reminders";

/// In the caller's transaction: queue the reminder run now unless one is waiting.
pub async fn ensure_reminders(tx: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    platform::jobs::ensure(tx, REMINDERS_JOB, now, now).await
}

/// Write a meeting in the caller's transaction (new when `id` is `None`) and make sure the
/// reminder run is queued. `None` when `id` is not a meeting of the municipality. A changed start
/// time means a new reminder.
pub async fn write_meeting(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    id: Option<MeetingId>,
    m: &MeetingInput,
    now: i64,
) -> Result<Option<MeetingId>, sqlx::Error> {
    macro_rules! fields {
        ($q:expr) => {
            $q.set(Meetings::SeriesId, m.series_id)
                .set(Meetings::Number, m.number)
                .set(Meetings::Title, m.title.as_str())
                .set(Meetings::Theme, m.theme.as_str())
                .set(Meetings::GatheringAt, m.gathering_at)
                .set(Meetings::GatheringText, m.gathering_text.as_str())
                .set(Meetings::StartsAt, m.starts_at)
                .set(Meetings::EndsAt, m.ends_at)
                .set(Meetings::Place, m.place.as_str())
                .set(Meetings::RoomId, m.room_id)
                .set(Meetings::Accessibility, m.accessibility.as_str())
                .set(Meetings::Agenda, m.agenda.as_str())
                .set(Meetings::Contacts, m.contacts.as_str())
                .set(Meetings::Capacity, m.capacity)
                .set(Meetings::RegistrationDeadline, m.registration_deadline)
                .set(Meetings::ConsentText, m.consent_text.as_str())
                .set(Meetings::InvitationText, m.invitation_text.as_str())
                .set(Meetings::UpdatedAt, now)
        };
    }
    let id = match id {
        None => {
            let insert = Insert::into(Meetings::Table)
                .set(Meetings::MunicipalityId, municipality_id)
                .set(Meetings::CreatedAt, now);
            fields!(insert).returning_id::<MeetingId>(tx).await?
        }
        Some(id) => {
            let update = Update::table(Meetings::Table).set(
                Meetings::RemindedAt,
                Expr::case(
                    Expr::col(Meetings::StartsAt).eq(m.starts_at),
                    Expr::col(Meetings::RemindedAt),
                )
                .finally(Expr::val(None::<i64>)),
            );
            let done = fields!(update)
                .filter(Meetings::MunicipalityId, municipality_id)
                .filter(Meetings::Id, id)
                .run(tx)
                .await?;
            if done != 1 {
                return Ok(None);
            }
            id
        }
    };
    ensure_reminders(tx, now).await?;
    Ok(Some(id))
}

/// Save a meeting in its own write (new when `id` is `None`). `None` when `id` is not a meeting
/// of the municipality.
pub async fn save_meeting(
    db: &Db,
    municipality_id: MunicipalityId,
    id: Option<MeetingId>,
    m: &MeetingInput,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<MeetingId>, sqlx::Error> {
    found(
        db::write(db, now, async |tx| {
            let id = write_meeting(tx, municipality_id, id, m, now)
                .await?
                .ok_or(WriteError::NotFound)?;
            let change = Change::new(
                municipality_id,
                actor,
                "meetings.meeting.save",
                "meetings_meeting",
                id,
                &m.title,
            );
            Ok((id, change))
        })
        .await,
    )
}

/// Change how many days before its meetings a series' reminders go out. `false` when the series
/// is not the municipality's.
pub async fn set_remind_days(
    db: &Db,
    municipality_id: MunicipalityId,
    id: SeriesId,
    days: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = found(
        db::write(db, now, async |tx| {
            let n = Update::table(SeriesTable::Table)
                .set(SeriesTable::RemindDays, days)
                .filter(SeriesTable::MunicipalityId, municipality_id)
                .filter(SeriesTable::Id, id)
                .run(tx)
                .await?;
            if n != 1 {
                return Err(WriteError::NotFound);
            }
            let change = Change::new(
                municipality_id,
                actor,
                "meetings.series.remind_days",
                "meetings_series",
                id,
                format!("{days} dagar"),
            );
            Ok(((), change))
        })
        .await,
    )?;
    Ok(done.is_some())
}
