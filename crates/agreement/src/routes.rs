//! The public pages of the agreement's text: the agreement in force and each adopted version.
//!
//! - `GET /{slug}/overenskommelse`: the version in force (or a note that none is adopted)
//! - `GET /{slug}/overenskommelse/version/{n}`: an adopted version at its own address

use crate::domain::{self, PrincipleWith, Version};
use crate::{paths, store};
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/overenskommelse", get(current))
        .route("/{slug}/overenskommelse/version/{n}", get(version))
}

#[derive(Template)]
#[template(path = "agreement_view.html")]
struct AgreementView {
    page: Page,
    base: String,
    slug: String,
    /// The version shown, if any.
    version: Option<Version>,
    principles: Vec<PrincipleWith>,
    /// Adopted versions, newest first, for the list of versions.
    adopted: Vec<Version>,
    current_number: Option<i64>,
    coordinator: bool,
}

impl AgreementView {
    fn is_current(&self) -> bool {
        self.version.as_ref().map(|v| v.number) == self.current_number
    }

    fn adopted_line(&self, v: &Version) -> String {
        self.page.tr.ta(
            "agreement-adopted-line",
            &[
                ("body", &v.adopted_by.clone().unwrap_or_default()),
                ("date", &v.adopted_on.clone().unwrap_or_default()),
                ("n", &v.number),
            ],
        )
    }

    fn version_link_text(&self, v: &Version) -> String {
        self.page.tr.ta(
            "agreement-version-link",
            &[("n", &v.number), ("date", &v.adopted_on.clone().unwrap_or_default())],
        )
    }
}

/// The agreement in force: the latest adopted version (three queries: versions, principles,
/// commitments), or a note that none is adopted yet.
async fn current(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let versions = store::versions(&state.db, m.id).await?;
    let shown = domain::current(&versions).cloned();
    render_version(&state, &ctx, &m, versions, shown, ctx.t("agreement-title")).await
}

/// A version's number in the path.
#[derive(Deserialize)]
pub(crate) struct Number {
    pub(crate) n: i64,
}

/// An adopted version at its own address (a draft is not public).
async fn version(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(Number { n }): PathParams<Number>,
) -> AppResult<Response> {
    let versions = store::versions(&state.db, m.id).await?;
    let shown = versions
        .iter()
        .find(|v| v.number == n && !v.is_draft())
        .cloned()
        .ok_or(AppError::NotFound("err-not-found"))?;
    let title = ctx.tr.ta("agreement-version-title", &[("n", &n)]);
    render_version(&state, &ctx, &m, versions, Some(shown), title).await
}

async fn render_version(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    versions: Vec<Version>,
    shown: Option<Version>,
    title: String,
) -> AppResult<Response> {
    let principles = match &shown {
        Some(v) => store::contents(&state.db, m.id, v.id).await?,
        None => vec![],
    };
    let current_number = domain::current(&versions).map(|v| v.number);
    let mut adopted: Vec<Version> = versions.into_iter().filter(|v| !v.is_draft()).collect();
    adopted.reverse();
    html(&AgreementView {
        page: ctx.page_in(m, title),
        base: paths::base(m),
        slug: m.slug.clone(),
        version: shown,
        principles,
        adopted,
        current_number,
        coordinator: ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id)),
    })
}
