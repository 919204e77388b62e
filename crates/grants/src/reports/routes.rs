//! A decided year's report: `GET|POST /{slug}/bidrag/ansokan/{id}/redovisning/{year}`.
//!
//! The association's representatives write the report (before or after the due date, until it
//! is approved); the municipality's staff approve it (which makes the next year payable) or
//! send it back asking for more, and may start a recovery (återkrav) of a paid year whose
//! report is overdue or was sent back, which stops the grant's payouts and mails the applicant.
//! Anyone else, and another municipality, find nothing (404).

use crate::applications::case::{self, Case};
use crate::applications::mail::{self, Details, Letter, Letters};
use crate::ids::ApplicationId;
use crate::paths;
use crate::programmes::domain::format_kronor;
use crate::reports::domain::{self, ReportState};
use crate::reports::store::{self, Report, ReportError};
use platform::db;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new().route("/{slug}/bidrag/ansokan/{id}/redovisning/{year}", get(page).post(act))
}

impl From<ReportError> for AppError {
    fn from(e: ReportError) -> Self {
        AppError::Internal(e.into())
    }
}

#[derive(Deserialize)]
struct ReportPath {
    id: ApplicationId,
    year: u32,
}

#[derive(Template)]
#[template(path = "grants_report.html")]
struct ReportPage {
    page: Page,
    intro: String,
    facts: Vec<(String, String)>,
    /// Warnings in words: overdue, a recovery, stopped payouts.
    warnings: Vec<String>,
    feedback: Option<String>,
    /// The report as sent, in paragraphs (for whoever cannot change it now).
    text: Vec<String>,
    write: Option<Form>,
    approve: Option<Form>,
    send_back: Option<Form>,
    recover: Option<Form>,
    back: String,
}

/// What the forms post: `do` says which.
#[derive(Deserialize, Serialize, Default)]
struct Posted {
    #[serde(default, rename = "do")]
    step: String,
    #[serde(default)]
    report: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    reason: String,
}

fn hidden(step: &str) -> Field {
    Field::new("do", String::new(), FieldKind::Hidden).value(step)
}

struct Forms {
    write: Option<Form>,
    approve: Option<Form>,
    send_back: Option<Form>,
    recover: Option<Form>,
}

