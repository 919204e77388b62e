//! The operator's pages: the municipalities on the instance (and adding one), the mail outbox
//! (where mail goes when no SMTP server is configured) and the job queue's state.

use crate::accounts::account::fresh_login_redirect;
use crate::auth::require_operator;
use crate::ctx::{Ctx, Input};
use crate::error::AppResult;
use crate::format;
use crate::layout::{html, html_status, Field, FieldKind, Form, Page};
use crate::mail::{self, OutboxEntry};
use crate::rules;
use crate::state::AppState;
use crate::tenants::store::{self as tenants, CreateError, Municipality, NewMunicipality};
use crate::web::Routes;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

pub fn router() -> Routes {
    Routes::new()
        .route("/drift/", get(index).post(create_municipality))
        .route("/drift/utkorg", get(outbox))
}

struct JobCount {
    status: String,
    count: i64,
}

#[derive(Template)]
#[template(path = "operator_index.html")]
struct Index {
    page: Page,
    municipalities: Vec<Municipality>,
    jobs: Vec<JobCount>,
    form: Form,
    notice: Option<String>,
}

impl Index {
    fn logo_alt(&self, name: &str) -> String {
        crate::layout::logo_alt(&self.page.tr, name)
    }
}

fn municipality_form(ctx: &Ctx) -> Form {
    Form::new(
        "/drift/",
        ctx.t("operator-add"),
        vec![
            Field::new("name", ctx.t("field-name"), FieldKind::Text)
                .required()
                .max_len(120),
            Field::new("slug", ctx.t("operator-slug"), FieldKind::Text)
                .required()
                .hint(ctx.t("operator-slug-hint")),
        ],
    )
}

async fn render_index(state: &AppState, ctx: &Ctx, form: Form, notice: Option<String>) -> AppResult<Response> {
    let municipalities = tenants::all(&state.db).await?;
    let jobs: Vec<(String, i64)> = sqlx::query_as("SELECT status, COUNT(*) FROM jobs GROUP BY status ORDER BY status")
        .fetch_all(&state.db.pool)
        .await?;
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &Index {
            page: ctx.page(ctx.t("operator-title")),
            municipalities,
            jobs: jobs
                .into_iter()
                .map(|(status, count)| JobCount { status, count })
                .collect(),
            form,
            notice,
        },
    )
}

async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    require_operator(ctx.user.as_ref())?;
    render_index(&state, &ctx, municipality_form(&ctx), None).await
}

/// A new municipality: its name and its address on the platform.
#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(default)]
struct MunicipalityForm {
    name: String,
    slug: String,
}

async fn create_municipality(
    State(state): State<AppState>,
    ctx: Ctx,
    Input(input): Input<MunicipalityForm>,
) -> AppResult<Response> {
    let user = require_operator(ctx.user.as_ref())?;
    if !ctx.fresh_login(state.now()) {
        // Adding a municipality to the instance is the operator's most far-reaching act: a
        // fresh login first, as for role grants (issue 14, finding 6).
        return Ok(fresh_login_redirect("/drift/"));
    }
    let mut form = municipality_form(&ctx);
    form.fill_from(&input);
    let name = rules::line(&input.name, 120);
    let slug = rules::slug(&input.slug);
    match (&name, &slug) {
        (Err(why), _) => form.invalid(&ctx.tr, "name", *why),
        (_, Err(why)) => form.invalid(&ctx.tr, "slug", *why),
        (Ok(name), Ok(slug)) => {
            let new = NewMunicipality {
                slug,
                name,
                intro: "",
                contact_name: "",
                contact_email: "",
                contact_phone: "",
                website: "",
            };
            match tenants::create(&state.db, &new, Some(user), state.now()).await {
                Ok(_) => {
                    return render_index(
                        &state,
                        &ctx,
                        municipality_form(&ctx),
                        Some(ctx.ta_name("operator-added", name)),
                    )
                    .await
                }
                Err(CreateError::Taken) => form.error("slug", ctx.t("operator-slug-taken")),
                Err(CreateError::Db(e)) => return Err(e.into()),
            }
        }
    }
    render_index(&state, &ctx, form, None).await
}

