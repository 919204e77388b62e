//! Newsletters' queries: every function on a municipality's data takes the `MunicipalityId`;
//! every change runs in one write transaction with its audit entry. The addresses of an audience
//! come from the registry's and the signing book's public functions.

use super::domain::{self, Audience, Checked, Group, Status, INSERT_BATCH};
use super::targets::Target;
use super::NewsletterId;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::mail::Email;
use platform::MunicipalityId;
use std::collections::BTreeSet;

#[derive(sea_query::Iden)]
#[iden = "openness_newsletters"]
pub(super) enum Newsletters {
    Table,
    Id,
    MunicipalityId,
    Subject,
    Body,
    Audience,
    Status,
    SendAt,
    SentAt,
    Recipients,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "openness_newsletter_subscribers"]
pub(super) enum Subscribers {
    Table,
    MunicipalityId,
    Email,
    Token,
    Digest,
    ConfirmedAt,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "openness_newsletter_unsubscribed"]
enum OptOuts {
    Table,
    MunicipalityId,
    Email,
    UnsubscribedAt,
}

#[derive(sea_query::Iden)]
#[iden = "openness_newsletter_deliveries"]
enum Deliveries {
    Table,
    MunicipalityId,
    Email,
    SentAt,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// Changing a newsletter that is being sent or was sent.
    #[error("not editable")]
    NotEditable,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A newsletter as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Newsletter {
    pub id: NewsletterId,
    pub municipality_id: MunicipalityId,
    pub subject: String,
    pub body: String,
    pub audience: String,
    pub status: String,
    pub send_at: Option<i64>,
    pub sent_at: Option<i64>,
    pub recipients: i64,
    pub updated_at: i64,
}

impl Newsletter {
    pub fn status(&self) -> Status {
        self.status.parse().unwrap_or(Status::Draft)
    }

    pub fn audience(&self) -> Audience {
        Audience::parse(&self.audience)
    }
}

const COLUMNS: &str = "id, municipality_id, subject, body, audience, status, send_at, sent_at, recipients, updated_at";

/// Every newsletter of the municipality, the latest changed first (the coordinator's list).
pub async fn all(db: &Db, m: MunicipalityId) -> Result<Vec<Newsletter>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_newsletters WHERE municipality_id = $1 ORDER BY updated_at DESC, id DESC"
    ))
    .bind(m)
    .fetch_all(&db.pool)
    .await
}

/// The sent newsletters, the latest first (the public archive).
pub async fn archive(db: &Db, m: MunicipalityId) -> Result<Vec<Newsletter>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_newsletters WHERE municipality_id = $1 AND status = 'sent' \
         ORDER BY sent_at DESC, id DESC LIMIT $2"
    ))
    .bind(m)
    .bind(domain::ARCHIVE_SIZE)
    .fetch_all(&db.pool)
    .await
}

/// One newsletter of the municipality.
pub async fn one(db: &Db, m: MunicipalityId, id: NewsletterId) -> Result<Option<Newsletter>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_newsletters WHERE municipality_id = $1 AND id = $2"
    ))
    .bind(m)
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// Save a new draft.
pub async fn create(
    db: &Db,
    m: MunicipalityId,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<NewsletterId> {
    db::write(db, now, async |tx| {
        let id: NewsletterId = Insert::into(Newsletters::Table)
            .set(Newsletters::MunicipalityId, m)
            .set(Newsletters::Subject, c.subject.as_str())
            .set(Newsletters::Body, c.body.as_str())
            .set(Newsletters::Audience, c.audience.stored())
            .set(Newsletters::Status, Status::Draft.as_str())
            .set(Newsletters::CreatedBy, actor.map(|a| a.id))
            .set(Newsletters::CreatedAt, now)
            .set(Newsletters::UpdatedAt, now)
            .returning_id(tx)
            .await?;
        Ok((
            id,
            Change::new(
                m,
                actor,
                "openness.newsletter.add",
                "openness_newsletter",
                id,
                c.subject.clone(),
            ),
        ))
    })
    .await
}

/// Change a draft or a scheduled newsletter (a scheduled one goes back to being a draft).
pub async fn update(
    db: &Db,
    m: MunicipalityId,
    id: NewsletterId,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let changed = Update::table(Newsletters::Table)
            .set(Newsletters::Subject, c.subject.as_str())
            .set(Newsletters::Body, c.body.as_str())
            .set(Newsletters::Audience, c.audience.stored())
            .set(Newsletters::Status, Status::Draft.as_str())
            .set(Newsletters::SendAt, None::<i64>)
            .set(Newsletters::UpdatedAt, now)
            .filter(Newsletters::Id, id)
            .filter(Newsletters::MunicipalityId, m)
            .filter_expr(editable())
            .run(tx)
            .await?;
        if changed == 0 {
            return Err(StoreError::NotEditable);
        }
        Ok((
            (),
            Change::new(
                m,
                actor,
                "openness.newsletter.update",
                "openness_newsletter",
                id,
                c.subject.clone(),
            ),
        ))
    })
    .await
}

