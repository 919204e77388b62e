//! The queries of the idea bank: every function takes the municipality; every change runs in
//! one write transaction with its audit entry. A status change runs in its caller's transaction
//! ([`change_status`]) and returns what happened, so the caller queues the submitter's letter
//! in the same transaction. Meetings and activities are only ids here: their names and pages
//! come from the meetings' and the action plan's public functions.

use super::domain::{self, Category, Checked, Filter, Refusal, Sort, Status, Target};
use crate::ids::{CommentId, IdeaId};
use meetings::ids::MeetingId;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, Update};
use platform::{MunicipalityId, UserId};

#[derive(sea_query::Iden)]
#[iden = "support_ideas"]
pub(crate) enum Ideas {
    Table,
    Id,
    MunicipalityId,
    SubmittedBy,
    Title,
    Description,
    Principle,
    Category,
    Area,
    Status,
    StatusReason,
    MeetingId,
    ActivityId,
    HiddenAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_idea_supports"]
pub(crate) enum Supports {
    Table,
    IdeaId,
    MunicipalityId,
    UserId,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_idea_comments"]
pub(crate) enum Comments {
    Table,
    Id,
    IdeaId,
    MunicipalityId,
    UserId,
    Body,
    HiddenAt,
    CreatedAt,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not an idea (or comment) of the municipality, or one the person may not see.
    #[error("not found")]
    NotFound,
    /// The idea is done or closed: it takes no more support.
    #[error("not now")]
    NotNow,
    /// The coordinator's move was refused by the rules.
    #[error("refused")]
    Refused(Refusal),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// An idea as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Idea {
    pub id: IdeaId,
    pub submitted_by: Option<UserId>,
    /// The submitter's name (empty once the account is erased).
    pub submitter: String,
    pub title: String,
    pub description: String,
    pub principle: Option<i64>,
    pub category: Category,
    pub area: String,
    pub status: Status,
    pub status_reason: String,
    pub meeting_id: Option<MeetingId>,
    pub activity_id: Option<i64>,
    pub hidden: bool,
    pub supports: i64,
    pub comments: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: IdeaId,
    submitted_by: Option<UserId>,
    submitter: Option<String>,
    title: String,
    description: String,
    principle: Option<i64>,
    category: String,
    area: String,
    status: String,
    status_reason: String,
    meeting_id: Option<MeetingId>,
    activity_id: Option<i64>,
    hidden_at: Option<i64>,
    supports: i64,
    comments: i64,
    created_at: i64,
    updated_at: i64,
}

impl From<Row> for Idea {
    fn from(r: Row) -> Idea {
        Idea {
            id: r.id,
            submitted_by: r.submitted_by,
            submitter: r.submitter.unwrap_or_default(),
            title: r.title,
            description: r.description,
            principle: r.principle,
            category: r.category.parse().unwrap_or(Category::Other),
            area: r.area,
            status: r.status.parse().unwrap_or(Status::New),
            status_reason: r.status_reason,
            meeting_id: r.meeting_id,
            activity_id: r.activity_id,
            hidden: r.hidden_at.is_some(),
            supports: r.supports,
            comments: r.comments,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

const COLUMNS: &str = "i.id, i.submitted_by, u.name AS submitter, i.title, i.description, i.principle, i.category, \
     i.area, i.status, i.status_reason, i.meeting_id, i.activity_id, i.hidden_at, \
     (SELECT COUNT(*) FROM support_idea_supports s WHERE s.idea_id = i.id) AS supports, \
     (SELECT COUNT(*) FROM support_idea_comments c WHERE c.idea_id = i.id AND c.hidden_at IS NULL) AS comments, \
     i.created_at, i.updated_at";
const FROM: &str = "FROM support_ideas i LEFT JOIN users u ON u.id = i.submitted_by";

/// The list: the municipality's ideas that pass the filter, sorted as asked, at most
/// [`domain::LIST_SIZE`]; hidden ones only when `hidden` (the coordinator's view).
pub async fn list(db: &Db, m: MunicipalityId, f: &Filter, hidden: bool) -> Result<Vec<Idea>, sqlx::Error> {
    let mut sql = format!("SELECT {COLUMNS} {FROM} WHERE i.municipality_id = $1");
    let mut binds: Vec<String> = vec![];
    if !hidden {
        sql.push_str(" AND i.hidden_at IS NULL");
    }
    if let Some(s) = f.status {
        binds.push(s.as_str().to_string());
        sql.push_str(&format!(" AND i.status = ${}", binds.len() + 1));
    }
    if let Some(p) = f.principle {
        sql.push_str(&format!(" AND i.principle = {p}"));
    }
    if let Some(c) = f.category {
        binds.push(c.as_str().to_string());
        sql.push_str(&format!(" AND i.category = ${}", binds.len() + 1));
    }
    sql.push_str(match f.sort {
        Sort::Support => " ORDER BY supports DESC, i.created_at DESC, i.id DESC",
        Sort::Newest => " ORDER BY i.created_at DESC, i.id DESC",
    });
    sql.push_str(&format!(" LIMIT {}", domain::LIST_SIZE));
    let mut q = sqlx::query_as::<_, Row>(&sql).bind(m);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    Ok(q.fetch_all(&db.pool).await?.into_iter().map(Idea::from).collect())
}

/// The latest changed ideas the public sees (the feed), the latest change first.
pub async fn latest(db: &Db, m: MunicipalityId, limit: i64) -> Result<Vec<Idea>, sqlx::Error> {
    let rows = sqlx::query_as::<_, Row>(&format!(
        "SELECT {COLUMNS} {FROM} WHERE i.municipality_id = $1 AND i.hidden_at IS NULL \
         ORDER BY i.updated_at DESC, i.id DESC LIMIT $2"
    ))
    .bind(m)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Idea::from).collect())
}

/// The open ideas with the most support (the start page's panel).
pub async fn most_supported(db: &Db, m: MunicipalityId, limit: i64) -> Result<Vec<Idea>, sqlx::Error> {
    let rows = sqlx::query_as::<_, Row>(&format!(
        "SELECT {COLUMNS} {FROM} WHERE i.municipality_id = $1 AND i.hidden_at IS NULL \
         AND i.status NOT IN ('done', 'closed') ORDER BY supports DESC, i.created_at DESC, i.id DESC LIMIT $2"
    ))
    .bind(m)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(Idea::from).collect())
}

/// One idea of the municipality, hidden or not.
pub async fn one(db: &Db, m: MunicipalityId, id: IdeaId) -> Result<Option<Idea>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE i.id = $1 AND i.municipality_id = $2"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(Idea::from))
}

/// Whether a person supports an idea.
pub async fn supports(db: &Db, m: MunicipalityId, id: IdeaId, user: UserId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM support_idea_supports WHERE idea_id = $1 AND municipality_id = $2 AND user_id = $3",
    )
    .bind(id)
    .bind(m)
    .bind(user)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.is_some())
}

