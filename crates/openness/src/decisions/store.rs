//! The decisions' queries: every function takes the municipality; every change runs in one
//! write transaction with its audit entry. The associations' names come from the registry's
//! public functions.

use super::domain::{self, Attachment, Body, Category, Checked, Decision, FeedDecision, Filter, Tag};
use crate::ids::{AttachmentId, DecisionId};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Backend, Db, Delete, Insert, Update};
use platform::{MunicipalityId, OrganisationId};
use std::collections::HashMap;

#[derive(sea_query::Iden)]
#[iden = "openness_decisions"]
enum Decisions {
    Table,
    Id,
    MunicipalityId,
    Body,
    Committee,
    CommitteeKey,
    MeetingOn,
    Paragraph,
    Title,
    Summary,
    ProtocolUrl,
    Category,
    WithdrawnAt,
    WithdrawnReason,
    CreatedAt,
    UpdatedAt,
    GrantsApplicationId,
}

#[derive(sea_query::Iden)]
#[iden = "openness_decision_principles"]
enum Principles {
    Table,
    DecisionId,
    MunicipalityId,
    Principle,
}

#[derive(sea_query::Iden)]
#[iden = "openness_decision_organisations"]
enum Organisations {
    Table,
    DecisionId,
    MunicipalityId,
    OrganisationId,
}

#[derive(sea_query::Iden)]
#[iden = "openness_decision_attachments"]
enum Attachments {
    Table,
    Id,
    MunicipalityId,
    DecisionId,
    FileName,
    Mime,
    Bytes,
    Size,
    UploadedAt,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("already withdrawn")]
    AlreadyWithdrawn,
    /// A grants decision that is already in the feed.
    #[error("already published")]
    AlreadyPublished,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

type Row = (
    DecisionId,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    String,
    i64,
    i64,
);
const COLUMNS: &str = "d.id, d.body, d.committee, d.meeting_on, d.paragraph, d.title, d.summary, d.protocol_url, \
                       d.category, d.withdrawn_at, d.withdrawn_reason, d.created_at, d.updated_at";
const ORDER: &str = "ORDER BY d.meeting_on DESC, d.id DESC";

/// A value a filter binds: text, or a number compared with an integer column (so that its
/// index serves).
enum Bind {
    Text(String),
    Int(i64),
}

/// Bind a filter's values after those already bound.
fn bind_all<'q, O>(
    mut q: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    binds: &'q [Bind],
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    for b in binds {
        q = match b {
            Bind::Text(t) => q.bind(t.as_str()),
            Bind::Int(n) => q.bind(*n),
        };
    }
    q
}

/// The `WHERE` of a filtered list (after `d.municipality_id = $1`) and its text binds, numbered
/// from `$2`.
fn conditions(f: &Filter) -> (String, Vec<Bind>) {
    let mut sql = String::new();
    let mut binds: Vec<Bind> = vec![];
    let mut bind = |sql: &mut String, clause: &str, v: Bind| {
        binds.push(v);
        sql.push_str(&clause.replace('?', &format!("${}", binds.len() + 1)));
    };
    if let Some(b) = &f.body {
        let (body, key) = b.stored();
        bind(&mut sql, " AND d.body = ?", Bind::Text(body.as_str().to_string()));
        bind(&mut sql, " AND d.committee_key = ?", Bind::Text(key.to_string()));
    }
    match f.tag {
        Some(Tag::Principle(n)) => bind(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM openness_decision_principles p WHERE p.decision_id = d.id \
             AND p.principle = ?)",
            Bind::Int(n),
        ),
        Some(Tag::Category(c)) => bind(&mut sql, " AND d.category = ?", Bind::Text(c.as_str().to_string())),
        None => {}
    }
    if let Some(y) = f.year {
        bind(&mut sql, " AND d.meeting_on >= ?", Bind::Text(format!("{y:04}-01-01")));
        bind(
            &mut sql,
            " AND d.meeting_on < ?",
            Bind::Text(format!("{:04}-01-01", y + 1)),
        );
    }
    (sql, binds)
}