fn editable() -> sea_query::SimpleExpr {
    sea_query::Expr::col(Newsletters::Status).is_in([Status::Draft.as_str(), Status::Scheduled.as_str()])
}

/// Schedule a draft for `at`: the sending job is queued for then, in the same transaction.
pub async fn schedule(
    db: &Db,
    m: MunicipalityId,
    id: NewsletterId,
    at: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let changed = Update::table(Newsletters::Table)
            .set(Newsletters::Status, Status::Scheduled.as_str())
            .set(Newsletters::SendAt, at)
            .set(Newsletters::UpdatedAt, now)
            .filter(Newsletters::Id, id)
            .filter(Newsletters::MunicipalityId, m)
            .filter_expr(editable())
            .run(tx)
            .await?;
        if changed == 0 {
            return Err(StoreError::NotEditable);
        }
        platform::jobs::enqueue(tx, Some(m.into()), domain::JOB_KIND, &serde_json::json!({}), at, now).await?;
        let when = platform::format::datetime(at);
        Ok((
            (),
            Change::new(
                m,
                actor,
                "openness.newsletter.schedule",
                "openness_newsletter",
                id,
                when,
            ),
        ))
    })
    .await
}

// --- Subscribers

/// What a subscription did.
#[derive(Debug, PartialEq, Eq)]
pub enum Subscribed {
    /// Held until confirmed; the confirmation mail was queued.
    Held,
    /// The address was already confirmed; nothing sent.
    Already,
}

/// Hold a subscription of `email` (lower case) until its confirmation link is used; `mail` is
/// the confirmation mail for the subscriber's secret token, queued in the same transaction.
/// Subscribing again sends a new link (the old one stops working).
pub async fn subscribe(
    db: &Db,
    m: MunicipalityId,
    email: &str,
    digest: bool,
    token: &str,
    mail: impl FnOnce(&str) -> Email,
    now: i64,
) -> StoreResult<Subscribed> {
    db::write(db, now, async |tx| {
        let confirmed: Option<(Option<i64>,)> = sqlx::query_as(
            "SELECT confirmed_at FROM openness_newsletter_subscribers WHERE municipality_id = $1 AND email = $2",
        )
        .bind(m)
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?;
        let what = match confirmed {
            Some((Some(_),)) => Subscribed::Already,
            Some((None,)) => {
                Update::table(Subscribers::Table)
                    .set(Subscribers::Token, token)
                    .set(Subscribers::Digest, i64::from(digest))
                    .filter(Subscribers::MunicipalityId, m)
                    .filter(Subscribers::Email, email)
                    .run(tx)
                    .await?;
                Subscribed::Held
            }
            None => {
                Insert::into(Subscribers::Table)
                    .set(Subscribers::MunicipalityId, m)
                    .set(Subscribers::Email, email)
                    .set(Subscribers::Token, token)
                    .set(Subscribers::Digest, i64::from(digest))
                    .set(Subscribers::CreatedAt, now)
                    .run(tx)
                    .await?;
                Subscribed::Held
            }
        };
        if what == Subscribed::Held {
            platform::mail::queue(tx, Some(m), &mail(token), now).await?;
        }
        Ok((
            what,
            Change::new(
                m,
                None,
                "openness.newsletter.subscribe",
                "openness_newsletter_subscriber",
                0,
                "",
            ),
        ))
    })
    .await
}

