//! The premises inventory: the pages where staff and associations list, create and edit their
//! premises and rooms, and add photos.
//!
//! - `GET /{slug}/lokaler/hantera/lokaler`: the premises the user manages
//! - `GET|POST /{slug}/lokaler/ny`, `GET|POST /{slug}/lokaler/{id}/redigera`: premises
//! - `GET|POST /{slug}/lokaler/{id}/rum/nytt`, `GET|POST /{slug}/lokaler/rum/{id}/redigera`: rooms
//! - `POST /{slug}/lokaler/rum/{id}/foton` (multipart), `POST …/foton/{photo}/ta-bort`: photos
//! - `GET /{slug}/lokaler/rum/{id}/foto/{photo}`: a photo's bytes (public)
//!
//! Who manages what is [`store::manages`]: staff and coordinators the municipality's own
//! premises, representatives their organisation's, coordinators every one. Ids of another
//! municipality are 404s, since every query names the municipality of the path.

pub mod domain;
pub mod photo;
mod rooms;
mod routes;
pub mod store;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use platform::web::Routes;
use rooms::*;
use routes::*;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/lokaler/hantera/lokaler", get(list_page))
        .route("/{slug}/lokaler/ny", get(new_page).post(new_save))
        .route("/{slug}/lokaler/{id}/redigera", get(edit_page).post(edit_save))
        .route("/{slug}/lokaler/{id}/rum/nytt", get(new_room_page).post(new_room_save))
        .route(
            "/{slug}/lokaler/rum/{id}/redigera",
            get(edit_room_page).post(edit_room_save),
        )
        .route(
            "/{slug}/lokaler/rum/{id}/foton",
            post(photo_add).layer(DefaultBodyLimit::max(domain::PHOTO_BODY_MAX)),
        )
        .route("/{slug}/lokaler/rum/{id}/foton/{photo}/ta-bort", post(photo_delete))
        .route("/{slug}/lokaler/rum/{id}/foto/{photo}", get(photo_file))
}
