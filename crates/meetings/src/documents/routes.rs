//! The documents' pages:
//!
//! - `GET|POST /{slug}/moten/{id}/dokument` (the coordinator): the meeting's and its minutes'
//!   documents; upload one (multipart, the CSRF token in the query) to the meeting or to the
//!   minutes
//! - `GET|POST /{slug}/moten/arbetsgrupper/{group}/dokument`: a working group's documents (public);
//!   the coordinator uploads one
//! - `GET /{slug}/moten/dokument/{doc}`: download; public where the parent is (a meeting's
//!   always, the minutes' once published, a working group's always), else only the coordinator
//! - `POST /{slug}/moten/dokument/{doc}/ta-bort` (the coordinator): remove one
//!
//! Also the lists that the meeting, minutes and invitation pages show.

use super::domain::{self, Parent, Problem, DOCUMENT_BODY_MAX, DOCUMENT_MAX};
use super::store::{self, Document, NewDocument};
use crate::ids::{DocumentId, MeetingId};
use crate::minutes::store as minutes;
use crate::paths;
use crate::views::{self, coordinates};
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart};
use platform::format;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route(
            "/{slug}/moten/{id}/dokument",
            get(meeting_page)
                .post(upload_to_meeting)
                .layer(DefaultBodyLimit::max(DOCUMENT_BODY_MAX)),
        )
        .route(
            "/{slug}/moten/arbetsgrupper/{group}/dokument",
            get(group_page)
                .post(upload_to_group)
                .layer(DefaultBodyLimit::max(DOCUMENT_BODY_MAX)),
        )
        .route("/{slug}/moten/dokument/{id}", get(download))
        .route("/{slug}/moten/dokument/{id}/ta-bort", post(remove))
}

/// A document in a list: its link, title and "PDF, 120 kB, 2026-11-23".
pub struct DocLink {
    pub href: String,
    pub title: String,
    pub about: String,
    /// The coordinator's remove action.
    pub remove: Option<String>,
}

fn size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

/// The kind of file as its name's extension says it ("PDF", "DOCX"); the content was checked.
fn kind(file_name: &str) -> String {
    match file_name.rsplit_once('.') {
        Some((_, ext)) if !ext.is_empty() && ext.len() <= 5 => ext.to_uppercase(),
        _ => String::new(),
    }
}

pub fn link(slug: &str, d: &Document, coordinator: bool) -> DocLink {
    DocLink {
        href: paths::document(slug, d.id),
        title: d.title.clone(),
        about: [kind(&d.file_name), size(d.size), format::date(d.uploaded_at)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        remove: coordinator.then(|| paths::document_remove(slug, d.id)),
    }
}

/// The links to a meeting's documents (`minutes`: those of its minutes instead), for the
/// meeting, minutes and invitation pages and the invitation mail.
pub fn meeting_links<'a>(
    state: &'a AppState,
    m: &'a Municipality,
    meeting: MeetingId,
    of_minutes: bool,
    coordinator: bool,
) -> futures::future::BoxFuture<'a, AppResult<Vec<DocLink>>> {
    Box::pin(async move {
        let docs = store::of_meeting(&state.db, m.id, meeting).await?;
        Ok(links(&m.slug, docs, of_minutes, coordinator))
    })
}

fn links(slug: &str, docs: Vec<Document>, of_minutes: bool, coordinator: bool) -> Vec<DocLink> {
    docs.into_iter()
        .filter(|d| matches!(d.parent, Parent::Minutes(_)) == of_minutes)
        .map(|d| link(slug, &d, coordinator))
        .collect()
}

#[derive(Template)]
#[template(path = "meetings_documents.html")]
struct DocumentsPage {
    page: Page,
    notice: Option<String>,
    intro: String,
    /// (heading, documents)
    lists: Vec<(String, Vec<DocLink>)>,
    upload: Option<Upload>,
    back: (String, String),
}

/// The upload form (multipart, so the CSRF token rides in the action's query).
struct Upload {
    action: String,
    /// (value, label) of the parent choice; empty when there is one parent only.
    parents: Vec<(String, String)>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Done {
    klart: String,
}

fn notice(ctx: &Ctx, q: &Done) -> Option<String> {
    match q.klart.as_str() {
        "added" => Some(ctx.t("meetings-done-document")),
        "removed" => Some(ctx.t("meetings-done-document-removed")),
        _ => None,
    }
}

async fn render_meeting(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: MeetingId,
    notice: Option<String>,
    error: Option<String>,
) -> AppResult<Response> {
    let mt = views::meeting(state, m, id).await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let of_meeting = meeting_links(state, m, mt.id, false, true).await?;
    let of_minutes = meeting_links(state, m, mt.id, true, true).await?;
    let page = DocumentsPage {
        page: crate::views::meeting_page(
            ctx,
            m,
            &mt,
            ctx.tr.ta("meetings-documents-title", &[("title", &mt.title)]),
        ),
        notice,
        intro: ctx.t("meetings-documents-intro"),
        lists: vec![
            (ctx.t("meetings-documents-meeting"), of_meeting),
            (ctx.t("meetings-documents-minutes"), of_minutes),
        ],
        upload: Some(Upload {
            action: format!(
                "{}?_csrf={}",
                paths::documents(&m.slug, mt.id),
                urlencoding::encode(&ctx.csrf)
            ),
            parents: vec![
                ("mote".into(), ctx.t("meetings-documents-to-meeting")),
                ("anteckningar".into(), ctx.t("meetings-documents-to-minutes")),
            ],
            error,
        }),
        back: (paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting")),
    };
    html_status(status, &page)
}

async fn meeting_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    render_meeting(&state, &ctx, &m, id, notice(&ctx, &q), None).await
}

/// The form's fields: the file, its title and (for a meeting) whether it is the minutes'. A
/// file over the limit is refused and the rest of the body read and dropped, so that the
/// browser gets the answer.
struct Sent {
    file: Result<(String, Vec<u8>), Problem>,
    title: String,
    parent: String,
}

/// Reads the multipart form: text fields first or last, the file wherever it is.
async fn read_all(multipart: Result<Multipart, MultipartRejection>) -> AppResult<Sent> {
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let mut sent = Sent {
        file: Err(Problem::Missing),
        title: String::new(),
        parent: String::new(),
    };
    let bad = |_| AppError::BadRequest("err-bad-form");
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err(AppError::BadRequest("err-bad-form")),
        };
        match field.name().unwrap_or("") {
            "title" => sent.title = field.text().await.map_err(bad)?,
            "del" => sent.parent = field.text().await.map_err(bad)?,
            "file" => {
                let name = field.file_name().unwrap_or_default().to_string();
                let mut bytes = vec![];
                let mut over = false;
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    if bytes.len() + chunk.len() > DOCUMENT_MAX {
                        over = true;
                        bytes.clear();
                    } else if !over {
                        bytes.extend_from_slice(&chunk);
                    }
                }
                sent.file = if over {
                    Err(Problem::TooLarge)
                } else {
                    domain::check(&bytes).map(|_| (name, bytes))
                };
            }
            _ => {}
        }
    }
    Ok(sent)
}