/// One page (from 1) of the municipality's decisions that pass the filter, the latest meeting
/// first, and how many pass in all.
pub async fn list(db: &Db, m: MunicipalityId, f: &Filter, page: i64) -> Result<(Vec<Decision>, i64), sqlx::Error> {
    let (cond, binds) = conditions(f);
    let count_sql = format!("SELECT COUNT(*) FROM openness_decisions d WHERE d.municipality_id = $1{cond}");
    let (total,) = bind_all(sqlx::query_as::<_, (i64,)>(&count_sql).bind(m), &binds)
        .fetch_one(&db.pool)
        .await?;
    let offset = (page.max(1) - 1) * domain::PAGE_SIZE;
    let rows = rows(db, m, f, domain::PAGE_SIZE, offset).await?;
    Ok((assemble(db, m, rows).await?, total))
}

/// The latest `limit` decisions that pass the filter (a feed's entries).
pub async fn latest(db: &Db, m: MunicipalityId, f: &Filter, limit: i64) -> Result<Vec<Decision>, sqlx::Error> {
    let rows = rows(db, m, f, limit, 0).await?;
    assemble(db, m, rows).await
}

/// The latest `limit` decisions that pass the filter as a feed shows them, in one query: the
/// columns the feed writes, and each decision's principles joined into one text by the
/// database (`1,5`) from the primary key `(decision_id, principle)`. The limit is written into
/// the statement: with `LIMIT $n` PostgreSQL may settle on a generic plan that expects a tenth
/// of the municipality's rows.
pub async fn feed(db: &Db, m: MunicipalityId, f: &Filter, limit: i64) -> Result<Vec<FeedDecision>, sqlx::Error> {
    type FeedRow = (
        DecisionId,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        Option<i64>,
        i64,
        Option<String>,
    );
    let principles = match db.backend {
        Backend::Sqlite => {
            "(SELECT group_concat(p.principle, ',') FROM openness_decision_principles p WHERE p.decision_id = d.id)"
        }
        Backend::Postgres => {
            "(SELECT string_agg(p.principle::text, ',') FROM openness_decision_principles p \
             WHERE p.decision_id = d.id)"
        }
    };
    let (cond, binds) = conditions(f);
    // The rows come back as one row of JSON (`platform::db::json_rows`): fifty rows through the
    // driver cost more than the query.
    let inner = format!(
        "SELECT d.id, d.body, d.committee, d.meeting_on, d.paragraph, d.title, d.summary, d.category, \
         d.withdrawn_at, d.updated_at, {principles} AS principles FROM openness_decisions d \
         WHERE d.municipality_id = $1{cond} {ORDER} LIMIT {}",
        limit.max(0)
    );
    let sql = db::json_rows(
        db.backend,
        "id, body, committee, meeting_on, paragraph, title, summary, category, withdrawn_at, updated_at, principles",
        "ORDER BY meeting_on DESC, id DESC",
        &inner,
    );
    let (text,): (String,) = bind_all(sqlx::query_as::<_, (String,)>(&sql).bind(m), &binds)
        .fetch_one(&db.pool)
        .await?;
    let rows: Vec<FeedRow> = db::parse_json_rows(&text)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut principles: Vec<i64> =
                r.10.as_deref()
                    .unwrap_or("")
                    .split(',')
                    .filter_map(|p| p.trim().parse().ok())
                    .collect();
            principles.sort_unstable();
            FeedDecision {
                id: r.0,
                body: r.1.parse().unwrap_or(Body::Committee),
                committee: r.2,
                meeting_on: r.3,
                paragraph: r.4,
                title: r.5,
                summary: r.6,
                category: r.7.parse().unwrap_or(Category::Other),
                principles,
                withdrawn: r.8.is_some(),
                updated_at: r.9,
            }
        })
        .collect())
}

