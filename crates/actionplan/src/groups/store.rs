//! The working groups' queries: the list, one group and its members, making a group, joining
//! and leaving. Every function takes the municipality and filters by it.

use crate::ids::{AreaId, GoalId, GroupId};
use crate::store::ensure_plan;
use crate::tables::{Groups, Members, MEMBER};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, OnConstraint};
use platform::{MunicipalityId, UserId};
use sqlx::any::AnyRow;
use sqlx::Row;

#[derive(Clone, Debug)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub description: String,
    pub area_id: Option<AreaId>,
    pub area: Option<String>,
    /// The single goal the group formed around, if any (its text).
    pub goal_id: Option<GoalId>,
    pub goal: Option<String>,
    pub convener_user_id: Option<UserId>,
    pub convener: Option<String>,
    pub members: i64,
}

const GROUP: &str = "SELECT gr.id, gr.name, gr.description, gr.area_id, ar.number, ar.name AS area_name, \
     gr.goal_id, go.text AS goal_text, gr.convener_user_id, u.name AS convener, \
     (SELECT COUNT(*) FROM actionplan_members m WHERE m.group_id = gr.id) AS members \
     FROM actionplan_groups gr \
     LEFT JOIN actionplan_areas ar ON ar.id = gr.area_id \
     LEFT JOIN actionplan_goals go ON go.id = gr.goal_id \
     LEFT JOIN users u ON u.id = gr.convener_user_id";

fn group(r: &AnyRow) -> Result<Group, sqlx::Error> {
    let n: Option<i64> = r.try_get("number")?;
    let name: Option<String> = r.try_get("area_name")?;
    Ok(Group {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        area_id: r.try_get("area_id")?,
        area: n.zip(name).map(|(n, name)| format!("{n} {name}")),
        goal_id: r.try_get("goal_id")?,
        goal: r.try_get("goal_text")?,
        convener_user_id: r.try_get("convener_user_id")?,
        convener: r.try_get("convener")?,
        members: r.try_get("members")?,
    })
}

pub async fn groups(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Group>, sqlx::Error> {
    sqlx::query(&format!(
        "{GROUP} WHERE gr.municipality_id = $1 ORDER BY ar.number, gr.name, gr.id"
    ))
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(group)
    .collect()
}

pub async fn group_by_id(db: &Db, municipality_id: MunicipalityId, id: GroupId) -> Result<Option<Group>, sqlx::Error> {
    let row = sqlx::query(&format!("{GROUP} WHERE gr.municipality_id = $1 AND gr.id = $2"))
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(group).transpose()
}

/// A member of a group as its members and the coordinator see them.
#[derive(Clone, Debug)]
pub struct Member {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub consent_at: i64,
}

/// A group's members, in Swedish order.
pub async fn members(db: &Db, municipality_id: MunicipalityId, group_id: GroupId) -> Result<Vec<Member>, sqlx::Error> {
    let rows: Vec<(UserId, String, String, i64)> = sqlx::query_as(
        "SELECT u.id, u.name, u.email, m.consent_at FROM actionplan_members m JOIN users u ON u.id = m.user_id \
         WHERE m.municipality_id = $1 AND m.group_id = $2",
    )
    .bind(municipality_id)
    .bind(group_id)
    .fetch_all(&db.pool)
    .await?;
    let mut v: Vec<Member> = rows
        .into_iter()
        .map(|(user_id, name, email, consent_at)| Member {
            user_id,
            name,
            email,
            consent_at,
        })
        .collect();
    v.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name).then(a.user_id.cmp(&b.user_id)));
    Ok(v)
}

