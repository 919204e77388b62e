//! Instance pages: the accessibility statement, the privacy page, the stylesheet, the wordmark,
//! the favicon, the picture shown when a link is shared and the health check.

use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::layout::{html, Page};
use crate::state::AppState;
use crate::web::Routes;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

/// The design system's CSS (theme + components) and our few layout rules, joined at build time.
pub static CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/overens.css"));

/// The typeface's files, embedded: (name, bytes). Their @font-face rules are in [`CSS`].
pub static FONTS: [(&str, &[u8]); 2] = [
    (
        "inter-latin-wght-normal.woff2",
        include_bytes!(concat!(env!("OUT_DIR"), "/inter-latin-wght-normal.woff2")),
    ),
    (
        "inter-latin-ext-wght-normal.woff2",
        include_bytes!(concat!(env!("OUT_DIR"), "/inter-latin-ext-wght-normal.woff2")),
    ),
];

/// The wordmark (the mark and the word), as a file for other sites to link; the header draws
/// its own copy inline so that it takes the header's text colour.
pub static WORDMARK: &[u8] = include_bytes!("../assets/overens.svg");

/// The mark alone, square, on a white tile that shows on light and dark browser tabs.
pub static FAVICON: &[u8] = include_bytes!("../assets/favicon.svg");

/// The picture a link to Överens shows when shared (Open Graph `og:image`, 1200×630), drawn from
/// the wordmark by `scripts/share-image.sh`.
pub static SHARE_IMAGE: &[u8] = include_bytes!("../assets/share.png");

pub fn router() -> Routes {
    Routes::new()
        .route("/tillganglighet", get(accessibility))
        .route("/personuppgifter", get(privacy))
        .route("/static/overens.css", get(css))
        .route("/static/fonts/{file}", get(font))
        .route(
            "/static/overens.svg",
            get(|| async { asset(WORDMARK, "image/svg+xml") }),
        )
        .route(
            crate::layout::SHARE_IMAGE_PATH,
            get(|| async { asset(SHARE_IMAGE, "image/png") }),
        )
        .route("/favicon.svg", get(|| async { asset(FAVICON, "image/svg+xml") }))
        .route("/favicon.ico", get(|| async { Redirect::permanent("/favicon.svg") }))
        .route("/healthz", get(healthz))
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct Accessibility {
    page: Page,
    municipalities: Vec<crate::tenants::Municipality>,
    digg: &'static str,
}

/// The instance's page: what holds for all, and each municipality's own statement
/// (`/{slug}/tillganglighet`, see [`crate::a11y`]).
async fn accessibility(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    html(&Accessibility {
        page: ctx.page(ctx.t("a11y-title")),
        municipalities: crate::tenants::store::all(&state.db).await?,
        digg: crate::a11y::DIGG_REPORT_URL,
    })
}

#[derive(Template)]
#[template(path = "privacy.html")]
struct Privacy {
    page: Page,
}

async fn privacy(ctx: Ctx) -> AppResult<Response> {
    html(&Privacy {
        page: ctx.page(ctx.t("privacy-title")),
    })
}

async fn css() -> Response {
    let mut res = CSS.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    res
}

/// A font file. The files change only with the npm package's version, so a browser keeps them a
/// week.
async fn font(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let Some((_, bytes)) = FONTS.iter().find(|(name, _)| *name == file) else {
        return (StatusCode::NOT_FOUND, "no such font").into_response();
    };
    let mut res = bytes.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("font/woff2"));
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=604800"),
    );
    res
}

/// An embedded picture. It changes only with a release, so a browser keeps it a week; `nosniff`
/// so that it is never taken for anything but its type.
fn asset(bytes: &'static [u8], content_type: &'static str) -> Response {
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=604800"),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    res
}

/// 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> Response {
    match sqlx::query_as::<_, (i64,)>("SELECT 1").fetch_one(&state.db.pool).await {
        Ok(_) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}
