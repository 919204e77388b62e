//! The open-data pages: the list of datasets, a download and the catalogue. Public, for every
//! municipality; another municipality's address is another municipality's data.
//!
//! - `GET /{slug}/data`
//! - `GET /{slug}/data/{name}` with a name like `foreningar.csv` or `beslut.json` (anything
//!   else is a 404)
//! - `GET /{slug}/data/katalog` (RDF/XML)

use super::catalogue::{self, Both, Catalogue, Entry, Publisher};
use super::domain::{self, Format};
use super::{gather, paths};
use axum::http::{header, HeaderMap, HeaderValue};
use platform::i18n::Lang;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/data", get(page))
        .route("/{slug}/data/katalog", get(catalogue_rdf))
        .route("/{slug}/data/{name}", get(download))
}

/// The media type of RDF/XML.
pub const RDF_XML: &str = "application/rdf+xml";

/// The CC0 1.0 deed, in Swedish, for people.
const LICENCE_DEED: &str = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv";

/// A download's name in the address, `foreningar.csv`.
#[derive(Deserialize)]
struct NamePath {
    name: String,
}

/// A link to a download.
struct Link {
    href: String,
    label: String,
}

/// A dataset on the page.
struct Shown {
    id: &'static str,
    title: String,
    description: String,
    links: Vec<Link>,
    rows: String,
    modified: String,
}

#[derive(Template)]
#[template(path = "openness_data.html")]
struct PageView {
    page: Page,
    intro: String,
    datasets: Vec<Shown>,
    catalogue: String,
    licence: &'static str,
}

fn base(state: &AppState) -> String {
    state.config.base_url.trim_end_matches('/').to_string()
}

async fn page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let today = state.today();
    let tables = gather::all(&state.db, &m, &base(&state)).await?;
    let datasets = tables
        .into_iter()
        .map(|(d, t)| {
            let title = ctx.t(&d.message());
            Shown {
                id: d.slug(),
                links: Format::ALL
                    .into_iter()
                    .map(|f| Link {
                        href: paths::download(&m.slug, d, f),
                        label: ctx.tr.ta(
                            "openness-data-download",
                            &[("format", &f.extension().to_uppercase()), ("title", &title)],
                        ),
                    })
                    .collect(),
                description: ctx.t(&format!("{}-description", d.message())),
                rows: ctx.tr.tn(
                    "openness-data-rows",
                    "n",
                    i64::try_from(t.rows.len()).unwrap_or(i64::MAX),
                ),
                modified: t.dates(today).1.format("%Y-%m-%d").to_string(),
                title,
            }
        })
        .collect();
    html(&PageView {
        page: ctx
            .page_in(&m, ctx.t("openness-data-title"))
            .described(ctx.tr.ta("openness-data-intro", &[("name", &m.name)])),
        intro: ctx.tr.ta("openness-data-intro", &[("name", &m.name)]),
        datasets,
        catalogue: paths::catalogue(&m.slug),
        licence: LICENCE_DEED,
    })
}

async fn download(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    PathParams(NamePath { name }): PathParams<NamePath>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let Some((dataset, format)) = domain::parse_name(&name) else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let table = gather::table(&state.db, &m, &base(&state), dataset).await?;
    // An entity tag only, no Last-Modified: a row that goes (a signature withdrawn, a room
    // retired) leaves no later time behind, so only the bytes tell a change for sure.
    let mut res = crate::conditional::respond(&headers, table.document(format), format.media_type(), 0);
    if format == Format::Csv {
        let file = format!("attachment; filename=\"{}-{name}\"", m.slug);
        if let Ok(v) = HeaderValue::from_str(&file) {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
    }
    Ok(res)
}

/// A message in both languages.
fn both(state: &AppState, id: &str) -> Both {
    Both {
        sv: state.catalog.message(Lang::Sv, id, None),
        en: state.catalog.message(Lang::En, id, None),
    }
}

async fn catalogue_rdf(State(state): State<AppState>, Tenant(m): Tenant, headers: HeaderMap) -> AppResult<Response> {
    let today = state.today();
    let base = base(&state);
    let tables = gather::all(&state.db, &m, &base).await?;
    let entries = tables
        .into_iter()
        .map(|(d, t)| {
            let (issued, modified) = t.dates(today);
            Entry {
                dataset: d,
                title: both(&state, &d.message()),
                description: both(&state, &format!("{}-description", d.message())),
                issued,
                modified,
            }
        })
        .collect();
    let named = |b: Both| Both {
        sv: format!("{} – {}", b.sv, m.name),
        en: format!("{} – {}", b.en, m.name),
    };
    let c = Catalogue {
        title: named(both(&state, "openness-data-title")),
        description: both(&state, "openness-data-catalogue-description"),
        publisher: Publisher {
            name: m.name.clone(),
            email: m.contact_email.clone(),
            website: m.website.clone(),
        },
        entries,
        slug: m.slug.clone(),
        base,
    };
    Ok(crate::conditional::respond(
        &headers,
        catalogue::rdf_xml(&c),
        RDF_XML,
        0,
    ))
}