async fn rows(db: &Db, m: MunicipalityId, f: &Filter, limit: i64, offset: i64) -> Result<Vec<Row>, sqlx::Error> {
    let (cond, binds) = conditions(f);
    let n = binds.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM openness_decisions d WHERE d.municipality_id = $1{cond} {ORDER} LIMIT ${} OFFSET ${}",
        n + 2,
        n + 3
    );
    bind_all(sqlx::query_as::<_, Row>(&sql).bind(m), &binds)
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await
}

/// The latest change among the decisions that pass the filter (a feed's Last-Modified), in
/// unix seconds; `None` when there are none.
pub async fn last_changed(db: &Db, m: MunicipalityId, f: &Filter) -> Result<Option<i64>, sqlx::Error> {
    let (cond, binds) = conditions(f);
    let sql = format!("SELECT MAX(d.updated_at) FROM openness_decisions d WHERE d.municipality_id = $1{cond}");
    Ok(bind_all(sqlx::query_as::<_, (Option<i64>,)>(&sql).bind(m), &binds)
        .fetch_one(&db.pool)
        .await?
        .0)
}

/// One decision of the municipality.
pub async fn one(db: &Db, m: MunicipalityId, id: DecisionId) -> Result<Option<Decision>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM openness_decisions d WHERE d.id = $1 AND d.municipality_id = $2"
    ))
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(assemble(db, m, vec![row]).await?.pop())
}

/// The bodies that have decided something in the municipality: (body, committee name), the
/// council and the board first, then the committees by name.
pub async fn bodies(db: &Db, m: MunicipalityId) -> Result<Vec<(Body, String)>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT body, committee FROM openness_decisions WHERE municipality_id = $1 ORDER BY body, committee",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    let mut v: Vec<(Body, String)> = rows
        .into_iter()
        .filter_map(|(b, c)| Some((b.parse().ok()?, c)))
        .collect();
    v.sort_by(|a, b| {
        let rank = |x: Body| Body::ALL.iter().position(|y| *y == x);
        rank(a.0)
            .cmp(&rank(b.0))
            .then_with(|| platform::rules::swedish_cmp(&a.1, &b.1))
    });
    v.dedup_by(|a, b| a.0 == b.0 && domain::committee_key(&a.1) == domain::committee_key(&b.1));
    Ok(v)
}

/// The years of the municipality's decisions, the latest first.
pub async fn years(db: &Db, m: MunicipalityId) -> Result<Vec<i32>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT SUBSTR(meeting_on, 1, 4) FROM openness_decisions WHERE municipality_id = $1 ORDER BY 1 DESC",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(|(y,)| y.parse().ok()).collect())
}

/// `$2, $3, …` for `n` ids after the municipality's `$1`.
fn marks(n: usize) -> String {
    (0..n).map(|i| format!("${}", i + 2)).collect::<Vec<_>>().join(", ")
}

