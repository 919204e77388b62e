//! The attendance pages of an association, for its representatives and the municipality's
//! staff:
//!
//! - `GET /{slug}/bidrag/narvaro/{org}`: its groups, meeting counts and latest meetings, the
//!   file upload (CSV or XLSX) and the web attendance card, and links to its activity support
//!   per period
//! - `POST /{slug}/bidrag/narvaro/{org}/import`: a file (multipart; the CSRF token in the
//!   query); a file with a wrong row stores nothing and lists every wrong row
//! - `POST /{slug}/bidrag/narvaro/{org}/kort`: one meeting typed in by hand
//! - `GET /{slug}/bidrag/{id}/perioder/{period}/aktivitet/{org}`: what counted in a period and
//!   why not, the totals and the amount ([`result`])
//!
//! Anonymous visitors are sent to the login page; anyone else who neither represents the
//! association nor is the municipality's staff is refused (403); an association of another
//! municipality is not found (404).

mod card;
mod result;

use crate::activity::import::{read_file, ImportError, RowError};
use crate::activity::store::{self, ImportSummary};
use crate::paths;
use crate::programmes::domain::Rules;
use axum::extract::{DefaultBodyLimit, Multipart};
use platform::upload::file_up_to;
use platform::web::prelude::*;
use serde::Deserialize;

/// The largest attendance file taken: a large club's year is a few megabytes of CSV.
pub const FILE_MAX: usize = 20 * 1024 * 1024;
/// The most wrong rows listed for one file.
const ERRORS_MAX: usize = 200;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/bidrag/narvaro/{org}", get(page))
        .route(
            "/{slug}/bidrag/narvaro/{org}/import",
            post(import).layer(DefaultBodyLimit::max(FILE_MAX + 64 * 1024)),
        )
        .route("/{slug}/bidrag/narvaro/{org}/kort", post(card::save))
        .route(
            "/{slug}/bidrag/{id}/perioder/{period}/aktivitet/{org}",
            get(result::page),
        )
}

#[derive(Deserialize)]
struct OrgPath {
    org: OrganisationId,
}

/// The association's name when the visitor may see its attendance (see the module's rules).
pub(crate) async fn allowed<'u>(
    state: &AppState,
    ctx: &'u Ctx,
    m: &Municipality,
    org: OrganisationId,
) -> AppResult<(&'u CurrentUser, String)> {
    let user = require_user(ctx.user.as_ref())?;
    let Some(name) = store::organisation_name(&state.db, m.id, org).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    if user.is_staff(m.id) || user.represents(org) {
        Ok((user, name))
    } else {
        Err(AppError::Forbidden)
    }
}

