//! The queries of the consultation group: every function takes the municipality; each change
//! runs in its own write transaction with its audit entry.

use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert};
use platform::{MunicipalityId, UserId};

#[derive(sea_query::Iden)]
#[iden = "support_consultation_members"]
pub(crate) enum Members {
    Table,
    MunicipalityId,
    UserId,
    Organisation,
    ConsentedAt,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A member of the group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub consented_at: i64,
}

/// The group's members, by name.
pub async fn members(db: &Db, m: MunicipalityId) -> Result<Vec<Member>, sqlx::Error> {
    let rows: Vec<(UserId, String, String, String, i64)> = sqlx::query_as(
        "SELECT c.user_id, u.name, u.email, c.organisation, c.consented_at FROM support_consultation_members c \
         JOIN users u ON u.id = c.user_id WHERE c.municipality_id = $1 ORDER BY u.name, c.id",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(user_id, name, email, organisation, consented_at)| Member {
            user_id,
            name,
            email,
            organisation,
            consented_at,
        })
        .collect())
}

/// The association a member answers for (empty when none), or `None` when not a member.
pub async fn membership(db: &Db, m: MunicipalityId, user: UserId) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT organisation FROM support_consultation_members WHERE municipality_id = $1 AND user_id = $2",
    )
    .bind(m)
    .bind(user)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.0))
}

/// Join the group (the caller checked the consent); joining again changes the association.
pub async fn join(db: &Db, m: MunicipalityId, actor: &CurrentUser, organisation: &str, now: i64) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        Delete::from(Members::Table)
            .filter(Members::MunicipalityId, m)
            .filter(Members::UserId, actor.id)
            .run(tx)
            .await?;
        Insert::into(Members::Table)
            .set(Members::MunicipalityId, m)
            .set(Members::UserId, actor.id)
            .set(Members::Organisation, organisation)
            .set(Members::ConsentedAt, now)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.consultation.join",
                "user",
                actor.id,
                organisation,
            ),
        ))
    })
    .await
}

/// A member leaves, or the coordinator removes one (`actor` says who).
pub async fn remove(db: &Db, m: MunicipalityId, user: UserId, actor: &CurrentUser, now: i64) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let done = Delete::from(Members::Table)
            .filter(Members::MunicipalityId, m)
            .filter(Members::UserId, user)
            .run(tx)
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok((
            (),
            Change::new(
                m,
                Some(actor),
                "support.consultation.leave",
                "user",
                user,
                String::new(),
            ),
        ))
    })
    .await
}