/// The decisions with their principles, associations and attachments (three more queries,
/// however many there are).
///
/// The principles are read by their primary key `(decision_id, principle)`: the unary `+` keeps
/// SQLite from the index `(municipality_id, principle)`, which it otherwise prefers and which
/// walks every principle of the municipality (8 562 for the largest synthetic one, 4.5 ms) to
/// find fifty decisions' (0.1 ms by the key). The municipality is still checked on each row.
async fn assemble(db: &Db, m: MunicipalityId, rows: Vec<Row>) -> Result<Vec<Decision>, sqlx::Error> {
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<DecisionId> = rows.iter().map(|r| r.0).collect();
    let ins = marks(ids.len());
    let sql = format!(
        "SELECT decision_id, principle FROM openness_decision_principles WHERE +municipality_id = $1 \
         AND decision_id IN ({ins}) ORDER BY decision_id, principle"
    );
    let mut q = sqlx::query_as::<_, (DecisionId, i64)>(&sql).bind(m);
    for id in &ids {
        q = q.bind(*id);
    }
    let mut principles: HashMap<DecisionId, Vec<i64>> = HashMap::new();
    for (d, p) in q.fetch_all(&db.pool).await? {
        principles.entry(d).or_default().push(p);
    }
    let sql = format!(
        "SELECT decision_id, organisation_id FROM openness_decision_organisations WHERE municipality_id = $1 \
         AND decision_id IN ({ins}) ORDER BY decision_id, organisation_id"
    );
    let mut q = sqlx::query_as::<_, (DecisionId, OrganisationId)>(&sql).bind(m);
    for id in &ids {
        q = q.bind(*id);
    }
    let links = q.fetch_all(&db.pool).await?;
    let wanted: Vec<OrganisationId> = links.iter().map(|l| l.1).collect();
    let names: HashMap<OrganisationId, String> = registry::public::organisation_names(db, m, &wanted)
        .await?
        .into_iter()
        .collect();
    let mut organisations: HashMap<DecisionId, Vec<(OrganisationId, String)>> = HashMap::new();
    for (d, o) in links {
        if let Some(n) = names.get(&o) {
            organisations.entry(d).or_default().push((o, n.clone()));
        }
    }
    let sql = format!(
        "SELECT decision_id, id, file_name, size FROM openness_decision_attachments WHERE municipality_id = $1 \
         AND decision_id IN ({ins}) ORDER BY decision_id, id"
    );
    let mut q = sqlx::query_as::<_, (DecisionId, AttachmentId, String, i64)>(&sql).bind(m);
    for id in &ids {
        q = q.bind(*id);
    }
    let mut attachments: HashMap<DecisionId, Vec<Attachment>> = HashMap::new();
    for (d, id, file_name, size) in q.fetch_all(&db.pool).await? {
        attachments
            .entry(d)
            .or_default()
            .push(Attachment { id, file_name, size });
    }
    Ok(rows
        .into_iter()
        .map(|r| Decision {
            id: r.0,
            body: r.1.parse().unwrap_or(Body::Committee),
            committee: r.2,
            meeting_on: r.3,
            paragraph: r.4,
            title: r.5,
            summary: r.6,
            protocol_url: r.7,
            category: r.8.parse().unwrap_or(Category::Other),
            principles: principles.remove(&r.0).unwrap_or_default(),
            organisations: organisations.remove(&r.0).unwrap_or_default(),
            attachments: attachments.remove(&r.0).unwrap_or_default(),
            withdrawn_at: r.9,
            withdrawn_reason: r.10,
            created_at: r.11,
            updated_at: r.12,
        })
        .collect())
}

/// Replace a decision's principles and associations.
async fn set_tags(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: DecisionId,
    c: &Checked,
) -> Result<(), sqlx::Error> {
    Delete::from(Principles::Table)
        .filter(Principles::DecisionId, id)
        .filter(Principles::MunicipalityId, m)
        .run(tx)
        .await?;
    for p in &c.principles {
        Insert::into(Principles::Table)
            .set(Principles::DecisionId, id)
            .set(Principles::MunicipalityId, m)
            .set(Principles::Principle, *p)
            .run(tx)
            .await?;
    }
    Delete::from(Organisations::Table)
        .filter(Organisations::DecisionId, id)
        .filter(Organisations::MunicipalityId, m)
        .run(tx)
        .await?;
    for o in &c.organisations {
        Insert::into(Organisations::Table)
            .set(Organisations::DecisionId, id)
            .set(Organisations::MunicipalityId, m)
            .set(Organisations::OrganisationId, *o)
            .run(tx)
            .await?;
    }
    Ok(())
}

/// What the audit trail says of a decision: "Kommunstyrelsen 2018-06-07 § 112: title".
fn summary(c: &Checked) -> String {
    let body = match c.body {
        Body::Council => "kommunfullmäktige",
        Body::Board => "kommunstyrelsen",
        Body::Committee => c.committee.as_str(),
    };
    format!("{body} {} {}: {}", c.meeting_on, c.paragraph, c.title)
}

