//! Queries of the invitation's lists and of the addresses that unsubscribed. The lists of other
//! capabilities' people come through their `public` modules.

use crate::ids::{MeetingId, UnsubscribeId};
use platform::auth::token_hash;
use platform::db::{Db, Insert};
use platform::MunicipalityId;
use sqlx::AnyConnection;
use std::collections::BTreeSet;

#[derive(sea_query::Iden)]
#[iden = "meetings_unsubscribes"]
enum Unsubscribes {
    Table,
    MunicipalityId,
    Email,
    TokenHash,
    CreatedAt,
}

/// The lists an invitation can go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Contacts,
    Signatories,
    Participants,
    /// The members of the working group whose series the meeting is in.
    Group,
}

impl List {
    pub const ALL: [List; 4] = [List::Contacts, List::Signatories, List::Participants, List::Group];
    pub fn key(self) -> &'static str {
        match self {
            List::Contacts => "contacts",
            List::Signatories => "signatories",
            List::Participants => "participants",
            List::Group => "group",
        }
    }
    pub fn message_id(self) -> &'static str {
        match self {
            List::Contacts => "meetings-list-contacts",
            List::Signatories => "meetings-list-signatories",
            List::Participants => "meetings-list-participants",
            List::Group => "meetings-list-group",
        }
    }
}

/// The addresses on a list (lower case, each once): the registry's contacts (who all consented
/// to be listed); the signatories' representatives (accounts) and the registry's contacts of the
/// signatories; those who registered for the municipality's other meetings; the members of the
/// working group whose meeting it is.
pub async fn addresses(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
    list: List,
) -> Result<BTreeSet<String>, sqlx::Error> {
    let emails: Vec<String> = match list {
        List::Contacts => registry::public::contact_emails(db, municipality_id, None).await?,
        List::Signatories => {
            let signed = signing::public::signatory_organisations(db, municipality_id).await?;
            let mut v = representatives(db, municipality_id).await?;
            v.retain(|(o, _)| signed.contains(o));
            let mut emails: Vec<String> = v.into_iter().map(|(_, e)| e).collect();
            emails.extend(registry::public::contact_emails(db, municipality_id, Some(&signed)).await?);
            emails
        }
        List::Group => match crate::group_meetings::store::group_of_meeting(db, municipality_id, meeting_id).await? {
            Some(group) => actionplan::public::group_member_emails(db, municipality_id, group).await?,
            None => vec![],
        },
        List::Participants => {
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT email FROM meetings_registrations WHERE municipality_id = $1 AND meeting_id <> $2 \
                 AND status <> 'cancelled' AND email <> ''",
            )
            .bind(municipality_id)
            .bind(meeting_id)
            .fetch_all(&db.pool)
            .await?;
            rows.into_iter().map(|r| r.0).collect()
        }
    };
    Ok(emails.into_iter().map(|e| e.trim().to_lowercase()).collect())
}

/// The representatives' accounts of the municipality's organisations: (organisation, e-mail).
async fn representatives(
    db: &Db,
    municipality_id: MunicipalityId,
) -> Result<Vec<(platform::OrganisationId, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.organisation_id, u.email FROM roles r JOIN users u ON u.id = r.user_id \
         JOIN organisations o ON o.id = r.organisation_id \
         WHERE r.role = 'representative' AND o.municipality_id = $1",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await
}

/// The keyed hashes ([`platform::auth::token_hash`] of the unsubscribe token) of erased
/// addresses that had opted out.
pub async fn suppressed(db: &Db, municipality_id: MunicipalityId) -> Result<BTreeSet<String>, sqlx::Error> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT address_hash FROM meetings_suppressed WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn unsubscribed(db: &Db, municipality_id: MunicipalityId) -> Result<BTreeSet<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT email FROM meetings_unsubscribes WHERE municipality_id = $1 AND unsubscribed_at IS NOT NULL",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// In the caller's transaction: remember an address invitations go to, with its unsubscribe
/// token's hash (once per address).
pub async fn remember(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    email: &str,
    token: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    Insert::into(Unsubscribes::Table)
        .set(Unsubscribes::MunicipalityId, municipality_id)
        .set(Unsubscribes::Email, email)
        .set(Unsubscribes::TokenHash, token_hash(token))
        .set(Unsubscribes::CreatedAt, now)
        .or_ignore_on([Unsubscribes::MunicipalityId, Unsubscribes::Email])
        .run(tx)
        .await?;
    Ok(())
}

/// The address of an unsubscribe token and when it unsubscribed.
pub async fn subscription(
    db: &Db,
    municipality_id: MunicipalityId,
    token: &str,
) -> Result<Option<(String, Option<i64>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT email, unsubscribed_at FROM meetings_unsubscribes WHERE municipality_id = $1 AND token_hash = $2",
    )
    .bind(municipality_id)
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

/// In the caller's transaction: unsubscribe the token's address (the first time counts).
pub async fn unsubscribe(
    tx: &mut AnyConnection,
    municipality_id: MunicipalityId,
    token: &str,
    now: i64,
) -> Result<Option<UnsubscribeId>, sqlx::Error> {
    let row: Option<(UnsubscribeId,)> = sqlx::query_as(
        "UPDATE meetings_unsubscribes SET unsubscribed_at = COALESCE(unsubscribed_at, $3) \
         WHERE municipality_id = $1 AND token_hash = $2 RETURNING id",
    )
    .bind(municipality_id)
    .bind(token_hash(token))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|r| r.0))
}
