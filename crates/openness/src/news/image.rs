//! An item's image with its text alternative, on staff's page of the item and on the
//! association's page of its story (while it may change it). One multipart form sends both:
//! an image without a text alternative is refused (422, the reason beside the field), and so is
//! a file that is not a PNG or a JPEG by its content, or over `domain::IMAGE_MAX`.
//!
//! - `POST /{slug}/nyheter/hantera/{id}/bild` (staff; the CSRF token in the query)
//! - `POST /{slug}/nyheter/mina/{id}/bild` (the association's representatives)

use super::domain::{self, Item};
use super::edit::{self, Refused};
use super::manage::item_or_404;
use super::mine::{own_story, Access};
use super::paths;
use super::store::{self, Editor};
use super::view::{done, store_error, Labels};
use super::NewsId;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart};
use platform::web::prelude::*;

pub(super) fn router() -> Routes {
    Routes::new()
        .route(
            "/{slug}/nyheter/hantera/{id}/bild",
            post(staff_upload).layer(DefaultBodyLimit::max(domain::IMAGE_BODY_MAX)),
        )
        .route(
            "/{slug}/nyheter/mina/{id}/bild",
            post(association_upload).layer(DefaultBodyLimit::max(domain::IMAGE_BODY_MAX)),
        )
}

/// What the form sent: the text alternative and the file's bytes (`None` when over the limit).
struct Sent {
    alt: String,
    bytes: Option<Vec<u8>>,
}

/// Read the form's `alt` and `file` fields; a file over the limit is read to its end and
/// dropped, so that the browser gets the answer.
async fn read(multipart: &mut Multipart) -> AppResult<Sent> {
    let mut sent = Sent {
        alt: String::new(),
        bytes: Some(vec![]),
    };
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Ok(sent),
            Err(_) => return Err(AppError::BadRequest("err-bad-form")),
        };
        let name = field.name().unwrap_or_default().to_string();
        let mut bytes: Vec<u8> = vec![];
        let mut over = false;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > domain::IMAGE_MAX {
                        over = true;
                    } else {
                        bytes.extend_from_slice(&chunk);
                    }
                }
                Ok(None) => break,
                Err(_) => return Err(AppError::BadRequest("err-bad-form")),
            }
        }
        match name.as_str() {
            "alt" => sent.alt = String::from_utf8_lossy(&bytes).into_owned(),
            "file" => sent.bytes = (!over).then_some(bytes),
            _ => {}
        }
    }
}

/// Check what was sent and keep it, or show the page again with the reasons.
async fn keep(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    editor: Editor,
    i: Item,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("err-bad-form"))?;
    let sent = read(&mut multipart).await?;
    let image = match &sent.bytes {
        Some(b) => domain::image(b),
        None => Err("openness-news-err-image-too-large"),
    };
    let alt = domain::alt(&sent.alt);
    match (image, alt) {
        (Ok(mime), Ok(alt)) => {
            let bytes = sent.bytes.unwrap_or_default();
            store::set_image(
                &state.db,
                m.id,
                i.id,
                store::Image {
                    mime,
                    bytes: &bytes,
                    alt: &alt,
                },
                editor,
                ctx.user.as_ref(),
                state.now(),
            )
            .await
            .map_err(store_error)?;
            Ok(done(&edit::address(m, editor, &i), "bild"))
        }
        (image, alt) => {
            let labels = Labels::of(state, m).await?;
            let form = edit::form(ctx, m, &labels, editor, &i);
            let refused = Refused {
                image: image.err().map(|id| ctx.t(id)),
                alt: alt.err().map(|why| match why {
                    platform::rules::Invalid::Required => ctx.t("openness-news-err-alt-missing"),
                    why => ctx.tr.ta(why.message_id(), &[("n", &why.limit().unwrap_or(0))]),
                }),
                reason: None,
            };
            edit::page(ctx, m, &labels, editor, i, form, None, refused)
        }
    }
}

async fn staff_upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let i = item_or_404(&state, &m, id).await?;
    keep(&state, &ctx, &m, Editor::Staff, i, multipart).await
}

async fn association_upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let i = match own_story(&state, &ctx, &m, id).await? {
        Access::Own(i) => *i,
        Access::Staff => return Ok(Redirect::to(&paths::manage_one(&m.slug, id)).into_response()),
    };
    if !i.status.editable_by_association() {
        return Ok(done(&paths::mine_one(&m.slug, id), "inte-nu"));
    }
    keep(&state, &ctx, &m, Editor::Association, i, multipart).await
}
