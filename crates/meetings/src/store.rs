//! Queries. Every function takes the municipality id (the tenant) and filters by it.

use crate::domain::{MeetingInput, Party, RegistrationInput, Status};
use crate::letters::Letters;
use crate::mail;
use platform::audit::{self, Change};
use platform::auth::{token_hash, CurrentUser};
use platform::db::{Backend, Db, Tx};
#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Series {
    pub id: i64,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Meeting {
    pub id: i64,
    pub series_id: i64,
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
    pub premises_id: Option<i64>,
    pub confirmed: i64,
    pub waiting: i64,
    pub minutes_published: i64,
}

impl Meeting {
    pub fn seats_left(&self) -> Option<i64> {
        self.capacity.map(|c| (c - self.confirmed).max(0))
    }
}

const MEETING: &str = "SELECT m.id, m.series_id, s.name AS series_name, m.number, m.title, m.theme, m.gathering_at, \
     m.gathering_text, m.starts_at, m.ends_at, m.place, m.accessibility, m.agenda, m.contacts, m.capacity, \
     m.registration_deadline, m.consent_text, m.invitation_text, m.premises_id, \
     (SELECT COUNT(*) FROM meetings_registrations r WHERE r.meeting_id = m.id AND r.status = 'confirmed') AS confirmed, \
     (SELECT COUNT(*) FROM meetings_registrations r WHERE r.meeting_id = m.id AND r.status = 'waiting') AS waiting, \
     (SELECT COUNT(*) FROM meetings_minutes n WHERE n.meeting_id = m.id AND n.published_at IS NOT NULL) AS minutes_published \
     FROM meetings_meetings m JOIN meetings_series s ON s.id = m.series_id";

