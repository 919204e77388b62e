//! The documents of the register's agreements: kept in the database, their type read from
//! their content before they get here. Every function takes the municipality; every change
//! runs in one write transaction with its audit entry.

use super::store::title_of;
use crate::ids::{DocumentId, SpecificId};
use crate::store::{StoreError, StoreResult};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert};
use platform::MunicipalityId;

#[derive(sea_query::Iden)]
#[iden = "agreement_specific_documents"]
enum Documents {
    Table,
    Id,
    MunicipalityId,
    SpecificId,
    FileName,
    Mime,
    Bytes,
    Size,
    UploadedAt,
}

/// A document as uploaded and checked.
pub struct NewDocument<'a> {
    pub file_name: &'a str,
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

/// Keep a document with an agreement.
pub async fn add_document(
    db: &Db,
    m: MunicipalityId,
    id: SpecificId,
    file: &NewDocument<'_>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<DocumentId> {
    db::write(db, now, async |tx| {
        let (title, _, _) = title_of(tx, m, id).await?;
        let doc: DocumentId = Insert::into(Documents::Table)
            .set(Documents::MunicipalityId, m)
            .set(Documents::SpecificId, id)
            .set(Documents::FileName, file.file_name)
            .set(Documents::Mime, file.mime)
            .set(Documents::Bytes, file.bytes.to_vec())
            .set(Documents::Size, i64::try_from(file.bytes.len()).unwrap_or(i64::MAX))
            .set(Documents::UploadedAt, now)
            .returning_id(tx)
            .await?;
        let summary = format!("{title}: {}", file.file_name);
        Ok((
            doc,
            Change::new(
                m,
                actor,
                "agreement.specific.document.add",
                "agreement_specific",
                id,
                summary,
            ),
        ))
    })
    .await
}

/// Remove a document of an agreement.
pub async fn remove_document(
    db: &Db,
    m: MunicipalityId,
    id: SpecificId,
    doc: DocumentId,
    actor: Option<&CurrentUser>,
    now: i64,
) -> StoreResult<()> {
    db::write(db, now, async |tx| {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT file_name FROM agreement_specific_documents WHERE id = $1 AND specific_id = $2 AND municipality_id = $3",
        )
        .bind(doc)
        .bind(id)
        .bind(m)
        .fetch_optional(&mut *tx)
        .await?;
        let (name,) = row.ok_or(StoreError::NotFound)?;
        Delete::from(Documents::Table)
            .filter(Documents::Id, doc)
            .filter(Documents::MunicipalityId, m)
            .run(tx)
            .await?;
        let summary = format!("{id}: {name}");
        Ok(((), Change::new(m, actor, "agreement.specific.document.remove", "agreement_specific", id, summary)))
    })
    .await
}

/// A document to download: (file name, MIME type, bytes, whether its agreement is published).
pub async fn document_file(
    db: &Db,
    m: MunicipalityId,
    id: SpecificId,
    doc: DocumentId,
) -> Result<Option<(String, String, Vec<u8>, bool)>, sqlx::Error> {
    let row: Option<(String, String, Vec<u8>, i64)> = sqlx::query_as(
        "SELECT d.file_name, d.mime, d.bytes, s.published FROM agreement_specific_documents d \
         JOIN agreement_specific s ON s.id = d.specific_id \
         WHERE d.id = $1 AND d.specific_id = $2 AND d.municipality_id = $3",
    )
    .bind(doc)
    .bind(id)
    .bind(m)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(n, mime, b, p)| (n, mime, b, p != 0)))
}
