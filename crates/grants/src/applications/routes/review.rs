//! The staff's side of an application: take the case, keep internal notes, score it against the
//! programme's criteria, ask for completion, propose a decision, and (with the decision role)
//! decide, with the letter that carries the reason and how to appeal.

use super::{after, forms, page};
use crate::applications::case::{self, Case};
use crate::applications::domain::{outcome_of, reason_required, reports_of, Outcome};
use crate::applications::form::Stored;
use crate::applications::mail::{self, Details, Letter, Letters};
use crate::applications::view::{Extra, Section};
use crate::applications::write::{self, Decision, Reports, WriteError};
use crate::ids::ApplicationId;
use crate::programmes::domain::{format_kronor, kronor};
use crate::reports::reminders;
use chrono::NaiveDate;
use platform::db;
use platform::web::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;

fn require_staff_of(case: &Case) -> AppResult<()> {
    if case.staff {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn section(ctx: &Ctx, id: &'static str, heading: &str, form: Form) -> Section {
    Section {
        id,
        heading: ctx.t(heading),
        intro: None,
        form,
    }
}

pub(super) async fn take(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_staff_of(&case)?;
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        write::take(tx, m.id, &case.app, user, now).await
    })
    .await;
    after(&state, &ctx, &m, id, done, "tagen").await
}

#[derive(Deserialize, serde::Serialize, Default)]
pub(super) struct NoteForm {
    #[serde(default)]
    note: String,
}

pub(super) async fn note(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    Input(input): Input<NoteForm>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_staff_of(&case)?;
    let body = match platform::rules::text(&input.note, 4000) {
        Ok(b) if !b.is_empty() => b,
        Ok(_) | Err(_) => {
            let mut form = forms::note(&ctx, &m, &case);
            form.fill_from(&input);
            match platform::rules::text(&input.note, 4000) {
                Err(why) => form.invalid(&ctx.tr, "note", why),
                Ok(_) => form.invalid(&ctx.tr, "note", platform::rules::Invalid::Required),
            }
            let given = vec![section(&ctx, "note-form", "grants-note-heading", form)];
            return page(&state, &ctx, &m, &case, user, Extra::default(), given).await;
        }
    };
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        write::note(tx, m.id, &case.app, &body, user, now).await
    })
    .await;
    after(&state, &ctx, &m, id, done, "anteckning").await
}

pub(super) async fn score(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    Input(posted): Input<BTreeMap<String, String>>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_staff_of(&case)?;
    // One score per criterion, `score-1` …; empty for not scored yet.
    let mut scores = Vec::new();
    for i in 1..=forms::criteria(&case).len() {
        let v = posted.get(&format!("score-{i}")).map(|s| s.trim()).unwrap_or("");
        scores.push(match v {
            "" => None,
            v => match v.parse::<u8>() {
                Ok(n) if n <= 5 => Some(n),
                _ => return Err(AppError::BadRequest("err-bad-form")),
            },
        });
    }
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        write::score(tx, m.id, &case.app, &scores, user, now).await
    })
    .await;
    after(&state, &ctx, &m, id, done, "poang").await
}

fn letters(state: &AppState, m: &Municipality) -> Letters {
    Letters::new(state, &m.slug, &m.name)
}

#[derive(Deserialize, serde::Serialize, Default)]
pub(super) struct CompletionForm {
    #[serde(default)]
    message: String,
    #[serde(default)]
    deadline: String,
}

pub(super) async fn completion(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    Input(input): Input<CompletionForm>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_staff_of(&case)?;
    let today = state.today();
    let mut form = forms::completion(&ctx, &m, &case, today);
    form.fill_from(&input);
    let message = platform::rules::text(&input.message, 4000);
    match &message {
        Err(why) => form.invalid(&ctx.tr, "message", *why),
        Ok(t) if t.is_empty() => form.invalid(&ctx.tr, "message", platform::rules::Invalid::Required),
        Ok(_) => {}
    }
    let deadline = NaiveDate::parse_from_str(input.deadline.trim(), "%Y-%m-%d").ok();
    match deadline {
        None => form.error("deadline", ctx.t("grants-err-date")),
        Some(d) if d <= today => form.error("deadline", ctx.t("grants-err-completion-past")),
        Some(_) => {}
    }
    let (Ok(message), Some(deadline), false) = (message, deadline, form.has_errors()) else {
        let given = vec![section(&ctx, "completion-form", "grants-completion-form-heading", form)];
        return page(&state, &ctx, &m, &case, user, Extra::default(), given).await;
    };
    let l = letters(&state, &m);
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        let ((), change) = write::request_completion(tx, m.id, &case.app, &message, deadline, user, now).await?;
        let details = Details {
            text: message.clone(),
            date: deadline.to_string(),
            ..Details::default()
        };
        mail::send(
            tx,
            &l,
            m.id,
            &case.app,
            &case.programme.name,
            Letter::Completion,
            &details,
            now,
        )
        .await?;
        Ok::<_, WriteError>(((), change))
    })
    .await;
    after(&state, &ctx, &m, id, done, "komplettering").await
}

