//! Queries of participants' personal data: the retention setting, the sweep that clears contact
//! details after it, export and erasure per address or per registration link.

use crate::ids::MeetingId;
use crate::store::{found, WriteError};
use platform::audit::Change;
use platform::auth::{token_hash, CurrentUser};
use platform::db::{self, Db, Insert, Update};
use platform::MunicipalityId;
use sea_query::Expr;
use serde::Serialize;
use sqlx::AnyConnection;

pub const DEFAULT_RETENTION_DAYS: i64 = 365;
const DAY: i64 = 24 * 3600;

#[derive(sea_query::Iden)]
#[iden = "meetings_settings"]
enum Settings {
    Table,
    MunicipalityId,
    RetentionDays,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_registrations"]
enum Registrations {
    Table,
    MunicipalityId,
    Name,
    Email,
    Organisation,
    Dietary,
    Accessibility,
    CancelTokenHash,
    ErasedAt,
}

#[derive(sea_query::Iden)]
#[iden = "meetings_unsubscribes"]
enum Unsubscribes {
    Table,
    MunicipalityId,
    Email,
}

/// Clear a registration's contact details (party, status and attendance stay for the counts).
pub(crate) fn erase(now: i64) -> Update {
    Update::table(Registrations::Table)
        .set(Registrations::Name, "")
        .set(Registrations::Email, "")
        .set(Registrations::Organisation, "")
        .set(Registrations::Dietary, "")
        .set(Registrations::Accessibility, "")
        .set(Registrations::ErasedAt, now)
}

pub async fn retention_days(db: &Db, municipality_id: MunicipalityId) -> Result<i64, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT retention_days FROM meetings_settings WHERE municipality_id = $1")
        .bind(municipality_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.0).unwrap_or(DEFAULT_RETENTION_DAYS))
}

pub async fn set_retention_days(
    db: &Db,
    municipality_id: MunicipalityId,
    days: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        Insert::into(Settings::Table)
            .set(Settings::MunicipalityId, municipality_id)
            .set(Settings::RetentionDays, DEFAULT_RETENTION_DAYS)
            .or_ignore_on([Settings::MunicipalityId])
            .run(tx)
            .await?;
        Update::table(Settings::Table)
            .set(Settings::RetentionDays, days)
            .filter(Settings::MunicipalityId, municipality_id)
            .run(tx)
            .await?;
        let change = Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "meetings.retention.set",
            entity: "meetings_settings",
            entity_id: None,
            summary: format!("{days} dagar"),
        };
        Ok(((), change))
    })
    .await
}

/// Remove the contact details of every participant of every meeting that ended more than its
/// municipality's retention time ago. Returns how many registrations were cleared.
pub async fn sweep(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    // Integers only, written into the text: sea-query's placeholders in a custom expression do not
    // render for PostgreSQL inside a subquery.
    let ended = Expr::cust(format!(
        "meeting_id IN (SELECT m.id FROM meetings_meetings m \
         LEFT JOIN meetings_settings s ON s.municipality_id = m.municipality_id \
         WHERE m.ends_at + COALESCE(s.retention_days, {DEFAULT_RETENTION_DAYS}) * {DAY} < {now})"
    ));
    let done = db::write(db, now, async |tx| {
        let n = erase(now)
            .filter_expr(Expr::col(Registrations::ErasedAt).is_null())
            .filter_expr(ended)
            .run(tx)
            .await?;
        if n == 0 {
            return Err(WriteError::NotFound);
        }
        let change = Change {
            municipality_id: None,
            actor: None,
            action: "meetings.retention.sweep",
            entity: "meetings_registration",
            entity_id: None,
            summary: format!("{n} anmälningar"),
        };
        Ok((n, change))
    })
    .await;
    Ok(found(done)?.unwrap_or(0))
}

#[derive(Serialize, sqlx::FromRow)]
pub struct Exported {
    pub meeting: String,
    pub meeting_date: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub party: String,
    pub dietary: String,
    pub accessibility: String,
    pub status: String,
    pub consent_text: String,
    pub attended: Option<i64>,
    pub registered_at: i64,
}

const EXPORTED: &str = "SELECT m.title AS meeting, m.starts_at AS meeting_date, r.name, r.email, r.organisation, \
     r.party, r.dietary, r.accessibility, r.status, r.consent_text, r.attended, r.created_at AS registered_at \
     FROM meetings_registrations r JOIN meetings_meetings m ON m.id = r.meeting_id";

