//! Confirming that an organisation's data is current, the freshness report, and the reminders
//! due (read by the reminder job, which builds the e-mails and hands them to [`remind`]).

use crate::confirmation::domain;
use crate::store::{Profiles, RegistryError};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Update};
use platform::{MunicipalityId, OrganisationId};

type StaleRow = (OrganisationId, String, Option<i64>, i64, Option<i64>);

/// A representative (or the coordinator) confirms that the data is current.
pub async fn confirm(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    db::write(db, now, async |tx| {
        let done = Update::table(Profiles::Table)
            .set(Profiles::ConfirmedAt, now)
            .set(Profiles::ConfirmedByUserId, actor.id)
            .filter(Profiles::OrganisationId, id)
            .filter(Profiles::MunicipalityId, municipality_id)
            .run(tx)
            .await?;
        if done != 1 {
            return Err(RegistryError::NotFound);
        }
        let change = Change::new(
            municipality_id,
            Some(actor),
            "registry.profile.confirm",
            "organisation",
            id,
            "",
        );
        Ok(((), change))
    })
    .await
}

/// An organisation whose data has not been confirmed for twelve months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub id: OrganisationId,
    pub name: String,
    pub last_confirmed: i64,
    pub confirmed: bool,
    pub reminded_at: Option<i64>,
}

/// The freshness report: organisations not confirmed in twelve months, oldest first.
pub async fn stale(db: &Db, municipality_id: MunicipalityId, now: i64) -> Result<Vec<Stale>, sqlx::Error> {
    let rows: Vec<StaleRow> = sqlx::query_as(
        "SELECT o.id, o.name, p.confirmed_at, o.created_at, p.reminded_at \
         FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.municipality_id = $1 AND COALESCE(p.confirmed_at, o.created_at) < $2 \
         ORDER BY COALESCE(p.confirmed_at, o.created_at), o.id",
    )
    .bind(municipality_id)
    .bind(domain::stale_cutoff(now))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Stale {
            id: r.0,
            name: r.1,
            last_confirmed: domain::last_confirmed(r.2, r.3),
            confirmed: r.2.is_some(),
            reminded_at: r.4,
        })
        .collect())
}

/// A reminder to send: organisation, its municipality, and the addresses of its representatives.
#[derive(Clone, Debug)]
pub struct Reminder {
    pub organisation_id: OrganisationId,
    pub municipality_id: MunicipalityId,
    pub municipality_slug: String,
    pub name: String,
    pub to: Vec<String>,
}

/// Every organisation (all municipalities: this is the yearly job) whose data has gone
/// unconfirmed for twelve months and that was not reminded in the last 30 days, with its
/// representatives' addresses (one query).
pub async fn due_reminders(
    db: &Db,
    now: i64,
    limit: i64,
    municipality: Option<MunicipalityId>,
) -> Result<Vec<Reminder>, sqlx::Error> {
    // One municipality's (the coordinator's button) or every municipality's (the daily run).
    let only = if municipality.is_some() {
        " AND o2.municipality_id = $4"
    } else {
        ""
    };
    let sql = format!(
        "SELECT o.id, o.municipality_id, m.slug, o.name, u.email \
         FROM registry_profiles p JOIN organisations o ON o.id = p.organisation_id \
         JOIN municipalities m ON m.id = o.municipality_id \
         LEFT JOIN roles r ON r.organisation_id = o.id AND r.role = 'representative' \
         LEFT JOIN users u ON u.id = r.user_id \
         WHERE p.organisation_id IN (SELECT p2.organisation_id FROM registry_profiles p2 \
            JOIN organisations o2 ON o2.id = p2.organisation_id \
            WHERE COALESCE(p2.confirmed_at, o2.created_at) < $1 AND (p2.reminded_at IS NULL OR p2.reminded_at <= $2){only} \
            ORDER BY p2.organisation_id LIMIT $3) \
         ORDER BY o.id, u.email"
    );
    let mut query = sqlx::query_as::<_, (OrganisationId, MunicipalityId, String, String, Option<String>)>(&sql)
        .bind(domain::stale_cutoff(now))
        .bind(now - domain::REMINDER_GAP)
        .bind(limit);
    if let Some(m) = municipality {
        query = query.bind(m);
    }
    let rows = query.fetch_all(&db.pool).await?;
    let mut out: Vec<Reminder> = vec![];
    for (id, mid, slug, name, email) in rows {
        if out.last().map(|r| r.organisation_id) != Some(id) {
            out.push(Reminder {
                organisation_id: id,
                municipality_id: mid,
                municipality_slug: slug,
                name,
                to: vec![],
            });
        }
        if let (Some(e), Some(last)) = (email, out.last_mut()) {
            last.to.push(e);
        }
    }
    Ok(out)
}

/// Mark an organisation reminded and queue its e-mails, in one transaction.
pub async fn remind(db: &Db, r: &Reminder, emails: &[platform::mail::Email], now: i64) -> Result<(), sqlx::Error> {
    db::write(db, now, async |tx| {
        Update::table(Profiles::Table)
            .set(Profiles::RemindedAt, now)
            .filter(Profiles::OrganisationId, r.organisation_id)
            .run(tx)
            .await?;
        for e in emails {
            platform::mail::queue(tx, Some(r.municipality_id), e, now).await?;
        }
        let summary = format!("{} ({})", r.name, emails.len());
        let change = Change::new(
            r.municipality_id,
            None,
            "registry.reminder",
            "organisation",
            r.organisation_id,
            summary,
        );
        Ok(((), change))
    })
    .await
}
