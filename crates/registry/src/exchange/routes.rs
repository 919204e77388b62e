//! The coordinator's export and import.
//!
//! - `GET /{slug}/foreningar/export.csv|export.xlsx`: every profile of the municipality
//! - `GET|POST /{slug}/foreningar/import`, `POST …/import/fil`: check a CSV (pasted or
//!   uploaded) and show what would be imported; `POST …/import/{id}`: import the draft

use crate::domain::{Category, LegalForm};
use crate::exchange::domain::{self, Column, Vocabulary};
use crate::exchange::store;
use crate::facts::store::StoredFacts;
use crate::ids::ImportDraftId;
use crate::paths;
use crate::store::{Profile, RegistryError};
use crate::web::{field_message, mark, to_app};
use axum::http::{header, HeaderValue};
use platform::i18n::{Lang, Tr};
use platform::web::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/foreningar/export.csv", get(export_csv))
        .route("/{slug}/foreningar/export.xlsx", get(export_xlsx))
        .route("/{slug}/foreningar/import", get(import_page).post(import_check))
        .route("/{slug}/foreningar/import/fil", post(import_file))
        .route("/{slug}/foreningar/import/{id}", post(import_confirm))
}

#[derive(Deserialize)]
struct Imported {
    importerade: Option<String>,
}

#[derive(Deserialize)]
struct CsvInput {
    #[serde(default)]
    csv: String,
}

/// The export's columns after the import's: the grant facts (an import ignores them).
const FACT_COLUMNS: [&str; 4] = [
    "registry-col-giro",
    "registry-col-board",
    "registry-col-annual-meeting",
    "registry-col-statutes",
];

fn export_table(ctx: &Ctx, profiles: &[Profile], facts: &[StoredFacts]) -> Vec<Vec<String>> {
    let header = Column::ALL.iter().map(|c| c.message_id()).chain(FACT_COLUMNS);
    let mut rows = vec![header.map(|id| ctx.t(id)).collect::<Vec<_>>()];
    let facts: HashMap<OrganisationId, &StoredFacts> = facts.iter().map(|f| (f.organisation_id, f)).collect();
    for p in profiles {
        let f = facts.get(&p.organisation_id);
        let mut row = vec![
            p.org_number.clone().unwrap_or_default(),
            p.name.clone(),
            ctx.t(p.legal_form.message_id()),
            p.categories
                .iter()
                .map(|c| ctx.t(c.message_id()))
                .collect::<Vec<_>>()
                .join(", "),
            p.mission.clone(),
            p.email.clone(),
            p.phone.clone(),
            p.website.clone(),
            p.postal_address.clone(),
            p.visiting_address.clone(),
            p.member_count.map(|n| n.to_string()).unwrap_or_default(),
            p.target_groups.clone(),
        ];
        row.extend([
            f.and_then(|f| f.giro.as_ref())
                .map(|(kind, number)| format!("{} {number}", ctx.t(kind.message_id())))
                .unwrap_or_default(),
            f.and_then(|f| f.board_members)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            f.and_then(|f| f.annual_meeting_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            f.and_then(|f| f.statutes.as_ref())
                .map(|(name, _)| name.clone())
                .unwrap_or_default(),
        ]);
        rows.push(row);
    }
    rows
}

/// The municipality's profiles and their grant facts, as the export's table.
async fn export_rows(state: &AppState, ctx: &Ctx, m: &Municipality) -> AppResult<Vec<Vec<String>>> {
    let profiles = store::all_profiles(&state.db, m.id).await?;
    let facts = crate::facts::store::facts(&state.db, m.id, None).await?;
    Ok(export_table(ctx, &profiles, &facts))
}

fn attachment(mut res: Response, content_type: &'static str, filename: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn export_csv(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let body = platform::csv::document(&export_rows(&state, &ctx, &m).await?);
    Ok(attachment(
        body.into_response(),
        "text/csv; charset=utf-8",
        &format!("foreningar-{}.csv", m.slug),
    ))
}

fn xlsx(rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        for (c, v) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            if r == 0 {
                sheet.write_string_with_format(r, c, v, &bold)?;
            } else {
                sheet.write_string(r, c, v)?;
            }
        }
    }
    book.save_to_buffer()
}

