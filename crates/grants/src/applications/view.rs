//! The application page: the same page for the applicant and the staff, with the parts and
//! forms each may see and use (the forms themselves are built in `routes::forms`).

use crate::applications::case::{self, Case};
use crate::applications::domain::{outcome_of, reason_required, Outcome, Status};
use crate::applications::form::Stored;
use crate::applications::store::{self, AttachmentMeta, Installment, Note};
use crate::eligibility::domain::{self as eligibility, Check};
use crate::paths;
use crate::programmes::domain::{format_kronor, Attachment};
use crate::programmes::questions::{attachment_kind, QuestionKind};
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
    pub report_href: Option<String>,
    pub paid: String,
}

/// The decision as the applicant and the staff see it.
pub struct DecisionView {
    pub outcome: String,
    pub amount: String,
    pub date: String,
    pub reason: String,
    pub appeal: String,
}

/// A form on the page with its heading and an id for the heading (`aria-labelledby`).
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub intro: Option<String>,
    pub form: Form,
}

#[derive(Template)]
#[template(path = "grants_application.html")]
pub struct ApplicationPage {
    pub page: Page,
    pub notice: Option<String>,
    /// What stands in the way of the step just tried (a submission), as sentences.
    pub problems: Vec<String>,
    pub case_number: String,
    pub association: String,
    pub programme: String,
    pub programme_href: String,
    pub period: String,
    pub deadline: String,
    pub status: String,
    pub next: Option<String>,
    /// (label, value) of what the applicant has written so far.
    pub answers: Vec<(String, String)>,
    pub completion: Option<(String, String)>,
    pub decision: Option<DecisionView>,
    pub checks: Vec<CheckRow>,
    pub eligible: bool,
    pub files: Vec<FileRow>,
    /// The upload form's action (with its CSRF token) and the kinds to choose among.
    pub upload: Option<(String, Vec<(String, String)>)>,
    pub upload_error: Option<String>,
    pub sections: Vec<Section>,
    pub notes: Vec<NoteRow>,
    pub years: Vec<YearRow>,
    pub budget: Option<String>,
    pub proposal: Option<String>,
    pub attendance: Option<String>,
    pub back: (String, String),
}

