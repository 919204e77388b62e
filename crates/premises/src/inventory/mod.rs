//! The premises inventory: the pages where staff and associations list, create and edit their
//! premises and rooms, and add photos.
//!
//! - `GET /{slug}/lokaler/hantera/lokaler`: the premises the user manages
//! - `GET|POST /{slug}/lokaler/ny`, `GET|POST /{slug}/lokaler/{id}/redigera`: premises
//! - `GET|POST /{slug}/lokaler/{id}/rum/nytt`, `GET|POST /{slug}/lokaler/rum/{id}/redigera`: rooms
//! - `POST /{slug}/lokaler/rum/{id}/foton` (multipart), `POST …/foton/{photo}/ta-bort`: photos
//! - `GET /{slug}/lokaler/rum/{id}/foto/{photo}`: a photo's bytes (public)
//! - `GET|POST /{slug}/lokaler/rum/{id}/avveckla`, `GET|POST /{slug}/lokaler/{id}/avveckla`:
//!   retire a room or premises (see `retire_routes`)
//!
//! Who manages what is [`store::manages`]: staff and coordinators the municipality's own
//! premises, representatives their organisation's, coordinators every one. Ids of another
//! municipality are 404s, since every query names the municipality of the path.

pub mod domain;
pub mod photo;
pub mod retire;
mod retire_routes;
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
        .route(
            "/{slug}/lokaler/rum/{id}/avveckla",
            get(retire_routes::room_page).post(retire_routes::room_save),
        )
        .route(
            "/{slug}/lokaler/{id}/avveckla",
            get(retire_routes::premises_page).post(retire_routes::premises_save),
        )
}
