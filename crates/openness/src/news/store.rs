//! The queries of news and good examples: every function takes the municipality; every change
//! runs in one write transaction with its audit entry. The associations' names come from the
//! registry's public functions, the submitter's from the accounts.

use super::domain::{Category, Checked, Filter, Item, Kind, Status, Tag};
use super::NewsId;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{MunicipalityId, OrganisationId, UserId};
use std::collections::HashMap;

#[derive(sea_query::Iden)]
#[iden = "openness_news"]
pub(crate) enum News {
    Table,
    Id,
    MunicipalityId,
    Kind,
    Status,
    OrganisationId,
    SubmittedBy,
    Title,
    Lead,
    Body,
    Category,
    PublishedOn,
    Image,
    ImageMime,
    ImageAlt,
    DeclineReason,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "openness_news_principles"]
enum Principles {
    Table,
    NewsId,
    MunicipalityId,
    Principle,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// The item is not in a state that allows the change (a story sent or published).
    #[error("not now")]
    NotNow,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(sqlx::FromRow)]
struct Row {
    id: NewsId,
    kind: String,
    status: String,
    organisation_id: Option<OrganisationId>,
    submitted_by: Option<UserId>,
    submitter: Option<String>,
    title: String,
    lead: String,
    body: String,
    category: String,
    published_on: String,
    image_mime: String,
    image_alt: String,
    decline_reason: String,
    created_at: i64,
    updated_at: i64,
}

const COLUMNS: &str = "n.id, n.kind, n.status, n.organisation_id, n.submitted_by, u.name AS submitter, n.title, \
                       n.lead, n.body, n.category, n.published_on, n.image_mime, n.image_alt, n.decline_reason, \
                       n.created_at, n.updated_at";
const FROM: &str = "FROM openness_news n LEFT JOIN users u ON u.id = n.submitted_by";
const ORDER: &str = "ORDER BY n.published_on DESC, n.id DESC";
/// What the public sees (after `n.municipality_id = $1`; `$2` is today).
const PUBLIC: &str = " AND n.status = 'published' AND n.published_on <> '' AND n.published_on <= $2";

/// The public conditions with the filters, and their text binds numbered from `$3`.
fn conditions(f: &Filter) -> (String, Vec<String>) {
    let mut sql = PUBLIC.to_string();
    let mut binds = vec![];
    if let Some(k) = f.kind {
        binds.push(k.as_str().to_string());
        sql.push_str(&format!(" AND n.kind = ${}", binds.len() + 2));
    }
    match f.tag {
        Some(Tag::Principle(n)) => sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM openness_news_principles p WHERE p.news_id = n.id AND p.principle = {n})"
        )),
        Some(Tag::Category(c)) => {
            binds.push(c.as_str().to_string());
            sql.push_str(&format!(" AND n.category = ${}", binds.len() + 2));
        }
        None => {}
    }
    (sql, binds)
}

/// One page of the public list, and how many items pass the filter.
pub async fn list(
    db: &Db,
    m: MunicipalityId,
    f: &Filter,
    today: &str,
    page: i64,
    size: i64,
) -> Result<(Vec<Item>, i64), sqlx::Error> {
    let (cond, binds) = conditions(f);
    let sql = format!("SELECT COUNT(*) FROM openness_news n WHERE n.municipality_id = $1{cond}");
    let mut q = sqlx::query_as::<_, (i64,)>(&sql).bind(m).bind(today);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    let (total,) = q.fetch_one(&db.pool).await?;
    let n = binds.len();
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE n.municipality_id = $1{cond} {ORDER} LIMIT ${} OFFSET ${}",
        n + 3,
        n + 4
    );
    let mut q = sqlx::query_as::<_, Row>(&sql).bind(m).bind(today);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    let rows = q.bind(size).bind((page.max(1) - 1) * size).fetch_all(&db.pool).await?;
    Ok((assemble(db, m, rows).await?, total))
}

/// Every item of the municipality (staff's list): the stories waiting first, then by day.
pub async fn all(db: &Db, m: MunicipalityId, limit: i64) -> Result<Vec<Item>, sqlx::Error> {
    let rows = sqlx::query_as::<_, Row>(&format!(
        "SELECT {COLUMNS} {FROM} WHERE n.municipality_id = $1 \
         ORDER BY CASE WHEN n.status = 'submitted' THEN 0 ELSE 1 END, n.published_on DESC, n.id DESC LIMIT $2"
    ))
    .bind(m)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    assemble(db, m, rows).await
}

/// The stories of some associations of the municipality ("mina berättelser"), the latest first.
pub async fn of_organisations(
    db: &Db,
    m: MunicipalityId,
    organisations: &[OrganisationId],
    limit: i64,
) -> Result<Vec<Item>, sqlx::Error> {
    if organisations.is_empty() {
        return Ok(vec![]);
    }
    let ins = marks(organisations.len(), 3);
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE n.municipality_id = $1 AND n.kind = 'story' AND n.organisation_id IN ({ins}) \
         ORDER BY n.id DESC LIMIT $2"
    );
    let mut q = sqlx::query_as::<_, Row>(&sql).bind(m).bind(limit);
    for o in organisations {
        q = q.bind(*o);
    }
    let rows = q.fetch_all(&db.pool).await?;
    assemble(db, m, rows).await
}