/// The forms and notices of one rendering.
#[derive(Default)]
pub struct Extra {
    pub notice: Option<String>,
    pub problems: Vec<String>,
    pub sections: Vec<Section>,
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

fn year_rows(ctx: &Ctx, m: &Municipality, years: &[Installment]) -> Vec<YearRow> {
    years
        .iter()
        .map(|y| YearRow {
            year: y.year_index,
            amount: format_kronor(y.amount_ore),
            report: match (y.report_due_on, y.report_approved_at, y.report_submitted_at) {
                (None, _, _) => ctx.t("grants-report-none"),
                (_, Some(_), _) => ctx.t("grants-report-approved"),
                (_, None, Some(_)) => ctx.t("grants-report-submitted"),
                (Some(due), None, None) => ctx.tr.ta("grants-report-due-on", &[("date", &due.to_string())]),
            },
            report_href: y
                .report_due_on
                .map(|_| paths::report(&m.slug, y.application_id, y.year_index)),
            paid: match (y.paid_at, y.recovery_started_at) {
                (_, Some(_)) => ctx.t("grants-paid-recovery"),
                (Some(at), None) => platform::format::date(at),
                (None, None) => ctx.t("grants-paid-not-yet"),
            },
        })
        .collect()
}

/// The applicant's answers in words: the purpose, the amount and the kind's own facts.
fn answers(ctx: &Ctx, case: &Case) -> Vec<(String, String)> {
    let app = &case.app;
    let stored = Stored::parse(&app.answers);
    let d = &stored.details;
    let mut v = vec![(ctx.t("grants-field-purpose"), app.purpose.clone())];
    let kr = |o: Option<i64>| o.map(format_kronor);
    let facts = [
        ("grants-field-costs", kr(d.costs_ore)),
        ("grants-field-income", kr(d.rental_income_ore)),
        ("grants-field-members", d.members.map(|m| m.to_string())),
        ("grants-field-project-starts", d.starts_on.map(|x| x.to_string())),
        ("grants-field-project-ends", d.ends_on.map(|x| x.to_string())),
    ];
    v.extend(facts.into_iter().filter_map(|(l, x)| Some((ctx.t(l), x?))));
    if case.programme.kind == crate::programmes::domain::Kind::MultiYear {
        v.push((ctx.t("grants-field-years"), app.years.to_string()));
    }
    v.push((ctx.t("grants-applied"), format_kronor(app.applied_ore)));
    for q in &case.programme.questions {
        if let Some(a) = stored.questions.get(&q.id) {
            let shown = match (q.kind, a.parse::<i64>()) {
                (QuestionKind::Amount, Ok(kr)) => format_kronor(kr * 100),
                _ => a.clone(),
            };
            v.push((q.label.clone(), shown));
        }
    }
    v.retain(|(_, x)| !x.is_empty());
    v
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
    let decided = matches!(
        app.status,
        Status::Granted | Status::Reduced | Status::Rejected | Status::Paid
    );
    let decision = decided.then(|| {
        let amount = app.decided_ore.unwrap_or(0);
        let outcome = outcome_of(app.applied_ore, amount);
        let date = app.decided_on.map(|d| d.to_string()).unwrap_or_default();
        DecisionView {
            outcome: ctx.t(match outcome {
                Outcome::Granted => "grants-outcome-granted",
                Outcome::Reduced => "grants-outcome-reduced",
                Outcome::Rejected => "grants-outcome-rejected",
            }),
            amount: format_kronor(amount),
            reason: if reason_required(outcome) || !app.decision_reason.is_empty() {
                app.decision_reason.clone()
            } else {
                String::new()
            },
            appeal: ctx
                .tr
                .ta("grants-appeal", &[("date", &date), ("municipality", &m.name)]),
            date,
        }
    });
    let mut kinds: Vec<(String, String)> = case
        .programme
        .attachments
        .iter()
        .map(|a| (<&str>::from(*a).to_string(), ctx.t(a.message_id())))
        .collect();
    kinds.extend(
        case.programme
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::File)
            .map(|q| (attachment_kind(q), q.label.clone())),
    );
    kinds.push(("other".to_string(), ctx.t("grants-doc-other")));
    let editable = case.applicant && case.editable(today);
    let upload = editable.then(|| {
        let action = format!(
            "{}?_csrf={}",
            paths::application_step(&m.slug, app.id, "bilagor"),
            ctx.csrf
        );
        (action, kinds.clone())
    });
    let kind_label = |code: &str| {
        kinds
            .iter()
            .find(|(k, _)| k == code)
            .map(|(_, l)| l.clone())
            .or_else(|| Attachment::parse(code).map(|a| ctx.t(a.message_id())))
            .unwrap_or_else(|| code.to_string())
    };
    let title = format!("{} – {}", case.programme.name, app.organisation_name);
    let status = if extra.problems.is_empty()
        && extra.sections.iter().all(|s| !s.form.has_errors())
        && extra.upload_error.is_none()
    {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    html_status(
        status,
        &ApplicationPage {
            page: ctx.page_in(m, title),
            notice: extra.notice,
            problems: extra.problems,
            case_number: app
                .case_number
                .clone()
                .unwrap_or_else(|| ctx.t("grants-no-case-number")),
            association: app.organisation_name.clone(),
            programme: case.programme.name.clone(),
            programme_href: paths::programme(&m.slug, case.programme.id),
            period: case.period.name.clone(),
            deadline: match (app.status, app.completion_deadline) {
                (Status::CompletionRequested, Some(d)) => d.to_string(),
                _ => case.period.dates.deadline.to_string(),
            },
            status: ctx.t(&case::status_message(app.status)),
            next: case
                .applicant
                .then(|| ctx.t(case::next_for_applicant(app.status, open))),
            answers: answers(ctx, case),
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
                    kind: kind_label(&f.kind),
                    href: paths::attachment(&m.slug, app.id, f.id),
                    size: size_text(f.size),
                    name: f.file_name,
                })
                .collect(),
            upload,
            upload_error: extra.upload_error,
            sections: extra.sections,
            notes: notes
                .into_iter()
                .map(|n| NoteRow {
                    author: n.author,
                    when: platform::format::date(n.created_at),
                    body: n.body,
                })
                .collect(),
            years: year_rows(ctx, m, &years),
            budget,
            proposal: (case.staff && app.proposed_ore.is_some()).then(|| {
                ctx.tr.ta(
                    "grants-proposal",
                    &[
                        ("amount", &format_kronor(app.proposed_ore.unwrap_or(0))),
                        ("note", &app.proposal_note),
                    ],
                )
            }),
            attendance: (case.programme.kind == crate::programmes::domain::Kind::Activity)
                .then(|| paths::attendance(&m.slug, app.organisation_id)),
            back: if case.staff {
                (paths::queue(&m.slug, app.period_id), ctx.t("grants-back-queue"))
            } else {
                (paths::mine(&m.slug), ctx.t("grants-back-mine"))
            },
        },
    )
}