/// A comment as the idea's page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub id: CommentId,
    /// The writer's name (empty once the account is erased).
    pub writer: String,
    pub body: String,
    pub hidden: bool,
    pub created_at: i64,
}

/// An idea's comments, the earliest first; hidden ones only when `hidden`.
pub async fn comments(db: &Db, m: MunicipalityId, id: IdeaId, hidden: bool) -> Result<Vec<Comment>, sqlx::Error> {
    type CommentRow = (CommentId, Option<String>, String, Option<i64>, i64);
    let rows: Vec<CommentRow> = sqlx::query_as(&format!(
        "SELECT c.id, u.name, c.body, c.hidden_at, c.created_at FROM support_idea_comments c \
         LEFT JOIN users u ON u.id = c.user_id WHERE c.municipality_id = $1 AND c.idea_id = $2{} \
         ORDER BY c.created_at, c.id",
        if hidden { "" } else { " AND c.hidden_at IS NULL" }
    ))
    .bind(m)
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, writer, body, hidden_at, created_at)| Comment {
            id,
            writer: writer.unwrap_or_default(),
            body,
            hidden: hidden_at.is_some(),
            created_at,
        })
        .collect())
}

/// Submit an idea (status new).
pub async fn add(
    db: &Db,
    m: MunicipalityId,
    user: UserId,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<IdeaId> {
    db::write(db, now, async |tx| {
        let id: IdeaId = Insert::into(Ideas::Table)
            .set(Ideas::MunicipalityId, m)
            .set(Ideas::SubmittedBy, user)
            .set(Ideas::Title, c.title.as_str())
            .set(Ideas::Description, c.description.as_str())
            .set(Ideas::Principle, c.principle)
            .set(Ideas::Category, c.category.as_str())
            .set(Ideas::Area, c.area.as_str())
            .set(Ideas::Status, Status::New.as_str())
            .set(Ideas::CreatedAt, now)
            .set(Ideas::UpdatedAt, now)
            .returning_id(tx)
            .await?;
        Ok((
            id,
            Change::new(m, actor, "support.idea.add", "support_idea", id, c.title.clone()),
        ))
    })
    .await
}

/// An idea's status, title and hidden mark, inside a write (locked for the change).
async fn state_of(tx: &mut sqlx::AnyConnection, m: MunicipalityId, id: IdeaId) -> StoreResult<(Status, String, bool)> {
    let row: Option<(String, String, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT status, title, hidden_at FROM support_ideas WHERE id = $1 AND municipality_id = $2{}",
        db::Backend::of(tx).for_update()
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let (status, title, hidden) = row.ok_or(StoreError::NotFound)?;
    Ok((status.parse().unwrap_or(Status::New), title, hidden.is_some()))
}

/// Support an idea (once; supporting again changes nothing). Not a hidden idea, nor one that
/// is done or closed. Returns whether the support is new.
pub async fn support(db: &Db, m: MunicipalityId, id: IdeaId, user: &CurrentUser, now: i64) -> StoreResult<bool> {
    db::write(db, now, async |tx| {
        let (status, title, hidden) = state_of(tx, m, id).await?;
        if hidden {
            return Err(StoreError::NotFound);
        }
        if !status.open() {
            return Err(StoreError::NotNow);
        }
        let done = Insert::into(Supports::Table)
            .set(Supports::IdeaId, id)
            .set(Supports::MunicipalityId, m)
            .set(Supports::UserId, user.id)
            .set(Supports::CreatedAt, now)
            .or_ignore_on([Supports::IdeaId, Supports::UserId])
            .run(tx)
            .await?;
        let added = done > 0;
        Ok((
            added,
            Change::new(m, Some(user), "support.idea.support", "support_idea", id, title),
        ))
    })
    .await
}

/// Withdraw one's support of an idea. Returns whether there was one.
pub async fn unsupport(db: &Db, m: MunicipalityId, id: IdeaId, user: &CurrentUser, now: i64) -> StoreResult<bool> {
    db::write(db, now, async |tx| {
        let (_, title, hidden) = state_of(tx, m, id).await?;
        if hidden {
            return Err(StoreError::NotFound);
        }
        let done = platform::db::Delete::from(Supports::Table)
            .filter(Supports::IdeaId, id)
            .filter(Supports::MunicipalityId, m)
            .filter(Supports::UserId, user.id)
            .run(tx)
            .await?;
        Ok((
            done > 0,
            Change::new(m, Some(user), "support.idea.unsupport", "support_idea", id, title),
        ))
    })
    .await
}

/// Comment on an idea (not a hidden one).
pub async fn comment(
    db: &Db,
    m: MunicipalityId,
    id: IdeaId,
    user: &CurrentUser,
    body: &str,
    now: i64,
) -> StoreResult<CommentId> {
    db::write(db, now, async |tx| {
        let (_, title, hidden) = state_of(tx, m, id).await?;
        if hidden {
            return Err(StoreError::NotFound);
        }
        let comment: CommentId = Insert::into(Comments::Table)
            .set(Comments::IdeaId, id)
            .set(Comments::MunicipalityId, m)
            .set(Comments::UserId, user.id)
            .set(Comments::Body, body)
            .set(Comments::CreatedAt, now)
            .returning_id(tx)
            .await?;
        Ok((
            comment,
            Change::new(m, Some(user), "support.idea.comment", "support_idea", id, title),
        ))
    })
    .await
}

/// What a status change did: for the submitter's letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub title: String,
    pub status: Status,
    pub reason: String,
    pub meeting_id: Option<MeetingId>,
    pub activity_id: Option<i64>,
    /// The submitter's address (None once the account is erased).
    pub submitter_email: Option<String>,
}

/// Move an idea to another status, in the caller's write transaction (the caller queues the
/// letter in it and records the returned audit entry). The meeting or activity must already be
/// checked as the municipality's by the caller.
pub async fn change_status<'a>(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    slug: &str,
    id: IdeaId,
    to: &Target,
    actor: Option<&'a CurrentUser>,
    now: i64,
) -> StoreResult<(Changed, Change<'a>)> {
    let row: Option<(String, String, Option<MeetingId>, Option<UserId>)> = sqlx::query_as(&format!(
        "SELECT status, title, meeting_id, submitted_by FROM support_ideas WHERE id = $1 AND municipality_id = $2{}",
        db::Backend::of(tx).for_update()
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let (status, title, meeting, submitter) = row.ok_or(StoreError::NotFound)?;
    let from: Status = status.parse().unwrap_or(Status::New);
    domain::check(from, meeting, to).map_err(StoreError::Refused)?;
    let (meeting_id, activity_id, reason) = match to {
        Target::OnAgenda(mt) => (Some(*mt), None, String::new()),
        Target::Activity(a) => (None, Some(*a), String::new()),
        Target::Closed(r) => (None, None, r.clone()),
        // Done keeps the meeting or activity that carried it.
        Target::Done => (meeting, None, String::new()),
        Target::Preparing => (None, None, String::new()),
    };
    let mut q = Update::table(Ideas::Table)
        .set(Ideas::Status, to.status().as_str())
        .set(Ideas::StatusReason, reason.as_str())
        .set(Ideas::UpdatedAt, now);
    // Done keeps its links; every other move sets them anew.
    if *to != Target::Done {
        q = q.set(Ideas::MeetingId, meeting_id).set(Ideas::ActivityId, activity_id);
    }
    q.filter(Ideas::Id, id).filter(Ideas::MunicipalityId, m).run(tx).await?;
    let submitter_email = match submitter {
        Some(u) => sqlx::query_as::<_, (String,)>("SELECT email FROM users WHERE id = $1")
            .bind(u)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.0)
            .filter(|e| !e.is_empty()),
        None => None,
    };
    let (meeting_id, activity_id) = if *to == Target::Done {
        let kept: Option<(Option<MeetingId>, Option<i64>)> =
            sqlx::query_as("SELECT meeting_id, activity_id FROM support_ideas WHERE id = $1 AND municipality_id = $2")
                .bind(id)
                .bind(m)
                .fetch_optional(&mut *tx)
                .await?;
        kept.unwrap_or((None, None))
    } else {
        (meeting_id, activity_id)
    };
    sync_links(tx, m, slug, id, now).await?;
    let summary = format!("{title}: {}", to.status().as_str());
    Ok((
        Changed {
            title,
            status: to.status(),
            reason,
            meeting_id,
            activity_id,
            submitter_email,
        },
        Change::new(m, actor, "support.idea.status", "support_idea", id, summary),
    ))
}

/// What an idea's page is linked from (`platform::links`): the meeting on whose agenda it is
/// and the activity it became, on those pages, while the idea is shown; nothing once it is
/// hidden or its status leaves them. In the change's transaction.
async fn sync_links(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    slug: &str,
    id: IdeaId,
    now: i64,
) -> Result<(), sqlx::Error> {
    type Linked = (String, Option<i64>, Option<i64>, Option<i64>);
    let row: Option<Linked> = sqlx::query_as(
        "SELECT title, meeting_id, activity_id, hidden_at FROM support_ideas WHERE id = $1 AND municipality_id = $2",
    )
    .bind(id)
    .bind(m)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((title, meeting, activity, hidden)) = row else {
        return Ok(());
    };
    let mut targets = vec![];
    if hidden.is_none() {
        if let Some(mt) = meeting {
            targets.push((LINK_MEETING, mt));
        }
        if let Some(a) = activity {
            targets.push((LINK_ACTIVITY, a));
        }
    }
    let path = crate::paths::idea(slug, id);
    platform::links::set(tx, m, LINK_SOURCE, id.get(), &targets, &title, &path, now).await
}

/// The kinds of `platform::links` the idea bank writes: its ideas (also the message id of the
/// kind's name), pointing to the meetings' meetings and the action plan's activities.
pub const LINK_SOURCE: &str = "support-idea";
pub const LINK_MEETING: &str = "meetings-meeting";
pub const LINK_ACTIVITY: &str = "actionplan-activity";

/// Hide an idea from everyone but the coordinator, or show it again.
pub async fn hide_idea(
    db: &Db,
    m: MunicipalityId,
    slug: &str,
    id: IdeaId,
    hide: bool,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let (_, title, _) = state_of(tx, m, id).await?;
        Update::table(Ideas::Table)
            .set(Ideas::HiddenAt, hide.then_some(now))
            .set(Ideas::UpdatedAt, now)
            .filter(Ideas::Id, id)
            .filter(Ideas::MunicipalityId, m)
            .run(tx)
            .await?;
        sync_links(tx, m, slug, id, now).await?;
        let action = if hide { "support.idea.hide" } else { "support.idea.show" };
        Ok(((), Change::new(m, actor, action, "support_idea", id, title)))
    })
    .await
}

/// Hide a comment of an idea from everyone but the coordinator, or show it again.
pub async fn hide_comment(
    db: &Db,
    m: MunicipalityId,
    id: IdeaId,
    comment: CommentId,
    hide: bool,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let done = Update::table(Comments::Table)
            .set(Comments::HiddenAt, hide.then_some(now))
            .filter(Comments::Id, comment)
            .filter(Comments::IdeaId, id)
            .filter(Comments::MunicipalityId, m)
            .run(tx)
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        let action = if hide {
            "support.idea.comment.hide"
        } else {
            "support.idea.comment.show"
        };
        Ok((
            (),
            Change::new(m, actor, action, "support_idea_comment", comment, String::new()),
        ))
    })
    .await
}
