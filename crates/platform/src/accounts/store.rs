use crate::db::{Db, Delete, Insert, Tx, Unique, Update, Violation};
use crate::ids::UserId;
use sea_query::Expr;

/// An account's address is unique (without regard to case).
const USER_EMAIL: Unique = Unique {
    table: "users",
    columns: &["email"],
};

#[derive(sea_query::Iden)]
enum Users {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    EmailVerifiedAt,
    CreatedAt,
    Language,
}

#[derive(sea_query::Iden)]
enum Sessions {
    Table,
    IdHash,
    UserId,
    CreatedAt,
    ExpiresAt,
    LastSeenAt,
    AuthenticatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "one_time_links"]
enum Links {
    Table,
    TokenHash,
    UserId,
    Purpose,
    CreatedAt,
    ExpiresAt,
}

#[derive(sea_query::Iden)]
#[iden = "audit_log"]
enum Audit {
    Table,
    ActorName,
    ActorUserId,
}

#[derive(Clone, Debug)]
pub struct UserRow {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<i64>,
}

type Row = (UserId, String, String, Option<String>, Option<i64>);

fn from_row(r: Row) -> UserRow {
    UserRow {
        id: r.0,
        email: r.1,
        name: r.2,
        password_hash: r.3,
        email_verified_at: r.4,
    }
}

pub async fn by_email(db: &Db, email: &str) -> Result<Option<UserRow>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as("SELECT id, email, name, password_hash, email_verified_at FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(from_row))
}

pub async fn by_id(db: &Db, id: UserId) -> Result<Option<UserRow>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as("SELECT id, email, name, password_hash, email_verified_at FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(from_row))
}

/// The language a person chose for the interface and their mail (`None`: never chosen, which
/// means Swedish).
pub async fn language_of(db: &Db, id: UserId) -> Result<Option<crate::i18n::Lang>, sqlx::Error> {
    let row: Option<(Option<String>,)> = sqlx::query_as("SELECT language FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.and_then(|r| r.0).and_then(|l| crate::i18n::Lang::parse(&l)))
}

/// Keep the language a signed-in person chose, with its audit entry; nothing is written when
/// it is the one already kept. Returns whether it changed.
pub async fn set_language(
    db: &Db,
    user: &crate::auth::CurrentUser,
    lang: crate::i18n::Lang,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let changed = Update::table(Users::Table)
        .set(Users::Language, lang.code())
        .filter(Users::Id, user.id)
        .filter_expr(
            Expr::col(Users::Language)
                .is_null()
                .or(Expr::col(Users::Language).ne(lang.code())),
        )
        .run(&mut tx)
        .await?
        == 1;
    if changed {
        let change = crate::audit::Change {
            municipality_id: None,
            actor: Some(user),
            action: "account.language",
            entity: "user",
            entity_id: Some(user.id.get()),
            summary: lang.code().to_string(),
        };
        crate::audit::record(&mut tx, change, now).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Create an account; `Ok(None)` when the address is taken.
pub async fn create(
    tx: &mut Tx,
    email: &str,
    name: &str,
    password_hash: Option<&str>,
    verified_at: Option<i64>,
    now: i64,
) -> Result<Option<UserId>, sqlx::Error> {
    match Insert::into(Users::Table)
        .set(Users::Email, email)
        .set(Users::Name, name)
        .set(Users::PasswordHash, password_hash)
        .set(Users::EmailVerifiedAt, verified_at)
        .set(Users::CreatedAt, now)
        .returning_id(tx)
        .await
    {
        Ok(id) => Ok(Some(id)),
        Err(e) if Violation::of(&e).is_some_and(|v| v.is(USER_EMAIL)) => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn create_session(
    db: &Db,
    user_id: UserId,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    Insert::into(Sessions::Table)
        .set(Sessions::IdHash, token_hash)
        .set(Sessions::UserId, user_id)
        .set(Sessions::CreatedAt, now)
        .set(Sessions::ExpiresAt, expires_at)
        .set(Sessions::LastSeenAt, now)
        .set(Sessions::AuthenticatedAt, now)
        .run(&mut conn)
        .await?;
    Ok(())
}

/// One of a person's sessions, for the list on the account page.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub id_hash: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// The person's sessions that have not reached their absolute end, oldest first (the caller
/// applies the idle rules, which depend on the roles).
pub async fn sessions_of(db: &Db, user_id: UserId, now: i64) -> Result<Vec<SessionRow>, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT id_hash, created_at, last_seen_at FROM sessions WHERE user_id = $1 AND expires_at > $2 \
         ORDER BY created_at, id_hash",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id_hash, created_at, last_seen_at)| SessionRow {
            id_hash,
            created_at,
            last_seen_at,
        })
        .collect())
}

/// The session was used now (the idle timeout slides).
pub async fn touch_session(db: &Db, token_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    Update::table(Sessions::Table)
        .set(Sessions::LastSeenAt, now)
        .filter(Sessions::IdHash, token_hash)
        .run(&mut conn)
        .await?;
    Ok(())
}

/// The person proved who they are again (password) in this session, now.
pub async fn touch_authenticated(db: &Db, token_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    Update::table(Sessions::Table)
        .set(Sessions::AuthenticatedAt, now)
        .set(Sessions::LastSeenAt, now)
        .filter(Sessions::IdHash, token_hash)
        .run(&mut conn)
        .await?;
    Ok(())
}

/// End every session of the person but `keep` (this one).
pub async fn delete_other_sessions(db: &Db, user_id: UserId, keep: Option<&str>) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    delete_sessions_but(&mut conn, user_id, keep).await
}