pub async fn series(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Series>, sqlx::Error> {
    let mut v: Vec<Series> =
        sqlx::query_as("SELECT id, name, description FROM meetings_series WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name));
    Ok(v)
}

pub async fn one_series(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Series>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, description FROM meetings_series WHERE municipality_id = $1 AND id = $2")
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

pub async fn create_series(
    db: &Db,
    municipality_id: MunicipalityId,
    name: &str,
    description: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_series (municipality_id, name, description, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(municipality_id)
    .bind(name)
    .bind(description)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "meetings.series.create",
            entity: "meetings_series",
            entity_id: Some(id),
            summary: name.to_string(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Every meeting of the municipality (optionally of one series), earliest first.
pub async fn meetings(
    db: &Db,
    municipality_id: MunicipalityId,
    series_id: Option<i64>,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let sql =
        format!("{MEETING} WHERE m.municipality_id = $1 AND ($2 = 0 OR m.series_id = $2) ORDER BY m.starts_at, m.id");
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(series_id.unwrap_or(0))
        .fetch_all(&db.pool)
        .await
}

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

/// Meetings by id, across municipalities (for the jobs, which serve every tenant).
pub async fn meetings_by_id(db: &Db, ids: &[i64]) -> Result<Vec<Meeting>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!("{MEETING} WHERE m.id IN ({})", id_list(ids));
    sqlx::query_as(&sql).fetch_all(&db.pool).await
}

/// Those with a seat and an address at these meetings: (meeting id, name, e-mail).
pub async fn seated_by_meeting(db: &Db, ids: &[i64]) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    sqlx::query_as(&format!(
        "SELECT meeting_id, name, email FROM meetings_registrations \
         WHERE meeting_id IN ({}) AND status = 'confirmed' AND email <> '' ORDER BY id",
        id_list(ids)
    ))
    .fetch_all(&db.pool)
    .await
}

pub async fn meeting(db: &Db, municipality_id: MunicipalityId, id: i64) -> Result<Option<Meeting>, sqlx::Error> {
    let sql = format!("{MEETING} WHERE m.municipality_id = $1 AND m.id = $2");
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

async fn meeting_in(tx: &mut Tx, municipality_id: MunicipalityId, id: i64) -> Result<Option<Meeting>, sqlx::Error> {
    let sql = format!("{MEETING} WHERE m.municipality_id = $1 AND m.id = $2");
    sqlx::query_as(&sql)
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// Save a meeting (new when `id` is `None`). Returns its id.
pub async fn save_meeting(
    db: &Db,
    municipality_id: MunicipalityId,
    id: Option<i64>,
    m: &MeetingInput,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.write().await?;
    let id = match id {
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO meetings_meetings (municipality_id, series_id, number, title, theme, gathering_at, \
                 gathering_text, starts_at, ends_at, place, accessibility, agenda, contacts, capacity, \
                 registration_deadline, consent_text, invitation_text, premises_id, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $19, $18, $18) RETURNING id",
            )
            .bind(municipality_id)
            .bind(m.series_id)
            .bind(m.number)
            .bind(&m.title)
            .bind(&m.theme)
            .bind(m.gathering_at)
            .bind(&m.gathering_text)
            .bind(m.starts_at)
            .bind(m.ends_at)
            .bind(&m.place)
            .bind(&m.accessibility)
            .bind(&m.agenda)
            .bind(&m.contacts)
            .bind(m.capacity)
            .bind(m.registration_deadline)
            .bind(&m.consent_text)
            .bind(&m.invitation_text)
            .bind(now)
            .bind(m.premises_id)
            .fetch_one(&mut *tx)
            .await?;
            id
        }
        Some(id) => {
            let done = sqlx::query(
                "UPDATE meetings_meetings SET series_id = $3, number = $4, title = $5, theme = $6, gathering_at = $7, \
                 gathering_text = $8, starts_at = $9, ends_at = $10, place = $11, accessibility = $12, agenda = $13, \
                 contacts = $14, capacity = $15, registration_deadline = $16, consent_text = $17, \
                 invitation_text = $18, updated_at = $19, premises_id = $20, \
                 reminded_at = CASE WHEN starts_at = $9 THEN reminded_at ELSE NULL END \
                 WHERE municipality_id = $1 AND id = $2",
            )
            .bind(municipality_id)
            .bind(id)
            .bind(m.series_id)
            .bind(m.number)
            .bind(&m.title)
            .bind(&m.theme)
            .bind(m.gathering_at)
            .bind(&m.gathering_text)
            .bind(m.starts_at)
            .bind(m.ends_at)
            .bind(&m.place)
            .bind(&m.accessibility)
            .bind(&m.agenda)
            .bind(&m.contacts)
            .bind(m.capacity)
            .bind(m.registration_deadline)
            .bind(&m.consent_text)
            .bind(&m.invitation_text)
            .bind(now)
            .bind(m.premises_id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Ok(None);
            }
            id
        }
    };
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "meetings.meeting.save",
            entity: "meetings_meeting",
            entity_id: Some(id),
            summary: m.title.clone(),
        },
        now,
    )
    .await?;
    crate::reminders::ensure(&mut tx, now).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// Lock the meeting's row until the transaction ends (PostgreSQL). On SQLite the write
/// transaction (`BEGIN IMMEDIATE`) already holds the only write lock.
async fn lock_meeting(
    tx: &mut Tx,
    backend: Backend,
    municipality_id: MunicipalityId,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let sql = match backend {
        Backend::Postgres => "SELECT id FROM meetings_meetings WHERE municipality_id = $1 AND id = $2 FOR UPDATE",
        Backend::Sqlite => "SELECT id FROM meetings_meetings WHERE municipality_id = $1 AND id = $2",
    };
    let row: Option<(i64,)> = sqlx::query_as(sql)
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.is_some())
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("no such meeting")]
    NotFound,
    #[error("registration is closed")]
    Closed,
    #[error("already registered")]
    Already,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Register for a meeting: a seat while there are seats, otherwise the waiting list. The
/// meeting is locked for the count and the insert, so concurrent registrations never exceed the
/// capacity. The confirmation (with the .ics and the cancellation link) is queued in the same
/// transaction. Returns the registration's id and status.
pub async fn register(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    r: &RegistrationInput,
    token: &str,
    letters: &Letters,
    now: i64,
) -> Result<(i64, Status), RegisterError> {
    let mut tx = db.write().await?;
    if !lock_meeting(&mut tx, db.backend, municipality_id, meeting_id).await? {
        return Err(RegisterError::NotFound);
    }
    let m = meeting_in(&mut tx, municipality_id, meeting_id)
        .await?
        .ok_or(RegisterError::NotFound)?;
    if !crate::domain::registration_open(m.registration_deadline, m.starts_at, now) {
        return Err(RegisterError::Closed);
    }
    let status = crate::domain::seat_for(m.capacity, m.confirmed);
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO meetings_registrations (municipality_id, meeting_id, name, email, organisation, party, dietary, \
         accessibility, status, consent_text, cancel_token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .bind(&r.name)
    .bind(&r.email)
    .bind(&r.organisation)
    .bind(r.party.as_str())
    .bind(&r.dietary)
    .bind(&r.accessibility)
    .bind(status.as_str())
    .bind(&m.consent_text)
    .bind(token_hash(token))
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let (id,) = match inserted {
        Ok(row) => row,
        Err(e) if platform::db::is_unique_violation(&e) => return Err(RegisterError::Already),
        Err(e) => return Err(e.into()),
    };
    mail::queue(
        &mut tx,
        municipality_id,
        &letters.registered(&m, &r.name, &r.email, status, token),
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: None,
            action: "meetings.registration.create",
            entity: "meetings_registration",
            entity_id: Some(id),
            summary: format!("{}: {}", m.title, status.as_str()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((id, status))
}

/// A registration as its cancellation link shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ByToken {
    pub id: i64,
    pub meeting_id: i64,
    pub name: String,
    pub status: String,
}

pub async fn by_token(db: &Db, municipality_id: MunicipalityId, token: &str) -> Result<Option<ByToken>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, meeting_id, name, status FROM meetings_registrations \
         WHERE municipality_id = $1 AND cancel_token_hash = $2",
    )
    .bind(municipality_id)
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

/// Cancel a registration by its link's token. When a seat frees up, the first on the waiting
/// list gets it and a mail with a new cancellation link and the calendar file. Returns the
/// meeting's id, or `None` when the token is unknown or already used.
pub async fn cancel(
    db: &Db,
    municipality_id: MunicipalityId,
    token: &str,
    new_token: &(dyn Fn() -> String + Sync),
    letters: &Letters,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let hash = token_hash(token);
    let mut tx = db.write().await?;
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT meeting_id FROM meetings_registrations WHERE municipality_id = $1 AND cancel_token_hash = $2",
    )
    .bind(municipality_id)
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((meeting_id,)) = found else {
        return Ok(None);
    };
    lock_meeting(&mut tx, db.backend, municipality_id, meeting_id).await?;
    let row: Option<(i64, String, String, String)> = sqlx::query_as(
        "UPDATE meetings_registrations SET status = 'cancelled', cancelled_at = $3 \
         WHERE municipality_id = $1 AND cancel_token_hash = $2 AND status <> 'cancelled' \
         RETURNING id, status, name, email",
    )
    .bind(municipality_id)
    .bind(&hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, _, name, email)) = row else {
        return Ok(None);
    };
    let Some(m) = meeting_in(&mut tx, municipality_id, meeting_id).await? else {
        return Ok(None);
    };
    if !email.is_empty() {
        mail::queue(&mut tx, municipality_id, &letters.cancelled(&m, &name, &email), now).await?;
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: None,
            action: "meetings.registration.cancel",
            entity: "meetings_registration",
            entity_id: Some(id),
            summary: m.title.clone(),
        },
        now,
    )
    .await?;
    promote(&mut tx, municipality_id, &m, new_token, letters, now).await?;
    tx.commit().await?;
    Ok(Some(meeting_id))
}