struct OutboxRow {
    entry: OutboxEntry,
    at: String,
    /// The body cut into text and links; a link's secret part (a login, reset or cancellation
    /// token) is masked, so the operator sees what was sent without holding anyone's key.
    parts: Vec<(String, bool)>,
}

/// Whether a piece of a link looks like a secret token (long, random letters and digits).
fn is_token(piece: &str) -> bool {
    piece.len() >= 16
        && piece.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && piece.chars().any(|c| c.is_ascii_digit())
        && piece.chars().any(|c| c.is_ascii_alphabetic())
}

/// A link with its tokens (path segments and query values) replaced by "…".
fn mask_link(url: &str) -> String {
    url.split('/')
        .map(|segment| {
            let (path, query) = segment.split_once('?').unwrap_or((segment, ""));
            let path = if is_token(path) { "…" } else { path };
            if query.is_empty() && !segment.contains('?') {
                return path.to_string();
            }
            let query: Vec<String> = query
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some((k, v)) if is_token(v) => format!("{k}=…"),
                    _ => kv.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The body cut into text and links, each link masked ([`mask_link`]); a masked link is shown
/// as text, not followed.
fn linkify(body: &str) -> Vec<(String, bool)> {
    let mut parts: Vec<(String, bool)> = vec![];
    let mut rest = body;
    while let Some(start) = rest.find("http://").into_iter().chain(rest.find("https://")).min() {
        let end = rest[start..]
            .find(char::is_whitespace)
            .map(|e| start + e)
            .unwrap_or(rest.len());
        parts.push((rest[..start].to_string(), false));
        let link = &rest[start..end];
        let masked = mask_link(link);
        let live = masked == link;
        parts.push((masked, live));
        rest = &rest[end..];
    }
    parts.push((rest.to_string(), false));
    parts
}

#[derive(Template)]
#[template(path = "operator_outbox.html")]
struct Outbox {
    page: Page,
    rows: Vec<OutboxRow>,
}

async fn outbox(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    require_operator(ctx.user.as_ref())?;
    let rows = mail::outbox(&state.db, 100)
        .await?
        .into_iter()
        .map(|entry| OutboxRow {
            at: format::datetime(entry.created_at),
            parts: linkify(&entry.body_text),
            entry,
        })
        .collect();
    html(&Outbox {
        page: ctx.page(ctx.t("outbox-title")),
        rows,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_in_mail_become_parts() {
        let p = super::linkify("Hej!\nÖppna https://x.se/sala/moten/42 för att läsa.");
        assert_eq!(p[1], ("https://x.se/sala/moten/42".to_string(), true));
        assert_eq!(p.len(), 3);
        assert_eq!(super::linkify("ingen länk"), vec![("ingen länk".to_string(), false)]);
    }

    #[test]
    fn tokens_in_links_are_masked() {
        let p = super::linkify("Öppna https://x.se/konto/lank/q3Zk9_Xa-7bVw2LpR0sT4u för att logga in.");
        assert_eq!(p[1], ("https://x.se/konto/lank/…".to_string(), false));
        assert_eq!(
            super::mask_link("https://x.se/sala/moten/avanmalan/AbC123dEf456GhI789/uppgifter"),
            "https://x.se/sala/moten/avanmalan/…/uppgifter"
        );
        assert_eq!(
            super::mask_link("https://x.se/a?t=AbC123dEf456GhI789&lang=sv"),
            "https://x.se/a?t=…&lang=sv"
        );
        assert_eq!(
            super::mask_link("https://x.se/sala/handlingsplan"),
            "https://x.se/sala/handlingsplan"
        );
    }
}