fn forms(ctx: &Ctx, m: &Municipality, case: &Case, r: &Report, today: chrono::NaiveDate) -> Forms {
    let action = paths::report(&m.slug, case.app.id, r.year);
    let recovery = r.grant_recovery;
    let write = (case.applicant && domain::applicant_may_write(&r.facts, recovery)).then(|| {
        Form::new(
            action.clone(),
            ctx.t("grants-report-submit"),
            vec![
                hidden("report"),
                Field::new("report", ctx.t("grants-report-field"), FieldKind::TextArea)
                    .required()
                    .max_len(domain::REPORT_MAX)
                    .hint(ctx.t("grants-report-field-hint"))
                    .value(r.text.clone()),
            ],
        )
    });
    let review = case.staff && domain::staff_may_review(&r.facts, recovery);
    let approve = review.then(|| Form::new(action.clone(), ctx.t("grants-report-approve"), vec![hidden("approve")]));
    let send_back = review.then(|| {
        Form::new(
            action.clone(),
            ctx.t("grants-report-send-back"),
            vec![
                hidden("send-back"),
                Field::new("message", ctx.t("grants-report-message"), FieldKind::TextArea)
                    .required()
                    .max_len(domain::MESSAGE_MAX)
                    .hint(ctx.t("grants-report-message-hint")),
            ],
        )
    });
    let recover = (case.staff && domain::may_recover(&r.facts, r.paid_at.is_some(), recovery, today)).then(|| {
        Form::new(
            action.clone(),
            ctx.t("grants-report-recover"),
            vec![
                hidden("recover"),
                Field::new("reason", ctx.t("grants-report-reason"), FieldKind::TextArea)
                    .required()
                    .max_len(domain::MESSAGE_MAX)
                    .hint(ctx.t("grants-report-reason-hint")),
            ],
        )
    });
    Forms {
        write,
        approve,
        send_back,
        recover,
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn day(unix: Option<i64>) -> Option<String> {
    unix.map(platform::format::date)
}

fn render(
    ctx: &Ctx,
    m: &Municipality,
    case: &Case,
    r: &Report,
    today: chrono::NaiveDate,
    tweak: impl FnOnce(&mut Forms),
) -> AppResult<Response> {
    let mut f = forms(ctx, m, case, r, today);
    tweak(&mut f);
    let state = domain::state(&r.facts);
    let due = r
        .facts
        .due_on
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let mut facts = vec![
        (
            ctx.t("grants-report-case"),
            case.app.case_number.clone().unwrap_or_default(),
        ),
        (ctx.t("grants-report-amount"), format_kronor(r.amount_ore)),
        (ctx.t("grants-report-due"), due),
        (
            ctx.t("grants-report-paid"),
            day(r.paid_at).unwrap_or_else(|| ctx.t("grants-report-not-paid")),
        ),
        (ctx.t("grants-report-state"), ctx.t(state.message_id())),
    ];
    if let Some(sent) = day(r.facts.submitted_at) {
        facts.push((ctx.t("grants-report-sent"), sent));
    }
    if let Some(approved) = day(r.facts.approved_at) {
        facts.push((ctx.t("grants-report-approved"), approved));
    }
    let mut warnings = vec![];
    if domain::overdue(&r.facts, today) {
        warnings.push(ctx.t("grants-report-overdue"));
    }
    if let Some(at) = r.recovery_started_at {
        warnings.push(ctx.tr.ta(
            "grants-report-recovery-started",
            &[("date", &platform::format::date(at)), ("reason", &r.recovery_reason)],
        ));
    } else if r.grant_recovery {
        warnings.push(ctx.t("grants-report-payouts-stopped"));
    }
    let status = [&f.write, &f.send_back, &f.recover]
        .into_iter()
        .flatten()
        .map(Form::status)
        .max()
        .unwrap_or(StatusCode::OK);
    html_status(
        status,
        &ReportPage {
            page: ctx.page_in(m, ctx.tr.ta("grants-report-title", &[("year", &r.year)])),
            intro: ctx.tr.ta(
                "grants-report-intro",
                &[
                    ("association", &case.app.organisation_name),
                    ("programme", &case.programme.name),
                    ("year", &r.year),
                    ("years", &case.app.years),
                ],
            ),
            facts,
            warnings,
            feedback: (state == ReportState::Returned && !r.feedback.is_empty()).then(|| r.feedback.clone()),
            text: if f.write.is_some() { vec![] } else { paragraphs(&r.text) },
            write: f.write,
            approve: f.approve,
            send_back: f.send_back,
            recover: f.recover,
            back: paths::application(&m.slug, case.app.id),
        },
    )
}

/// The case and the year's report, when the visitor may see them and a report is asked for.
async fn load<'u>(
    state: &AppState,
    ctx: &'u Ctx,
    m: &Municipality,
    p: &ReportPath,
) -> AppResult<(Case, &'u CurrentUser, Report)> {
    let (case, user) = case::load(state, ctx, m, p.id).await?;
    match store::report_of(&state.db, m.id, p.id, p.year).await? {
        Some(r) if r.facts.due_on.is_some() => Ok((case, user, r)),
        _ => Err(AppError::NotFound("err-not-found")),
    }
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<ReportPath>,
) -> AppResult<Response> {
    let (case, _, r) = load(&state, &ctx, &m, &p).await?;
    render(&ctx, &m, &case, &r, state.today(), |_| {})
}

async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<ReportPath>,
    Input(input): Input<Posted>,
) -> AppResult<Response> {
    let (case, user, r) = load(&state, &ctx, &m, &p).await?;
    let today = state.today();
    let now = state.now();
    let here = paths::report(&m.slug, case.app.id, r.year);
    let done = match input.step.as_str() {
        "report" => {
            if !case.applicant {
                return Err(AppError::Forbidden);
            }
            match domain::report_text(&input.report) {
                Ok(text) => {
                    db::write(&state.db, now, async |tx| {
                        store::submit(tx, m.id, &r, &text, user, now).await
                    })
                    .await
                }
                Err(why) => {
                    return render(&ctx, &m, &case, &r, today, |f| {
                        if let Some(form) = f.write.as_mut() {
                            form.fill_from(&input);
                            form.invalid(&ctx.tr, "report", why);
                        }
                    })
                }
            }
        }
        "approve" | "send-back" | "recover" if !case.staff => return Err(AppError::Forbidden),
        "approve" => db::write(&state.db, now, async |tx| store::approve(tx, m.id, &r, user, now).await).await,
        "send-back" => match domain::message(&input.message) {
            Ok(message) => {
                db::write(&state.db, now, async |tx| {
                    store::send_back(tx, m.id, &r, &message, user, now).await
                })
                .await
            }
            Err(why) => {
                return render(&ctx, &m, &case, &r, today, |f| {
                    if let Some(form) = f.send_back.as_mut() {
                        form.fill_from(&input);
                        form.invalid(&ctx.tr, "message", why);
                    }
                })
            }
        },
        "recover" => {
            if !domain::may_recover(&r.facts, r.paid_at.is_some(), r.grant_recovery, today) {
                return Ok(Redirect::to(&here).into_response());
            }
            match domain::message(&input.reason) {
                Ok(reason) => {
                    let letters = Letters::new(&state, &m.slug, &m.name);
                    let details = Details {
                        amount_ore: r.amount_ore,
                        text: reason.clone(),
                        date: r
                            .facts
                            .due_on
                            .map(|d| d.format("%Y-%m-%d").to_string())
                            .unwrap_or_default(),
                    };
                    db::write(&state.db, now, async |tx| {
                        let done = store::start_recovery(tx, m.id, &r, &reason, user, now).await?;
                        mail::send(
                            tx,
                            &letters,
                            m.id,
                            &case.app,
                            &case.programme.name,
                            Letter::Recovery,
                            &details,
                            now,
                        )
                        .await?;
                        Ok(done)
                    })
                    .await
                }
                Err(why) => {
                    return render(&ctx, &m, &case, &r, today, |f| {
                        if let Some(form) = f.recover.as_mut() {
                            form.fill_from(&input);
                            form.invalid(&ctx.tr, "reason", why);
                        }
                    })
                }
            }
        }
        _ => return Err(AppError::BadRequest("err-bad-form")),
    };
    match done {
        // Refused: someone changed it meanwhile; the page shows where it stands now.
        Ok(()) | Err(ReportError::Refused) => Ok(Redirect::to(&here).into_response()),
        Err(e) => Err(e.into()),
    }
}