/// One item of the municipality, whatever its state.
pub async fn one(db: &Db, m: MunicipalityId, id: NewsId) -> Result<Option<Item>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE n.id = $1 AND n.municipality_id = $2"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(assemble(db, m, vec![row]).await?.pop())
}

/// An item's image: (MIME type, bytes).
pub async fn image(db: &Db, m: MunicipalityId, id: NewsId) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(String, Option<Vec<u8>>)> =
        sqlx::query_as("SELECT image_mime, image FROM openness_news WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(m)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.and_then(|(mime, bytes)| Some((mime, bytes?))))
}

/// `$from, $from+1, …` for `n` values.
fn marks(n: usize, from: usize) -> String {
    (0..n).map(|i| format!("${}", i + from)).collect::<Vec<_>>().join(", ")
}

/// The items with their principles and associations' names.
async fn assemble(db: &Db, m: MunicipalityId, rows: Vec<Row>) -> Result<Vec<Item>, sqlx::Error> {
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "SELECT news_id, principle FROM openness_news_principles WHERE municipality_id = $1 \
         AND news_id IN ({}) ORDER BY news_id, principle",
        marks(rows.len(), 2)
    );
    let mut q = sqlx::query_as::<_, (NewsId, i64)>(&sql).bind(m);
    for r in &rows {
        q = q.bind(r.id);
    }
    let mut principles: HashMap<NewsId, Vec<i64>> = HashMap::new();
    for (id, p) in q.fetch_all(&db.pool).await? {
        principles.entry(id).or_default().push(p);
    }
    let wanted: Vec<OrganisationId> = rows.iter().filter_map(|r| r.organisation_id).collect();
    let names: HashMap<OrganisationId, String> = registry::public::organisation_names(db, m, &wanted)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| Item {
            id: r.id,
            kind: r.kind.parse().unwrap_or(Kind::News),
            status: r.status.parse().unwrap_or(Status::Draft),
            organisation: r
                .organisation_id
                .map(|o| (o, names.get(&o).cloned().unwrap_or_default())),
            submitted_by: r.submitted_by.map(|u| (u, r.submitter.unwrap_or_default())),
            principles: principles.remove(&r.id).unwrap_or_default(),
            title: r.title,
            lead: r.lead,
            body: r.body,
            category: r.category.parse().unwrap_or(Category::Other),
            published_on: r.published_on,
            image: (!r.image_mime.is_empty()).then_some((r.image_mime, r.image_alt)),
            decline_reason: r.decline_reason,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

/// Replace an item's principles.
async fn set_principles(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: NewsId,
    principles: &[i64],
) -> Result<(), sqlx::Error> {
    Delete::from(Principles::Table)
        .filter(Principles::NewsId, id)
        .filter(Principles::MunicipalityId, m)
        .run(tx)
        .await?;
    for p in principles {
        Insert::into(Principles::Table)
            .set(Principles::NewsId, id)
            .set(Principles::MunicipalityId, m)
            .set(Principles::Principle, *p)
            .run(tx)
            .await?;
    }
    Ok(())
}

/// Who writes a new item: the municipality's news (published at once, on its day or `today`),
/// or a draft story of an association by the person who writes it.
pub enum Author {
    Municipality { today: String },
    Association { organisation: OrganisationId, user: UserId },
}

/// Add an item.
pub async fn add(
    db: &Db,
    m: MunicipalityId,
    author: &Author,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<NewsId> {
    db::write(db, now, async |tx| {
        let q = Insert::into(News::Table)
            .set(News::MunicipalityId, m)
            .set(News::Title, c.title.as_str())
            .set(News::Lead, c.lead.as_str())
            .set(News::Body, c.body.as_str())
            .set(News::Category, c.category.as_str())
            .set(News::CreatedAt, now)
            .set(News::UpdatedAt, now);
        let (q, action) = match author {
            Author::Municipality { today } => {
                let on = if c.published_on.is_empty() {
                    today
                } else {
                    &c.published_on
                };
                let q = q
                    .set(News::Kind, Kind::News.as_str())
                    .set(News::Status, Status::Published.as_str())
                    .set(News::PublishedOn, on.as_str());
                (q, "openness.news.publish")
            }
            Author::Association { organisation, user } => {
                let q = q
                    .set(News::Kind, Kind::Story.as_str())
                    .set(News::Status, Status::Draft.as_str())
                    .set(News::OrganisationId, *organisation)
                    .set(News::SubmittedBy, *user)
                    .set(News::PublishedOn, c.published_on.as_str());
                (q, "openness.news.story.add")
            }
        };
        let id: NewsId = q.returning_id(tx).await?;
        set_principles(tx, m, id, &c.principles).await?;
        Ok((id, Change::new(m, actor, action, "openness_news", id, c.title.clone())))
    })
    .await
}

/// The kind and state of one of the municipality's items, inside a write.
async fn state_of(tx: &mut sqlx::AnyConnection, m: MunicipalityId, id: NewsId) -> StoreResult<(Kind, Status, String)> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT kind, status, title FROM openness_news WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(m)
            .fetch_optional(&mut *tx)
            .await?;
    let (kind, status, title) = row.ok_or(StoreError::NotFound)?;
    Ok((
        kind.parse().unwrap_or(Kind::News),
        status.parse().unwrap_or(Status::Draft),
        title,
    ))
}

/// Who changes an item: staff (any item, its state kept) or the association (a draft or a
/// declined story, which becomes a draft again).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    Staff,
    Association,
}