#[derive(Deserialize, serde::Serialize, Default)]
pub(super) struct ProposeForm {
    #[serde(default)]
    proposed: String,
    #[serde(default)]
    proposal_note: String,
}

pub(super) async fn propose(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    Input(input): Input<ProposeForm>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_staff_of(&case)?;
    let mut form = forms::propose(&ctx, &m, &case);
    form.fill_from(&input);
    let amount = kronor(&input.proposed);
    if amount.is_none() {
        form.error("proposed", ctx.t("grants-err-amount"));
    }
    let note =
        platform::rules::text(&input.proposal_note, 4000).map_err(|why| form.invalid(&ctx.tr, "proposal_note", why));
    let (Some(amount), Ok(note)) = (amount, note) else {
        let given = vec![section(&ctx, "propose", "grants-propose-heading", form)];
        return page(&state, &ctx, &m, &case, user, Extra::default(), given).await;
    };
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        write::propose(tx, m.id, &case.app, amount, &note, user, now).await
    })
    .await;
    after(&state, &ctx, &m, id, done, "forslag").await
}

#[derive(Deserialize, serde::Serialize, Default)]
pub(super) struct DecideForm {
    #[serde(default)]
    decided: String,
    #[serde(default)]
    reason: String,
}

/// Which reports the grant asks for: each year's for a multi-year grant, one after a project.
fn reports(case: &Case) -> Reports {
    let ends = Stored::parse(&case.app.answers)
        .details
        .ends_on
        .unwrap_or(case.period.dates.ends_on);
    reports_of(&case.programme.rules, case.period.dates.starts_on, ends)
}

pub(super) async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    Input(input): Input<DecideForm>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    // A handler proposes; only a person with the decision role decides.
    if !case.decider {
        return Err(AppError::Forbidden);
    }
    let mut form = forms::decide(&ctx, &m, &case);
    form.fill_from(&input);
    let amount = kronor(&input.decided);
    let reason = platform::rules::text(&input.reason, 4000);
    match (&amount, &reason) {
        (None, _) => form.error("decided", ctx.t("grants-err-amount")),
        (Some(a), Ok(r)) if r.is_empty() && reason_required(outcome_of(case.app.applied_ore, *a)) => {
            form.error("reason", ctx.t("grants-err-reason-required"))
        }
        (_, Err(why)) => form.invalid(&ctx.tr, "reason", *why),
        _ => {}
    }
    let (Some(amount), Ok(reason), false) = (amount, reason, form.has_errors()) else {
        let given = vec![section(&ctx, "decide", "grants-decide-heading", form)];
        return page(&state, &ctx, &m, &case, user, Extra::default(), given).await;
    };
    let decision = Decision {
        amount_ore: amount,
        reason: &reason,
        decided_on: state.today(),
        reports: reports(&case),
    };
    let l = letters(&state, &m);
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        let (decided, change) = write::decide(tx, m.id, case.app.id, &decision, user, now).await?;
        let letter = match decided.outcome {
            Outcome::Granted => Letter::Granted,
            Outcome::Reduced => Letter::Reduced,
            Outcome::Rejected => Letter::Rejected,
        };
        let details = Details {
            amount_ore: decided.amount_ore,
            text: reason.clone(),
            date: decision.decided_on.to_string(),
        };
        mail::send(tx, &l, m.id, &case.app, &case.programme.name, letter, &details, now).await?;
        // A grant with reports to come gets the daily reminder run (from tomorrow).
        if decision.reports != Reports::None && decided.amount_ore > 0 {
            reminders::ensure(tx, now + reminders::DAY, now).await?;
        }
        Ok::<_, WriteError>(((), change))
    })
    .await;
    if let Err(WriteError::OverBudget { left_ore }) = &done {
        let mut form = forms::decide(&ctx, &m, &case);
        form.fill_from(&input);
        form.error(
            "decided",
            ctx.tr
                .ta("grants-err-over-budget", &[("left", &format_kronor(*left_ore))]),
        );
        let given = vec![section(&ctx, "decide", "grants-decide-heading", form)];
        return page(&state, &ctx, &m, &case, user, Extra::default(), given).await;
    }
    after(&state, &ctx, &m, id, done, "beslut").await
}