/// Digits in groups of three, as Swedish writes numbers ("12 345").
pub(crate) fn count(n: impl Into<i64>) -> String {
    let n: i64 = n.into();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::from(if n < 0 { "−" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

// --- The attendance page ---

struct GroupRow {
    name: String,
    meetings: String,
    first: String,
    last: String,
}

struct MeetingRow {
    date: String,
    start: String,
    group: String,
    minutes: u32,
    activity: String,
    leaders: String,
    participants: String,
    source: String,
}

struct ErrorRow {
    line: u64,
    column: String,
    problem: String,
}

#[derive(Template)]
#[template(path = "grants_attendance.html")]
struct AttendancePage {
    page: Page,
    notice: Option<String>,
    groups: Vec<GroupRow>,
    latest: Vec<MeetingRow>,
    /// Links to the activity support of each period: (href, text).
    results: Vec<(String, String)>,
    upload_action: String,
    upload_error: Option<String>,
    errors: Vec<ErrorRow>,
    errors_capped: bool,
    form: Form,
}

/// The column's header as the documented layout names it.
fn column_label(column: &str) -> String {
    let mut c = column.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What the last import or card did, carried in the query after the redirect.
#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    tillagda: String,
    #[serde(default)]
    ersatta: String,
    #[serde(default)]
    oforandrade: String,
    #[serde(default)]
    rader: String,
}

fn notice(ctx: &Ctx, done: &Done) -> Option<String> {
    let n = |s: &str| s.parse::<usize>().ok();
    let (Some(added), Some(replaced), Some(unchanged), Some(rows)) = (
        n(&done.tillagda),
        n(&done.ersatta),
        n(&done.oforandrade),
        n(&done.rader),
    ) else {
        return None;
    };
    if added + replaced == 0 {
        return Some(
            ctx.tr
                .ta("grants-att-done-nothing", &[("unchanged", &count(unchanged as i64))]),
        );
    }
    Some(ctx.tr.ta(
        "grants-att-done",
        &[
            ("added", &count(added as i64)),
            ("replaced", &count(replaced as i64)),
            ("unchanged", &count(unchanged as i64)),
            ("rows", &count(rows as i64)),
        ],
    ))
}

fn done_query(s: &ImportSummary) -> String {
    format!(
        "?tillagda={}&ersatta={}&oforandrade={}&rader={}",
        s.meetings_added, s.meetings_replaced, s.meetings_unchanged, s.rows
    )
}

/// The page with what is stored; `frame` fills in the upload's errors or the card's.
async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    org: OrganisationId,
    name: &str,
    frame: impl FnOnce(&mut AttendancePage),
) -> AppResult<Response> {
    let (groups, latest) = store::overview(&state.db, m.id, org, 20).await?;
    let staff = ctx.user.as_ref().is_some_and(|u| u.is_staff(m.id));
    let mut results = Vec::new();
    for (p, periods) in crate::programmes::store::programmes(&state.db, m.id, staff).await? {
        if !matches!(p.rules, Rules::Activity(_)) {
            continue;
        }
        for x in periods {
            results.push((
                paths::activity_result(&m.slug, p.id, x.id, org),
                format!("{}: {}", p.name, x.name),
            ));
        }
    }
    let d = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut page = AttendancePage {
        page: ctx.page_in(m, ctx.ta_name("grants-att-title", name)),
        notice: None,
        groups: groups
            .into_iter()
            .map(|g| GroupRow {
                name: g.name,
                meetings: count(g.meetings),
                first: g.first.map(d).unwrap_or_default(),
                last: g.last.map(d).unwrap_or_default(),
            })
            .collect(),
        latest: latest
            .into_iter()
            .map(|x| MeetingRow {
                date: d(x.date),
                start: x.start.format("%H:%M").to_string(),
                group: x.group,
                minutes: x.minutes,
                activity: x.activity,
                leaders: count(x.leaders),
                participants: count(x.participants),
                source: ctx.t(match x.source {
                    store::Source::File => "grants-att-source-file",
                    store::Source::Card => "grants-att-source-card",
                }),
            })
            .collect(),
        results,
        upload_action: format!(
            "{}?_csrf={}",
            paths::attendance_import(&m.slug, org),
            urlencoding::encode(&ctx.csrf)
        ),
        upload_error: None,
        errors: Vec::new(),
        errors_capped: false,
        form: card::form(ctx, m, org),
    };
    frame(&mut page);
    let failed = page.upload_error.is_some() || page.form.has_errors();
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(status, &page)
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<OrgPath>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let (_, name) = allowed(&state, &ctx, &m, p.org).await?;
    let notice = notice(&ctx, &done);
    render(&state, &ctx, &m, p.org, &name, |page| page.notice = notice).await
}

fn import_problem(ctx: &Ctx, e: &ImportError) -> (String, Vec<ErrorRow>) {
    match e {
        ImportError::MissingColumn(c) => (
            ctx.tr
                .ta("grants-att-err-missing-column", &[("column", &column_label(c))]),
            vec![],
        ),
        ImportError::NotCsv => (ctx.t("grants-att-err-not-csv"), vec![]),
        ImportError::NotXlsx => (ctx.t("grants-att-err-not-xlsx"), vec![]),
        ImportError::TooLarge => (ctx.t("grants-att-err-sheet-too-large"), vec![]),
        ImportError::Rows(rows) => (
            ctx.t("grants-att-err-rows"),
            rows.iter()
                .map(
                    |RowError {
                         line,
                         column,
                         message_id,
                     }| ErrorRow {
                        line: *line,
                        column: column_label(column),
                        problem: ctx.t(message_id),
                    },
                )
                .collect(),
        ),
    }
}

async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<OrgPath>,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let (user, name) = allowed(&state, &ctx, &m, p.org).await?;
    let upload = match file_up_to(&mut multipart, "file", FILE_MAX).await {
        Ok(Some(u)) => u,
        Ok(None) => {
            let why = ctx.t("grants-att-err-no-file");
            return render(&state, &ctx, &m, p.org, &name, |page| page.upload_error = Some(why)).await;
        }
        Err(AppError::BadRequest("err-file-too-large")) => {
            let why = ctx.t("grants-att-err-too-large");
            return render(&state, &ctx, &m, p.org, &name, |page| page.upload_error = Some(why)).await;
        }
        Err(e) => return Err(e),
    };
    // Parsing is CPU work on a file nobody vouches for: off the async workers.
    let read = tokio::task::spawn_blocking(move || read_file(&upload.file_name, &upload.bytes, ERRORS_MAX))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let meetings = match read {
        Ok(meetings) if meetings.is_empty() => {
            let why = ctx.t("grants-att-err-empty");
            return render(&state, &ctx, &m, p.org, &name, |page| page.upload_error = Some(why)).await;
        }
        Ok(meetings) => meetings,
        Err(e) => {
            let (why, rows) = import_problem(&ctx, &e);
            let capped = rows.len() >= ERRORS_MAX;
            return render(&state, &ctx, &m, p.org, &name, |page| {
                page.upload_error = Some(why);
                page.errors = rows;
                page.errors_capped = capped;
            })
            .await;
        }
    };
    let summary = store::import_meetings(&state.db, m.id, p.org, &meetings, Some(user), state.now()).await?;
    let to = format!("{}{}", paths::attendance(&m.slug, p.org), done_query(&summary));
    Ok(Redirect::to(&to).into_response())
}