/// Change an item's text, tags and day.
pub async fn update(
    db: &Db,
    m: MunicipalityId,
    id: NewsId,
    c: &Checked,
    editor: Editor,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let (_, status, _) = state_of(tx, m, id).await?;
        let mut q = Update::table(News::Table)
            .set(News::Title, c.title.as_str())
            .set(News::Lead, c.lead.as_str())
            .set(News::Body, c.body.as_str())
            .set(News::Category, c.category.as_str())
            .set(News::UpdatedAt, now);
        if editor == Editor::Association {
            if !status.editable_by_association() {
                return Err(StoreError::NotNow);
            }
            q = q
                .set(News::Status, Status::Draft.as_str())
                .set(News::PublishedOn, c.published_on.as_str());
        } else if !c.published_on.is_empty() || status != Status::Published {
            q = q.set(News::PublishedOn, c.published_on.as_str());
        }
        q.filter(News::Id, id).filter(News::MunicipalityId, m).run(tx).await?;
        set_principles(tx, m, id, &c.principles).await?;
        Ok((
            (),
            Change::new(m, actor, "openness.news.update", "openness_news", id, c.title.clone()),
        ))
    })
    .await
}

/// What moves a story from one state to the next.
pub enum Step<'a> {
    /// The association sends a draft (or a declined story) to the coordinator.
    Submit,
    /// Staff publish a story that was sent, on its day or `today`.
    Approve { today: &'a str },
    /// Staff decline a story that was sent, with the reason.
    Decline { reason: &'a str },
}

/// Move a story on.
pub async fn step(
    db: &Db,
    m: MunicipalityId,
    id: NewsId,
    step: Step<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let (kind, status, title) = state_of(tx, m, id).await?;
        if kind != Kind::Story {
            return Err(StoreError::NotNow);
        }
        let q = Update::table(News::Table)
            .set(News::UpdatedAt, now)
            .filter(News::Id, id)
            .filter(News::MunicipalityId, m);
        let (q, action) = match step {
            Step::Submit if status.editable_by_association() => (
                q.set(News::Status, Status::Submitted.as_str()),
                "openness.news.story.submit",
            ),
            Step::Approve { today } if status == Status::Submitted => {
                let day: Option<(String,)> =
                    sqlx::query_as("SELECT published_on FROM openness_news WHERE id = $1 AND municipality_id = $2")
                        .bind(id)
                        .bind(m)
                        .fetch_optional(&mut *tx)
                        .await?;
                let day = day.map(|d| d.0).filter(|d| !d.is_empty() && d.as_str() >= today);
                let q = q
                    .set(News::Status, Status::Published.as_str())
                    .set(News::PublishedOn, day.unwrap_or_else(|| today.to_string()))
                    .set(News::DeclineReason, "");
                (q, "openness.news.story.approve")
            }
            Step::Decline { reason } if status == Status::Submitted => (
                q.set(News::Status, Status::Declined.as_str())
                    .set(News::DeclineReason, reason),
                "openness.news.story.decline",
            ),
            _ => return Err(StoreError::NotNow),
        };
        q.run(tx).await?;
        Ok(((), Change::new(m, actor, action, "openness_news", id, title)))
    })
    .await
}

/// An item's picture: its type (read from its content), its bytes and its text alternative.
pub struct Image<'a> {
    pub mime: &'a str,
    pub bytes: &'a [u8],
    pub alt: &'a str,
}

/// Give an item an image with its text alternative (checked by the caller), replacing any.
pub async fn set_image(
    db: &Db,
    m: MunicipalityId,
    id: NewsId,
    image: Image<'_>,
    editor: Editor,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let (_, status, title) = state_of(tx, m, id).await?;
        if editor == Editor::Association && !status.editable_by_association() {
            return Err(StoreError::NotNow);
        }
        Update::table(News::Table)
            .set(News::Image, image.bytes.to_vec())
            .set(News::ImageMime, image.mime)
            .set(News::ImageAlt, image.alt)
            .set(News::UpdatedAt, now)
            .filter(News::Id, id)
            .filter(News::MunicipalityId, m)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(m, actor, "openness.news.image", "openness_news", id, title),
        ))
    })
    .await
}