async fn export_xlsx(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let bytes = xlsx(&export_rows(&state, &ctx, &m).await?).map_err(|e| AppError::Internal(e.into()))?;
    Ok(attachment(
        bytes.into_response(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("foreningar-{}.xlsx", m.slug),
    ))
}

/// Header texts, legal forms and categories in both languages, and their codes.
fn vocabulary(state: &AppState) -> Vocabulary {
    let mut v = Vocabulary::with_codes();
    for lang in [Lang::Sv, Lang::En] {
        let tr = Tr {
            lang,
            catalog: state.catalog.clone(),
        };
        for c in Column::ALL {
            v.columns.insert(tr.t(c.message_id()).to_lowercase(), c);
        }
        for f in LegalForm::ALL {
            v.forms.insert(tr.t(f.message_id()).to_lowercase(), f);
        }
        for c in Category::ALL {
            v.categories.insert(tr.t(c.message_id()).to_lowercase(), c);
        }
    }
    v
}

struct ProblemView {
    line: usize,
    column: String,
    message: String,
    value: String,
}

#[derive(Template)]
#[template(path = "registry_import.html")]
struct ImportPage {
    page: Page,
    intro: Vec<String>,
    form: Form,
    summary: Option<String>,
    problems: Vec<ProblemView>,
    /// (line, name, organisationsnummer) of the rows that would be imported.
    good: Vec<(usize, String, String)>,
    confirm_action: Option<String>,
    /// Where the file upload form posts (with its CSRF token in the query string).
    upload_action: String,
    back: String,
}

fn import_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        paths::import(m),
        ctx.t("registry-submit-check-import"),
        vec![Field::new("csv", ctx.t("registry-import-field"), FieldKind::TextArea)
            .required()
            .hint(ctx.t("registry-import-field-hint"))],
    )
}

fn import_frame(ctx: &Ctx, m: &Municipality, form: Form) -> ImportPage {
    let columns: Vec<String> = Column::ALL.iter().map(|c| ctx.t(c.message_id())).collect();
    ImportPage {
        page: ctx.page_in(m, ctx.t("registry-import-title")),
        intro: vec![
            ctx.t("registry-import-intro"),
            ctx.ta_name("registry-import-columns", &columns.join("; ")),
        ],
        form,
        summary: None,
        problems: vec![],
        good: vec![],
        confirm_action: None,
        upload_action: format!("{}?_csrf={}", paths::import_file(m), urlencoding::encode(&ctx.csrf)),
        back: paths::directory(m),
    }
}

async fn import_page(ctx: Ctx, Tenant(m): Tenant, Query(q): Query<Imported>) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut page = import_frame(&ctx, &m, import_form(&ctx, &m));
    if let Some(n) = q.importerade.and_then(|n| n.parse::<i64>().ok()) {
        page.summary = Some(ctx.tr.tn("registry-import-done", "n", n));
    }
    html(&page)
}

async fn import_check(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<CsvInput>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = import_form(&ctx, &m);
    form.fill(|n| (n == "csv").then(|| input.csv.clone()));
    preview(&state, &ctx, &m, user, &input.csv, form).await
}

/// The same check for a CSV file sent with the upload form (UTF-8 or Windows-1252, as Excel
/// saves it); the file's text is shown in the paste field so that it can be corrected there.
async fn import_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    mut multipart: axum::extract::Multipart,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = import_form(&ctx, &m);
    let Some(upload) = platform::upload::file(&mut multipart, "file").await? else {
        form.error("csv", ctx.t("registry-import-no-file"));
        let status = form.status();
        return html_status(status, &import_frame(&ctx, &m, form));
    };
    let text = platform::upload::decode_text(&upload.bytes);
    form.fill(|n| (n == "csv").then(|| text.clone()));
    preview(&state, &ctx, &m, user, &text, form).await
}

/// Check an import and show what would be created and every row that cannot be; nothing is
/// saved but the draft that the confirmation imports.
async fn preview(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    user: &CurrentUser,
    text: &str,
    mut form: Form,
) -> AppResult<Response> {
    let existing = store::existing_numbers(&state.db, m.id).await?;
    let check = domain::check_import(text, &vocabulary(state), &existing);
    if let Some(e) = check.fatal {
        mark(&mut form, &ctx.tr, "csv", e);
        let status = form.status();
        return html_status(status, &import_frame(ctx, m, form));
    }
    let mut page = import_frame(ctx, m, form);
    page.summary = Some(ctx.tr.ta(
        "registry-import-summary",
        &[("good", &check.rows.len()), ("bad", &check.problems.len())],
    ));
    page.problems = check
        .problems
        .iter()
        .map(|p| ProblemView {
            line: p.line,
            column: p.column.map(|c| ctx.t(c.message_id())).unwrap_or_default(),
            message: field_message(&ctx.tr, p.error),
            value: p.value.clone(),
        })
        .collect();
    page.good = check
        .rows
        .iter()
        .map(|r| (r.line, r.name.clone(), r.org_number.to_string()))
        .collect();
    if !check.rows.is_empty() {
        let draft = store::save_draft(&state.db, m.id, user.id, &check.rows, state.now()).await?;
        page.confirm_action = Some(paths::import_draft(m, draft));
    }
    html(&page)
}

async fn import_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(draft): Id<ImportDraftId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let rows = store::take_draft(&state.db, m.id, user.id, draft)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    match store::import(&state.db, m.id, rows, user, state.now()).await {
        Ok(n) => Ok(Redirect::to(&format!("{}?importerade={n}", paths::import(&m))).into_response()),
        Err(RegistryError::DuplicateNumber) => {
            let mut form = import_form(&ctx, &m);
            form.error("csv", ctx.t("registry-import-dup-registry"));
            html_status(StatusCode::CONFLICT, &import_frame(&ctx, &m, form))
        }
        Err(e) => Err(to_app(e)),
    }
}