/// Confirm the subscription whose secret is `token`; false when no subscription has it.
/// A confirmed address is no longer one that unsubscribed.
pub async fn confirm(db: &Db, m: MunicipalityId, token: &str, now: i64) -> StoreResult<bool> {
    db::write(db, now, async |tx| {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT email FROM openness_newsletter_subscribers WHERE municipality_id = $1 AND token = $2",
        )
        .bind(m)
        .bind(token)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((email,)) = row else {
            return Err(StoreError::NotFound);
        };
        Update::table(Subscribers::Table)
            .set(Subscribers::ConfirmedAt, now)
            .filter(Subscribers::MunicipalityId, m)
            .filter(Subscribers::Token, token)
            .filter_expr(sea_query::Expr::col(Subscribers::ConfirmedAt).is_null())
            .run(tx)
            .await?;
        Delete::from(OptOuts::Table)
            .filter(OptOuts::MunicipalityId, m)
            .filter(OptOuts::Email, email.as_str())
            .run(tx)
            .await?;
        Ok((
            true,
            Change::new(
                m,
                None,
                "openness.newsletter.confirm",
                "openness_newsletter_subscriber",
                0,
                "",
            ),
        ))
    })
    .await
    .or_else(|e| match e {
        StoreError::NotFound => Ok(false),
        e => Err(e),
    })
}

/// The subscriber's address whose confirmation secret is `token`, if any.
pub async fn subscriber_of(db: &Db, m: MunicipalityId, token: &str) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT email FROM openness_newsletter_subscribers WHERE municipality_id = $1 AND token = $2")
            .bind(m)
            .bind(token)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|r| r.0))
}

/// The address whose unsubscribe secret is `token` (a delivery's or a subscriber's), if any.
pub async fn address_of(db: &Db, m: MunicipalityId, token: &str) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT email FROM openness_newsletter_deliveries WHERE municipality_id = $1 AND token = $2 \
         UNION ALL SELECT email FROM openness_newsletter_subscribers WHERE municipality_id = $1 AND token = $2",
    )
    .bind(m)
    .bind(token)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.0))
}

/// Unsubscribe the address whose secret is `token` from the municipality's newsletters: it is
/// kept as unsubscribed, its subscription goes, and nothing still unsent goes to it. False when
/// the secret is unknown.
pub async fn unsubscribe(db: &Db, m: MunicipalityId, token: &str, now: i64) -> StoreResult<bool> {
    let Some(email) = address_of(db, m, token).await? else {
        return Ok(false);
    };
    db::write(db, now, async |tx| {
        Insert::into(OptOuts::Table)
            .set(OptOuts::MunicipalityId, m)
            .set(OptOuts::Email, email.as_str())
            .set(OptOuts::UnsubscribedAt, now)
            .or_ignore_on([OptOuts::MunicipalityId, OptOuts::Email])
            .run(tx)
            .await?;
        forget(tx, Some(m), &email).await?;
        Ok((
            true,
            Change::new(
                m,
                None,
                "openness.newsletter.unsubscribe",
                "openness_newsletter_subscriber",
                0,
                "",
            ),
        ))
    })
    .await
}

/// Remove `email`'s subscription and unsent deliveries (in one municipality, or all).
pub(super) async fn forget(
    tx: &mut sqlx::AnyConnection,
    m: Option<MunicipalityId>,
    email: &str,
) -> Result<(), sqlx::Error> {
    let mut subs = Delete::from(Subscribers::Table).filter(Subscribers::Email, email);
    let mut unsent = Delete::from(Deliveries::Table)
        .filter(Deliveries::Email, email)
        .filter_expr(sea_query::Expr::col(Deliveries::SentAt).is_null());
    if let Some(m) = m {
        subs = subs.filter(Subscribers::MunicipalityId, m);
        unsent = unsent.filter(Deliveries::MunicipalityId, m);
    }
    subs.run(tx).await?;
    unsent.run(tx).await?;
    Ok(())
}

// --- Queueing and sending