#[derive(Debug, thiserror::Error)]
pub enum GroupError {
    #[error("no such group, area or convener in this municipality")]
    NotFound,
    /// The goal is not in the municipality's current plan.
    #[error("no such goal in this municipality's plan")]
    NoGoal,
    #[error("already a member")]
    AlreadyMember,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A new working group: its name and description, the area it works on (none for the whole
/// plan) and its convener, who must have a role in the municipality and is its first member.
pub struct NewGroup<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub area_id: Option<AreaId>,
    /// A single goal the group forms around (its area becomes the group's area).
    pub goal_id: Option<GoalId>,
    pub convener: Option<UserId>,
}

pub async fn create_group(
    db: &Db,
    municipality_id: MunicipalityId,
    new: &NewGroup<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<GroupId, GroupError> {
    db::write(db, now, async |tx| {
        let plan_id = ensure_plan(tx, municipality_id, actor, now).await?;
        let mut area_id = new.area_id;
        if let Some(g) = new.goal_id {
            let found: Option<(AreaId,)> = sqlx::query_as(
                "SELECT g.area_id FROM actionplan_goals g JOIN actionplan_areas ar ON ar.id = g.area_id \
                 WHERE g.id = $1 AND g.municipality_id = $2 AND ar.plan_id = $3",
            )
            .bind(g)
            .bind(municipality_id)
            .bind(plan_id)
            .fetch_optional(&mut *tx)
            .await?;
            match found {
                Some((a,)) => area_id = Some(a),
                None => return Err(GroupError::NoGoal),
            }
        }
        if let Some(a) = new.area_id {
            let found: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM actionplan_areas WHERE id = $1 AND municipality_id = $2")
                    .bind(a)
                    .bind(municipality_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if found.is_none() {
                return Err(GroupError::NotFound);
            }
        }
        if let Some(u) = new.convener {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM roles WHERE user_id = $1 AND municipality_id = $2")
                .bind(u)
                .bind(municipality_id)
                .fetch_one(&mut *tx)
                .await?;
            if n == 0 {
                return Err(GroupError::NotFound);
            }
        }
        let id: GroupId = Insert::into(Groups::Table)
            .set(Groups::MunicipalityId, municipality_id)
            .set(Groups::PlanId, plan_id)
            .set(Groups::AreaId, area_id)
            .set(Groups::GoalId, new.goal_id)
            .set(Groups::Name, new.name)
            .set(Groups::Description, new.description)
            .set(Groups::ConvenerUserId, new.convener)
            .set(Groups::CreatedAt, now)
            .returning_id(tx)
            .await?;
        if let Some(u) = new.convener {
            Insert::into(Members::Table)
                .set(Members::MunicipalityId, municipality_id)
                .set(Members::GroupId, id)
                .set(Members::UserId, u)
                .set(Members::ConsentAt, now)
                .run(tx)
                .await?;
        }
        let change = Change::new(
            municipality_id,
            actor,
            "actionplan.group.create",
            "actionplan_group",
            id,
            new.name,
        );
        Ok((id, change))
    })
    .await
}

/// Join a group, consenting now to being listed to its members and the coordinator.
pub async fn join(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: GroupId,
    user: &CurrentUser,
    now: i64,
) -> Result<(), GroupError> {
    db::write(db, now, async |tx| {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM actionplan_groups WHERE id = $1 AND municipality_id = $2")
                .bind(group_id)
                .bind(municipality_id)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(GroupError::NotFound);
        }
        Insert::into(Members::Table)
            .set(Members::MunicipalityId, municipality_id)
            .set(Members::GroupId, group_id)
            .set(Members::UserId, user.id)
            .set(Members::ConsentAt, now)
            .run(tx)
            .await
            .on_unique(MEMBER, || GroupError::AlreadyMember)?;
        let change = Change::new(
            municipality_id,
            Some(user),
            "actionplan.group.join",
            "actionplan_group",
            group_id,
            user.name.clone(),
        );
        Ok(((), change))
    })
    .await
}

/// Leave a group (the consent goes with the membership). Returns whether the user was a member.
pub async fn leave(
    db: &Db,
    municipality_id: MunicipalityId,
    group_id: GroupId,
    user: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let res = db::write(db, now, async |tx| {
        let removed = Delete::from(Members::Table)
            .filter(Members::MunicipalityId, municipality_id)
            .filter(Members::GroupId, group_id)
            .filter(Members::UserId, user.id)
            .run(tx)
            .await?;
        if removed == 0 {
            return Err(sqlx::Error::RowNotFound);
        }
        let change = Change::new(
            municipality_id,
            Some(user),
            "actionplan.group.leave",
            "actionplan_group",
            group_id,
            user.name.clone(),
        );
        Ok(((), change))
    })
    .await;
    match res {
        Ok(()) => Ok(true),
        Err(sqlx::Error::RowNotFound) => Ok(false),
        Err(e) => Err(e),
    }
}
