//! The application page: the same page for the applicant and the staff, with the parts and
//! forms each may see and use.

use crate::applications::case::{self, Case};
use crate::applications::domain::{reason_required, Outcome, Status};
use crate::applications::store::{self, AttachmentMeta, Installment, Note};
use crate::eligibility::domain::{self as eligibility, Check};
use crate::paths;
use crate::programmes::domain::format_kronor;
use platform::web::prelude::*;

pub struct CheckRow {
    pub requirement: String,
    pub outcome: &'static str,
    pub result: String,
    pub why: String,
}

pub struct FileRow {
    pub kind: String,
    pub name: String,
    pub href: String,
    pub size: String,
}

pub struct NoteRow {
    pub author: String,
    pub when: String,
    pub body: String,
}

pub struct YearRow {
    pub year: u32,
    pub amount: String,
    pub report: String,
    pub paid: String,
}

#[derive(Template)]
#[template(path = "grants_application.html")]
pub struct ApplicationPage {
    pub page: Page,
    pub notice: Option<String>,
    pub case_number: String,
    pub association: String,
    pub programme: String,
    pub programme_href: String,
    pub period: String,
    pub deadline: String,
    pub status: String,
    pub next: Option<String>,
    pub purpose: String,
    pub applied: String,
    pub completion: Option<(String, String)>,
    /// (outcome words, amount, reason, appeal text)
    pub decision: Option<(String, String, String, String)>,
    pub checks: Vec<CheckRow>,
    pub eligible: bool,
    pub files: Vec<FileRow>,
    /// The upload form's action (with its CSRF token) and the kinds to choose among.
    pub upload: Option<(String, Vec<(String, String)>)>,
    pub upload_error: Option<String>,
    pub forms: Vec<(String, Form)>,
    pub notes: Vec<NoteRow>,
    pub years: Vec<YearRow>,
    pub budget: Option<String>,
    pub back: (String, String),
}

