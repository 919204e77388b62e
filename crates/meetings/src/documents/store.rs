//! Queries of the documents: kept in the database with their name, type and size (as grants'
//! attachments are), listed without their bytes, read one at a time for a download.

use super::domain::Parent;
use crate::ids::{DocumentId, MeetingId};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert};
use platform::MunicipalityId;
use sqlx::Row;

#[derive(sea_query::Iden)]
#[iden = "meetings_documents"]
enum Documents {
    Table,
    MunicipalityId,
    MeetingId,
    GroupId,
    Part,
    Title,
    FileName,
    Mime,
    Size,
    Bytes,
    UploadedAt,
}

/// A document as a list shows it.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: DocumentId,
    pub parent: Parent,
    pub title: String,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    pub uploaded_at: i64,
}

const COLUMNS: &str = "id, meeting_id, group_id, part, title, file_name, mime, size, uploaded_at";

fn document(r: &sqlx::any::AnyRow) -> Result<Document, sqlx::Error> {
    let part: String = r.try_get("part")?;
    let meeting: Option<MeetingId> = r.try_get("meeting_id")?;
    let group: Option<i64> = r.try_get("group_id")?;
    let parent = match (part.as_str(), meeting, group) {
        ("meeting", Some(m), _) => Parent::Meeting(m),
        ("minutes", Some(m), _) => Parent::Minutes(m),
        (_, _, Some(g)) => Parent::Group(g),
        _ => return Err(sqlx::Error::Decode("a document without its parent".into())),
    };
    Ok(Document {
        id: r.try_get("id")?,
        parent,
        title: r.try_get("title")?,
        file_name: r.try_get("file_name")?,
        mime: r.try_get("mime")?,
        size: r.try_get("size")?,
        uploaded_at: r.try_get("uploaded_at")?,
    })
}

/// The documents of a meeting and of its minutes, in the order they came.
pub async fn of_meeting(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: MeetingId,
) -> Result<Vec<Document>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM meetings_documents WHERE municipality_id = $1 AND meeting_id = $2 ORDER BY id"
    ))
    .bind(municipality_id)
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(document).collect()
}

/// The documents of a working group of the action plan.
pub async fn of_group(db: &Db, municipality_id: MunicipalityId, group_id: i64) -> Result<Vec<Document>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM meetings_documents WHERE municipality_id = $1 AND group_id = $2 ORDER BY id"
    ))
    .bind(municipality_id)
    .bind(group_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(document).collect()
}

/// One document with its bytes.
pub async fn file(
    db: &Db,
    municipality_id: MunicipalityId,
    id: DocumentId,
) -> Result<Option<(Document, Vec<u8>)>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS}, bytes FROM meetings_documents WHERE municipality_id = $1 AND id = $2"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    match row {
        Some(r) => Ok(Some((document(&r)?, r.try_get("bytes")?))),
        None => Ok(None),
    }
}

/// A document to keep: its title, the sent file's (cleaned) name, the type read from its
/// content, and the bytes.
pub struct NewDocument<'a> {
    pub title: &'a str,
    pub file_name: &'a str,
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

fn change<'a>(
    municipality_id: MunicipalityId,
    actor: Option<&'a CurrentUser>,
    action: &'a str,
    parent: Parent,
    summary: String,
) -> Change<'a> {
    match parent {
        Parent::Meeting(m) | Parent::Minutes(m) => {
            Change::new(municipality_id, actor, action, "meetings_meeting", m, summary)
        }
        Parent::Group(g) => Change::new(municipality_id, actor, action, "actionplan_group", g, summary),
    }
}

/// Keep a document (the caller has checked that the parent is the municipality's).
pub async fn add(
    db: &Db,
    municipality_id: MunicipalityId,
    parent: Parent,
    d: &NewDocument<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<DocumentId, sqlx::Error> {
    let (meeting, group) = match parent {
        Parent::Meeting(m) | Parent::Minutes(m) => (Some(m), None),
        Parent::Group(g) => (None, Some(g)),
    };
    db::write(db, now, async |tx| {
        let id: DocumentId = Insert::into(Documents::Table)
            .set(Documents::MunicipalityId, municipality_id)
            .set(Documents::MeetingId, meeting)
            .set(Documents::GroupId, group)
            .set(Documents::Part, parent.part())
            .set(Documents::Title, d.title)
            .set(Documents::FileName, d.file_name)
            .set(Documents::Mime, d.mime)
            .set(Documents::Size, d.bytes.len() as i64)
            .set(Documents::Bytes, d.bytes.to_vec())
            .set(Documents::UploadedAt, now)
            .returning_id(tx)
            .await?;
        let what = format!("{} ({})", d.title, d.file_name);
        Ok((
            id,
            change(municipality_id, actor, "meetings.document.add", parent, what),
        ))
    })
    .await
}

/// Remove a document; its parent, or `None` when it is not the municipality's.
pub async fn remove(
    db: &Db,
    municipality_id: MunicipalityId,
    id: DocumentId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<Parent>, sqlx::Error> {
    let Some((doc, _)) = file(db, municipality_id, id).await? else {
        return Ok(None);
    };
    db::write(db, now, async |tx| {
        sqlx::query("DELETE FROM meetings_documents WHERE municipality_id = $1 AND id = $2")
            .bind(municipality_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let what = format!("{} ({})", doc.title, doc.file_name);
        Ok((
            Some(doc.parent),
            change(municipality_id, actor, "meetings.document.remove", doc.parent, what),
        ))
    })
    .await
}