/// The addresses of an audience, each once, without those that unsubscribed.
pub async fn audience(db: &Db, m: MunicipalityId, a: &Audience) -> Result<Vec<String>, sqlx::Error> {
    let mut all: Vec<String> = vec![];
    if a.has(Group::Subscribers) {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT email FROM openness_newsletter_subscribers WHERE municipality_id = $1 \
             AND confirmed_at IS NOT NULL ORDER BY id",
        )
        .bind(m)
        .fetch_all(&db.pool)
        .await?;
        all.extend(rows.into_iter().map(|r| r.0));
    }
    if a.has(Group::Contacts) {
        all.extend(registry::public::contact_emails(db, m, None).await?);
    }
    if a.has(Group::Signatories) {
        let signed = signing::public::signatory_organisations(db, m).await?;
        all.extend(registry::public::contact_emails(db, m, Some(&signed)).await?);
    }
    if a.has(Group::WorkingGroups) {
        all.extend(actionplan::public::all_group_member_emails(db, m).await?);
    }
    for t in &a.1 {
        match t {
            Target::Meeting(id) => {
                let id = meetings::ids::MeetingId::new(*id);
                all.extend(
                    meetings::public::participant_emails(db, m, id)
                        .await?
                        .unwrap_or_default(),
                );
            }
            Target::Category(code) => all.extend(registry::public::category_contact_emails(db, m, code).await?),
        }
    }
    let gone: Vec<(String,)> =
        sqlx::query_as("SELECT email FROM openness_newsletter_unsubscribed WHERE municipality_id = $1")
            .bind(m)
            .fetch_all(&db.pool)
            .await?;
    let gone: BTreeSet<String> = gone.into_iter().map(|r| r.0).collect();
    Ok(domain::recipients(all, &gone))
}

/// The scheduled newsletters whose time has come, of every municipality.
pub async fn due(db: &Db, now: i64) -> Result<Vec<Newsletter>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_newsletters WHERE status = 'scheduled' AND send_at <= $1 ORDER BY send_at, id"
    ))
    .bind(now)
    .fetch_all(&db.pool)
    .await
}

/// Write one delivery per address for a scheduled newsletter and mark it as being sent, in one
/// transaction, with multi-row INSERTs of [`INSERT_BATCH`] rows. `token` gives each address's
/// unsubscribe secret. Returns how many were written (0 if it was no longer scheduled).
pub async fn queue(
    db: &Db,
    n: &Newsletter,
    addresses: &[String],
    token: impl Fn(&str) -> String,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let (m, id) = (n.municipality_id, n.id);
    db::write(db, now, async |tx| {
        let changed = Update::table(Newsletters::Table)
            .set(Newsletters::Status, Status::Sending.as_str())
            .set(Newsletters::Recipients, addresses.len() as i64)
            .set(Newsletters::UpdatedAt, now)
            .filter(Newsletters::Id, id)
            .filter(Newsletters::MunicipalityId, m)
            .filter(Newsletters::Status, Status::Scheduled.as_str())
            .run(tx)
            .await?;
        if changed == 0 {
            return Ok((
                0,
                Change::new(m, None, "openness.newsletter.queue", "openness_newsletter", id, ""),
            ));
        }
        for chunk in addresses.chunks(INSERT_BATCH) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| format!("({}, {}, ${}, ${})", i64::from(id), i64::from(m), 2 * i + 1, 2 * i + 2))
                .collect();
            let sql = format!(
                "INSERT INTO openness_newsletter_deliveries (newsletter_id, municipality_id, email, token) VALUES {}",
                values.join(", ")
            );
            let mut q = sqlx::query(&sql);
            for a in chunk {
                q = q.bind(a.as_str()).bind(token(a));
            }
            q.execute(&mut *tx).await?;
        }
        let what = format!("{} recipients", addresses.len());
        Ok((
            addresses.len(),
            Change::new(m, None, "openness.newsletter.queue", "openness_newsletter", id, what),
        ))
    })
    .await
}

/// The newsletters being sent, of every municipality, the oldest first.
pub async fn sending(db: &Db) -> Result<Vec<Newsletter>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_newsletters WHERE status = 'sending' ORDER BY send_at, id"
    ))
    .fetch_all(&db.pool)
    .await
}

/// A delivery not yet sent: (id, address, unsubscribe secret).
pub type Unsent = (i64, String, String);