async fn delete_sessions_but(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    keep: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(keep.unwrap_or(""))
        .execute(conn)
        .await?;
    Ok(())
}

/// A signed-in person's new password: every other session ends, this one counts as a fresh login.
pub async fn change_password(
    tx: &mut Tx,
    user_id: UserId,
    hash: &str,
    keep: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    Update::table(Users::Table)
        .set(Users::PasswordHash, hash)
        .filter(Users::Id, user_id)
        .run(tx)
        .await?;
    delete_sessions_but(tx, user_id, keep).await?;
    if let Some(k) = keep {
        Update::table(Sessions::Table)
            .set(Sessions::AuthenticatedAt, now)
            .filter(Sessions::IdHash, k)
            .run(tx)
            .await?;
    }
    Ok(())
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    Delete::from(Sessions::Table)
        .filter(Sessions::IdHash, token_hash)
        .run(&mut conn)
        .await?;
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Login,
    Reset,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Verify => "verify",
            Purpose::Login => "login",
            Purpose::Reset => "reset",
        }
    }

    /// How long a link of this kind is valid, in seconds.
    pub fn lifetime(self) -> i64 {
        match self {
            Purpose::Verify => 48 * 3600,
            Purpose::Login => 20 * 60,
            Purpose::Reset => 3600,
        }
    }
}