/// Record a decision.
pub async fn add(
    db: &Db,
    m: MunicipalityId,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<DecisionId> {
    add_from(db, m, c, None, actor, now).await
}

/// The grants decisions (their applications' ids) of the municipality already in the feed.
pub async fn published_grants(db: &Db, m: MunicipalityId) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT grants_application_id FROM openness_decisions WHERE municipality_id = $1 \
         AND grants_application_id IS NOT NULL",
    )
    .bind(m)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Record a decision, published from the grants decision of `grant` (an application's id) when
/// given: once only, a second time is [`StoreError::AlreadyPublished`].
pub async fn add_from(
    db: &Db,
    m: MunicipalityId,
    c: &Checked,
    grant: Option<i64>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<DecisionId> {
    db::write(db, now, async |tx| {
        if let Some(g) = grant {
            let seen: Option<(i64,)> = sqlx::query_as(&format!(
                "SELECT id FROM openness_decisions WHERE municipality_id = $1 AND grants_application_id = $2{}",
                db::Backend::of(tx).for_update()
            ))
            .bind(m)
            .bind(g)
            .fetch_optional(&mut *tx)
            .await?;
            if seen.is_some() {
                return Err(StoreError::AlreadyPublished);
            }
        }
        let id: DecisionId = Insert::into(Decisions::Table)
            .set(Decisions::GrantsApplicationId, grant)
            .set(Decisions::MunicipalityId, m)
            .set(Decisions::Body, c.body.as_str())
            .set(Decisions::Committee, c.committee.as_str())
            .set(Decisions::CommitteeKey, domain::committee_key(&c.committee))
            .set(Decisions::MeetingOn, c.meeting_on.as_str())
            .set(Decisions::Paragraph, c.paragraph.as_str())
            .set(Decisions::Title, c.title.as_str())
            .set(Decisions::Summary, c.summary.as_str())
            .set(Decisions::ProtocolUrl, c.protocol_url.as_str())
            .set(Decisions::Category, c.category.as_str())
            .set(Decisions::CreatedAt, now)
            .set(Decisions::UpdatedAt, now)
            .returning_id(tx)
            .await?;
        set_tags(tx, m, id, c).await?;
        Ok((
            id,
            Change::new(m, actor, "openness.decision.add", "openness_decision", id, summary(c)),
        ))
    })
    .await
}

/// Change a decision (all but its attachments and whether it was withdrawn).
pub async fn update(
    db: &Db,
    m: MunicipalityId,
    id: DecisionId,
    c: &Checked,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let changed = Update::table(Decisions::Table)
            .set(Decisions::Body, c.body.as_str())
            .set(Decisions::Committee, c.committee.as_str())
            .set(Decisions::CommitteeKey, domain::committee_key(&c.committee))
            .set(Decisions::MeetingOn, c.meeting_on.as_str())
            .set(Decisions::Paragraph, c.paragraph.as_str())
            .set(Decisions::Title, c.title.as_str())
            .set(Decisions::Summary, c.summary.as_str())
            .set(Decisions::ProtocolUrl, c.protocol_url.as_str())
            .set(Decisions::Category, c.category.as_str())
            .set(Decisions::UpdatedAt, now)
            .filter(Decisions::Id, id)
            .filter(Decisions::MunicipalityId, m)
            .run(tx)
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        set_tags(tx, m, id, c).await?;
        Ok((
            (),
            Change::new(
                m,
                actor,
                "openness.decision.update",
                "openness_decision",
                id,
                summary(c),
            ),
        ))
    })
    .await
}

/// The title of one of the municipality's decisions and when it was withdrawn, inside a write.
async fn title_of(
    tx: &mut sqlx::AnyConnection,
    m: MunicipalityId,
    id: DecisionId,
) -> StoreResult<(String, Option<i64>)> {
    let row: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT title, withdrawn_at FROM openness_decisions WHERE id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(m)
            .fetch_optional(&mut *tx)
            .await?;
    row.ok_or(StoreError::NotFound)
}

