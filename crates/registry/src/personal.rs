//! What the registry keeps about an account holder: the organisations' contact people listed
//! with the account's e-mail address (contacts carry no account, so the address is what ties
//! them to the person) and the person's requests to become a representative. The account's
//! export lists both; erasing the account removes the contact entries and the requests
//! (representative roles are the platform's and go with the account).

use futures::future::BoxFuture;
use platform::db::{Db, Tx};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

type ContactRow = (String, String, String, String, String, String, i64, i64);
type RequestRow = (String, String, String, String, i64, Option<i64>);

/// The contact entries with the account's address, matched without regard to case.
const CONTACTS_OF: &str = "SELECT c.id FROM registry_contacts c \
     WHERE c.email <> '' AND lower(c.email) = (SELECT lower(u.email) FROM users u WHERE u.id = $1)";

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        let contacts: Vec<ContactRow> = sqlx::query_as(&format!(
            "SELECT m.name, o.name, c.name, c.role, c.email, c.phone, c.is_public, c.consent_at \
             FROM registry_contacts c JOIN organisations o ON o.id = c.organisation_id \
             JOIN municipalities m ON m.id = o.municipality_id \
             WHERE c.id IN ({CONTACTS_OF}) ORDER BY c.id"
        ))
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let requests: Vec<RequestRow> = sqlx::query_as(
            "SELECT m.name, o.name, j.message, j.status, j.created_at, j.decided_at \
             FROM registry_join_requests j JOIN organisations o ON o.id = j.organisation_id \
             JOIN municipalities m ON m.id = j.municipality_id WHERE j.user_id = $1 ORDER BY j.created_at, j.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        Ok(serde_json::json!({
            "contacts": contacts.into_iter().map(|c| serde_json::json!({
                "municipality": c.0, "organisation": c.1, "name": c.2, "role": c.3, "email": c.4,
                "phone": c.5, "public": c.6 != 0, "consent": platform::format::datetime(c.7),
            })).collect::<Vec<_>>(),
            "join_requests": requests.into_iter().map(|r| serde_json::json!({
                "municipality": r.0, "organisation": r.1, "message": r.2, "status": r.3,
                "asked": platform::format::datetime(r.4), "decided": r.5.map(platform::format::datetime),
            })).collect::<Vec<_>>(),
        }))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        sqlx::query(&format!("DELETE FROM registry_contacts WHERE id IN ({CONTACTS_OF})"))
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("DELETE FROM registry_join_requests WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    })
}