/// Everything the meetings hold about one e-mail address in one municipality.
pub async fn export_person(
    db: &Db,
    municipality_id: MunicipalityId,
    email: &str,
) -> Result<Vec<Exported>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{EXPORTED} WHERE r.municipality_id = $1 AND r.email = $2 ORDER BY r.id"
    ))
    .bind(municipality_id)
    .bind(email.trim().to_lowercase())
    .fetch_all(&db.pool)
    .await
}

/// Everything the meetings hold about one e-mail address, in every municipality.
pub(crate) async fn export_address(db: &Db, email: &str) -> Result<Vec<Exported>, sqlx::Error> {
    sqlx::query_as(&format!("{EXPORTED} WHERE r.email = $1 ORDER BY r.id"))
        .bind(email.trim().to_lowercase())
        .fetch_all(&db.pool)
        .await
}

/// In the caller's transaction: erase one address's details from every registration (in one
/// municipality, or in all), and forget it as an invitation address (an opt-out stays as a
/// keyed hash), with its mail in the queue and the outbox. Returns (registrations cleared,
/// addresses removed).
pub(crate) async fn erase_address(
    tx: &mut AnyConnection,
    municipality_id: Option<MunicipalityId>,
    email: &str,
    now: i64,
) -> Result<(u64, u64), sqlx::Error> {
    let email = email.trim().to_lowercase();
    // An opt-out outlives the address: its keyed hash stays, so invitations still leave it out.
    let only = if municipality_id.is_some() {
        " AND municipality_id = $3"
    } else {
        ""
    };
    let keep = format!(
        "INSERT INTO meetings_suppressed (municipality_id, address_hash, created_at) \
         SELECT municipality_id, token_hash, $2 FROM meetings_unsubscribes \
         WHERE email = $1 AND unsubscribed_at IS NOT NULL{only} ON CONFLICT DO NOTHING"
    );
    let mut query = sqlx::query(&keep).bind(email.as_str()).bind(now);
    if let Some(m) = municipality_id {
        query = query.bind(m);
    }
    query.execute(&mut *tx).await?;
    // Mail to the address still waiting in the queue, or kept in the outbox, goes too.
    platform::mail::forget_address(tx, &email).await?;
    let mut registrations = erase(now).filter(Registrations::Email, email.as_str());
    let mut addresses = platform::db::Delete::from(Unsubscribes::Table).filter(Unsubscribes::Email, email.as_str());
    if let Some(m) = municipality_id {
        registrations = registrations.filter(Registrations::MunicipalityId, m);
        addresses = addresses.filter(Unsubscribes::MunicipalityId, m);
    }
    let done = registrations.run(tx).await?;
    let subs = addresses.run(tx).await?;
    Ok((done, subs))
}

/// Erase one person's details from every registration in the municipality (counts stay), and
/// their invitation address. Returns how many registrations were cleared.
pub async fn erase_person(
    db: &Db,
    municipality_id: MunicipalityId,
    email: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<u64, sqlx::Error> {
    db::write(db, now, async |tx| {
        let (done, subs) = erase_address(tx, Some(municipality_id), email, now).await?;
        let change = Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "meetings.person.erase",
            entity: "meetings_registration",
            entity_id: None,
            summary: format!("{done} anmälningar, {subs} adresser"),
        };
        Ok((done, change))
    })
    .await
}

/// A registration as its own link shows it to the participant.
#[derive(sqlx::FromRow)]
pub struct Own {
    pub meeting_id: MeetingId,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub party: String,
    pub dietary: String,
    pub accessibility: String,
    pub erased_at: Option<i64>,
}

pub async fn own(db: &Db, municipality_id: MunicipalityId, token: &str) -> Result<Option<Own>, sqlx::Error> {
    sqlx::query_as(
        "SELECT meeting_id, name, email, organisation, party, dietary, accessibility, erased_at \
         FROM meetings_registrations WHERE municipality_id = $1 AND cancel_token_hash = $2",
    )
    .bind(municipality_id)
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

/// Erase the details of the registration of this link.
pub async fn erase_own(db: &Db, municipality_id: MunicipalityId, token: &str, now: i64) -> Result<u64, sqlx::Error> {
    db::write(db, now, async |tx| {
        let n = erase(now)
            .filter(Registrations::MunicipalityId, municipality_id)
            .filter(Registrations::CancelTokenHash, token_hash(token))
            .run(tx)
            .await?;
        let change = Change {
            municipality_id: Some(municipality_id),
            actor: None,
            action: "meetings.person.erase_own",
            entity: "meetings_registration",
            entity_id: None,
            summary: format!("{n} anmälan"),
        };
        Ok((n, change))
    })
    .await
}