/// Keep the sent file under `parent`, or say why not.
async fn keep(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    parent: Parent,
    sent: &Sent,
) -> AppResult<Result<(), String>> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let (name, bytes) = match &sent.file {
        Ok(f) => f,
        Err(p) => return Ok(Err(ctx.t(p.message_id()))),
    };
    let mime = domain::check(bytes).map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let file_name = domain::file_name(name);
    let title = domain::title(&sent.title, &file_name);
    if title.chars().count() > 300 {
        return Ok(Err(ctx.t("meetings-document-title-long")));
    }
    let d = NewDocument {
        title: &title,
        file_name: &file_name,
        mime,
        bytes,
    };
    store::add(&state.db, m.id, parent, &d, Some(user), state.now()).await?;
    Ok(Ok(()))
}

async fn upload_to_meeting(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let sent = read_all(multipart).await?;
    let parent = match sent.parent.as_str() {
        "anteckningar" => Parent::Minutes(mt.id),
        _ => Parent::Meeting(mt.id),
    };
    match keep(&state, &ctx, &m, parent, &sent).await? {
        Ok(()) => Ok(Redirect::to(&paths::documents_done(&m.slug, mt.id, "added")).into_response()),
        Err(why) => render_meeting(&state, &ctx, &m, mt.id, None, Some(why)).await,
    }
}

#[derive(Deserialize)]
struct GroupPath {
    group: i64,
}

async fn render_group(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    group: i64,
    notice: Option<String>,
    error: Option<String>,
) -> AppResult<Response> {
    let g = actionplan::public::working_group(&state.db, m.id, group)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let coordinator = coordinates(ctx, m);
    let docs = store::of_group(&state.db, m.id, g.id)
        .await?
        .iter()
        .map(|d| link(&m.slug, d, coordinator))
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = DocumentsPage {
        page: ctx.page_in(m, ctx.tr.ta("meetings-documents-title", &[("title", &g.name)])),
        notice,
        intro: ctx.t("meetings-documents-group-intro"),
        lists: vec![(ctx.t("meetings-documents-heading"), docs)],
        upload: coordinator.then(|| Upload {
            action: format!(
                "{}?_csrf={}",
                paths::group_documents(&m.slug, g.id),
                urlencoding::encode(&ctx.csrf)
            ),
            parents: vec![],
            error,
        }),
        back: (paths::working_group(&m.slug, g.id), ctx.t("meetings-back-to-group")),
    };
    html_status(status, &page)
}

async fn group_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<GroupPath>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    render_group(&state, &ctx, &m, p.group, notice(&ctx, &q), None).await
}

async fn upload_to_group(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<GroupPath>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let g = actionplan::public::working_group(&state.db, m.id, p.group)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let sent = read_all(multipart).await?;
    match keep(&state, &ctx, &m, Parent::Group(g.id), &sent).await? {
        Ok(()) => Ok(Redirect::to(&paths::group_documents_done(&m.slug, g.id, "added")).into_response()),
        Err(why) => render_group(&state, &ctx, &m, g.id, None, Some(why)).await,
    }
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<DocumentId>,
) -> AppResult<Response> {
    let (doc, bytes) = store::file(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let public = match doc.parent {
        Parent::Meeting(_) | Parent::Group(_) => true,
        Parent::Minutes(mt) => minutes::minutes(&state.db, m.id, mt)
            .await?
            .is_some_and(|n| n.published_at.is_some()),
    };
    if !public && !coordinates(&ctx, &m) {
        return Err(AppError::NotFound("err-not-found"));
    }
    Ok(platform::upload::download(bytes, &doc.mime, &doc.file_name, public))
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<DocumentId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let parent = store::remove(&state.db, m.id, id, Some(user), state.now())
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let back = match parent {
        Parent::Meeting(mt) | Parent::Minutes(mt) => paths::documents_done(&m.slug, mt, "removed"),
        Parent::Group(g) => paths::group_documents_done(&m.slug, g, "removed"),
    };
    Ok(Redirect::to(&back).into_response())
}