/// Give free seats to the waiting list, first come first served (the meeting is locked).
async fn promote(
    tx: &mut Tx,
    municipality_id: MunicipalityId,
    m: &Meeting,
    new_token: &(dyn Fn() -> String + Sync),
    letters: &Letters,
    now: i64,
) -> Result<(), sqlx::Error> {
    let free = match m.capacity {
        Some(c) => (c - m.confirmed).max(0),
        None => m.waiting,
    };
    if free == 0 {
        return Ok(());
    }
    let next: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, name, email FROM meetings_registrations \
         WHERE municipality_id = $1 AND meeting_id = $2 AND status = 'waiting' ORDER BY id LIMIT $3",
    )
    .bind(municipality_id)
    .bind(m.id)
    .bind(free)
    .fetch_all(&mut **tx)
    .await?;
    for (id, name, email) in next {
        let token = new_token();
        sqlx::query(
            "UPDATE meetings_registrations SET status = 'confirmed', cancel_token_hash = $3 \
             WHERE municipality_id = $1 AND id = $2",
        )
        .bind(municipality_id)
        .bind(id)
        .bind(token_hash(&token))
        .execute(&mut **tx)
        .await?;
        if !email.is_empty() {
            mail::queue(tx, municipality_id, &letters.promoted(m, &name, &email, &token), now).await?;
        }
        audit::record(
            tx,
            Change {
                municipality_id: Some(municipality_id),
                actor: None,
                action: "meetings.registration.promote",
                entity: "meetings_registration",
                entity_id: Some(id),
                summary: m.title.clone(),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// After the capacity was raised: give the free seats to the waiting list, first come first
/// served, each with a mail and a new cancellation link.
pub async fn fill_free_seats(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    new_token: &(dyn Fn() -> String + Sync),
    letters: &Letters,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    if !lock_meeting(&mut tx, db.backend, municipality_id, meeting_id).await? {
        return Ok(());
    }
    if let Some(m) = meeting_in(&mut tx, municipality_id, meeting_id).await? {
        promote(&mut tx, municipality_id, &m, new_token, letters, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The municipality's premises in the registry, as meeting places.
pub async fn premises(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<crate::domain::Premises>, sqlx::Error> {
    type Row = (i64, String, String, String, i64, i64, i64, i64, i64);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT p.id, p.name, p.address, o.name, p.ground_floor, p.step_free, p.lift, p.accessible_toilet, p.hearing_loop \
         FROM registry_premises p JOIN organisations o ON o.id = p.organisation_id \
         WHERE o.municipality_id = $1 ORDER BY o.name, p.position, p.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::domain::Premises {
            id: r.0,
            name: r.1,
            address: r.2,
            organisation: r.3,
            ground_floor: r.4 == 1,
            step_free: r.5 == 1,
            lift: r.6 == 1,
            accessible_toilet: r.7 == 1,
            hearing_loop: r.8 == 1,
        })
        .collect())
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Registration {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub party: String,
    pub dietary: String,
    pub accessibility: String,
    pub status: String,
    pub attended: Option<i64>,
    pub created_at: i64,
}

impl Registration {
    pub fn party(&self) -> Party {
        Party::parse(&self.party).unwrap_or(Party::Guest)
    }
    pub fn status(&self) -> Status {
        Status::parse(&self.status)
    }
}

/// A meeting's registrations (not the cancelled ones): confirmed first, then the waiting list,
/// each in the order they came.
pub async fn registrations(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
) -> Result<Vec<Registration>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, email, organisation, party, dietary, accessibility, status, attended, created_at \
         FROM meetings_registrations WHERE municipality_id = $1 AND meeting_id = $2 AND status <> 'cancelled' \
         ORDER BY CASE status WHEN 'confirmed' THEN 0 ELSE 1 END, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

/// Mark who came: every confirmed registration of the meeting is present when its id is in
/// `present`, absent otherwise.
pub async fn mark_attendance(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    present: &[i64],
    actor: &CurrentUser,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    let ids: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM meetings_registrations WHERE municipality_id = $1 AND meeting_id = $2 AND status = 'confirmed'",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE meetings_registrations SET attended = 0 WHERE municipality_id = $1 AND meeting_id = $2 AND status = 'confirmed'",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .execute(&mut *tx)
    .await?;
    let chosen: Vec<i64> = ids.into_iter().map(|r| r.0).filter(|id| present.contains(id)).collect();
    if !chosen.is_empty() {
        let list = chosen.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        sqlx::query(&format!(
            "UPDATE meetings_registrations SET attended = 1 WHERE municipality_id = $1 AND meeting_id = $2 AND id IN ({list})"
        ))
        .bind(municipality_id)
        .bind(meeting_id)
        .execute(&mut *tx)
        .await?;
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "meetings.attendance.mark",
            entity: "meetings_meeting",
            entity_id: Some(meeting_id),
            summary: format!("{} närvarande", chosen.len()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Per party: (registered with a seat, present).
pub async fn by_party(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
) -> Result<Vec<(Party, i64, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT party, COUNT(*), COALESCE(SUM(CASE WHEN attended = 1 THEN 1 ELSE 0 END), 0) \
         FROM meetings_registrations WHERE municipality_id = $1 AND meeting_id = $2 AND status = 'confirmed' \
         GROUP BY party",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Party::ALL
        .into_iter()
        .map(|p| {
            let (n, a) = rows
                .iter()
                .find(|r| r.0 == p.as_str())
                .map(|r| (r.1, r.2))
                .unwrap_or((0, 0));
            (p, n, a)
        })
        .collect())
}

// --- Group discussions ---

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Answer {
    pub id: i64,
    pub question_id: i64,
    pub group_name: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    pub text: String,
    pub summary: String,
    pub answers: Vec<Answer>,
}

/// The questions of a meeting's group discussions with each group's answers (two queries).
pub async fn questions(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
) -> Result<Vec<Question>, sqlx::Error> {
    let qs: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT id, position, text, summary FROM meetings_questions \
         WHERE municipality_id = $1 AND meeting_id = $2 ORDER BY position, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    let answers: Vec<Answer> = sqlx::query_as(
        "SELECT a.id, a.question_id, a.group_name, a.text FROM meetings_answers a \
         JOIN meetings_questions q ON q.id = a.question_id \
         WHERE a.municipality_id = $1 AND q.meeting_id = $2 ORDER BY a.id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(qs
        .into_iter()
        .map(|(id, position, text, summary)| Question {
            id,
            position,
            text,
            summary,
            answers: answers.iter().filter(|a| a.question_id == id).cloned().collect(),
        })
        .collect())
}

async fn audit_change(
    tx: &mut Tx,
    municipality_id: MunicipalityId,
    actor: Option<&CurrentUser>,
    action: &str,
    meeting_id: i64,
    summary: String,
    now: i64,
) -> Result<(), sqlx::Error> {
    audit::record(
        tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action,
            entity: "meetings_meeting",
            entity_id: Some(meeting_id),
            summary,
        },
        now,
    )
    .await
}

pub async fn add_question(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    text: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.write().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_questions (municipality_id, meeting_id, position, text) \
         SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3 FROM meetings_questions WHERE meeting_id = $2 RETURNING id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .bind(text)
    .fetch_one(&mut *tx)
    .await?;
    audit_change(
        &mut tx,
        municipality_id,
        actor,
        "meetings.question.add",
        meeting_id,
        text.to_string(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Add a group's answer to a question of this meeting; `false` when the question is not one.
#[allow(clippy::too_many_arguments)] // the tenant, the meeting, the fields, who and when
pub async fn add_answer(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    question_id: i64,
    group_name: &str,
    text: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let done = sqlx::query(
        "INSERT INTO meetings_answers (municipality_id, question_id, group_name, text, created_at) \
         SELECT $1, id, $4, $5, $6 FROM meetings_questions WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .bind(question_id)
    .bind(group_name)
    .bind(text)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    audit_change(
        &mut tx,
        municipality_id,
        actor,
        "meetings.answer.add",
        meeting_id,
        group_name.to_string(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub async fn set_summary(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    question_id: i64,
    summary: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let done = sqlx::query(
        "UPDATE meetings_questions SET summary = $4 WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .bind(question_id)
    .bind(summary)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    audit_change(
        &mut tx,
        municipality_id,
        actor,
        "meetings.summary.save",
        meeting_id,
        format!("fråga {question_id}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

// --- Minutes ---

#[derive(Clone, Debug, Default, sqlx::FromRow)]
pub struct Minutes {
    pub present: String,
    pub guests: String,
    pub next_meeting: String,
    pub written_by: String,
    pub published_at: Option<i64>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Item {
    pub id: i64,
    pub heading: String,
    pub body: String,
    pub decision: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Assignment {
    pub id: i64,
    pub who: String,
    pub what: String,
    pub due_on: Option<String>,
    pub activity_id: Option<i64>,
    pub activity_text: Option<String>,
}

pub async fn minutes(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
) -> Result<Option<Minutes>, sqlx::Error> {
    sqlx::query_as(
        "SELECT present, guests, next_meeting, written_by, published_at FROM meetings_minutes \
         WHERE municipality_id = $1 AND meeting_id = $2",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_optional(&db.pool)
    .await
}

pub async fn items(db: &Db, municipality_id: MunicipalityId, meeting_id: i64) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, heading, body, decision FROM meetings_items WHERE municipality_id = $1 AND meeting_id = $2 \
         ORDER BY position, id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

pub async fn assignments(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
) -> Result<Vec<Assignment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.who, a.what, a.due_on, a.activity_id, t.text AS activity_text FROM meetings_assignments a \
         LEFT JOIN actionplan_activities t ON t.id = a.activity_id AND t.municipality_id = a.municipality_id \
         WHERE a.municipality_id = $1 AND a.meeting_id = $2 ORDER BY a.id",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
}

pub async fn save_minutes(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    m: &Minutes,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT INTO meetings_minutes (meeting_id, municipality_id, present, guests, next_meeting, written_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (meeting_id) DO UPDATE SET present = excluded.present, guests = excluded.guests, \
         next_meeting = excluded.next_meeting, written_by = excluded.written_by, updated_at = excluded.updated_at",
    )
    .bind(meeting_id)
    .bind(municipality_id)
    .bind(&m.present)
    .bind(&m.guests)
    .bind(&m.next_meeting)
    .bind(&m.written_by)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit_change(
        &mut tx,
        municipality_id,
        actor,
        "meetings.minutes.save",
        meeting_id,
        String::new(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publish the minutes (or take them back). Minutes that were never written are created empty.
pub async fn publish(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    publish: bool,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT INTO meetings_minutes (meeting_id, municipality_id, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (meeting_id) DO NOTHING",
    )
    .bind(meeting_id)
    .bind(municipality_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE meetings_minutes SET published_at = $3 WHERE municipality_id = $1 AND meeting_id = $2")
        .bind(municipality_id)
        .bind(meeting_id)
        .bind(publish.then_some(now))
        .execute(&mut *tx)
        .await?;
    let action = if publish {
        "meetings.minutes.publish"
    } else {
        "meetings.minutes.unpublish"
    };
    audit_change(&mut tx, municipality_id, actor, action, meeting_id, String::new(), now).await?;
    tx.commit().await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)] // the tenant, the meeting, the fields, who and when
pub async fn add_item(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    heading: &str,
    body: &str,
    decision: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT INTO meetings_items (municipality_id, meeting_id, position, heading, body, decision) \
         SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3, $4, $5 FROM meetings_items WHERE meeting_id = $2",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .bind(heading)
    .bind(body)
    .bind(decision)
    .execute(&mut *tx)
    .await?;
    audit_change(
        &mut tx,
        municipality_id,
        actor,
        "meetings.item.add",
        meeting_id,
        heading.to_string(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Add an assignment; a linked activity must be one of this municipality's (`false` otherwise).
#[allow(clippy::too_many_arguments)] // the tenant, the meeting, the fields, who and when
pub async fn add_assignment(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    who: &str,
    what: &str,
    due_on: Option<&str>,
    activity_id: Option<i64>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    if let Some(a) = activity_id {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM actionplan_activities WHERE municipality_id = $1 AND id = $2")
                .bind(municipality_id)
                .bind(a)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Ok(false);
        }
    }
    sqlx::query(
        "INSERT INTO meetings_assignments (municipality_id, meeting_id, who, what, due_on, activity_id) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(municipality_id)
    .bind(meeting_id)
    .bind(who)
    .bind(what)
    .bind(due_on)
    .bind(activity_id)
    .execute(&mut *tx)
    .await?;
    audit_change(
        &mut tx,
        municipality_id,
        actor,
        "meetings.assignment.add",
        meeting_id,
        format!("{who}: {what}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The action plan's activities of the municipality, for linking an assignment: (id, text).
pub async fn activities(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, text FROM actionplan_activities WHERE municipality_id = $1 ORDER BY id")
        .bind(municipality_id)
        .fetch_all(&db.pool)
        .await
}
