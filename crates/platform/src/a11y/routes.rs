//! `/{slug}/tillganglighet`: the municipality's accessibility statement with its feedback form
//! (no account needed; CSRF, a rate limit per client address and a honeypot), and
//! `/{slug}/admin/tillganglighet`, where the coordinators read what came in.

use super::{store, Problem, DIGG_REPORT_URL, STATEMENT};
use crate::auth::require_coordinator;
use crate::ctx::{Ctx, Input};
use crate::error::AppResult;
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::layout::{html_status, Page};
use crate::mail::Email;
use crate::ratelimit;
use crate::state::AppState;
use crate::tenants::{Municipality, Tenant};
use crate::web::Routes;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/tillganglighet", get(statement).post(send))
        .route("/{slug}/admin/tillganglighet", get(received))
}

pub struct ProblemView {
    pub criteria: &'static str,
    pub what: String,
    pub why: String,
}

/// The form's values and errors (field name → message).
#[derive(Default)]
pub struct FeedbackForm {
    pub page: String,
    pub message: String,
    pub reply_to: String,
    pub errors: Vec<(&'static str, String)>,
}

impl FeedbackForm {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
}

#[derive(Template)]
#[template(path = "a11y_statement.html")]
struct StatementPage {
    page: Page,
    m: Municipality,
    body: String,
    service: String,
    compliance: String,
    assessed: &'static str,
    updated: &'static str,
    problems: Vec<ProblemView>,
    burden: Vec<String>,
    out_of_scope: Vec<String>,
    digg: &'static str,
    form: FeedbackForm,
    sent: bool,
}

fn page_for(ctx: &Ctx, m: Municipality, form: FeedbackForm, sent: bool) -> StatementPage {
    let view = |p: &Problem| ProblemView {
        criteria: p.criteria,
        what: ctx.t(p.what),
        why: ctx.t(p.why),
    };
    StatementPage {
        page: ctx.page_in(&m, ctx.t("a11y-title")),
        body: ctx.ta_name("a11y-body", &m.name),
        service: ctx.ta_name("a11y-service", &m.name),
        compliance: ctx.t(STATEMENT.compliance.message_id()),
        assessed: STATEMENT.assessed,
        updated: STATEMENT.updated,
        problems: STATEMENT.problems.iter().map(view).collect(),
        burden: STATEMENT.burden.iter().map(|id| ctx.t(id)).collect(),
        out_of_scope: STATEMENT.out_of_scope.iter().map(|id| ctx.t(id)).collect(),
        digg: DIGG_REPORT_URL,
        m,
        form,
        sent,
    }
}

#[derive(Deserialize)]
struct SentQuery {
    skickat: Option<String>,
}

async fn statement(
    ctx: Ctx,
    Tenant(m): Tenant,
    axum::extract::Query(q): axum::extract::Query<SentQuery>,
) -> AppResult<Response> {
    let sent = q.skickat.is_some();
    html_status(StatusCode::OK, &page_for(&ctx, m, FeedbackForm::default(), sent))
}

#[derive(Deserialize)]
struct FeedbackInput {
    #[serde(default)]
    page: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    reply_to: String,
    /// The honeypot: hidden from people, filled by robots.
    #[serde(default)]
    webbplats: Option<String>,
}

async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<FeedbackInput>,
) -> AppResult<Response> {
    ratelimit::check(&state, state.limits.register, &[format!("a11y:{}", ctx.ip_key())]).await?;
    let done = Redirect::to(&format!("/{}/tillganglighet?skickat=1#skickat", m.slug));
    if super::is_robot(input.webbplats.as_deref()) {
        // Answered as if sent, so a robot learns nothing; nothing is kept or mailed.
        tracing::info!(municipality = %m.slug, "accessibility feedback: honeypot filled, dropped");
        return Ok(axum::response::IntoResponse::into_response(done));
    }
    let checked = super::feedback(&input.page, &input.message, &input.reply_to);
    let feedback = match checked {
        Ok(f) => f,
        Err((field, why)) => {
            let form = FeedbackForm {
                errors: vec![(field, invalid(&ctx.tr, why))],
                page: input.page,
                message: input.message,
                reply_to: input.reply_to,
            };
            return html_status(StatusCode::UNPROCESSABLE_ENTITY, &page_for(&ctx, m, form, false));
        }
    };
    // The coordinators read Swedish first; the mail says which language the sender used.
    let sv = Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    };
    let link = format!("{}/{}/admin/tillganglighet", state.config.base_url, m.slug);
    let subject = sv.ta("a11y-mail-subject", &[("name", &m.name)]);
    let body = sv.ta(
        "a11y-mail-body",
        &[
            ("name", &m.name),
            ("page", &feedback.page),
            ("message", &feedback.message),
            (
                "reply",
                &feedback
                    .reply_to
                    .as_ref()
                    .map(|e| e.as_str().to_string())
                    .unwrap_or_else(|| "–".into()),
            ),
            ("link", &link),
        ],
    );
    let mails: Vec<Email> = store::recipients(&state.db, m.id)
        .await?
        .into_iter()
        .map(|to| Email::new(to, subject.clone(), body.clone()))
        .collect();
    store::save(&state.db, m.id, &feedback, ctx.lang().code(), &mails, state.now()).await?;
    state.jobs_wakeup.notify_one();
    tracing::info!(municipality = %m.slug, mails = mails.len(), "accessibility feedback received");
    Ok(axum::response::IntoResponse::into_response(done))
}

fn invalid(tr: &Tr, why: crate::rules::Invalid) -> String {
    match why.limit() {
        Some(n) => tr.ta(why.message_id(), &[("n", &n)]),
        None => tr.t(why.message_id()),
    }
}

pub struct ReceivedView {
    pub at: String,
    pub page: String,
    pub paragraphs: Vec<String>,
    pub reply_to: String,
    pub lang: String,
}

#[derive(Template)]
#[template(path = "a11y_received.html")]
struct ReceivedPage {
    page: Page,
    m: Municipality,
    items: Vec<ReceivedView>,
}

async fn received(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let items = store::list(&state.db, m.id, 500)
        .await?
        .into_iter()
        .map(|r| ReceivedView {
            at: format::datetime(r.created_at),
            page: r.page,
            paragraphs: r
                .message
                .split('\n')
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect(),
            reply_to: r.reply_to,
            lang: r.lang,
        })
        .collect();
    html_status(
        StatusCode::OK,
        &ReceivedPage {
            page: ctx.page_in(&m, ctx.t("a11y-received-title")),
            m,
            items,
        },
    )
}
