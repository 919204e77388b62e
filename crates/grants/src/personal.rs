//! What the grants keep about an account holder: the applications they began or co-signed for
//! their association (the application itself is the association's, and a public record once
//! sent, so it stays), the co-signer address they were named by, and, for staff, the internal
//! notes they wrote and the cases they handled or decided. The export lists all of it; erasing
//! the account takes the person out of the applications (who began, was asked to co-sign,
//! co-signed, handled, proposed or decided: the user references are cleared when the account
//! goes, the co-signer's address here) and out of the notes' authorship, and leaves the
//! associations' cases and the handlers' notes themselves.

use futures::future::BoxFuture;
use platform::db::{Db, Tx};
use platform::state::PersonalData;
use platform::UserId;

pub static PERSONAL: PersonalData = PersonalData { export, erase };

type ApplicationRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<i64>,
    Option<String>,
    i64,
    String,
);

/// The person's address, matched without regard to case.
const ADDRESS: &str = "(SELECT lower(u.email) FROM users u WHERE u.id = $1)";

fn export(db: &Db, user_id: UserId) -> BoxFuture<'_, Result<serde_json::Value, sqlx::Error>> {
    Box::pin(async move {
        let applications: Vec<ApplicationRow> = sqlx::query_as(&format!(
            "SELECT m.name, o.name, p.name, per.name, a.case_number, a.status, a.submitted_at, a.decided_on, \
             a.applied_ore, CASE WHEN a.created_by_user_id = $1 THEN 'began' \
                                 WHEN a.co_signed_by_user_id = $1 THEN 'co-signed' ELSE 'asked to co-sign' END \
             FROM grants_applications a JOIN organisations o ON o.id = a.organisation_id \
             JOIN municipalities m ON m.id = a.municipality_id \
             JOIN grants_programmes p ON p.id = a.programme_id JOIN grants_periods per ON per.id = a.period_id \
             WHERE a.created_by_user_id = $1 OR a.co_signed_by_user_id = $1 \
                OR (a.co_signer_email <> '' AND lower(a.co_signer_email) = {ADDRESS}) \
             ORDER BY a.id"
        ))
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let notes: Vec<(String, Option<String>, String, i64)> = sqlx::query_as(
            "SELECT m.name, a.case_number, n.body, n.created_at FROM grants_notes n \
             JOIN grants_applications a ON a.id = n.application_id JOIN municipalities m ON m.id = n.municipality_id \
             WHERE n.author_user_id = $1 ORDER BY n.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        let handled: Vec<(String, Option<String>, String)> = sqlx::query_as(
            "SELECT m.name, a.case_number, CASE WHEN a.decided_by_user_id = $1 THEN 'decided' \
                    WHEN a.proposed_by_user_id = $1 THEN 'proposed' ELSE 'handled' END \
             FROM grants_applications a JOIN municipalities m ON m.id = a.municipality_id \
             WHERE a.handler_user_id = $1 OR a.proposed_by_user_id = $1 OR a.decided_by_user_id = $1 ORDER BY a.id",
        )
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
        Ok(serde_json::json!({
            "applications": applications.into_iter().map(|a| serde_json::json!({
                "municipality": a.0, "association": a.1, "programme": a.2, "period": a.3,
                "case_number": a.4, "status": a.5, "sent": a.6.map(platform::format::datetime),
                "decided_on": a.7, "applied_kronor": a.8 / 100, "you": a.9,
            })).collect::<Vec<_>>(),
            "notes_written": notes.into_iter().map(|n| serde_json::json!({
                "municipality": n.0, "case_number": n.1, "note": n.2, "at": platform::format::datetime(n.3),
            })).collect::<Vec<_>>(),
            "cases_handled": handled.into_iter().map(|h| serde_json::json!({
                "municipality": h.0, "case_number": h.1, "as": h.2,
            })).collect::<Vec<_>>(),
        }))
    })
}

fn erase(tx: &mut Tx, user_id: UserId, _now: i64) -> BoxFuture<'_, Result<(), sqlx::Error>> {
    Box::pin(async move {
        // The references to the account (began, co-signed, handled, decided, wrote a note,
        // uploaded a file) are cleared by the database when the account row goes; the
        // co-signer's address is text and goes here.
        sqlx::query(&format!(
            "UPDATE grants_applications SET co_signer_email = '' \
             WHERE co_signer_email <> '' AND lower(co_signer_email) = {ADDRESS}"
        ))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    })
}
