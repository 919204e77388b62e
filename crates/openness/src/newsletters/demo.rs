//! Sala's newsletter in the demo: one sent newsletter, INVENTED for the demo (the seeds name no
//! newsletter), and said so in its text. It was sent to nobody: the demo has no subscribers.

use super::store;
use platform::db::Db;
use platform::tenants::store as tenants;

const SUBJECT: &str = "Nyhetsbrev: överenskommelsen och vårens dialogmöte";
const BODY: &str = "*Det här nyhetsbrevet är påhittat för demonstrationen.*\n\n\
Hej alla föreningar i Sala!\n\n\
## Vårens dialogmöte\n\n\
Nu planerar vi vårens dialogmöte om överenskommelsen mellan Sala kommun och civilsamhället. \
Anmälan öppnar snart under **Möten**.\n\n\
## Berätta om er förening\n\n\
Har er förening gjort något som andra kan lära av? Skriv ett gott exempel under **Nyheter**.\n";

/// The newsletter, once.
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    let Some(m) = tenants::by_slug(db, "sala").await? else {
        return Ok(());
    };
    if store::all(db, m.id).await?.is_empty() {
        store::add_sent(db, m.id, SUBJECT, BODY, now - 7 * 86_400).await?;
    }
    Ok(())
}