/// The forms and notices of one rendering; `None` fields get their defaults.
#[derive(Default)]
pub struct Extra {
    pub notice: Option<String>,
    pub forms: Vec<(&'static str, Form)>,
    pub upload_error: Option<String>,
}

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

fn check_rows(ctx: &Ctx, checks: &[Check]) -> Vec<CheckRow> {
    checks
        .iter()
        .map(|c| CheckRow {
            requirement: match c.n {
                Some(n) => ctx.tr.ta(c.requirement, &[("n", &n)]),
                None => ctx.t(c.requirement),
            },
            outcome: match c.outcome {
                eligibility::Outcome::Pass => "pass",
                eligibility::Outcome::Warn => "warn",
                eligibility::Outcome::Fail => "fail",
            },
            result: ctx.t(match c.outcome {
                eligibility::Outcome::Pass => "grants-check-pass",
                eligibility::Outcome::Warn => "grants-check-warn",
                eligibility::Outcome::Fail => "grants-check-fail",
            }),
            why: c.why.map(|w| ctx.t(w)).unwrap_or_default(),
        })
        .collect()
}

fn year_rows(ctx: &Ctx, years: &[Installment]) -> Vec<YearRow> {
    years
        .iter()
        .map(|y| YearRow {
            year: y.year_index,
            amount: format_kronor(y.amount_ore),
            report: match (y.report_due_on, y.report_approved_at, y.report_submitted_at) {
                (None, _, _) => ctx.t("grants-report-none"),
                (_, Some(_), _) => ctx.t("grants-report-approved"),
                (_, None, Some(_)) => ctx.t("grants-report-submitted"),
                (Some(due), None, None) => ctx.tr.ta("grants-report-due", &[("date", &due.to_string())]),
            },
            paid: match (y.paid_at, y.recovery_started_at) {
                (_, Some(_)) => ctx.t("grants-paid-recovery"),
                (Some(at), None) => platform::format::date(at),
                (None, None) => ctx.t("grants-paid-not-yet"),
            },
        })
        .collect()
}

/// The page for `case`, as the viewer may see it.
pub async fn render(state: &AppState, ctx: &Ctx, m: &Municipality, case: &Case, extra: Extra) -> AppResult<Response> {
    let today = state.today();
    let app = &case.app;
    let open = case.open(today);
    let checks = case::checks(state, m, case).await?;
    let files: Vec<AttachmentMeta> = store::attachments(&state.db, m.id, app.id).await?;
    let notes: Vec<Note> = if case.staff {
        store::notes(&state.db, m.id, app.id).await?
    } else {
        vec![]
    };
    let years = store::installments(&state.db, m.id, app.id).await?;
    let budget = if case.staff {
        let b = store::budget_use(&state.db, m.id, app.period_id).await?;
        Some(ctx.tr.ta(
            "grants-budget-use",
            &[
                ("decided", &format_kronor(b.decided_ore)),
                ("budget", &format_kronor(b.budget_ore)),
                ("left", &format_kronor(b.left_ore())),
            ],
        ))
    } else {
        None
    };
    let decided = matches!(app.status, Status::Granted | Status::Reduced | Status::Rejected | Status::Paid);
    let decision = decided.then(|| {
        let amount = app.decided_ore.unwrap_or(0);
        let outcome = crate::applications::domain::outcome_of(app.applied_ore, amount);
        let words = ctx.t(match outcome {
            Outcome::Granted => "grants-outcome-granted",
            Outcome::Reduced => "grants-outcome-reduced",
            Outcome::Rejected => "grants-outcome-rejected",
        });
        let reason = if reason_required(outcome) {
            app.decision_reason.clone()
        } else {
            String::new()
        };
        let on = app.decided_on.map(|d| d.to_string()).unwrap_or_default();
        (
            words,
            format_kronor(amount),
            reason,
            ctx.tr.ta("grants-appeal", &[("date", &on), ("municipality", &m.name)]),
        )
    });
    let kinds: Vec<(String, String)> = case
        .programme
        .attachments
        .iter()
        .map(|a| (<&str>::from(*a).to_string(), ctx.t(a.message_id())))
        .collect();
    let editable = case.applicant && open && matches!(app.status, Status::Draft | Status::Submitted | Status::CompletionRequested);
    let upload = (editable && !kinds.is_empty()).then(|| {
        let action = format!(
            "{}?_csrf={}",
            paths::application_step(&m.slug, app.id, "bilagor"),
            ctx.csrf
        );
        (action, kinds)
    });
    let forms: Vec<(String, Form)> = extra.forms.into_iter().map(|(h, f)| (ctx.t(h), f)).collect();
    let title = format!("{} – {}", case.programme.name, app.organisation_name);
    html(&ApplicationPage {
        page: ctx.page_in(m, title),
        notice: extra.notice,
        case_number: app.case_number.clone().unwrap_or_else(|| ctx.t("grants-no-case-number")),
        association: app.organisation_name.clone(),
        programme: case.programme.name.clone(),
        programme_href: paths::programme(&m.slug, case.programme.id),
        period: case.period.name.clone(),
        deadline: match (app.status, app.completion_deadline) {
            (Status::CompletionRequested, Some(d)) => d.to_string(),
            _ => case.period.dates.deadline.to_string(),
        },
        status: ctx.t(&case::status_message(app.status)),
        next: case.applicant.then(|| ctx.t(case::next_for_applicant(app.status, open))),
        purpose: app.purpose.clone(),
        applied: format_kronor(app.applied_ore),
        completion: (app.status == Status::CompletionRequested).then(|| {
            (
                app.completion_message.clone(),
                app.completion_deadline.map(|d| d.to_string()).unwrap_or_default(),
            )
        }),
        decision,
        eligible: eligibility::eligible(&checks),
        checks: check_rows(ctx, &checks),
        files: files
            .into_iter()
            .map(|f| FileRow {
                kind: crate::programmes::domain::Attachment::parse(&f.kind)
                    .map(|a| ctx.t(a.message_id()))
                    .unwrap_or(f.kind),
                href: paths::attachment(&m.slug, app.id, f.id),
                size: size_text(f.size),
                name: f.file_name,
            })
            .collect(),
        upload,
        upload_error: extra.upload_error,
        forms,
        notes: notes
            .into_iter()
            .map(|n| NoteRow {
                author: n.author,
                when: platform::format::date(n.created_at),
                body: n.body,
            })
            .collect(),
        years: year_rows(ctx, &years),
        budget,
        back: if case.staff {
            (paths::queue(&m.slug, app.period_id), ctx.t("grants-back-queue"))
        } else {
            (paths::mine(&m.slug), ctx.t("grants-back-mine"))
        },
    })
}