/// Claim up to `limit` unsent deliveries of a newsletter, in order, for this run until
/// `until` (a lease): a delivery another run holds is skipped, one whose lease ran out (its run
/// was killed) is taken again. So two instances sending at once never send the same delivery.
pub async fn claim(db: &Db, id: NewsletterId, limit: i64, now: i64, until: i64) -> Result<Vec<Unsent>, sqlx::Error> {
    let sql = format!(
        "UPDATE openness_newsletter_deliveries SET claimed_until = $3 WHERE id IN (\
         SELECT id FROM openness_newsletter_deliveries WHERE newsletter_id = $1 AND sent_at IS NULL \
         AND (claimed_until IS NULL OR claimed_until < $4) ORDER BY id LIMIT $2{}) \
         RETURNING id, email, token",
        db.skip_locked()
    );
    let mut tx = db.write().await?;
    let mut rows: Vec<Unsent> = sqlx::query_as(&sql)
        .bind(id)
        .bind(limit)
        .bind(until)
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    rows.sort_by_key(|r| r.0);
    Ok(rows)
}

/// Mark a delivery sent (right after the SMTP server accepted it).
pub async fn sent(db: &Db, delivery: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE openness_newsletter_deliveries SET sent_at = $1 WHERE id = $2 AND sent_at IS NULL")
        .bind(now)
        .bind(delivery)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// In the caller's transaction (the outbox's way: the message queued and the delivery marked
/// together, so it is queued once).
pub async fn sent_in(tx: &mut sqlx::AnyConnection, delivery: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE openness_newsletter_deliveries SET sent_at = $1 WHERE id = $2 AND sent_at IS NULL")
        .bind(now)
        .bind(delivery)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Mark the newsletter sent if none of its deliveries waits; true if it is (now) sent.
pub async fn finish(db: &Db, n: &Newsletter, now: i64) -> Result<bool, sqlx::Error> {
    let (m, id) = (n.municipality_id, n.id);
    db::write(db, now, async |tx| {
        let (left,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM openness_newsletter_deliveries WHERE newsletter_id = $1 AND sent_at IS NULL",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if left > 0 {
            return Ok((
                false,
                Change::new(m, None, "openness.newsletter.sending", "openness_newsletter", id, ""),
            ));
        }
        Update::table(Newsletters::Table)
            .set(Newsletters::Status, Status::Sent.as_str())
            .set(Newsletters::SentAt, now)
            .set(Newsletters::UpdatedAt, now)
            .filter(Newsletters::Id, id)
            .filter(Newsletters::Status, Status::Sending.as_str())
            .run(tx)
            .await?;
        Ok((
            true,
            Change::new(m, None, "openness.newsletter.sent", "openness_newsletter", id, ""),
        ))
    })
    .await
}

/// The municipality's slug and name (the platform's table, for links in a job's mail).
pub async fn municipality(db: &Db, m: MunicipalityId) -> Result<(String, String), sqlx::Error> {
    sqlx::query_as("SELECT slug, name FROM municipalities WHERE id = $1")
        .bind(m)
        .fetch_one(&db.pool)
        .await
}

/// How many of a newsletter's deliveries were sent.
pub async fn sent_count(db: &Db, m: MunicipalityId, id: NewsletterId) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM openness_newsletter_deliveries WHERE municipality_id = $1 AND newsletter_id = $2 \
         AND sent_at IS NOT NULL",
    )
    .bind(m)
    .bind(id)
    .fetch_one(&db.pool)
    .await?;
    Ok(n)
}

/// A newsletter recorded as already sent, to nobody (the demo's).
pub(super) async fn add_sent(
    db: &Db,
    m: MunicipalityId,
    subject: &str,
    body: &str,
    sent_at: i64,
) -> Result<NewsletterId, sqlx::Error> {
    db::write(db, sent_at, async |tx| {
        let id: NewsletterId = Insert::into(Newsletters::Table)
            .set(Newsletters::MunicipalityId, m)
            .set(Newsletters::Subject, subject)
            .set(Newsletters::Body, body)
            .set(Newsletters::Audience, Group::Subscribers.as_str())
            .set(Newsletters::Status, Status::Sent.as_str())
            .set(Newsletters::SendAt, sent_at)
            .set(Newsletters::SentAt, sent_at)
            .set(Newsletters::CreatedAt, sent_at)
            .set(Newsletters::UpdatedAt, sent_at)
            .returning_id(tx)
            .await?;
        Ok::<_, sqlx::Error>((
            id,
            Change::new(m, None, "openness.newsletter.demo", "openness_newsletter", id, subject),
        ))
    })
    .await
}