pub async fn create_link(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    purpose: Purpose,
    token_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    // A new link of a kind ends the person's older open links of that kind (issue 14, finding
    // 6): only the newest login, reset or verification link in a mailbox works. They expire
    // now rather than count as used, so the older link's page says to ask for a new one.
    sqlx::query(
        "UPDATE one_time_links SET expires_at = $3 \
         WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Insert::into(Links::Table)
        .set(Links::TokenHash, token_hash)
        .set(Links::UserId, user_id)
        .set(Links::Purpose, purpose.as_str())
        .set(Links::CreatedAt, now)
        .set(Links::ExpiresAt, now + purpose.lifetime())
        .run(conn)
        .await?;
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub enum LinkState {
    Valid(UserId),
    Unknown,
    Expired,
    Used,
}

/// Look at a link without using it (the page with the confirm button).
pub async fn check_link(db: &Db, token_hash: &str, purpose: Purpose, now: i64) -> Result<LinkState, sqlx::Error> {
    let row: Option<(UserId, i64, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, expires_at, used_at FROM one_time_links WHERE token_hash = $1 AND purpose = $2",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(match row {
        None => LinkState::Unknown,
        Some((_, _, Some(_))) => LinkState::Used,
        Some((_, exp, None)) if exp <= now => LinkState::Expired,
        Some((uid, _, None)) => LinkState::Valid(uid),
    })
}

/// Use a link: succeeds for exactly one caller, even when two arrive at once.
pub async fn consume_link(tx: &mut Tx, token_hash: &str, purpose: Purpose, now: i64) -> Result<LinkState, sqlx::Error> {
    let used: Option<(UserId,)> = sqlx::query_as(
        "UPDATE one_time_links SET used_at = $3 \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some((uid,)) = used {
        // Using a link ends every other link of the person that is still open (issue 14,
        // finding 6): an older login or reset link lying in a mailbox is worth nothing now.
        sqlx::query("UPDATE one_time_links SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL")
            .bind(uid)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        return Ok(LinkState::Valid(uid));
    }
    let row: Option<(i64, Option<i64>)> =
        sqlx::query_as("SELECT expires_at, used_at FROM one_time_links WHERE token_hash = $1 AND purpose = $2")
            .bind(token_hash)
            .bind(purpose.as_str())
            .fetch_optional(&mut **tx)
            .await?;
    Ok(match row {
        None => LinkState::Unknown,
        Some((_, Some(_))) => LinkState::Used,
        Some(_) => LinkState::Expired,
    })
}

/// Mark the address proven by a link (a login link, or the verification mail). A password set
/// while the address was unproven could be anyone's (issue 14, finding 1: pre-account takeover):
/// it survives only when `keep_password` (the link was confirmed in the browser that registered
/// with it or logged in with it); otherwise it is dropped and the owner chooses a new one.
/// Returns true when a password was dropped.
pub async fn verify_by_link(tx: &mut Tx, user_id: UserId, now: i64, keep_password: bool) -> Result<bool, sqlx::Error> {
    if keep_password {
        mark_verified(tx, user_id, now).await?;
        return Ok(false);
    }
    let dropped = Update::table(Users::Table)
        .set(Users::EmailVerifiedAt, now)
        .set(Users::PasswordHash, None::<String>)
        .filter(Users::Id, user_id)
        .filter_expr(Expr::col(Users::EmailVerifiedAt).is_null())
        .filter_expr(Expr::col(Users::PasswordHash).is_not_null())
        .run(tx)
        .await?;
    mark_verified(tx, user_id, now).await?;
    Ok(dropped > 0)
}

/// Whether the account's address is proven (roles and representation need it).
pub async fn is_verified(conn: &mut sqlx::AnyConnection, user_id: UserId) -> Result<bool, sqlx::Error> {
    let row: Option<(Option<i64>,)> = sqlx::query_as("SELECT email_verified_at FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(matches!(row, Some((Some(_),))))
}

pub async fn mark_verified(tx: &mut Tx, user_id: UserId, now: i64) -> Result<(), sqlx::Error> {
    Update::table(Users::Table)
        .set(Users::EmailVerifiedAt, now)
        .filter(Users::Id, user_id)
        .filter_expr(Expr::col(Users::EmailVerifiedAt).is_null())
        .run(tx)
        .await?;
    Ok(())
}

/// Set a new password and end every session of the account (someone else may have one).
pub async fn set_password(tx: &mut Tx, user_id: UserId, hash: &str) -> Result<(), sqlx::Error> {
    Update::table(Users::Table)
        .set(Users::PasswordHash, hash)
        .filter(Users::Id, user_id)
        .run(tx)
        .await?;
    Delete::from(Sessions::Table)
        .filter(Sessions::UserId, user_id)
        .run(tx)
        .await?;
    Ok(())
}

/// Everything the platform holds about a person, for their own download.
pub async fn export(db: &Db, user_id: UserId) -> Result<serde_json::Value, sqlx::Error> {
    let Some(u) = by_id(db, user_id).await? else {
        return Ok(serde_json::Value::Null);
    };
    #[derive(sqlx::FromRow)]
    struct RoleRow(String, Option<String>, Option<String>, Option<String>, i64);
    let roles: Vec<RoleRow> = sqlx::query_as(
        "SELECT r.role, m.name, d.name, o.name, r.created_at FROM roles r \
         LEFT JOIN municipalities m ON m.id = r.municipality_id \
         LEFT JOIN departments d ON d.id = r.department_id \
         LEFT JOIN organisations o ON o.id = r.organisation_id WHERE r.user_id = $1 ORDER BY r.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    let sessions: Vec<(i64, i64)> =
        sqlx::query_as("SELECT created_at, expires_at FROM sessions WHERE user_id = $1 ORDER BY created_at")
            .bind(user_id)
            .fetch_all(&db.pool)
            .await?;
    let changes: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT at, action, summary FROM audit_log WHERE actor_user_id = $1 ORDER BY id")
            .bind(user_id)
            .fetch_all(&db.pool)
            .await?;
    let language = language_of(db, user_id).await?;
    Ok(serde_json::json!({
        "account": {
            "name": u.name,
            "email": u.email,
            "email_verified_at": u.email_verified_at.map(crate::format::datetime),
            "has_password": u.password_hash.is_some(),
            "language": language.map(|l| l.code()),
        },
        "roles": roles.into_iter().map(|r| serde_json::json!({
            "role": r.0, "municipality": r.1, "department": r.2, "organisation": r.3,
            "since": crate::format::datetime(r.4),
        })).collect::<Vec<_>>(),
        "sessions": sessions.into_iter().map(|s| serde_json::json!({
            "created": crate::format::datetime(s.0), "expires": crate::format::datetime(s.1),
        })).collect::<Vec<_>>(),
        "changes_made": changes.into_iter().map(|c| serde_json::json!({
            "at": crate::format::datetime(c.0), "action": c.1, "summary": c.2,
        })).collect::<Vec<_>>(),
    }))
}

/// Erase an account, in one transaction: first each capability's part (`personal`), then the
/// account with its roles, sessions and links; the audit trail keeps what was changed but no
/// longer who did it or whom it named; mail to the person in the outbox and the queue goes too.
pub async fn erase(
    db: &Db,
    user_id: UserId,
    personal: &[(&'static str, &'static crate::state::PersonalData)],
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    for (_, p) in personal {
        (p.erase)(&mut tx, user_id, now).await?;
    }
    Update::table(Audit::Table)
        .set(Audit::ActorName, "–")
        .set(Audit::ActorUserId, None::<UserId>)
        .filter(Audit::ActorUserId, user_id)
        .run(&mut tx)
        .await?;
    // Summaries name whom a change was about ("Arbetsgrupp 1: Isa Österberg"): the person's
    // name and address go from them too, whoever made the change.
    let who: Option<(String, String)> = sqlx::query_as("SELECT name, email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    for word in who.into_iter().flat_map(|(name, email)| [name, email]) {
        if word.trim().chars().count() < 3 {
            continue;
        }
        sqlx::query("UPDATE audit_log SET summary = replace(summary, $1, '–') WHERE summary LIKE '%' || $1 || '%'")
            .bind(&word)
            .execute(&mut *tx)
            .await?;
    }
    let address: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some((address,)) = address {
        crate::mail::forget_address(&mut tx, &address).await?;
    }
    Delete::from(Users::Table)
        .filter(Users::Id, user_id)
        .run(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