/// Withdraw a decision: it is kept, marked withdrawn with the reason.
pub async fn withdraw(
    db: &Db,
    m: MunicipalityId,
    id: DecisionId,
    reason: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let (title, withdrawn_at) = title_of(tx, m, id).await?;
        if withdrawn_at.is_some() {
            return Err(StoreError::AlreadyWithdrawn);
        }
        Update::table(Decisions::Table)
            .set(Decisions::WithdrawnAt, now)
            .set(Decisions::WithdrawnReason, reason)
            .set(Decisions::UpdatedAt, now)
            .filter(Decisions::Id, id)
            .filter(Decisions::MunicipalityId, m)
            .run(tx)
            .await?;
        Ok((
            (),
            Change::new(m, actor, "openness.decision.withdraw", "openness_decision", id, title),
        ))
    })
    .await
}

/// An attachment as uploaded and checked.
pub struct NewAttachment<'a> {
    pub file_name: &'a str,
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

/// Keep an attachment with a decision (the decision counts as changed, for the feeds).
pub async fn add_attachment(
    db: &Db,
    m: MunicipalityId,
    id: DecisionId,
    file: &NewAttachment<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<AttachmentId> {
    db::write(db, now, async |tx| {
        let (title, _) = title_of(tx, m, id).await?;
        let a: AttachmentId = Insert::into(Attachments::Table)
            .set(Attachments::MunicipalityId, m)
            .set(Attachments::DecisionId, id)
            .set(Attachments::FileName, file.file_name)
            .set(Attachments::Mime, file.mime)
            .set(Attachments::Bytes, file.bytes.to_vec())
            .set(Attachments::Size, i64::try_from(file.bytes.len()).unwrap_or(i64::MAX))
            .set(Attachments::UploadedAt, now)
            .returning_id(tx)
            .await?;
        touch(tx, m, id, now).await?;
        let summary = format!("{title}: {}", file.file_name);
        Ok((
            a,
            Change::new(
                m,
                actor,
                "openness.decision.attachment.add",
                "openness_decision",
                id,
                summary,
            ),
        ))
    })
    .await
}

async fn touch(tx: &mut sqlx::AnyConnection, m: MunicipalityId, id: DecisionId, now: i64) -> Result<(), sqlx::Error> {
    Update::table(Decisions::Table)
        .set(Decisions::UpdatedAt, now)
        .filter(Decisions::Id, id)
        .filter(Decisions::MunicipalityId, m)
        .run(tx)
        .await?;
    Ok(())
}

/// Remove an attachment of a decision.
pub async fn remove_attachment(
    db: &Db,
    m: MunicipalityId,
    id: DecisionId,
    file: AttachmentId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT file_name FROM openness_decision_attachments WHERE id = $1 AND decision_id = $2 AND municipality_id = $3",
        )
        .bind(file)
        .bind(id)
        .bind(m)
        .fetch_optional(&mut *tx)
        .await?;
        let (name,) = row.ok_or(StoreError::NotFound)?;
        Delete::from(Attachments::Table)
            .filter(Attachments::Id, file)
            .filter(Attachments::MunicipalityId, m)
            .run(tx)
            .await?;
        touch(tx, m, id, now).await?;
        Ok((
            (),
            Change::new(m, actor, "openness.decision.attachment.remove", "openness_decision", id, name),
        ))
    })
    .await
}

/// An attachment to download: (file name, MIME type, bytes).
pub async fn attachment_file(
    db: &Db,
    m: MunicipalityId,
    id: DecisionId,
    file: AttachmentId,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT file_name, mime, bytes FROM openness_decision_attachments \
         WHERE id = $1 AND decision_id = $2 AND municipality_id = $3",
    )
    .bind(file)
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await
}
