//! Requests to become an organisation's representative: who may approve them, asking, the
//! pending requests, and the decision (which grants the representative role). The e-mails are
//! built by the caller and queued here in the same transaction.

use crate::ids::JoinRequestId;
use crate::store::{owns, RegistryError};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, OnConstraint, Unique, Update};
use platform::mail::Email;
use platform::{MunicipalityId, OrganisationId, UserId};

type RequestRow = (
    JoinRequestId,
    OrganisationId,
    String,
    UserId,
    String,
    String,
    String,
    i64,
);

#[derive(sea_query::Iden)]
#[iden = "registry_join_requests"]
pub(crate) enum JoinRequests {
    Table,
    Id,
    OrganisationId,
    MunicipalityId,
    UserId,
    Message,
    Status,
    CreatedAt,
    DecidedAt,
    DecidedByUserId,
}

/// One pending request per person and organisation (a partial unique index).
const PENDING: Unique = Unique {
    table: "registry_join_requests",
    columns: &["organisation_id", "user_id"],
};

/// The platform's roles, as a decision grants one.
#[derive(sea_query::Iden)]
enum Roles {
    Table,
    UserId,
    Role,
    MunicipalityId,
    OrganisationId,
    CreatedAt,
}

/// A request's state, stored as its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    Pending,
    Approved,
    Rejected,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinRequest {
    pub id: JoinRequestId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub user_id: UserId,
    pub user_name: String,
    pub user_email: String,
    pub message: String,
    pub created_at: i64,
}

/// Who may approve a request to join the organisation: its representatives and the
/// municipality's coordinators (their e-mail addresses, one query).
pub async fn approvers(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
) -> Result<Vec<String>, sqlx::Error> {
    let v: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT u.email FROM roles r JOIN users u ON u.id = r.user_id \
         WHERE r.municipality_id = $1 AND ((r.role = 'representative' AND r.organisation_id = $2) \
         OR r.role = 'coordinator') ORDER BY u.email",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(v.into_iter().map(|r| r.0).collect())
}

/// A person asks to become a representative; `notify` (to the approvers) is queued with it.
pub async fn request_join(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    user: &CurrentUser,
    message: &str,
    notify: &[Email],
    now: i64,
) -> Result<JoinRequestId, RegistryError> {
    db::write(db, now, async |tx| {
        if !owns(tx, municipality_id, id).await? {
            return Err(RegistryError::NotFound);
        }
        let rid: JoinRequestId = Insert::into(JoinRequests::Table)
            .set(JoinRequests::OrganisationId, id)
            .set(JoinRequests::MunicipalityId, municipality_id)
            .set(JoinRequests::UserId, user.id)
            .set(JoinRequests::Message, message)
            .set(JoinRequests::CreatedAt, now)
            .returning_id(tx)
            .await
            .on_unique(PENDING, || RegistryError::AlreadyRequested)?;
        for e in notify {
            platform::mail::queue(tx, Some(municipality_id), e, now).await?;
        }
        let change = Change::new(
            municipality_id,
            Some(user),
            "registry.join.request",
            "organisation",
            id,
            &user.email,
        );
        Ok((rid, change))
    })
    .await
}

/// Pending requests in the municipality, of one organisation or all.
pub async fn pending_requests(
    db: &Db,
    municipality_id: MunicipalityId,
    organisation_id: Option<OrganisationId>,
) -> Result<Vec<JoinRequest>, sqlx::Error> {
    let rows: Vec<RequestRow> = sqlx::query_as(
        "SELECT j.id, j.organisation_id, o.name, u.id, u.name, u.email, j.message, j.created_at \
         FROM registry_join_requests j JOIN organisations o ON o.id = j.organisation_id \
         JOIN users u ON u.id = j.user_id \
         WHERE j.municipality_id = $1 AND j.status = 'pending' AND ($2 = 0 OR j.organisation_id = $2) \
         ORDER BY j.created_at, j.id",
    )
    .bind(municipality_id)
    .bind(organisation_id.map_or(0, OrganisationId::get))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| JoinRequest {
            id: r.0,
            organisation_id: r.1,
            organisation_name: r.2,
            user_id: r.3,
            user_name: r.4,
            user_email: r.5,
            message: r.6,
            created_at: r.7,
        })
        .collect())
}

/// A pending request of the municipality.
pub async fn request(
    db: &Db,
    municipality_id: MunicipalityId,
    request_id: JoinRequestId,
) -> Result<Option<JoinRequest>, sqlx::Error> {
    let all = pending_requests(db, municipality_id, None).await?;
    Ok(all.into_iter().find(|r| r.id == request_id))
}

/// Approve (granting the representative role) or reject a pending request; `notify` (to the
/// person who asked) is queued with the decision.
pub async fn decide(
    db: &Db,
    municipality_id: MunicipalityId,
    request_id: JoinRequestId,
    approve: bool,
    actor: &CurrentUser,
    notify: Option<&Email>,
    now: i64,
) -> Result<JoinRequest, RegistryError> {
    let req = request(db, municipality_id, request_id)
        .await?
        .ok_or(RegistryError::NotFound)?;
    db::write(db, now, async |tx| {
        let status = if approve { Status::Approved } else { Status::Rejected };
        let done = Update::table(JoinRequests::Table)
            .set(JoinRequests::Status, <&str>::from(status))
            .set(JoinRequests::DecidedAt, now)
            .set(JoinRequests::DecidedByUserId, actor.id)
            .filter(JoinRequests::Id, request_id)
            .filter(JoinRequests::MunicipalityId, municipality_id)
            .filter(JoinRequests::Status, <&str>::from(Status::Pending))
            .run(tx)
            .await?;
        if done != 1 {
            return Err(RegistryError::NotFound);
        }
        if approve {
            // Only a proven address may represent an organisation (issue 14, finding 1).
            if !platform::accounts::store::is_verified(tx, req.user_id).await? {
                return Err(RegistryError::Unverified);
            }
            let has: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM roles WHERE user_id = $1 AND role = 'representative' AND organisation_id = $2",
            )
            .bind(req.user_id)
            .bind(req.organisation_id)
            .fetch_optional(&mut *tx)
            .await?;
            if has.is_none() {
                Insert::into(Roles::Table)
                    .set(Roles::UserId, req.user_id)
                    .set(Roles::Role, "representative")
                    .set(Roles::MunicipalityId, municipality_id)
                    .set(Roles::OrganisationId, req.organisation_id)
                    .set(Roles::CreatedAt, now)
                    .run(tx)
                    .await?;
            }
        }
        if let Some(e) = notify {
            platform::mail::queue(tx, Some(municipality_id), e, now).await?;
        }
        let action = if approve {
            "registry.join.approve"
        } else {
            "registry.join.reject"
        };
        let change = Change::new(
            municipality_id,
            Some(actor),
            action,
            "organisation",
            req.organisation_id,
            &req.user_email,
        );
        Ok(((), change))
    })
    .await?;
    Ok(req)
}
